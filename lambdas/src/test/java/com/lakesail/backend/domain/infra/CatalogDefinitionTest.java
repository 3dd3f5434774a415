package com.lakesail.backend.domain.infra;

import static com.lakesail.backend.domain.infra.FieldErrors.assertOnly;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CatalogDefinitionTest {

    @Test
    void validate_whenIceberg_readsLocation() {
        CatalogDefinition d = CatalogDefinition.validate("lake", "iceberg", Map.of("location", "s3://acme-lake/warehouse"), null);

        assertEquals(new CatalogDefinition("lake", CatalogKind.ICEBERG,
                new CatalogConfig.TableLocation("s3://acme-lake/warehouse"), null), d);
    }

    @Test
    void validate_whenBringYourOwnNamesAnAccount_namesCloudAccountId() {
        // Strict bodies: a field that does not apply is refused, not silently dropped.
        assertOnly(FieldErrors.of(() -> CatalogDefinition.validate("lake", "delta", Map.of("location", "s3://acme"), "cac_1")),
                "cloudAccountId");
    }

    @ParameterizedTest
    @ValueSource(strings = {"s3://acme", "s3://acme/", "s3://acme-lake/a/b/c/", "s3://my.bucket.01/x", "s3://abc/tables=1/d@t"})
    void validate_whenS3LocationValid_passes(String location) {
        CatalogDefinition d = CatalogDefinition.validate("lake", "delta", Map.of("location", location), null);
        assertEquals(new CatalogConfig.TableLocation(location), d.config());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "acme/warehouse", "s3:/acme", "s3a://acme/x", "https://acme.s3.amazonaws.com/x",
            "s3://Acme/x", "s3://ab/x", "s3://-acme/x", "s3://acme-/x", "s3://ac..me/x", "s3://192.168.1.1/x",
            "s3://acme_lake/x", "s3://xn--acme/x", "s3://acme-s3alias/x", "s3:///x", "s3://acme//x", "s3://acme/x\ty"})
    void validate_whenS3LocationInvalid_namesLocation(String location) {
        assertOnly(FieldErrors.of(() -> CatalogDefinition.validate("lake", "iceberg", Map.of("location", location), null)),
                "config.location");
    }

    @Test
    void validate_whenBucketNameTooLong_namesLocation() {
        assertOnly(FieldErrors.of(() -> CatalogDefinition.validate("lake", "iceberg",
                Map.of("location", "s3://" + "a".repeat(64) + "/x"), null)), "config.location");
    }

    @Test
    void validate_whenLocationMissingOrNotString_namesLocation() {
        assertOnly(FieldErrors.of(() -> CatalogDefinition.validate("lake", "iceberg", Map.of(), null)), "config.location");
        assertOnly(FieldErrors.of(() -> CatalogDefinition.validate("lake", "iceberg", null, null)), "config.location");
        assertOnly(FieldErrors.of(() -> CatalogDefinition.validate("lake", "iceberg", Map.of("location", 42), null)),
                "config.location");
    }

    @Test
    void validate_whenGlue_readsCatalogIdAndRegion() {
        CatalogDefinition d = CatalogDefinition.validate("g", "glue", Map.of("catalogId", "111122223333", "region", "eu-west-1"), null);

        assertEquals(new CatalogConfig.Glue("111122223333", "eu-west-1"), d.config());
    }

    @Test
    void validate_whenGlueCatalogIdOrRegionBad_namesEach() {
        assertOnly(FieldErrors.of(() -> CatalogDefinition.validate("g", "glue",
                Map.of("catalogId", "1111-2222-3333", "region", "eu-west-1"), null)), "config.catalogId");
        assertOnly(FieldErrors.of(() -> CatalogDefinition.validate("g", "glue",
                Map.of("catalogId", "111122223333", "region", "moon-1"), null)), "config.region");
        var errors = FieldErrors.of(() -> CatalogDefinition.validate("g", "glue", Map.of(), null));
        FieldErrors.assertNames(errors, "config.catalogId");
        FieldErrors.assertNames(errors, "config.region");
    }

    @ParameterizedTest
    @ValueSource(strings = {"thrift://metastore:9083", "thrift://hms.internal.example.com:9083", "thrift://10.0.1.5:1",
            "thrift://a-b:65535"})
    void validate_whenThriftUriValid_passes(String uri) {
        assertEquals(new CatalogConfig.HiveMetastore(uri),
                CatalogDefinition.validate("h", "hive_metastore", Map.of("uri", uri), null).config());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "metastore:9083", "http://metastore:9083", "thrift://metastore", "thrift://metastore:0",
            "thrift://metastore:65536", "thrift://metastore:9083/db", "thrift://-bad:9083", "thrift://:9083",
            "thrift://meta store:9083", "thrift://user@metastore:9083"})
    void validate_whenThriftUriInvalid_namesUri(String uri) {
        assertOnly(FieldErrors.of(() -> CatalogDefinition.validate("h", "hive_metastore", Map.of("uri", uri), null)), "config.uri");
    }

    @Test
    void validate_whenManaged_requiresCloudAccountAndRegion() {
        CatalogDefinition d = CatalogDefinition.validate("m", "managed", Map.of("region", "eu-west-1"), "cac_1");
        assertEquals(new CatalogDefinition("m", CatalogKind.MANAGED, new CatalogConfig.Managed("eu-west-1"), "cac_1"), d);

        assertOnly(FieldErrors.of(() -> CatalogDefinition.validate("m", "managed", Map.of("region", "eu-west-1"), null)),
                "cloudAccountId");
        assertOnly(FieldErrors.of(() -> CatalogDefinition.validate("m", "managed", Map.of(), "cac_1")), "config.region");
    }

    @Test
    void validate_whenKindUnknownOrMissing_namesKind() {
        assertOnly(FieldErrors.of(() -> CatalogDefinition.validate("x", "ICEBERG", Map.of("location", "s3://abc"), null)), "kind");
        assertOnly(FieldErrors.of(() -> CatalogDefinition.validate("x", "unity", Map.of(), null)), "kind");
        assertOnly(FieldErrors.of(() -> CatalogDefinition.validate("x", null, Map.of(), null)), "kind");
    }

    @Test
    void validate_whenNameBadToo_namesBoth() {
        Map<String, Object> config = new HashMap<>();
        config.put("location", null);
        var errors = FieldErrors.of(() -> CatalogDefinition.validate("", "iceberg", config, null));

        FieldErrors.assertNames(errors, "name");
        FieldErrors.assertNames(errors, "config.location");
    }
}
