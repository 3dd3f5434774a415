package com.lakesail.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.lakesail.backend.port.Query;
import com.lakesail.backend.port.Workflows;
import com.lakesail.local.HttpApi.Account;
import com.lakesail.local.HttpApi.Response;
import com.lakesail.local.workflow.HistoryEvent;
import com.lakesail.local.workflow.ManualClock;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Acceptance of the infrastructure lifecycles over HTTP on the local backend: the whole chain from a
 * cloud account to a catalog reaches {@code active} and tears down to {@code destroyed}, with the
 * stages and progress recorded on the way; a resize goes {@code updating → active}; dependents block
 * deletes. Workflows run on a manual clock, so nothing sleeps.
 */
class LocalBackendInfrastructureTest {
    private final ManualClock clock = new ManualClock(Instant.parse("2026-01-01T00:00:00Z"));
    private LocalBackend backend;
    private InfraSteps steps;
    private HttpApi api;
    private Account owner;
    private String org;

    @BeforeEach
    void start() {
        backend = LocalBackend.builder().port(0).inMemory().clock(clock).workflowWorkers(0).start();
        steps = new InfraSteps(backend, clock);
        api = steps.api();
        owner = api.signup();
        org = owner.organizationId();
    }

    @AfterEach
    void stop() {
        backend.close();
    }

