package com.lakesail.backend.kubernetes;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.PolicyRuleBuilder;
import io.fabric8.kubernetes.api.model.rbac.RoleBindingBuilder;
import io.fabric8.kubernetes.api.model.rbac.RoleBuilder;
import java.util.List;
import java.util.Map;

/**
 * The objects a cluster needs before its first workload: the control plane's namespaces, the
 * service accounts Sail and runners run as, and Sail's RBAC. Each is created or replaced, so a
 * retried bootstrap repairs drift.
 */
final class ClusterBootstrap {
    /** Sail's Kubernetes mode starts and stops its own worker pods and reads their logs. */
    static final List<PolicyRule> SAIL_RULES = List.of(
            new PolicyRuleBuilder().withApiGroups("").withResources("pods", "services", "configmaps")
                    .withVerbs("get", "list", "watch", "create", "update", "patch", "delete", "deletecollection").build(),
            new PolicyRuleBuilder().withApiGroups("").withResources("pods/log").withVerbs("get", "list").build());
    /**
     * Workloads run at the "baseline" Pod Security Standard: nothing privileged, no host namespaces
     * or paths, whatever a job's code does.
     */
    static final Map<String, String> WORKLOAD_NAMESPACE_LABELS = Map.of(Names.MANAGED_BY, "lakesail",
            "pod-security.kubernetes.io/enforce", "baseline");

    private ClusterBootstrap() {
    }

    static List<HasMetadata> objects() {
        return List.of(
                new NamespaceBuilder().withNewMetadata().withName(Names.SYSTEM_NAMESPACE).withLabels(Names.MANAGED)
                        .endMetadata().build(),
                new NamespaceBuilder().withNewMetadata().withName(Names.WORKLOAD_NAMESPACE)
                        .withLabels(WORKLOAD_NAMESPACE_LABELS).endMetadata().build(),
                new ServiceAccountBuilder().withNewMetadata().withName(Names.SAIL_ACCOUNT)
                        .withNamespace(Names.WORKLOAD_NAMESPACE).withLabels(Names.MANAGED).endMetadata().build(),
                // The watcher and runners call nothing in Kubernetes: no token is mounted for them.
                new ServiceAccountBuilder().withNewMetadata().withName(Names.RUNNER_ACCOUNT)
                        .withNamespace(Names.WORKLOAD_NAMESPACE).withLabels(Names.MANAGED).endMetadata()
                        .withAutomountServiceAccountToken(false).build(),
                new RoleBuilder().withNewMetadata().withName(Names.SAIL_ACCOUNT).withNamespace(Names.WORKLOAD_NAMESPACE)
                        .withLabels(Names.MANAGED).endMetadata().withRules(SAIL_RULES).build(),
                new RoleBindingBuilder().withNewMetadata().withName(Names.SAIL_ACCOUNT)
                        .withNamespace(Names.WORKLOAD_NAMESPACE).withLabels(Names.MANAGED).endMetadata()
                        .withNewRoleRef().withApiGroup("rbac.authorization.k8s.io").withKind("Role")
                        .withName(Names.SAIL_ACCOUNT).endRoleRef()
                        .addNewSubject().withKind("ServiceAccount").withName(Names.SAIL_ACCOUNT)
                        .withNamespace(Names.WORKLOAD_NAMESPACE).endSubject().build());
    }
}
