package com.lakesail.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.lakesail.local.FakeWorkloadRuntime.Runner;
import com.lakesail.local.HttpApi.Account;
import com.lakesail.local.HttpApi.Response;
import com.lakesail.local.sandbox.SandboxTimings;
import com.lakesail.local.trigger.LocalBucketWatcher;
import com.lakesail.local.workflow.ManualClock;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Event triggers in a running local backend, over HTTP and with real files: objects created in the
 * local bucket folder, custom events put on the bus, and runs of other jobs; the events each run
 * publishes, and what another organization can see of them. The workflows run when the test says
 * (the fake runtime plays Sail and the runner); the bucket watcher is real and runs on its own.
 */
class LocalBackendTriggersTest {
    private static final Duration WATCHER = Duration.ofSeconds(15);

    @TempDir
    Path data;
    private final ManualClock clock = new ManualClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final FakeWorkloadRuntime runtime = new FakeWorkloadRuntime();
    private LocalBackend backend;
    private JobSteps steps;

    @BeforeEach
    void start() {
        backend = LocalBackend.builder().port(0).dataDirectory(data).clock(clock).workflowWorkers(0)
                .sandboxTimings(SandboxTimings.instant()).workloadRuntime(runtime).start();
        steps = new JobSteps(backend, clock);
    }

    @AfterEach
    void stop() {
        backend.close();
    }

    @Test
    void s3Trigger_whenFilesAreWrittenToTheBucketFolder_startsOneRunPerObjectUnderThePrefixWithTheSuffix() throws Exception {
        String jobId = steps.job("ingest", triggered(steps.definition("SELECT 1"), s3("acme-raw", "incoming/", ".csv")));
        Path bucket = data.resolve("s3/acme-raw");

        write(bucket.resolve("incoming/sales.csv"), "region,amount\neu,3\n");
        awaitRuns(jobId, 1);
        write(bucket.resolve("other/sales.csv"), "outside the prefix\n");
        write(bucket.resolve("incoming/notes.txt"), "outside the suffix\n");
        write(bucket.resolve("incoming/.sales.csv.swp"), "a writer's temporary file\n");
        write(data.resolve("s3/acme-other/incoming/x.csv"), "another bucket\n");
        clock.advance(Duration.ofSeconds(1));
        write(bucket.resolve("incoming/2026/more.csv"), "region,amount\nus,5\n");
        awaitRuns(jobId, 2);
        quiet();

        List<JsonNode> runs = runs(jobId);
        assertEquals(2, runs.size(), runs.toString());
        List<String> subjects = new ArrayList<>();
        runs.forEach(r -> subjects.add(r.path("trigger").path("event").path("subject").asText()));
        assertEquals(List.of("s3://acme-raw/incoming/2026/more.csv", "s3://acme-raw/incoming/sales.csv"), subjects);
        JsonNode run = runs.get(1);
        assertEquals("event", run.path("trigger").path("type").asText());
        assertEquals("aws.s3", run.path("trigger").path("event").path("source").asText());
        assertEquals("Object Created", run.path("trigger").path("event").path("detailType").asText());
        steps.runReady();
        assertEquals("succeeded", steps.status(run.path("id").asText()));
    }

    @Test
    void s3Trigger_whenTheSameObjectIsAnnouncedTwice_startsOneRun() throws Exception {
        String jobId = steps.job("once", triggered(steps.definition("SELECT 1"), s3("acme-raw", "", ".csv")));
        Path file = data.resolve("s3/acme-raw/day.csv");
        write(file, "a,b\n1,2\n");
        awaitRuns(jobId, 1);
        FileTime written = Files.getLastModifiedTime(file);

        // The same bytes and time again: the watcher announces it again, with the same identity.
        write(file, "a,b\n1,2\n");
        Files.setLastModifiedTime(file, written);
        quiet();
        // And EventBridge delivering one event twice.
        ObjectNode event = objectCreated("acme-raw", "day2.csv", "etag-1", "0001");
        backend.eventBus().put(event);
        backend.eventBus().put(event);
        awaitRuns(jobId, 2);
        quiet();

        assertEquals(2, runs(jobId).size(), runs(jobId).toString());
        // Rewritten with other bytes, it is a new object, and a new run.
        write(file, "a,b\n3,4\n");
        awaitRuns(jobId, 3);
    }