    @Test
    void chain_whenBuiltAndTornDown_reachesActiveThenDestroyed() {
        Response account = steps.createAccount(owner.token(), org, "prod-aws", InfraSteps.AWS_ACCOUNT);
        assertEquals(201, account.status(), account.toString());
        JsonNode a = account.json();
        String accountId = a.path("id").asText();
        assertEquals("pending", a.path("status").asText());
        assertTrue(a.path("externalId").asText().length() >= 32, a.toString());
        assertTrue(a.path("roleArn").isNull());
        assertFalse(a.has("roleTemplate"), "the role template travels only when asked for");
        assertTrue(a.has("quickCreateUrl"));
        JsonNode withTemplate = steps.get(owner.token(), org, "/cloud-accounts/" + accountId + "?include=roleTemplate");
        assertEquals(a.path("externalId").asText(), withTemplate.path("roleTemplate").path("parameters").path("ExternalId").asText());
        assertTrue(withTemplate.path("roleTemplate").path("templateBody").asText().contains("sts:ExternalId"));
        Response unknown = steps.api().get(InfraSteps.path(org, "/cloud-accounts/" + accountId + "?include=everything"), owner.token());
        assertEquals(400, unknown.status(), unknown.toString());
        assertEquals("include", unknown.json().path("error").path("details").path(0).path("field").asText());

        Response put = steps.putRole(owner.token(), org, accountId, InfraSteps.roleArn(InfraSteps.AWS_ACCOUNT, accountId));
        assertEquals(200, put.status(), put.toString());
        assertEquals("verifying", put.json().path("status").asText());
        assertEquals("verify_role", put.json().path("stage").asText());
        steps.settle();
        JsonNode verified = steps.get(owner.token(), org, "/cloud-accounts/" + accountId);
        assertEquals("active", verified.path("status").asText());
        assertEquals(100, verified.path("progress").asInt());

        Response network = steps.createNetwork(owner.token(), org, accountId, "prod-net", "10.20.0.0/16");
        assertEquals(201, network.status(), network.toString());
        String networkId = network.json().path("id").asText();
        assertEquals(List.of("eu-west-1a", "eu-west-1b", "eu-west-1c"), strings(network.json().path("availabilityZones")));
        assertEquals(6, network.json().path("subnets").size(), "a private and a public subnet per zone");
        assertEquals("10.20.0.0/19", network.json().path("subnets").get(0).path("cidr").asText());
        steps.settle();
        JsonNode n = steps.get(owner.token(), org, "/networks/" + networkId);
        assertEquals("active", n.path("status").asText());
        assertTrue(n.path("vpcId").asText().startsWith("vpc-"), n.toString());
        n.path("subnets").forEach(s -> assertTrue(s.path("subnetId").asText().startsWith("subnet-"), s.toString()));

        Response cluster = steps.createCluster(owner.token(), org, networkId, "prod");
        assertEquals(201, cluster.status(), cluster.toString());
        String clusterId = cluster.json().path("id").asText();
        JsonNode nodes = cluster.json().path("managementNodes");
        assertEquals("m8g.large", nodes.path("instanceType").asText());
        assertEquals(List.of(1, 2, 3, 100), List.of(nodes.path("min").asInt(), nodes.path("desired").asInt(),
                nodes.path("max").asInt(), nodes.path("diskGiB").asInt()));
        assertEquals("private", cluster.json().path("accessPolicy").path("mode").asText());
        steps.runReady();
        JsonNode building = steps.get(owner.token(), org, "/clusters/" + clusterId);
        assertEquals("provisioning", building.path("status").asText());
        assertEquals("wait_for_create", building.path("stage").asText());
        assertEquals(10, building.path("progress").asInt());
        steps.settle();
        JsonNode c = steps.get(owner.token(), org, "/clusters/" + clusterId);
        assertEquals("active", c.path("status").asText(), c.toString());
        assertEquals(100, c.path("progress").asInt());
        assertTrue(c.path("endpoint").asText().endsWith(".eks.amazonaws.com"), c.toString());
        assertTrue(c.path("stage").isNull());

        Response managed = api.post(InfraSteps.path(org, "/catalogs"), owner.token(), "{\"name\":\"lake\",\"kind\":\"managed\","
                + "\"config\":{\"region\":\"eu-west-1\"},\"cloudAccountId\":\"" + accountId + "\"}");
        assertEquals(201, managed.status(), managed.toString());
        assertEquals("pending", managed.json().path("status").asText());
        Response iceberg = api.post(InfraSteps.path(org, "/catalogs"), owner.token(), "{\"name\":\"byo\",\"kind\":\"iceberg\","
                + "\"config\":{\"location\":\"s3://acme-lake/warehouse\"}}");
        assertEquals(201, iceberg.status(), iceberg.toString());
        assertEquals("active", iceberg.json().path("status").asText(), "bring-your-own is active at once");
        steps.settle();
        String managedId = managed.json().path("id").asText();
        JsonNode lake = steps.get(owner.token(), org, "/catalogs/" + managedId);
        assertEquals("active", lake.path("status").asText(), lake.toString());
        assertTrue(lake.path("warehouseLocation").asText().startsWith("s3://lakesail-cat-"), lake.toString());

        HttpApi.assertError(api.delete(InfraSteps.path(org, "/networks/" + networkId), owner.token()), 409, "Conflict");
        HttpApi.assertError(api.delete(InfraSteps.path(org, "/cloud-accounts/" + accountId), owner.token()), 409, "Conflict");

        Response deleting = api.delete(InfraSteps.path(org, "/clusters/" + clusterId), owner.token());
        assertEquals(202, deleting.status(), deleting.toString());
        assertEquals("destroying", deleting.json().path("status").asText());
        steps.settle();
        assertEquals("destroyed", steps.get(owner.token(), org, "/clusters/" + clusterId).path("status").asText());

        assertEquals(202, api.delete(InfraSteps.path(org, "/networks/" + networkId), owner.token()).status());
        assertEquals(202, api.delete(InfraSteps.path(org, "/catalogs/" + managedId), owner.token()).status());
        assertEquals(204, api.delete(InfraSteps.path(org, "/catalogs/" + iceberg.json().path("id").asText()), owner.token()).status());
        steps.settle();
        assertEquals("destroyed", steps.get(owner.token(), org, "/networks/" + networkId).path("status").asText());
        assertEquals("destroyed", steps.get(owner.token(), org, "/catalogs/" + managedId).path("status").asText());
        assertEquals(204, api.delete(InfraSteps.path(org, "/cloud-accounts/" + accountId), owner.token()).status());
        HttpApi.assertError(api.get(InfraSteps.path(org, "/cloud-accounts/" + accountId), owner.token()), 404, "ResourceNotFound");
        for (String guard : List.of("CIDRS#" + accountId, "CHILDREN#" + accountId, "NAME#cloud_account#prod-aws")) {
            assertEquals(List.of(), backend.store().query(Query.partition(Query.Index.TABLE, "ORG#" + org, guard, 10, null)).items(),
                    "the account's " + guard + " items go with it");
        }

        // The names are free again once their holders are destroyed.
        String again = steps.activeAccount(owner.token(), org, "prod-aws");
        assertEquals(201, steps.createNetwork(owner.token(), org, again, "prod-net", "10.20.0.0/16").status());
    }

