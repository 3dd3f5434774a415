package com.lakesail.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.lakesail.local.FakeWorkloadRuntime.Runner;
import com.lakesail.local.HttpApi.Response;
import com.lakesail.local.sandbox.SandboxTimings;
import com.lakesail.local.workflow.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Schedules on the local backend's virtual clock, over HTTP: the instants a schedule fires at across
 * daylight-saving changes, each concurrency policy, pausing and resuming, a repeated tick, and the
 * 400s of a bad schedule. The clock moves only when a test says; nothing sleeps.
 */
class LocalBackendSchedulesTest {
    private static final String HELD = "SELECT 'held'";
    /** How often a runner reports while it runs (the local run spec's heartbeat). */
    private static final Duration HEARTBEAT = Duration.ofSeconds(20);
    private final ManualClock clock = new ManualClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final FakeWorkloadRuntime runtime = new FakeWorkloadRuntime();
    private LocalBackend backend;
    private JobSteps steps;
    private final List<String> held = new ArrayList<>();

    @BeforeEach
    void start() {
        backend = LocalBackend.builder().port(0).inMemory().clock(clock).workflowWorkers(0)
                .sandboxTimings(SandboxTimings.instant()).workloadRuntime(runtime).start();
        steps = new JobSteps(backend, clock);
        runtime.script(HELD, Runner.held());
    }

    @AfterEach
    void stop() {
        backend.close();
    }

    @Test
    void schedule_whenBerlinChangesClocks_firesAtTheInstantsTheCronLibraryDefines() {
        clock.set(Instant.parse("2026-03-27T12:00:00Z"));
        String jobId = steps.job("nightly", scheduled(steps.definition("SELECT 1"), "0 2 * * *", "Europe/Berlin", "skip", null));
        assertEquals("2026-03-28T01:00:00Z", job(jobId).path("nextRunAt").asText(), "02:00 CET");

        // Spring forward (29 March, 02:00 → 03:00): 02:00 does not exist that day, so the library skips the day.
        expectTick(jobId, "2026-03-28T01:00:00Z");
        clock.set(Instant.parse("2026-03-29T12:00:00Z"));
        assertEquals(0, backend.fireSchedules(), "no 02:00 on the day clocks jump past it");
        assertEquals("2026-03-30T00:00:00Z", job(jobId).path("nextRunAt").asText(), "02:00 CEST");
        expectTick(jobId, "2026-03-30T00:00:00Z");
        expectTick(jobId, "2026-03-31T00:00:00Z");

        // The backend "was down" until October: the missed ticks are not run, the next one is.
        clock.set(Instant.parse("2026-10-23T12:00:00Z"));
        assertEquals(0, backend.fireSchedules(), "a tick months late is skipped, not run");
        assertEquals(3, scheduledRuns(jobId).size());
        // Fall back (25 October, 03:00 → 02:00): 02:00 happens twice and fires once, at the first (CEST).
        expectTick(jobId, "2026-10-24T00:00:00Z");
        expectTick(jobId, "2026-10-25T00:00:00Z");
        clock.set(Instant.parse("2026-10-25T01:00:00Z"));
        assertEquals(0, backend.fireSchedules(), "the repeated 02:00 (CET) does not fire again");
        expectTick(jobId, "2026-10-26T01:00:00Z");
        assertEquals(List.of("2026-03-28T01:00:00Z", "2026-03-30T00:00:00Z", "2026-03-31T00:00:00Z", "2026-10-24T00:00:00Z",
                "2026-10-25T00:00:00Z", "2026-10-26T01:00:00Z"), scheduledRuns(jobId));
        for (JsonNode run : steps.api().get(steps.path("/job-runs?jobId=" + jobId), steps.owner.token()).json().path("items")) {
            assertEquals("succeeded", run.path("status").asText(), run.toString());
            assertEquals("schedule", run.path("trigger").path("type").asText());
        }
    }

