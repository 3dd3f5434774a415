package com.lakesail.engine.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SparkCatalogConfTest {
    private static final Path DATA = Path.of("/data/ls");

    @Test
    void local_whenIcebergAndDelta_mapsS3UnderTheDataDirectoryWithBothExtensions() {
        SparkCatalogConf conf = SparkCatalogConf.local(List.of(
                new CatalogRef("iceberg", "Sales Lake", Map.of("location", "s3://acme-lake/warehouse/")),
                new CatalogRef("delta", "deltas", Map.of("location", "s3://acme-delta"))), DATA);

        assertEquals(Map.of(
                "spark.sql.catalog.sales_lake", "org.apache.iceberg.spark.SparkCatalog",
                "spark.sql.catalog.sales_lake.type", "hadoop",
                "spark.sql.catalog.sales_lake.warehouse", "file:///data/ls/s3/acme-lake/warehouse",
                "spark.sql.catalog.spark_catalog", "org.apache.spark.sql.delta.catalog.DeltaCatalog",
                "spark.sql.warehouse.dir", "file:///data/ls/s3/acme-delta",
                "spark.sql.extensions", "io.delta.sql.DeltaSparkSessionExtension,"
                        + "org.apache.iceberg.spark.extensions.IcebergSparkSessionExtensions"), conf.sparkConf());
        assertEquals(Map.of("Sales Lake", "sales_lake", "deltas", "spark_catalog"), conf.sqlNames());
    }

    @Test
    void local_whenGlueOrHiveMetastore_failsFastNamingTheCatalog() {
        UnreachableCatalogException glue = assertThrows(UnreachableCatalogException.class, () -> SparkCatalogConf.local(
                List.of(new CatalogRef("glue", "prod", Map.of("catalogId", "123456789012", "region", "eu-west-1"))), DATA));
        assertTrue(glue.getMessage().contains("'prod' is an AWS Glue catalog"), glue.getMessage());
        UnreachableCatalogException hive = assertThrows(UnreachableCatalogException.class, () -> SparkCatalogConf.local(
                List.of(new CatalogRef("hive_metastore", "hms", Map.of("uri", "thrift://hms.internal:9083"))), DATA));
        assertTrue(hive.getMessage().contains("'hms' is a Hive metastore"), hive.getMessage());
    }

    @Test
    void local_whenManaged_isAnIcebergCatalogAtItsWarehouse() {
        SparkCatalogConf conf = SparkCatalogConf.local(List.of(new CatalogRef("managed", "main",
                Map.of("region", "eu-west-1", "warehouse", "s3://ls-main-123/warehouse"))), DATA);
        assertEquals("hadoop", conf.sparkConf().get("spark.sql.catalog.main.type"));
        assertEquals("file:///data/ls/s3/ls-main-123/warehouse", conf.sparkConf().get("spark.sql.catalog.main.warehouse"));
    }

    @Test
    void cluster_whenGlueHiveAndManaged_usesIcebergsGlueAndHiveCatalogs() {
        SparkCatalogConf conf = SparkCatalogConf.cluster(List.of(
                new CatalogRef("glue", "prod", Map.of("catalogId", "123456789012", "region", "eu-west-1")),
                new CatalogRef("hive_metastore", "hms", Map.of("uri", "thrift://hms.internal:9083")),
                new CatalogRef("managed", "main", Map.of("region", "eu-west-1", "warehouse", "s3://ls-main-123/wh"))));

        Map<String, String> c = conf.sparkConf();
        assertEquals("org.apache.iceberg.aws.glue.GlueCatalog", c.get("spark.sql.catalog.prod.catalog-impl"));
        assertEquals("123456789012", c.get("spark.sql.catalog.prod.glue.id"));
        assertEquals("eu-west-1", c.get("spark.sql.catalog.prod.client.region"));
        assertEquals("hive", c.get("spark.sql.catalog.hms.type"));
        assertEquals("thrift://hms.internal:9083", c.get("spark.sql.catalog.hms.uri"));
        assertEquals("org.apache.iceberg.aws.glue.GlueCatalog", c.get("spark.sql.catalog.main.catalog-impl"));
        assertEquals("s3a://ls-main-123/wh", c.get("spark.sql.catalog.main.warehouse"));
        assertEquals("org.apache.iceberg.spark.extensions.IcebergSparkSessionExtensions", c.get("spark.sql.extensions"));
    }

    @Test
    void local_whenNamesClashOrTwoDeltaCatalogs_isRefused() {
        assertThrows(IllegalArgumentException.class, () -> SparkCatalogConf.local(List.of(
                new CatalogRef("iceberg", "Lake", Map.of("location", "s3://a-bucket/x")),
                new CatalogRef("iceberg", "lake!", Map.of("location", "s3://b-bucket/x"))), DATA));
        assertThrows(IllegalArgumentException.class, () -> SparkCatalogConf.local(List.of(
                new CatalogRef("delta", "one", Map.of("location", "s3://a-bucket/x")),
                new CatalogRef("delta", "two", Map.of("location", "s3://b-bucket/x"))), DATA));
        assertThrows(IllegalArgumentException.class, () -> SparkCatalogConf.local(List.of(
                new CatalogRef("iceberg", "lake", Map.of())), DATA));
    }

    @Test
    void sqlName_normalisesToASparkIdentifier() {
        assertEquals("sales_lake_2026", SparkCatalogConf.sqlName("  Sales-Lake (2026) "));
        assertEquals("c_2026_sales", SparkCatalogConf.sqlName("2026 sales"));
        assertThrows(IllegalArgumentException.class, () -> SparkCatalogConf.sqlName("!!!"));
    }
}