    @Test
    void patch_whenResized_goesUpdatingThenActiveWithTheNewSizes() {
        String accountId = steps.activeAccount(owner.token(), org, "aws");
        String networkId = steps.activeNetwork(owner.token(), org, accountId, "net", "10.1.0.0/16");
        String clusterId = steps.activeCluster(owner.token(), org, networkId, "c");
        long version = steps.get(owner.token(), org, "/clusters/" + clusterId).path("version").asLong();

        Response patched = api.patch(InfraSteps.path(org, "/clusters/" + clusterId), owner.token(),
                "{\"managementNodes\":{\"min\":2,\"desired\":4,\"max\":6},\"accessPolicy\":{\"mode\":\"public\","
                        + "\"allowedCidrs\":[\"203.0.113.0/24\"]},\"version\":" + version + "}");
        assertEquals(200, patched.status(), patched.toString());
        assertEquals("updating", patched.json().path("status").asText());
        assertEquals("update_stack", patched.json().path("stage").asText());
        assertEquals(4, patched.json().path("managementNodes").path("desired").asInt());

        HttpApi.assertError(api.patch(InfraSteps.path(org, "/clusters/" + clusterId), owner.token(),
                "{\"managementNodes\":{\"desired\":3},\"version\":" + version + "}"), 409, "Conflict");

        steps.settle();
        JsonNode c = steps.get(owner.token(), org, "/clusters/" + clusterId);
        assertEquals("active", c.path("status").asText(), c.toString());
        assertEquals(List.of(2, 4, 6), List.of(c.path("managementNodes").path("min").asInt(),
                c.path("managementNodes").path("desired").asInt(), c.path("managementNodes").path("max").asInt()));
        assertEquals("public", c.path("accessPolicy").path("mode").asText());
        assertEquals(List.of("203.0.113.0/24"), strings(c.path("accessPolicy").path("allowedCidrs")));

        Response rebuild = api.patch(InfraSteps.path(org, "/clusters/" + clusterId), owner.token(),
                "{\"managementNodes\":{\"instanceType\":\"c7g.xlarge\"},\"version\":" + c.path("version").asLong() + "}");
        HttpApi.assertError(rebuild, 400, "ValidationError");
        assertEquals(List.of("managementNodes.instanceType"), rebuild.fields());
    }

    @Test
    void workflow_whenAbortedUnrecorded_theResourceIsMarkedFailed() {
        String accountId = steps.activeAccount(owner.token(), org, "aws");
        String networkId = steps.activeNetwork(owner.token(), org, accountId, "net", "10.1.0.0/16");
        String clusterId = steps.createCluster(owner.token(), org, networkId, "c").json().path("id").asText();
        steps.runReady();
        Workflows.Execution running = backend.workflows().list("ClusterProvision", Workflows.Status.RUNNING, 10, null).items().get(0);
        assertEquals(clusterId + "-provision-1", running.name());

        backend.workflows().stop(running.id(), "Operator.Abort", "stopped by hand");
        JsonNode c = steps.get(owner.token(), org, "/clusters/" + clusterId);
        assertEquals("failed", c.path("status").asText(), c.toString());
        assertEquals("wait_for_create", c.path("stage").asText(), "the stage it stopped at");
        assertTrue(c.path("statusReason").asText().contains("aborted"), c.toString());
        assertEquals(202, api.delete(InfraSteps.path(org, "/clusters/" + clusterId), owner.token()).status(),
                "a failed cluster can be destroyed");
        steps.settle();
        assertEquals("destroyed", steps.get(owner.token(), org, "/clusters/" + clusterId).path("status").asText());
    }

    @Test
    void create_whenReplayedWithIdempotencyKey_returnsTheFirstNetworkAndStartsOneWorkflow() {
        String accountId = steps.activeAccount(owner.token(), org, "aws");
        String body = "{\"name\":\"n\",\"cloudAccountId\":\"" + accountId + "\",\"region\":\"eu-west-1\",\"cidr\":\"10.9.0.0/16\"}";
        Response first = api.post(InfraSteps.path(org, "/networks"), owner.token(), body, "Idempotency-Key", "net-1");
        Response replay = api.post(InfraSteps.path(org, "/networks"), owner.token(), body, "Idempotency-Key", "net-1");
        assertEquals(201, first.status(), first.toString());
        assertEquals(201, replay.status(), replay.toString());
        assertEquals(first.json().path("id").asText(), replay.json().path("id").asText());
        assertEquals("true", replay.header("Idempotent-Replayed").orElse(null));
        assertEquals(1, backend.workflows().list("NetworkProvision", null, 10, null).items().size());
    }

