package com.lakesail.backend.port;

/**
 * The engine of a session (DESIGN §9, §10): its own Sail, gated, and beside it a session server
 * that holds the session's Spark Connect session (its temporary views and settings live there) and
 * executes the session's statements in it, one at a time, in order.
 *
 * <p>The session server reports through the session's callback ({@code POST .../callbacks/sessions/{id}/events},
 * see {@link Callback}): {@code session_ready} once it is connected to the Sail through the gate,
 * each statement's start, rows (in chunks) and end, heartbeats while statements run, and
 * {@code session_failed}. It takes its gate token from {@code POST .../callbacks/sessions/{id}/token}.
 * Nothing here waits for the engine: the workflow waits for the reports.
 *
 * <p>Locally the Sail and the session server are child processes on loopback, the server reached by
 * HTTP with a per-session secret. On EKS they run in the cluster, reached through the in-VPC agent;
 * the server reports to the API over the VPC's NAT, as runners do, so nothing in the customer's VPC
 * takes inbound traffic from outside it.
 *
 * <p>{@link #start} and {@link #stop} are safe to call again (Step Functions retries). Failures are
 * {@link ComputeRuntimeException}s, retryable or not.
 *
 * <pre>{@code
 * runtime.start(new SessionSpec(workload, catalogs, compute, gate, callback, heartbeatSeconds, exposure));
 * // ... session_ready arrives ...
 * runtime.execute(workload, new StatementSpec("stm_...", "SELECT :n", Map.of("n", 1), limits));
 * runtime.cancel(workload, "stm_...");
 * runtime.stop(workload);
 * }</pre>
 */
public interface SessionRuntime {

    /** Starts the session's Sail and session server, or keeps those that exist; returns once they are starting. */
    void start(SessionSpec spec);

    /**
     * Hands a statement to the session server, which queues it behind the session's other statements;
     * returns once it is accepted. Its progress and end come through the callback.
     *
     * @throws ComputeRuntimeException when the session server cannot be reached or refuses it
     */
    void execute(Workload workload, StatementSpec statement);

    /**
     * Interrupts the statement in the engine (or drops it from the queue); the session server then
     * reports it cancelled. A statement that already ended is left as it is.
     */
    void cancel(Workload workload, String statementId);

    /** Stops the session server and the Sail, freeing everything the session held. Idempotent. */
    void stop(Workload workload);
}
