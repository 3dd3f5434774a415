package com.lakesail.backend.service.trigger;

import com.lakesail.backend.domain.event.Event;

/**
 * The rules on the control plane's bus that feed the trigger handler, as event patterns: template.yaml
 * declares them on the trigger function (a test checks they are these), and the local backend's
 * embedded bus applies the same patterns with Event Ruler.
 */
public final class TriggerRules {
    /** S3 "Object Created" events, forwarded from customers' accounts. */
    public static final String OBJECT_CREATED = "{\"source\":[\"" + EventPatterns.S3_SOURCE + "\"],"
            + "\"detail-type\":[\"" + EventPatterns.OBJECT_CREATED + "\"]}";
    /** LakeSail's own runs reaching a terminal state (what {@code job_run} triggers follow). */
    public static final String RUN_ENDED = "{\"source\":[\"" + Event.SOURCE + "\"],"
            + "\"detail-type\":[\"" + Event.JOB_RUN_STATE_CHANGE + "\"],"
            + "\"detail\":{\"state\":[\"succeeded\",\"failed\",\"cancelled\",\"timeout\"]}}";

    private TriggerRules() {
    }
}
