package com.lakesail.backend.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.lakesail.backend.domain.DomainException;
import com.lakesail.backend.domain.FieldError;
import java.util.List;
import java.util.Map;

/** {@code {"error": {"code", "message", "requestId", "details"}}} and the HTTP status of each code. */
final class ErrorBody {
    private static final Map<String, Integer> STATUS = Map.ofEntries(
            Map.entry("ValidationError", 400),
            Map.entry("Unauthenticated", 401),
            Map.entry("AccessDenied", 403),
            Map.entry("ResourceNotFound", 404),
            Map.entry("MethodNotAllowed", 405),
            Map.entry("Conflict", 409),
            Map.entry("IdempotencyKeyReused", 409),
            Map.entry("PayloadTooLarge", 413),
            Map.entry("UriTooLong", 414),
            Map.entry("Throttled", 429),
            Map.entry("HeadersTooLarge", 431),
            Map.entry("InternalError", 500),
            Map.entry("NotImplemented", 501),
            Map.entry("HttpVersionNotSupported", 505));
    /** The code of each status an HTTP layer may refuse a request with; 400 is a malformed request. */
    private static final Map<Integer, String> CODE = Map.of(400, "ValidationError", 405, "MethodNotAllowed",
            413, "PayloadTooLarge", 414, "UriTooLong", 431, "HeadersTooLarge", 501, "NotImplemented",
            505, "HttpVersionNotSupported");

    private ErrorBody() {
    }

    /**
     * The code for a status an HTTP layer refused a request with: the refusals above; any other 4xx
     * is a malformed request (400), anything else a 500.
     */
    static String codeFor(int status) {
        return CODE.getOrDefault(status, status >= 400 && status < 500 ? "ValidationError" : "InternalError");
    }

    static ApiResponse of(DomainException e, String requestId) {
        return of(e.code(), e.getMessage(), e.details(), requestId);
    }

    static ApiResponse of(String code, String message, List<FieldError> details, String requestId) {
        ObjectNode error = Json.object().put("code", code).put("message", message).put("requestId", requestId);
        if (!details.isEmpty()) {
            ArrayNode array = error.putArray("details");
            details.forEach(d -> array.addObject().put("field", d.field()).put("message", d.message()));
        }
        ObjectNode body = Json.object();
        body.set("error", error);
        return ApiResponse.json(STATUS.getOrDefault(code, 500), Json.write(body));
    }
}
