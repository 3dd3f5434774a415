package com.lakesail.cli.commands;

import com.lakesail.cli.Context;
import com.lakesail.cli.ExitCode;
import com.lakesail.cli.Output;
import com.lakesail.cli.Progress;
import com.lakesail.sdk.jobs.JobRun;
import com.lakesail.sdk.jobs.JobRunHandle;
import com.lakesail.sdk.jobs.LogLine;
import com.lakesail.sdk.jobs.ResultPreview;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * Waits for a run to end, telling each state change on standard error; with {@code follow}, prints
 * its log lines as they come (standard output in a table, standard error in {@code json}, whose
 * standard output is the ended run alone). Ends with 0 when the run succeeded and 1 otherwise.
 */
final class RunWatch {
    /** How often a run is read while watched: state changes show within this. */
    private static final Duration POLL = Duration.ofSeconds(1);

    private RunWatch() {
    }

    static int watch(Context context, JobRunHandle handle, boolean follow, Duration timeout) {
        Output out = context.output();
        Progress progress = context.progress("run " + handle.id());
        CompletableFuture<JobRun> ended = CompletableFuture.supplyAsync(() -> handle.waitUntilTerminal(w -> w.timeout(timeout)
                .initialDelay(POLL).maxDelay(POLL).onProgress(JobRunHandle.changes(run -> progress.event(state(run))))),
                RunWatch::daemon);
        Thread logs = null;
        if (follow) {
            PrintStream stream = out.json() ? out.err() : out.out();
            logs = new Thread(() -> {
                for (LogLine line : handle.followLogs()) {
                    stream.println(line.stream() + " | " + line.message());
                }
            }, "lakesail-logs");
            logs.setDaemon(true);
            logs.start();
        }
        JobRun run = await(ended);
        if (logs != null) {
            try {
                // Once the run has ended its log ends too: let the last lines out.
                logs.join(Duration.ofSeconds(10).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        progress.done();
        if (out.json()) {
            out.model(run);
        } else {
            printResult(out, run.result());
        }
        if (run.status().isSuccess()) {
            return ExitCode.OK;
        }
        out.note("lakesail: run " + run.id() + " ended " + run.status().value() + (run.termination() == null ? ""
                : ": " + run.termination().code().toString().toLowerCase(Locale.ROOT) + ": " + run.termination().message()));
        return ExitCode.FAILED;
    }

    static String state(JobRun run) {
        StringBuilder text = new StringBuilder(run.status().value());
        if (run.runnerProgress() != null && run.runnerProgress().message() != null) {
            text.append(", ").append(run.runnerProgress().message());
        }
        return text.toString();
    }

    private static JobRun await(CompletableFuture<JobRun> ended) {
        try {
            return ended.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the run", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw new CompletionException(e.getCause());
        }
    }

    private static void printResult(Output out, ResultPreview result) {
        if (result == null || result.columns().isEmpty()) {
            return;
        }
        List<String[]> rows = new ArrayList<>();
        rows.add(result.columns().stream().map(ResultPreview.Column::name).toArray(String[]::new));
        for (List<Object> row : result.cells()) {
            rows.add(row.stream().map(String::valueOf).toArray(String[]::new));
        }
        int[] widths = new int[rows.get(0).length];
        rows.forEach(r -> {
            for (int i = 0; i < r.length && i < widths.length; i++) {
                widths[i] = Math.max(widths[i], r[i].length());
            }
        });
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.length && i < widths.length; i++) {
                line.append(String.format("%-" + widths[i] + "s  ", row[i]));
            }
            out.out().println(line.toString().stripTrailing());
        }
        if (result.truncated()) {
            out.note("The result preview holds the first rows only.");
        }
    }

    private static void daemon(Runnable task) {
        Thread thread = new Thread(task, "lakesail-run-watch");
        thread.setDaemon(true);
        thread.start();
    }
}
