package com.lakesail.sdk.internal;

import com.lakesail.sdk.Paginated;
import com.lakesail.sdk.events.Event;
import com.lakesail.sdk.events.EventService;
import com.lakesail.sdk.events.PutEventRequest;
import com.lakesail.sdk.events.PutEventResult;

final class DefaultEventService implements EventService {
    private static final String EVENTS = "events";

    private final RestClient rest;
    private final OrgPath paths;

    DefaultEventService(RestClient rest, OrgPath paths) {
        this.rest = rest;
        this.paths = paths;
    }

    @Override
    public Paginated<Event> list(String resourceId) {
        return rest.paginate(ApiRequest.get(paths.of(EVENTS)).withQuery("resource", resourceId), Event.class);
    }

    @Override
    public PutEventResult put(PutEventRequest request) {
        Object body = JsonBody.of("id", request.id(), "source", request.source(), "detailType", request.detailType(),
                "detail", request.detail());
        return rest.send(ApiRequest.create(paths.of(EVENTS), body, request.idempotencyKey()), PutEventResult.class);
    }
}
