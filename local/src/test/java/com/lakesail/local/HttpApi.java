package com.lakesail.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The REST API over plain {@code java.net.http}, as any client would see it. Every response is
 * checked for an {@code X-Request-Id} header, so no test can forget it.
 */
final class HttpApi {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicInteger USERS = new AtomicInteger();

    private final URI endpoint;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    HttpApi(URI endpoint) {
        this.endpoint = endpoint;
    }

    /** A user who signed up: its token, user id and first organization id. */
    record Account(String token, String userId, String organizationId, String email) {
    }

    record Response(int status, HttpHeaders headers, String body) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON (" + status + "): " + body, e);
            }
        }

        String requestId() {
            return headers.firstValue("X-Request-Id").orElseThrow();
        }

        Optional<String> header(String name) {
            return headers.firstValue(name);
        }

        /** The fields the error's details name, in order. */
        List<String> fields() {
            List<String> fields = new ArrayList<>();
            json().path("error").path("details").forEach(d -> fields.add(d.path("field").asText()));
            return fields;
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }

    Response get(String path, String token) {
        return send("GET", path, token, null);
    }

    Response post(String path, String token, String body, String... headers) {
        return send("POST", path, token, body, headers);
    }

    Response patch(String path, String token, String body) {
        return send("PATCH", path, token, body);
    }

    Response delete(String path, String token) {
        return send("DELETE", path, token, null);
    }

    /** @param headers name, value, name, value... */
    Response send(String method, String path, String token, String body, String... headers) {
        return sendBytes(method, path, token, body == null ? null : body.getBytes(java.nio.charset.StandardCharsets.UTF_8), headers);
    }

    /** Sends the body's bytes as they are, whether or not they are UTF-8. */
    Response sendBytes(String method, String path, String token, byte[] body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint.resolve(path)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        HttpResponse<String> response;
        try {
            response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        Response result = new Response(response.statusCode(), response.headers(), response.body());
        assertTrue(result.header("X-Request-Id").filter(id -> id.startsWith("req_")).isPresent(),
                method + " " + path + " answered without X-Request-Id: " + result);
        return result;
    }

    /** Signs up a fresh user with a unique email. */
    Account signup() {
        String email = "user" + USERS.incrementAndGet() + "-" + System.nanoTime() + "@example.com";
        Response response = post("/v1/signup", null,
                "{\"email\":\"" + email + "\",\"name\":\"Test User\",\"organizationName\":\"first\"}");
        assertEquals(201, response.status(), response.toString());
        JsonNode body = response.json();
        return new Account(body.path("token").path("secret").asText(), body.path("user").path("id").asText(),
                body.path("organization").path("id").asText(), email);
    }

    /** Creates an organization and returns its id. */
    String createOrganization(String token, String name) {
        Response response = post("/v1/orgs", token, "{\"name\":\"" + name + "\"}");
        assertEquals(201, response.status(), response.toString());
        return response.json().path("id").asText();
    }

    /**
     * Asserts the error format of DESIGN §6: {@code {"error": {"code", "message", "requestId"}}}, the
     * body's request id equal to the header's, and nothing internal in the message.
     */
    static void assertError(Response response, int status, String code) {
        assertEquals(status, response.status(), response.toString());
        assertTrue(response.header("Content-Type").orElse("").startsWith("application/json"), response.toString());
        JsonNode error = response.json().path("error");
        assertTrue(error.isObject(), "no error object: " + response);
        assertEquals(code, error.path("code").asText(), response.toString());
        assertFalse(error.path("message").asText().isBlank(), "no message: " + response);
        assertEquals(response.requestId(), error.path("requestId").asText(), "request id of body and header");
        assertFalse(response.body().contains("Exception"), "internals leaked: " + response);
    }

    /** Runs {@code call} on {@code n} threads released together and returns every response. */
    static List<Response> concurrently(int n, Callable<Response> call) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(n);
        try {
            CountDownLatch ready = new CountDownLatch(n);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Response>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                futures.add(threads.submit(() -> {
                    ready.countDown();
                    go.await();
                    return call.call();
                }));
            }
            assertTrue(ready.await(30, TimeUnit.SECONDS), "threads did not start");
            go.countDown();
            List<Response> responses = new ArrayList<>();
            for (Future<Response> future : futures) {
                responses.add(future.get(30, TimeUnit.SECONDS));
            }
            return responses;
        } finally {
            threads.shutdownNow();
        }
    }
}
