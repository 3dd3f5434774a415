package com.lakesail.local;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.lakesail.local.HttpApi.Account;
import com.lakesail.local.HttpApi.Response;
import com.lakesail.local.workflow.ManualClock;
import java.time.Duration;
import java.util.List;

/**
 * The job steps the acceptance tests repeat, over HTTP, against a backend whose workflow engine has
 * no worker threads and a manual clock ({@link InfraSteps}): an organization with an active cluster
 * and an Iceberg catalog, jobs on them, runs, and moving the runs' workflows along.
 */
final class JobSteps {
    private final InfraSteps infra;
    private final ManualClock clock;
    private final LocalBackend backend;
    final Account owner;
    final String org;
    final String clusterId;
    final String catalogId;

    JobSteps(LocalBackend backend, ManualClock clock) {
        this.backend = backend;
        this.clock = clock;
        this.infra = new InfraSteps(backend, clock);
        Account signedUp = infra.api().signup();
        // Schedules move the clock by months: the owner works with a token that outlives that (a year, the most a token may).
        Response token = infra.api().post("/v1/me/tokens", signedUp.token(), "{\"name\":\"acceptance\",\"expiresInDays\":365}");
        assertEquals(201, token.status(), token.toString());
        this.owner = new Account(token.json().path("secret").asText(), signedUp.userId(), signedUp.organizationId(),
                signedUp.email());
        this.org = owner.organizationId();
        String account = infra.activeAccount(owner.token(), org, "aws");
        String network = infra.activeNetwork(owner.token(), org, account, "net", "10.0.0.0/16");
        this.clusterId = infra.activeCluster(owner.token(), org, network, "prod");
        Response catalog = infra.api().post(InfraSteps.path(org, "/catalogs"), owner.token(),
                "{\"name\":\"lake\",\"kind\":\"iceberg\",\"config\":{\"location\":\"s3://acme-lake/warehouse\"}}");
        assertEquals(201, catalog.status(), catalog.toString());
        this.catalogId = catalog.json().path("id").asText();
    }

    HttpApi api() {
        return infra.api();
    }

    String path(String rest) {
        return InfraSteps.path(org, rest);
    }

    /** A definition over the organization's cluster and catalog running {@code statements}. */
    ObjectNode definition(String... statements) {
        ObjectNode d = HttpApi.JSON.createObjectNode().put("clusterId", clusterId);
        d.putArray("catalogIds").add(catalogId);
        ObjectNode entrypoint = d.putObject("entrypoint").put("type", "sql");
        ArrayNode array = entrypoint.putArray("statements");
        for (String s : statements) {
            array.add(s);
        }
        return d;
    }

    Response createJob(String token, String name, ObjectNode definition) {
        ObjectNode body = HttpApi.JSON.createObjectNode().put("name", name);
        body.set("definition", definition);
        return api().post(path("/jobs"), token, body.toString());
    }

    /** A job of the owner's; returns its id. */
    String job(String name, ObjectNode definition) {
        Response created = createJob(owner.token(), name, definition);
        assertEquals(201, created.status(), created.toString());
        return created.json().path("id").asText();
    }

    Response run(String token, String jobId, String body) {
        return api().post(path("/jobs/" + jobId + "/runs"), token, body);
    }

    /** Starts a run of the owner's; returns its id. The workflow has not moved yet. */
    String startRun(String jobId) {
        Response run = run(owner.token(), jobId, null);
        assertEquals(201, run.status(), run.toString());
        assertEquals("pending", run.json().path("status").asText());
        return run.json().path("id").asText();
    }

    JsonNode getRun(String runId) {
        Response run = api().get(path("/job-runs/" + runId), owner.token());
        assertEquals(200, run.status(), run.toString());
        return run.json();
    }

    String status(String runId) {
        return getRun(runId).path("status").asText();
    }

    /** Runs every workflow step that is ready now, without moving the clock. */
    void runReady() {
        backend.workflows().runUntilIdle();
    }

    /** Moves the clock on and runs what became due. */
    void advance(Duration duration) {
        clock.advance(duration);
        runReady();
    }

    /** Every log line of the run, following the cursor until it ends. */
    List<String> logLines(String runId) {
        List<String> lines = new java.util.ArrayList<>();
        String token = null;
        do {
            Response page = api().get(path("/job-runs/" + runId + "/logs" + (token == null ? "" : "?nextToken=" + token)),
                    owner.token());
            assertEquals(200, page.status(), page.toString());
            page.json().path("items").forEach(i -> lines.add(i.path("stream").asText() + ": " + i.path("message").asText()));
            token = page.json().path("nextToken").asText(null);
            if (page.json().path("items").isEmpty()) {
                break;
            }
        } while (token != null);
        return lines;
    }
}
