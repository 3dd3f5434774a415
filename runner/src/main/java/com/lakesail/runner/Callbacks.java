package com.lakesail.runner;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Reports to the control plane: {@code POST {callbackUrl}/events}, one event per request, with
 * the run-scoped token. 5xx answers and I/O errors are retried with backoff, a bounded number of
 * times; 401 (the token is not, or no longer, good for this run) and 409 (the run already ended,
 * e.g. cancelled) end the runner at once: nobody wants its work any more.
 */
final class Callbacks {
    /** Backoff before each retry: about 30 s of trying in all. */
    private static final long[] BACKOFF_MILLIS = {200, 500, 1_000, 2_000, 4_000, 8_000, 14_000};
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

    /** Rounds of {@link #send} (about 30 s each) that {@link #deliver} tries: about 10 minutes. */
    private static final int DELIVER_ATTEMPTS = 20;

    private volatile boolean over;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final URI events;
    private final String token;
    private final ObjectMapper mapper;
    private final PrintStream diagnostics;
    private final Runnable onRunEnded;

    /**
     * @param diagnostics where the runner's own trouble goes (the process's real stderr, never shipped)
     * @param onRunEnded  what to do when the control plane says the run is over (401, 409)
     */
    Callbacks(String callbackUrl, String token, ObjectMapper mapper, PrintStream diagnostics, Runnable onRunEnded) {
        this.base = callbackUrl.replaceAll("/+$", "");
        this.events = URI.create(base + "/events");
        this.token = token;
        this.mapper = mapper;
        this.diagnostics = diagnostics;
        this.onRunEnded = onRunEnded;
    }

    ObjectNode event(String type) {
        return mapper.createObjectNode().put("type", type);
    }

    /** Sends one event; true once accepted, false when it could not be delivered (after retries, or a 400). */
    boolean send(ObjectNode event) {
        return post(events, event, event.path("type").asText()) != null;
    }

    /**
     * Sends an event the control plane must have (a statement's rows or end: without it the statement
     * would stay in flight for good), trying again for about {@link #DELIVER_ATTEMPTS} rounds of
     * {@link #send}'s retries, until it is accepted or the control plane says it is over.
     */
    boolean deliver(ObjectNode event) {
        for (int round = 0; round < DELIVER_ATTEMPTS && !over; round++) {
            if (send(event)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Posts {@code body} to {@code {callbackUrl}/{path}} and returns the answer's body: a session
     * server's gate token, say. Null when it could not be delivered (after retries, or a 400).
     */
    String call(String path, ObjectNode body) {
        return post(URI.create(base + "/" + path), body, path);
    }

    /**
     * One long poll, {@code POST {callbackUrl}/{path}}, answered within {@code wait}: its body, or null
     * when it failed (the caller tries again later) or the control plane said the session is over
     * (401, 409: {@code onRunEnded} has run).
     */
    String poll(String path, ObjectNode body, Duration wait) {
        try {
            HttpResponse<String> response = http.send(request(URI.create(base + "/" + path), body, wait.plus(REQUEST_TIMEOUT)),
                    HttpResponse.BodyHandlers.ofString());
            int status = response.statusCode();
            if (status >= 200 && status < 300) {
                return response.body();
            }
            if (status == 401 || status == 409) {
                stop(status, path);
            } else if (status >= 400 && status < 500 && status != 429) {
                // Asking again will not change the answer: the session cannot get its work, so it ends, saying why.
                diagnostics.println("lakesail-runner: the control plane refused " + path + " (" + status + "): "
                        + response.body());
                send(event("session_failed").put("message", "the control plane refused the session server's " + path
                        + " (" + status + ")"));
                over = true;
                onRunEnded.run();
            } else {
                diagnostics.println("lakesail-runner: the control plane answered " + status + " to " + path);
            }
        } catch (IOException e) {
            diagnostics.println("lakesail-runner: " + path + " failed: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return null;
    }

    /** A POST of {@code body} as JSON with this runner's credential. */
    private HttpRequest request(URI target, ObjectNode body, Duration timeout) {
        try {
            return HttpRequest.newBuilder(target)
                    .timeout(timeout)
                    .header("Content-Type", "application/json")
                    .header("Authorization", "Bearer " + token)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(mapper.writeValueAsBytes(body)))
                    .build();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The control plane said 401 or 409: nobody wants this runner's work any more. */
    private void stop(int status, String what) {
        diagnostics.println("lakesail-runner: the control plane answered " + status + " to " + what
                + (status == 409 ? ": the run has already ended" : ": this runner's token is not accepted") + "; stopping");
        over = true;
        onRunEnded.run();
    }

    private String post(URI target, ObjectNode body, String type) {
        HttpRequest request = request(target, body, REQUEST_TIMEOUT);
        for (int attempt = 0; ; attempt++) {
            String problem;
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                int status = response.statusCode();
                if (status >= 200 && status < 300) {
                    return response.body();
                }
                if (status == 401 || status == 409) {
                    stop(status, type);
                    return null;
                }
                if (status < 500) {
                    diagnostics.println("lakesail-runner: the control plane refused the " + type + " event (" + status + ")");
                    return null;
                }
                problem = "HTTP " + status;
            } catch (IOException e) {
                problem = e.toString();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
            if (attempt >= BACKOFF_MILLIS.length) {
                diagnostics.println("lakesail-runner: giving up on the " + type + " event after " + (attempt + 1)
                        + " attempts: " + problem);
                return null;
            }
            try {
                Thread.sleep(BACKOFF_MILLIS[attempt]);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        }
    }
}
