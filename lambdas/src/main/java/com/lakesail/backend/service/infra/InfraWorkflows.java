package com.lakesail.backend.service.infra;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.lakesail.backend.service.workflow.WorkflowOutbox;
import com.lakesail.backend.service.workflow.WorkflowStart;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.inject.Inject;

/**
 * The lifecycle state machines of {@code statemachines/}, named as the template's logical ids, and
 * what an operation asks of them. The execution name is resource id + operation + generation (the
 * resource version the operation started at), so starting twice starts once, and the input carries
 * the same three facts: tasks key their idempotency tokens on them.
 *
 * <pre>{@code
 * WorkflowStart provision = workflows.request(InfraWorkflows.CLUSTER_PROVISION, orgId, "clusterId", cluster.id(),
 *         "provision", cluster.version());
 * writes.add(outbox.entry(provision));   // beside the cluster, in one transaction
 * store.transact(writes);
 * outbox.startCommitted(provision);
 * }</pre>
 */
public final class InfraWorkflows {
    public static final String CLOUD_ACCOUNT_VERIFY = "CloudAccountVerify";
    public static final String NETWORK_PROVISION = "NetworkProvision";
    public static final String NETWORK_DESTROY = "NetworkDestroy";
    public static final String CLUSTER_PROVISION = "ClusterProvision";
    public static final String CLUSTER_UPDATE = "ClusterUpdate";
    public static final String CLUSTER_DESTROY = "ClusterDestroy";
    public static final String CATALOG_PROVISION = "CatalogProvision";
    public static final String CATALOG_DESTROY = "CatalogDestroy";
    /** Every lifecycle state machine, as template.yaml names them. */
    public static final List<String> STATE_MACHINES = List.of(CLOUD_ACCOUNT_VERIFY, NETWORK_PROVISION, NETWORK_DESTROY,
            CLUSTER_PROVISION, CLUSTER_UPDATE, CLUSTER_DESTROY, CATALOG_PROVISION, CATALOG_DESTROY);

    private static final ObjectMapper JSON = new ObjectMapper();
    /** How long each lifecycle may wait on its stack before it records a failure. */
    private static final Map<String, Duration> WAIT_LIMITS = Map.of(
            NETWORK_PROVISION, Duration.ofMinutes(30), NETWORK_DESTROY, Duration.ofMinutes(30),
            CLUSTER_PROVISION, Duration.ofMinutes(60), CLUSTER_UPDATE, Duration.ofMinutes(60),
            CLUSTER_DESTROY, Duration.ofMinutes(45), CATALOG_PROVISION, Duration.ofMinutes(20),
            CATALOG_DESTROY, Duration.ofMinutes(20));

    private final Polling polling;

    @Inject
    public InfraWorkflows(Polling polling) {
        this.polling = polling;
    }

    /**
     * How often a workflow asks whether its stack has settled. CloudFormation has no callback, so
     * the state machines poll (Wait, then describe), at most {@code maxPolls} times: a slow cloud
     * polls rarely (AWS), a fast one often (the local sandbox).
     */
    public record Polling(int seconds) {
        public Polling {
            if (seconds < 1) {
                throw new IllegalArgumentException("poll at least a second apart");
            }
        }
    }

    /**
     * The workflow of one lifecycle operation, for the {@link WorkflowOutbox}: its entry goes in the
     * transaction that makes the change, and its start follows the commit.
     *
     * @param idField the input field naming the resource ({@code clusterId}), as the tasks read it
     */
    public WorkflowStart request(String stateMachine, String orgId, String idField, String resourceId, String operation,
                                 long generation) {
        ObjectNode input = JSON.createObjectNode().put("orgId", orgId).put(idField, resourceId).put("generation", generation);
        Duration limit = WAIT_LIMITS.get(stateMachine);
        if (limit != null) {
            input.put("pollSeconds", polling.seconds()).put("maxPolls", Math.max(1, limit.toSeconds() / polling.seconds()));
        }
        return new WorkflowStart(orgId, stateMachine, executionName(resourceId, operation, generation), input.toString());
    }

    /** The environment variable holding a state machine's ARN on Lambda: {@code STATE_MACHINE_CLUSTER_PROVISION}. */
    public static String arnVariable(String stateMachine) {
        return "STATE_MACHINE_" + stateMachine.replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
    }

    /** {@code clu_7k2m...-provision-1}: at most 4 + 26 + 1 + 9 + 1 + 19 characters, inside Step Functions' 80. */
    public static String executionName(String resourceId, String operation, long generation) {
        return resourceId + "-" + operation + "-" + generation;
    }
}
