package com.lakesail.local;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.lakesail.backend.api.Route;
import com.lakesail.backend.domain.Permission;
import com.lakesail.local.AccessSteps.Joined;
import com.lakesail.local.HttpApi.Response;
import com.lakesail.local.sandbox.SandboxTimings;
import com.lakesail.local.workflow.ManualClock;
import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Who may define and run jobs: built-in roles, and developers scoped to a team. */
class LocalBackendJobAccessTest {
    private final ManualClock clock = new ManualClock(Instant.parse("2026-01-01T00:00:00Z"));
    private LocalBackend backend;
    private JobSteps steps;
    private AccessSteps access;

    @BeforeEach
    void start() {
        backend = LocalBackend.builder().port(0).inMemory().clock(clock).workflowWorkers(0)
                .sandboxTimings(SandboxTimings.instant()).workloadRuntime(new FakeWorkloadRuntime()).start();
        steps = new JobSteps(backend, clock);
        access = new AccessSteps(steps.api());
    }

    @AfterEach
    void stop() {
        backend.close();
    }

    @Test
    void router_whenJobRoutesAreListed_eachIsCataloguedAndEveryCataloguedOneIsRouted() {
        Set<String> catalogued = new TreeSet<>();
        for (Permission p : Permission.values()) {
            if (p.resource().equals("jobs") || p.resource().equals("job-runs")) {
                catalogued.addAll(p.routes());
            }
        }
        catalogued.addAll(Permission.CALLBACK_ROUTES);
        Set<String> routed = new TreeSet<>();
        for (Route route : backend.api().router().routes()) {
            if (route.template().matches("/v1/orgs/\\{orgId}/(jobs|job-runs).*") || route.template().startsWith("/v1/callbacks/")) {
                routed.add(route.method() + " " + route.template());
            }
        }
        assertEquals(catalogued, routed);
    }

    @Test
    void analyst_whenReadingRuns_isAllowedButCannotCreateRunCancelOrRetry() {
        String jobId = steps.job("report", steps.definition("SELECT 1"));
        String runId = steps.startRun(jobId);
        steps.runReady();
        Joined analyst = access.join(steps.owner, steps.org, "analyst");

        assertEquals(200, steps.api().get(steps.path("/job-runs/" + runId), analyst.token()).status());
        assertEquals(200, steps.api().get(steps.path("/job-runs/" + runId + "/logs"), analyst.token()).status());
        assertEquals(200, steps.api().get(steps.path("/job-runs?jobId=" + jobId), analyst.token()).status());
        assertEquals(200, steps.api().get(steps.path("/jobs/" + jobId), analyst.token()).status());
        HttpApi.assertError(steps.createJob(analyst.token(), "mine", steps.definition("SELECT 1")), 403, "AccessDenied");
        HttpApi.assertError(steps.run(analyst.token(), jobId, null), 403, "AccessDenied");
        HttpApi.assertError(steps.api().post(steps.path("/job-runs/" + runId + "/retry"), analyst.token(), null), 403,
                "AccessDenied");
        HttpApi.assertError(steps.api().post(steps.path("/job-runs/" + runId + "/cancel"), analyst.token(), null), 403,
                "AccessDenied");
    }

    @Test
    void developer_whenScopedToTeamA_editsAndRunsAsJobsButNotBs() {
        String teamA = access.createTeam(steps.owner, steps.org, "team-a");
        String teamB = access.createTeam(steps.owner, steps.org, "team-b");
        String jobA = teamJob("a-job", teamA);
        String jobB = teamJob("b-job", teamB);
        Joined dev = access.join(steps.owner, steps.org, "viewer");
        assertEquals(201, access.bind(steps.owner, steps.org, "developer", "member", dev.memberId(), teamA).status());

        Response renamed = steps.api().patch(steps.path("/jobs/" + jobA), dev.token(), "{\"name\":\"a-renamed\",\"version\":1}");
        assertEquals(200, renamed.status(), renamed.toString());
        HttpApi.assertError(steps.api().patch(steps.path("/jobs/" + jobB), dev.token(), "{\"name\":\"b2\",\"version\":1}"),
                403, "AccessDenied");
        Response runA = steps.run(dev.token(), jobA, null);
        assertEquals(201, runA.status(), runA.toString());
        HttpApi.assertError(steps.run(dev.token(), jobB, null), 403, "AccessDenied");
        String runId = runA.json().path("id").asText();
        assertEquals(202, steps.api().post(steps.path("/job-runs/" + runId + "/cancel"), dev.token(), null).status(),
                "the binding on the team covers the runs of its jobs");
        String runB = steps.startRun(jobB);
        HttpApi.assertError(steps.api().post(steps.path("/job-runs/" + runB + "/cancel"), dev.token(), null), 403,
                "AccessDenied");

        ObjectNode inA = HttpApi.JSON.createObjectNode().put("name", "new-a").put("teamId", teamA);
        inA.set("definition", steps.definition("SELECT 1"));
        assertEquals(201, steps.api().post(steps.path("/jobs"), dev.token(), inA.toString()).status());
        ObjectNode inB = inA.deepCopy().put("teamId", teamB);
        HttpApi.assertError(steps.api().post(steps.path("/jobs"), dev.token(), inB.toString()), 403, "AccessDenied");
        HttpApi.assertError(steps.createJob(dev.token(), "teamless", steps.definition("SELECT 1")), 403, "AccessDenied");
        HttpApi.assertError(steps.api().patch(steps.path("/jobs/" + jobA), dev.token(),
                "{\"teamId\":\"" + teamB + "\",\"version\":2}"), 403, "AccessDenied");
        HttpApi.assertError(steps.api().delete(steps.path("/jobs/" + jobB), dev.token()), 403, "AccessDenied");
        assertEquals(204, steps.api().delete(steps.path("/jobs/" + jobA), dev.token()).status());
    }

    @Test
    void developer_whenTheJobMovesToAnotherTeam_losesItWithIt() {
        String teamA = access.createTeam(steps.owner, steps.org, "team-a");
        String teamB = access.createTeam(steps.owner, steps.org, "team-b");
        String jobA = teamJob("moving", teamA);
        Joined dev = access.join(steps.owner, steps.org, "viewer");
        access.bind(steps.owner, steps.org, "developer", "member", dev.memberId(), teamA);
        assertEquals(201, steps.run(dev.token(), jobA, null).status());

        Response moved = steps.api().patch(steps.path("/jobs/" + jobA), steps.owner.token(),
                "{\"teamId\":\"" + teamB + "\",\"version\":1}");
        assertEquals(200, moved.status(), moved.toString());

        HttpApi.assertError(steps.run(dev.token(), jobA, null), 403, "AccessDenied");
    }

    private String teamJob(String name, String teamId) {
        ObjectNode body = HttpApi.JSON.createObjectNode().put("name", name).put("teamId", teamId);
        body.set("definition", steps.definition("SELECT 1"));
        Response created = steps.api().post(steps.path("/jobs"), steps.owner.token(), body.toString());
        assertEquals(201, created.status(), created.toString());
        assertEquals(teamId, created.json().path("teamId").asText());
        return created.json().path("id").asText();
    }
}
