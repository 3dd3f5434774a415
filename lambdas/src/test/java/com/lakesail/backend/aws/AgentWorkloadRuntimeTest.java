package com.lakesail.backend.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.lakesail.backend.agent.AgentDispatcher;
import com.lakesail.backend.agent.protocol.AgentProtocol;
import com.lakesail.backend.domain.infra.CatalogKind;
import com.lakesail.backend.domain.job.Compute;
import com.lakesail.backend.kubernetes.FabricWorkloads;
import com.lakesail.backend.kubernetes.Images;
import com.lakesail.backend.kubernetes.Names;
import com.lakesail.backend.port.AccountAccess;
import com.lakesail.backend.port.Callback;
import com.lakesail.backend.port.CatalogSpec;
import com.lakesail.backend.port.ComputeRuntimeException;
import com.lakesail.backend.port.LogPage;
import com.lakesail.backend.port.RunnerSpec;
import com.lakesail.backend.port.SailSpec;
import com.lakesail.backend.port.Workload;
import com.lakesail.backend.port.WorkloadTarget;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodStatusBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.lambda.LambdaClient;

/**
 * The AWS path of a run's compute, end to end in one JVM: the control plane's runtime assumes the
 * account's role (fake STS), invokes the cluster's agent (fake Lambda, documented Invoke semantics),
 * and the real agent does the work on Fabric8's mock API server in CRUD mode.
 */
@EnableKubernetesMockClient(crud = true, https = false)
class AgentWorkloadRuntimeTest {
    private static final AccountAccess ACCESS = new AccountAccess("111122223333",
            "arn:aws:iam::111122223333:role/lakesail-cac-1", "ext-123");
    private static final AccountAccess OTHER_ACCESS = new AccountAccess("444455556666",
            "arn:aws:iam::444455556666:role/lakesail-cac-2", "ext-123");
    private static final WorkloadTarget CLUSTER = new WorkloadTarget("clu_1", "lakesail-clu-1", "eu-west-1", ACCESS);
    private static final Workload RUN = new Workload("org_acme", "jrn_xyz", CLUSTER);
    private static final Callback SAIL_CALLBACK = new Callback(
            URI.create("https://abc.execute-api.eu-west-1.amazonaws.com/prod/v1/callbacks/job-runs/jrn_xyz"), "lsc_sail");
    private static final String NS = Names.WORKLOAD_NAMESPACE;

    KubernetesMockServer server;
    KubernetesClient client;

    private final AwsCloudProviderTest.ManualClock clock = new AwsCloudProviderTest.ManualClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final FakeSts sts = new FakeSts();
    private final FakeLambda lambda = new FakeLambda();
    private final AccountClients clients = new AccountClients() {
        @Override
        public CloudFormationClient cloudFormation(AwsCredentialsProvider credentials, Region region) {
            throw new AssertionError("runs build no stacks");
        }

        @Override
        public LambdaClient lambda(AwsCredentialsProvider credentials, Region region) {
            lambda.credentials.add(credentials);
            lambda.regions.add(region);
            return lambda;
        }
    };
    private final AgentClient agent = new AgentClient(new AccountSessions(() -> sts, clock), clients);
    private final AgentWorkloadRuntime runtime = new AgentWorkloadRuntime(agent, 780);

    @BeforeEach
    void deployTheAgent() {
        sts.expiration = clock.instant().plus(Duration.ofMinutes(15));
        AgentDispatcher dispatcher = new AgentDispatcher(() -> new FabricWorkloads(server::createClient,
                new Images("sail:0.5.1", "lakesail-runner:0.1.0", "aws-cli:2")), Clock.systemUTC());
        lambda.functions.put("lakesail-clu-1-agent", dispatcher::handle);
    }

    static SailSpec sail(Workload workload) {
        return new SailSpec(workload, List.of(new CatalogSpec("lake", CatalogKind.HIVE_METASTORE,
                Map.of("uri", "thrift://metastore.internal:9083"))), Map.of("spark.sql.shuffle.partitions", "8"),
                Compute.DEFAULT, SAIL_CALLBACK);
    }

