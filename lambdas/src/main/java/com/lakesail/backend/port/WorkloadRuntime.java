package com.lakesail.backend.port;

import java.util.Optional;

/**
 * The compute a job run needs on its cluster (DESIGN §9, §10): its own Sail server, then a runner
 * that connects to it and executes the entrypoint. Locally a Spark Connect server and the runner
 * run as child processes; on EKS, a Deployment + Service and a Job, reached through the in-VPC agent.
 *
 * <p>Sail and the runner report through the run's callback ({@code POST .../callbacks/job-runs/{runId}/events},
 * see {@link Callback}): whoever watches the Sail (the local launcher, a probe on EKS) posts
 * {@code sail_ready} with the Spark Connect endpoint, or {@code sail_failed}; the runner posts its
 * progress and outcome. Nothing here blocks until Sail is ready: the workflow waits for the report.
 *
 * <p>Every method is safe to call again (Step Functions retries): creating what exists keeps it,
 * deleting what is gone is a no-op. Failures are {@link ComputeRuntimeException}s, retryable or not.
 *
 * <pre>{@code
 * runtime.createSail(new SailSpec(workload, catalogs, sparkConf, compute, callback));
 * // ... sail_ready arrives with the endpoint ...
 * runtime.createRunner(new RunnerSpec(workload, "sc://10.0.3.7:50051", callback, runSpecJson));
 * LogPage page = runtime.readLogs(workload, null);
 * runtime.delete(workload);
 * }</pre>
 */
public interface WorkloadRuntime {

    /** Creates the workload's Sail server, or keeps the one that exists; returns once it is starting. */
    void createSail(SailSpec spec);

    /** Creates the workload's runner with {@link RunnerSpec#environment()}, or keeps the one that exists. */
    void createRunner(RunnerSpec spec);

    /**
     * Log lines the workload's Sail (and, where the runtime sees it, its runner) wrote since {@code cursor}.
     *
     * @param cursor null for the beginning, else a {@link LogPage#nextCursor()} this runtime returned
     */
    LogPage readLogs(Workload workload, String cursor);

    /** Stops and removes everything of the workload: Sail, its workers, the runner. Idempotent. */
    void delete(Workload workload);

    /**
     * Why the workload's Sail is not ready, as far as the runtime can tell (on EKS, what Kubernetes
     * says: an image that cannot be pulled, no node with room), for a run that waited for it in vain.
     * Empty when the runtime knows nothing more than that it did not report.
     */
    default Optional<String> sailProblem(Workload workload) {
        return Optional.empty();
    }
}
