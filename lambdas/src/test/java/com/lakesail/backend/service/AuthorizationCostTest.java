package com.lakesail.backend.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.lakesail.backend.testing.InMemoryStore;
import com.lakesail.backend.testing.MutableClock;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Authorization adds at most one store read to a request, and none while the snapshot is cached. */
class AuthorizationCostTest {
    private final InMemoryStore store = new InMemoryStore();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-02-01T00:00:00Z"));
    private final InProcessApi api = new InProcessApi(AccessGraph.over(store, clock).api());

    @Test
    void getOrganization_whenWarm_costsTheTokenAndTheOrganizationReadsOnly() {
        InProcessApi.User ada = api.signup("ada");
        String path = "/v1/orgs/" + ada.orgId();

        long cold = trips(() -> InProcessApi.expect(200, api.call("GET", path, ada.token(), null)));
        long warm = trips(() -> InProcessApi.expect(200, api.call("GET", path, ada.token(), null)));
        clock.advance(AccessSnapshots.TTL);
        long expired = trips(() -> InProcessApi.expect(200, api.call("GET", path, ada.token(), null)));

        assertEquals(List.of(3L, 2L, 3L), List.of(cold, warm, expired), "token + snapshot (when not cached) + organization");
    }

    @Test
    void removeMember_whenDoneInThisProcess_refusesTheMemberOnTheNextRequestThoughTheCacheIsWarm() {
        InProcessApi.User owner = api.signup("owner");
        InProcessApi.User bob = api.signup("bob");
        String bobMember = api.join(owner, owner.orgId(), bob, List.of("viewer"));
        String path = "/v1/orgs/" + owner.orgId();
        InProcessApi.expect(200, api.call("GET", path, bob.token(), null));

        InProcessApi.expect(204, api.call("DELETE", path + "/members/" + bobMember, owner.token(), null));

        InProcessApi.expect(404, api.call("GET", path, bob.token(), null));
    }

    private long trips(Runnable request) {
        long before = store.roundTrips();
        request.run();
        return store.roundTrips() - before;
    }
}
