package com.lakesail.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged command line as a user runs it: {@code cli/target/lakesail/bin/lakesail} in child
 * processes, one of them {@code local up} serving the others.
 */
class LauncherIT {
    private static final Path LAUNCHER = Path.of("target/lakesail/bin/lakesail").toAbsolutePath();
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path work;
    @TempDir
    Path home;

    private record Ran(int status, String out, String err) {
    }

    private ProcessBuilder launcher(String... args) {
        List<String> command = new ArrayList<>(List.of(LAUNCHER.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(work.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("LAKESAIL_"));
        builder.environment().put("HOME", home.toString());
        return builder;
    }

    private Ran run(String... args) throws Exception {
        Process process = launcher(args).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
        byte[] out = process.getInputStream().readAllBytes();
        byte[] err = process.getErrorStream().readAllBytes();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS));
        return new Ran(process.exitValue(), new String(out, StandardCharsets.UTF_8), new String(err, StandardCharsets.UTF_8));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Test
    void launcher_whenLocalUpServes_otherCommandsFindItThroughItsConnectionFile() throws Exception {
        assertTrue(Files.isExecutable(LAUNCHER), LAUNCHER + " is not built");
        int port = freePort();
        Path log = work.resolve("up.log");
        Process up = launcher("local", "up", "--port", String.valueOf(port), "--quiet", "--sandbox-speed", "50")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            Path connection = work.resolve(".lakesail/local-backend.json");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            Ran orgs = null;
            while (System.nanoTime() < deadline && up.isAlive()) {
                if (Files.exists(connection)) {
                    orgs = run("orgs", "list", "--output", "json");
                    if (orgs.status() == 0) {
                        break;
                    }
                }
                Thread.sleep(200);
            }
            assertTrue(orgs != null && orgs.status() == 0, () -> "backend log:\n" + read(log));
            JsonNode list = JSON.readTree(orgs.out());
            assertTrue(list.isArray() && list.size() == 1, orgs::toString);
            assertEquals("local", list.get(0).get("name").asText());

            Ran version = run("--version");
            assertEquals(0, version.status());
            assertTrue(version.out().startsWith("lakesail "), version::toString);

            // A second backend on the same port fails clearly and leaves nothing behind.
            Path otherData = work.resolve("other-data");
            Ran second = run("local", "up", "--port", String.valueOf(port), "--data-dir", otherData.toString());
            assertEquals(ExitCode.FAILED, second.status(), second::toString);
            assertTrue(second.err().contains("port " + port + " on 127.0.0.1 is in use"), second::toString);
            assertFalse(Files.exists(otherData), "a failed start left " + otherData);
        } finally {
            up.destroy();
            assertTrue(up.waitFor(30, TimeUnit.SECONDS));
        }
        assertTrue(read(log).contains("LakeSail local backend stopped."), read(log));
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file) : "";
        } catch (IOException e) {
            return e.toString();
        }
    }
}
