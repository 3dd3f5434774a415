package com.lakesail.local;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.lakesail.local.HttpApi.Response;
import com.lakesail.local.workflow.ManualClock;
import java.time.Instant;
import java.util.Optional;

/**
 * The infrastructure steps the acceptance tests repeat, over HTTP, against a backend whose workflow
 * engine has no worker threads and whose clock moves only when told: {@link #settle()} runs every
 * workflow to its end by jumping the clock to each next timer (a Wait, a backoff), never sleeping.
 */
final class InfraSteps {
    static final String AWS_ACCOUNT = "123456789012";

    private final LocalBackend backend;
    private final ManualClock clock;
    private final HttpApi api;

    InfraSteps(LocalBackend backend, ManualClock clock) {
        this.backend = backend;
        this.clock = clock;
        this.api = new HttpApi(backend.endpoint());
    }

    HttpApi api() {
        return api;
    }

    static String path(String orgId, String rest) {
        return "/v1/orgs/" + orgId + rest;
    }

    /** Runs the workflows until none has anything left to do, moving the clock to each next deadline. */
    void settle() {
        for (int i = 0; i < 100_000; i++) {
            backend.workflows().runUntilIdle();
            Optional<Instant> next = backend.workflows().nextTimerDue();
            if (next.isEmpty()) {
                return;
            }
            if (next.get().isAfter(clock.instant())) {
                clock.set(next.get());
            }
        }
        throw new AssertionError("the workflows did not settle");
    }

    /** Runs what is ready now, without moving the clock. */
    void runReady() {
        backend.workflows().runUntilIdle();
    }

    JsonNode get(String token, String orgId, String rest) {
        Response response = api.get(path(orgId, rest), token);
        assertEquals(200, response.status(), response.toString());
        return response.json();
    }

    Response createAccount(String token, String orgId, String name, String awsAccountId) {
        return api.post(path(orgId, "/cloud-accounts"), token,
                "{\"name\":\"" + name + "\",\"awsAccountId\":\"" + awsAccountId + "\"}");
    }

    static String roleArn(String awsAccountId, String cloudAccountId) {
        return "arn:aws:iam::" + awsAccountId + ":role/lakesail-" + cloudAccountId.replace('_', '-');
    }

    Response putRole(String token, String orgId, String cloudAccountId, String roleArn) {
        return api.send("PUT", path(orgId, "/cloud-accounts/" + cloudAccountId + "/role"), token,
                "{\"roleArn\":\"" + roleArn + "\"}");
    }

    /** A verified cloud account for {@link #AWS_ACCOUNT}: created, its role set, the verification run; returns its id. */
    String activeAccount(String token, String orgId, String name) {
        return activeAccount(token, orgId, name, AWS_ACCOUNT);
    }

    /** The same, for another AWS account: an organization connects each AWS account once. */
    String activeAccount(String token, String orgId, String name, String awsAccountId) {
        Response created = createAccount(token, orgId, name, awsAccountId);
        assertEquals(201, created.status(), created.toString());
        String id = created.json().path("id").asText();
        Response put = putRole(token, orgId, id, roleArn(awsAccountId, id));
        assertEquals(200, put.status(), put.toString());
        settle();
        assertEquals("active", get(token, orgId, "/cloud-accounts/" + id).path("status").asText());
        return id;
    }

    Response createNetwork(String token, String orgId, String accountId, String name, String cidr) {
        return api.post(path(orgId, "/networks"), token, "{\"name\":\"" + name + "\",\"cloudAccountId\":\"" + accountId
                + "\",\"region\":\"eu-west-1\",\"cidr\":\"" + cidr + "\"}");
    }

    String activeNetwork(String token, String orgId, String accountId, String name, String cidr) {
        Response created = createNetwork(token, orgId, accountId, name, cidr);
        assertEquals(201, created.status(), created.toString());
        settle();
        String id = created.json().path("id").asText();
        assertEquals("active", get(token, orgId, "/networks/" + id).path("status").asText());
        return id;
    }

    Response createCluster(String token, String orgId, String networkId, String name) {
        return api.post(path(orgId, "/clusters"), token, "{\"name\":\"" + name + "\",\"networkId\":\"" + networkId + "\"}");
    }

    String activeCluster(String token, String orgId, String networkId, String name) {
        Response created = createCluster(token, orgId, networkId, name);
        assertEquals(201, created.status(), created.toString());
        settle();
        String id = created.json().path("id").asText();
        assertEquals("active", get(token, orgId, "/clusters/" + id).path("status").asText());
        return id;
    }
}
