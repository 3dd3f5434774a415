package com.lakesail.backend.port;

import java.util.Objects;

/**
 * Where the schedules of active scheduled jobs live (DESIGN §11): one EventBridge Scheduler schedule
 * per job on AWS, the local scheduler on the backend's clock locally. Each tick invokes the trigger
 * handler with the job and the time it was scheduled for. Both calls are idempotent: putting what is
 * there changes nothing, deleting what is not there is fine.
 */
public interface Schedules {

    /** Creates the job's schedule, or replaces it; it fires from its next tick after now, never for the past. */
    void put(Schedule schedule);

    /** Deletes the job's schedule, if it has one. */
    void delete(String organizationId, String jobId);

    /**
     * A job's schedule.
     *
     * @param cron     5-field UNIX cron, already validated
     * @param timezone IANA zone the cron is read in
     * @param revision changes whenever the schedule should be written again (the job's version): a create
     *                 retried with the same revision is the same create
     */
    record Schedule(String organizationId, String jobId, String cron, String timezone, long revision) {
        public Schedule {
            Objects.requireNonNull(organizationId, "organizationId");
            Objects.requireNonNull(jobId, "jobId");
            Objects.requireNonNull(cron, "cron");
            Objects.requireNonNull(timezone, "timezone");
        }
    }
}
