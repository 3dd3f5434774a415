package com.lakesail.backend.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.lakesail.backend.domain.Wire;
import com.lakesail.backend.domain.job.Compute;
import com.lakesail.backend.domain.job.Entrypoint;
import com.lakesail.backend.domain.job.Job;
import com.lakesail.backend.domain.job.JobDefinition;
import com.lakesail.backend.domain.job.JobParameter;
import com.lakesail.backend.domain.job.JobRun;
import com.lakesail.backend.domain.job.JobRunStatus;
import com.lakesail.backend.domain.job.JobVersion;
import com.lakesail.backend.domain.job.JobSchedule;
import com.lakesail.backend.domain.job.JobTrigger;
import com.lakesail.backend.domain.job.ResultPreview;
import com.lakesail.backend.domain.job.RunTrigger;
import com.lakesail.backend.domain.job.ScheduleConcurrency;
import com.lakesail.backend.domain.job.StatusChange;
import com.lakesail.backend.domain.job.TerminationCode;
import com.lakesail.backend.service.job.JobRunService;
import com.lakesail.backend.service.job.RunLogs;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * Jobs, versions, runs and run logs as the REST contract shows them; absent values are JSON nulls,
 * so a client sees every field. A run is a lifecycle object ({@code status, statusReason, stage,
 * progress, createdAt, updatedAt, version}); its stage is the status it is in, or the one it stopped in.
 */
final class JobViews {
    private JobViews() {
    }

    static boolean handles(Object result) {
        return result instanceof Job || result instanceof JobVersion || result instanceof JobRun
                || result instanceof JobRunService.RunDetails || result instanceof RunLogs.LogsPage;
    }

    static JsonNode render(Object result) {
        if (result instanceof Job job) {
            return job(job);
        } else if (result instanceof JobVersion version) {
            return version(version);
        } else if (result instanceof JobRun run) {
            return run(run);
        } else if (result instanceof JobRunService.RunDetails details) {
            ObjectNode node = run(details.run());
            node.set("result", details.result().map(JobViews::result).orElse(null));
            return node;
        }
        return logs((RunLogs.LogsPage) result);
    }

    private static ObjectNode job(Job j) {
        ObjectNode node = Json.object().put("id", j.id()).put("name", j.name()).put("description", j.description())
                .put("teamId", j.teamId()).put("status", Wire.name(j.status())).put("liveVersion", j.liveVersion())
                .put("draftVersion", j.draftVersion()).put("latestVersion", j.latestVersion());
        node.set("schedule", j.schedule() == null ? null : schedule(j.schedule()));
        node.put("nextRunAt", time(j.nextRunAt()));
        return node.put("createdAt", j.createdAt().toString()).put("updatedAt", j.updatedAt().toString())
                .put("version", j.version());
    }

    private static ObjectNode version(JobVersion v) {
        ObjectNode node = Json.object().put("jobId", v.jobId()).put("versionNumber", v.number())
                .put("status", Wire.name(v.status())).put("basedOn", v.basedOn());
        node.set("definition", definition(v.definition()));
        return node.put("createdBy", v.createdBy()).put("createdAt", v.createdAt().toString())
                .put("promotedAt", v.promotedAt() == null ? null : v.promotedAt().toString()).put("version", v.version());
    }

    static ObjectNode definition(JobDefinition d) {
        ObjectNode node = Json.object().put("clusterId", d.clusterId());
        ArrayNode catalogs = node.putArray("catalogIds");
        d.catalogIds().forEach(catalogs::add);
        Entrypoint e = d.entrypoint();
        ObjectNode entrypoint = node.putObject("entrypoint").put("type", Wire.name(e.type()));
        if (e.statements() != null) {
            ArrayNode statements = entrypoint.putArray("statements");
            e.statements().forEach(statements::add);
        }
        if (e.queryId() != null) {
            entrypoint.put("queryId", e.queryId());
        }
        if (e.mainClass() != null) {
            entrypoint.put("location", e.location()).put("mainClass", e.mainClass());
            ArrayNode arguments = entrypoint.putArray("arguments");
            e.arguments().forEach(arguments::add);
        }
        ArrayNode parameters = node.putArray("parameters");
        for (JobParameter p : d.parameters()) {
            ObjectNode param = parameters.addObject().put("name", p.name()).put("type", Wire.name(p.type()));
            param.set("default", Json.MAPPER.valueToTree(p.defaultValue()));
        }
        ObjectNode conf = node.putObject("sparkConf");
        d.sparkConf().forEach(conf::put);
        Compute c = d.compute();
        ObjectNode compute = node.putObject("compute");
        compute.putObject("driver").put("cpu", c.driver().cpu()).put("memoryGiB", c.driver().memoryGiB());
        compute.putObject("worker").put("cpu", c.worker().cpu()).put("memoryGiB", c.worker().memoryGiB());
        compute.put("maxWorkers", c.maxWorkers());
        node.put("timeoutSeconds", d.timeoutSeconds());
        node.putObject("retries").put("maxAttempts", d.retries().maxAttempts())
                .put("intervalSeconds", d.retries().intervalSeconds()).put("onTimeout", Wire.name(d.retries().onTimeout()));
        node.set("schedule", d.schedule() == null ? null : schedule(d.schedule()));
        ArrayNode triggers = node.putArray("triggers");
        d.triggers().forEach(t -> triggers.add(trigger(t)));
        return node;
    }

