package com.lakesail.cli.commands;

import com.lakesail.cli.Context;
import com.lakesail.cli.ExitCode;
import com.lakesail.cli.Output.Column;
import com.lakesail.sdk.jobs.JobRunHandle;
import com.lakesail.sdk.jobs.JobRunStatus;
import com.lakesail.sdk.jobs.LogLine;
import com.lakesail.sdk.jobs.RunLogs;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "runs", description = "Job runs: list, get, cancel, retry, logs.")
public final class RunsCommand extends BaseCommand {
    static final List<Column> COLUMNS = List.of(Column.of("id"), Column.of("jobId"), Column.of("VERSION", "versionNumber"),
            Column.of("status"), Column.of("TRIGGER", "trigger.type"), Column.of("attempt"), Column.of("createdAt"),
            Column.of("TERMINATION", "termination.code"));

    RunsCommand(Context context) {
        super(context);
    }

    @Command(name = "list", description = "List runs, newest first.")
    void list(@Option(names = "--job", paramLabel = "JOB_ID") String jobId,
            @Option(names = "--status", description = "pending, running, succeeded, failed, cancelled, timeout...") String status,
            @Mixin ListOptions list) {
        JobRunStatus filter = status == null ? null : choice(JobRunStatus.class, status, "--status");
        out().list(limited(lakesail().jobRuns().list(r -> r.jobId(jobId).status(filter).limit(list.pageSize())), list), COLUMNS);
    }

    @Command(name = "get", description = "Show a run: its states, termination, metrics and result preview.")
    void get(@Parameters(paramLabel = "RUN_ID") String id) {
        out().model(lakesail().jobRuns().get(id));
    }

    @Command(name = "cancel", description = "Cancel a run; whatever it created is cleaned up.")
    int cancel(@Parameters(paramLabel = "RUN_ID") String id, @Mixin RunOptions options) {
        JobRunHandle handle = lakesail().jobRuns().cancel(id);
        if (!options.watch()) {
            out().model(handle.run());
            return ExitCode.OK;
        }
        int status = RunWatch.watch(context, handle, options.follow, options.timeout);
        // Waiting for a cancel succeeds when the run ended cancelled.
        return lakesail().jobRuns().get(id).status() == JobRunStatus.CANCELLED ? ExitCode.OK : status;
    }

    @Command(name = "retry", description = "Start a new run of the same version with the same parameters.")
    int retry(@Parameters(paramLabel = "RUN_ID") String id, @Mixin RunOptions options) {
        JobRunHandle handle = lakesail().jobRuns().retry(id);
        if (!options.watch()) {
            out().model(handle.run());
            return ExitCode.OK;
        }
        return RunWatch.watch(context, handle, options.follow, options.timeout);
    }

    @Command(name = "logs", description = "Print a run's log lines (Sail's and the runner's); --follow waits for more until the run ends.")
    void logs(@Parameters(paramLabel = "RUN_ID") String id,
            @Option(names = {"-f", "--follow"}, description = "Keep printing new lines until the run ends.") boolean follow) {
        RunLogs lines = follow ? lakesail().jobRuns().followLogs(id) : lakesail().jobRuns().logs(id);
        for (LogLine line : lines) {
            out().line(line, line.stream() + " | " + line.message());
        }
    }
}
