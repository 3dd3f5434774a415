package com.lakesail.backend.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.lakesail.backend.domain.DomainException;
import com.lakesail.backend.domain.FieldError;
import java.util.List;
import java.util.Map;

/** {@code {"error": {"code", "message", "requestId", "details"}}} and the HTTP status of each code. */
final class ErrorBody {
    private static final Map<String, Integer> STATUS = Map.of(
            "ValidationError", 400,
            "Unauthenticated", 401,
            "AccessDenied", 403,
            "ResourceNotFound", 404,
            "MethodNotAllowed", 405,
            "Conflict", 409,
            "IdempotencyKeyReused", 409,
            "PayloadTooLarge", 413,
            "Throttled", 429,
            "InternalError", 500);

    private ErrorBody() {
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
