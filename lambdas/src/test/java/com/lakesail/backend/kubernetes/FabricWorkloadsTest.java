package com.lakesail.backend.kubernetes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.lakesail.backend.agent.protocol.AgentCommand;
import com.lakesail.backend.agent.protocol.AgentError;
import com.lakesail.backend.agent.protocol.AgentException;
import com.lakesail.backend.agent.protocol.AgentProtocol;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.rbac.PolicyRuleBuilder;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.api.model.rbac.RoleBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.kubernetes.client.jdkhttp.JdkHttpClientFactory;
import java.io.IOException;
import java.io.StringReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The agent's Kubernetes work against Fabric8's mock API server in CRUD mode: objects are stored as
 * sent and read back, and the test plays the controllers (it writes pods and their status itself).
 */
@EnableKubernetesMockClient(crud = true, https = false)
class FabricWorkloadsTest {
    static final Images IMAGES = new Images("111122223333.dkr.ecr.eu-west-1.amazonaws.com/sail:0.5.1",
            "111122223333.dkr.ecr.eu-west-1.amazonaws.com/lakesail-runner:0.1.0", "public.ecr.aws/aws-cli/aws-cli:2.32.9");
    static final AgentCommand.WorkloadRef RUN = new AgentCommand.WorkloadRef("org_acme", "jrn_xyz");
    static final AgentCommand.WorkloadRef OTHER = new AgentCommand.WorkloadRef("org_acme", "jrn_other");
    static final String NS = Names.WORKLOAD_NAMESPACE;
    static final AgentCommand.Callback CALLBACK = new AgentCommand.Callback(
            URI.create("https://abc.execute-api.eu-west-1.amazonaws.com/prod/v1/callbacks/job-runs/jrn_xyz"), "lsc_sail_secret");

    KubernetesMockServer server;
    KubernetesClient client;

    /** Each command opens its own client, as the agent does, and closes it. */
    private FabricWorkloads workloads() {
        return new FabricWorkloads(server::createClient, IMAGES);
    }

    static AgentCommand.CreateSail sail(AgentCommand.WorkloadRef workload, String token, int maxWorkers,
                                        AgentCommand.Catalog... catalogs) {
        return new AgentCommand.CreateSail(workload, List.of(catalogs), Map.of("spark.sql.shuffle.partitions", "16"),
                new AgentCommand.Compute(new AgentCommand.Size(2, 4), new AgentCommand.Size(4, 16), maxWorkers),
                new AgentCommand.Callback(CALLBACK.url(), token), 780);
    }

    static AgentCommand.CreateRunner runner(AgentCommand.WorkloadRef workload, String entrypointJson) {
        ObjectNode spec;
        try {
            spec = (ObjectNode) AgentProtocol.json().readTree("{\"runId\":\"" + workload.id() + "\",\"entrypoint\":"
                    + entrypointJson + ",\"parameters\":{\"day\":\"2026-12-01\"},\"previewRows\":100,\"heartbeatSeconds\":20}");
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return new AgentCommand.CreateRunner(workload, "sc://jrn-xyz-sail.lakesail-workloads.svc.cluster.local:50051",
                new AgentCommand.Callback(CALLBACK.url(), "lsc_runner_secret"), spec);
    }

    // ---- bootstrap

    @Test
    void bootstrap_whenEmptyCluster_createsNamespacesServiceAccountsAndRbac() {
        workloads().bootstrap();

        assertEquals(Names.MANAGED, client.namespaces().withName(Names.SYSTEM_NAMESPACE).get().getMetadata().getLabels());
        assertEquals("baseline", client.namespaces().withName(NS).get().getMetadata().getLabels()
                .get("pod-security.kubernetes.io/enforce"));
        assertNotNull(client.serviceAccounts().inNamespace(NS).withName(Names.SAIL_ACCOUNT).get());
        assertFalse(client.serviceAccounts().inNamespace(NS).withName(Names.RUNNER_ACCOUNT).get().getAutomountServiceAccountToken(),
                "runners and the watcher call no Kubernetes API");
        Role role = client.rbac().roles().inNamespace(NS).withName("sail").get();
        assertEquals(ClusterBootstrap.SAIL_RULES, role.getRules());
        RoleBinding binding = client.rbac().roleBindings().inNamespace(NS).withName("sail").get();
        assertEquals("Role", binding.getRoleRef().getKind());
        assertEquals("sail", binding.getRoleRef().getName());
        assertEquals("ServiceAccount", binding.getSubjects().get(0).getKind());
        assertEquals(NS, binding.getSubjects().get(0).getNamespace());
    }

    @Test
    void bootstrap_whenRetriedAfterDrift_replacesWhatChanged() {
        client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(NS).endMetadata().build()).create();
        client.rbac().roles().inNamespace(NS).resource(new RoleBuilder().withNewMetadata().withName("sail").endMetadata()
                .withRules(new PolicyRuleBuilder().withApiGroups("").withResources("secrets").withVerbs("*").build()).build()).create();

        workloads().bootstrap();
        workloads().bootstrap();

        assertEquals(ClusterBootstrap.SAIL_RULES, client.rbac().roles().inNamespace(NS).withName("sail").get().getRules());
        assertEquals(ClusterBootstrap.WORKLOAD_NAMESPACE_LABELS, client.namespaces().withName(NS).get().getMetadata().getLabels());
        assertEquals(1, client.rbac().roleBindings().inNamespace(NS).list().getItems().size());
    }

