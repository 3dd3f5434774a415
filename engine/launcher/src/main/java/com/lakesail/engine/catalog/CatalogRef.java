package com.lakesail.engine.catalog;

import java.util.Map;
import java.util.Objects;

/**
 * A catalog as the control plane stores it, in plain values: its kind ({@code iceberg},
 * {@code delta}, {@code glue}, {@code hive_metastore}, {@code managed}), its name, and its flat
 * config ({@code location}; {@code catalogId}, {@code region} and optionally {@code warehouse};
 * {@code uri}; a managed catalog's {@code region} and {@code warehouse} once provisioned).
 */
public record CatalogRef(String kind, String name, Map<String, String> config) {
    public CatalogRef {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        config = Map.copyOf(config == null ? Map.of() : config);
    }
}
