package com.lakesail.sdk.events;

import com.lakesail.sdk.Paginated;
import java.util.function.Consumer;

/**
 * Events: {@code /v1/orgs/{orgId}/events}, in the client's organization. The recent state changes of a
 * run (or of a job's runs) or of a session, and custom events for the organization's event triggers. Obtain it from
 * {@code LakeSail.events()}; implement it to fake the service in a test.
 *
 * <pre>{@code
 * lakesail.events().list(run.id()).forEach(e -> System.out.println(e.state()));
 * lakesail.events().put(r -> r.source("com.acme.orders").detailType("Order Batch Closed").detail("region", "eu"));
 * }</pre>
 */
public interface EventService {

    /** The recent events of a run, of a job's runs (a job id) or of a session, newest first, fetched lazily page by page. */
    Paginated<Event> list(String resourceId);

    /** Puts a custom event; a retry reuses one {@code Idempotency-Key}, so it starts nothing twice. */
    PutEventResult put(PutEventRequest request);

    default PutEventResult put(Consumer<PutEventRequest.Builder> request) {
        PutEventRequest.Builder builder = PutEventRequest.builder();
        request.accept(builder);
        return put(builder.build());
    }
}
