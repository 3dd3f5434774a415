package com.lakesail.backend.di;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lakesail.backend.service.job.JobRunLimits;
import org.junit.jupiter.api.Test;

class CustomerCloudModuleTest {
    /**
     * The Sail watcher says nothing until it reports: it must give up (sail_failed, with why) before
     * the workflow's wait for Sail times out or misses a heartbeat, or the run ends without the reason.
     */
    @Test
    void watcherSeconds_onAws_endsBeforeTheWorkflowStopsWaitingForSail() {
        JobRunLimits aws = JobRunLimits.aws();
        int watcher = CustomerCloudModule.watcherSeconds(aws);

        assertTrue(watcher < aws.sailHeartbeatSeconds() && watcher < aws.sailSeconds(), watcher + " s");
        assertTrue(watcher >= 300, "a Sail on EKS may wait for a node and an image pull: " + watcher + " s");
        assertEquals(480, watcher);
    }
}
