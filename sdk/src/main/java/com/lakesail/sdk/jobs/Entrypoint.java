package com.lakesail.sdk.jobs;

import java.util.List;

/**
 * What a run executes: SQL statements, run in order in one Spark session (the last query's rows are
 * the result preview), or a jar's main class, whose {@code SparkSession.builder().getOrCreate()}
 * reaches the run's Sail.
 *
 * <pre>{@code
 * Entrypoint sql = Entrypoint.sql("CREATE TABLE t AS SELECT * FROM src", "SELECT count(*) FROM t");
 * Entrypoint jar = Entrypoint.jar("s3://acme-jobs/etl.jar", "com.acme.Etl", "--day", "2026-12-01");
 * }</pre>
 *
 * @param statements the SQL statements, for {@link EntrypointType#SQL}
 * @param queryId a saved query, for {@link EntrypointType#SQL} (once saved queries exist)
 * @param location the jar ({@code s3://bucket/key}, a {@code file:} URI or an absolute path)
 */
public record Entrypoint(EntrypointType type, List<String> statements, String queryId, String location,
        String mainClass, List<String> arguments) {

    public Entrypoint {
        statements = statements == null ? null : List.copyOf(statements);
        arguments = arguments == null ? null : List.copyOf(arguments);
    }

    public static Entrypoint sql(String... statements) {
        return new Entrypoint(EntrypointType.SQL, List.of(statements), null, null, null, null);
    }

    public static Entrypoint sql(List<String> statements) {
        return new Entrypoint(EntrypointType.SQL, statements, null, null, null, null);
    }

    public static Entrypoint jar(String location, String mainClass, String... arguments) {
        return new Entrypoint(EntrypointType.JAR, null, null, location, mainClass, List.of(arguments));
    }
}
