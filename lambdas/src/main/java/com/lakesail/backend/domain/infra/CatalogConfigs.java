package com.lakesail.backend.domain.infra;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A {@link CatalogConfig} as its flat {@code config} object, the shape the API shows and the store
 * keeps: {@code {"location": ...}}, {@code {"catalogId": ..., "region": ...}}, {@code {"uri": ...}}
 * or {@code {"region": ...}}.
 */
public final class CatalogConfigs {
    private CatalogConfigs() {
    }

    public static Map<String, String> fields(CatalogConfig config) {
        Map<String, String> fields = new LinkedHashMap<>();
        if (config instanceof CatalogConfig.TableLocation t) {
            fields.put("location", t.location());
        } else if (config instanceof CatalogConfig.Glue g) {
            fields.put("catalogId", g.catalogId());
            fields.put("region", g.region());
        } else if (config instanceof CatalogConfig.HiveMetastore h) {
            fields.put("uri", h.uri());
        } else if (config instanceof CatalogConfig.Managed m) {
            fields.put("region", m.region());
        }
        return fields;
    }

    /** The inverse of {@link #fields} for a config that was validated when it was created. */
    public static CatalogConfig of(CatalogKind kind, Map<String, String> fields) {
        return switch (kind) {
            case ICEBERG, DELTA -> new CatalogConfig.TableLocation(fields.get("location"));
            case GLUE -> new CatalogConfig.Glue(fields.get("catalogId"), fields.get("region"));
            case HIVE_METASTORE -> new CatalogConfig.HiveMetastore(fields.get("uri"));
            case MANAGED -> new CatalogConfig.Managed(fields.get("region"));
        };
    }
}
