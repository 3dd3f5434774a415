package com.lakesail.engine;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.SparkSession;

/**
 * One launcher for the whole test JVM. Its state directory is under {@code target/}, so the class
 * data archives trained by the first Sail of a build serve the later ones (and the next build).
 * Every child still running when the JVM ends is stopped.
 */
final class TestEngine {
    static final Path TARGET = Path.of(System.getProperty("lakesail.build.dir", "target")).toAbsolutePath();
    private static EngineLauncher launcher;

    private TestEngine() {
    }

    static synchronized EngineLauncher launcher() {
        if (launcher == null) {
            launcher = EngineLauncher.builder().stateDirectory(TARGET.resolve("engine-state")).build();
            Runtime.getRuntime().addShutdownHook(new Thread(launcher::close));
        }
        return launcher;
    }

    static Path newDirectory(String name) throws Exception {
        Path dir = TARGET.resolve("engine-tests").resolve(name + "-" + System.nanoTime());
        return Files.createDirectories(dir);
    }

    /** A Spark Connect client session, as any user's program would open one. */
    static SparkSession connect(String connectionString) {
        return SparkSession.builder().remote(connectionString).create();
    }

    static List<Object[]> rows(SparkSession spark, String sql) {
        List<Object[]> rows = new ArrayList<>();
        spark.sql(sql).collectAsList().forEach(r -> {
            Object[] values = new Object[r.length()];
            for (int i = 0; i < r.length(); i++) {
                values[i] = r.get(i);
            }
            rows.add(values);
        });
        return rows;
    }
}
