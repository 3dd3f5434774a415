package com.lakesail.backend.kubernetes;

import com.lakesail.backend.port.ClusterConnection;
import com.lakesail.backend.port.ComputeRuntime;
import com.lakesail.backend.port.ComputeRuntimeException;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.PolicyRuleBuilder;
import io.fabric8.kubernetes.api.model.rbac.RoleBindingBuilder;
import io.fabric8.kubernetes.api.model.rbac.RoleBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.NonDeletingOperation;
import io.fabric8.kubernetes.client.jdkhttp.JdkHttpClientFactory;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * {@link ComputeRuntime} over Fabric8 and the JDK HTTP client (no Netty, Vert.x or OkHttp in the
 * Lambda jar). Objects are created, or replaced when they exist, rather than server-side applied:
 * the result is the same on a real API server and on the CRUD mock the tests use.
 */
public final class FabricComputeRuntime implements ComputeRuntime {
    static final Map<String, String> LABELS = Map.of("app.kubernetes.io/managed-by", "lakesail");
    /** Sail's Kubernetes mode starts and stops its own worker pods and reads their logs. */
    static final List<PolicyRule> SAIL_RULES = List.of(
            new PolicyRuleBuilder().withApiGroups("").withResources("pods", "services", "configmaps")
                    .withVerbs("get", "list", "watch", "create", "update", "patch", "delete", "deletecollection").build(),
            new PolicyRuleBuilder().withApiGroups("").withResources("pods/log").withVerbs("get", "list").build());
    private static final int TIMEOUT_MILLIS = 10_000;

    private final Function<ClusterConnection, KubernetesClient> clients;

    /** Connects to each cluster with its endpoint, CA and bearer token. */
    public FabricComputeRuntime() {
        this(FabricComputeRuntime::connect);
    }

    /** @param clients opens a client for a connection; the runtime closes it (tests pass a mock server's client) */
    public FabricComputeRuntime(Function<ClusterConnection, KubernetesClient> clients) {
        this.clients = clients;
    }

    @Override
    public void bootstrap(ClusterConnection cluster) {
        try (KubernetesClient k8s = clients.apply(cluster)) {
            for (String namespace : List.of(SYSTEM_NAMESPACE, WORKLOAD_NAMESPACE)) {
                createOrReplace(k8s, new NamespaceBuilder().withNewMetadata().withName(namespace).withLabels(LABELS)
                        .endMetadata().build());
            }
            createOrReplace(k8s, new ServiceAccountBuilder().withNewMetadata().withName(SAIL_SERVICE_ACCOUNT)
                    .withNamespace(WORKLOAD_NAMESPACE).withLabels(LABELS).endMetadata().build());
            createOrReplace(k8s, new RoleBuilder().withNewMetadata().withName(SAIL_SERVICE_ACCOUNT)
                    .withNamespace(WORKLOAD_NAMESPACE).withLabels(LABELS).endMetadata().withRules(SAIL_RULES).build());
            createOrReplace(k8s, new RoleBindingBuilder().withNewMetadata().withName(SAIL_SERVICE_ACCOUNT)
                    .withNamespace(WORKLOAD_NAMESPACE).withLabels(LABELS).endMetadata()
                    .withNewRoleRef().withApiGroup("rbac.authorization.k8s.io").withKind("Role")
                    .withName(SAIL_SERVICE_ACCOUNT).endRoleRef()
                    .addNewSubject().withKind("ServiceAccount").withName(SAIL_SERVICE_ACCOUNT)
                    .withNamespace(WORKLOAD_NAMESPACE).endSubject().build());
        } catch (KubernetesClientException e) {
            throw new ComputeRuntimeException("bootstrap of " + cluster.clusterName() + " failed: " + describe(e),
                    retryable(e.getCode()), e);
        }
    }

    private static <T extends HasMetadata> void createOrReplace(KubernetesClient k8s, T object) {
        k8s.resource(object).createOr(NonDeletingOperation::update);
    }

    /** Below 1 there was no HTTP answer at all (connection refused, timeout); 409 is a concurrent writer. */
    static boolean retryable(int code) {
        return code < 1 || code == 409 || code == 429 || code >= 500;
    }

    /** Fabric8 wraps I/O failures in a generic message; the cause says what happened. */
    private static String describe(KubernetesClientException e) {
        Throwable cause = e.getCause();
        return cause == null || cause.getMessage() == null ? e.getMessage() : e.getMessage() + ": " + cause;
    }

    static Config config(ClusterConnection cluster) {
        // Config.empty(): nothing from ~/.kube/config, the environment or a service account token.
        return new ConfigBuilder(Config.empty())
                .withMasterUrl(cluster.endpoint())
                .withCaCertData(cluster.certificateAuthorityData())
                .withOauthToken(cluster.bearerToken())
                .withConnectionTimeout(TIMEOUT_MILLIS)
                .withRequestTimeout(TIMEOUT_MILLIS)
                // The workflow's Retry owns retrying, with its own backoff and attempt budget.
                .withRequestRetryBackoffLimit(0)
                .build();
    }

    private static KubernetesClient connect(ClusterConnection cluster) {
        return new KubernetesClientBuilder().withConfig(config(cluster)).withHttpClientFactory(new JdkHttpClientFactory()).build();
    }
}