    @Test
    void s3Trigger_whenItWaitsAfterTheLastChange_gathersABurstIntoOneRun() {
        ObjectNode trigger = s3("acme-raw", "burst/", "").put("waitAfterLastChangeSeconds", 60);
        String jobId = steps.job("gathering", triggered(steps.definition("SELECT 1"), trigger));
        clock.set(Instant.parse("2026-06-01T10:00:00Z"));
        backend.eventBus().put(objectCreated("acme-raw", "burst/1", "e1", "01"));
        clock.set(Instant.parse("2026-06-01T10:00:30Z"));
        backend.eventBus().put(objectCreated("acme-raw", "burst/2", "e2", "02"));
        backend.eventBus().put(objectCreated("acme-raw", "burst/2", "e2", "02"));
        clock.set(Instant.parse("2026-06-01T10:01:20Z"));
        backend.fireSchedules();
        assertEquals(0, runs(jobId).size(), "the bucket was not quiet for a minute yet");
        backend.eventBus().put(objectCreated("acme-raw", "burst/3", "e3", "03"));

        clock.set(Instant.parse("2026-06-01T10:02:20Z"));
        backend.fireSchedules();

        List<JsonNode> runs = runs(jobId);
        assertEquals(1, runs.size(), runs.toString());
        assertEquals("s3://acme-raw/burst/1 and 2 more", runs.get(0).path("trigger").path("event").path("subject").asText());
        backend.fireSchedules();
        assertEquals(1, runs(jobId).size(), "owed once, started once");
    }

    @Test
    void s3Trigger_whenRunsMustBeSpaced_startsAtOnceThenGathersWhatComesWithinTheSpacingIntoOneLaterRun() {
        ObjectNode trigger = s3("acme-raw", "spaced/", "").put("minSecondsBetweenRuns", 300);
        String jobId = steps.job("spaced", triggered(steps.definition("SELECT 1"), trigger));
        clock.set(Instant.parse("2026-06-01T10:00:00Z"));
        backend.eventBus().put(objectCreated("acme-raw", "spaced/1", "e1", "01"));
        assertEquals(1, runs(jobId).size(), "the first object starts a run at once");

        clock.set(Instant.parse("2026-06-01T10:01:00Z"));
        backend.eventBus().put(objectCreated("acme-raw", "spaced/2", "e2", "02"));
        clock.set(Instant.parse("2026-06-01T10:02:00Z"));
        backend.eventBus().put(objectCreated("acme-raw", "spaced/3", "e3", "03"));
        clock.set(Instant.parse("2026-06-01T10:04:59Z"));
        backend.fireSchedules();
        assertEquals(1, runs(jobId).size(), "not 5 minutes since the last run yet");

        clock.set(Instant.parse("2026-06-01T10:05:00Z"));
        backend.fireSchedules();
        List<JsonNode> runs = runs(jobId);
        assertEquals(2, runs.size(), runs.toString());
        assertEquals("s3://acme-raw/spaced/2 and 1 more", runs.get(0).path("trigger").path("event").path("subject").asText());
        backend.fireSchedules();
        assertEquals(2, runs(jobId).size(), "owed once, started once");
    }

    @Test
    void eventTrigger_whenACustomEventMatches_startsOneRunAndANonMatchingOneNone() {
        ObjectNode trigger = HttpApi.JSON.createObjectNode().put("type", "event");
        ObjectNode pattern = trigger.putObject("pattern");
        pattern.putArray("source").add("com.acme.orders");
        pattern.putArray("detail-type").add("Order Batch Closed");
        pattern.putObject("detail").putArray("region").add("eu");
        String jobId = steps.job("orders", triggered(steps.definition("SELECT 1"), trigger));

        Response matched = putEvent(steps.owner.token(), steps.org, "batch-1", "com.acme.orders", "eu");
        assertEquals(201, matched.status(), matched.toString());
        assertEquals(1, matched.json().path("runs").size());
        assertEquals(jobId, matched.json().path("runs").path(0).path("jobId").asText());
        Response again = putEvent(steps.owner.token(), steps.org, "batch-1", "com.acme.orders", "eu");
        assertEquals(matched.json().path("runs").path(0).path("id"), again.json().path("runs").path(0).path("id"),
                "the same event twice starts one run");
        assertEquals(0, putEvent(steps.owner.token(), steps.org, "batch-2", "com.acme.orders", "us").json().path("runs").size());
        assertEquals(0, putEvent(steps.owner.token(), steps.org, "batch-3", "com.acme.billing", "eu").json().path("runs").size());
        assertEquals(1, runs(jobId).size());
        JsonNode run = runs(jobId).get(0);
        assertEquals("batch-1", run.path("trigger").path("event").path("id").asText());
        assertEquals("com.acme.orders", run.path("trigger").path("event").path("source").asText());

        // Another organization's event, however alike, starts nothing here.
        Account other = steps.api().signup();
        Response theirs = putEvent(other.token(), other.organizationId(), "batch-9", "com.acme.orders", "eu");
        assertEquals(201, theirs.status(), theirs.toString());
        assertEquals(0, theirs.json().path("runs").size());
        assertEquals(1, runs(jobId).size());
    }

