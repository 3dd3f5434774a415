package com.lakesail.engine;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A child JVM the launcher started (a Sail or a runner): its pid, its logs, its exit, and a stop
 * that always leaves no process behind.
 *
 * <p>A child stops by itself when its standard input closes; {@link #stop} closes it first (a
 * graceful stop: Spark shuts down, a runner reports nothing more), then sends SIGTERM, then
 * SIGKILL to it and anything it started. Because the OS closes that pipe when the backend dies,
 * even by kill -9, children never outlive their backend for long either.
 */
public final class ChildProcess {
    private static final Duration TERM_GRACE = Duration.ofSeconds(3);

    private final String kind;
    private final String id;
    private final Process process;
    private final Path logDirectory;
    private final LogFile stdout;
    private final LogFile stderr;
    private final CompletableFuture<Integer> exit;
    private final Duration defaultGrace;

    ChildProcess(String kind, String id, Process process, Path logDirectory, CompletableFuture<Integer> exit,
                 Duration defaultGrace) {
        this.kind = kind;
        this.id = id;
        this.process = process;
        this.logDirectory = logDirectory;
        this.stdout = new LogFile(stdoutFile(logDirectory, kind));
        this.stderr = new LogFile(stderrFile(logDirectory, kind));
        this.exit = exit;
        this.defaultGrace = defaultGrace;
    }

    /** Where a child of {@code kind} ({@code sail} or {@code runner}) writes its stdout in {@code logDirectory}. */
    public static Path stdoutFile(Path logDirectory, String kind) {
        return logDirectory.resolve(kind + ".stdout.log");
    }

    /** Where a child of {@code kind} writes its stderr in {@code logDirectory}. */
    public static Path stderrFile(Path logDirectory, String kind) {
        return logDirectory.resolve(kind + ".stderr.log");
    }

    /** {@code sail} or {@code runner}. */
    public String kind() {
        return kind;
    }

    public String id() {
        return id;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public Path logDirectory() {
        return logDirectory;
    }

    public LogFile stdout() {
        return stdout;
    }

    public LogFile stderr() {
        return stderr;
    }

    /** Completes with the exit code once the process is gone and the launcher has cleaned up after it. */
    public CompletableFuture<Integer> onExit() {
        return exit;
    }

    /** Waits for the exit code. */
    public int waitFor(Duration timeout) throws TimeoutException, InterruptedException {
        try {
            return exit.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new EngineException("waiting for " + kind + " " + id + " failed", e.getCause());
        }
    }

    /** {@link #stop(Duration)} with this child's usual grace period. */
    public void stop() {
        stop(defaultGrace);
    }

    /**
     * Stops the process and waits until it and its descendants are gone: standard input closed,
     * up to {@code grace} to exit by itself, then SIGTERM, then SIGKILL.
     */
    public void stop(Duration grace) {
        if (!process.isAlive()) {
            awaitCleanup();
            return;
        }
        List<ProcessHandle> descendants = process.descendants().toList();
        try {
            process.getOutputStream().close();
        } catch (IOException ignored) {
            // Already closed: the child is on its way out.
        }
        if (!exited(grace)) {
            process.destroy();
            if (!exited(TERM_GRACE)) {
                kill(descendants);
                return;
            }
        }
        descendants.forEach(ProcessHandle::destroyForcibly);
        awaitCleanup();
    }

    /** SIGKILL to the process and its descendants, then waits until they are gone. */
    public void kill() {
        kill(process.descendants().toList());
    }

    private void kill(List<ProcessHandle> descendants) {
        descendants.forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        boolean interrupted = false;
        while (true) {
            try {
                process.waitFor();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        awaitCleanup();
    }

    private boolean exited(Duration within) {
        try {
            return process.waitFor(within.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !process.isAlive();
        }
    }

    private void awaitCleanup() {
        try {
            exit.get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // The process is gone; only the bookkeeping after it failed or lagged.
        }
    }
}
