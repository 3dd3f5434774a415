package com.lakesail.engine;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * A stand-in backend for the lifecycle test: starts a Sail and a runner (which waits for a Sail
 * that never comes, so it is surely alive when the backend is killed), prints their pids, and
 * waits to be killed. Args: state directory, log directory.
 */
public final class BackendMain {
    private BackendMain() {
    }

    public static void main(String[] args) throws Exception {
        // No class data archive: a trainer killed with its backend would only spend the test's time dumping one.
        EngineLauncher launcher = EngineLauncher.builder().stateDirectory(Path.of(args[0])).classDataSharing(false).build();
        Path logs = Path.of(args[1]);
        Sail sail = launcher.startSail(SailSpec.builder().id("orphan-sail").logDirectory(logs)
                .warehouseDirectory(logs.resolve("warehouse")).build());
        ChildProcess runner = launcher.startRunner(RunnerSpec.builder().id("orphan-runner").logDirectory(logs)
                .environment(Map.of("SPARK_REMOTE", "sc://localhost:" + unusedPort(), "LAKESAIL_CALLBACK_URL", "http://127.0.0.1:9/none",
                        "LAKESAIL_CALLBACK_TOKEN", "t", "LAKESAIL_RUN_SPEC",
                        "{\"entrypoint\":{\"type\":\"sql\",\"statements\":[\"SELECT 1\"]}}"))
                .build());
        sail.awaitReady(Duration.ofMinutes(3));
        System.out.println("pids " + sail.pid() + " " + runner.pid());
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }

    private static int unusedPort() throws java.io.IOException {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
