package com.lakesail.backend.port;

import com.lakesail.backend.domain.event.Event;
import java.util.List;

/**
 * The bus LakeSail's state-change events go to (DESIGN §2, §11): the control plane's EventBridge bus
 * on AWS, the embedded bus locally. Callers do not call it directly: they record the event in the
 * transaction that makes the change and hand it to
 * {@link com.lakesail.backend.service.event.EventOutbox#publishCommitted}, which publishes it and,
 * should that fail, leaves it for the reconciler to publish again. A host without a bus (the API
 * function) leaves it queued for the next task of its run's or session's workflow.
 *
 * <p>Delivery is at least once: an event may be published twice, with the same id. Whatever starts
 * work from an event does so idempotently.
 */
public interface Events {
    /** Maximum events in one {@link #publish} call (EventBridge's PutEvents limit). */
    int MAX_BATCH = 10;

    /**
     * Publishes {@code events} (at most {@link #MAX_BATCH}).
     *
     * @throws EventsException when any of them was not accepted; the caller publishes them all again later
     */
    void publish(List<Event> events);
}
