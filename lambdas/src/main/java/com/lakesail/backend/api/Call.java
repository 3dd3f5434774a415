package com.lakesail.backend.api;

import com.lakesail.backend.domain.ValidationException;
import com.lakesail.backend.service.Idempotency;
import com.lakesail.backend.service.PageRequest;
import com.lakesail.backend.service.Principal;
import java.util.Map;

/** One parsed call handed to a route's operation. */
public final class Call {
    private final ApiRequest request;
    private final Map<String, String> pathParams;
    private final Principal principal;
    private final Idempotency idempotency;
    private final String requestId;

    Call(ApiRequest request, Map<String, String> pathParams, Principal principal, Idempotency idempotency, String requestId) {
        this.request = request;
        this.pathParams = pathParams;
        this.principal = principal;
        this.idempotency = idempotency;
        this.requestId = requestId;
    }

    /** The id of this request, for the audit log; the principal carries it too. */
    public String requestId() {
        return requestId;
    }

    /** A query-string parameter, or null. */
    public String query(String name) {
        return request.query().get(name);
    }

    /** A request header, or null; names match case-insensitively. */
    public String header(String name) {
        return request.header(name);
    }

    public Principal principal() {
        return principal;
    }

    public String path(String name) {
        return pathParams.get(name);
    }

    /** The body as it came, or null. */
    public String rawBody() {
        return request.body();
    }

    public Body body() {
        return new Body(Json.parseObject(request.body()));
    }

    public Idempotency idempotency() {
        return idempotency;
    }

    /** {@code ?limit=&nextToken=}; a limit that is not a number is a 400 naming {@code limit}. */
    public PageRequest page() {
        String limit = request.query().get("limit");
        Integer parsed = null;
        if (limit != null) {
            try {
                parsed = Integer.valueOf(limit);
            } catch (NumberFormatException e) {
                throw ValidationException.of("limit", "must be an integer");
            }
        }
        return PageRequest.of(parsed, request.query().get("nextToken"));
    }
}
