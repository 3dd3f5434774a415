package com.lakesail.local;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.lakesail.engine.ChildProcess;
import com.lakesail.engine.EngineLauncher;
import com.lakesail.engine.RunnerSpec;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The real Spark Connect Java client, as a user's program runs it, in a child JVM (the runner
 * program in {@code sql} mode): Spark never joins the backend's classpath. It connects with a
 * connection string (a session token in it) and runs statements, printing one JSON line each.
 */
final class SparkConnectClient {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicLong IDS = new AtomicLong();

    private SparkConnectClient() {
    }

    /** What the client printed: one line per statement it ran, or an error line, and its exit code. */
    record Outcome(int exit, List<JsonNode> lines) {
        boolean refused() {
            return exit != 0 && !lines.isEmpty() && lines.get(lines.size() - 1).has("error");
        }

        String error() {
            return lines.isEmpty() ? "(no output)" : lines.get(lines.size() - 1).path("error").toString();
        }
    }

    static Outcome run(EngineLauncher launcher, Path logs, String connectionString, int repeat, String... statements)
            throws Exception {
        String id = "client-" + ProcessHandle.current().pid() + "-" + IDS.incrementAndGet();
        Path dir = logs.resolve(id);
        ChildProcess client = launcher.startRunner(RunnerSpec.builder().id(id).logDirectory(dir)
                .environment("LAKESAIL_RUNNER_MODE", "sql").environment("SPARK_REMOTE", connectionString)
                .environment("LAKESAIL_SQL", JSON.writeValueAsString(statements))
                .environment("LAKESAIL_SQL_REPEAT", Integer.toString(repeat)).build());
        assertTrue(client.onExit().completeOnTimeout(null, 3, TimeUnit.MINUTES).get() != null, "the client did not finish");
        int exit = client.onExit().get();
        List<JsonNode> lines = new ArrayList<>();
        for (String line : Files.readAllLines(dir.resolve("runner.stdout.log"), StandardCharsets.UTF_8)) {
            if (line.startsWith("{")) {
                lines.add(JSON.readTree(line));
            }
        }
        return new Outcome(exit, lines);
    }
}
