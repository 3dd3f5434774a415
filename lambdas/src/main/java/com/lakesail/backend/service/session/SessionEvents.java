package com.lakesail.backend.service.session;

import com.lakesail.backend.domain.Wire;
import com.lakesail.backend.domain.event.Event;
import com.lakesail.backend.domain.session.Session;
import java.util.LinkedHashMap;
import java.util.Map;

/** The event of a session's state change (DESIGN §11), as published and listed: the same conventions as a run's. */
final class SessionEvents {
    private SessionEvents() {
    }

    /**
     * The event of the change that wrote {@code after} (null when its state did not change): its id is the
     * session and its version, zero-padded, so that a session's events listed by time stay in the order they
     * happened when two share an instant, and a change recorded twice is one event.
     *
     * <p>{@code detail}: organizationId, sessionId, clusterId, ownerMemberId, state, previousState (null for a
     * new session) and statusReason (why it ended; null until it has).
     *
     * @param before the session as read, or null when {@code after} is new
     */
    static Event stateChange(Session before, Session after) {
        if (before != null && before.status() == after.status()) {
            return null;
        }
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("organizationId", after.organizationId());
        detail.put("sessionId", after.id());
        detail.put("clusterId", after.clusterId());
        detail.put("ownerMemberId", after.ownerMemberId());
        detail.put("state", Wire.name(after.status()));
        detail.put("previousState", before == null ? null : Wire.name(before.status()));
        // A decided ending is not shown before the session has ended: it is the reason of the terminal state.
        detail.put("statusReason", after.terminal() ? after.statusReason() : null);
        String id = String.format("%s_%s_%010d", Event.ID_PREFIX, after.id(), after.version());
        return new Event(id, Event.SOURCE, Event.SESSION_STATE_CHANGE, after.organizationId(), after.id(), null,
                after.updatedAt(), detail);
    }
}
