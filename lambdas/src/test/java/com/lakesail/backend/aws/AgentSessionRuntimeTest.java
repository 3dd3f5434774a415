package com.lakesail.backend.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.lakesail.backend.agent.AgentDispatcher;
import com.lakesail.backend.agent.protocol.AgentError;
import com.lakesail.backend.agent.protocol.AgentProtocol;
import com.lakesail.backend.agent.protocol.AgentReply;
import com.lakesail.backend.domain.infra.CatalogKind;
import com.lakesail.backend.domain.job.Compute;
import com.lakesail.backend.kubernetes.FabricWorkloads;
import com.lakesail.backend.kubernetes.Images;
import com.lakesail.backend.kubernetes.Names;
import com.lakesail.backend.port.AccountAccess;
import com.lakesail.backend.port.Callback;
import com.lakesail.backend.port.CatalogSpec;
import com.lakesail.backend.port.ComputeRuntimeException;
import com.lakesail.backend.port.GateSpec;
import com.lakesail.backend.port.SessionSpec;
import com.lakesail.backend.port.Workload;
import com.lakesail.backend.port.WorkloadTarget;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceStatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.lambda.LambdaClient;

/**
 * A session's engine on AWS, end to end in one JVM: the control plane's runtime assumes the
 * account's role (fake STS), invokes the cluster's agent (fake Lambda), and the real agent does the
 * work on Fabric8's mock API server, where the test plays the cloud's load balancer controller.
 */
@EnableKubernetesMockClient(crud = true, https = false)
class AgentSessionRuntimeTest {
    private static final AccountAccess ACCESS = new AccountAccess("111122223333",
            "arn:aws:iam::111122223333:role/lakesail-cac-1", "ext-123");
    private static final WorkloadTarget CLUSTER = new WorkloadTarget("clu_1", "lakesail-clu-1", "eu-west-1", ACCESS);
    private static final Workload SESSION = new Workload("org_acme", "ses_xyz", CLUSTER);
    private static final String NS = Names.WORKLOAD_NAMESPACE;
    private static final String GATE_HOST = "k8s-lakesail-sesxyzga-0123456789.elb.eu-west-1.amazonaws.com";

    KubernetesMockServer server;
    KubernetesClient client;

    private final AwsCloudProviderTest.ManualClock clock = new AwsCloudProviderTest.ManualClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final FakeSts sts = new FakeSts();
    private final FakeLambda lambda = new FakeLambda();
    private final AccountClients clients = new AccountClients() {
        @Override
        public CloudFormationClient cloudFormation(AwsCredentialsProvider credentials, Region region) {
            throw new AssertionError("sessions build no stacks");
        }

        @Override
        public LambdaClient lambda(AwsCredentialsProvider credentials, Region region) {
            lambda.credentials.add(credentials);
            lambda.regions.add(region);
            return lambda;
        }
    };
    private final AgentSessionRuntime runtime = new AgentSessionRuntime(new AgentClient(new AccountSessions(() -> sts, clock), clients));
    private Thread loadBalancerController;

    @BeforeEach
    void deployTheAgent() {
        sts.expiration = clock.instant().plus(Duration.ofMinutes(15));
        AgentDispatcher dispatcher = new AgentDispatcher(() -> new FabricWorkloads(server::createClient,
                new Images("sail:0.5.1", "lakesail-runner:0.1.0", "aws-cli:2")), Clock.systemUTC());
        lambda.functions.put("lakesail-clu-1-agent", dispatcher::handle);
    }

    @AfterEach
    void stopTheController() throws InterruptedException {
        if (loadBalancerController != null) {
            loadBalancerController.interrupt();
            loadBalancerController.join();
        }
    }

