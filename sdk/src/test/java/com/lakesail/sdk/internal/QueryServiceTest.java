package com.lakesail.sdk.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.lakesail.sdk.LakeSail;
import com.lakesail.sdk.RetryPolicy;
import com.lakesail.sdk.exception.ConflictException;
import com.lakesail.sdk.jobs.JobParameter;
import com.lakesail.sdk.jobs.ParameterType;
import com.lakesail.sdk.sessions.SavedQuery;
import com.lakesail.sdk.testing.StubServer;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code queries()} over HTTP against a stub answering as the server's views write: the requests it sends, the models it reads. */
class QueryServiceTest {
    /** As the server's view writes a saved query. */
    static final String QUERY = """
            {"id": "qry_1", "name": "by-region", "description": null, "teamId": "team_1",
             "sql": "SELECT region FROM lake.sales WHERE day = :day",
             "parameters": [{"name": "day", "type": "date", "default": null}, {"name": "n", "type": "bigint", "default": 10}],
             "createdBy": "usr_1", "createdAt": "2030-01-01T00:00:00Z", "updatedAt": "2030-01-02T00:00:00Z", "version": 2}""";

    private StubServer server;
    private LakeSail lakesail;

    @BeforeEach
    void start() {
        server = StubServer.start();
        lakesail = new DefaultLakeSailBuilder().endpoint(server.endpoint()).token("lsk_test").organization("org_1")
                .retryPolicy(RetryPolicy.none()).build();
    }

    @AfterEach
    void stop() {
        lakesail.close();
        server.close();
    }

    @Test
    void create_whenGivenSqlAndParameters_postsThemWithAnIdempotencyKeyAndReadsTheQueryBack() {
        server.reply(201, QUERY);

        SavedQuery q = lakesail.queries().create(r -> r.name("by-region").teamId("team_1")
                .sql("SELECT region FROM lake.sales WHERE day = :day")
                .parameter("day", ParameterType.DATE, null).parameter("n", ParameterType.BIGINT, 10));

        assertEquals("POST", server.request(0).method());
        assertEquals("/v1/orgs/org_1/queries", server.request(0).path());
        assertEquals("{\"name\":\"by-region\",\"teamId\":\"team_1\",\"sql\":\"SELECT region FROM lake.sales WHERE day = :day\","
                + "\"parameters\":[{\"name\":\"day\",\"type\":\"date\"},{\"name\":\"n\",\"type\":\"bigint\",\"default\":10}]}",
                server.request(0).body());
        assertNotNull(server.request(0).header("Idempotency-Key"));
        assertEquals("qry_1", q.id());
        assertEquals(List.of(JobParameter.required("day", ParameterType.DATE), JobParameter.of("n", ParameterType.BIGINT, 10)),
                q.parameters());
        assertEquals(2, q.version());
        assertNull(q.description());
    }

    @Test
    void list_whenFilteredByTeam_sendsTheFilterAndFollowsPages() {
        server.reply(200, "{\"items\": [" + QUERY + "], \"nextToken\": \"t2\"}");
        server.reply(200, "{\"items\": [" + QUERY.replace("qry_1", "qry_2") + "], \"nextToken\": null}");

        List<String> ids = lakesail.queries().list("team_1").stream().map(SavedQuery::id).toList();

        assertEquals(List.of("qry_1", "qry_2"), ids);
        assertEquals("teamId=team_1", server.request(0).query());
        assertEquals("nextToken=t2&teamId=team_1", server.request(1).query());
    }

    @Test
    void update_whenGivenSomeFields_patchesOnlyThoseWithTheVersion() {
        server.reply(200, QUERY);

        lakesail.queries().update("qry_1", 2, r -> r.sql("SELECT 2").parameters(List.of()));

        assertEquals("PATCH", server.request(0).method());
        assertEquals("/v1/orgs/org_1/queries/qry_1", server.request(0).path());
        assertEquals("{\"sql\":\"SELECT 2\",\"parameters\":[],\"version\":2}", server.request(0).body());
        assertNull(server.request(0).header("Idempotency-Key"));
    }

    @Test
    void update_whenTheVersionMoved_throwsConflict() {
        server.replyError(409, "conflict", "the query changed since version 1");

        assertThrows(ConflictException.class, () -> lakesail.queries().update("qry_1", 1, r -> r.name("x")));
    }

    @Test
    void getAndDelete_whenCalled_useTheQueryPath() {
        server.reply(200, QUERY);
        server.reply(204, null);

        assertEquals("by-region", lakesail.queries().get("qry_1").name());
        lakesail.queries().delete("qry_1");

        assertEquals("GET /v1/orgs/org_1/queries/qry_1", server.request(0).method() + " " + server.request(0).path());
        assertEquals("DELETE /v1/orgs/org_1/queries/qry_1", server.request(1).method() + " " + server.request(1).path());
    }
}
