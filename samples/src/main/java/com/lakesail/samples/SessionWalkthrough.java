package com.lakesail.samples;

import com.lakesail.engine.ChildProcess;
import com.lakesail.engine.EngineLauncher;
import com.lakesail.engine.RunnerSpec;
import com.lakesail.sdk.LakeSail;
import com.lakesail.sdk.infrastructure.Catalog;
import com.lakesail.sdk.jobs.ParameterType;
import com.lakesail.sdk.jobs.Row;
import com.lakesail.sdk.sessions.SavedQuery;
import com.lakesail.sdk.sessions.Session;
import com.lakesail.sdk.sessions.SessionHandle;
import com.lakesail.sdk.sessions.SessionToken;
import com.lakesail.sdk.sessions.StatementRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

/**
 * The sessions part of the walkthrough, on the cluster and catalog the infrastructure part made:
 * open a session (a real local Sail behind the session gate), write a small Iceberg table, save a
 * query and run it over the table, query a temporary view, connect the Spark Connect Java client with
 * a session token, and close the session.
 */
final class SessionWalkthrough {
    private static final Duration READY = Duration.ofMinutes(5);

    private SessionWalkthrough() {
    }

    static void run(LakeSail lakesail, EngineLauncher engine, Path dataDirectory, String clusterId, Catalog catalog) {
        // A catalog's SQL name: its name in lower case, other characters than [a-z0-9_] turned into '_'.
        String lake = catalog.name().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");

        Walkthrough.step("Open a session on the cluster with catalog " + catalog.name() + " (a live Sail of its own; idle 15 min closes it)");
        long start = System.nanoTime();
        try (SessionHandle session = lakesail.sessions().open(r -> r.clusterId(clusterId).catalogIds(catalog.id()))
                .waitUntilReady(READY)) {
            System.out.printf("  %s %s at %s after %.1f s%n", session.id(), session.session().status().value(),
                    session.session().endpoint(), (System.nanoTime() - start) / 1e9);

            Walkthrough.step("Write a small Iceberg table in the catalog");
            session.sql("CREATE NAMESPACE IF NOT EXISTS " + lake + ".demo");
            session.sql("CREATE TABLE IF NOT EXISTS " + lake + ".demo.sales (region string, amount bigint) USING iceberg");
            session.sql("INSERT INTO " + lake + ".demo.sales VALUES ('north', 10), ('south', 5), ('north', 7), ('east', 1)");
            System.out.printf("  %s.demo.sales: %s rows%n", lake,
                    session.sql("SELECT count(*) AS n FROM " + lake + ".demo.sales").iterator().next().getLong("n"));

            Walkthrough.step("Save a query with a parameter and run it over the table (parameters bind as :min, never by concatenation)");
            SavedQuery query = lakesail.queries().create(r -> r.name("sales-by-region-" + session.id())
                    .sql("SELECT region, sum(amount) AS total FROM " + lake + ".demo.sales WHERE amount >= :min"
                            + " GROUP BY region ORDER BY total DESC")
                    .parameter("min", ParameterType.BIGINT, 0));
            System.out.printf("  saved %s%n", query.id());
            for (Row row : session.sql(StatementRequest.query(query.id()).parameter("min", 5))) {
                System.out.printf("  %-6s %3d%n", row.getString("region"), row.getLong("total"));
            }

            Walkthrough.step("A temporary view lives in this session only");
            session.sql("CREATE OR REPLACE TEMP VIEW north AS SELECT * FROM " + lake + ".demo.sales WHERE region = 'north'");
            for (Row row : session.sql("SELECT count(*) AS n, sum(amount) AS total FROM north")) {
                System.out.printf("  north: %d sales, %d in all%n", row.getLong("n"), row.getLong("total"));
            }

            Walkthrough.step("Connect the Spark Connect Java client with a session token (the gate refuses any other)");
            SessionToken token = session.token(Duration.ofMinutes(15));
            System.out.printf("  %s/;token=<%d characters, valid until %s>%n", session.session().endpoint(),
                    token.token().length(), token.expiresAt());
            sparkConnectClient(engine, dataDirectory, token.connectionString(),
                    "SELECT region, count(*) AS sales FROM " + lake + ".demo.sales GROUP BY region ORDER BY region");

            Walkthrough.step("Close the session: its Sail stops");
            session.close();
            Session closed = session.waitUntilEnded(Duration.ofMinutes(1));
            System.out.printf("  %s %s: %s%n", closed.id(), closed.status().value(), closed.statusReason());
        }
    }

    /**
     * Runs {@code sql} with the Spark Connect Java client in a child JVM (the runner in {@code sql}
     * mode; Spark never joins this JVM) and prints its answer.
     */
    private static void sparkConnectClient(EngineLauncher engine, Path dataDirectory, String connectionString, String sql) {
        String id = "walkthrough-client-" + ProcessHandle.current().pid();
        Path logs = dataDirectory.resolve("clients").resolve(id);
        ChildProcess client = engine.startRunner(RunnerSpec.builder().id(id).logDirectory(logs)
                .environment("LAKESAIL_RUNNER_MODE", "sql").environment("SPARK_REMOTE", connectionString)
                .environment("LAKESAIL_SQL", "[\"" + sql.replace("\"", "\\\"") + "\"]").build());
        try {
            int exit = client.waitFor(Duration.ofMinutes(3));
            for (String line : Files.readAllLines(logs.resolve("runner.stdout.log"), StandardCharsets.UTF_8)) {
                if (line.startsWith("{")) {
                    System.out.println("  " + line);
                }
            }
            System.out.printf("  the client exited with %d%n", exit);
        } catch (IOException | java.util.concurrent.TimeoutException e) {
            client.kill();
            System.out.println("  the client did not answer: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            client.kill();
        }
    }
}
