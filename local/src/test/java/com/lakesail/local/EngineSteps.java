package com.lakesail.local;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.lakesail.local.HttpApi.Account;
import com.lakesail.local.HttpApi.Response;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The steps of the tests that run jobs on the real local engine, over HTTP against a backend that
 * runs in real time (workflow workers, the system clock, the sandbox cloud without delays; in this
 * JVM or a child one): an organization with an active cluster and an Iceberg catalog, jobs on them,
 * runs, and waiting for what a run does, by polling as a client would.
 */
final class EngineSteps {
    static final Duration RUN_TIMEOUT = Duration.ofMinutes(3);
    static final Set<String> TERMINAL = Set.of("succeeded", "failed", "cancelled", "timeout");
    private static final Duration POLL = Duration.ofMillis(100);

    private final HttpApi api;
    final Account owner;
    final String org;
    final String clusterId;
    final String catalogId;

    EngineSteps(URI endpoint) {
        this.api = new HttpApi(endpoint);
        this.owner = api.signup();
        this.org = owner.organizationId();
        Response account = api.post(path("/cloud-accounts"), owner.token(),
                "{\"name\":\"aws\",\"awsAccountId\":\"" + InfraSteps.AWS_ACCOUNT + "\"}");
        assertEquals(201, account.status(), account.toString());
        String accountId = account.json().path("id").asText();
        Response role = api.send("PUT", path("/cloud-accounts/" + accountId + "/role"), owner.token(),
                "{\"roleArn\":\"" + InfraSteps.roleArn(InfraSteps.AWS_ACCOUNT, accountId) + "\"}");
        assertEquals(200, role.status(), role.toString());
        awaitActive("/cloud-accounts/" + accountId);
        Response network = api.post(path("/networks"), owner.token(), "{\"name\":\"net\",\"cloudAccountId\":\""
                + accountId + "\",\"region\":\"eu-west-1\",\"cidr\":\"10.0.0.0/16\"}");
        assertEquals(201, network.status(), network.toString());
        String networkId = network.json().path("id").asText();
        awaitActive("/networks/" + networkId);
        Response cluster = api.post(path("/clusters"), owner.token(), "{\"name\":\"prod\",\"networkId\":\"" + networkId + "\"}");
        assertEquals(201, cluster.status(), cluster.toString());
        this.clusterId = cluster.json().path("id").asText();
        awaitActive("/clusters/" + clusterId);
        Response catalog = api.post(path("/catalogs"), owner.token(),
                "{\"name\":\"lake\",\"kind\":\"iceberg\",\"config\":{\"location\":\"s3://acme-lake/warehouse\"}}");
        assertEquals(201, catalog.status(), catalog.toString());
        this.catalogId = catalog.json().path("id").asText();
    }

    /** The same organization, cluster and catalog, served by a backend restarted on the same data directory. */
    private EngineSteps(EngineSteps before, URI endpoint) {
        this.api = new HttpApi(endpoint);
        this.owner = before.owner;
        this.org = before.org;
        this.clusterId = before.clusterId;
        this.catalogId = before.catalogId;
    }

    EngineSteps on(URI endpoint) {
        return new EngineSteps(this, endpoint);
    }

    HttpApi api() {
        return api;
    }

    String path(String rest) {
        return InfraSteps.path(org, rest);
    }

    /** A definition over the organization's cluster and catalog running {@code statements}. */
    ObjectNode definition(String... statements) {
        ObjectNode d = HttpApi.JSON.createObjectNode().put("clusterId", clusterId);
        d.putArray("catalogIds").add(catalogId);
        ArrayNode array = d.putObject("entrypoint").put("type", "sql").putArray("statements");
        for (String s : statements) {
            array.add(s);
        }
        return d;
    }

    /** A job of the owner's; returns its id. */
    String job(String name, ObjectNode definition) {
        ObjectNode body = HttpApi.JSON.createObjectNode().put("name", name);
        body.set("definition", definition);
        Response created = api.post(path("/jobs"), owner.token(), body.toString());
        assertEquals(201, created.status(), created.toString());
        return created.json().path("id").asText();
    }

    /** Starts a run of the job's live version; returns its id. */
    String run(String jobId) {
        Response run = api.post(path("/jobs/" + jobId + "/runs"), owner.token(), null);
        assertEquals(201, run.status(), run.toString());
        return run.json().path("id").asText();
    }

    JsonNode get(String runId) {
        Response run = api.get(path("/job-runs/" + runId), owner.token());
        assertEquals(200, run.status(), run.toString());
        return run.json();
    }

    /** Polls the run until {@code until} holds, for at most {@link #RUN_TIMEOUT}. */
    JsonNode await(String runId, Predicate<JsonNode> until, String what) {
        long deadline = System.nanoTime() + RUN_TIMEOUT.toNanos();
        JsonNode run = get(runId);
        while (!until.test(run)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("run " + runId + " was not " + what + " within " + RUN_TIMEOUT + ": " + run);
            }
            sleep(POLL);
            run = get(runId);
        }
        return run;
    }

    JsonNode awaitStatus(String runId, String status) {
        return await(runId, r -> r.path("status").asText().equals(status) || TERMINAL.contains(r.path("status").asText()),
                status);
    }

    JsonNode awaitEnd(String runId) {
        return await(runId, r -> TERMINAL.contains(r.path("status").asText()), "ended");
    }

    Response cancel(String runId) {
        return api.post(path("/job-runs/" + runId + "/cancel"), owner.token(), null);
    }

    /** Every log line of the run, as {@code stream: message}, reading every page. */
    List<String> logLines(String runId) {
        List<String> lines = new java.util.ArrayList<>();
        String token = null;
        do {
            Response page = api.get(path("/job-runs/" + runId + "/logs" + (token == null ? "" : "?nextToken=" + token)),
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

    /** The statuses the run went through, in order. */
    static List<String> statuses(JsonNode run) {
        List<String> statuses = new java.util.ArrayList<>();
        run.path("statusHistory").forEach(s -> statuses.add(s.path("status").asText()));
        return statuses;
    }

    /** The processes the engine runs for a workload of {@code org}: its Sail and runner, found by their command line. */
    static List<ProcessHandle> processesOf(String org, String runId) {
        String id = org + "." + runId;
        return ProcessHandle.allProcesses().filter(p -> p.info().commandLine()
                .map(c -> c.contains("-Dlakesail.child=sail:" + id + " ") || c.contains("-Dlakesail.child=runner:" + id + " "))
                .orElse(false)).toList();
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    private void awaitActive(String rest) {
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        while (true) {
            Response r = api.get(path(rest), owner.token());
            assertEquals(200, r.status(), r.toString());
            if (r.json().path("status").asText().equals("active")) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError(rest + " did not become active: " + r);
            }
            sleep(POLL);
        }
    }
}
