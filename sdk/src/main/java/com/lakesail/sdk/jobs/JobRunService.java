package com.lakesail.sdk.jobs;

import com.lakesail.sdk.Paginated;
import com.lakesail.sdk.waiter.Sleeper;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * Job runs: {@code /v1/orgs/{orgId}/job-runs}, in the client's organization. Obtain it from
 * {@code LakeSail.jobRuns()}; implement it to fake the service in a test.
 *
 * <pre>{@code
 * for (JobRun run : lakesail.jobRuns().list(r -> r.jobId(job.id()))) {    // newest first, lazy pages
 *     System.out.println(run.id() + " " + run.status());
 * }
 * lakesail.jobRuns().cancel(runId).waitUntilTerminal(Duration.ofMinutes(5));
 * lakesail.jobRuns().followLogs(runId).forEach(line -> System.out.println(line.message()));
 * }</pre>
 */
public interface JobRunService {

    /** The run, with its result preview when it has one. */
    JobRun get(String runId);

    Paginated<JobRun> list(ListJobRunsRequest request);

    default Paginated<JobRun> list(Consumer<ListJobRunsRequest.Builder> request) {
        ListJobRunsRequest.Builder builder = ListJobRunsRequest.builder();
        request.accept(builder);
        return list(builder.build());
    }

    default Paginated<JobRun> list() {
        return list(ListJobRunsRequest.builder().build());
    }

    /**
     * Cancels the run in whatever state it is; it ends {@code cancelled} once what it created is
     * cleaned up (at once when it had nothing yet). Wait on the handle for that.
     */
    JobRunHandle cancel(String runId);

    /** A new run of the same version with the same parameters, naming this one. */
    JobRunHandle retry(String runId);

    /** One page of the run's log, from {@code nextToken} (null: the start). */
    LogPage logs(String runId, String nextToken);

    /** The lines logged so far, read lazily. */
    default RunLogs logs(String runId) {
        return RunLogs.available(token -> logs(runId, token));
    }

    /** Every line, waiting for more (polling each second) until the run ends. */
    default RunLogs followLogs(String runId) {
        return RunLogs.following(token -> logs(runId, token), Duration.ofSeconds(1), Sleeper.system());
    }

    /** A handle on an existing run (started by a schedule, a trigger, an event put, or by hand), to wait for it. */
    default JobRunHandle handle(String runId) {
        return JobRunHandle.of(runId, this);
    }
}
