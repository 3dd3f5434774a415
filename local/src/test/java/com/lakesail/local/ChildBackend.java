package com.lakesail.local;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code LocalMain} in a child JVM, as it runs from the command line, its output collected by a daemon thread. */
final class ChildBackend {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);
    private static final Pattern LISTENING = Pattern.compile("LakeSail local backend listening on (http://127\\.0\\.0\\.1:\\d+)");

    private final Process process;
    private final BlockingQueue<String> lines;
    private final Thread drain;
    private final URI endpoint;

    private ChildBackend(Process process, BlockingQueue<String> lines, Thread drain) throws InterruptedException {
        this.process = process;
        this.lines = lines;
        this.drain = drain;
        this.endpoint = awaitEndpoint();
    }

    /** On a free port ({@code --port 0}) and {@code dataDirectory}, quiet, with {@code extra} flags. */
    static ChildBackend start(Path dataDirectory, String... extra) throws Exception {
        List<String> args = new ArrayList<>(List.of("--port", "0", "--data-dir", dataDirectory.toString(), "--quiet"));
        args.addAll(List.of(extra));
        return start(Map.of(), args.toArray(String[]::new));
    }

    static ChildBackend start(Map<String, String> environment, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), LocalMain.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().remove("LAKESAIL_PORT");
        builder.environment().remove("LAKESAIL_DATA_DIR");
        builder.environment().remove("LAKESAIL_SANDBOX_FAULTS");
        builder.environment().putAll(environment);
        Process process = builder.start();
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread drain = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = out.readLine()) != null; ) {
                    lines.add(line);
                }
            } catch (IOException e) {
                // The child was killed: its output ends here.
            }
        }, "local-main-output");
        drain.setDaemon(true);
        drain.start();
        try {
            return new ChildBackend(process, lines, drain);
        } catch (Exception | AssertionError e) {
            process.destroyForcibly();
            throw e;
        }
    }

    URI endpoint() {
        return endpoint;
    }

    /** Reads the child's output until it prints its endpoint, for at most {@link #START_TIMEOUT}. */
    private URI awaitEndpoint() throws InterruptedException {
        StringBuilder seen = new StringBuilder();
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            String line = lines.poll(100, TimeUnit.MILLISECONDS);
            if (line == null) {
                if (!process.isAlive() && !drain.isAlive() && lines.isEmpty()) {
                    break;
                }
                continue;
            }
            seen.append(line).append('\n');
            Matcher m = LISTENING.matcher(line);
            if (m.find()) {
                return URI.create(m.group(1));
            }
        }
        throw new AssertionError("LocalMain did not print its endpoint within " + START_TIMEOUT
                + " (alive: " + process.isAlive() + "); output:\n" + seen);
    }

    /** SIGKILL on Linux: no shutdown hook runs, as with kill -9. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        assertTrue(process.waitFor(30, TimeUnit.SECONDS), "the child JVM did not die");
    }

    /** SIGTERM, which runs the shutdown hooks as Ctrl-C's SIGINT does; returns the rest of the output. */
    String terminate() throws InterruptedException {
        // Through the handle: Process.destroy() would also close our end of the child's output.
        process.toHandle().destroy();
        assertTrue(process.waitFor(30, TimeUnit.SECONDS), "the child JVM did not stop on SIGTERM");
        drain.join(TimeUnit.SECONDS.toMillis(30));
        List<String> rest = new ArrayList<>();
        lines.drainTo(rest);
        return String.join("\n", rest);
    }

    int exitCode() {
        return process.exitValue();
    }
}
