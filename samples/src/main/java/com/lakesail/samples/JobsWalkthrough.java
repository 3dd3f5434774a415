package com.lakesail.samples;

import com.lakesail.sdk.LakeSail;
import com.lakesail.sdk.jobs.Compute;
import com.lakesail.sdk.jobs.Job;
import com.lakesail.sdk.jobs.JobDefinition;
import com.lakesail.sdk.jobs.JobParameter;
import com.lakesail.sdk.jobs.JobRun;
import com.lakesail.sdk.jobs.JobRunHandle;
import com.lakesail.sdk.jobs.JobRunStatus;
import com.lakesail.sdk.jobs.JobVersion;
import com.lakesail.sdk.jobs.LogLine;
import com.lakesail.sdk.jobs.ParameterType;
import com.lakesail.sdk.jobs.ResultPreview;
import com.lakesail.sdk.jobs.Row;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The jobs part of the walkthrough, on the cluster and Iceberg catalog the infrastructure part made:
 * a SQL job loads the sample orders into an Iceberg table and aggregates them (every run gets its own
 * local Sail, a real Spark Connect server); its stages, logs and result rows are printed; a second
 * version is promoted and run; then a failing job and a cancelled one.
 */
final class JobsWalkthrough {
    private static final Duration TIMEOUT = Duration.ofMinutes(5);
    private static final String SAMPLE = "orders.csv";
    /** Keeps a core busy far longer than the walkthrough waits: only the cancel ends it. */
    private static final String ENDLESS = "SELECT count(*) FROM range(100000000000) WHERE sha2(CAST(id AS STRING), 256) = 'x'";

    private JobsWalkthrough() {
    }

    static void run(LakeSail lakesail, String clusterId, String catalogId, String catalogName, Path dataDirectory) {
        Path orders = sample(dataDirectory);
        // A catalog's name in SQL: lower case, anything but [a-z0-9_] as '_'.
        String lake = catalogName.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");

        Walkthrough.step("Define a SQL job: load the sample orders into an Iceberg table, then total them by region");
        Job job = lakesail.jobs().create(r -> r.name("sales-" + lake).definition(d -> d.clusterId(clusterId).catalogIds(catalogId)
                .sql("CREATE OR REPLACE TEMPORARY VIEW orders_csv USING csv OPTIONS (path '" + orders.toUri()
                                + "', header 'true', inferSchema 'true')",
                        "CREATE NAMESPACE IF NOT EXISTS " + lake + ".shop",
                        "CREATE OR REPLACE TABLE " + lake + ".shop.orders USING iceberg AS SELECT * FROM orders_csv",
                        "SELECT region, count(*) AS orders, sum(amount) AS total FROM " + lake + ".shop.orders"
                                + " WHERE amount >= :min_amount GROUP BY region ORDER BY region")
                .parameter(JobParameter.of("min_amount", ParameterType.DOUBLE, 0))
                .compute(new Compute(new Compute.Size(1, null), null, null))));
        System.out.printf("  %s, version %d live; the sample is %s%n", job.id(), job.liveVersion(), orders);

        Walkthrough.step("Run it with min_amount = 100: a fresh local Sail, then the runner");
        JobRunHandle first = lakesail.jobs().run(r -> r.jobId(job.id()).parameter("min_amount", 100));
        JobRun run = await(first);
        printLogs(first);
        printResult(run);

        Walkthrough.step("Promote version 2 (orders per product, read from the table version 1 wrote) and run again");
        JobDefinition v1 = lakesail.jobs().version(job.id(), 1).definition();
        JobVersion v2 = lakesail.jobs().createVersion(r -> r.jobId(job.id()).definition(v1.toBuilder().parameters(List.of())
                .sql("SELECT product, sum(quantity) AS units, round(avg(amount), 2) AS average FROM " + lake + ".shop.orders"
                        + " GROUP BY product ORDER BY units DESC").build()));
        lakesail.jobs().promote(job.id(), v2.versionNumber());
        JobRun second = await(lakesail.jobs().run(r -> r.jobId(job.id())));
        System.out.printf("  run %s ran version %d%n", second.id(), second.versionNumber());
        printResult(second);

        Walkthrough.step("A failing job: the engine's error class and message end the run");
        Job broken = lakesail.jobs().create(r -> r.name("broken-" + lake).definition(d -> d.clusterId(clusterId)
                .catalogIds(catalogId).sql("SELECT * FROM " + lake + ".shop.no_such_table")));
        JobRun failed = await(lakesail.jobs().run(r -> r.jobId(broken.id())));
        System.out.printf("  %s: %s%n  %s%n", failed.status(), failed.termination().errorClass(),
                failed.statusReason().lines().findFirst().orElse(""));

        Walkthrough.step("A job cancelled while it runs: its Sail and runner stop");
        Job endless = lakesail.jobs().create(r -> r.name("endless-" + lake).definition(d -> d.clusterId(clusterId)
                .sql(ENDLESS).compute(new Compute(new Compute.Size(1, null), null, null))));
        JobRunHandle running = lakesail.jobs().run(r -> r.jobId(endless.id()));
        running.waitUntilTerminal(w -> w.timeout(TIMEOUT).initialDelay(Duration.ofMillis(200)).maxDelay(Duration.ofMillis(500))
                .successWhen(r -> r.status() == JobRunStatus.RUNNING || r.status().isTerminal()));
        System.out.println("  running; cancelling");
        JobRun cancelled = await(running.cancel());
        System.out.printf("  %s (%s)%n", cancelled.status(), cancelled.termination().code());
    }

    /** Waits for the run's end, printing each status it enters. */
    private static JobRun await(JobRunHandle handle) {
        long started = System.nanoTime();
        System.out.printf("  run %s:", handle.id());
        JobRun run = handle.waitUntilTerminal(TIMEOUT, r -> System.out.print(" " + r.status().toString().toLowerCase(Locale.ROOT)));
        System.out.printf("  (%.1f s)%n", (System.nanoTime() - started) / 1e9);
        return run;
    }

    /** The runner's lines: what it ran and how it went (the Sail's own lines are in the logs too). */
    private static void printLogs(JobRunHandle handle) {
        for (LogLine line : handle.logs()) {
            if (line.stream().equals("runner")) {
                System.out.println("  | " + line.message());
            }
        }
    }

    private static void printResult(JobRun run) {
        ResultPreview result = run.result();
        if (result == null) {
            System.out.println("  (no result) " + run.statusReason());
            return;
        }
        System.out.println("  " + result.columns().stream().map(c -> String.format("%-10s", c.name())).collect(Collectors.joining(" ")));
        for (Row row : result.rows()) {
            System.out.println("  " + row.values().stream().map(v -> String.format("%-10s", v)).collect(Collectors.joining(" ")));
        }
    }

    /** The sample data set, copied out of this jar to where the local Sail reads it. */
    private static Path sample(Path dataDirectory) {
        Path target = dataDirectory.toAbsolutePath().resolve("samples").resolve(SAMPLE);
        try (InputStream in = JobsWalkthrough.class.getResourceAsStream(SAMPLE)) {
            Files.createDirectories(target.getParent());
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy the sample data to " + target, e);
        }
    }
}
