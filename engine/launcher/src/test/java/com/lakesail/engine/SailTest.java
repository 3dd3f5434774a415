package com.lakesail.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lakesail.engine.catalog.CatalogRef;
import com.lakesail.engine.catalog.SparkCatalogConf;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.spark.SparkThrowable;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** One real Sail with an Iceberg and a Delta catalog, shared by the tests of this class. */
class SailTest {
    private static Path data;
    private static Sail sail;
    private static SparkSession spark;

    @BeforeAll
    static void start() throws Exception {
        data = TestEngine.newDirectory("sail");
        SparkCatalogConf catalogs = SparkCatalogConf.local(List.of(
                new CatalogRef("iceberg", "Lake", Map.of("location", "s3://acme-lake/warehouse")),
                new CatalogRef("delta", "deltas", Map.of("location", "s3://acme-delta/tables"))), data);
        sail = TestEngine.launcher().startSail(SailSpec.builder().id("sail-test").catalogs(catalogs)
                .logDirectory(data.resolve("logs")).warehouseDirectory(data.resolve("warehouse")).build());
        sail.awaitReady(Duration.ofMinutes(3));
        spark = TestEngine.connect(sail.endpoint());
    }

    @AfterAll
    static void stop() throws Exception {
        if (spark != null) {
            spark.close();
        }
        if (sail != null) {
            sail.stop();
        }
    }

    @Test
    void startSail_whenReady_answersOnLoopbackWithLocalhostEndpoint() {
        assertTrue(sail.isAlive());
        assertEquals("sc://localhost:" + sail.port(), sail.endpoint());
        assertTrue(sail.startup().sparkMillis() > 0);
        assertArrayEquals(new Object[] {1}, TestEngine.rows(spark, "SELECT 1").get(0));
        assertTrue(sail.process().stdout().read(0, 1 << 16).lines().stream().anyMatch(l -> l.startsWith("LAKESAIL-SAIL-READY")));
    }

    @Test
    void sql_whenIcebergCatalogOnS3Location_writesUnderTheDataDirectory() {
        spark.sql("CREATE TABLE lake.sales.orders (id BIGINT, amount DECIMAL(10,2)) USING iceberg");
        spark.sql("INSERT INTO lake.sales.orders VALUES (1, 10.50), (2, 4.25), (3, 1.00)");
        List<Object[]> rows = TestEngine.rows(spark, "SELECT count(*), sum(amount) FROM lake.sales.orders");
        assertEquals(3L, rows.get(0)[0]);
        assertEquals(new java.math.BigDecimal("15.75"), rows.get(0)[1]);
        assertTrue(Files.isDirectory(data.resolve("s3/acme-lake/warehouse/sales/orders/metadata")));
    }

    @Test
    void sql_whenDeltaCatalog_writesDeltaTablesUnderItsLocation() {
        spark.sql("CREATE TABLE events (kind STRING, n INT) USING delta");
        spark.sql("INSERT INTO events VALUES ('a', 1), ('b', 2), ('a', 3)");
        List<Object[]> rows = TestEngine.rows(spark, "SELECT kind, sum(n) FROM events GROUP BY kind ORDER BY kind");
        assertArrayEquals(new Object[] {"a", 4L}, rows.get(0));
        assertArrayEquals(new Object[] {"b", 2L}, rows.get(1));
        assertTrue(Files.isDirectory(data.resolve("s3/acme-delta/tables/events/_delta_log")));
    }

    @Test
    void sql_withNamedParameters_bindsThemAsLiterals() {
        List<org.apache.spark.sql.Row> rows = spark.sql("SELECT :day AS day, :n + 1 AS next",
                Map.<String, Object>of("day", "2026-12-01' OR '1'='1", "n", 41)).collectAsList();
        assertEquals("2026-12-01' OR '1'='1", rows.get(0).getString(0));
        assertEquals(42, rows.get(0).getInt(1));
    }

    @Test
    void sql_whenTableMissing_failsWithTheEngineErrorClass() {
        Exception e = assertThrows(Exception.class, () -> spark.sql("SELECT * FROM nowhere").collectAsList());
        assertTrue(e instanceof SparkThrowable, e.getClass().getName());
        assertEquals("TABLE_OR_VIEW_NOT_FOUND", ((SparkThrowable) e).getCondition());
        assertTrue(e.getMessage().contains("nowhere"), e.getMessage());
    }

    @Test
    void stop_whenSailRuns_leavesNoProcess() throws Exception {
        Path dir = TestEngine.newDirectory("stop");
        Sail other = TestEngine.launcher().startSail(SailSpec.builder().id("stop-test").logDirectory(dir)
                .warehouseDirectory(dir.resolve("warehouse")).build());
        long pid = other.pid();
        other.stop();
        assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false));
        assertTrue(other.process().onExit().isDone());
        assertTrue(other.ready().isCompletedExceptionally() || other.ready().isDone());
    }
}
