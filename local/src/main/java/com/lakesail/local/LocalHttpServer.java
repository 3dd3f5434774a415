package com.lakesail.local;

import com.lakesail.backend.api.ApiHandler;
import com.lakesail.backend.api.ApiResponse;
import com.lakesail.backend.domain.FieldError;
import com.lakesail.backend.domain.Text;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpHeaderValue;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * Serves {@link ApiHandler} over HTTP on the loopback interface only, with Jetty's core server (no
 * servlets). Every answer is the API's: a request Jetty itself refuses (a malformed request line,
 * length or header, {@code CONNECT}) goes through {@link JsonErrors}, so it too gets the JSON error
 * format and an {@code X-Request-Id}, never an HTML page. (The JDK's built-in server answers those
 * itself, in HTML, with no way to intervene.)
 */
final class LocalHttpServer implements AutoCloseable {
    /** Threads kept: one acceptor, one selector, the rest for requests. */
    private static final int MIN_THREADS = 16;
    /**
     * Long polls hold a thread each while they wait (every open session's server pulling its work, a
     * statement's {@code waitSeconds}): the pool grows for them rather than queueing requests behind them.
     */
    private static final int MAX_THREADS = 512;
    /** How much of an oversized body is read and dropped before the 413 goes out. */
    private static final long MAX_DRAIN_BYTES = 8L * 1024 * 1024;

    private final Server server;
    private final ServerConnector connector;
    private final ApiHandler api;

    LocalHttpServer(ApiHandler api, int port) throws IOException {
        this.api = api;
        QueuedThreadPool threads = new QueuedThreadPool(MAX_THREADS, MIN_THREADS);
        threads.setName("lakesail-http");
        threads.setDaemon(true);
        // No reserved threads: handing the selector to a reserved thread for every request costs a
        // wake-up each time, and here buys nothing (the handlers queue on one SQLite connection).
        // Measured with 8 keep-alive clients: about a third less CPU per request without them.
        threads.setReservedThreads(0);
        this.server = new Server(threads);
        HttpConfiguration config = new HttpConfiguration();
        config.setSendServerVersion(false);
        config.setSendXPoweredBy(false);
        // The router reads the raw path and decodes each segment itself (an encoded slash stays
        // inside its segment; malformed text is a 400 naming the parameter): Jetty must pass it on.
        config.setUriCompliance(UriCompliance.UNSAFE);
        this.connector = new ServerConnector(server, 1, 1, new HttpConnectionFactory(config));
        connector.setHost("127.0.0.1");
        connector.setPort(port);
        server.addConnector(connector);
        server.setHandler(new Routes());
        server.setErrorHandler(new JsonErrors());
        try {
            // Bound now, answering only once started: the port is known (and held) before anything is served.
            connector.open();
        } catch (IOException | RuntimeException e) {
            close();
            throw e;
        }
    }

    /** Starts answering on the bound port. */
    void start() throws IOException {
        try {
            server.start();
        } catch (IOException | RuntimeException e) {
            close();
            throw e;
        } catch (Exception e) {
            close();
            throw new IOException("cannot start the HTTP server on port " + port(), e);
        }
    }

    int port() {
        return connector.getLocalPort();
    }

    /** Every request Jetty could parse: to the API handler, with its raw path, decoded query and body bytes. */
    private final class Routes extends Handler.Abstract {
        @Override
        public boolean handle(Request request, Response response, Callback callback) throws IOException {
            Map<String, String> headers = new HashMap<>();
            for (HttpField field : request.getHeaders()) {
                headers.putIfAbsent(field.getName(), field.getValue());
            }
            respond(response, answer(request, headers), callback);
            return true;
        }

