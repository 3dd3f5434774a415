package com.lakesail.backend.domain.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lakesail.backend.domain.ConflictException;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JobRunTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final List<JobRunStatus> STAGES = List.of(JobRunStatus.READY, JobRunStatus.STARTING,
            JobRunStatus.CREATING_SAIL, JobRunStatus.WAITING_FOR_SAIL, JobRunStatus.CREATING_RUNNER, JobRunStatus.RUNNING);

    private static JobRun pending() {
        return JobRun.create("jrn_1", "org_1", "job_1", 1, RunTrigger.MANUAL, 1, Map.of(), "usr_1", T0);
    }

    private static JobRun running() {
        JobRun run = pending();
        Instant at = T0;
        for (JobRunStatus s : STAGES) {
            at = at.plusSeconds(1);
            run = run.moveTo(s, at);
        }
        return run;
    }

    @Test
    void lifecycle_whenWalked_recordsWhenEachStateWasEnteredAndTheTimeSpentInIt() {
        JobRun run = running().end(JobRunStatus.SUCCEEDED, new Termination(TerminationCode.SUCCESS, null),
                T0.plusSeconds(60));

        assertEquals(8, run.history().size());
        assertEquals(T0.plusSeconds(6), run.enteredAt(JobRunStatus.RUNNING));
        assertEquals(Duration.ofSeconds(54), run.timeInStatus().get(JobRunStatus.RUNNING));
        assertEquals(Duration.ofSeconds(1), run.timeInStatus().get(JobRunStatus.PENDING));
        assertNull(run.stoppedAt());
        assertEquals(100, run.progress());
        assertEquals(1 + STAGES.size() + 1, run.version());
    }

    @Test
    void lifecycle_whenAStageIsSkipped_refusesIt() {
        assertThrows(ConflictException.class, () -> pending().moveTo(JobRunStatus.RUNNING, T0));
        assertThrows(ConflictException.class, () -> pending().end(JobRunStatus.SUCCEEDED, null, T0));
        assertThrows(ConflictException.class, () -> pending().end(JobRunStatus.TIMEOUT, null, T0));
        assertThrows(IllegalArgumentException.class, () -> pending().moveTo(JobRunStatus.CANCELLED, T0));
    }

    @Test
    void lifecycle_whenNotTerminal_everyStateMayFailOrBeCancelled() {
        for (JobRunStatus s : EnumSet.complementOf(EnumSet.of(JobRunStatus.SUCCEEDED, JobRunStatus.FAILED,
                JobRunStatus.CANCELLED, JobRunStatus.TIMEOUT))) {
            assertTrue(JobRunStatus.LIFECYCLE.allows(s, JobRunStatus.FAILED), s.name());
            assertTrue(JobRunStatus.LIFECYCLE.allows(s, JobRunStatus.CANCELLED), s.name());
            assertFalse(s.terminal());
        }
        assertEquals(4, EnumSet.allOf(JobRunStatus.class).stream().filter(JobRunStatus::terminal).count());
    }

    @Test
    void end_whenFailedWhileRunning_keepsTheStageAndItsProgress() {
        JobRun failed = running().withRunnerProgress(new RunnerProgress(3, 4, "statement 3 of 4"), T0.plusSeconds(8))
                .end(JobRunStatus.FAILED, new Termination(TerminationCode.RUN_EXECUTION_ERROR, "boom"), T0.plusSeconds(9));

        assertEquals(JobRunStatus.RUNNING, failed.stoppedAt());
        assertEquals(70 + 29 * 2 / 4, failed.progress());
        assertEquals(TerminationType.CLIENT_ERROR, failed.termination().type());
    }

    @Test
    void waiting_whenTheStageIsRetried_storesTheNewToken() {
        JobRun run = pending().moveTo(JobRunStatus.READY, T0).moveTo(JobRunStatus.STARTING, T0)
                .moveTo(JobRunStatus.CREATING_SAIL, T0).waiting(JobRunStatus.WAITING_FOR_SAIL, "t1", T0);
        JobRun retried = run.waiting(JobRunStatus.WAITING_FOR_SAIL, "t2", T0);

        assertEquals("t2", retried.waitToken());
        assertEquals(run.history(), retried.history(), "a retried stage is not entered twice");
        assertNull(retried.moveTo(JobRunStatus.CREATING_RUNNER, T0).waitToken(), "the next stage drops the token");
    }

    @Test
    void cancelRequested_whenEnded_answersConflict() {
        JobRun cancelled = pending().end(JobRunStatus.CANCELLED, new Termination(TerminationCode.USER_CANCELED, "x"), T0);
        assertThrows(ConflictException.class, () -> cancelled.cancelRequested(T0, "cancelled by usr_1"));
        assertEquals(JobRunStatus.PENDING, cancelled.stoppedAt());
    }

    @Test
    void termination_whenTheMessageIsAWholeStackTrace_keepsItBounded() {
        Termination t = new Termination(TerminationCode.RUN_EXECUTION_ERROR, "x".repeat(10_000));
        assertEquals(Termination.MAX_MESSAGE, t.message().length());
    }

    @Test
    void reports_whenTheirMessagesAreWholeStackTraces_keepThemBoundedBeforeTheRunEnds() {
        // Stored on the run item as reported: a callback of 1 MiB must not outgrow it.
        String trace = "x".repeat(500_000);

        JobRun reported = running().withOutcome(new RunOutcome(TerminationCode.RUN_EXECUTION_ERROR, trace, "X", 1), T0)
                .withRunnerProgress(new RunnerProgress(1, 2, trace), T0);

        assertEquals(Termination.MAX_MESSAGE, reported.outcome().message().length());
        assertTrue(reported.outcome().message().endsWith("…"));
        assertEquals(Termination.MAX_MESSAGE, reported.runnerProgress().message().length());
        assertEquals("short", new RunOutcome(TerminationCode.CLUSTER_ERROR, "short", null, null).message());
    }

    @Test
    void job_whenPromotingOverADraft_keepsTheNewerDraft() {
        Job job = Job.create("job_1", "org_1", "j", null, null, null, T0).withDraft(2, T0).withDraft(3, T0);
        Job promoted = job.promoted(2, null, T0);
        assertEquals(2, promoted.liveVersion());
        assertEquals(3, promoted.draftVersion());
        assertNull(promoted.promoted(3, null, T0).draftVersion());
        assertThrows(ConflictException.class, () -> promoted.promoted(2, null, T0));
        assertThrows(ConflictException.class, () -> promoted.withStatus(JobStatus.ACTIVE, T0));
    }
}
