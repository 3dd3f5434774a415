package com.lakesail.backend.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.lakesail.backend.domain.ValidationException;
import com.lakesail.backend.domain.job.Compute;
import com.lakesail.backend.domain.job.Entrypoint;
import com.lakesail.backend.domain.job.JobDefinition;
import com.lakesail.backend.domain.job.JobParameter;
import com.lakesail.backend.domain.job.JobSchedule;
import com.lakesail.backend.domain.job.JobTrigger;
import com.lakesail.backend.domain.job.RunRetries;
import com.lakesail.backend.service.job.JobRunService;
import com.lakesail.backend.service.job.JobService;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.inject.Inject;

/**
 * The routes of jobs, their versions and their runs (permissions in the catalogue,
 * {@link com.lakesail.backend.domain.Permission}). Each parses its body strictly and calls one
 * service operation; the body is read after the caller is admitted, so another tenant's ids answer
 * 404 whatever the body.
 */
public final class JobRoutes implements RouteGroup {
    private static final String ORG = "/v1/orgs/{orgId}";

    private final JobService jobs;
    private final JobRunService runs;

    @Inject
    public JobRoutes(JobService jobs, JobRunService runs) {
        this.jobs = jobs;
        this.runs = runs;
    }

    @Override
    public void addTo(Router router) {
        String one = ORG + "/jobs/{jobId}";
        router.add(Route.create(ORG + "/jobs", call -> {
                    Body body = call.body();
                    JobService.Create request = new JobService.Create(body.string("name"), body.string("description"),
                            body.string("teamId"), definition(body.object("definition")));
                    body.done();
                    return jobs.create(call.principal(), call.path("orgId"), request, call.idempotency());
                }))
                .add(Route.get(ORG + "/jobs", call -> jobs.list(call.principal(), call.path("orgId"), call.query("teamId"),
                        call.page())))
                .add(Route.get(one, call -> jobs.get(call.principal(), call.path("orgId"), call.path("jobId"))))
                .add(Route.patch(one, call -> jobs.update(call.principal(), call.path("orgId"), call.path("jobId"), () -> {
                    Body body = call.body();
                    JobService.Update request = new JobService.Update(body.string("name"), body.string("description"),
                            body.string("teamId"), body.int64("version"));
                    body.done();
                    return request;
                })))
                .add(Route.delete(one, call -> {
                    jobs.delete(call.principal(), call.path("orgId"), call.path("jobId"));
                    return null;
                }))
                .add(Route.create(one + "/versions", call -> jobs.createVersion(call.principal(), call.path("orgId"),
                        call.path("jobId"), () -> {
                            Body body = call.body();
                            JobService.NewVersion request = new JobService.NewVersion(definition(body.object("definition")),
                                    body.int32("basedOn"));
                            body.done();
                            return request;
                        }, call.idempotency())))
                .add(Route.get(one + "/versions", call -> jobs.listVersions(call.principal(), call.path("orgId"),
                        call.path("jobId"), call.page())))
                .add(Route.get(one + "/versions/{versionNumber}", call -> jobs.getVersion(call.principal(),
                        call.path("orgId"), call.path("jobId"), call.path("versionNumber"))))
                .add(post(one + "/versions/{versionNumber}/promote", call -> jobs.promote(call.principal(),
                        call.path("orgId"), call.path("jobId"), call.path("versionNumber"))))
                .add(post(one + "/pause", call -> jobs.pause(call.principal(), call.path("orgId"), call.path("jobId"))))
                .add(post(one + "/resume", call -> jobs.resume(call.principal(), call.path("orgId"), call.path("jobId"))))
                .add(Route.create(one + "/runs", call -> runs.run(call.principal(), call.path("orgId"), call.path("jobId"),
                        () -> {
                            // A run without parameters may come without a body.
                            if (call.rawBody() == null || call.rawBody().isBlank()) {
                                return Map.of();
                            }
                            Body body = call.body();
                            Map<String, Object> parameters = body.scalarMap("parameters");
                            body.done();
                            return parameters;
                        }, call.idempotency())));
        jobRuns(router);
    }