    // ---- createSail

    @Test
    void createSail_whenNew_runsSailInKubernetesModeBehindAServiceWithItsSettingsAndAWatcher() throws IOException {
        AgentCommand.SailEndpoint endpoint = workloads().createSail(sail(RUN, "lsc_sail_secret", 3,
                new AgentCommand.Catalog("Lake", "iceberg", Map.of("location", "s3://lakesail-lake/warehouse"))));

        assertEquals("sc://jrn-xyz-sail.lakesail-workloads.svc.cluster.local:50051", endpoint.endpoint());
        Deployment deployment = client.apps().deployments().inNamespace(NS).withName("jrn-xyz-sail").get();
        assertEquals(Map.of("lakesail.com/workload", "jrn-xyz", "app.kubernetes.io/component", "sail"),
                deployment.getSpec().getSelector().getMatchLabels());
        assertEquals("org-acme", deployment.getMetadata().getLabels().get("lakesail.com/organization"));
        assertEquals(1, deployment.getSpec().getReplicas());
        assertEquals("Recreate", deployment.getSpec().getStrategy().getType());
        assertEquals("sail", deployment.getSpec().getTemplate().getSpec().getServiceAccountName());
        Container server = deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
        assertEquals(IMAGES.sail(), server.getImage());
        assertEquals(List.of("spark", "server", "--ip", "0.0.0.0", "--port", "50051"), server.getArgs());
        Map<String, EnvVar> env = env(server);
        assertEquals("kubernetes-cluster", env.get("SAIL_MODE").getValue());
        assertEquals("3", env.get("SAIL_CLUSTER__WORKER_MAX_COUNT").getValue());
        assertEquals("status.podIP", env.get("SAIL_CLUSTER__DRIVER_EXTERNAL_HOST").getValueFrom().getFieldRef().getFieldPath());
        assertEquals("metadata.name", env.get("SAIL_KUBERNETES__DRIVER_POD_NAME").getValueFrom().getFieldRef().getFieldPath());
        assertEquals(IMAGES.sail(), env.get("SAIL_KUBERNETES__IMAGE").getValue());
        assertEquals("sail", env.get("SAIL_KUBERNETES__WORKER_SERVICE_ACCOUNT_NAME").getValue());
        assertEquals("jrn-xyz-worker-", env.get("SAIL_KUBERNETES__WORKER_POD_NAME_PREFIX").getValue());
        ObjectNode workerTemplate = (ObjectNode) AgentProtocol.json().readTree(env.get("SAIL_KUBERNETES__WORKER_POD_TEMPLATE").getValue());
        assertEquals("jrn-xyz", workerTemplate.path("metadata").path("labels").path("lakesail.com/workload").asText());
        assertEquals("16Gi", workerTemplate.path("spec").path("containers").path(0).path("resources").path("limits").path("memory").asText());
        assertEquals(SailManifests.CONF_DIR, env.get("SPARK_CONF_DIR").getValue());
        assertEquals(new Quantity("2"), server.getResources().getRequests().get("cpu"));
        assertEquals(new Quantity("4Gi"), server.getResources().getLimits().get("memory"));
        assertEquals(50051, server.getReadinessProbe().getTcpSocket().getPort().getIntVal());
        assertEquals("jrn-xyz-sail", deployment.getSpec().getTemplate().getSpec().getVolumes().get(0).getConfigMap().getName());

        Service service = client.services().inNamespace(NS).withName("jrn-xyz-sail").get();
        assertEquals(50051, service.getSpec().getPorts().get(0).getPort());
        assertEquals(deployment.getSpec().getSelector().getMatchLabels(), service.getSpec().getSelector());

        Properties conf = new Properties();
        conf.load(new StringReader(client.configMaps().inNamespace(NS).withName("jrn-xyz-sail").get().getData()
                .get("spark-defaults.conf")));
        assertEquals("org.apache.iceberg.spark.SparkCatalog", conf.getProperty("spark.sql.catalog.lake"));
        assertEquals("s3a://lakesail-lake/warehouse", conf.getProperty("spark.sql.catalog.lake.warehouse"));
        assertEquals("16", conf.getProperty("spark.sql.shuffle.partitions"));

        Job watcher = client.batch().v1().jobs().inNamespace(NS).withName("jrn-xyz-sail-watch").get();
        Container watch = watcher.getSpec().getTemplate().getSpec().getContainers().get(0);
        assertEquals(IMAGES.runner(), watch.getImage());
        Map<String, EnvVar> watchEnv = env(watch);
        assertEquals("watch-sail", watchEnv.get("LAKESAIL_RUNNER_MODE").getValue());
        assertEquals(endpoint.endpoint(), watchEnv.get("SPARK_REMOTE").getValue());
        assertEquals(CALLBACK.url().toString(), watchEnv.get("LAKESAIL_CALLBACK_URL").getValue());
        assertEquals("780", watchEnv.get("LAKESAIL_SAIL_TIMEOUT_SECONDS").getValue());
        assertEquals("jrn-xyz-sail", watchEnv.get("LAKESAIL_CALLBACK_TOKEN").getValueFrom().getSecretKeyRef().getName());
        assertEquals("runner", watcher.getSpec().getTemplate().getSpec().getServiceAccountName());
        assertEquals("lsc_sail_secret", token(client.secrets().inNamespace(NS).withName("jrn-xyz-sail").get()));

        String uid = deployment.getMetadata().getUid();
        for (HasMetadata dependent : List.of(service, watcher, client.secrets().inNamespace(NS).withName("jrn-xyz-sail").get(),
                client.configMaps().inNamespace(NS).withName("jrn-xyz-sail").get())) {
            assertEquals(uid, dependent.getMetadata().getOwnerReferences().get(0).getUid(), dependent.getKind() + " is owned by the Sail");
            assertEquals("jrn-xyz", dependent.getMetadata().getLabels().get("lakesail.com/workload"), dependent.getKind());
        }
        String everything = List.of(deployment, service, watcher).stream().map(Object::toString).collect(Collectors.joining());
        assertFalse(everything.contains("lsc_sail_secret"), "the credential is in the Secret only");
    }

