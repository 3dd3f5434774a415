package com.lakesail.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.lakesail.local.HttpApi.Response;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Acceptance: the command-line backend is killed with SIGKILL at a random moment inside a burst of
 * concurrent creates (clusters and networks), and restarted on the same data directory, round after
 * round. Every create it acknowledged is still there, and every resource reaches a settled status:
 * none is left pending or provisioning with nothing to drive it (the outbox and the reconciler's
 * start-up pass; executions in flight resume from the store). The sandbox runs 20 times as fast, on
 * the real clock, so the test waits by polling the API as a client would.
 *
 * <p>{@code -Dlakesail.kill.rounds=12} runs more rounds; the seed of the random moments is in every
 * failure message.
 */
class LocalMainKillDuringBurstTest {
    private static final int ROUNDS = Integer.getInteger("lakesail.kill.rounds", 3);
    private static final int CLIENTS = 4;
    private static final int CREATES_PER_CLIENT = 6;
    private static final String SPEED = "20";
    private static final Duration SETTLE_TIMEOUT = Duration.ofSeconds(90);
    private static final Set<String> TRANSIENT = Set.of("pending", "provisioning", "verifying", "updating", "destroying");

    @TempDir
    Path dataDirectory;

    private final long seed = System.nanoTime();
    private final Random random = new Random(seed);
    private final AtomicInteger cidrs = new AtomicInteger();
    private String accountId;
    /** Acknowledged creates: id → the path that reads it. */
    private final Map<String, String> acknowledged = new ConcurrentHashMap<>();

    @Test
    void restart_whenKilledAtRandomMomentsInBurstsOfCreates_losesNoAcknowledgedCreateAndLeavesNothingTransient()
            throws Exception {
        ChildBackend child = ChildBackend.start(dataDirectory, "--sandbox-speed", SPEED);
        try {
            JsonNode connection = HttpApi.JSON.readTree(dataDirectory.resolve(LocalBootstrap.CONNECTION_FILE).toFile());
            String token = connection.path("token").asText();
            String org = connection.path("organizationId").asText();
            String networkId = activeNetwork(new HttpApi(child.endpoint()), token, org);

            for (int round = 1; round <= ROUNDS; round++) {
                HttpApi api = new HttpApi(child.endpoint());
                ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
                List<Future<?>> bursts = new ArrayList<>();
                for (int c = 0; c < CLIENTS; c++) {
                    String prefix = "r" + round + "-c" + c + "-";
                    bursts.add(clients.submit(() -> burst(api, token, org, networkId, prefix)));
                }
                // A random moment inside the burst: after a random number of acknowledgements, plus a little.
                int before = acknowledged.size();
                int target = before + 1 + random.nextInt(CLIENTS * CREATES_PER_CLIENT - 2);
                long extra = random.nextInt(15);
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                while (acknowledged.size() < target && System.nanoTime() < deadline && !allDone(bursts)) {
                    TimeUnit.MILLISECONDS.sleep(1);
                }
                TimeUnit.MILLISECONDS.sleep(extra);
                String killedAt = (acknowledged.size() - before) + " acknowledged + " + extra + " ms";
                child.kill();
                clients.shutdown();
                assertTrue(clients.awaitTermination(60, TimeUnit.SECONDS), "the clients gave up after the kill");
                for (Future<?> burst : bursts) {
                    burst.get();
                }

                child = ChildBackend.start(dataDirectory, "--sandbox-speed", SPEED);
                HttpApi restarted = new HttpApi(child.endpoint());
                for (Map.Entry<String, String> created : acknowledged.entrySet()) {
                    Response read = restarted.get(InfraSteps.path(org, created.getValue()), token);
                    assertEquals(200, read.status(), "round " + round + " (killed at " + killedAt + ", seed " + seed
                            + "): acknowledged create " + created.getKey() + " lost: " + read);
                }
            }

            Map<String, String> settled = awaitSettled(new HttpApi(child.endpoint()), token, org);
            System.out.printf("kill -9 during bursts: %d rounds, %d acknowledged creates, %d resources, statuses %s (seed %d)%n",
                    ROUNDS, acknowledged.size(), settled.size(), count(settled), seed);
            assertTrue(settled.keySet().containsAll(acknowledged.keySet()), "every acknowledged create is listed");
            settled.forEach((id, status) -> assertEquals("active", status, id + " (seed " + seed + ")"));
        } finally {
            child.kill();
        }
    }

    private static boolean allDone(List<Future<?>> futures) {
        return futures.stream().allMatch(Future::isDone);
    }

