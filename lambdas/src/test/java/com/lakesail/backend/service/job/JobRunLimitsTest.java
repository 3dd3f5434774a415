package com.lakesail.backend.service.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class JobRunLimitsTest {
    private final JobRunLimits limits = JobRunLimits.local();

    @Test
    void runnerHeartbeatSeconds_whenTheTimeoutIsLong_allowsMissedHeartbeatsAndAHalf() {
        assertEquals(90, limits.runnerHeartbeatSeconds(3600));
    }

    @Test
    void runnerHeartbeatSeconds_whenTheTimeoutIsShort_staysBelowIt() {
        assertEquals(9, limits.runnerHeartbeatSeconds(10));
    }

    @Test
    void runnerReportSeconds_whenTheTimeoutIsLong_isTheUsualHeartbeat() {
        assertEquals(20, limits.runnerReportSeconds(3600));
    }

    @Test
    void runnerReportSeconds_forEveryTimeout_fitsTheMissedHeartbeatsInTheStagesHeartbeatLimit() {
        for (int timeout = 10; timeout <= 600; timeout++) {
            int report = limits.runnerReportSeconds(timeout);
            assertTrue(report >= 1, "timeout " + timeout);
            assertTrue(report * limits.missedHeartbeats() <= limits.runnerHeartbeatSeconds(timeout),
                    "timeout " + timeout + ": reports every " + report + " s");
        }
        assertEquals(2, limits.runnerReportSeconds(10));
    }

    @Test
    void runnerHeartbeatIsTheTimeout_onlyWhenTheLimitIsCutToTheTimeout() {
        assertTrue(limits.runnerHeartbeatIsTheTimeout(10), "a 10 s job: silence for 9 s is its whole timeout");
        assertTrue(limits.runnerHeartbeatIsTheTimeout(91));
        assertFalse(limits.runnerHeartbeatIsTheTimeout(92), "90 s of silence in a 92 s job is a lost runner");
        assertFalse(limits.runnerHeartbeatIsTheTimeout(3600));
    }
}