    /** Gives the gate's Service its load balancer's name as soon as it appears, as the cloud's controller does. */
    private void runTheLoadBalancerController() {
        loadBalancerController = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    Service gate = client.services().inNamespace(NS).withName("ses-xyz-gate").get();
                    boolean addressed = gate != null && gate.getStatus() != null && gate.getStatus().getLoadBalancer() != null
                            && gate.getStatus().getLoadBalancer().getIngress() != null
                            && !gate.getStatus().getLoadBalancer().getIngress().isEmpty();
                    if (gate != null && !addressed) {
                        gate.setStatus(new ServiceStatusBuilder().withNewLoadBalancer().addNewIngress().withHostname(GATE_HOST)
                                .endIngress().endLoadBalancer().build());
                        client.services().inNamespace(NS).resource(gate).updateStatus();
                    }
                } catch (io.fabric8.kubernetes.client.KubernetesClientException e) {
                    // A concurrent write: look again.
                }
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        loadBalancerController.setDaemon(true);
        loadBalancerController.start();
    }

    static SessionSpec session(Workload workload, SessionSpec.Exposure exposure) {
        return new SessionSpec(workload, List.of(new CatalogSpec("lake", CatalogKind.HIVE_METASTORE,
                Map.of("uri", "thrift://metastore.internal:9083"))), Compute.DEFAULT,
                new GateSpec("https://abc.execute-api.eu-west-1.amazonaws.com/prod", "lakesail-session", workload.id(),
                        URI.create("https://abc.execute-api.eu-west-1.amazonaws.com/prod/v1/.well-known/jwks.json")),
                new Callback(URI.create("https://abc.execute-api.eu-west-1.amazonaws.com/prod/v1/callbacks/sessions/"
                        + workload.id()), "lsc_session"), 30, exposure);
    }

    @Test
    void start_whenInvoked_hasTheClustersAgentCreateTheSessionBehindAGateForTheAllowedCidrs() throws Exception {
        runTheLoadBalancerController();

        runtime.start(session(SESSION, new SessionSpec.Exposure(true, List.of("203.0.113.0/24"))));

        assertEquals("lakesail-clu-1-agent", lambda.requests.get(0).functionName());
        JsonNode sent = AgentProtocol.json().readTree(lambda.requests.get(0).payload().asByteArray());
        assertEquals("createSession", sent.path("command").asText());
        assertEquals("hive_metastore", sent.path("catalogs").path(0).path("kind").asText());
        assertEquals("ses_xyz", sent.path("gate").path("sessionId").asText());
        assertEquals(30, sent.path("heartbeatSeconds").asInt());
        assertTrue(sent.path("exposure").path("publicAccess").asBoolean());
        assertNotNull(client.apps().deployments().inNamespace(NS).withName("ses-xyz-sail").get());
        Service gate = client.services().inNamespace(NS).withName("ses-xyz-gate").get();
        assertEquals(List.of("203.0.113.0/24"), gate.getSpec().getLoadBalancerSourceRanges());
        assertEquals("internet-facing", gate.getMetadata().getAnnotations().get("service.beta.kubernetes.io/aws-load-balancer-scheme"));
        assertTrue(client.configMaps().inNamespace(NS).withName("ses-xyz-sail").get().getData().get("spark-defaults.conf")
                .contains("spark.sql.catalog.lake.uri=thrift\\://metastore.internal\\:9083"));
    }

    @Test
    void startAndStop_whenRepeated_convergeAndLeaveNothingOnTheCluster() {
        runTheLoadBalancerController();

        runtime.start(session(SESSION, null));
        runtime.start(session(SESSION, null));
        assertEquals(1, client.apps().deployments().inNamespace(NS).list().getItems().size());
        assertEquals("internal", client.services().inNamespace(NS).withName("ses-xyz-gate").get().getMetadata().getAnnotations()
                .get("service.beta.kubernetes.io/aws-load-balancer-scheme"));
        assertEquals(2, lambda.requests.size(), "each start is one command to the agent");

        runtime.stop(SESSION);
        runtime.stop(SESSION);

        for (var kind : List.of(client.services(), client.configMaps(), client.secrets(), client.pods())) {
            assertEquals(List.of(), kind.inNamespace(NS).list().getItems());
        }
        assertEquals(List.of(), client.apps().deployments().inNamespace(NS).list().getItems());
    }

    @Test
    void start_whenTheGateHasNoAddressYet_failsRetryable() {
        lambda.functions.put("lakesail-clu-1-agent", payload -> AgentProtocol.encode(AgentReply.failure("0.1.0",
                new AgentError(AgentError.Code.NOT_READY, "createSession: the session gate's load balancer has no address yet",
                        true))));

        ComputeRuntimeException e = assertThrows(ComputeRuntimeException.class, () -> runtime.start(session(SESSION, null)));

        assertTrue(e.retryable());
        assertEquals("cluster lakesail-clu-1: createSession: the session gate's load balancer has no address yet", e.getMessage());
    }

    @Test
    void commands_whenTheClusterHasNoAgent_failStartAndFindNothingToStop() {
        Workload old = new Workload("org_acme", "ses_xyz", new WorkloadTarget("clu_9", "lakesail-clu-9", "eu-west-1", ACCESS));

        ComputeRuntimeException e = assertThrows(ComputeRuntimeException.class, () -> runtime.start(session(old, null)));

        assertFalse(e.retryable());
        assertTrue(e.getMessage().contains("has no agent"), e.getMessage());
        runtime.stop(old);
    }

    @Test
    void start_whenTheAgentPredatesSessions_failsSayingToUpdateTheCluster() {
        lambda.functions.put("lakesail-clu-1-agent", payload -> AgentProtocol.encode(AgentReply.failure("0.0.9",
                new AgentError(AgentError.Code.UNKNOWN_COMMAND, "unknown command createSession: this agent knows bootstrap,"
                        + " createSail, sailStatus, createRunner, readLogs, delete; update the cluster to update its agent", false))));

        ComputeRuntimeException e = assertThrows(ComputeRuntimeException.class, () -> runtime.start(session(SESSION, null)));

        assertFalse(e.retryable());
        assertTrue(e.getMessage().endsWith("update the cluster to update its agent"), e.getMessage());
    }
}
