package com.lakesail.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lakesail.engine.internal.ProcessRegistry;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Children never outlive their backend: kill -9 and restart, and pids the OS gave to others. */
class ProcessLifecycleTest {

    @Test
    void children_whenBackendIsKilled9_exitAndRestartReapsTheirRecords() throws Exception {
        Path state = TestEngine.newDirectory("killed-backend");
        Process backend = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), BackendMain.class.getName(),
                state.toString(), state.resolve("logs").toString())
                .redirectErrorStream(true).start();
        long sailPid;
        long runnerPid;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(backend.getInputStream(), StandardCharsets.UTF_8))) {
            String line = out.readLine();
            while (line != null && !line.startsWith("pids ")) {
                line = out.readLine();
            }
            assertTrue(line != null, "the backend never reported its children");
            String[] pids = line.split(" ");
            sailPid = Long.parseLong(pids[1]);
            runnerPid = Long.parseLong(pids[2]);
            assertTrue(alive(sailPid) && alive(runnerPid));

            backend.destroyForcibly().waitFor();
        }

        assertTrue(gone(sailPid, Duration.ofSeconds(60)), "the Sail outlived its backend");
        assertTrue(gone(runnerPid, Duration.ofSeconds(30)), "the runner outlived its backend");
        EngineLauncher restarted = EngineLauncher.builder().stateDirectory(state).build();
        Set<String> reaped = restarted.reapOrphans().stream().map(r -> r.kind() + ":" + r.id()).collect(Collectors.toSet());
        assertEquals(Set.of("sail:orphan-sail", "runner:orphan-runner"), reaped);
        assertEquals(List.of(), restarted.reapOrphans());
        restarted.close();
    }

    @Test
    void reapOrphans_whenAnotherLauncherLeftAChildRunning_killsIt() throws Exception {
        Path state = TestEngine.newDirectory("reap");
        EngineLauncher previous = EngineLauncher.builder().stateDirectory(state).classDataSharing(false).build();
        ChildProcess orphan = previous.startRunner(RunnerSpec.builder().id("jrn_orphan").logDirectory(state.resolve("logs"))
                .environment(Map.of("SPARK_REMOTE", "sc://localhost:9", "LAKESAIL_CALLBACK_URL", "http://127.0.0.1:9/x",
                        "LAKESAIL_CALLBACK_TOKEN", "t", "LAKESAIL_RUN_SPEC",
                        "{\"entrypoint\":{\"type\":\"sql\",\"statements\":[\"SELECT 1\"]}}"))
                .build());
        assertTrue(orphan.isAlive());

        List<ReapedProcess> reaped = EngineLauncher.builder().stateDirectory(state).build().reapOrphans();

        assertEquals(List.of(new ReapedProcess("runner", "jrn_orphan", orphan.pid(), true)), reaped);
        assertFalse(alive(orphan.pid()));
        orphan.onExit().get();
    }

    @Test
    void reapOrphans_whenThePidNowBelongsToAnotherProcess_leavesItAlone() throws Exception {
        Path state = TestEngine.newDirectory("reused-pid");
        Process stranger = new ProcessBuilder("sleep", "60").start();
        try {
            ProcessRegistry registry = new ProcessRegistry(state.resolve("processes"));
            ProcessRegistry.Entry entry = registry.record("sail", "ses_old", stranger.toHandle());
            // The same pid, but started at another time than the process the file was written for.
            Files.writeString(state.resolve("processes/sail-ses_old.pid"), Files.readString(state.resolve("processes/sail-ses_old.pid"))
                    .replace("startMillis=" + entry.startMillis(), "startMillis=" + (entry.startMillis() - 60_000)));
            // And the same start time, but a command line without our marker (sleep has none).
            registry.record("runner", "jrn_old", stranger.toHandle());

            List<ReapedProcess> reaped = EngineLauncher.builder().stateDirectory(state).build().reapOrphans();

            assertEquals(2, reaped.size());
            assertTrue(reaped.stream().noneMatch(ReapedProcess::wasLive));
            assertTrue(stranger.isAlive());
            assertEquals(List.of(), registry.entries());
        } finally {
            stranger.destroyForcibly().waitFor();
        }
    }

    private static boolean alive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    private static boolean gone(long pid, Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (alive(pid)) {
            if (System.nanoTime() > deadline) {
                ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
                return false;
            }
            Thread.sleep(50);
        }
        return true;
    }
}
