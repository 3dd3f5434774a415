package com.lakesail.samples;

import com.lakesail.sdk.LakeSail;
import com.lakesail.sdk.events.Event;
import com.lakesail.sdk.infrastructure.AccessPolicy;
import com.lakesail.sdk.infrastructure.Catalog;
import com.lakesail.sdk.infrastructure.CatalogConfig;
import com.lakesail.sdk.infrastructure.CatalogKind;
import com.lakesail.sdk.infrastructure.CloudAccount;
import com.lakesail.sdk.infrastructure.Cluster;
import com.lakesail.sdk.infrastructure.Network;
import com.lakesail.sdk.jobs.Job;
import com.lakesail.sdk.jobs.JobRun;
import com.lakesail.sdk.jobs.JobSchedule;
import com.lakesail.sdk.jobs.JobTrigger;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Jobs that start themselves: one that runs when a CSV file lands in the local bucket folder
 * ({@code <data dir>/s3/<bucket>/incoming/}), one chained on its success, and a schedule; then the
 * state-change events the runs published. On AWS the same triggers listen to the bucket's S3 events,
 * which the customer's account forwards to LakeSail's event bus.
 */
final class TriggersWalkthrough {
    private static final Duration TIMEOUT = Duration.ofMinutes(5);
    private static final String BUCKET = "lakesail-walkthrough";

    private TriggersWalkthrough() {
    }

    static void run(LakeSail lakesail, Path dataDirectory) {
        long now = System.currentTimeMillis();
        String suffix = Long.toString(now % 1_000_000, 36);
        String awsAccountId = String.format("%012d", (now + 7) % 1_000_000_000_000L);

        Walkthrough.step("Somewhere for triggered jobs to run: an account, a network, a cluster and an Iceberg catalog");
        CloudAccount created = lakesail.cloudAccounts().create(r -> r.name("triggers-" + suffix).awsAccountId(awsAccountId));
        String roleArn = "arn:aws:iam::" + awsAccountId + ":role/lakesail-" + created.id().replace('_', '-');
        CloudAccount account = lakesail.cloudAccounts().attachRole(r -> r.cloudAccountId(created.id()).roleArn(roleArn))
                .waitUntilActive(TIMEOUT);
        Network network = lakesail.networks().create(r -> r.name("triggers-" + suffix).cloudAccountId(account.id())
                .region("us-east-1").cidr("10.43.0.0/16")).waitUntilActive(TIMEOUT);
        Cluster cluster = lakesail.clusters().create(r -> r.name("triggers-" + suffix).networkId(network.id())
                .accessPolicy(AccessPolicy.privateOnly())).waitUntilActive(TIMEOUT);
        Catalog lake = lakesail.catalogs().create(r -> r.name("triggers-" + suffix).kind(CatalogKind.ICEBERG)
                .config(CatalogConfig.tableLocation("s3://" + BUCKET + "/warehouse"))).waitUntilActive(TIMEOUT);
        System.out.printf("  cluster %s, catalog %s%n", cluster.id(), lake.id());

        Walkthrough.step("A job that runs when a CSV lands in s3://" + BUCKET + "/incoming/ (locally: a folder)");
        Job ingest = lakesail.jobs().create(r -> r.name("ingest-" + suffix).definition(d -> d.clusterId(cluster.id())
                .catalogIds(lake.id()).sql("SELECT 'a new sales file arrived' AS note")
                .trigger(JobTrigger.s3(s -> s.bucket(BUCKET).prefix("incoming/").suffix(".csv")))));
        Walkthrough.step("And one chained on its success");
        Job report = lakesail.jobs().create(r -> r.name("report-" + suffix).definition(d -> d.clusterId(cluster.id())
                .catalogIds(lake.id()).sql("SELECT 'the ingest succeeded' AS note")
                .trigger(JobTrigger.afterSuccessOf(ingest.id()))));
        System.out.printf("  %s runs on new objects, %s after each successful run of it%n", ingest.id(), report.id());

        Path csv = dataDirectory.resolve("s3").resolve(BUCKET).resolve("incoming").resolve("sales-" + suffix + ".csv");
        Walkthrough.step("Write " + csv + " and wait for the run it starts");
        write(csv, "region,amount\neu,120.50\nus,99.90\n");
        JobRun ingested = lakesail.jobRuns().handle(firstRun(lakesail, ingest.id()))
                .waitUntilTerminal(TIMEOUT, r -> System.out.printf("  %s %s%n", r.id(), r.status()));
        System.out.printf("  started by %s, ended %s%n", ingested.trigger().event().subject(), ingested.status());
        if (ingested.status().isSuccess()) {
            JobRun reported = lakesail.jobRuns().handle(firstRun(lakesail, report.id())).waitUntilTerminal(TIMEOUT);
            System.out.printf("  then %s ran, started by run %s: %s%n", report.name(), reported.trigger().event().subject(),
                    reported.status());
        } else {
            System.out.printf("  (%s: %s) so %s does not run%n", ingested.termination().code(),
                    ingested.termination().message(), report.name());
        }

        Walkthrough.step("The state changes the run published (the same JSON EventBridge gets on AWS)");
        for (Event e : lakesail.events().list(ingested.id())) {
            System.out.printf("  %s  %-17s → %s%n", e.time(), e.previousState() == null ? "(new)" : e.previousState(), e.state());
        }

        Walkthrough.step("A schedule: every night at 02:00 in Berlin, daylight saving included; paused, it does not fire");
        int v2 = lakesail.jobs().createVersion(r -> r.jobId(report.id()).definition(
                lakesail.jobs().version(report.id(), 1).definition().toBuilder()
                        .schedule(JobSchedule.cron("0 2 * * *", "Europe/Berlin")).build())).versionNumber();
        Job nightly = lakesail.jobs().promote(report.id(), v2);
        System.out.printf("  %s next runs at %s%n", nightly.name(), nightly.nextRunAt());
        Job paused = lakesail.jobs().pause(nightly.id());
        System.out.printf("  paused: next run %s%n", paused.nextRunAt() == null ? "none" : paused.nextRunAt());

        Walkthrough.step("Clean up");
        lakesail.jobs().delete(report.id());
        lakesail.jobs().delete(ingest.id());
        lakesail.catalogs().delete(lake.id());
        lakesail.clusters().delete(cluster.id()).waitUntilDestroyed(TIMEOUT);
        lakesail.networks().delete(network.id()).waitUntilDestroyed(TIMEOUT);
        lakesail.cloudAccounts().delete(account.id());
        System.out.println("  jobs deleted (their runs stay readable), infrastructure destroyed");
    }

    /** The first run of a job, once a trigger has started it. */
    private static String firstRun(LakeSail lakesail, String jobId) {
        Instant deadline = Instant.now().plus(TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            Optional<JobRun> run = lakesail.jobRuns().list(r -> r.jobId(jobId)).stream().findFirst();
            if (run.isPresent()) {
                return run.get().id();
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException("no run of " + jobId + " started within " + TIMEOUT);
    }

    private static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Path partial = file.resolveSibling("." + file.getFileName() + ".partial");
            Files.writeString(partial, text);
            // Written whole, then moved into place: the bucket sees one complete object, as an upload.
            Files.move(partial, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
