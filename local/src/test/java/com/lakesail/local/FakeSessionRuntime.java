package com.lakesail.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.lakesail.backend.port.Callback;
import com.lakesail.backend.port.SessionRuntime;
import com.lakesail.backend.port.SessionSpec;
import com.lakesail.backend.port.Workload;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Plays a session's engine the way the real session server behaves on the wire: it pulls its
 * statements and cancels and reports through the session's callback over HTTP, with the credential
 * the spec carries, as {@code SessionServer} does. A session becomes ready at once; a statement's SQL
 * says what it does:
 *
 * <pre>
 * FAIL &lt;message&gt;   fails with errorClass TEST_FAILURE
 * HOLD ...          starts and then waits: the test ends it ({@link #finish}) or cancels it
 * ROWS &lt;n&gt;         succeeds with rows 0..n-1 of one bigint column, in chunks of 1000 rows
 * anything else     succeeds with one row [1]
 * </pre>
 */
final class FakeSessionRuntime implements SessionRuntime {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String ENDPOINT = "sc://localhost:15002";

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, SessionSpec> started = new ConcurrentHashMap<>();
    private final Set<String> stopped = ConcurrentHashMap.newKeySet();
    private final Map<String, String> heldBy = new ConcurrentHashMap<>();
    private volatile boolean ready = true;
    private volatile boolean serving = true;

    /** Whether sessions report ready (else they stay pending until the test says). */
    void ready(boolean reportReady) {
        this.ready = reportReady;
    }

    /** Whether sessions get a server at all (else the test plays it with {@link #spec}'s credential). */
    void serving(boolean serve) {
        this.serving = serve;
    }

    @Override
    public void start(SessionSpec spec) {
        if (started.putIfAbsent(spec.workload().id(), spec) != null || !serving) {
            return;
        }
        boolean reportReady = ready;
        Thread server = new Thread(() -> serve(spec, reportReady), "fake-session-server-" + spec.workload().id());
        server.setDaemon(true);
        server.start();
    }

    @Override
    public void stop(Workload workload) {
        stopped.add(workload.id());
    }

    // ---- the test's side

    boolean stopped(String sessionId) {
        return stopped.contains(sessionId);
    }

    boolean started(String sessionId) {
        return started.containsKey(sessionId);
    }

    SessionSpec spec(String sessionId) {
        SessionSpec spec = started.get(sessionId);
        if (spec == null) {
            throw new AssertionError("session " + sessionId + " was never started");
        }
        return spec;
    }

    /** Posts any event with the session server's credential; the HTTP status. */
    int post(String sessionId, ObjectNode event) {
        return report(spec(sessionId).callback(), event);
    }

    /** Posts any event with the session server's credential; the HTTP answer, body and all. */
    HttpResponse<String> postForAnswer(String sessionId, ObjectNode event) {
        Callback callback = spec(sessionId).callback();
        HttpRequest request = HttpRequest.newBuilder(URI.create(callback.url() + "/events"))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + callback.token())
                .POST(HttpRequest.BodyPublishers.ofString(event.toString())).build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A held statement succeeds with one row. */
    void finish(String sessionId, String statementId) {
        heldBy.remove(statementId);
        post(sessionId, succeeded(statementId, List.of(List.of(1))));
    }

    /**
     * The server's life: ready (when sessions report it), then pulling its statements and cancels until
     * the control plane says the session has ended, as {@code SessionServer} does.
     */
    private void serve(SessionSpec spec, boolean reportReady) {
        String sessionId = spec.workload().id();
        Callback callback = spec.callback();
        if (reportReady) {
            report(callback, event("session_ready").put("endpoint", ENDPOINT));
        }
        Set<String> taken = new LinkedHashSet<>();
        Set<String> cancelled = new LinkedHashSet<>();
        int failures = 0;
        while (!stopped.contains(sessionId) && failures < 20) {
            ObjectNode holding = event("pull").put("waitSeconds", 5);
            holding.remove("type");
            taken.forEach(holding.putArray("taken")::add);
            cancelled.forEach(holding.putArray("cancelled")::add);
            HttpResponse<String> answer;
            try {
                answer = http.send(HttpRequest.newBuilder(URI.create(callback.url() + "/next")).timeout(Duration.ofSeconds(30))
                        .header("Content-Type", "application/json").header("Authorization", "Bearer " + callback.token())
                        .POST(HttpRequest.BodyPublishers.ofString(holding.toString())).build(),
                        HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                failures++;
                pause();
                continue;
            } catch (InterruptedException e) {
                return;
            }
            if (answer.statusCode() == 401 || answer.statusCode() == 409) {
                return;
            }
            if (answer.statusCode() != 200) {
                failures++;
                pause();
                continue;
            }
            failures = 0;
            JsonNode work;
            try {
                work = JSON.readTree(answer.body());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            for (JsonNode st : work.path("statements")) {
                String id = st.path("statementId").asText();
                if (!taken.add(id)) {
                    continue;
                }
                if (st.path("cancelRequested").asBoolean()) {
                    cancelled.add(id);
                    report(callback, event("statement_cancelled").put("statementId", id));
                } else {
                    run(sessionId, callback, id, st.path("sql").asText());
                }
            }
            for (JsonNode c : work.path("cancels")) {
                String id = c.asText();
                if (cancelled.add(id) && heldBy.remove(id) != null) {
                    report(callback, event("statement_cancelled").put("statementId", id));
                }
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(250);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run(String sessionId, Callback callback, String statementId, String statementSql) {
        String sql = statementSql.strip();
        if (sql.startsWith("FAIL ")) {
            report(callback, event("statement_failed").put("statementId", statementId).put("errorClass", "TEST_FAILURE")
                    .put("message", sql.substring(5)));
        } else if (sql.startsWith("HOLD")) {
            heldBy.put(statementId, sessionId);
            report(callback, event("statement_started").put("statementId", statementId));
        } else if (sql.startsWith("ROWS ")) {
            rows(callback, statementId, Integer.parseInt(sql.substring(5).trim()));
        } else {
            report(callback, succeeded(statementId, List.of(List.of(1))));
        }
    }
    private void rows(Callback callback, String statementId, int n) {
        int chunks = 0;
        for (int first = 0; first < n; first += 1000) {
            ObjectNode chunk = event("result_chunk").put("statementId", statementId).put("sequence", ++chunks)
                    .put("firstRow", first);
            ArrayNode rows = chunk.putArray("rows");
            for (int i = first; i < Math.min(n, first + 1000); i++) {
                rows.addArray().add(i);
            }
            report(callback, chunk);
        }
        ObjectNode end = event("statement_succeeded").put("statementId", statementId).put("rowCount", n)
                .put("chunks", chunks).put("bytes", n * 4L).put("truncated", false);
        end.putArray("columns").addObject().put("name", "id").put("type", "bigint");
        report(callback, end);
    }

    private static ObjectNode succeeded(String statementId, List<List<Object>> rows) {
        ObjectNode end = event("statement_succeeded").put("statementId", statementId).put("rowCount", rows.size())
                .put("chunks", rows.isEmpty() ? 0 : 1).put("bytes", 4).put("truncated", false);
        end.putArray("columns").addObject().put("name", "n").put("type", "int");
        if (!rows.isEmpty()) {
            end.set("rows", JSON.valueToTree(rows));
        }
        return end;
    }

    private static ObjectNode event(String type) {
        return JSON.createObjectNode().put("type", type);
    }

    private int report(Callback callback, ObjectNode event) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(callback.url() + "/events"))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + callback.token())
                .POST(HttpRequest.BodyPublishers.ofString(event.toString())).build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
