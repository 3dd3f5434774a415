package com.lakesail.backend.kubernetes;

import com.lakesail.backend.agent.protocol.AgentCommand.WorkloadRef;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the control plane's objects are called on a cluster, in one place: the namespaces, the
 * service accounts, the labels, and every object of a workload, named after its id
 * ({@code jrn_abc} → {@code jrn-abc-sail}, {@code jrn-abc-runner}...).
 *
 * <pre>
 * object (namespace lakesail-workloads)     name                   owner
 * Sail Deployment                           jrn-abc-sail           (the root of the workload)
 * Sail Service (Spark Connect, 50051)       jrn-abc-sail           the Deployment
 * Sail's Spark settings (ConfigMap)         jrn-abc-sail           the Deployment
 * watcher's callback credential (Secret)    jrn-abc-sail           the Deployment
 * Sail watcher (Job)                        jrn-abc-sail-watch     the Deployment
 * runner's callback credential (Secret)     jrn-abc-runner         the Deployment
 * runner (Job)                              jrn-abc-runner         the Deployment
 * Sail's workers (Pods, started by Sail)    jrn-abc-worker-*       Sail's pod
 *
 * a session's engine (ses_abc)
 * Sail + session server (Deployment)        ses-abc-sail           (the root of the workload)
 * Sail's Spark settings (ConfigMap)         ses-abc-sail           the Deployment
 * server's callback credential (Secret)     ses-abc-session        the Deployment
 * session gate (Service, load balancer)     ses-abc-gate           the Deployment (set once it exists)
 * </pre>
 *
 * Every one carries {@code lakesail.com/workload=jrn-abc}, so a delete finds them even where the
 * garbage collector has not yet followed the owner references.
 */
public record Names(String slug, String organization) {
    public static final String SYSTEM_NAMESPACE = "lakesail-system";
    public static final String WORKLOAD_NAMESPACE = "lakesail-workloads";
    /** Sail runs as this account; it may manage pods (its workers) in the workload namespace. */
    public static final String SAIL_ACCOUNT = "sail";
    /** The Sail watcher and runners run as this account, which has no Kubernetes rights. */
    public static final String RUNNER_ACCOUNT = "runner";
    public static final int SPARK_CONNECT_PORT = 50051;
    /** A session's gate: where Spark Connect clients reach the session, with a session token. */
    public static final int GATE_PORT = 15002;

    static final String MANAGED_BY = "app.kubernetes.io/managed-by";
    static final String COMPONENT = "app.kubernetes.io/component";
    static final String WORKLOAD = "lakesail.com/workload";
    static final String ORGANIZATION = "lakesail.com/organization";
    static final Map<String, String> MANAGED = Map.of(MANAGED_BY, "lakesail");

    static final String SAIL = "sail";
    static final String WATCHER = "sail-watch";
    static final String WORKER = "sail-worker";
    static final String RUNNER = "runner";
    static final String SESSION = "session";
    static final String GATE = "session-gate";

    /** Kubernetes names are DNS labels: ids' {@code _} becomes {@code -} (ids are lower-case base32, so this is one-to-one). */
    public static Names of(WorkloadRef workload) {
        return new Names(workload.id().replace('_', '-'), workload.organizationId().replace('_', '-'));
    }

    /** The Sail's Deployment, Service, ConfigMap and the watcher's Secret. */
    public String sail() {
        return slug + "-sail";
    }

    public String watcher() {
        return slug + "-sail-watch";
    }

    /** The runner's Job and Secret. */
    public String runner() {
        return slug + "-runner";
    }

    /** A session server's Secret. */
    public String session() {
        return slug + "-session";
    }

    /** A session gate's Service. */
    public String gate() {
        return slug + "-gate";
    }

    public String workerPrefix() {
        return slug + "-worker-";
    }

    /** How the runner (and the watcher) reach the Sail: its Service's cluster DNS name. */
    public String endpoint() {
        return "sc://" + sail() + "." + WORKLOAD_NAMESPACE + ".svc.cluster.local:" + SPARK_CONNECT_PORT;
    }

    /** The labels of one component's objects and pods. */
    public Map<String, String> labels(String component) {
        Map<String, String> labels = new LinkedHashMap<>(MANAGED);
        labels.put(WORKLOAD, slug);
        labels.put(ORGANIZATION, organization);
        labels.put(COMPONENT, component);
        return labels;
    }

    /** What selects one component's pods (a Deployment's selector cannot change, so it holds only these). */
    public Map<String, String> selector(String component) {
        return Map.of(WORKLOAD, slug, COMPONENT, component);
    }
}