    private static ObjectNode schedule(JobSchedule s) {
        ObjectNode node = Json.object().put("cron", s.cron()).put("timezone", s.timezone())
                .put("concurrency", Wire.name(s.concurrency()));
        if (s.concurrency() == ScheduleConcurrency.ALLOW) {
            node.put("maxConcurrentRuns", s.maxConcurrentRuns());
        }
        return node;
    }

    private static ObjectNode trigger(JobTrigger t) {
        ObjectNode node = Json.object().put("type", Wire.name(t.type()));
        switch (t.type()) {
            case S3 -> node.put("bucket", t.bucket()).put("prefix", t.prefix()).put("suffix", t.suffix())
                    .put("minSecondsBetweenRuns", t.minSecondsBetweenRuns())
                    .put("waitAfterLastChangeSeconds", t.waitAfterLastChangeSeconds());
            case EVENT -> node.set("pattern", Json.parseObject(t.pattern()));
            case JOB_RUN -> {
                node.put("jobId", t.jobId());
                ArrayNode states = node.putArray("states");
                t.states().forEach(st -> states.add(Wire.name(st)));
            }
        }
        return node;
    }

    private static ObjectNode run(JobRun r) {
        ObjectNode node = Json.object().put("id", r.id()).put("jobId", r.jobId()).put("versionNumber", r.versionNumber());
        ObjectNode trigger = node.putObject("trigger").put("type", Wire.name(r.trigger().type()))
                .put("runId", r.trigger().runId()).put("scheduledAt", time(r.trigger().scheduledAt()));
        RunTrigger.TriggerEvent event = r.trigger().event();
        if (event == null) {
            trigger.putNull("event");
        } else {
            trigger.putObject("event").put("id", event.id()).put("source", event.source())
                    .put("detailType", event.detailType()).put("subject", event.subject());
        }
        node.put("attempt", r.attempt()).put("retryOf", r.trigger().runId()).put("retriedBy", r.retriedBy());
        if (r.query() == null) {
            node.putNull("query");
        } else {
            node.putObject("query").put("queryId", r.query().queryId()).put("version", r.query().version())
                    .put("sql", r.query().sql());
        }
        node.set("parameters", Json.MAPPER.valueToTree(r.parameters()));
        node.put("status", Wire.name(r.status()))
                .put("statusReason", r.termination() == null ? null : r.termination().message())
                .put("stage", Wire.name(r.stoppedAt() != null ? r.stoppedAt() : r.status()))
                .put("progress", r.progress());
        ArrayNode history = node.putArray("statusHistory");
        for (StatusChange change : r.history()) {
            history.addObject().put("status", Wire.name(change.status())).put("at", change.at().toString());
        }
        if (r.termination() == null) {
            node.putNull("termination");
        } else {
            // The engine's error class of a failed entrypoint, as the runner reported it.
            String errorClass = r.termination().code() == TerminationCode.RUN_EXECUTION_ERROR && r.outcome() != null
                    ? r.outcome().errorClass() : null;
            node.putObject("termination").put("code", Wire.name(r.termination().code()))
                    .put("type", Wire.name(r.termination().type())).put("message", r.termination().message())
                    .put("errorClass", errorClass);
        }
        node.put("cancelRequested", r.cancelRequested());
        if (r.runnerProgress() == null) {
            node.putNull("runnerProgress");
        } else {
            node.putObject("runnerProgress").put("step", r.runnerProgress().step())
                    .put("steps", r.runnerProgress().steps()).put("message", r.runnerProgress().message());
        }
        ObjectNode metrics = node.putObject("metrics");
        ObjectNode phases = metrics.putObject("phaseMillis");
        for (Map.Entry<JobRunStatus, Duration> e : r.timeInStatus().entrySet()) {
            phases.put(Wire.name(e.getKey()), e.getValue().toMillis());
        }
        metrics.set("engine", Json.MAPPER.valueToTree(r.engineMetrics()));
        node.put("hasResult", r.hasResult()).put("createdBy", r.createdBy());
        return node.put("createdAt", r.createdAt().toString()).put("updatedAt", r.updatedAt().toString())
                .put("version", r.version());
    }

    private static ObjectNode result(ResultPreview p) {
        ObjectNode node = Json.object();
        ArrayNode columns = node.putArray("columns");
        p.columns().forEach(c -> columns.addObject().put("name", c.name()).put("type", c.type()));
        node.set("rows", Json.MAPPER.valueToTree(p.rows()));
        return node.put("truncated", p.truncated());
    }

    private static ObjectNode logs(RunLogs.LogsPage page) {
        ObjectNode node = Json.object();
        ArrayNode items = node.putArray("items");
        for (RunLogs.Line line : page.items()) {
            items.addObject().put("stream", line.stream()).put("time", time(line.at())).put("message", line.text());
        }
        if (page.nextToken() != null) {
            node.put("nextToken", page.nextToken());
        }
        return node;
    }

    private static String time(Instant at) {
        return at == null ? null : at.toString();
    }
}