    @Test
    void skip_whenARunIsStillActive_recordsTheTickSkippedAndStartsNothing() {
        clock.set(Instant.parse("2026-05-01T00:00:00Z"));
        String jobId = steps.job("every5", scheduled(steps.definition(HELD), "*/5 * * * *", "UTC", "skip", null));
        String first = tick(jobId, "2026-05-01T00:05:00Z");
        assertEquals("running", steps.status(first));

        String second = tick(jobId, "2026-05-01T00:10:00Z");

        JsonNode skipped = steps.getRun(second);
        assertEquals("cancelled", skipped.path("status").asText(), skipped.toString());
        assertEquals("skipped", skipped.path("termination").path("code").asText());
        assertTrue(skipped.path("statusReason").asText().contains(first), skipped.toString());
        assertEquals("2026-05-01T00:10:00Z", skipped.path("trigger").path("scheduledAt").asText());
        assertTrue(!runtime.sailCreated(second), "a skipped tick starts no compute");
        assertEquals("running", steps.status(first), "the active run goes on");
    }

    @Test
    void replace_whenARunIsStillActive_cancelsItAndStartsTheNewOne() {
        clock.set(Instant.parse("2026-05-01T00:00:00Z"));
        String jobId = steps.job("replacing", scheduled(steps.definition(HELD), "*/5 * * * *", "UTC", "replace", null));
        String first = tick(jobId, "2026-05-01T00:05:00Z");

        String second = tick(jobId, "2026-05-01T00:10:00Z");

        JsonNode replaced = steps.getRun(first);
        assertEquals("cancelled", replaced.path("status").asText(), replaced.toString());
        assertTrue(replaced.path("statusReason").asText().contains("replaced by the run scheduled for 2026-05-01T00:10:00Z"),
                replaced.toString());
        assertTrue(runtime.deleted(first), "the replaced run's compute is cleaned up");
        assertEquals("running", steps.status(second));
    }

    @Test
    void allow_whenMaxConcurrentRunsAreActive_skipsTheTick() {
        clock.set(Instant.parse("2026-05-01T00:00:00Z"));
        String jobId = steps.job("two", scheduled(steps.definition(HELD), "*/5 * * * *", "UTC", "allow", 2));
        String first = tick(jobId, "2026-05-01T00:05:00Z");
        String second = tick(jobId, "2026-05-01T00:10:00Z");
        assertEquals("running", steps.status(first));
        assertEquals("running", steps.status(second));

        String third = tick(jobId, "2026-05-01T00:15:00Z");

        JsonNode skipped = steps.getRun(third);
        assertEquals("skipped", skipped.path("termination").path("code").asText(), skipped.toString());
        assertTrue(skipped.path("statusReason").asText().contains("maxConcurrentRuns: 2"), skipped.toString());
        assertEquals(204, runtime.succeed(first));
        steps.runReady();
        assertEquals("running", steps.status(tick(jobId, "2026-05-01T00:20:00Z")), "a slot is free again");
    }

    @Test
    void pause_whenATickComes_firesNothingButManualRunsRunAndResumeFiresFromTheNextTickOnly() {
        clock.set(Instant.parse("2026-05-01T00:00:00Z"));
        String jobId = steps.job("pausable", scheduled(steps.definition("SELECT 1"), "*/5 * * * *", "UTC", "skip", null));
        assertEquals(200, steps.api().post(steps.path("/jobs/" + jobId + "/pause"), steps.owner.token(), null).status());
        assertTrue(job(jobId).path("nextRunAt").isNull(), "a paused job does not fire");

        clock.set(Instant.parse("2026-05-01T00:05:00Z"));
        assertEquals(0, backend.fireSchedules());
        String manual = steps.startRun(jobId);
        steps.runReady();
        assertEquals("succeeded", steps.status(manual), "manual runs still work");

        clock.set(Instant.parse("2026-05-01T01:02:00Z"));
        Response resumed = steps.api().post(steps.path("/jobs/" + jobId + "/resume"), steps.owner.token(), null);
        assertEquals(200, resumed.status(), resumed.toString());
        assertEquals("2026-05-01T01:05:00Z", resumed.json().path("nextRunAt").asText());
        assertEquals(0, backend.fireSchedules(), "no burst of the ticks missed while paused");
        assertEquals(List.of(), scheduledRuns(jobId));
        expectTick(jobId, "2026-05-01T01:05:00Z");
        assertEquals(List.of("2026-05-01T01:05:00Z"), scheduledRuns(jobId));
    }

