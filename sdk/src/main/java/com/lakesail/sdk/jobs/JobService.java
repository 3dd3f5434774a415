package com.lakesail.sdk.jobs;

import com.lakesail.sdk.Paginated;
import java.util.function.Consumer;

/**
 * Jobs: {@code /v1/orgs/{orgId}/jobs}, in the client's organization. Obtain it from
 * {@code LakeSail.jobs()}; implement it to fake the service in a test.
 *
 * <pre>{@code
 * Job job = lakesail.jobs().create(r -> r.name("daily-sales")
 *     .definition(d -> d.clusterId(cluster.id()).catalogIds(lake.id()).sql("SELECT region, sum(amount) FROM lake.sales GROUP BY region")));
 * JobRun run = lakesail.jobs().run(job.id()).waitUntilTerminal(Duration.ofHours(1));
 * JobVersion v2 = lakesail.jobs().createVersion(r -> r.jobId(job.id())
 *     .definition(lakesail.jobs().version(job.id(), 1).definition().toBuilder().timeoutSeconds(600).build()));
 * lakesail.jobs().promote(job.id(), v2.versionNumber());
 * }</pre>
 */
public interface JobService {

    /** Creates a job; its definition is version 1, live at once. Retries reuse one {@code Idempotency-Key}. */
    Job create(CreateJobRequest request);

    default Job create(Consumer<CreateJobRequest.Builder> request) {
        CreateJobRequest.Builder builder = CreateJobRequest.builder();
        request.accept(builder);
        return create(builder.build());
    }

    Job get(String jobId);

    /** The organization's (or a team's) jobs, fetched lazily page by page. */
    Paginated<Job> list(ListJobsRequest request);

    default Paginated<Job> list(Consumer<ListJobsRequest.Builder> request) {
        ListJobsRequest.Builder builder = ListJobsRequest.builder();
        request.accept(builder);
        return list(builder.build());
    }

    default Paginated<Job> list() {
        return list(ListJobsRequest.builder().build());
    }

    Job update(UpdateJobRequest request);

    default Job update(Consumer<UpdateJobRequest.Builder> request) {
        UpdateJobRequest.Builder builder = UpdateJobRequest.builder();
        request.accept(builder);
        return update(builder.build());
    }

    /** Cancels the job's active runs, then deletes it; its runs stay readable. */
    void delete(String jobId);

    /** A new draft version; {@link #promote} makes it live. */
    JobVersion createVersion(CreateJobVersionRequest request);

    default JobVersion createVersion(Consumer<CreateJobVersionRequest.Builder> request) {
        CreateJobVersionRequest.Builder builder = CreateJobVersionRequest.builder();
        request.accept(builder);
        return createVersion(builder.build());
    }

    Paginated<JobVersion> versions(String jobId);

    JobVersion version(String jobId, int versionNumber);

    /** Makes a draft (or a retired version: a rollback) live; runs started from now on pin it. */
    Job promote(String jobId, int versionNumber);

    Job pause(String jobId);

    Job resume(String jobId);

    /** Starts a run of the live version; wait on the handle for its end. */
    JobRunHandle run(RunJobRequest request);

    default JobRunHandle run(Consumer<RunJobRequest.Builder> request) {
        RunJobRequest.Builder builder = RunJobRequest.builder();
        request.accept(builder);
        return run(builder.build());
    }

    /** Starts a run of the live version with its default parameters. */
    default JobRunHandle run(String jobId) {
        return run(RunJobRequest.builder().jobId(jobId).build());
    }
}