    @Test
    void createSail_whenInvoked_assumesTheAccountsRoleAndHasTheClustersAgentCreateTheSail() throws Exception {
        runtime.createSail(sail(RUN));

        assertEquals("lakesail-clu-1-agent", lambda.requests.get(0).functionName());
        assertEquals(Region.EU_WEST_1, lambda.regions.get(0));
        AwsSessionCredentials used = (AwsSessionCredentials) lambda.credentials.get(0).resolveCredentials();
        assertEquals("ASIAFAKE1", used.accessKeyId());
        assertEquals("ext-123", sts.requests.get(0).externalId());
        assertEquals(1, lambda.closed);
        JsonNode sent = AgentProtocol.json().readTree(lambda.requests.get(0).payload().asByteArray());
        assertEquals(1, sent.path("protocol").asInt());
        assertEquals("createSail", sent.path("command").asText());
        assertEquals("hive_metastore", sent.path("catalogs").path(0).path("kind").asText());
        assertEquals(780, sent.path("readyTimeoutSeconds").asInt());
        Deployment sail = client.apps().deployments().inNamespace(NS).withName("jrn-xyz-sail").get();
        assertNotNull(sail);
        assertTrue(client.configMaps().inNamespace(NS).withName("jrn-xyz-sail").get().getData().get("spark-defaults.conf")
                .contains("spark.sql.catalog.lake.uri=thrift\\://metastore.internal\\:9083"));
    }

    @Test
    void aRunsCompute_whenCreatedReadAndDeleted_leavesNothingOnTheCluster() {
        runtime.createSail(sail(RUN));
        String spec = "{\"runId\":\"jrn_xyz\",\"entrypoint\":{\"type\":\"sql\",\"statements\":[\"SELECT 1\"]},\"parameters\":{},"
                + "\"previewRows\":100,\"heartbeatSeconds\":20}";
        runtime.createRunner(new RunnerSpec(RUN, "sc://jrn-xyz-sail.lakesail-workloads.svc.cluster.local:50051",
                new Callback(SAIL_CALLBACK.url(), "lsc_runner"), spec));
        Map<String, String> env = new java.util.HashMap<>();
        for (EnvVar v : client.batch().v1().jobs().inNamespace(NS).withName("jrn-xyz-runner").get().getSpec().getTemplate()
                .getSpec().getContainers().get(0).getEnv()) {
            env.put(v.getName(), v.getValue());
        }
        assertEquals(spec, env.get("LAKESAIL_RUN_SPEC"));

        LogPage page = runtime.readLogs(RUN, null);
        assertEquals(List.of(), page.lines(), "no Sail pod has written anything yet");
        runtime.delete(RUN);
        runtime.delete(RUN);

        for (var kind : List.of(client.batch().v1().jobs(), client.services(), client.configMaps(), client.secrets(), client.pods())) {
            assertEquals(List.of(), kind.inNamespace(NS).list().getItems());
        }
        assertEquals(List.of(), client.apps().deployments().inNamespace(NS).list().getItems());
    }

    @Test
    void sessions_whenManyCommands_assumeEachAccountsRoleOnceUntilShortlyBeforeItExpires() {
        lambda.functions.put("lakesail-clu-2-agent", lambda.functions.get("lakesail-clu-1-agent"));
        Workload elsewhere = new Workload("org_acme", "jrn_abc", new WorkloadTarget("clu_2", "lakesail-clu-2", "us-east-1",
                OTHER_ACCESS));

        runtime.createSail(sail(RUN));
        runtime.readLogs(RUN, null);
        runtime.delete(elsewhere);
        runtime.delete(RUN);
        assertEquals(2, sts.requests.size(), "one session per account");

        clock.advance(Duration.ofMinutes(9));
        runtime.delete(RUN);
        assertEquals(2, sts.requests.size(), "still six minutes to live");
        clock.advance(Duration.ofMinutes(2));
        runtime.delete(RUN);
        assertEquals(3, sts.requests.size(), "renewed five minutes before it expires");
        assertEquals(Region.US_EAST_1, lambda.regions.get(2));
    }

