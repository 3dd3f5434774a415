package com.lakesail.sdk.jobs;

import com.lakesail.sdk.waiter.ResourceFailedException;
import com.lakesail.sdk.waiter.Waiter;
import com.lakesail.sdk.waiter.WaiterTimeoutException;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * A run that was just started (or cancelled, or retried), with the means to wait for its end. Waits
 * read the run right away and then after pauses of 1 s growing to 15 s, until it is terminal or the
 * timeout passes ({@link WaiterTimeoutException}); give a timeout as long as the job may run (hours
 * are fine: nothing caps it). The state-change callback sees the run each time its status moved,
 * starting with the first read.
 *
 * <pre>{@code
 * JobRun run = lakesail.jobs().run(job.id())
 *     .waitUntilTerminal(Duration.ofHours(3), r -> System.out.println(r.status() + " " + r.progress() + "%"));
 * JobRun ok = lakesail.jobs().run(job.id()).waitUntilSucceeded(Duration.ofHours(3));   // throws unless it succeeded
 * CompletableFuture<JobRun> later = handle.waitUntilTerminalAsync(Duration.ofHours(3), r -> { });
 * }</pre>
 */
public final class JobRunHandle {
    private final String id;
    private final JobRun run;
    private final JobRunService runs;

    private JobRunHandle(String id, JobRun run, JobRunService runs) {
        this.id = Objects.requireNonNull(id, "id");
        this.run = run;
        this.runs = Objects.requireNonNull(runs, "runs");
    }

    /** A handle on {@code run} as a call returned it; also the way to fake a handle in a test. */
    public static JobRunHandle of(JobRun run, JobRunService runs) {
        return new JobRunHandle(run.id(), run, runs);
    }

    /** A handle on the run {@code runId}, read when first needed. */
    public static JobRunHandle of(String runId, JobRunService runs) {
        return new JobRunHandle(runId, null, runs);
    }

    public String id() {
        return id;
    }

    /** The run as the call that made this handle returned it, or as read now when there was none. */
    public JobRun run() {
        return run != null ? run : runs.get(id);
    }

    /** Waits until the run has ended, however it ended. */
    public JobRun waitUntilTerminal(Duration timeout) {
        return waitUntilTerminal(w -> w.timeout(timeout));
    }

    /** Waits until the run has ended, telling {@code onStateChange} of every status it was seen in. */
    public JobRun waitUntilTerminal(Duration timeout, Consumer<? super JobRun> onStateChange) {
        return waitUntilTerminal(w -> w.timeout(timeout).onProgress(changes(onStateChange)));
    }

    /** Waits with a waiter {@code waiter} may reconfigure (timeout, pauses, callbacks, clock, sleeper). */
    public JobRun waitUntilTerminal(Consumer<Waiter.Builder<JobRun>> waiter) {
        return untilTerminal(waiter, false).waitFor(() -> runs.get(id));
    }

    /** {@link #waitUntilTerminal(Duration, Consumer)} on another thread; cancelling the future stops the polling. */
    public CompletableFuture<JobRun> waitUntilTerminalAsync(Duration timeout, Consumer<? super JobRun> onStateChange) {
        return untilTerminal(w -> w.timeout(timeout).onProgress(changes(onStateChange)), false)
                .waitForAsync(() -> runs.get(id));
    }

    /**
     * Waits until the run succeeded.
     *
     * @throws ResourceFailedException at once when it failed, was cancelled or timed out, with the
     *     stage it stopped in and the termination message
     */
    public JobRun waitUntilSucceeded(Duration timeout) {
        return untilTerminal(w -> w.timeout(timeout), true).waitFor(() -> runs.get(id));
    }

    public JobRun waitUntilSucceeded(Duration timeout, Consumer<? super JobRun> onStateChange) {
        return untilTerminal(w -> w.timeout(timeout).onProgress(changes(onStateChange)), true).waitFor(() -> runs.get(id));
    }

    /** Asks the run to stop; wait on the returned handle for {@code cancelled}. */
    public JobRunHandle cancel() {
        return runs.cancel(id);
    }

    /** The run's log so far. */
    public RunLogs logs() {
        return runs.logs(id);
    }

    /** The run's log, waiting for more until the run ends. */
    public RunLogs followLogs() {
        return runs.followLogs(id);
    }

    private static Waiter<JobRun> untilTerminal(Consumer<Waiter.Builder<JobRun>> customizer, boolean failFast) {
        Waiter.Builder<JobRun> builder = Waiter.<JobRun>builder().initialDelay(Duration.ofSeconds(1))
                .maxDelay(Duration.ofSeconds(15)).multiplier(1.5)
                .successWhen(r -> r.status().isTerminal())
                .failureWhen(r -> failFast && r.isTerminalFailure());
        customizer.accept(builder);
        return builder.build();
    }

    /**
     * A waiter callback that passes a read on to {@code onStateChange} only when the run's status
     * differs from the last one seen, for waits configured by hand:
     * {@code handle.waitUntilTerminal(w -> w.timeout(t).maxDelay(d).onProgress(JobRunHandle.changes(listener)))}.
     */
    public static Consumer<JobRun> changes(Consumer<? super JobRun> onStateChange) {
        JobRunStatus[] last = new JobRunStatus[1];
        return run -> {
            if (run.status() != last[0]) {
                last[0] = run.status();
                onStateChange.accept(run);
            }
        };
    }

    @Override
    public String toString() {
        return "JobRunHandle[" + id + "]";
    }
}
