package com.lakesail.backend.port;

import java.util.Objects;

/** One stack in a customer account and region, by name (names are derived from resource ids). */
public record StackRef(AccountAccess access, String region, String stackName) {
    public StackRef {
        Objects.requireNonNull(access, "access");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(stackName, "stackName");
    }
}
