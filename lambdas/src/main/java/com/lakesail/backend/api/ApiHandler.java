package com.lakesail.backend.api;

import com.lakesail.backend.domain.ConflictException;
import com.lakesail.backend.domain.DomainException;
import com.lakesail.backend.domain.FieldError;
import com.lakesail.backend.domain.Organization;
import com.lakesail.backend.domain.Text;
import com.lakesail.backend.port.ConditionFailedException;
import com.lakesail.backend.port.Ids;
import com.lakesail.backend.port.InvalidPageTokenException;
import com.lakesail.backend.port.Store;
import com.lakesail.backend.port.StoreException;
import com.lakesail.backend.service.Authenticator;
import com.lakesail.backend.service.Idempotency;
import com.lakesail.backend.service.Principal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.inject.Inject;

/**
 * The API's front door, shared by the Lambda handler and the local HTTP server: request id, size
 * limit, routing, authentication, idempotency, error mapping and the request log. Nothing a caller
 * sees carries a stack trace or an internal detail; an unexpected failure is a 500 with the request id.
 */
public final class ApiHandler {
    /** Larger bodies are refused with 413 before parsing. */
    public static final int MAX_BODY_BYTES = 64 * 1024;
    /** A runner's report may carry a result preview or a batch of log lines: its limit is larger. */
    public static final int MAX_CALLBACK_BODY_BYTES = 1024 * 1024;
    private static final String CALLBACKS = "/v1/callbacks/";
    public static final String REQUEST_ID_HEADER = "X-Request-Id";

    private final Router router;
    private final Store store;
    private final Authenticator authenticator;
    private final IdempotencyGate idempotency;
    private final Ids ids;
    private final JsonLog log;

    @Inject
    public ApiHandler(Routes routes, Set<RouteGroup> groups, Authenticator authenticator, Store store, Clock clock, Ids ids,
                      JsonLog log) {
        this.router = routes.router();
        groups.forEach(group -> group.addTo(router));
        this.store = store;
        this.authenticator = authenticator;
        this.idempotency = new IdempotencyGate(store, clock);
        this.ids = ids;
        this.log = log;
    }

    public Router router() {
        return router;
    }

    /**
     * A request whose body arrives as bytes (an HTTP server's, API Gateway's base64): decoded as
     * UTF-8, strictly, so bytes that are not UTF-8 are a 400 naming {@code body}, never text with
     * U+FFFD in it.
     *
     * @param body the body's bytes; empty for none
     */
    public ApiResponse handle(String method, String path, Map<String, String> query, Map<String, String> headers,
                              byte[] body) {
        String text = null;
        if (body.length > Math.max(MAX_BODY_BYTES, MAX_CALLBACK_BODY_BYTES)) {
            // Refused for its size whatever its text.
            text = new String(body, StandardCharsets.UTF_8);
        } else if (body.length > 0) {
            Optional<String> decoded = Text.utf8(body);
            if (decoded.isEmpty()) {
                return refuse(method, 400, "the body is not valid UTF-8", List.of(new FieldError("body", "is not valid UTF-8")));
            }
            text = decoded.get();
        }
        return handle(new ApiRequest(method, path, query, headers, text));
    }

    public ApiResponse handle(ApiRequest request) {
        String requestId = ids.next("req");
        long started = System.nanoTime();
        Handled handled = process(request, requestId);
        log.request(requestId, request.method(), handled.route(), handled.response().status(),
                (System.nanoTime() - started) / 1000, handled.principal() == null ? null : handled.principal().userId(),
                handled.errorCode());
        return handled.response();
    }

    /**
     * Runs the request path (routing, authentication refused, error and JSON rendering, a body read
     * and a view) without reaching the store or logging a request, so a SnapStart snapshot holds those classes loaded,
     * initialized and compiled. Called before the checkpoint; sends nothing anywhere.
     */
    public void prime() {
        long started = System.nanoTime();
        store.prime();
        process(new ApiRequest("GET", "/v1/me", Map.of(), Map.of(), null), "req_priming");
        process(new ApiRequest("DELETE", "/v1/signup", Map.of(), Map.of(), null), "req_priming");
        process(new ApiRequest("GET", "/v1/priming", Map.of(), Map.of(), null), "req_priming");
        Body body = new Body(Json.parseObject("{\"name\": \"priming\", \"version\": 1, \"tags\": [\"a\"]}"));
        body.string("name");
        body.int64("version");
        body.strings("tags");
        body.done();
        Instant now = Instant.now();
        Json.write(Views.render(new Organization("org_priming", "priming", now, now, 1), true));
        log.primed((System.nanoTime() - started) / 1000);
    }

    private record Handled(ApiResponse response, String route, Principal principal, String errorCode) {
    }

