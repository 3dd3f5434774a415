package com.lakesail.sdk.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.lakesail.sdk.LakeSail;
import com.lakesail.sdk.Paginated;
import com.lakesail.sdk.RetryPolicy;
import com.lakesail.sdk.identity.ApiToken;
import com.lakesail.sdk.organizations.Organization;
import com.lakesail.sdk.testing.StubServer;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PaginationOverHttpTest {
    private StubServer server;
    private LakeSail lakesail;

    @BeforeEach
    void start() {
        server = StubServer.start();
        lakesail = new DefaultLakeSailBuilder().endpoint(server.endpoint()).token("lsk_test")
                .retryPolicy(RetryPolicy.none()).build();
    }

    @AfterEach
    void stop() {
        lakesail.close();
        server.close();
    }

    @Test
    void list_whenIterated_requestsEachPageWithLimitAndPreviousToken() {
        server.reply(200, "{\"items\": [{\"id\": \"org_1\"}, {\"id\": \"org_2\"}], \"nextToken\": \"abc/+=\"}");
        server.reply(200, "{\"items\": [{\"id\": \"org_3\"}]}");

        Paginated<Organization> orgs = lakesail.organizations().list(r -> r.limit(2));
        assertEquals(0, server.requests().size());

        Iterator<Organization> it = orgs.iterator();
        assertEquals("org_1", it.next().id());
        assertEquals("org_2", it.next().id());
        assertEquals(1, server.requests().size());
        assertEquals("org_3", it.next().id());
        assertEquals(false, it.hasNext());

        assertEquals(2, server.requests().size());
        assertEquals("/v1/orgs", server.request(0).path());
        assertEquals("limit=2", server.request(0).query());
        assertEquals("limit=2&nextToken=abc%2F%2B%3D", server.request(1).query());
    }

    @Test
    void list_whenNextTokenEmpty_stopsAfterFirstPage() {
        server.reply(200, "{\"items\": [{\"id\": \"tok_1\"}], \"nextToken\": \"\"}");

        List<String> ids = lakesail.tokens().list().stream().map(ApiToken::id).collect(Collectors.toList());

        assertEquals(List.of("tok_1"), ids);
        assertEquals(1, server.requests().size());
        assertNull(server.request(0).query());
    }
}
