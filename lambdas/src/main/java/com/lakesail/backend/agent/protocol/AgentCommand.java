package com.lakesail.backend.agent.protocol;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What the control plane asks a cluster's agent to do (see {@link AgentProtocol} for the envelope,
 * versions and errors). Each command is safe to send again: creating what exists keeps or replaces
 * it, deleting what is gone is a no-op.
 *
 * <p>To add a command: a record here, its name in {@link JsonSubTypes}, a case in the agent's
 * dispatcher; an agent that predates it answers {@code UnknownCommand}, which the control plane
 * reports as "update the cluster" (DESIGN §10; the README's agent section).
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "command")
@JsonSubTypes({
        @JsonSubTypes.Type(value = AgentCommand.Bootstrap.class, name = "bootstrap"),
        @JsonSubTypes.Type(value = AgentCommand.CreateSail.class, name = "createSail"),
        @JsonSubTypes.Type(value = AgentCommand.SailStatus.class, name = "sailStatus"),
        @JsonSubTypes.Type(value = AgentCommand.CreateRunner.class, name = "createRunner"),
        @JsonSubTypes.Type(value = AgentCommand.CreateSession.class, name = "createSession"),
        @JsonSubTypes.Type(value = AgentCommand.ReadLogs.class, name = "readLogs"),
        @JsonSubTypes.Type(value = AgentCommand.Delete.class, name = "delete")})
public sealed interface AgentCommand {

    /** The control plane's namespaces, the service accounts Sail and runners run as, Sail's RBAC. */
    record Bootstrap() implements AgentCommand {
    }

    /**
     * A workload's Sail: its Spark Connect server (Deployment + Service), its Spark configuration,
     * and the watcher that reports {@code sail_ready} (or {@code sail_failed}) to {@code callback}
     * within {@code readyTimeoutSeconds}. Answers {@link SailEndpoint}.
     */
    record CreateSail(WorkloadRef workload, List<Catalog> catalogs, Map<String, String> sparkConf, Compute compute,
                      Callback callback, int readyTimeoutSeconds) implements AgentCommand {
        public CreateSail {
            required(workload, "workload");
            catalogs = List.copyOf(required(catalogs, "catalogs"));
            sparkConf = Map.copyOf(required(sparkConf, "sparkConf"));
            sparkConf.keySet().forEach(k -> check(k.startsWith("spark.") && k.length() <= 256 && !k.contains("\n"),
                    "sparkConf keys are spark.* settings: " + k));
            required(compute, "compute");
            required(callback, "callback");
            check(readyTimeoutSeconds >= 10 && readyTimeoutSeconds <= 3600, "readyTimeoutSeconds must be 10 to 3600");
        }
    }

    /** Where the workload's Sail is in its start. Answers {@link SailState}. */
    record SailStatus(WorkloadRef workload) implements AgentCommand {
        public SailStatus {
            required(workload, "workload");
        }
    }

    /**
     * The workload's runner (a Kubernetes Job) with the runner protocol's environment: its Sail at
     * {@code sparkRemote}, the run's {@code callback}, and {@code runSpec} ({@code LAKESAIL_RUN_SPEC}).
     * A jar at an {@code s3://} location is staged into the pod first.
     */
    record CreateRunner(WorkloadRef workload, String sparkRemote, Callback callback, ObjectNode runSpec)
            implements AgentCommand {
        public CreateRunner {
            required(workload, "workload");
            check(sparkRemote != null && sparkRemote.startsWith("sc://") && sparkRemote.length() <= 1024,
                    "sparkRemote must be a Spark Connect address, sc://host:port");
            required(callback, "callback");
            required(runSpec, "runSpec");
        }
    }

    /**
     * A session's engine (DESIGN §9, §10): its Sail, listening on the pod's loopback only, and beside it
     * in the same pod the session server (the runner image in {@code session} mode), which connects to
     * the Sail, runs the session gate on port {@code 15002}, pulls the session's statements
     * from {@code callback} and reports {@code session_ready} itself. The gate is exposed by a load
     * balancer as {@code exposure} allows. Answers {@link SessionEndpoint}; deleted with {@link Delete}.
     *
     * @param heartbeatSeconds how often the session server reports while statements run
     * @param exposure absent: inside the cluster's network only
     */
    record CreateSession(WorkloadRef workload, List<Catalog> catalogs, Compute compute, Callback callback, Gate gate,
                         int heartbeatSeconds, Exposure exposure) implements AgentCommand {
        public CreateSession {
            required(workload, "workload");
            catalogs = List.copyOf(required(catalogs, "catalogs"));
            required(compute, "compute");
            required(callback, "callback");
            required(gate, "gate");
            check(gate.sessionId().equals(workload.id()), "gate.sessionId must be the workload's id");
            check(heartbeatSeconds >= 1 && heartbeatSeconds <= 3600, "heartbeatSeconds must be 1 to 3600");
            exposure = exposure == null ? Exposure.PRIVATE : exposure;
        }
    }

    /** Log lines of the workload's Sail since {@code cursor} (null: from the start). Answers {@link LogLines}. */
    record ReadLogs(WorkloadRef workload, String cursor) implements AgentCommand {
        public ReadLogs {
            required(workload, "workload");
            check(cursor == null || cursor.length() <= 8192, "cursor is not one the agent returned");
        }
    }

