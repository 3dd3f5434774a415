package com.lakesail.local;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.lakesail.local.HttpApi.Account;
import com.lakesail.local.HttpApi.Response;
import java.time.Duration;
import java.util.function.Predicate;

/**
 * The session steps the tests repeat, over HTTP, against a backend whose workflows run on their own
 * (worker threads, a clock that moves by itself): an organization with an active cluster and an
 * Iceberg catalog, sessions on them, statements, and waits that poll until a condition holds.
 */
final class SessionSteps {
    static final Duration SESSION_START = Duration.ofMinutes(4);

    private final HttpApi api;
    final Account owner;
    final String org;
    final String clusterId;
    final String catalogId;

    SessionSteps(LocalBackend backend) {
        this(new HttpApi(backend.endpoint()));
    }

    SessionSteps(HttpApi api) {
        this.api = api;
        this.owner = api.signup();
        this.org = owner.organizationId();
        Response account = api.post(path("/cloud-accounts"), owner.token(),
                "{\"name\":\"aws\",\"awsAccountId\":\"" + InfraSteps.AWS_ACCOUNT + "\"}");
        assertEquals(201, account.status(), account.toString());
        String accountId = account.json().path("id").asText();
        api.send("PUT", path("/cloud-accounts/" + accountId + "/role"), owner.token(),
                "{\"roleArn\":\"" + InfraSteps.roleArn(InfraSteps.AWS_ACCOUNT, accountId) + "\"}");
        await(path("/cloud-accounts/" + accountId), r -> r.path("status").asText().equals("active"), Duration.ofSeconds(30));
        Response network = api.post(path("/networks"), owner.token(), "{\"name\":\"net\",\"cloudAccountId\":\"" + accountId
                + "\",\"region\":\"eu-west-1\",\"cidr\":\"10.0.0.0/16\"}");
        String networkId = network.json().path("id").asText();
        await(path("/networks/" + networkId), r -> r.path("status").asText().equals("active"), Duration.ofSeconds(30));
        Response cluster = api.post(path("/clusters"), owner.token(), "{\"name\":\"prod\",\"networkId\":\"" + networkId + "\"}");
        this.clusterId = cluster.json().path("id").asText();
        await(path("/clusters/" + clusterId), r -> r.path("status").asText().equals("active"), Duration.ofSeconds(30));
        Response catalog = api.post(path("/catalogs"), owner.token(),
                "{\"name\":\"lake\",\"kind\":\"iceberg\",\"config\":{\"location\":\"s3://acme-lake/warehouse\"}}");
        assertEquals(201, catalog.status(), catalog.toString());
        this.catalogId = catalog.json().path("id").asText();
    }

    HttpApi api() {
        return api;
    }

    String path(String rest) {
        return InfraSteps.path(org, rest);
    }

    /** Opens a session on the cluster with the catalog; returns its id (it is pending). */
    String open(int idleTimeoutMinutes) {
        Response created = api.post(path("/sessions"), owner.token(), "{\"clusterId\":\"" + clusterId
                + "\",\"catalogIds\":[\"" + catalogId + "\"],\"idleTimeoutMinutes\":" + idleTimeoutMinutes + "}");
        assertEquals(201, created.status(), created.toString());
        return created.json().path("id").asText();
    }

    /** Opens a session and waits until it is active. */
    String openActive(int idleTimeoutMinutes) {
        String id = open(idleTimeoutMinutes);
        JsonNode session = await(path("/sessions/" + id), s -> !s.path("status").asText().equals("pending"), SESSION_START);
        assertEquals("active", session.path("status").asText(), session.toString());
        return id;
    }

    JsonNode session(String id) {
        return get(path("/sessions/" + id));
    }

    /** Sends a statement, waiting up to 20 s for its end; the answer. */
    Response statement(String sessionId, String sql) {
        return statement(sessionId, HttpApi.JSON.createObjectNode().put("sql", sql).put("waitSeconds", 20));
    }

    Response statement(String sessionId, ObjectNode body) {
        return api.post(path("/sessions/" + sessionId + "/statements"), owner.token(), body.toString());
    }

    /** Sends a statement and requires that it succeeded; the statement as answered. */
    JsonNode succeeded(String sessionId, String sql) {
        Response response = statement(sessionId, sql);
        assertEquals(201, response.status(), response.toString());
        JsonNode statement = response.json();
        if (!statement.path("status").asText().equals("succeeded") && !statement.path("status").asText().equals("failed")) {
            statement = await(path("/statements/" + statement.path("id").asText()),
                    s -> s.path("status").asText().matches("succeeded|failed|cancelled"), Duration.ofMinutes(2));
        }
        assertEquals("succeeded", statement.path("status").asText(), statement.toString());
        return statement;
    }

    JsonNode get(String path) {
        Response response = api.get(path, owner.token());
        assertEquals(200, response.status(), response.toString());
        return response.json();
    }

    /** Polls {@code path} until {@code done} holds; fails after {@code timeout}. */
    JsonNode await(String path, Predicate<JsonNode> done, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        JsonNode last = null;
        while (System.nanoTime() < deadline) {
            last = get(path);
            if (done.test(last)) {
                return last;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError(path + " did not reach the expected state within " + timeout + "; last: " + last);
    }
}