    /** Creates until killed or done: two clusters for each network, each acknowledged create recorded. */
    private void burst(HttpApi api, String token, String org, String networkId, String prefix) {
        for (int i = 0; i < CREATES_PER_CLIENT; i++) {
            boolean network = i % 3 == 2;
            String path = network ? "/networks" : "/clusters";
            String body = network
                    ? "{\"name\":\"" + prefix + i + "\",\"cloudAccountId\":\"" + accountId + "\",\"region\":\"eu-west-1\","
                            + "\"cidr\":\"10." + cidrs.incrementAndGet() + ".0.0/16\"}"
                    : "{\"name\":\"" + prefix + i + "\",\"networkId\":\"" + networkId + "\"}";
            Response response;
            try {
                response = api.post(InfraSteps.path(org, path), token, body);
            } catch (UncheckedIOException e) {
                return;
            }
            if (response.status() == 409) {
                continue; // lost a race on the shared network or CIDR allocation: refused, not acknowledged
            }
            assertEquals(201, response.status(), response.toString());
            String id = response.json().path("id").asText();
            acknowledged.put(id, path + "/" + id);
        }
    }

    private String activeNetwork(HttpApi api, String token, String org) throws InterruptedException {
        Response account = api.post(InfraSteps.path(org, "/cloud-accounts"), token,
                "{\"name\":\"aws\",\"awsAccountId\":\"" + InfraSteps.AWS_ACCOUNT + "\"}");
        accountId = account.json().path("id").asText();
        api.send("PUT", InfraSteps.path(org, "/cloud-accounts/" + accountId + "/role"), token,
                "{\"roleArn\":\"" + InfraSteps.roleArn(InfraSteps.AWS_ACCOUNT, accountId) + "\"}");
        await(api, token, InfraSteps.path(org, "/cloud-accounts/" + accountId), r -> r.path("status").asText().equals("active"));
        Response network = api.post(InfraSteps.path(org, "/networks"), token, "{\"name\":\"base\",\"cloudAccountId\":\""
                + accountId + "\",\"region\":\"eu-west-1\",\"cidr\":\"10.0.0.0/16\"}");
        String id = network.json().path("id").asText();
        await(api, token, InfraSteps.path(org, "/networks/" + id), r -> r.path("status").asText().equals("active"));
        return id;
    }

    /** Every network and cluster of the organization, id → status, once none is transient. */
    private Map<String, String> awaitSettled(HttpApi api, String token, String org) throws InterruptedException {
        long deadline = System.nanoTime() + SETTLE_TIMEOUT.toNanos();
        Map<String, String> statuses = Map.of();
        while (System.nanoTime() < deadline) {
            statuses = new TreeMap<>();
            statuses.putAll(list(api, token, org, "/networks"));
            statuses.putAll(list(api, token, org, "/clusters"));
            if (statuses.values().stream().noneMatch(TRANSIENT::contains)) {
                return statuses;
            }
            TimeUnit.MILLISECONDS.sleep(200);
        }
        Map<String, String> stuck = new TreeMap<>(statuses);
        stuck.values().removeIf(s -> !TRANSIENT.contains(s));
        throw new AssertionError("still transient after " + SETTLE_TIMEOUT + " (seed " + seed + "): " + count(statuses)
                + " " + stuck);
    }

    private static Map<String, String> list(HttpApi api, String token, String org, String kind) {
        Map<String, String> statuses = new TreeMap<>();
        String next = null;
        do {
            Response page = api.get(InfraSteps.path(org, kind + "?limit=100"
                    + (next == null ? "" : "&nextToken=" + URLEncoder.encode(next, StandardCharsets.UTF_8))), token);
            assertEquals(200, page.status(), page.toString());
            page.json().path("items").forEach(r -> statuses.put(r.path("id").asText(), r.path("status").asText()));
            next = page.json().path("nextToken").asText(null);
        } while (next != null);
        return statuses;
    }

    private static Map<String, Integer> count(Map<String, String> statuses) {
        Map<String, Integer> counts = new TreeMap<>();
        statuses.values().forEach(s -> counts.merge(s, 1, Integer::sum));
        return counts;
    }

    private static void await(HttpApi api, String token, String path, Predicate<JsonNode> until) throws InterruptedException {
        long deadline = System.nanoTime() + SETTLE_TIMEOUT.toNanos();
        JsonNode last = null;
        while (System.nanoTime() < deadline) {
            Response response = api.get(path, token);
            assertEquals(200, response.status(), response.toString());
            last = response.json();
            if (until.test(last)) {
                return;
            }
            TimeUnit.MILLISECONDS.sleep(50);
        }
        throw new AssertionError(path + " did not settle: " + last);
    }
}