    /** Everything of the workload: Sail, its workers, its watcher, its runner, their secrets; a session's gate too. */
    record Delete(WorkloadRef workload) implements AgentCommand {
        public Delete {
            required(workload, "workload");
        }
    }

    // ---- parts

    /** A workload: its organization and its id ({@code jrn_...}), of which the agent names its objects. */
    record WorkloadRef(String organizationId, String id) {
        static final Pattern ID = Pattern.compile("[a-z][a-z0-9]{1,9}_[a-z0-9]{1,40}");

        public WorkloadRef {
            check(organizationId != null && ID.matcher(organizationId).matches(), "organizationId must be a LakeSail id");
            check(id != null && ID.matcher(id).matches(), "id must be a LakeSail id such as jrn_...");
        }
    }

    /** A catalog as the control plane stores it: kind ({@code iceberg}, {@code glue}...), name, flat config. */
    record Catalog(String name, String kind, Map<String, String> config) {
        public Catalog {
            check(name != null && !name.isBlank(), "name is required");
            check(kind != null && !kind.isBlank(), "kind is required");
            config = Map.copyOf(config == null ? Map.of() : config);
        }
    }

    /** The server's (driver's) and each worker's size, and how many workers Sail may start (0: none). */
    record Compute(Size driver, Size worker, int maxWorkers) {
        public Compute {
            required(driver, "driver");
            required(worker, "worker");
            check(maxWorkers >= 0 && maxWorkers <= 1000, "maxWorkers must be 0 to 1000");
        }
    }

    /** vCPUs and GiB of memory. */
    record Size(int cpu, int memoryGiB) {
        public Size {
            check(cpu >= 1 && cpu <= 192 && memoryGiB >= 1 && memoryGiB <= 2048, "cpu and memoryGiB must be positive");
        }
    }

    /** The run's callback base and its credential; the credential never appears in a string form. */
    record Callback(URI url, String token) {
        public Callback {
            check(url != null && ("https".equals(url.getScheme()) || "http".equals(url.getScheme())) && url.getHost() != null,
                    "url must be an http(s) URL");
            check(token != null && !token.isBlank() && token.length() <= 1024, "token is required");
        }

        @Override
        public String toString() {
            return "Callback[url=" + url + "]";
        }
    }

    /**
     * What the session gate admits: ES256 JWTs signed by a key of the JWKS document at {@code jwksUrl}
     * whose {@code iss}, {@code aud} and {@code sid} are these.
     */
    record Gate(String issuer, String audience, String sessionId, URI jwksUrl) {
        public Gate {
            check(issuer != null && !issuer.isBlank() && issuer.length() <= 1024, "issuer is required");
            check(audience != null && !audience.isBlank() && audience.length() <= 1024, "audience is required");
            check(sessionId != null && WorkloadRef.ID.matcher(sessionId).matches(), "sessionId must be a LakeSail id such as ses_...");
            check(jwksUrl != null && ("https".equals(jwksUrl.getScheme()) || "http".equals(jwksUrl.getScheme()))
                    && jwksUrl.getHost() != null, "jwksUrl must be an http(s) URL");
        }
    }

    /**
     * Where a session's gate may be reached from: the cluster's network only (an internal load
     * balancer), or also the listed public IPv4 networks (an internet-facing one that admits only them).
     */
    record Exposure(boolean publicAccess, List<String> allowedCidrs) {
        static final Exposure PRIVATE = new Exposure(false, List.of());
        private static final Pattern CIDR = Pattern.compile(
                "((25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])\\.){3}(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])/([0-9]|[12][0-9]|3[0-2])");

        public Exposure {
            allowedCidrs = List.copyOf(allowedCidrs == null ? List.of() : allowedCidrs);
            check(publicAccess != allowedCidrs.isEmpty(), publicAccess
                    ? "allowedCidrs must list at least one CIDR when publicAccess is true"
                    : "allowedCidrs must be empty when publicAccess is false");
            check(allowedCidrs.size() <= 40, "allowedCidrs must list at most 40 CIDRs");
            allowedCidrs.forEach(c -> check(c != null && CIDR.matcher(c).matches(), "allowedCidrs: " + c
                    + " is not an IPv4 CIDR such as 203.0.113.0/24"));
        }
    }

    // ---- results

    /** {@link CreateSession}'s answer: where Spark Connect clients reach the session, through its gate. */
    record SessionEndpoint(String endpoint) {
    }

    /** {@link CreateSail}'s answer: where the runner reaches the Sail, inside the cluster. */
    record SailEndpoint(String endpoint) {
    }

    /**
     * {@link SailStatus}'s answer.
     *
     * @param detail why it is not ready yet, or failing (an image that cannot be pulled, no node with room...)
     */
    record SailState(State state, String endpoint, String detail) {
        public enum State {
            @JsonProperty("absent") ABSENT,
            @JsonProperty("starting") STARTING,
            @JsonProperty("ready") READY,
            @JsonProperty("failing") FAILING
        }
    }

    /** {@link ReadLogs}'s answer; {@code nextCursor} is the given one when nothing new was written. */
    record LogLines(List<Line> lines, String nextCursor) {
        public LogLines {
            lines = List.copyOf(lines);
        }

        /** One line of the Sail's ({@code sail}) or the runner pod's ({@code runner}) output. */
        public record Line(String stream, String text) {
        }
    }

    private static <T> T required(T value, String field) {
        check(value != null, field + " is required");
        return value;
    }

    private static void check(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }
}
