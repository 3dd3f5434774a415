package com.lakesail.backend.port;

/** Issues new entity ids: a type prefix, an underscore and a url-safe random part ({@code org_...}). */
@FunctionalInterface
public interface Ids {
    String next(String prefix);
}