    @Test
    void jobRunTrigger_whenTheUpstreamJobSucceeds_startsTheDownstreamJobAndWhenItFailsNot() {
        runtime.script("SELECT 'fails'", Runner.fail("DIVIDE_BY_ZERO", "[DIVIDE_BY_ZERO] Division by zero."));
        String upstream = steps.job("extract", steps.definition("SELECT 'works'"));
        String failing = steps.job("extract-broken", steps.definition("SELECT 'fails'"));
        String downstream = steps.job("load", triggered(steps.definition("SELECT 1"),
                HttpApi.JSON.createObjectNode().put("type", "job_run").put("jobId", upstream)));
        String notAfterFailure = steps.job("load-broken", triggered(steps.definition("SELECT 1"),
                HttpApi.JSON.createObjectNode().put("type", "job_run").put("jobId", failing)));

        String a = steps.startRun(upstream);
        String f = steps.startRun(failing);
        steps.runReady();

        assertEquals("succeeded", steps.status(a));
        assertEquals("failed", steps.status(f));
        List<JsonNode> chained = runs(downstream);
        assertEquals(1, chained.size(), chained.toString());
        assertEquals(a, chained.get(0).path("trigger").path("event").path("subject").asText());
        assertEquals("lakesail", chained.get(0).path("trigger").path("event").path("source").asText());
        assertEquals("succeeded", steps.status(chained.get(0).path("id").asText()), "B ran to its end as well");
        assertEquals(0, runs(notAfterFailure).size(), "B does not start when A fails");
        // The same state change delivered again (EventBridge delivers at least once) starts nothing more.
        JsonNode succeeded = steps.api().get(steps.path("/events?resource=" + a), steps.owner.token()).json().path("items").get(0);
        ObjectNode again = HttpApi.JSON.createObjectNode().put("version", "0").put("id", "redelivered")
                .put("source", succeeded.path("source").asText()).put("detail-type", succeeded.path("detailType").asText());
        again.set("detail", succeeded.path("detail"));
        assertEquals("succeeded", again.path("detail").path("state").asText());
        backend.eventBus().put(again);
        assertEquals(1, runs(downstream).size());
    }

    @Test
    void events_whenARunMoves_eachStateChangeIsListedWithItsDetailAndOnlyToItsOrganization() {
        String jobId = steps.job("observed", steps.definition("SELECT 1"));
        String runId = steps.startRun(jobId);
        steps.runReady();

        Response listed = steps.api().get(steps.path("/events?resource=" + runId), steps.owner.token());
        assertEquals(200, listed.status(), listed.toString());
        List<String> states = new ArrayList<>();
        List<String> previous = new ArrayList<>();
        for (JsonNode e : listed.json().path("items")) {
            assertEquals("lakesail", e.path("source").asText());
            assertEquals("LakeSail Job Run State Change", e.path("detailType").asText());
            JsonNode d = e.path("detail");
            assertEquals(steps.org, d.path("organizationId").asText());
            assertEquals(jobId, d.path("jobId").asText());
            assertEquals(runId, d.path("runId").asText());
            assertEquals(1, d.path("versionNumber").asInt());
            assertTrue(d.has("termination"), d.toString());
            states.add(0, d.path("state").asText());
            previous.add(0, d.path("previousState").isNull() ? null : d.path("previousState").asText());
        }
        assertEquals(List.of("pending", "ready", "starting", "creating_sail", "waiting_for_sail", "creating_runner",
                "running", "succeeded"), states, "every state change, newest first");
        assertEquals(null, previous.get(0));
        assertEquals("running", previous.get(7));
        JsonNode last = listed.json().path("items").get(0).path("detail");
        assertEquals("success", last.path("termination").path("code").asText(), last.toString());

        Response byJob = steps.api().get(steps.path("/events?resource=" + jobId + "&limit=3"), steps.owner.token());
        assertEquals(3, byJob.json().path("items").size(), byJob.toString());
        assertTrue(byJob.json().has("nextToken"), "paged");

        Account other = steps.api().signup();
        HttpApi.assertError(steps.api().get(InfraSteps.path(other.organizationId(), "/events?resource=" + runId),
                other.token()), 404, "ResourceNotFound");
        HttpApi.assertError(steps.api().get(InfraSteps.path(steps.org, "/events?resource=" + runId), other.token()),
                404, "ResourceNotFound");
        HttpApi.assertError(steps.api().get(steps.path("/events"), steps.owner.token()), 400, "ValidationError");
    }

