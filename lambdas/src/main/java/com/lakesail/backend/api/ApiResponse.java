package com.lakesail.backend.api;

import java.util.LinkedHashMap;
import java.util.Map;

/** An HTTP response: status, headers and a JSON body (or none). */
public record ApiResponse(int status, Map<String, String> headers, String body) {

    public static ApiResponse json(int status, String body) {
        return new ApiResponse(status, Map.of("Content-Type", "application/json"), body);
    }

    public static ApiResponse noContent() {
        return new ApiResponse(204, Map.of(), null);
    }

    public ApiResponse withHeader(String name, String value) {
        Map<String, String> h = new LinkedHashMap<>(headers);
        h.put(name, value);
        return new ApiResponse(status, Map.copyOf(h), body);
    }
}