    @Test
    void createSail_whenRetried_keepsOneOfEachAndHandsTheWatcherTheLatestCredential() {
        workloads().createSail(sail(RUN, "lsc_first", 3));
        String uid = client.apps().deployments().inNamespace(NS).withName("jrn-xyz-sail").get().getMetadata().getUid();

        workloads().createSail(sail(RUN, "lsc_second", 3));

        assertEquals(uid, client.apps().deployments().inNamespace(NS).withName("jrn-xyz-sail").get().getMetadata().getUid());
        assertEquals(1, client.apps().deployments().inNamespace(NS).list().getItems().size());
        assertEquals(1, client.batch().v1().jobs().inNamespace(NS).list().getItems().size());
        assertEquals(1, client.services().inNamespace(NS).list().getItems().size());
        assertEquals("lsc_second", token(client.secrets().inNamespace(NS).withName("jrn-xyz-sail").get()));
    }

    @Test
    void createSail_whenNoWorkers_runsEverythingInTheServer() {
        workloads().createSail(sail(RUN, "lsc_t", 0));

        Container server = client.apps().deployments().inNamespace(NS).withName("jrn-xyz-sail").get().getSpec().getTemplate()
                .getSpec().getContainers().get(0);
        assertEquals("local", env(server).get("SAIL_MODE").getValue());
    }

    @Test
    void createSail_whenCatalogsCannotBeConfigured_refusesAsInvalidAndCreatesNothing() {
        AgentException e = assertThrows(AgentException.class, () -> workloads().createSail(sail(RUN, "lsc_t", 2,
                new AgentCommand.Catalog("a", "delta", Map.of("location", "s3://lakesail-a/")),
                new AgentCommand.Catalog("b", "delta", Map.of("location", "s3://lakesail-b/")))));

        assertEquals(AgentError.Code.INVALID_SPEC, e.error().code());
        assertFalse(e.error().retryable());
        assertTrue(e.getMessage().contains("one Delta catalog"), e.getMessage());
        assertEquals(0, client.apps().deployments().inNamespace(NS).list().getItems().size());
    }

    // ---- createRunner

    @Test
    void createRunner_whenSailExists_runsTheRunnerOnceWithTheProtocolsEnvironment() throws IOException {
        workloads().createSail(sail(RUN, "lsc_t", 2));
        AgentCommand.CreateRunner command = runner(RUN, "{\"type\":\"sql\",\"statements\":[\"SELECT 1\"]}");

        workloads().createRunner(command);
        workloads().createRunner(command);

        List<Job> jobs = client.batch().v1().jobs().inNamespace(NS).withLabel("app.kubernetes.io/component", "runner").list().getItems();
        assertEquals(1, jobs.size());
        Job job = jobs.get(0);
        assertEquals("jrn-xyz-runner", job.getMetadata().getName());
        assertEquals(0, job.getSpec().getBackoffLimit(), "a runner never runs a job's statements twice");
        assertEquals("Never", job.getSpec().getTemplate().getSpec().getRestartPolicy());
        assertEquals(List.of(), job.getSpec().getTemplate().getSpec().getInitContainers());
        Map<String, EnvVar> env = env(job.getSpec().getTemplate().getSpec().getContainers().get(0));
        assertEquals(Set4.of("SPARK_REMOTE", "LAKESAIL_CALLBACK_URL", "LAKESAIL_CALLBACK_TOKEN", "LAKESAIL_RUN_SPEC"), env.keySet());
        assertEquals(command.sparkRemote(), env.get("SPARK_REMOTE").getValue());
        assertEquals(command.runSpec(), AgentProtocol.json().readTree(env.get("LAKESAIL_RUN_SPEC").getValue()));
        assertEquals("jrn-xyz-runner", env.get("LAKESAIL_CALLBACK_TOKEN").getValueFrom().getSecretKeyRef().getName());
        assertEquals("lsc_runner_secret", token(client.secrets().inNamespace(NS).withName("jrn-xyz-runner").get()));
        assertEquals(client.apps().deployments().inNamespace(NS).withName("jrn-xyz-sail").get().getMetadata().getUid(),
                job.getMetadata().getOwnerReferences().get(0).getUid());
    }

