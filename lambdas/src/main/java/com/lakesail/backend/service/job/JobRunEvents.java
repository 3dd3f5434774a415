package com.lakesail.backend.service.job;

import com.lakesail.backend.domain.Wire;
import com.lakesail.backend.domain.event.Event;
import com.lakesail.backend.domain.job.JobRun;
import java.util.LinkedHashMap;
import java.util.Map;

/** The event of a run's state change (DESIGN §11), as published and listed. */
final class JobRunEvents {
    private JobRunEvents() {
    }

    /**
     * The id of the event of the change that wrote {@code after}: the run and its version, zero-padded, so
     * that a run's events listed by time stay in the order they happened when two share an instant, and a
     * change recorded twice is one event.
     */
    static String id(JobRun after) {
        return String.format("%s_%s_%010d", Event.ID_PREFIX, after.id(), after.version());
    }

    /**
     * {@code detail}: organizationId, jobId, runId, versionNumber, state, previousState (null for a new
     * run), termination ({@code {code, type, message}}, null until terminal) and what triggered the run.
     */
    static Event stateChange(String eventId, JobRun before, JobRun after) {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("organizationId", after.organizationId());
        detail.put("jobId", after.jobId());
        detail.put("runId", after.id());
        detail.put("versionNumber", after.versionNumber());
        detail.put("state", Wire.name(after.status()));
        detail.put("previousState", before == null ? null : Wire.name(before.status()));
        Map<String, Object> termination = null;
        if (after.termination() != null) {
            termination = new LinkedHashMap<>();
            termination.put("code", Wire.name(after.termination().code()));
            termination.put("type", Wire.name(after.termination().type()));
            termination.put("message", after.termination().message());
        }
        detail.put("termination", termination);
        detail.put("trigger", Wire.name(after.trigger().type()));
        return new Event(eventId, Event.SOURCE, Event.JOB_RUN_STATE_CHANGE, after.organizationId(), after.id(),
                after.jobId(), after.updatedAt(), detail);
    }
}
