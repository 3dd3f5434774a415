package com.lakesail.backend.kubernetes;

import com.lakesail.backend.agent.protocol.AgentCommand.Catalog;
import com.lakesail.engine.catalog.CatalogRef;
import com.lakesail.engine.catalog.SparkCatalogConf;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A Sail's Spark settings, as the {@code spark-defaults.conf} its pod mounts ({@code SPARK_CONF_DIR}):
 * the job version's {@code spark.*} settings, then its catalogs as the engine maps them for a
 * cluster ({@link SparkCatalogConf#cluster}), which win where both set a key.
 */
final class SparkDefaults {
    static final String FILE = "spark-defaults.conf";

    private SparkDefaults() {
    }

    /** @throws IllegalArgumentException for a catalog that cannot be configured (its message says why) */
    static Map<String, String> settings(List<Catalog> catalogs, Map<String, String> sparkConf) {
        SparkCatalogConf catalogConf = SparkCatalogConf.cluster(catalogs.stream()
                .map(c -> new CatalogRef(c.kind(), c.name(), c.config())).toList());
        Map<String, String> settings = new TreeMap<>(sparkConf);
        settings.putAll(catalogConf.sparkConf());
        return settings;
    }

    /** The settings in {@link java.util.Properties} syntax (which is how Spark reads the file), one per line, sorted. */
    static String file(Map<String, String> settings) {
        StringBuilder out = new StringBuilder("# Written by the LakeSail agent for this Sail.\n");
        new TreeMap<>(settings).forEach((k, v) -> out.append(escape(k, true)).append('=').append(escape(v, false)).append('\n'));
        return out.toString();
    }

    private static String escape(String text, boolean key) {
        StringBuilder b = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                case '\f' -> b.append("\\f");
                case '=', ':', '#', '!' -> b.append('\\').append(c);
                case ' ' -> b.append(key || i == 0 ? "\\ " : " ");
                default -> {
                    if (c < 0x20 || c > 0x7e) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.toString();
    }
}