    @Test
    void createRunner_whenJarOnS3_stagesItWithThePodsRoleAndPointsTheSpecAtTheCopy() throws IOException {
        workloads().createSail(sail(RUN, "lsc_t", 2));

        workloads().createRunner(runner(RUN, "{\"type\":\"jar\",\"location\":\"s3://lakesail-apps/etl/app.jar\","
                + "\"mainClass\":\"com.acme.Main\",\"arguments\":[\"--day\",\"x; rm -rf /\"]}"));

        var pod = client.batch().v1().jobs().inNamespace(NS).withName("jrn-xyz-runner").get().getSpec().getTemplate().getSpec();
        Container stager = pod.getInitContainers().get(0);
        assertEquals(IMAGES.staging(), stager.getImage());
        assertEquals(List.of("aws"), stager.getCommand());
        assertEquals(List.of("s3", "cp", "--no-progress", "--only-show-errors", "s3://lakesail-apps/etl/app.jar",
                RunnerManifests.STAGED_JAR), stager.getArgs());
        Container runner = pod.getContainers().get(0);
        ObjectNode spec = (ObjectNode) AgentProtocol.json().readTree(env(runner).get("LAKESAIL_RUN_SPEC").getValue());
        assertEquals(RunnerManifests.STAGED_JAR, spec.path("entrypoint").path("location").asText());
        assertEquals("com.acme.Main", spec.path("entrypoint").path("mainClass").asText());
        assertEquals(RunnerManifests.JOB_DIRECTORY, runner.getVolumeMounts().get(0).getMountPath());
        assertTrue(runner.getVolumeMounts().get(0).getReadOnly());
        assertNotNull(pod.getVolumes().get(0).getEmptyDir());
        assertEquals("runner", pod.getServiceAccountName(), "the account EKS Pod Identity gives the workload role");
    }

    @Test
    void createRunner_whenSailIsGone_refusesAsNotFound() {
        AgentException e = assertThrows(AgentException.class,
                () -> workloads().createRunner(runner(RUN, "{\"type\":\"sql\",\"statements\":[\"SELECT 1\"]}")));

        assertEquals(AgentError.Code.NOT_FOUND, e.error().code());
        assertFalse(e.error().retryable());
        assertNull(client.batch().v1().jobs().inNamespace(NS).withName("jrn-xyz-runner").get());
    }

    // ---- sailStatus (the test plays the Deployment controller and the kubelet)

    @Test
    void sailStatus_whenTheSailStarts_reportsAbsentThenStartingThenReady() {
        assertEquals(AgentCommand.SailState.State.ABSENT, workloads().sailStatus(RUN).state());
        workloads().createSail(sail(RUN, "lsc_t", 2));
        assertEquals(new AgentCommand.SailState(AgentCommand.SailState.State.STARTING,
                "sc://jrn-xyz-sail.lakesail-workloads.svc.cluster.local:50051", "no Sail pod yet"), workloads().sailStatus(RUN));

        Pod pod = client.pods().inNamespace(NS).resource(sailPod("jrn-xyz-sail-5d9f-abcde")).create();
        pod.setStatus(new io.fabric8.kubernetes.api.model.PodStatusBuilder().addNewCondition().withType("PodScheduled")
                .withStatus("False").withReason("Unschedulable").withMessage("0/2 nodes are available: 2 Insufficient memory.")
                .endCondition().build());
        client.pods().inNamespace(NS).resource(pod).updateStatus();
        AgentCommand.SailState unschedulable = workloads().sailStatus(RUN);
        assertEquals(AgentCommand.SailState.State.STARTING, unschedulable.state());
        assertEquals("pod: Unschedulable: 0/2 nodes are available: 2 Insufficient memory.", unschedulable.detail());

        pod = client.pods().inNamespace(NS).withName("jrn-xyz-sail-5d9f-abcde").get();
        pod.setStatus(new io.fabric8.kubernetes.api.model.PodStatusBuilder().addNewCondition().withType("Ready").withStatus("True")
                .endCondition().build());
        client.pods().inNamespace(NS).resource(pod).updateStatus();
        assertEquals(AgentCommand.SailState.State.READY, workloads().sailStatus(RUN).state());
    }

    @Test
    void sailStatus_whenTheImageCannotBePulled_reportsFailingWithKubernetesReason() {
        workloads().createSail(sail(RUN, "lsc_t", 2));
        Pod pod = client.pods().inNamespace(NS).resource(sailPod("jrn-xyz-sail-5d9f-abcde")).create();
        pod.setStatus(new io.fabric8.kubernetes.api.model.PodStatusBuilder().addNewContainerStatus().withName("sail")
                .withNewState().withNewWaiting().withReason("ImagePullBackOff")
                .withMessage("Back-off pulling image \"sail:0.5.1\"").endWaiting().endState().endContainerStatus().build());
        client.pods().inNamespace(NS).resource(pod).updateStatus();

        AgentCommand.SailState state = workloads().sailStatus(RUN);

        assertEquals(AgentCommand.SailState.State.FAILING, state.state());
        assertEquals("sail: ImagePullBackOff: Back-off pulling image \"sail:0.5.1\"", state.detail());
    }

    // ---- readLogs

