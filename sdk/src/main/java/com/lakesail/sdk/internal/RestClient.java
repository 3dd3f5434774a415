package com.lakesail.sdk.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JavaType;
import com.lakesail.sdk.Page;
import com.lakesail.sdk.Paginated;
import com.lakesail.sdk.exception.LakeSailException;
import com.lakesail.sdk.exception.LakeSailIoException;
import com.lakesail.sdk.exception.SdkClientException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Sends {@link ApiRequest}s over {@code java.net.http}: authenticates, retries as the policy
 * says, maps error responses to exceptions and reads JSON responses.
 */
final class RestClient implements AutoCloseable {
    private final ClientSettings settings;
    private final ExecutorService threads;
    private final HttpClient http;
    private final RetryDelays delays;
    private final String baseUri;
    private volatile boolean closed;

    RestClient(ClientSettings settings) {
        this.settings = settings;
        this.threads = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "lakesail-http");
            thread.setDaemon(true);
            return thread;
        });
        this.http = HttpClient.newBuilder()
                .connectTimeout(settings.connectTimeout())
                .executor(threads)
                // On plain http the client would try an h2c upgrade, which simple servers mishandle.
                .version("http".equalsIgnoreCase(settings.endpoint().getScheme())
                        ? HttpClient.Version.HTTP_1_1 : HttpClient.Version.HTTP_2)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        this.delays = new RetryDelays(settings.retryPolicy(), settings.clock(), settings.jitter());
        String endpoint = settings.endpoint().toString();
        this.baseUri = endpoint.endsWith("/") ? endpoint.substring(0, endpoint.length() - 1) : endpoint;
    }

    /** How long one request may take: a read the service holds (a statement's wait) must end sooner. */
    Duration requestTimeout() {
        return settings.requestTimeout();
    }

    <T> T send(ApiRequest request, Class<T> responseType) {
        return send(request, SdkJson.mapper().constructType(responseType));
    }

    /** Sends a request whose response body, if any, does not matter (e.g. 204 No Content). */
    void send(ApiRequest request) {
        execute(request);
    }

    /** A lazy list: each page is {@code request} plus the previous page's {@code nextToken}. */
    <T> Paginated<T> paginate(ApiRequest request, Class<T> itemType) {
        JavaType pageType = SdkJson.mapper().getTypeFactory().constructParametricType(Page.class, itemType);
        return Paginated.of(token -> send(request.withQuery("nextToken", token), pageType));
    }

    private <T> T send(ApiRequest request, JavaType responseType) {
        HttpResponse<byte[]> response = execute(request);
        try {
            return SdkJson.mapper().readValue(response.body(), responseType);
        } catch (IOException e) {
            throw new SdkClientException("could not read the response to " + request + " (request id "
                    + response.headers().firstValue("X-Request-Id").orElse(null) + ")", e);
        }
    }

    private HttpResponse<byte[]> execute(ApiRequest request) {
        if (closed) {
            throw new SdkClientException("the client is closed");
        }
        // Built once, so every attempt carries the same Idempotency-Key.
        HttpRequest httpRequest = toHttpRequest(request);
        for (int attempt = 1; ; attempt++) {
            Duration pause;
            try {
                HttpResponse<byte[]> response = http.send(httpRequest, HttpResponse.BodyHandlers.ofByteArray());
                if (response.statusCode() < 300) {
                    return response;
                }
                Duration retryAfter = delays.retryAfter(response.headers());
                LakeSailException error = ErrorMapper.toException(response, retryAfter);
                pause = pauseBeforeRetry(request, response.statusCode(), retryAfter, attempt);
                if (pause == null) {
                    throw error;
                }
            } catch (IOException e) {
                if (!request.idempotent() || attempt >= settings.retryPolicy().maxAttempts()) {
                    throw new LakeSailIoException(request.toString(), settings.endpoint(), attempt, e,
                            settings.unreachableHint());
                }
                pause = delays.backoff(attempt);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SdkClientException("interrupted during " + request, e);
            }
            sleep(pause, request);
        }
    }

    /** Null when the response is final; otherwise how long to pause before the next attempt. */
    private Duration pauseBeforeRetry(ApiRequest request, int status, Duration retryAfter, int attempt) {
        // A throttled request was not processed, so retrying it is safe even when not idempotent.
        boolean retryable = status == 429 || (status >= 500 && request.idempotent());
        if (!retryable || attempt >= settings.retryPolicy().maxAttempts()) {
            return null;
        }
        if (retryAfter == null) {
            return delays.backoff(attempt);
        }
        return retryAfter.compareTo(settings.retryPolicy().maxDelay()) <= 0 ? retryAfter : null;
    }

    private HttpRequest toHttpRequest(ApiRequest request) {
        String query = request.queryString();
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUri + request.path()
                        + (query.isEmpty() ? "" : "?" + query)))
                .timeout(settings.requestTimeout())
                .header("Accept", "application/json")
                .header("User-Agent", settings.userAgent());
        if (settings.token() != null) {
            builder.header("Authorization", "Bearer " + settings.token());
        }
        if (request.create()) {
            builder.header("Idempotency-Key", request.idempotencyKey() != null
                    ? request.idempotencyKey() : UUID.randomUUID().toString());
        }
        if (request.body() == null) {
            return builder.method(request.method(), HttpRequest.BodyPublishers.noBody()).build();
        }
        return builder.header("Content-Type", "application/json")
                .method(request.method(), HttpRequest.BodyPublishers.ofByteArray(json(request)))
                .build();
    }

    private static byte[] json(ApiRequest request) {
        try {
            return SdkJson.mapper().writeValueAsBytes(request.body());
        } catch (JsonProcessingException e) {
            throw new SdkClientException("could not write the body of " + request, e);
        }
    }

    private void sleep(Duration pause, ApiRequest request) {
        try {
            settings.sleeper().sleep(pause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SdkClientException("interrupted while waiting to retry " + request, e);
        }
    }

    @Override
    public void close() {
        closed = true;
        threads.shutdownNow();
    }
}
