package com.lakesail.backend.reconciler;

import com.lakesail.backend.service.event.EventOutbox;
import com.lakesail.backend.service.trigger.ScheduleSync;
import com.lakesail.backend.service.trigger.TriggerWindows;
import java.time.Clock;
import java.time.Instant;
import javax.inject.Inject;

/**
 * What a reconciler pass drives besides workflows, each left behind only when its fast path failed or
 * a death cut it off: events not yet published, schedules not yet in step with their jobs, and S3
 * triggers whose gathered run is due.
 */
public final class Backlog {
    private final EventOutbox events;
    private final ScheduleSync schedules;
    private final TriggerWindows triggers;
    private final Clock clock;

    @Inject
    public Backlog(EventOutbox events, ScheduleSync schedules, TriggerWindows triggers, Clock clock) {
        this.events = events;
        this.schedules = schedules;
        this.triggers = triggers;
        this.clock = clock;
    }

    /** What one pass did. */
    public record Pass(int eventsPublished, int schedulesSynced, int triggersFired) {
        public static final Pass NONE = new Pass(0, 0, 0);
    }

    /** @param asOf entries due by then are done (the start-up pass looks past the fast paths' grace) */
    Pass runDue(Instant asOf, int limit) {
        return new Pass(events.publishDue(asOf, limit), schedules.syncDue(asOf, limit),
                triggers.fireDue(clock.instant(), limit));
    }
}