    @Test
    void readLogs_whenSailWrote_pagesItsLinesByCursorAndReadsOnlyWhatIsNew() throws Exception {
        workloads().createSail(sail(RUN, "lsc_t", 2));
        client.pods().inNamespace(NS).resource(sailPod("jrn-xyz-sail-5d9f-abcde")).create();
        String path = "/api/v1/namespaces/lakesail-workloads/pods/jrn-xyz-sail-5d9f-abcde/log?pretty=false&container=sail";
        String limit = "&limitBytes=" + WorkloadLogs.MAX_BYTES + "&timestamps=true";
        server.expect().get().withPath(path + limit).andReturn(200, "2026-12-01T10:00:00.100000000Z starting\n"
                + "2026-12-01T10:00:01.200000000Z Spark Connect server listening on 0.0.0.0:50051\n").once();

        AgentCommand.LogLines first = workloads().readLogs(new AgentCommand.ReadLogs(RUN, null));

        assertEquals(List.of(new AgentCommand.LogLines.Line("sail", "starting"),
                new AgentCommand.LogLines.Line("sail", "Spark Connect server listening on 0.0.0.0:50051")), first.lines());
        server.expect().get().withPath(path + "&sinceTime=2026-12-01T10:00:01Z" + limit).andReturn(200,
                "2026-12-01T10:00:01.200000000Z Spark Connect server listening on 0.0.0.0:50051\n"
                        + "2026-12-01T10:00:07.000000001Z query 1 finished\n").once();

        AgentCommand.LogLines second = workloads().readLogs(new AgentCommand.ReadLogs(RUN, first.nextCursor()));

        assertEquals(List.of(new AgentCommand.LogLines.Line("sail", "query 1 finished")), second.lines());
    }

    // ---- createSession

    static final AgentCommand.WorkloadRef SESSION = new AgentCommand.WorkloadRef("org_acme", "ses_xyz");
    static final String GATE_HOST = "k8s-lakesail-sesxyzga-0123456789.elb.eu-west-1.amazonaws.com";

    static AgentCommand.CreateSession session(AgentCommand.WorkloadRef workload, String token, AgentCommand.Exposure exposure) {
        return new AgentCommand.CreateSession(workload,
                List.of(new AgentCommand.Catalog("Lake", "iceberg", Map.of("location", "s3://lakesail-lake/warehouse"))),
                new AgentCommand.Compute(new AgentCommand.Size(2, 4), new AgentCommand.Size(4, 16), 3),
                new AgentCommand.Callback(URI.create("https://abc.execute-api.eu-west-1.amazonaws.com/prod/v1/callbacks/sessions/"
                        + workload.id()), token),
                new AgentCommand.Gate("https://abc.execute-api.eu-west-1.amazonaws.com/prod", "lakesail-session", workload.id(),
                        URI.create("https://abc.execute-api.eu-west-1.amazonaws.com/prod/v1/.well-known/jwks.json")),
                30, exposure);
    }

    /** The agent's waits, played by the test: the first pause is when the cloud's controller gives the gate its address. */
    private FabricWorkloads sessions(String hostOnFirstPause) {
        return new FabricWorkloads(server::createClient, IMAGES, d -> {
            pauses++;
            if (hostOnFirstPause != null && pauses == 1) {
                Service gate = client.services().inNamespace(NS).withName("ses-xyz-gate").get();
                gate.setStatus(new io.fabric8.kubernetes.api.model.ServiceStatusBuilder().withNewLoadBalancer().addNewIngress()
                        .withHostname(hostOnFirstPause).endIngress().endLoadBalancer().build());
                client.services().inNamespace(NS).resource(gate).updateStatus();
            }
        }, 3);
    }

    int pauses;

