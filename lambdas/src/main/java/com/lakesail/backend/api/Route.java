package com.lakesail.backend.api;

/**
 * One operation of the REST API.
 *
 * @param authenticated whether the caller's user token is checked: false only for sign-up, the OpenAPI
 *                      document and the runners' callbacks (which check the run's callback credential)
 * @param create        a create: answers 201 and honours {@code Idempotency-Key}
 */
public record Route(String method, String template, boolean authenticated, boolean create, Operation operation) {

    String[] segments() {
        return Router.split(template);
    }

    public static Route get(String template, Operation op) {
        return new Route("GET", template, true, false, op);
    }

    public static Route patch(String template, Operation op) {
        return new Route("PATCH", template, true, false, op);
    }

    public static Route delete(String template, Operation op) {
        return new Route("DELETE", template, true, false, op);
    }

    /** A POST that creates something. */
    public static Route create(String template, Operation op) {
        return new Route("POST", template, true, true, op);
    }

    public Route unauthenticated() {
        return new Route(method, template, false, create, operation);
    }

    /** What a route does with a parsed call; returns the response body object, or null for 204. */
    @FunctionalInterface
    public interface Operation {
        Object handle(Call call);
    }
}