    @Test
    void tick_whenDeliveredTwice_startsOneRun() {
        clock.set(Instant.parse("2026-05-01T00:00:00Z"));
        String jobId = steps.job("once", scheduled(steps.definition(HELD), "*/5 * * * *", "UTC", "allow", 5));
        Instant at = Instant.parse("2026-05-01T00:05:00Z");
        clock.set(at);
        String first = backend.triggers().onSchedule(steps.org, jobId, at).orElseThrow().id();
        String again = backend.triggers().onSchedule(steps.org, jobId, at).orElseThrow().id();
        assertEquals(first, again);
        assertEquals(1, backend.fireSchedules(), "the scheduler's own tick for that time fires as well");
        JsonNode runs = steps.api().get(steps.path("/job-runs?jobId=" + jobId), steps.owner.token()).json().path("items");
        assertEquals(1, runs.size(), "the same tick three times, one run: " + runs);
        assertEquals(first, runs.get(0).path("id").asText());
    }

    @Test
    void promote_whenTheNewVersionHasAnotherSchedule_firesOnThatOneAndWithoutOneStops() {
        clock.set(Instant.parse("2026-05-01T00:00:00Z"));
        String jobId = steps.job("moving", scheduled(steps.definition("SELECT 1"), "0 * * * *", "UTC", "skip", null));
        assertEquals("2026-05-01T01:00:00Z", job(jobId).path("nextRunAt").asText());
        ObjectNode v2 = HttpApi.JSON.createObjectNode();
        v2.set("definition", scheduled(steps.definition("SELECT 1"), "30 * * * *", "UTC", "skip", null));
        assertEquals(201, steps.api().post(steps.path("/jobs/" + jobId + "/versions"), steps.owner.token(), v2.toString()).status());
        Response promoted = steps.api().post(steps.path("/jobs/" + jobId + "/versions/2/promote"), steps.owner.token(), null);
        assertEquals("2026-05-01T00:30:00Z", promoted.json().path("nextRunAt").asText(), promoted.toString());
        expectTick(jobId, "2026-05-01T00:30:00Z");

        ObjectNode v3 = HttpApi.JSON.createObjectNode();
        v3.set("definition", steps.definition("SELECT 1"));
        steps.api().post(steps.path("/jobs/" + jobId + "/versions"), steps.owner.token(), v3.toString());
        Response unscheduled = steps.api().post(steps.path("/jobs/" + jobId + "/versions/3/promote"), steps.owner.token(), null);
        assertTrue(unscheduled.json().path("nextRunAt").isNull(), unscheduled.toString());
        clock.set(Instant.parse("2026-05-01T01:30:00Z"));
        assertEquals(0, backend.fireSchedules());
    }

