package com.lakesail.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lakesail.local.HttpApi.Account;
import com.lakesail.local.HttpApi.Response;
import com.lakesail.local.workflow.ManualClock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Races that the store's conditional transactions must settle: overlapping CIDRs, a cluster against its network's delete. */
class LocalBackendInfraConcurrencyTest {
    private static final int ROUNDS = 10;

    private final ManualClock clock = new ManualClock(Instant.parse("2026-01-01T00:00:00Z"));
    private LocalBackend backend;
    private InfraSteps steps;
    private Account owner;
    private String org;

    @BeforeEach
    void start() {
        backend = LocalBackend.builder().port(0).inMemory().clock(clock).workflowWorkers(0).start();
        steps = new InfraSteps(backend, clock);
        owner = steps.api().signup();
        org = owner.organizationId();
    }

    @AfterEach
    void stop() {
        backend.close();
    }

    @Test
    void createNetworks_whenTwoOverlappingRaceInOneAccountAndRegion_exactlyOneSucceeds() throws Exception {
        String accountId = steps.activeAccount(owner.token(), org, "aws");
        for (int i = 0; i < ROUNDS; i++) {
            int round = i;
            List<Response> answers = race(
                    () -> steps.createNetwork(owner.token(), org, accountId, "wide-" + round, "10." + round + ".0.0/16"),
                    () -> steps.createNetwork(owner.token(), org, accountId, "narrow-" + round, "10." + round + ".64.0/18"));
            List<Integer> statuses = answers.stream().map(Response::status).sorted().toList();
            assertEquals(201, statuses.get(0), answers.toString());
            assertTrue(statuses.get(1) == 400 || statuses.get(1) == 409, answers.toString());
            Response loser = answers.stream().filter(r -> r.status() != 201).findFirst().orElseThrow();
            if (loser.status() == 400) {
                assertEquals(List.of("cidr"), loser.fields());
            }
        }
        assertEquals(ROUNDS, steps.get(owner.token(), org, "/networks?cloudAccountId=" + accountId).path("items").size());
    }

    @Test
    void createNetworks_whenTwoDisjointRaceInOneAccountAndRegion_bothSucceed() throws Exception {
        String accountId = steps.activeAccount(owner.token(), org, "aws");
        List<Response> answers = race(() -> steps.createNetwork(owner.token(), org, accountId, "a", "10.1.0.0/16"),
                () -> steps.createNetwork(owner.token(), org, accountId, "b", "10.2.0.0/16"));
        assertEquals(List.of(201, 201), answers.stream().map(Response::status).toList(), answers.toString());
    }

    @Test
    void deleteNetwork_whenAClusterIsCreatedAtTheSameTime_neverLeavesAClusterInADestroyedNetwork() throws Exception {
        String accountId = steps.activeAccount(owner.token(), org, "aws");
        for (int i = 0; i < ROUNDS; i++) {
            int round = i;
            String networkId = steps.activeNetwork(owner.token(), org, accountId, "n-" + round, "10." + round + ".0.0/16");
            List<Response> answers = race(() -> steps.createCluster(owner.token(), org, networkId, "c-" + round),
                    () -> steps.api().delete(InfraSteps.path(org, "/networks/" + networkId), owner.token()));
            boolean clusterMade = answers.get(0).status() == 201;
            boolean deleteAccepted = answers.get(1).status() == 202;
            assertTrue(clusterMade != deleteAccepted, "exactly one of create and delete wins: " + answers);
        }
    }

    @Test
    void patchCluster_whenANoOpAndAResizeRaceOnOneVersion_exactlyOneSucceeds() throws Exception {
        String accountId = steps.activeAccount(owner.token(), org, "aws");
        String networkId = steps.activeNetwork(owner.token(), org, accountId, "net", "10.1.0.0/16");
        String clusterId = steps.activeCluster(owner.token(), org, networkId, "prod");
        String path = InfraSteps.path(org, "/clusters/" + clusterId);
        long version = steps.api().get(path, owner.token()).json().path("version").asLong();

        List<Response> answers = race(
                () -> steps.api().patch(path, owner.token(), "{\"managementNodes\":{\"min\":1,\"desired\":2,\"max\":3},\"version\":" + version + "}"),
                () -> steps.api().patch(path, owner.token(), "{\"managementNodes\":{\"max\":4},\"version\":" + version + "}"));

        assertEquals(List.of(200, 409), answers.stream().map(Response::status).sorted().toList(), answers.toString());
    }

    @SafeVarargs
    private static List<Response> race(java.util.function.Supplier<Response>... calls) throws Exception {
        CyclicBarrier barrier = new CyclicBarrier(calls.length);
        List<CompletableFuture<Response>> futures = new ArrayList<>();
        for (java.util.function.Supplier<Response> call : calls) {
            futures.add(CompletableFuture.supplyAsync(() -> {
                try {
                    barrier.await();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                return call.get();
            }));
        }
        List<Response> answers = new ArrayList<>();
        for (CompletableFuture<Response> f : futures) {
            answers.add(f.get());
        }
        return answers;
    }
}