    @Test
    void create_whenATriggerIsBad_answers400NamingTheField() {
        assertBad(s3("Bad_Bucket", "", ""), "definition.triggers[0].bucket");
        assertBad(s3("xn--bucket", "", ""), "definition.triggers[0].bucket");
        assertBad(s3("192.168.1.1", "", ""), "definition.triggers[0].bucket");
        assertBad(s3("ab", "", ""), "definition.triggers[0].bucket");
        assertBad(s3("acme..raw", "", ""), "definition.triggers[0].bucket");
        ObjectNode notAPattern = HttpApi.JSON.createObjectNode().put("type", "event");
        notAPattern.putObject("pattern").put("source", "com.acme.orders");
        Response refused = assertBad(notAPattern, "definition.triggers[0].pattern");
        assertTrue(refused.body().contains("is not a valid event pattern"), refused.toString());
        ObjectNode aws = HttpApi.JSON.createObjectNode().put("type", "event");
        aws.putObject("pattern").putArray("source").add("aws.s3");
        assertBad(aws, "definition.triggers[0].pattern");
        assertBad(HttpApi.JSON.createObjectNode().put("type", "job_run").put("jobId", "job_nope"), "definition.triggers[0].jobId");
        ObjectNode state = HttpApi.JSON.createObjectNode().put("type", "job_run").put("jobId", "job_nope");
        state.putArray("states").add("running");
        assertBad(state, "definition.triggers[0].states[0]");
        assertBad(HttpApi.JSON.createObjectNode().put("type", "webhook"), "definition.triggers[0].type");
        HttpApi.assertError(putEvent(steps.owner.token(), steps.org, "x", "aws.s3", "eu"), 400, "ValidationError");
    }

    // ---- helpers

    private static ObjectNode s3(String bucket, String prefix, String suffix) {
        return HttpApi.JSON.createObjectNode().put("type", "s3").put("bucket", bucket).put("prefix", prefix).put("suffix", suffix);
    }

    private static ObjectNode triggered(ObjectNode definition, ObjectNode trigger) {
        definition.putArray("triggers").add(trigger);
        return definition;
    }

    private Response assertBad(ObjectNode trigger, String field) {
        Response response = steps.createJob(steps.owner.token(), "bad-" + Math.abs(trigger.hashCode()),
                triggered(steps.definition("SELECT 1"), trigger));
        HttpApi.assertError(response, 400, "ValidationError");
        assertTrue(response.fields().contains(field), field + ": " + response);
        return response;
    }

    private Response putEvent(String token, String org, String id, String source, String region) {
        ObjectNode body = HttpApi.JSON.createObjectNode().put("id", id).put("source", source)
                .put("detailType", "Order Batch Closed");
        body.putObject("detail").put("region", region).put("orders", 12);
        return steps.api().post(InfraSteps.path(org, "/events"), token, body.toString());
    }

    private static ObjectNode objectCreated(String bucket, String key, String etag, String sequencer) {
        ObjectNode event = HttpApi.JSON.createObjectNode().put("version", "0").put("id", "ev-" + key + "-" + sequencer)
                .put("source", "aws.s3").put("detail-type", "Object Created").put("time", "2026-06-01T10:00:00Z");
        ObjectNode detail = event.putObject("detail");
        detail.putObject("bucket").put("name", bucket);
        detail.putObject("object").put("key", key).put("etag", etag).put("sequencer", sequencer);
        return event;
    }

    private List<JsonNode> runs(String jobId) {
        Response listed = steps.api().get(steps.path("/job-runs?jobId=" + jobId), steps.owner.token());
        assertEquals(200, listed.status(), listed.toString());
        List<JsonNode> out = new ArrayList<>();
        listed.json().path("items").forEach(out::add);
        return out;
    }

    /** The watcher works in real time: wait (bounded) until the job has {@code count} runs. */
    private void awaitRuns(String jobId, int count) throws InterruptedException {
        await(() -> runs(jobId).size() >= count, jobId + " to have " + count + " runs");
        assertEquals(count, runs(jobId).size());
    }

    /** Long enough for the watcher to have announced whatever it was going to. */
    private static void quiet() throws InterruptedException {
        Thread.sleep(3 * LocalBucketWatcher.QUIET_MILLIS);
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + WATCHER.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("waited " + WATCHER + " for " + what);
            }
            Thread.sleep(50);
        }
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}
