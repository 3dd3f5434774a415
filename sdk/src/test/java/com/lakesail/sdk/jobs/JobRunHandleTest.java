package com.lakesail.sdk.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lakesail.sdk.Paginated;
import com.lakesail.sdk.testing.FakeClock;
import com.lakesail.sdk.testing.RecordingSleeper;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JobRunHandleTest {
    private final FakeClock clock = new FakeClock(Instant.parse("2030-01-01T00:00:00Z"));
    private final RecordingSleeper sleeper = new RecordingSleeper(clock);

    /** A run that is running until {@code endsAt} on the fake clock, then succeeded. */
    private JobRunService runEndingAt(Instant endsAt) {
        return new JobRunService() {
            @Override
            public JobRun get(String runId) {
                JobRunStatus status = clock.instant().isBefore(endsAt) ? JobRunStatus.RUNNING : JobRunStatus.SUCCEEDED;
                return new JobRun(runId, "job_1", 1, new RunTrigger(TriggerType.MANUAL, null, null, null), 1, null, null, Map.of(),
                        status, null, status.value(), 70, List.of(), null, false, null, null, false, null, null,
                        clock.instant(), clock.instant(), 1);
            }

            @Override
            public Paginated<JobRun> list(ListJobRunsRequest request) {
                throw new UnsupportedOperationException();
            }

            @Override
            public JobRunHandle cancel(String runId) {
                throw new UnsupportedOperationException();
            }

            @Override
            public JobRunHandle retry(String runId) {
                throw new UnsupportedOperationException();
            }

            @Override
            public LogPage logs(String runId, String nextToken) {
                throw new UnsupportedOperationException();
            }
        };
    }

    @Test
    void waitUntilTerminal_whenTheRunTakesHours_waitsWithoutAHiddenCapAndReportsEachChangeOnce() {
        Instant start = clock.instant();
        JobRunHandle handle = JobRunHandle.of("jrn_1", runEndingAt(start.plus(Duration.ofHours(5))));
        List<JobRunStatus> changes = new ArrayList<>();

        JobRun done = handle.waitUntilTerminal(w -> w.timeout(Duration.ofHours(6)).clock(clock).sleeper(sleeper)
                .onProgress(r -> changes.add(r.status())));

        assertEquals(JobRunStatus.SUCCEEDED, done.status());
        assertTrue(Duration.between(start, clock.instant()).compareTo(Duration.ofHours(5)) >= 0);
        assertTrue(sleeper.pauses().stream().allMatch(p -> p.compareTo(Duration.ofSeconds(15)) <= 0),
                "pauses stay short, so the end is seen soon after it happens");
        assertEquals(JobRunStatus.SUCCEEDED, changes.get(changes.size() - 1));
    }

    @Test
    void status_whenClassified_saysWhichAreTerminal() {
        EnumSet<JobRunStatus> terminal = EnumSet.of(JobRunStatus.SUCCEEDED, JobRunStatus.FAILED, JobRunStatus.CANCELLED,
                JobRunStatus.TIMEOUT);
        for (JobRunStatus s : JobRunStatus.values()) {
            assertEquals(terminal.contains(s), s.isTerminal(), s.name());
        }
        assertFalse(JobRunStatus.UNKNOWN_TO_SDK_VERSION.isTerminal(), "an unknown status keeps a wait going");
        assertEquals("waiting_for_sail", JobRunStatus.WAITING_FOR_SAIL.value());
    }
}
