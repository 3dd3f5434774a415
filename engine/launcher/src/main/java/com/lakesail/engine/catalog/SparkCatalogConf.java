package com.lakesail.engine.catalog;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Catalogs as the Spark settings a Sail gets: a pure function, JDK only, for both hosts.
 *
 * <ul>
 *   <li>{@code iceberg}: Iceberg's {@code SparkCatalog}, a Hadoop catalog whose warehouse is the location.
 *   <li>{@code delta}: Delta's session extension and {@code spark_catalog} as {@code DeltaCatalog},
 *       with the location as the warehouse, so managed tables go under it (one Delta catalog per
 *       Sail: there is one session catalog).
 *   <li>{@code glue}: Iceberg's {@code GlueCatalog} (catalog id, region, warehouse when given).
 *   <li>{@code hive_metastore}: Iceberg's Hive catalog on the thrift URI.
 *   <li>{@code managed}: on a cluster, the Glue catalog LakeSail built, with its warehouse; locally,
 *       an Iceberg Hadoop catalog at that warehouse.
 * </ul>
 *
 * <p>Each catalog's SQL name is its name in lower case with every run of other characters than
 * letters, digits and {@code _} made one {@code _} ("Sales Lake" is {@code sales_lake}). Locally,
 * {@code s3://bucket/key} is {@code <data dir>/s3/bucket/key}, and Glue and Hive metastore catalogs
 * are refused with {@link UnreachableCatalogException}.
 *
 * <pre>{@code
 * SparkCatalogConf conf = SparkCatalogConf.local(List.of(
 *     new CatalogRef("iceberg", "lake", Map.of("location", "s3://acme-lake/warehouse"))), dataDir);
 * conf.sparkConf();   // spark.sql.catalog.lake=org.apache.iceberg.spark.SparkCatalog, ...
 * conf.sqlNames();    // {lake=lake}
 * }</pre>
 *
 * @param sparkConf the settings, in a stable order
 * @param sqlNames  each catalog's name → the name SQL uses for it ({@code spark_catalog} for Delta)
 */
public record SparkCatalogConf(Map<String, String> sparkConf, Map<String, String> sqlNames) {
    static final String ICEBERG_CATALOG = "org.apache.iceberg.spark.SparkCatalog";
    static final String ICEBERG_EXTENSIONS = "org.apache.iceberg.spark.extensions.IcebergSparkSessionExtensions";
    static final String DELTA_EXTENSIONS = "io.delta.sql.DeltaSparkSessionExtension";
    static final String DELTA_CATALOG = "org.apache.spark.sql.delta.catalog.DeltaCatalog";
    static final String GLUE_CATALOG = "org.apache.iceberg.aws.glue.GlueCatalog";
    static final String S3_FILE_IO = "org.apache.iceberg.aws.s3.S3FileIO";
    private static final Pattern S3 = Pattern.compile("^s3a?://([^/]+)(/.*)?$");
    private static final Pattern NOT_SQL = Pattern.compile("[^a-z0-9_]+");

    public SparkCatalogConf {
        sparkConf = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(sparkConf));
        sqlNames = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(sqlNames));
    }

    /**
     * For a local Sail: S3 locations under {@code dataDirectory}.
     *
     * @throws UnreachableCatalogException for a Glue or Hive metastore catalog
     * @throws IllegalArgumentException    for an unknown kind, a missing setting, two Delta catalogs or clashing names
     */
    public static SparkCatalogConf none() {
        return new SparkCatalogConf(Map.of(), Map.of());
    }

    public static SparkCatalogConf local(List<CatalogRef> catalogs, Path dataDirectory) {
        for (CatalogRef c : catalogs) {
            if (c.kind().equals("glue") || c.kind().equals("hive_metastore")) {
                throw new UnreachableCatalogException("catalog '" + c.name() + "' is "
                        + (c.kind().equals("glue") ? "an AWS Glue catalog" : "a Hive metastore")
                        + ", which the local backend cannot reach; run this on a cluster in your AWS account,"
                        + " or use an Iceberg or Delta catalog locally");
            }
        }
        return build(catalogs, location -> localPath(location, dataDirectory));
    }

    /** For a Sail on a customer's cluster: locations as they are, Glue and Hive metastores as configured. */
    public static SparkCatalogConf cluster(List<CatalogRef> catalogs) {
        return build(catalogs, location -> location.replaceFirst("^s3://", "s3a://"));
    }

    /** {@code s3://bucket/key} → {@code <dataDirectory>/s3/bucket/key}, as a {@code file:} URI. */
    public static String localPath(String location, Path dataDirectory) {
        Matcher m = S3.matcher(location);
        if (!m.matches()) {
            throw new IllegalArgumentException("not an S3 location: " + location);
        }
        Path path = dataDirectory.toAbsolutePath().resolve("s3").resolve(m.group(1));
        String key = m.group(2) == null ? "" : m.group(2).replaceFirst("^/+", "");
        Path local = (key.isEmpty() ? path : path.resolve(key)).normalize();
        try {
            // Not Path.toUri(): that asks the file system, and adds a slash for existing directories only.
            return "file://" + new java.net.URI(null, null, local.toString(), null).getRawPath();
        } catch (java.net.URISyntaxException e) {
            throw new IllegalArgumentException("not a usable location: " + location, e);
        }
    }

    /** The name SQL uses for a catalog named {@code name}. */
    public static String sqlName(String name) {
        String sql = NOT_SQL.matcher(name.toLowerCase(Locale.ROOT)).replaceAll("_").replaceAll("^_+|_+$", "");
        if (sql.isEmpty()) {
            throw new IllegalArgumentException("catalog name '" + name + "' has no letters or digits");
        }
        return Character.isDigit(sql.charAt(0)) ? "c_" + sql : sql;
    }

    private static SparkCatalogConf build(List<CatalogRef> catalogs, java.util.function.UnaryOperator<String> location) {
        Map<String, String> conf = new LinkedHashMap<>();
        Map<String, String> names = new LinkedHashMap<>();
        Set<String> extensions = new LinkedHashSet<>();
        boolean delta = false;
        for (CatalogRef c : catalogs) {
            String sql = c.kind().equals("delta") ? "spark_catalog" : sqlName(c.name());
            if (names.containsValue(sql)) {
                throw new IllegalArgumentException(c.kind().equals("delta")
                        ? "a Sail has one session catalog, so one Delta catalog: '" + c.name() + "' is a second"
                        : "catalogs '" + c.name() + "' and another both have the SQL name " + sql);
            }
            names.put(c.name(), sql);
            String prefix = "spark.sql.catalog." + sql;
            switch (c.kind()) {
                case "iceberg" -> {
                    hadoopIceberg(conf, prefix, location.apply(required(c, "location")));
                    extensions.add(ICEBERG_EXTENSIONS);
                }
                case "delta" -> {
                    delta = true;
                    conf.put(prefix, DELTA_CATALOG);
                    conf.put("spark.sql.warehouse.dir", location.apply(required(c, "location")));
                    extensions.add(DELTA_EXTENSIONS);
                }
                case "managed" -> {
                    String warehouse = required(c, "warehouse");
                    if (location.apply("s3://x").startsWith("file:")) {
                        hadoopIceberg(conf, prefix, location.apply(warehouse));
                    } else {
                        glue(conf, prefix, null, c.config().get("region"), location.apply(warehouse));
                    }
                    extensions.add(ICEBERG_EXTENSIONS);
                }
                case "glue" -> {
                    String warehouse = c.config().get("warehouse");
                    glue(conf, prefix, required(c, "catalogId"), c.config().get("region"),
                            warehouse == null ? null : location.apply(warehouse));
                    extensions.add(ICEBERG_EXTENSIONS);
                }
                case "hive_metastore" -> {
                    conf.put(prefix, ICEBERG_CATALOG);
                    conf.put(prefix + ".type", "hive");
                    conf.put(prefix + ".uri", required(c, "uri"));
                    extensions.add(ICEBERG_EXTENSIONS);
                }
                default -> throw new IllegalArgumentException("catalog '" + c.name() + "' has an unknown kind: " + c.kind());
            }
        }
        if (!extensions.isEmpty()) {
            // Delta first: its extension must see plans before Iceberg's rewrites them.
            conf.put("spark.sql.extensions", String.join(",", delta
                    ? List.of(DELTA_EXTENSIONS, ICEBERG_EXTENSIONS).stream().filter(extensions::contains).toList()
                    : List.copyOf(extensions)));
        }
        return new SparkCatalogConf(conf, names);
    }

    private static void hadoopIceberg(Map<String, String> conf, String prefix, String warehouse) {
        conf.put(prefix, ICEBERG_CATALOG);
        conf.put(prefix + ".type", "hadoop");
        conf.put(prefix + ".warehouse", warehouse);
    }

    private static void glue(Map<String, String> conf, String prefix, String catalogId, String region, String warehouse) {
        conf.put(prefix, ICEBERG_CATALOG);
        conf.put(prefix + ".catalog-impl", GLUE_CATALOG);
        conf.put(prefix + ".io-impl", S3_FILE_IO);
        if (catalogId != null) {
            conf.put(prefix + ".glue.id", catalogId);
        }
        if (region != null) {
            conf.put(prefix + ".client.region", region);
        }
        if (warehouse != null) {
            conf.put(prefix + ".warehouse", warehouse);
        }
    }

    private static String required(CatalogRef c, String key) {
        String value = c.config().get(key);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("catalog '" + c.name() + "' (" + c.kind() + ") needs config." + key);
        }
        return value;
    }
}