    @Test
    void createSession_whenPrivate_runsSailOnLoopbackBesideTheSessionServerBehindAnInternalGate() throws IOException {
        AgentCommand.SessionEndpoint endpoint = sessions(GATE_HOST).createSession(session(SESSION, "lsc_ses_secret", null));

        assertEquals("sc://" + GATE_HOST + ":15002", endpoint.endpoint());
        assertEquals(1, pauses, "waited once for the load balancer's address");
        Deployment deployment = client.apps().deployments().inNamespace(NS).withName("ses-xyz-sail").get();
        assertEquals(1, deployment.getSpec().getReplicas());
        assertEquals("Recreate", deployment.getSpec().getStrategy().getType());
        var pod = deployment.getSpec().getTemplate().getSpec();
        assertEquals("sail", pod.getServiceAccountName());
        assertFalse(pod.getAutomountServiceAccountToken(), "the session server gets no Kubernetes credential");
        assertEquals(List.of("sail", "session"), pod.getContainers().stream().map(Container::getName).toList());

        Container sail = pod.getContainers().get(0);
        assertEquals(IMAGES.sail(), sail.getImage());
        assertEquals(List.of("spark", "server", "--ip", "127.0.0.1", "--port", "50051"), sail.getArgs());
        assertNull(sail.getReadinessProbe(), "the kubelet cannot reach a loopback listener");
        Map<String, EnvVar> sailEnv = env(sail);
        assertEquals("kubernetes-cluster", sailEnv.get("SAIL_MODE").getValue());
        assertEquals("0.0.0.0", sailEnv.get("SAIL_CLUSTER__DRIVER_LISTEN_HOST").getValue(), "workers still reach the driver");
        assertEquals("status.podIP", sailEnv.get("SAIL_CLUSTER__DRIVER_EXTERNAL_HOST").getValueFrom().getFieldRef().getFieldPath());
        assertEquals("ses-xyz-worker-", sailEnv.get("SAIL_KUBERNETES__WORKER_POD_NAME_PREFIX").getValue());
        assertEquals(SailManifests.TOKEN_DIR, sail.getVolumeMounts().stream().filter(m -> m.getMountPath().equals(SailManifests.TOKEN_DIR))
                .findFirst().orElseThrow().getMountPath(), "Sail mounts its own account token to start its workers");
        var token = pod.getVolumes().stream().filter(v -> v.getProjected() != null).findFirst().orElseThrow().getProjected();
        assertEquals("token", token.getSources().get(0).getServiceAccountToken().getPath());
        assertEquals("kube-root-ca.crt", token.getSources().get(1).getConfigMap().getName());
        assertEquals("ses-xyz-sail", pod.getVolumes().stream().filter(v -> v.getConfigMap() != null).findFirst().orElseThrow()
                .getConfigMap().getName());

        Container session = pod.getContainers().get(1);
        assertEquals(IMAGES.runner(), session.getImage());
        assertTrue(session.getVolumeMounts() == null || session.getVolumeMounts().isEmpty());
        Map<String, EnvVar> env = env(session);
        assertEquals(java.util.Set.of("LAKESAIL_RUNNER_MODE", "LAKESAIL_CALLBACK_URL", "LAKESAIL_CALLBACK_TOKEN",
                "LAKESAIL_SESSION_SPEC"), env.keySet());
        assertEquals("session", env.get("LAKESAIL_RUNNER_MODE").getValue());
        assertEquals("https://abc.execute-api.eu-west-1.amazonaws.com/prod/v1/callbacks/sessions/ses_xyz",
                env.get("LAKESAIL_CALLBACK_URL").getValue());
        assertNull(env.get("LAKESAIL_CALLBACK_TOKEN").getValue());
        assertEquals("ses-xyz-session", env.get("LAKESAIL_CALLBACK_TOKEN").getValueFrom().getSecretKeyRef().getName());
        assertEquals(SailManifests.TOKEN_KEY, env.get("LAKESAIL_CALLBACK_TOKEN").getValueFrom().getSecretKeyRef().getKey());
        assertEquals(AgentProtocol.json().readTree("{\"sessionId\":\"ses_xyz\",\"sail\":\"sc://localhost:50051\","
                        + "\"endpoint\":\"sc://" + GATE_HOST + ":15002\",\"heartbeatSeconds\":30,\"gate\":{\"listen\":\"0.0.0.0:15002\","
                        + "\"jwks\":\"https://abc.execute-api.eu-west-1.amazonaws.com/prod/v1/.well-known/jwks.json\","
                        + "\"issuer\":\"https://abc.execute-api.eu-west-1.amazonaws.com/prod\",\"audience\":\"lakesail-session\","
                        + "\"sessionId\":\"ses_xyz\"}}"),
                AgentProtocol.json().readTree(env.get("LAKESAIL_SESSION_SPEC").getValue()));
        assertEquals("gate", session.getPorts().get(0).getName());
        assertEquals(15002, session.getPorts().get(0).getContainerPort());
        assertEquals(15002, session.getReadinessProbe().getTcpSocket().getPort().getIntVal());
        assertEquals(new Quantity("250m"), session.getResources().getRequests().get("cpu"));
        assertEquals(new Quantity("768Mi"), session.getResources().getRequests().get("memory"));
        assertEquals(new Quantity("1Gi"), session.getResources().getLimits().get("memory"));
        assertTrue(session.getSecurityContext().getRunAsNonRoot());
        assertFalse(session.getSecurityContext().getAllowPrivilegeEscalation());

        Service gate = client.services().inNamespace(NS).withName("ses-xyz-gate").get();
        assertEquals("LoadBalancer", gate.getSpec().getType());
        assertEquals(deployment.getSpec().getSelector().getMatchLabels(), gate.getSpec().getSelector());
        assertEquals(1, gate.getSpec().getPorts().size(), "the gate only: Sail is not exposed");
        assertEquals(15002, gate.getSpec().getPorts().get(0).getPort());
        assertEquals("gate", gate.getSpec().getPorts().get(0).getTargetPort().getStrVal());
        assertEquals(Map.of(SessionManifests.LB_TYPE, "nlb", SessionManifests.LB_SCHEME, "internal",
                SessionManifests.LB_INTERNAL, "true"), gate.getMetadata().getAnnotations());
        assertTrue(gate.getSpec().getLoadBalancerSourceRanges() == null || gate.getSpec().getLoadBalancerSourceRanges().isEmpty());
        assertNull(client.services().inNamespace(NS).withName("ses-xyz-sail").get(), "no Service in front of Sail itself");

        Properties conf = new Properties();
        conf.load(new StringReader(client.configMaps().inNamespace(NS).withName("ses-xyz-sail").get().getData()
                .get("spark-defaults.conf")));
        assertEquals("org.apache.iceberg.spark.SparkCatalog", conf.getProperty("spark.sql.catalog.lake"));
        assertEquals("s3a://lakesail-lake/warehouse", conf.getProperty("spark.sql.catalog.lake.warehouse"));
        assertEquals("lsc_ses_secret", token(client.secrets().inNamespace(NS).withName("ses-xyz-session").get()));

        String uid = deployment.getMetadata().getUid();
        for (HasMetadata dependent : List.of(gate, client.secrets().inNamespace(NS).withName("ses-xyz-session").get(),
                client.configMaps().inNamespace(NS).withName("ses-xyz-sail").get())) {
            assertEquals(uid, dependent.getMetadata().getOwnerReferences().get(0).getUid(), dependent.getKind() + " is owned by the Sail");
            assertEquals("ses-xyz", dependent.getMetadata().getLabels().get("lakesail.com/workload"), dependent.getKind());
        }
        assertEquals(0, client.batch().v1().jobs().inNamespace(NS).list().getItems().size(), "the server reports ready itself");
        assertFalse(deployment.toString().contains("lsc_ses_secret"), "the credential is in the Secret only");
    }