    @Test
    void commands_whenTheClusterHasNoAgent_failCreatesAndFindNothingToReadOrDelete() {
        Workload old = new Workload("org_acme", "jrn_xyz", new WorkloadTarget("clu_9", "lakesail-clu-9", "eu-west-1", ACCESS));

        ComputeRuntimeException e = assertThrows(ComputeRuntimeException.class, () -> runtime.createSail(sail(old)));

        assertFalse(e.retryable());
        assertEquals("cluster lakesail-clu-9 has no agent (lakesail-clu-9-agent does not exist in eu-west-1): update the"
                + " cluster to deploy it", e.getMessage());
        assertEquals(new LogPage(List.of(), "c1"), runtime.readLogs(old, "c1"));
        runtime.delete(old);
    }

    @Test
    void commands_whenTheRoleMayNotInvokeTheAgent_failNonRetryableSayingWhatTheRoleNeeds() {
        lambda.failure = FakeLambda.accessDenied("lakesail-clu-1-agent");

        ComputeRuntimeException e = assertThrows(ComputeRuntimeException.class, () -> runtime.createSail(sail(RUN)));

        assertFalse(e.retryable());
        assertTrue(e.getMessage().contains("not authorized to perform: lambda:InvokeFunction"), e.getMessage());
        assertTrue(e.getMessage().contains("lambda:InvokeFunction on lakesail-* functions"), e.getMessage());
    }

    @Test
    void commands_whenThrottledOrTheAgentCrashes_failRetryable() {
        lambda.failure = FakeLambda.throttled();
        assertTrue(assertThrows(ComputeRuntimeException.class, () -> runtime.createSail(sail(RUN))).retryable());

        lambda.failure = null;
        lambda.functions.put("lakesail-clu-1-agent", payload -> {
            throw new OutOfMemoryErrorLike("Java heap space");
        });
        ComputeRuntimeException crash = assertThrows(ComputeRuntimeException.class, () -> runtime.createSail(sail(RUN)));
        assertTrue(crash.retryable());
        assertTrue(crash.getMessage().startsWith("cluster lakesail-clu-1: its agent failed (Unhandled): "), crash.getMessage());
        assertTrue(crash.getMessage().contains("Java heap space"), crash.getMessage());
    }

    @Test
    void commands_whenTheAgentRefuses_keepItsVerdictOnRetrying() {
        String spec = "{\"runId\":\"jrn_xyz\",\"entrypoint\":{\"type\":\"sql\",\"statements\":[\"SELECT 1\"]}}";

        ComputeRuntimeException e = assertThrows(ComputeRuntimeException.class, () -> runtime.createRunner(new RunnerSpec(RUN,
                "sc://jrn-xyz-sail.lakesail-workloads.svc.cluster.local:50051", SAIL_CALLBACK, spec)));

        assertFalse(e.retryable());
        assertEquals("cluster lakesail-clu-1: workload jrn_xyz has no Sail on this cluster: it was deleted, or never created",
                e.getMessage());
    }

    @Test
    void sailProblem_whenTheSailCannotPullItsImage_saysWhatKubernetesSays() {
        runtime.createSail(sail(RUN));
        assertEquals(Optional.of("no Sail pod yet"), runtime.sailProblem(RUN));
        Pod pod = client.pods().inNamespace(NS).resource(new PodBuilder().withNewMetadata().withName("jrn-xyz-sail-1")
                .withNamespace(NS).withLabels(Map.of("lakesail.com/workload", "jrn-xyz", "app.kubernetes.io/component", "sail"))
                .endMetadata().build()).create();
        pod.setStatus(new PodStatusBuilder().addNewContainerStatus().withName("sail").withNewState().withNewWaiting()
                .withReason("ErrImagePull").withMessage("pull access denied for sail").endWaiting().endState()
                .endContainerStatus().build());
        client.pods().inNamespace(NS).resource(pod).updateStatus();

        assertEquals(Optional.of("sail: ErrImagePull: pull access denied for sail"), runtime.sailProblem(RUN));
    }

    @Test
    void bootstrap_whenInvoked_hasTheAgentPrepareTheCluster() {
        new AgentComputeRuntime(agent).bootstrap(CLUSTER);

        assertNotNull(client.namespaces().withName(NS).get());
        assertNotNull(client.serviceAccounts().inNamespace(NS).withName("runner").get());
    }

    /** What a function's runtime reports when the function dies of its own fault. */
    private static final class OutOfMemoryErrorLike extends RuntimeException {
        private static final long serialVersionUID = 1L;

        OutOfMemoryErrorLike(String message) {
            super(message);
        }
    }
}
