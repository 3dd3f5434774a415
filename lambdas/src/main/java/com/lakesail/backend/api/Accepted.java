package com.lakesail.backend.api;

/**
 * A route's result that answers 202: the change was accepted and continues in a workflow (a
 * re-verification, a destroy). The body is rendered as the result would be.
 */
public record Accepted(Object body) {
}
