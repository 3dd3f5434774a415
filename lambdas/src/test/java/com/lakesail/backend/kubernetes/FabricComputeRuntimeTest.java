package com.lakesail.backend.kubernetes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lakesail.backend.port.ClusterConnection;
import com.lakesail.backend.port.ComputeRuntime;
import com.lakesail.backend.port.ComputeRuntimeException;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.rbac.PolicyRuleBuilder;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.api.model.rbac.RoleBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@EnableKubernetesMockClient(crud = true)
class FabricComputeRuntimeTest {
    private static final ClusterConnection CLUSTER = new ClusterConnection("lakesail-clu-1",
            "https://ABC.gr7.eu-west-1.eks.amazonaws.com", "LS0tLS1CRUdJTi0=", "k8s-aws-v1.secret", Instant.EPOCH);

    KubernetesMockServer server;
    KubernetesClient client;

    /** The runtime closes what it is given, so each call gets a fresh client of the mock server. */
    private FabricComputeRuntime runtime() {
        return new FabricComputeRuntime(c -> server.createClient());
    }

    @Test
    void bootstrap_whenEmptyCluster_createsNamespacesServiceAccountAndRbac() {
        runtime().bootstrap(CLUSTER);

        for (String ns : List.of(ComputeRuntime.SYSTEM_NAMESPACE, ComputeRuntime.WORKLOAD_NAMESPACE)) {
            assertEquals(FabricComputeRuntime.LABELS, client.namespaces().withName(ns).get().getMetadata().getLabels());
        }
        assertNotNull(client.serviceAccounts().inNamespace(ComputeRuntime.WORKLOAD_NAMESPACE).withName("sail").get());
        Role role = client.rbac().roles().inNamespace(ComputeRuntime.WORKLOAD_NAMESPACE).withName("sail").get();
        assertEquals(FabricComputeRuntime.SAIL_RULES, role.getRules());
        RoleBinding binding = client.rbac().roleBindings().inNamespace(ComputeRuntime.WORKLOAD_NAMESPACE).withName("sail").get();
        assertEquals("Role", binding.getRoleRef().getKind());
        assertEquals("sail", binding.getRoleRef().getName());
        assertEquals("ServiceAccount", binding.getSubjects().get(0).getKind());
        assertEquals(ComputeRuntime.WORKLOAD_NAMESPACE, binding.getSubjects().get(0).getNamespace());
    }

    @Test
    void bootstrap_whenRetriedAfterDrift_replacesWhatChanged() {
        client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(ComputeRuntime.WORKLOAD_NAMESPACE)
                .endMetadata().build()).create();
        client.rbac().roles().inNamespace(ComputeRuntime.WORKLOAD_NAMESPACE).resource(new RoleBuilder().withNewMetadata()
                .withName("sail").endMetadata().withRules(new PolicyRuleBuilder().withApiGroups("").withResources("secrets")
                        .withVerbs("*").build()).build()).create();

        runtime().bootstrap(CLUSTER);
        runtime().bootstrap(CLUSTER);

        Role role = client.rbac().roles().inNamespace(ComputeRuntime.WORKLOAD_NAMESPACE).withName("sail").get();
        assertEquals(FabricComputeRuntime.SAIL_RULES, role.getRules());
        assertEquals(Map.of("app.kubernetes.io/managed-by", "lakesail"),
                client.namespaces().withName(ComputeRuntime.WORKLOAD_NAMESPACE).get().getMetadata().getLabels());
        assertEquals(1, client.rbac().roleBindings().inNamespace(ComputeRuntime.WORKLOAD_NAMESPACE).list().getItems().size());
    }

    @Test
    void bootstrap_whenApiUnreachable_throwsRetryable() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        ClusterConnection nowhere = new ClusterConnection("lakesail-clu-1", "http://127.0.0.1:" + closedPort, null,
                "k8s-aws-v1.secret", Instant.EPOCH);

        ComputeRuntimeException e = assertThrows(ComputeRuntimeException.class, () -> new FabricComputeRuntime().bootstrap(nowhere));

        assertTrue(e.retryable(), e::toString);
        assertTrue(e.getMessage().startsWith("bootstrap of lakesail-clu-1 failed"), e.getMessage());
    }

    @Test
    void retryable_whenStatusCode_retriesOnlyTransientOnes() {
        assertTrue(FabricComputeRuntime.retryable(-1));
        assertTrue(FabricComputeRuntime.retryable(0));
        assertTrue(FabricComputeRuntime.retryable(409));
        assertTrue(FabricComputeRuntime.retryable(429));
        assertTrue(FabricComputeRuntime.retryable(503));
        assertFalse(FabricComputeRuntime.retryable(401));
        assertFalse(FabricComputeRuntime.retryable(403));
        assertFalse(FabricComputeRuntime.retryable(422));
    }

    @Test
    void config_whenConnection_usesOnlyItsEndpointCaAndToken() {
        Config config = FabricComputeRuntime.config(CLUSTER);

        assertEquals("https://ABC.gr7.eu-west-1.eks.amazonaws.com/", config.getMasterUrl());
        assertEquals("LS0tLS1CRUdJTi0=", config.getCaCertData());
        assertEquals("k8s-aws-v1.secret", config.getOauthToken());
        assertEquals(10_000, config.getRequestTimeout());
        assertEquals(0, config.getRequestRetryBackoffLimit());
    }
}