    private void jobRuns(Router router) {
        String one = ORG + "/job-runs/{runId}";
        router.add(Route.get(ORG + "/job-runs", call -> runs.list(call.principal(), call.path("orgId"),
                        call.query("jobId"), call.query("status"), call.page())))
                .add(Route.get(one, call -> runs.get(call.principal(), call.path("orgId"), call.path("runId"))))
                .add(post(one + "/cancel", call -> new Accepted(runs.cancel(call.principal(), call.path("orgId"),
                        call.path("runId")))))
                .add(Route.create(one + "/retry", call -> runs.retry(call.principal(), call.path("orgId"),
                        call.path("runId"), call.idempotency())))
                .add(Route.get(one + "/logs", call -> runs.logs(call.principal(), call.path("orgId"), call.path("runId"),
                        call.query("nextToken"), integer(call.query("limit"), "limit"))));
    }

    private static Route post(String template, Route.Operation op) {
        return new Route("POST", template, true, false, op);
    }

    private static Integer integer(String text, String field) {
        if (text == null) {
            return null;
        }
        try {
            return Integer.valueOf(text);
        } catch (NumberFormatException e) {
            throw ValidationException.of(field, "must be an integer");
        }
    }

    /** A compute object ({@code {driver: {cpu, memoryGiB}, worker: {...}, maxWorkers}}), or null when absent. */
    static Compute.Input compute(Body c) {
        if (c == null) {
            return null;
        }
        Body driver = c.object("driver");
        Body worker = c.object("worker");
        return new Compute.Input(driver == null ? null : driver.int32("cpu"), driver == null ? null : driver.int32("memoryGiB"),
                worker == null ? null : worker.int32("cpu"), worker == null ? null : worker.int32("memoryGiB"),
                c.int32("maxWorkers"));
    }

    /** A definition object as the service validates it; null when absent (the service says it is required). */
    static JobDefinition.Input definition(Body d) {
        if (d == null) {
            return null;
        }
        Body e = d.object("entrypoint");
        Entrypoint.Input entrypoint = e == null ? null : new Entrypoint.Input(e.string("type"), e.strings("statements"),
                e.string("queryId"), e.string("location"), e.string("mainClass"), e.strings("arguments"));
        List<JobParameter.Input> parameters = null;
        List<Body> declared = d.objects("parameters");
        if (declared != null) {
            parameters = new ArrayList<>();
            for (Body p : declared) {
                parameters.add(new JobParameter.Input(p.string("name"), p.string("type"), p.scalar("default")));
            }
        }
        Compute.Input compute = compute(d.object("compute"));
        Body r = d.object("retries");
        RunRetries.Input retries = r == null ? null
                : new RunRetries.Input(r.int32("maxAttempts"), r.int32("intervalSeconds"), r.string("onTimeout"));
        Body s = d.object("schedule");
        JobSchedule.Input schedule = s == null ? null
                : new JobSchedule.Input(s.string("cron"), s.string("timezone"), s.string("concurrency"),
                s.int32("maxConcurrentRuns"));
        List<JobTrigger.Input> triggers = null;
        List<Body> declaredTriggers = d.objects("triggers");
        if (declaredTriggers != null) {
            triggers = new ArrayList<>();
            for (Body t : declaredTriggers) {
                JsonNode pattern = t.json("pattern");
                triggers.add(new JobTrigger.Input(t.string("type"), t.string("bucket"), t.string("prefix"),
                        t.string("suffix"), t.int32("minSecondsBetweenRuns"), t.int32("waitAfterLastChangeSeconds"),
                        pattern == null ? null : pattern.toString(), t.string("jobId"), t.strings("states")));
            }
        }
        return new JobDefinition.Input(d.string("clusterId"), d.strings("catalogIds"), entrypoint, parameters,
                d.stringMap("sparkConf"), compute, d.int32("timeoutSeconds"), retries, schedule, triggers);
    }
}
