package com.lakesail.sdk.internal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * One API call before it goes on the wire.
 *
 * @param method the HTTP method
 * @param path the path below the endpoint, starting with {@code /v1}, segments already encoded
 * @param query query parameters in order, values not yet encoded
 * @param body the JSON body; null for none
 * @param create true for a create: it carries an {@code Idempotency-Key} and is safe to retry
 * @param idempotencyKey the caller's key for a create; null to generate one per call
 */
public record ApiRequest(String method, String path, Map<String, String> query, Object body, boolean create,
        String idempotencyKey) {

    public ApiRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        query = Map.copyOf(query);
    }

    static ApiRequest get(String path) {
        return new ApiRequest("GET", path, Map.of(), null, false, null);
    }

    static ApiRequest delete(String path) {
        return new ApiRequest("DELETE", path, Map.of(), null, false, null);
    }

    static ApiRequest patch(String path, Object body) {
        return new ApiRequest("PATCH", path, Map.of(), body, false, null);
    }

    /** A POST that is not a create (an action such as cancel or promote): no key, not retried on 5xx. */
    static ApiRequest post(String path, Object body) {
        return new ApiRequest("POST", path, Map.of(), body, false, null);
    }

    static ApiRequest create(String path, Object body, String idempotencyKey) {
        return new ApiRequest("POST", path, Map.of(), body, true, idempotencyKey);
    }

    /** {@code /v1/orgs/{id}} from {@code "v1", "orgs", id}, each segment percent-encoded. */
    static String path(String... segments) {
        return Arrays.stream(segments)
                .map(segment -> "/" + encode(Objects.requireNonNull(segment, "path segment")))
                .collect(Collectors.joining());
    }

    /** This request with one more query parameter; a null value adds nothing. */
    ApiRequest withQuery(String name, Object value) {
        if (value == null) {
            return this;
        }
        Map<String, String> extended = new LinkedHashMap<>(query);
        extended.put(name, value.toString());
        return new ApiRequest(method, path, extended, body, create, idempotencyKey);
    }

    /** Whether sending it twice has the effect of sending it once, so a retry is safe. */
    boolean idempotent() {
        return create || !method.equals("POST");
    }

    String queryString() {
        return query.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
    }

    @Override
    public String toString() {
        return method + " " + path;
    }

    private static String encode(String text) {
        // URLEncoder is form encoding; a space must be %20 in paths and is safest so in queries.
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
