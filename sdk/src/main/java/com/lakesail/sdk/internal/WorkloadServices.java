package com.lakesail.sdk.internal;

import com.lakesail.sdk.events.EventService;
import com.lakesail.sdk.jobs.JobRunService;
import com.lakesail.sdk.jobs.JobService;
import com.lakesail.sdk.sessions.QueryService;
import com.lakesail.sdk.sessions.SessionService;

/**
 * The workload services of one client (jobs and their runs, events, saved queries, sessions and their
 * statements), all acting in its organization.
 */
record WorkloadServices(JobService jobs, JobRunService jobRuns, EventService events, QueryService queries,
        SessionService sessions) {

    static WorkloadServices of(RestClient rest, String organizationId) {
        OrgPath paths = new OrgPath(organizationId);
        JobRunService runs = new DefaultJobRunService(rest, paths);
        return new WorkloadServices(new DefaultJobService(rest, paths, runs), runs, new DefaultEventService(rest, paths),
                new DefaultQueryService(rest, paths), new DefaultSessionService(rest, paths, rest.requestTimeout()));
    }
}
