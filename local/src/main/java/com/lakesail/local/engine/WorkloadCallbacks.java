package com.lakesail.local.engine;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.lakesail.backend.port.Callback;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/**
 * What the local engine reports about a workload it watches (its Sail ready or failed, a runner that
 * died without a word), posted to the run's callback as any reporter does: {@code POST {url}/events}
 * with the run's credential, over the backend's own HTTP API. I/O errors and 5xx answers are retried
 * a few times with backoff; any other answer is final (401, or 409 once the run has ended, means
 * nobody needs the report any more).
 */
final class WorkloadCallbacks {
    static final int ATTEMPTS = 5;
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(200);

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    /** Posts {@code event}; completes with the final HTTP status, or -1 when every attempt failed to connect. */
    CompletableFuture<Integer> post(Callback callback, ObjectNode event) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(callback.url() + "/events"))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + callback.token())
                .POST(HttpRequest.BodyPublishers.ofString(event.toString())).build();
        return attempt(request, 1, FIRST_BACKOFF);
    }

    private CompletableFuture<Integer> attempt(HttpRequest request, int attempt, Duration backoff) {
        return http.sendAsync(request, HttpResponse.BodyHandlers.discarding())
                .handle((response, error) -> {
                    boolean again = error != null ? isIo(error) : response.statusCode() >= 500;
                    if (again && attempt < ATTEMPTS) {
                        Executor later = CompletableFuture.delayedExecutor(backoff.toMillis(), TimeUnit.MILLISECONDS);
                        return CompletableFuture.supplyAsync(() -> null, later)
                                .thenCompose(x -> attempt(request, attempt + 1, backoff.multipliedBy(2)));
                    }
                    return CompletableFuture.completedFuture(error != null ? -1 : response.statusCode());
                })
                .thenCompose(f -> f);
    }

    private static boolean isIo(Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null
                ? error.getCause() : error;
        return cause instanceof IOException;
    }
}