    @Test
    void list_whenFilteredAndPaged_returnsTheNetworksOfOneAccount() {
        String one = steps.activeAccount(owner.token(), org, "one");
        String two = steps.activeAccount(owner.token(), org, "two", "210987654321");
        for (int i = 0; i < 3; i++) {
            assertEquals(201, steps.createNetwork(owner.token(), org, one, "one-" + i, "10." + i + ".0.0/16").status());
        }
        assertEquals(201, steps.createNetwork(owner.token(), org, two, "two-0", "10.0.0.0/16").status(),
                "another account may reuse a CIDR");
        JsonNode page = steps.get(owner.token(), org, "/networks?cloudAccountId=" + one + "&limit=2");
        assertEquals(2, page.path("items").size());
        assertNotNull(page.path("nextToken").textValue());
        JsonNode rest = steps.get(owner.token(), org, "/networks?cloudAccountId=" + one + "&limit=2&nextToken="
                + page.path("nextToken").asText());
        assertEquals(1, rest.path("items").size());
        assertFalse(rest.has("nextToken"));
        assertEquals(4, steps.get(owner.token(), org, "/networks").path("items").size());
    }

    @Test
    void clusterProvisioning_whenMeasured_hasBoundedTransitionsAndFewStoreRoundTrips() {
        java.util.Map<String, Long> trips = new java.util.LinkedHashMap<>();
        Response account = measured(trips, "POST cloud-accounts", () -> steps.createAccount(owner.token(), org, "aws",
                InfraSteps.AWS_ACCOUNT));
        String accountId = account.json().path("id").asText();
        measured(trips, "PUT cloud-accounts/{id}/role", () -> steps.putRole(owner.token(), org, accountId,
                InfraSteps.roleArn(InfraSteps.AWS_ACCOUNT, accountId)));
        steps.settle();
        measured(trips, "GET cloud-accounts/{id}", () -> api.get(InfraSteps.path(org, "/cloud-accounts/" + accountId), owner.token()));
        Response network = measured(trips, "POST networks", () -> steps.createNetwork(owner.token(), org, accountId, "net",
                "10.1.0.0/16"));
        String networkId = network.json().path("id").asText();
        steps.settle();
        Response created = measured(trips, "POST clusters", () -> steps.createCluster(owner.token(), org, networkId, "c"));
        String clusterId = created.json().path("id").asText();
        measured(trips, "GET clusters/{id}", () -> api.get(InfraSteps.path(org, "/clusters/" + clusterId), owner.token()));
        measured(trips, "GET clusters?networkId=", () -> api.get(InfraSteps.path(org, "/clusters?networkId=" + networkId),
                owner.token()));
        steps.settle();
        long version = steps.get(owner.token(), org, "/clusters/" + clusterId).path("version").asLong();
        measured(trips, "PATCH clusters/{id}", () -> api.patch(InfraSteps.path(org, "/clusters/" + clusterId), owner.token(),
                "{\"managementNodes\":{\"desired\":3},\"version\":" + version + "}"));
        steps.settle();
        measured(trips, "POST catalogs (iceberg)", () -> api.post(InfraSteps.path(org, "/catalogs"), owner.token(),
                "{\"name\":\"byo\",\"kind\":\"iceberg\",\"config\":{\"location\":\"s3://acme/x\"}}"));
        measured(trips, "DELETE clusters/{id}", () -> api.delete(InfraSteps.path(org, "/clusters/" + clusterId), owner.token()));
        steps.settle();

        Workflows.Execution done = backend.workflows().list("ClusterProvision", null, 10, null).items().get(0);
        assertEquals(Workflows.Status.SUCCEEDED, done.status());
        List<HistoryEvent> history = backend.workflows().history(done.id());
        long transitions = history.stream().filter(e -> e.type().endsWith("StateEntered")).count();
        long polls = history.stream().filter(e -> e.type().equals("WaitStateEntered")).count();
        System.out.printf("cluster provisioning (sandbox cluster 20 s, poll every 1 s): %d state transitions, %d polls%n",
                transitions, polls);
        trips.forEach((call, n) -> System.out.printf("store round trips  %-28s %d%n", call, n));
        // CreateStack, three transitions per poll (Wait, Check, Settled), BootstrapKubernetes, Done.
        assertEquals(3 + 3 * polls, transitions, "transitions per poll");
        assertEquals(20, polls, "a 20 s stack polled every second");
        // Authentication, the access snapshot, the parent's item on a first scoped check, the reads the
        // change builds on, its one transaction (with the outbox entry), (locally) the engine's
        // execution record, and the entry settled as started.
        trips.forEach((call, n) -> assertTrue(n <= 8, call + ": " + n + " round trips"));
    }

    private Response measured(java.util.Map<String, Long> trips, String call, java.util.function.Supplier<Response> request) {
        long before = backend.store().roundTrips();
        Response response = request.get();
        trips.put(call, backend.store().roundTrips() - before);
        assertTrue(response.status() < 300, call + ": " + response);
        return response;
    }

    private static List<String> strings(JsonNode array) {
        return java.util.stream.StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }
}
