package com.lakesail.cli.commands;

import com.lakesail.cli.Context;
import com.lakesail.cli.ExitCode;
import com.lakesail.cli.Output.Column;
import com.lakesail.sdk.jobs.JobDefinition;
import com.lakesail.sdk.jobs.JobRunHandle;
import com.lakesail.sdk.jobs.ParameterType;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "jobs", description = "Jobs: versioned definitions of work on a cluster; run them, promote drafts, pause.",
        subcommands = JobsCommand.Versions.class)
public final class JobsCommand extends BaseCommand {
    static final List<Column> COLUMNS = List.of(Column.of("id"), Column.of("name"), Column.of("status"),
            Column.of("LIVE", "liveVersion"), Column.of("DRAFT", "draftVersion"), Column.of("teamId"), Column.of("updatedAt"));

    JobsCommand(Context context) {
        super(context);
    }

    @Command(name = "create", description = "Create a job from a file {name, description, teamId, definition}; "
            + "its version 1 is live at once. The definition's schedule and triggers make it start itself.")
    void create(@Option(names = {"-f", "--file"}, paramLabel = "FILE", required = true) Path file,
            @Option(names = "--name", description = "Instead of the file's name.") String name) {
        JobFile job = JobFile.read(file);
        out().model(lakesail().jobs().create(r -> r.name(name != null ? name : job.name()).description(job.description())
                .teamId(job.teamId()).definition(job.definition())));
    }

    @Command(name = "get", description = "Show a job.")
    void get(@Parameters(paramLabel = "JOB_ID") String id) {
        out().model(lakesail().jobs().get(id));
    }

    @Command(name = "list", description = "List the jobs (of a team).")
    void list(@Option(names = "--team", paramLabel = "TEAM_ID") String teamId, @Mixin ListOptions list) {
        out().list(limited(lakesail().jobs().list(r -> r.teamId(teamId).limit(list.pageSize())), list), COLUMNS);
    }

    @Command(name = "update", description = "Rename a job, change its description or move it to another team.")
    void update(@Parameters(paramLabel = "JOB_ID") String id, @Option(names = "--name") String name,
            @Option(names = "--description") String description, @Option(names = "--team", paramLabel = "TEAM_ID") String teamId,
            @Option(names = "--expected-version", paramLabel = "N") Long expected) {
        long version = expected != null ? expected : lakesail().jobs().get(id).version();
        out().model(lakesail().jobs().update(r -> r.jobId(id).name(name).description(description).teamId(teamId).version(version)));
    }

    @Command(name = "delete", description = "Delete a job; its active runs are cancelled, its runs stay readable.")
    void delete(@Parameters(paramLabel = "JOB_ID") String id) {
        lakesail().jobs().delete(id);
        out().result("Deleted job " + id + ".");
    }

    @Command(name = "promote", description = "Make a version live: runs started from now on pin it.")
    void promote(@Parameters(index = "0", paramLabel = "JOB_ID") String id,
            @Parameters(index = "1", paramLabel = "VERSION") int versionNumber) {
        out().model(lakesail().jobs().promote(id, versionNumber));
    }

    @Command(name = "pause", description = "Stop the job's automatic runs; manual runs still run.")
    void pause(@Parameters(paramLabel = "JOB_ID") String id) {
        out().model(lakesail().jobs().pause(id));
    }

    @Command(name = "resume", description = "Resume the job's automatic runs.")
    void resume(@Parameters(paramLabel = "JOB_ID") String id) {
        out().model(lakesail().jobs().resume(id));
    }

    @Command(name = "run", description = "Start a run of the live version.")
    int run(@Parameters(paramLabel = "JOB_ID") String id,
            @Option(names = {"-p", "--param"}, paramLabel = "NAME=VALUE", description = "A parameter; repeatable.")
            Map<String, String> parameters,
            @Mixin RunOptions options) {
        Map<String, Object> values = typed(id, parameters == null ? Map.of() : parameters);
        JobRunHandle handle = lakesail().jobs().run(r -> r.jobId(id).parameters(values));
        if (!options.watch()) {
            out().model(handle.run());
            return ExitCode.OK;
        }
        return RunWatch.watch(context, handle, options.follow, options.timeout);
    }

    /**
     * The API takes each parameter as its declared type's JSON value (5, not "5"): values typed on the
     * command line are converted by the live version's declarations. Undeclared ones go as text, for
     * the service to refuse by name.
     */
    private Map<String, Object> typed(String jobId, Map<String, String> values) {
        Map<String, Object> typed = new LinkedHashMap<>();
        if (values.isEmpty()) {
            return typed;
        }
        Map<String, ParameterType> declared = new LinkedHashMap<>();
        JobDefinition live = lakesail().jobs().version(jobId, lakesail().jobs().get(jobId).liveVersion()).definition();
        if (live.parameters() != null) {
            live.parameters().forEach(p -> declared.put(p.name(), p.type()));
        }
        values.forEach((name, text) -> typed.put(name, ParameterValues.typed(declared.getOrDefault(name, ParameterType.STRING),
                text, message -> new ParameterException(spec.commandLine(), "parameter " + name + " " + message))));
        return typed;
    }

    @Command(name = "versions", description = "A job's versions: list, get, create a draft from a file.")
    static final class Versions extends BaseCommand {
        static final List<Column> COLUMNS = List.of(Column.of("VERSION", "versionNumber"), Column.of("status"),
                Column.of("basedOn"), Column.of("createdBy"), Column.of("createdAt"), Column.of("promotedAt"));

        Versions(Context context) {
            super(context);
        }

        @Command(name = "list", description = "List a job's versions.")
        void list(@Parameters(paramLabel = "JOB_ID") String id, @Mixin ListOptions list) {
            out().list(limited(lakesail().jobs().versions(id), list), COLUMNS);
        }

        @Command(name = "get", description = "Show a version and its definition.")
        void get(@Parameters(index = "0", paramLabel = "JOB_ID") String id,
                @Parameters(index = "1", paramLabel = "VERSION") int versionNumber) {
            out().model(lakesail().jobs().version(id, versionNumber));
        }

        @Command(name = "create", description = "Create a draft from the definition in a job file; promote it to make it live.")
        void create(@Parameters(paramLabel = "JOB_ID") String id,
                @Option(names = {"-f", "--file"}, paramLabel = "FILE", required = true) Path file,
                @Option(names = "--based-on", paramLabel = "VERSION") Integer basedOn) {
            JobFile job = JobFile.read(file);
            out().model(lakesail().jobs().createVersion(r -> r.jobId(id).definition(job.definition()).basedOn(basedOn)));
        }
    }
}
