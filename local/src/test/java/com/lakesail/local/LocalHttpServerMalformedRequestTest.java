package com.lakesail.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Requests no well-behaved client sends, written byte by byte on a raw socket: however malformed,
 * each is answered in the API's JSON error format with an {@code X-Request-Id}, never by the HTTP
 * server's own page.
 */
class LocalHttpServerMalformedRequestTest {
    private static LocalBackend backend;
    private static String token;

    @BeforeAll
    static void start() {
        backend = LocalBackend.builder().port(0).inMemory().start();
        token = backend.bootstrap().token();
    }

    @AfterAll
    static void stop() {
        backend.close();
    }

    static Stream<Arguments> malformed() {
        return Stream.of(
                Arguments.of("a malformed percent-encoding in the query", get("/v1/orgs?limit=%zz"), 400, "ValidationError", List.of("limit")),
                Arguments.of("a query value that is not UTF-8", get("/v1/orgs?nextToken=%E9"), 400, "ValidationError", List.of("nextToken")),
                Arguments.of("raw non-ASCII in the query", get("/v1/orgs?nextToken=caf\u00c3\u00a9"), 400, "ValidationError", List.of("nextToken")),
                Arguments.of("unencoded { } in the path", get("/v1/orgs/{orgId}"), 404, "ResourceNotFound", List.of()),
                Arguments.of("unencoded | \" < > in the path", get("/v1/orgs/a|b\"c<d>"), 404, "ResourceNotFound", List.of()),
                Arguments.of("unencoded \\ ^ in the path", get("/v1/orgs/a\\b^c"), 404, "ResourceNotFound", List.of()),
                Arguments.of("raw UTF-8 bytes in the path", get("/v1/orgs/caf\u00c3\u00a9"), 400, "ValidationError", List.of("path")),
                Arguments.of("raw bytes that are not UTF-8 in the path", get("/v1/orgs/caf\u00e9"), 400, "ValidationError", List.of("path")),
                // Jetty refuses this one before routing, so nothing names the parameter (on Lambda the router does).
                Arguments.of("a malformed escape in the path", get("/v1/orgs/%zz"), 400, "ValidationError", List.of()),
                Arguments.of("an escape that is not UTF-8 in a path parameter", get("/v1/orgs/%E9"), 400, "ValidationError",
                        List.of("orgId")),
                Arguments.of("CONNECT", "CONNECT example.com:443 HTTP/1.1\r\nHost: example.com:443\r\n\r\n", 404, "ResourceNotFound", List.of()),
                Arguments.of("Content-Length: abc", post("Content-Length: abc\r\n", ""), 400, "ValidationError", List.of()),
                Arguments.of("Content-Length and Transfer-Encoding", post("Content-Length: 5\r\nTransfer-Encoding: chunked\r\n",
                        "0\r\n\r\n"), 400, "ValidationError", List.of()),
                Arguments.of("two Content-Lengths", post("Content-Length: 5\r\nContent-Length: 6\r\n", "abcdef"), 400, "ValidationError", List.of()),
                Arguments.of("an unknown Transfer-Encoding", post("Transfer-Encoding: gzip\r\n", ""), 400, "ValidationError", List.of()),
                Arguments.of("no Host header", "GET /v1/orgs HTTP/1.1\r\n\r\n", 400, "ValidationError", List.of()),
                Arguments.of("an unknown HTTP version", "GET /v1/orgs HTTP/9.9\r\nHost: x\r\n\r\n", 505, "HttpVersionNotSupported", List.of()),
                Arguments.of("a method that is no token", "G@T /v1/orgs HTTP/1.1\r\nHost: x\r\n\r\n", 400, "ValidationError", List.of()),
                Arguments.of("a request line that is no request line", "GARBAGE\r\n\r\n", 400, "ValidationError", List.of()),
                Arguments.of("a header line without a colon", "GET /v1/orgs HTTP/1.1\r\nHost: x\r\nBad Header\r\n\r\n", 400, "ValidationError", List.of()),
                Arguments.of("a header too large", "GET /v1/orgs HTTP/1.1\r\nHost: x\r\nX-Big: " + "a".repeat(20_000) + "\r\n\r\n",
                        431, "HeadersTooLarge", List.of()),
                Arguments.of("a URI too long", get("/v1/" + "a".repeat(20_000)), 414, "UriTooLong", List.of()),
                Arguments.of("a body that is not UTF-8", post("Content-Type: application/json\r\nContent-Length: 14\r\n",
                        "{\"name\":\"\u00e9t\u00e9\"}"), 400, "ValidationError", List.of("body")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void request_whenMalformed_isAnsweredInTheErrorFormatWithARequestId(String what, String request, int status, String code,
                                                                       List<String> fields) throws IOException {
        Raw response = exchange(request);

        assertEquals(status, response.status(), what + ": " + response);
        assertEquals("application/json", response.header("content-type"), what + ": " + response);
        String requestId = response.header("x-request-id");
        assertTrue(requestId != null && requestId.startsWith("req_"), what + ": " + response);
        JsonNode error = HttpApi.JSON.readTree(response.body()).path("error");
        assertEquals(code, error.path("code").asText(), what + ": " + response);
        assertEquals(requestId, error.path("requestId").asText(), what);
        assertTrue(!error.path("message").asText().isBlank(), what);
        List<String> named = new ArrayList<>();
        error.path("details").forEach(d -> named.add(d.path("field").asText()));
        assertEquals(fields, named, what + ": " + response);
        assertTrue(!response.body().contains("Exception") && !response.body().contains("jetty"), what + ": " + response);
    }

    @Test
    void request_whenRefusedByTheServerItself_saysTheConnectionCloses() throws IOException {
        // Jetty drops the connection after a request it refuses (here a NUL in the path); a client
        // that reused it would see its next request fail unanswered.
        Raw response = exchange(get("/v1/orgs/%00").replace("Connection: close\r\n", "") + get("/v1/orgs"));

        assertEquals(400, response.status(), response.toString());
        assertEquals("close", response.header("connection"), response.toString());
    }

    /** An authenticated GET, so a path that routes is answered past authentication. */
    private static String get(String target) {
        return "GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + token + "\r\nConnection: close\r\n\r\n";
    }

    private static String post(String headers, String body) {
        return "POST /v1/signup HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n" + headers + "\r\n" + body;
    }

    private record Raw(int status, Map<String, String> headers, String body) {
        String header(String name) {
            return headers.get(name);
        }

        @Override
        public String toString() {
            return status + " " + headers + " " + body;
        }
    }

    /**
     * Writes the request as bytes (each char of {@code request} one byte, so {@code \u00e9} is the raw
     * byte 0xE9) and reads one response: status line, headers, then Content-Length bytes.
     */
    private static Raw exchange(String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", backend.port())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            InputStream in = socket.getInputStream();
            String head = readHead(in);
            String[] lines = head.split("\r\n");
            int status = Integer.parseInt(lines[0].split(" ")[1]);
            Map<String, String> headers = new TreeMap<>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
            }
            byte[] body = in.readNBytes(Integer.parseInt(headers.getOrDefault("content-length", "0")));
            return new Raw(status, headers, new String(body, StandardCharsets.UTF_8));
        }
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        for (int b; matched < end.length && (b = in.read()) >= 0; ) {
            head.write(b);
            matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        return head.toString(StandardCharsets.ISO_8859_1).trim();
    }
}
