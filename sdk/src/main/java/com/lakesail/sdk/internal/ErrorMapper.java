package com.lakesail.sdk.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.lakesail.sdk.exception.AccessDeniedException;
import com.lakesail.sdk.exception.ConflictException;
import com.lakesail.sdk.exception.ErrorDetail;
import com.lakesail.sdk.exception.IdempotencyKeyReusedException;
import com.lakesail.sdk.exception.InternalErrorException;
import com.lakesail.sdk.exception.LakeSailException;
import com.lakesail.sdk.exception.MethodNotAllowedException;
import com.lakesail.sdk.exception.PayloadTooLargeException;
import com.lakesail.sdk.exception.ResourceNotFoundException;
import com.lakesail.sdk.exception.ServiceError;
import com.lakesail.sdk.exception.ThrottledException;
import com.lakesail.sdk.exception.UnauthenticatedException;
import com.lakesail.sdk.exception.ValidationException;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns an error response into the exception for its code. The body is normally
 * {@code {"error": {"code", "message", "requestId", "details"}}}, but a proxy in front of the
 * service (API Gateway, a load balancer) can answer in its own format; then the status decides.
 */
final class ErrorMapper {
    private static final int MAX_QUOTED_BODY = 200;

    private ErrorMapper() {
    }

    static LakeSailException toException(HttpResponse<byte[]> response, Duration retryAfter) {
        int status = response.statusCode();
        JsonNode root = readTree(response.body());
        JsonNode error = root.path("error");
        String code = text(error, "code");
        String message = text(error, "message");
        if (message == null) {
            message = text(root, "message");
        }
        if (message == null) {
            message = "HTTP " + status + quote(response.body());
        }
        String requestId = text(error, "requestId");
        if (requestId == null) {
            requestId = response.headers().firstValue("X-Request-Id").orElse(null);
        }
        ServiceError serviceError = new ServiceError(status, code == null ? defaultCode(status) : code, message,
                requestId, details(error.path("details")));
        return exceptionFor(serviceError, retryAfter);
    }

    private static LakeSailException exceptionFor(ServiceError error, Duration retryAfter) {
        switch (error.code()) {
            case "ValidationError": return new ValidationException(error);
            case "Unauthenticated": return new UnauthenticatedException(error);
            case "AccessDenied": return new AccessDeniedException(error);
            case "ResourceNotFound": return new ResourceNotFoundException(error);
            case "MethodNotAllowed": return new MethodNotAllowedException(error);
            case "PayloadTooLarge": return new PayloadTooLargeException(error);
            case "IdempotencyKeyReused": return new IdempotencyKeyReusedException(error);
            case "Conflict": return new ConflictException(error);
            case "Throttled": return new ThrottledException(error, retryAfter);
            case "InternalError": return new InternalErrorException(error);
            default: return exceptionForStatus(error, retryAfter);
        }
    }

    /** For a code this SDK version does not know, the status still picks the family. */
    private static LakeSailException exceptionForStatus(ServiceError error, Duration retryAfter) {
        switch (error.status()) {
            case 400: return new ValidationException(error);
            case 401: return new UnauthenticatedException(error);
            case 403: return new AccessDeniedException(error);
            case 404: return new ResourceNotFoundException(error);
            case 405: return new MethodNotAllowedException(error);
            case 409: return new ConflictException(error);
            case 413: return new PayloadTooLargeException(error);
            case 429: return new ThrottledException(error, retryAfter);
            default: return error.status() >= 500 ? new InternalErrorException(error) : new LakeSailException(error);
        }
    }

    private static String defaultCode(int status) {
        switch (status) {
            case 400: return "ValidationError";
            case 401: return "Unauthenticated";
            case 403: return "AccessDenied";
            case 404: return "ResourceNotFound";
            case 405: return "MethodNotAllowed";
            case 409: return "Conflict";
            case 413: return "PayloadTooLarge";
            case 429: return "Throttled";
            default: return status >= 500 ? "InternalError" : "Unknown";
        }
    }

    private static List<ErrorDetail> details(JsonNode details) {
        List<ErrorDetail> result = new ArrayList<>();
        for (JsonNode detail : details) {
            result.add(new ErrorDetail(text(detail, "field"), text(detail, "message")));
        }
        return result;
    }

    private static JsonNode readTree(byte[] body) {
        try {
            JsonNode tree = body.length == 0 ? null : SdkJson.mapper().readTree(body);
            return tree == null || !tree.isObject() ? SdkJson.mapper().createObjectNode() : tree;
        } catch (IOException notJson) {
            return SdkJson.mapper().createObjectNode();
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isTextual() ? value.textValue() : null;
    }

    private static String quote(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8).strip();
        if (text.isEmpty()) {
            return "";
        }
        return ": " + (text.length() > MAX_QUOTED_BODY ? text.substring(0, MAX_QUOTED_BODY) + "..." : text);
    }
}
