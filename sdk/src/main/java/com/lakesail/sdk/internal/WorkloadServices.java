package com.lakesail.sdk.internal;

import com.lakesail.sdk.jobs.JobRunService;
import com.lakesail.sdk.jobs.JobService;

/** The workload services of one client (jobs and their runs), all acting in its organization. */
record WorkloadServices(JobService jobs, JobRunService jobRuns) {

    static WorkloadServices of(RestClient rest, String organizationId) {
        OrgPath paths = new OrgPath(organizationId);
        JobRunService runs = new DefaultJobRunService(rest, paths);
        return new WorkloadServices(new DefaultJobService(rest, paths, runs), runs);
    }
}