    @Test
    void createSession_whenPublic_exposesAnInternetFacingGateToTheAllowedCidrsOnly() {
        sessions(GATE_HOST).createSession(session(SESSION, "lsc_t",
                new AgentCommand.Exposure(true, List.of("203.0.113.0/24", "198.51.100.7/32"))));

        Service gate = client.services().inNamespace(NS).withName("ses-xyz-gate").get();
        assertEquals(Map.of(SessionManifests.LB_TYPE, "nlb", SessionManifests.LB_SCHEME, "internet-facing"),
                gate.getMetadata().getAnnotations());
        assertEquals(List.of("203.0.113.0/24", "198.51.100.7/32"), gate.getSpec().getLoadBalancerSourceRanges());
    }

    @Test
    void createSession_whenTheGateHasNoAddressYet_failsRetryableKeepingTheGateAndTheRetryFinishes() {
        AgentException e = assertThrows(AgentException.class, () -> sessions(null).createSession(session(SESSION, "lsc_1", null)));

        assertEquals(AgentError.Code.NOT_READY, e.error().code());
        assertTrue(e.error().retryable());
        assertTrue(e.getMessage().contains("lakesail-workloads/ses-xyz-gate"), e.getMessage());
        assertEquals(2, pauses, "three looks, bounded");
        String gateUid = client.services().inNamespace(NS).withName("ses-xyz-gate").get().getMetadata().getUid();
        assertNull(client.apps().deployments().inNamespace(NS).withName("ses-xyz-sail").get(), "nothing runs without its endpoint");

        pauses = 0;
        AgentCommand.SessionEndpoint endpoint = sessions(GATE_HOST).createSession(session(SESSION, "lsc_2", null));

        assertEquals("sc://" + GATE_HOST + ":15002", endpoint.endpoint());
        assertEquals(gateUid, client.services().inNamespace(NS).withName("ses-xyz-gate").get().getMetadata().getUid(),
                "the gate (and its load balancer) is kept");
        assertNotNull(client.apps().deployments().inNamespace(NS).withName("ses-xyz-sail").get());
    }

    @Test
    void createSession_whenRetried_keepsOneOfEachWithoutWaitingAgain() {
        sessions(GATE_HOST).createSession(session(SESSION, "lsc_first", null));
        Deployment first = client.apps().deployments().inNamespace(NS).withName("ses-xyz-sail").get();
        pauses = 0;

        AgentCommand.SessionEndpoint again = sessions(null).createSession(session(SESSION, "lsc_second", null));

        assertEquals("sc://" + GATE_HOST + ":15002", again.endpoint());
        assertEquals(0, pauses, "the gate already has its address");
        Deployment second = client.apps().deployments().inNamespace(NS).withName("ses-xyz-sail").get();
        assertEquals(first.getMetadata().getUid(), second.getMetadata().getUid());
        assertEquals(first.getSpec().getTemplate(), second.getSpec().getTemplate(), "the same pod: no restart");
        assertEquals(1, client.apps().deployments().inNamespace(NS).list().getItems().size());
        assertEquals(1, client.services().inNamespace(NS).list().getItems().size());
        assertEquals(1, client.services().inNamespace(NS).withName("ses-xyz-gate").get().getMetadata().getOwnerReferences().size());
        assertEquals(1, client.configMaps().inNamespace(NS).list().getItems().size());
        assertEquals(1, client.secrets().inNamespace(NS).list().getItems().size());
        assertEquals("lsc_second", token(client.secrets().inNamespace(NS).withName("ses-xyz-session").get()));
    }

    @Test
    void createSession_whenCatalogsCannotBeConfigured_refusesAsInvalidAndCreatesNothing() {
        AgentCommand.CreateSession twoDeltas = new AgentCommand.CreateSession(SESSION, List.of(
                new AgentCommand.Catalog("a", "delta", Map.of("location", "s3://lakesail-a/")),
                new AgentCommand.Catalog("b", "delta", Map.of("location", "s3://lakesail-b/"))),
                session(SESSION, "lsc_t", null).compute(), session(SESSION, "lsc_t", null).callback(),
                session(SESSION, "lsc_t", null).gate(), 30, null);

        AgentException e = assertThrows(AgentException.class, () -> sessions(GATE_HOST).createSession(twoDeltas));

        assertEquals(AgentError.Code.INVALID_SPEC, e.error().code());
        assertEquals(List.of(), client.services().inNamespace(NS).list().getItems());
    }

