package com.lakesail.backend.api;

/**
 * A set of routes an area adds to the router of REST API v1 (contributed to a Dagger set, so a host
 * serves the areas its graph builds).
 */
@FunctionalInterface
public interface RouteGroup {
    void addTo(Router router);
}
