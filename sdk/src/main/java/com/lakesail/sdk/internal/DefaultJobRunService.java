package com.lakesail.sdk.internal;

import com.lakesail.sdk.Paginated;
import com.lakesail.sdk.jobs.JobRun;
import com.lakesail.sdk.jobs.JobRunHandle;
import com.lakesail.sdk.jobs.JobRunService;
import com.lakesail.sdk.jobs.ListJobRunsRequest;
import com.lakesail.sdk.jobs.LogPage;

final class DefaultJobRunService implements JobRunService {
    private static final String RUNS = "job-runs";

    private final RestClient rest;
    private final OrgPath paths;

    DefaultJobRunService(RestClient rest, OrgPath paths) {
        this.rest = rest;
        this.paths = paths;
    }

    @Override
    public JobRun get(String runId) {
        return rest.send(ApiRequest.get(paths.of(RUNS, runId)), JobRun.class);
    }

    @Override
    public Paginated<JobRun> list(ListJobRunsRequest request) {
        ApiRequest list = ApiRequest.get(paths.of(RUNS)).withQuery("jobId", request.jobId())
                .withQuery("status", request.status() == null ? null : request.status().value())
                .withQuery("limit", request.limit());
        return rest.paginate(list, JobRun.class);
    }

    @Override
    public JobRunHandle cancel(String runId) {
        return JobRunHandle.of(rest.send(ApiRequest.post(paths.of(RUNS, runId, "cancel"), null), JobRun.class), this);
    }

    @Override
    public JobRunHandle retry(String runId) {
        return JobRunHandle.of(rest.send(ApiRequest.create(paths.of(RUNS, runId, "retry"), null, null), JobRun.class),
                this);
    }

    @Override
    public LogPage logs(String runId, String nextToken) {
        return rest.send(ApiRequest.get(paths.of(RUNS, runId, "logs")).withQuery("nextToken", nextToken), LogPage.class);
    }
}