    @Test
    void delete_whenASessionRuns_removesItsEngineGateAndSecretsAndKeepsOtherWorkloads() {
        sessions(GATE_HOST).createSession(session(SESSION, "lsc_t", null));
        client.pods().inNamespace(NS).resource(new PodBuilder().withNewMetadata().withName("ses-xyz-sail-5d9f-abcde").withNamespace(NS)
                .withLabels(Names.of(SESSION).labels(Names.SAIL)).endMetadata().build()).create();
        workloads().createSail(sail(RUN, "lsc_r", 2));

        workloads().delete(SESSION);
        workloads().delete(SESSION);

        assertEquals(List.of(), client.apps().deployments().inNamespace(NS).withLabel("lakesail.com/workload", "ses-xyz").list().getItems());
        for (var kind : List.of(client.services(), client.configMaps(), client.secrets(), client.pods())) {
            assertEquals(List.of(), kind.inNamespace(NS).withLabel("lakesail.com/workload", "ses-xyz").list().getItems());
        }
        assertNotNull(client.apps().deployments().inNamespace(NS).withName("jrn-xyz-sail").get());
        assertNotNull(client.services().inNamespace(NS).withName("jrn-xyz-sail").get());
    }

    @Test
    void readLogs_whenASessionsSailWrote_readsItLikeARunsSail() {
        sessions(GATE_HOST).createSession(session(SESSION, "lsc_t", null));
        client.pods().inNamespace(NS).resource(new PodBuilder().withNewMetadata().withName("ses-xyz-sail-5d9f-abcde").withNamespace(NS)
                .withLabels(Names.of(SESSION).labels(Names.SAIL)).endMetadata().build()).create();
        server.expect().get().withPath("/api/v1/namespaces/lakesail-workloads/pods/ses-xyz-sail-5d9f-abcde/log?pretty=false"
                + "&container=sail&limitBytes=" + WorkloadLogs.MAX_BYTES + "&timestamps=true")
                .andReturn(200, "2026-12-01T10:00:00.100000000Z Spark Connect server listening on 127.0.0.1:50051\n").once();

        AgentCommand.LogLines lines = workloads().readLogs(new AgentCommand.ReadLogs(SESSION, null));

        assertEquals(List.of(new AgentCommand.LogLines.Line("sail", "Spark Connect server listening on 127.0.0.1:50051")),
                lines.lines());
    }

    // ---- delete

    @Test
    void delete_whenTwoWorkloadsRun_removesEverythingOfOneAndNothingOfTheOther() {
        FabricWorkloads workloads = workloads();
        workloads.createSail(sail(RUN, "lsc_t", 2));
        workloads.createRunner(runner(RUN, "{\"type\":\"sql\",\"statements\":[\"SELECT 1\"]}"));
        client.pods().inNamespace(NS).resource(sailPod("jrn-xyz-sail-5d9f-abcde")).create();
        workloads.createSail(sail(OTHER, "lsc_o", 2));

        workloads.delete(RUN);
        workloads.delete(RUN);

        assertEquals(List.of(), client.apps().deployments().inNamespace(NS).withLabel("lakesail.com/workload", "jrn-xyz").list().getItems());
        for (var kind : List.of(client.batch().v1().jobs(), client.services(), client.configMaps(), client.secrets(), client.pods())) {
            assertEquals(List.of(), kind.inNamespace(NS).withLabel("lakesail.com/workload", "jrn-xyz").list().getItems());
        }
        assertNotNull(client.apps().deployments().inNamespace(NS).withName("jrn-other-sail").get());
        assertNotNull(client.batch().v1().jobs().inNamespace(NS).withName("jrn-other-sail-watch").get());
        assertNotNull(client.secrets().inNamespace(NS).withName("jrn-other-sail").get());
    }

    // ---- failures

    @Test
    void commands_whenTheApiDoesNotAnswer_failRetryableSayingSo() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        FabricWorkloads nowhere = new FabricWorkloads(() -> new KubernetesClientBuilder()
                .withConfig(new io.fabric8.kubernetes.client.ConfigBuilder(io.fabric8.kubernetes.client.Config.empty())
                        .withMasterUrl("http://127.0.0.1:" + closedPort).withRequestRetryBackoffLimit(0).build())
                .withHttpClientFactory(new JdkHttpClientFactory()).build(), IMAGES);

        AgentException e = assertThrows(AgentException.class, nowhere::bootstrap);

        assertEquals(AgentError.Code.CLUSTER_UNREACHABLE, e.error().code());
        assertTrue(e.error().retryable());
        assertTrue(e.getMessage().startsWith("bootstrap: the cluster's Kubernetes API did not answer"), e.getMessage());
    }

    @Test
    void retryable_whenStatusCode_retriesOnlyTransientOnes() {
        for (int code : List.of(409, 429, 500, 503)) {
            assertTrue(FabricWorkloads.retryable(code), Integer.toString(code));
        }
        for (int code : List.of(400, 401, 403, 404, 422)) {
            assertFalse(FabricWorkloads.retryable(code), Integer.toString(code));
        }
    }

    private static Pod sailPod(String name) {
        return new PodBuilder().withNewMetadata().withName(name).withNamespace(NS)
                .withLabels(Names.of(RUN).labels(Names.SAIL)).endMetadata()
                .withNewSpec().addNewContainer().withName("sail").withImage(IMAGES.sail()).endContainer().endSpec().build();
    }

    private static Map<String, EnvVar> env(Container container) {
        return container.getEnv().stream().collect(Collectors.toMap(EnvVar::getName, v -> v));
    }

    private static String token(Secret secret) {
        return new String(Base64.getDecoder().decode(secret.getData().get(SailManifests.TOKEN_KEY)), StandardCharsets.UTF_8);
    }

    /** Four names, as a set. */
    private static final class Set4 {
        static java.util.Set<String> of(String a, String b, String c, String d) {
            return java.util.Set.of(a, b, c, d);
        }
    }
}
