package com.lakesail.backend.api;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * An HTTP request as both hosts see it (API Gateway proxy event, or the local HTTP server).
 *
 * @param headers header names are matched case-insensitively
 * @param body    the raw body, or null
 */
public record ApiRequest(String method, String path, Map<String, String> query, Map<String, String> headers, String body) {

    public ApiRequest {
        method = method.toUpperCase(Locale.ROOT);
        query = query == null ? Map.of() : Map.copyOf(query);
        TreeMap<String, String> h = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        if (headers != null) {
            h.putAll(headers);
        }
        headers = java.util.Collections.unmodifiableMap(h);
    }

    public String header(String name) {
        return headers.get(name);
    }
}
