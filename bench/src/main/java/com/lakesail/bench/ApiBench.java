package com.lakesail.bench;

import com.lakesail.local.LocalBackend;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

/**
 * Measures the local backend over HTTP on loopback, with its data in a SQLite file (WAL) as the
 * command-line backend keeps it:
 * <ul>
 *   <li>GET /v1/orgs/{id} throughput and p50/p99 latency with 1 and 8 concurrent clients;</li>
 *   <li>store round trips per operation (signup, get org, patch org), counted inside the adapter.</li>
 * </ul>
 * Run: {@code mvn -q -pl bench exec:java -Dexec.mainClass=com.lakesail.bench.ApiBench [-Dexec.args="5000"]}.
 */
public final class ApiBench {
    private ApiBench() {
    }

    public static void main(String[] args) throws Exception {
        int requests = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        Path dataDir = Files.createTempDirectory("lakesail-bench");
        try (LocalBackend backend = LocalBackend.builder().port(0).dataDirectory(dataDir).start()) {
            LocalBackend.Bootstrap boot = backend.bootstrap();
            Client client = new Client(backend.endpoint(), boot.token());
            String orgPath = "/v1/orgs/" + boot.organizationId();

            System.out.println("LakeSail local backend bench (SQLite file in WAL mode, HTTP on 127.0.0.1, "
                    + Runtime.getRuntime().availableProcessors() + " cores)");
            run("warm-up", 1, requests / 4, () -> client.get(orgPath));
            run("GET /v1/orgs/{id}, 1 client ", 1, requests, () -> client.get(orgPath));
            run("GET /v1/orgs/{id}, 8 clients", 8, requests, () -> client.get(orgPath));

            System.out.println();
            System.out.println("Store round trips per operation (counted in the adapter):");
            roundTrips(backend, "signup", () -> client.post("/v1/signup",
                    "{\"email\":\"bench-" + System.nanoTime() + "@example.com\",\"name\":\"Bench\",\"organizationName\":\"bench\"}", false));
            roundTrips(backend, "get org", () -> client.get(orgPath));
            long version = client.version(orgPath);
            roundTrips(backend, "patch org", () -> client.patch(orgPath, "{\"name\":\"bench\",\"version\":" + version + "}"));
            roundTrips(backend, "create org (with Idempotency-Key)", () -> client.post("/v1/orgs", "{\"name\":\"bench-2\"}", true));
        }
    }

    private static void run(String label, int clients, int total, Supplier<Integer> call) throws Exception {
        int perClient = total / clients;
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<long[]>> futures = new ArrayList<>();
            long started = System.nanoTime();
            for (int c = 0; c < clients; c++) {
                futures.add(pool.submit(() -> {
                    long[] latencies = new long[perClient];
                    for (int i = 0; i < perClient; i++) {
                        long t0 = System.nanoTime();
                        int status = call.get();
                        latencies[i] = System.nanoTime() - t0;
                        if (status != 200) {
                            throw new IllegalStateException("unexpected status " + status);
                        }
                    }
                    return latencies;
                }));
            }
            long[] all = new long[perClient * clients];
            int n = 0;
            for (Future<long[]> f : futures) {
                long[] part = f.get();
                System.arraycopy(part, 0, all, n, part.length);
                n += part.length;
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            Arrays.sort(all);
            if (!label.equals("warm-up")) {
                System.out.printf("%s: %,8.0f req/s   p50 %6.3f ms   p99 %6.3f ms   (%,d requests)%n", label,
                        all.length / seconds, all[all.length / 2] / 1e6, all[(int) (all.length * 0.99)] / 1e6, all.length);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static void roundTrips(LocalBackend backend, String label, Supplier<Integer> call) {
        long before = backend.store().roundTrips();
        int status = call.get();
        long after = backend.store().roundTrips();
        System.out.printf("  %-36s %d (HTTP %d)%n", label, after - before, status);
    }

    /** A minimal HTTP/1.1 client: the bench measures the backend, not an SDK's conveniences. */
    private static final class Client {
        private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        private final URI endpoint;
        private final String token;

        Client(URI endpoint, String token) {
            this.endpoint = endpoint;
            this.token = token;
        }

        int get(String path) {
            return send(request(path).GET().build()).statusCode();
        }

        int patch(String path, String body) {
            return send(request(path).method("PATCH", HttpRequest.BodyPublishers.ofString(body)).build()).statusCode();
        }

        int post(String path, String body, boolean idempotencyKey) {
            HttpRequest.Builder request = request(path).POST(HttpRequest.BodyPublishers.ofString(body));
            if (idempotencyKey) {
                request.header("Idempotency-Key", "bench-" + System.nanoTime());
            }
            return send(request.build()).statusCode();
        }

        long version(String path) {
            String body = send(request(path).GET().build()).body();
            int at = body.indexOf("\"version\":");
            return Long.parseLong(body.substring(at + 10).replaceAll("[^0-9].*$", ""));
        }

        private HttpRequest.Builder request(String path) {
            return HttpRequest.newBuilder(endpoint.resolve(path)).header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json");
        }

        private HttpResponse<String> send(HttpRequest request) {
            try {
                return http.send(request, HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
