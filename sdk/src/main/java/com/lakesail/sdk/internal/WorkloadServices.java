package com.lakesail.sdk.internal;

import com.lakesail.sdk.events.EventService;
import com.lakesail.sdk.jobs.JobRunService;
import com.lakesail.sdk.jobs.JobService;

/** The workload services of one client (jobs, their runs, events), all acting in its organization. */
record WorkloadServices(JobService jobs, JobRunService jobRuns, EventService events) {

    static WorkloadServices of(RestClient rest, String organizationId) {
        OrgPath paths = new OrgPath(organizationId);
        JobRunService runs = new DefaultJobRunService(rest, paths);
        return new WorkloadServices(new DefaultJobService(rest, paths, runs), runs, new DefaultEventService(rest, paths));
    }
}