    @Test
    void create_whenTheScheduleIsBad_answers400NamingTheField() {
        assertBad(scheduled(steps.definition("SELECT 1"), "61 * * * *", "UTC", "skip", null), "definition.schedule.cron");
        assertBad(scheduled(steps.definition("SELECT 1"), "0 2 * *", "UTC", "skip", null), "definition.schedule.cron");
        assertBad(scheduled(steps.definition("SELECT 1"), "0 0 31 2 *", "UTC", "skip", null), "definition.schedule.cron");
        assertBad(scheduled(steps.definition("SELECT 1"), "0 0 1 * 1", "UTC", "skip", null), "definition.schedule.cron");
        assertBad(scheduled(steps.definition("SELECT 1"), "0 2 * * *", "Mars/Olympus_Mons", "skip", null),
                "definition.schedule.timezone");
        assertBad(scheduled(steps.definition("SELECT 1"), "0 2 * * *", "+02:00", "skip", null), "definition.schedule.timezone");
        assertBad(scheduled(steps.definition("SELECT 1"), "0 2 * * *", "UTC", "allow", 0),
                "definition.schedule.maxConcurrentRuns");
        assertBad(scheduled(steps.definition("SELECT 1"), "0 2 * * *", "UTC", "sometimes", null),
                "definition.schedule.concurrency");
        ObjectNode noDefault = scheduled(steps.definition("SELECT :day"), "0 2 * * *", "UTC", "skip", null);
        noDefault.putArray("parameters").addObject().put("name", "day").put("type", "date");
        assertBad(noDefault, "definition.parameters[0].default");
    }

    // ---- helpers

    private static ObjectNode scheduled(ObjectNode definition, String cron, String timezone, String concurrency,
                                        Integer maxConcurrentRuns) {
        ObjectNode s = definition.putObject("schedule").put("cron", cron).put("timezone", timezone)
                .put("concurrency", concurrency);
        if (maxConcurrentRuns != null) {
            s.put("maxConcurrentRuns", maxConcurrentRuns);
        }
        return definition;
    }

    private void assertBad(ObjectNode definition, String field) {
        Response response = steps.createJob(steps.owner.token(), "bad-" + field.hashCode() + "-" + definition.hashCode(),
                definition);
        HttpApi.assertError(response, 400, "ValidationError");
        assertTrue(response.fields().contains(field), field + ": " + response);
    }

    private JsonNode job(String jobId) {
        return steps.api().get(steps.path("/jobs/" + jobId), steps.owner.token()).json();
    }

    /** Moves the clock to {@code at}, fires the tick due then, runs the workflows; returns the run it made. */
    private String tick(String jobId, String at) {
        passTimeUntil(Instant.parse(at));
        assertEquals(1, backend.fireSchedules(), "a tick at " + at);
        steps.runReady();
        for (JsonNode run : steps.api().get(steps.path("/job-runs?jobId=" + jobId), steps.owner.token()).json().path("items")) {
            if (at.equals(run.path("trigger").path("scheduledAt").asText())) {
                String runId = run.path("id").asText();
                held.add(runId);
                return runId;
            }
        }
        throw new AssertionError("no run scheduled for " + at);
    }

    /**
     * Moves the clock to {@code until} as a held runner lives through it: every running run reports a
     * heartbeat each {@link #HEARTBEAT}, so only the schedule decides what happens to it.
     */
    private void passTimeUntil(Instant until) {
        while (clock.instant().isBefore(until)) {
            List<String> running = held.stream().filter(runId -> steps.status(runId).equals("running")).toList();
            Instant next = clock.instant().plus(HEARTBEAT);
            clock.set(running.isEmpty() || next.isAfter(until) ? until : next);
            running.forEach(runId -> assertEquals(204, runtime.heartbeat(runId), runId));
            steps.runReady();
        }
    }

    private void expectTick(String jobId, String at) {
        assertEquals("succeeded", steps.status(tick(jobId, at)));
    }

    /** The scheduled times of the job's runs, oldest first. */
    private List<String> scheduledRuns(String jobId) {
        List<String> times = new ArrayList<>();
        for (JsonNode run : steps.api().get(steps.path("/job-runs?jobId=" + jobId), steps.owner.token()).json().path("items")) {
            if (run.path("trigger").path("type").asText().equals("schedule")) {
                times.add(0, run.path("trigger").path("scheduledAt").asText());
            }
        }
        return times;
    }
}
