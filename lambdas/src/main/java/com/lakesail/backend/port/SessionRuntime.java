package com.lakesail.backend.port;

/**
 * The engine of a session (DESIGN §9, §10): its own Sail, gated, and beside it a session server
 * that holds the session's Spark Connect session (its temporary views and settings live there) and
 * executes the session's statements in it, one at a time, in order.
 *
 * <p>The session server talks only to the control plane, through the session's callback (see
 * {@link Callback}): it takes its gate token ({@code POST .../callbacks/sessions/{id}/token}), pulls
 * the statements sent to the session and the cancels asked ({@code POST .../next}, a long poll), and
 * reports ({@code POST .../events}): {@code session_ready} once it is connected to the Sail,
 * each statement's start, rows (in chunks) and end, heartbeats while statements run, and
 * {@code session_failed}. Nothing here waits for the engine: the workflow waits for the reports; and
 * nothing calls into the engine after its start, so nothing in the customer's VPC takes inbound
 * traffic from the control plane.
 *
 * <p>Locally the Sail and the session server are child processes on loopback. On EKS they are one pod,
 * started through the in-VPC agent, the server reaching the API over the VPC's NAT as runners do.
 *
 * <p>{@link #start} and {@link #stop} are safe to call again (Step Functions retries). Failures are
 * {@link ComputeRuntimeException}s, retryable or not.
 *
 * <pre>{@code
 * runtime.start(new SessionSpec(workload, catalogs, compute, gate, callback, heartbeatSeconds, exposure));
 * // ... session_ready arrives; statements are pulled and reported ...
 * runtime.stop(workload);
 * }</pre>
 */
public interface SessionRuntime {

    /** Starts the session's Sail and session server, or keeps those that exist; returns once they are starting. */
    void start(SessionSpec spec);

    /** Stops the session server and the Sail, freeing everything the session held. Idempotent. */
    void stop(Workload workload);
}
