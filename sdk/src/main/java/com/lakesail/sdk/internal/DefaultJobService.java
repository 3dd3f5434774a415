package com.lakesail.sdk.internal;

import com.lakesail.sdk.Paginated;
import com.lakesail.sdk.jobs.CreateJobRequest;
import com.lakesail.sdk.jobs.CreateJobVersionRequest;
import com.lakesail.sdk.jobs.Job;
import com.lakesail.sdk.jobs.JobRun;
import com.lakesail.sdk.jobs.JobRunHandle;
import com.lakesail.sdk.jobs.JobRunService;
import com.lakesail.sdk.jobs.JobService;
import com.lakesail.sdk.jobs.JobVersion;
import com.lakesail.sdk.jobs.ListJobsRequest;
import com.lakesail.sdk.jobs.RunJobRequest;
import com.lakesail.sdk.jobs.UpdateJobRequest;

final class DefaultJobService implements JobService {
    private static final String JOBS = "jobs";
    private static final String VERSIONS = "versions";

    private final RestClient rest;
    private final OrgPath paths;
    private final JobRunService runs;

    DefaultJobService(RestClient rest, OrgPath paths, JobRunService runs) {
        this.rest = rest;
        this.paths = paths;
        this.runs = runs;
    }

    @Override
    public Job create(CreateJobRequest request) {
        Object body = JsonBody.of("name", request.name(), "description", request.description(), "teamId",
                request.teamId(), "definition", request.definition());
        return rest.send(ApiRequest.create(paths.of(JOBS), body, request.idempotencyKey()), Job.class);
    }

    @Override
    public Job get(String jobId) {
        return rest.send(ApiRequest.get(paths.of(JOBS, jobId)), Job.class);
    }

    @Override
    public Paginated<Job> list(ListJobsRequest request) {
        return rest.paginate(ApiRequest.get(paths.of(JOBS)).withQuery("teamId", request.teamId())
                .withQuery("limit", request.limit()), Job.class);
    }

    @Override
    public Job update(UpdateJobRequest request) {
        Object body = JsonBody.of("name", request.name(), "description", request.description(), "teamId",
                request.teamId(), "version", request.version());
        return rest.send(ApiRequest.patch(paths.of(JOBS, request.jobId()), body), Job.class);
    }

    @Override
    public void delete(String jobId) {
        rest.send(ApiRequest.delete(paths.of(JOBS, jobId)));
    }

    @Override
    public JobVersion createVersion(CreateJobVersionRequest request) {
        Object body = JsonBody.of("definition", request.definition(), "basedOn", request.basedOn());
        return rest.send(ApiRequest.create(paths.of(JOBS, request.jobId(), VERSIONS), body, request.idempotencyKey()),
                JobVersion.class);
    }

    @Override
    public Paginated<JobVersion> versions(String jobId) {
        return rest.paginate(ApiRequest.get(paths.of(JOBS, jobId, VERSIONS)), JobVersion.class);
    }

    @Override
    public JobVersion version(String jobId, int versionNumber) {
        return rest.send(ApiRequest.get(paths.of(JOBS, jobId, VERSIONS, Integer.toString(versionNumber))),
                JobVersion.class);
    }

    @Override
    public Job promote(String jobId, int versionNumber) {
        return rest.send(ApiRequest.post(paths.of(JOBS, jobId, VERSIONS, Integer.toString(versionNumber), "promote"),
                null), Job.class);
    }

    @Override
    public Job pause(String jobId) {
        return rest.send(ApiRequest.post(paths.of(JOBS, jobId, "pause"), null), Job.class);
    }

    @Override
    public Job resume(String jobId) {
        return rest.send(ApiRequest.post(paths.of(JOBS, jobId, "resume"), null), Job.class);
    }

    @Override
    public JobRunHandle run(RunJobRequest request) {
        Object body = JsonBody.of("parameters", request.parameters().isEmpty() ? null : request.parameters());
        JobRun run = rest.send(ApiRequest.create(paths.of(JOBS, request.jobId(), "runs"), body, request.idempotencyKey()),
                JobRun.class);
        return JobRunHandle.of(run, runs);
    }
}
