package com.lakesail.backend.tasks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.lakesail.backend.domain.event.Event;
import com.lakesail.backend.domain.job.Compute;
import com.lakesail.backend.domain.job.JobRun;
import com.lakesail.backend.domain.job.JobRunStatus;
import com.lakesail.backend.domain.job.RunTrigger;
import com.lakesail.backend.domain.job.Termination;
import com.lakesail.backend.domain.job.TerminationCode;
import com.lakesail.backend.domain.session.Session;
import com.lakesail.backend.port.Condition;
import com.lakesail.backend.port.Events;
import com.lakesail.backend.port.Write;
import com.lakesail.backend.service.event.EventOutbox;
import com.lakesail.backend.service.infra.InfraRecords;
import com.lakesail.backend.service.job.JobRecords;
import com.lakesail.backend.service.session.SessionRecords;
import com.lakesail.backend.service.workflow.WorkflowOutbox;
import com.lakesail.backend.store.JobItems;
import com.lakesail.backend.store.SessionItems;
import com.lakesail.backend.testing.InMemoryStore;
import com.lakesail.backend.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The API function has no bus: the events of the changes it makes to a run or a session stay queued,
 * and the next task of its workflow publishes them as it ends, however it ends.
 */
class JobRunTasksEventsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ORG = "org_1";

    private final InMemoryStore store = new InMemoryStore();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final List<String> published = new ArrayList<>();
    private final Events bus = events -> events.forEach(e -> published.add(e.detail().get("state").toString()));
    private final WorkflowOutbox.Timing timing = new WorkflowOutbox.Timing(Duration.ofSeconds(60), Duration.ofMinutes(5), 3);
    /** The outbox and records as the API function has them: no bus. */
    private final EventOutbox apiOutbox = new EventOutbox(store, Optional.empty(), clock, timing);
    private final JobRecords api = new JobRecords(store, apiOutbox);
    private final EventOutbox taskOutbox = new EventOutbox(store, Optional.of(bus), clock, timing);
    private TaskDispatcher tasks;

    @BeforeEach
    void setUp() {
        Steps steps = new Steps(new InfraRecords(store), clock);
        tasks = new TaskDispatcher(new CloudAccountTasks(steps, null, new Orphans(store, clock)), new NetworkTasks(steps, null),
                new ClusterTasks(steps, null, null), new CatalogTasks(steps, null),
                new JobRunTasks(steps, new JobRecords(store, taskOutbox), null, null, null, null, null, null, null, null),
                new SessionTasks(steps, new SessionRecords(store, taskOutbox), null, null, null, null, null, null, null));
    }

    @Test
    void admit_whenTheApiCreatedTheRun_publishesTheRunsPendingEventAsWellAsItsOwn() {
        JobRun run = JobRun.create("jrn_1", ORG, "job_1", 1, RunTrigger.MANUAL, 1, Map.of(), "usr_1", clock.instant());
        Event created = api.stateChange(null, run);
        store.transact(List.of(Write.put(JobItems.run(run), Condition.notExists()), apiOutbox.record(created)));
        api.published(created);
        assertEquals(List.of(), published, "the API publishes nothing");

        tasks.dispatch(payload("jobRun.admit", "jrn_1"));
        assertEquals(List.of("ready", "pending"), published, "its own at once, then what the API left queued");
        clock.advance(Duration.ofMinutes(2));
        assertEquals(0, taskOutbox.publishDue(clock.instant(), 100), "settled: no reconciler pass publishes them again");
    }

    @Test
    void start_whenTheApiCancelledTheRunBeforeItHadCompute_publishesTheCancelEvenThoughTheStageStops() {
        JobRun run = JobRun.create("jrn_2", ORG, "job_1", 1, RunTrigger.MANUAL, 1, Map.of(), "usr_1", clock.instant());
        store.put(JobItems.run(run), Condition.notExists());
        tasks.dispatch(payload("jobRun.admit", "jrn_2"));
        published.clear();

        api.end(ORG, "jrn_2", r -> new JobRecords.Ending(JobRunStatus.CANCELLED,
                new Termination(TerminationCode.USER_CANCELED, "cancelled by usr_1 before it started")), clock.instant());
        assertEquals(List.of(), published);

        assertThrows(ResourceGoneException.class, () -> tasks.dispatch(payload("jobRun.start", "jrn_2")),
                "the workflow ends here (Superseded): no later task would publish it");
        assertEquals(List.of("cancelled"), published);
    }

    @Test
    void sessionStart_whenTheApiCreatedTheSession_publishesItsPendingEventEvenThoughTheStageFails() {
        Session session = Session.create("ses_1", ORG, "mbr_1", "usr_1", new Session.Definition("cls_gone", List.of(), 30,
                Compute.DEFAULT), clock.instant());
        SessionRecords apiSessions = new SessionRecords(store, apiOutbox);
        Event created = apiSessions.stateChange(null, session);
        store.transact(List.of(Write.put(SessionItems.session(session), Condition.notExists()), apiSessions.record(created)));
        apiSessions.published(created);
        assertEquals(List.of(), published, "the API publishes nothing");

        assertThrows(StageFailedException.class, () -> tasks.dispatch(
                JSON.createObjectNode().put("task", "session.start").put("orgId", ORG).put("generation", 1)
                        .put("sessionId", "ses_1")), "its cluster is gone");
        assertEquals(List.of("pending"), published);
    }

    private static JsonNode payload(String task, String runId) {
        return JSON.createObjectNode().put("task", task).put("orgId", ORG).put("generation", 1).put("runId", runId);
    }
}
