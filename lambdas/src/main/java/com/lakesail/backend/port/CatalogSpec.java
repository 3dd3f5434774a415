package com.lakesail.backend.port;

import com.lakesail.backend.domain.infra.CatalogKind;
import java.util.Map;
import java.util.Objects;

/**
 * A catalog as a Sail needs it, to become Spark catalog settings: its name (the Spark catalog
 * name), its kind and its flat config ({@code location}; {@code catalogId} and {@code region};
 * {@code uri}; a managed catalog's {@code region} and {@code warehouse}).
 */
public record CatalogSpec(String name, CatalogKind kind, Map<String, String> config) {
    public CatalogSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        config = Map.copyOf(config);
    }
}
