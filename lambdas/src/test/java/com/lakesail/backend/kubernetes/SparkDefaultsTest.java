package com.lakesail.backend.kubernetes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.lakesail.backend.agent.protocol.AgentCommand.Catalog;
import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class SparkDefaultsTest {

    @Test
    void file_whenReadAsSparkReadsIt_givesBackEverySettingExactly() throws IOException {
        Map<String, String> settings = new TreeMap<>(Map.of(
                "spark.sql.catalog.lake.warehouse", "s3a://lakesail-lake/warehouse",
                "spark.app.tag", " leading space, = and : and # and ! and \\ and\nnewline and é and 日本",
                "spark.sql.shuffle.partitions", "8"));

        Properties read = new Properties();
        read.load(new StringReader(SparkDefaults.file(settings)));

        assertEquals(settings, new TreeMap<>(Map.copyOf((Map<String, String>) (Map<?, ?>) read)));
    }

    @Test
    void settings_whenTheVersionSetsWhatACatalogNeeds_letsTheCatalogWin() {
        Map<String, String> settings = SparkDefaults.settings(
                List.of(new Catalog("lake", "iceberg", Map.of("location", "s3://lakesail-lake/wh"))),
                Map.of("spark.sql.extensions", "com.acme.Mine", "spark.executor.memory", "2g"));

        assertEquals("org.apache.iceberg.spark.extensions.IcebergSparkSessionExtensions", settings.get("spark.sql.extensions"));
        assertEquals("2g", settings.get("spark.executor.memory"));
        assertEquals("s3a://lakesail-lake/wh", settings.get("spark.sql.catalog.lake.warehouse"));
    }

    @Test
    void settings_whenACatalogLacksItsLocation_refusesNamingIt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SparkDefaults.settings(List.of(new Catalog("lake", "iceberg", Map.of())), Map.of()));

        assertEquals("catalog 'lake' (iceberg) needs config.location", e.getMessage());
    }
}
