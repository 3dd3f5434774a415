package com.lakesail.backend.domain.infra;

import com.lakesail.backend.domain.Validator;
import com.lakesail.backend.domain.Wire;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A validated catalog request. The config is the JSON object the caller sent; each kind reads its
 * own keys and every field error names {@code config.<key>}.
 *
 * <pre>{@code
 * CatalogDefinition d = CatalogDefinition.validate("lake", "iceberg",
 *     Map.of("location", "s3://acme-lake/warehouse"), null);
 * }</pre>
 */
public record CatalogDefinition(String name, CatalogKind kind, CatalogConfig config, String cloudAccountId) {

    private static final Pattern S3_LOCATION = Pattern.compile("^s3://([^/]+)(/.*)?$");
    /** S3 bucket naming rules: 3..63 of [a-z0-9.-], letter or digit at both ends. */
    private static final Pattern BUCKET = Pattern.compile("^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$");
    private static final Pattern IPV4 = Pattern.compile("^[0-9]{1,3}(\\.[0-9]{1,3}){3}$");
    private static final Pattern THRIFT = Pattern.compile("^thrift://([^:/]+):([0-9]{1,5})$");
    private static final Pattern HOST = Pattern.compile(
            "^(?=.{1,253}$)[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$");
    private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");

    /**
     * @param config         the {@code config} object as parsed JSON: string values are read, others rejected
     * @param cloudAccountId required for {@code managed}, refused for the bring-your-own kinds
     * @throws com.lakesail.backend.domain.ValidationException naming every bad field
     */
    public static CatalogDefinition validate(String name, String kind, Map<String, ?> config, String cloudAccountId) {
        Validator v = new Validator();
        v.name("name", name);
        CatalogKind parsed = Wire.parse(CatalogKind.class, kind);
        v.require(parsed != null, "kind", kind == null ? "is required"
                : "must be one of iceberg, delta, glue, hive_metastore, managed");
        Map<String, ?> values = config == null ? Map.of() : config;
        CatalogConfig typed = parsed == null ? null : switch (parsed) {
            case ICEBERG, DELTA -> new CatalogConfig.TableLocation(s3Location(v, "config.location", string(v, values, "location")));
            case GLUE -> glue(v, values);
            case HIVE_METASTORE -> new CatalogConfig.HiveMetastore(thrift(v, "config.uri", string(v, values, "uri")));
            case MANAGED -> managed(v, values, cloudAccountId);
        };
        if (parsed != null && !parsed.provisioned()) {
            v.require(cloudAccountId == null, "cloudAccountId", "applies to managed catalogs only");
        }
        v.throwIfInvalid();
        return new CatalogDefinition(name, parsed, typed, parsed.provisioned() ? cloudAccountId : null);
    }

    private static CatalogConfig glue(Validator v, Map<String, ?> values) {
        String catalogId = string(v, values, "catalogId");
        if (catalogId != null) {
            v.require(AwsRules.isAccountId(catalogId), "config.catalogId", "must be the 12-digit id of the account that owns the catalog");
        }
        String region = string(v, values, "region");
        if (region != null) {
            AwsRules.region(v, "config.region", region);
        }
        return new CatalogConfig.Glue(catalogId, region);
    }

    private static CatalogConfig managed(Validator v, Map<String, ?> values, String cloudAccountId) {
        v.require(cloudAccountId != null && !cloudAccountId.isBlank(), "cloudAccountId", "is required for a managed catalog");
        String region = string(v, values, "region");
        if (region != null) {
            AwsRules.region(v, "config.region", region);
        }
        return new CatalogConfig.Managed(region);
    }

    /** The string at {@code key}, or null with a field error when missing or not a string. */
    private static String string(Validator v, Map<String, ?> values, String key) {
        Object value = values.get(key);
        v.require(value != null, "config." + key, "is required");
        v.require(value == null || value instanceof String, "config." + key, "must be a string");
        return value instanceof String s ? s : null;
    }

    static String s3Location(Validator v, String field, String location) {
        if (location == null) {
            return null;
        }
        Matcher m = S3_LOCATION.matcher(location);
        if (!m.matches()) {
            v.require(false, field, "must be an S3 location such as s3://bucket/prefix");
            return location;
        }
        String bucket = m.group(1);
        v.require(BUCKET.matcher(bucket).matches() && !bucket.contains("..") && !IPV4.matcher(bucket).matches()
                        && !bucket.startsWith("xn--") && !bucket.endsWith("-s3alias"),
                field, "must name a valid S3 bucket (3 to 63 lowercase letters, digits, dots or hyphens)");
        String prefix = m.group(2) == null ? "" : m.group(2);
        v.require(!prefix.contains("//") && !CONTROL.matcher(prefix).find() && prefix.length() <= 1024, field,
                "must have a prefix without empty segments or control characters");
        return location;
    }

    static String thrift(Validator v, String field, String uri) {
        if (uri == null) {
            return null;
        }
        Matcher m = THRIFT.matcher(uri);
        boolean ok = m.matches() && HOST.matcher(m.group(1)).matches();
        if (ok) {
            int port = Integer.parseInt(m.group(2));
            ok = port >= 1 && port <= 65535;
        }
        v.require(ok, field, "must be a Hive metastore URI such as thrift://metastore.internal:9083");
        return uri;
    }
}