    private Handled process(ApiRequest request, String requestId) {
        String route = "-";
        Principal principal = null;
        ApiResponse response;
        String errorCode = null;
        try {
            int limit = request.path().startsWith(CALLBACKS) ? MAX_CALLBACK_BODY_BYTES : MAX_BODY_BYTES;
            if (request.body() != null && request.body().getBytes(StandardCharsets.UTF_8).length > limit) {
                errorCode = "PayloadTooLarge";
                response = ErrorBody.of(errorCode, "the body is larger than " + limit + " bytes",
                        List.of(new FieldError("body", "is too large")), requestId);
            } else {
                RequestText.requireValid(request);
                Router.Result result = router.match(request.method(), request.path());
                if (result.match().isEmpty()) {
                    errorCode = result.allowedMethods().isEmpty() ? "ResourceNotFound" : "MethodNotAllowed";
                    response = unmatched(request, result, requestId);
                } else {
                    Router.Match match = RequestText.decoded(result.match().get());
                    route = match.route().template();
                    if (match.route().authenticated()) {
                        principal = authenticator.authenticate(request.header("Authorization")).withRequestId(requestId);
                    }
                    response = invoke(match, request, principal, requestId);
                }
            }
        } catch (DomainException e) {
            errorCode = e.code();
            response = ErrorBody.of(e, requestId);
        } catch (InvalidPageTokenException e) {
            errorCode = "ValidationError";
            response = ErrorBody.of(errorCode, "nextToken is not valid for this list",
                    List.of(new FieldError("nextToken", "is not a token this list issued")), requestId);
        } catch (ConditionFailedException e) {
            errorCode = "Conflict";
            response = ErrorBody.of(new ConflictException("the resource changed concurrently; read it again and retry"), requestId);
        } catch (StoreException e) {
            log.failure(requestId, e);
            if (e.throttled()) {
                // The table is at capacity for now: a retry after a pause will do (the SDK honours Retry-After).
                errorCode = "Throttled";
                response = ErrorBody.of(errorCode, "too many requests right now; retry shortly", List.of(), requestId)
                        .withHeader("Retry-After", "1");
            } else {
                errorCode = "InternalError";
                response = internalError(requestId);
            }
        } catch (RuntimeException e) {
            log.failure(requestId, e);
            errorCode = "InternalError";
            response = internalError(requestId);
        }
        return new Handled(response.withHeader(REQUEST_ID_HEADER, requestId), route, principal, errorCode);
    }

    /**
     * The answer to a request refused before it could be routed: the HTTP layer could not parse it
     * (a malformed request line, header or length; a method such as CONNECT), or its body is not
     * valid UTF-8. The same error format and request id as every other answer, and a request log line.
     *
     * @param method  the request's method, or null when even that could not be read
     * @param status  what the HTTP layer refuses it with (400, 413, 414, 431, 501, 505...)
     * @param details the offending part ({@code body}, a header), or none
     */
    public ApiResponse refuse(String method, int status, String message, List<FieldError> details) {
        String requestId = ids.next("req");
        String code = ErrorBody.codeFor(status);
        ApiResponse response = ErrorBody.of(code, message, details, requestId).withHeader(REQUEST_ID_HEADER, requestId);
        log.request(requestId, method == null ? "-" : method, "-", response.status(), 0, null, code);
        return response;
    }

    private ApiResponse invoke(Router.Match match, ApiRequest request, Principal principal, String requestId) {
        Route route = match.route();
        IdempotencyGate.Keyed keyed = null;
        Idempotency recorder = Idempotency.NONE;
        String key = route.create() ? request.header("Idempotency-Key") : null;
        if (key != null) {
            keyed = IdempotencyGate.keyed(key, principal == null ? "signup" : principal.userId(), request);
            IdempotencyGate.Lookup lookup = idempotency.lookup(keyed);
            if (lookup.replay().isPresent()) {
                return lookup.replay().get();
            }
            recorder = idempotency.recorder(keyed, 201, lookup.expired());
        }
        Object result;
        try {
            result = route.operation().handle(new Call(request, match.pathParams(), principal, recorder, requestId));
        } catch (ConflictException | ConditionFailedException e) {
            // A concurrent request with the same key may have won the race: then this one is its replay.
            Optional<ApiResponse> replay = keyed == null ? Optional.empty() : idempotency.lookup(keyed).replay();
            if (replay.isPresent()) {
                return replay.get();
            }
            throw e;
        }
        if (result == null) {
            return ApiResponse.noContent();
        }
        if (result instanceof OpenApiDocument.JsonText text) {
            return ApiResponse.json(200, text.json());
        }
        if (result instanceof Accepted accepted) {
            return ApiResponse.json(202, Json.write(Views.render(accepted.body(), true)));
        }
        return ApiResponse.json(route.create() ? 201 : 200, Json.write(Views.render(result, true)));
    }

    private static ApiResponse internalError(String requestId) {
        return ErrorBody.of("InternalError", "internal error; quote request id " + requestId + " when reporting it",
                List.of(), requestId);
    }

    private static ApiResponse unmatched(ApiRequest request, Router.Result result, String requestId) {
        if (result.allowedMethods().isEmpty()) {
            return ErrorBody.of("ResourceNotFound", "no route for " + request.method() + " " + request.path(), List.of(), requestId);
        }
        return ErrorBody.of("MethodNotAllowed", request.method() + " is not allowed here; allowed: "
                        + String.join(", ", result.allowedMethods()), List.of(), requestId)
                .withHeader("Allow", String.join(", ", result.allowedMethods()));
    }
}
