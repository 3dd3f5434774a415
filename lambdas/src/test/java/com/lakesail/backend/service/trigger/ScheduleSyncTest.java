package com.lakesail.backend.service.trigger;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.lakesail.backend.domain.job.Job;
import com.lakesail.backend.domain.job.JobSchedule;
import com.lakesail.backend.domain.job.JobStatus;
import com.lakesail.backend.domain.job.ScheduleConcurrency;
import com.lakesail.backend.port.Condition;
import com.lakesail.backend.port.Schedules;
import com.lakesail.backend.port.Write;
import com.lakesail.backend.service.workflow.WorkflowOutbox;
import com.lakesail.backend.store.JobItems;
import com.lakesail.backend.testing.InMemoryStore;
import com.lakesail.backend.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The API function has no Scheduler client: it writes the sync request with the job's change, due at
 * once, and the reconciler's next pass makes the schedule match the job. A host with one (the local
 * backend) syncs right after the commit, and its pass only picks up what that left.
 */
class ScheduleSyncTest {
    private static final WorkflowOutbox.Timing TIMING = new WorkflowOutbox.Timing(Duration.ofSeconds(60),
            Duration.ofMinutes(5), 3);
    private final MutableClock clock = new MutableClock(Instant.parse("2026-05-01T00:00:00Z"));
    private final InMemoryStore store = new InMemoryStore();
    private final List<String> calls = new ArrayList<>();
    private final Schedules scheduler = new Schedules() {
        @Override
        public void put(Schedule schedule) {
            calls.add("put " + schedule.jobId() + " " + schedule.cron() + " " + schedule.timezone() + " r" + schedule.revision());
        }

        @Override
        public void delete(String organizationId, String jobId) {
            calls.add("delete " + jobId);
        }
    };
    private final ScheduleSync api = new ScheduleSync(store, Optional.empty(), clock, TIMING);
    private final ScheduleSync reconciler = new ScheduleSync(store, Optional.of(scheduler), clock, TIMING);

    @Test
    void syncDue_whenTheApiWroteTheRequest_theReconcilersNextPassPutsThenDeletesTheSchedule() {
        Job job = Job.create("job_1", "org_1", "nightly", null, null,
                new JobSchedule("0 2 * * *", "Europe/Berlin", ScheduleConcurrency.SKIP, 1), clock.instant());
        commit(api, job);
        api.syncCommitted("org_1", "job_1");
        assertEquals(List.of(), calls, "the API has no Scheduler client: it leaves the sync to the reconciler");

        assertEquals(1, reconciler.syncDue(clock.instant(), 100), "due at once: no fast path is on its way");
        assertEquals(List.of("put job_1 0 2 * * * Europe/Berlin r1"), calls);
        assertEquals(0, reconciler.syncDue(clock.instant(), 100), "done once");

        Job paused = job.withStatus(JobStatus.PAUSED, clock.instant());
        commit(api, paused);
        assertEquals(1, reconciler.syncDue(clock.instant(), 100));
        assertEquals(List.of("put job_1 0 2 * * * Europe/Berlin r1", "delete job_1"), calls);
    }

    @Test
    void syncCommitted_whenTheHostHasSchedules_syncsAtOnceAndLeavesThePassNothing() {
        Job job = Job.create("job_2", "org_1", "hourly", null, null,
                new JobSchedule("0 * * * *", "UTC", ScheduleConcurrency.SKIP, 1), clock.instant());
        commit(reconciler, job);
        reconciler.syncCommitted("org_1", "job_2");
        assertEquals(List.of("put job_2 0 * * * * UTC r1"), calls);

        clock.advance(Duration.ofMinutes(2));
        assertEquals(0, reconciler.syncDue(clock.instant(), 100));
        assertEquals(1, calls.size());
    }

    private void commit(ScheduleSync host, Job job) {
        store.transact(List.of(Write.put(JobItems.job(job), Condition.none()),
                host.request(job.organizationId(), job.id(), job.version())));
    }
}
