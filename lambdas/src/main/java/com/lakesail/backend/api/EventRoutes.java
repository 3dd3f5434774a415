package com.lakesail.backend.api;

import com.lakesail.backend.service.event.EventService;
import javax.inject.Inject;

/**
 * {@code GET .../events?resource=} (recent state-change events of a run, of a job's runs, of a session) and
 * {@code POST .../events} (a custom event for the organization's event triggers).
 */
public final class EventRoutes implements RouteGroup {
    private static final String EVENTS = "/v1/orgs/{orgId}/events";

    private final EventService events;

    @Inject
    public EventRoutes(EventService events) {
        this.events = events;
    }

    @Override
    public void addTo(Router router) {
        router.add(Route.get(EVENTS, call -> events.list(call.principal(), call.path("orgId"), call.query("resource"),
                        call.page())))
                .add(Route.create(EVENTS, call -> events.put(call.principal(), call.path("orgId"), () -> {
                    Body body = call.body();
                    EventService.CustomEvent event = new EventService.CustomEvent(body.string("id"), body.string("source"),
                            body.string("detailType"), body.json("detail"));
                    body.done();
                    return event;
                }, call.header("Idempotency-Key"), call.idempotency())));
    }
}