        private ApiResponse answer(Request request, Map<String, String> headers) throws IOException {
            // A request without content (most GETs) is not read at all: no stream, no buffers.
            byte[] body = request.getLength() == 0 ? new byte[0] : body(Request.asInputStream(request));
            Map<String, String> query = new HashMap<>();
            String raw = request.getHttpURI().getQuery();
            for (String pair : raw == null || raw.isEmpty() ? new String[0] : raw.split("&")) {
                int eq = pair.indexOf('=');
                Optional<String> name = decoded(eq < 0 ? pair : pair.substring(0, eq));
                Optional<String> value = decoded(eq < 0 ? "" : pair.substring(eq + 1));
                if (name.isEmpty() || value.isEmpty()) {
                    String field = name.orElse("query");
                    return api.refuse(request.getMethod(), HttpStatus.BAD_REQUEST_400, "query parameter " + field
                            + " is not valid text", List.of(new FieldError(field, "is not valid percent-encoded UTF-8")));
                }
                query.putIfAbsent(name.get(), value.get());
            }
            // The raw path: the router splits it and decodes each segment.
            return api.handle(request.getMethod(), request.getHttpURI().getPath(), query, headers, body);
        }
    }

    /**
     * A query-string name or value: ASCII, with other characters percent-encoded as UTF-8. Jetty
     * replaces raw bytes that are not UTF-8 with U+FFFD, so raw non-ASCII cannot be trusted.
     */
    private static Optional<String> decoded(String raw) {
        return raw.chars().allMatch(c -> c < 0x7f) ? Text.percentDecoded(raw, true) : Optional.empty();
    }

    /**
     * What Jetty answers itself, in the API's format: requests it could parse far enough to dispatch
     * ({@link #handle}) and those it could not ({@link #badMessageError}).
     */
    private final class JsonErrors extends ErrorHandler {
        @Override
        public boolean handle(Request request, Response response, Callback callback) {
            int status = request.getAttribute(ERROR_STATUS) instanceof Integer s ? s : HttpStatus.INTERNAL_SERVER_ERROR_500;
            String reason = request.getAttribute(ERROR_MESSAGE) instanceof String m ? m : null;
            // Jetty drops the connection after a request it refused: say so, or a client reusing it
            // would see its next request fail with no answer at all.
            response.getHeaders().put(HttpHeader.CONNECTION, HttpHeaderValue.CLOSE.asString());
            respond(response, api.refuse(request.getMethod(), status, message(status, reason), List.of()), callback);
            return true;
        }

        @Override
        public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
            ApiResponse answer = api.refuse(null, status, message(status, reason), List.of());
            answer.headers().forEach(fields::put);
            return ByteBuffer.wrap(answer.body().getBytes(StandardCharsets.UTF_8));
        }

        /** Jetty's reason ("Invalid Content-Length Value") says what is wrong without internals. */
        private static String message(int status, String reason) {
            boolean bare = reason == null || reason.isBlank() || reason.equals(HttpStatus.getMessage(status));
            return bare ? "the request is malformed (" + HttpStatus.getMessage(status) + ")" : "the request is malformed: " + reason;
        }
    }

    private static void respond(Response response, ApiResponse answer, Callback callback) {
        response.setStatus(answer.status());
        answer.headers().forEach((name, value) -> response.getHeaders().put(name, value));
        if (answer.body() == null) {
            response.getHeaders().put(HttpHeader.CONTENT_LENGTH, 0);
            callback.succeeded();
            return;
        }
        byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, bytes.length);
        response.write(true, ByteBuffer.wrap(bytes), callback);
    }

    /** Keeps at most one byte past the limit: enough for the handler to refuse it, no more. */
    private static byte[] body(InputStream in) throws IOException {
        byte[] bytes = in.readNBytes(ApiHandler.MAX_CALLBACK_BODY_BYTES + 1);
        // Drop the rest, so the client reads the 413 rather than a reset connection; but only so much,
        // so nobody can hold a server thread by sending forever (past it, the connection is reset).
        byte[] sink = new byte[8192];
        for (long remaining = MAX_DRAIN_BYTES; remaining > 0; ) {
            int n = in.read(sink, 0, (int) Math.min(sink.length, remaining));
            if (n < 0) {
                break;
            }
            remaining -= n;
        }
        return bytes;
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException("the HTTP server did not stop cleanly", e);
        } finally {
            // A server that never started does not close the port its connector bound.
            connector.close();
        }
    }
}
