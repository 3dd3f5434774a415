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
import org.junit.jupiter.api.Assumptions;
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
            awaitBackend(up, log);
            Ran orgs = run("orgs", "list", "--output", "json");
            assertEquals(0, orgs.status(), orgs::toString);
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

    /**
     * The SQL prompt at a real terminal (a pseudo-terminal from util-linux's {@code script}), on the
     * real engine: Ctrl-C while a statement runs cancels it at once (not only after the answer the
     * prompt used to hold for 20 s), and the prompt takes the next statement.
     */
    @Test
    void sqlPrompt_whenCtrlCWhileAStatementRuns_cancelsItAndTakesTheNext() throws Exception {
        Path script = Path.of("/usr/bin/script");
        Assumptions.assumeTrue(Files.isExecutable(script), "no util-linux script(1) to give the prompt a terminal");
        assertTrue(Files.isExecutable(LAUNCHER), LAUNCHER + " is not built");
        Path log = work.resolve("up.log");
        Process up = launcher("local", "up", "--port", String.valueOf(freePort()), "--quiet", "--sandbox-speed", "50")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        Process prompt = null;
        try {
            awaitBackend(up, log);
            String account = id(run("accounts", "create", "--name", "aws", "--aws-account-id", "123456789012", "--output", "json"));
            Ran role = run("accounts", "attach-role", account, "--role-arn",
                    "arn:aws:iam::123456789012:role/lakesail-" + account.replace('_', '-'), "--wait");
            assertEquals(0, role.status(), role::toString);
            String network = id(run("networks", "create", "--name", "net", "--account", account, "--region", "eu-west-1",
                    "--cidr", "10.20.0.0/16", "--wait", "--output", "json"));
            String cluster = id(run("clusters", "create", "--name", "prod", "--network", network, "--wait", "--output", "json"));
            String session = id(run("sessions", "open", "--cluster", cluster, "--wait", "--output", "json"));

            ProcessBuilder builder = launcher().command(script.toString(), "-q", "-c",
                    "stty cols 160 rows 40; exec '" + LAUNCHER + "' sessions sql " + session, "/dev/null");
            builder.environment().put("SHELL", "/bin/sh");
            builder.environment().put("TERM", "xterm");
            prompt = builder.redirectErrorStream(true).start();
            StringBuffer screen = new StringBuffer();
            Process reading = prompt;
            Thread reader = new Thread(() -> {
                byte[] buffer = new byte[4096];
                try (var in = reading.getInputStream()) {
                    for (int n; (n = in.read(buffer)) >= 0; ) {
                        screen.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
                    }
                } catch (IOException ignored) {
                    // The prompt ended.
                }
            });
            reader.setDaemon(true);
            reader.start();
            var keys = prompt.getOutputStream();
            await(() -> text(screen).contains("sql> "), "the prompt", screen);

            keys.write("SELECT count(*) FROM range(100000000000) WHERE sha2(cast(id AS string), 256) = 'x';\r"
                    .getBytes(StandardCharsets.UTF_8));
            keys.flush();
            await(() -> "active".equals(status(session)), "the statement running", screen);
            Thread.sleep(500);
            keys.write(3);
            keys.flush();
            await(() -> text(screen).contains("cancelled"), "the cancel told", screen);

            keys.write("SELECT 40 + 2 AS answer;\r".getBytes(StandardCharsets.UTF_8));
            keys.flush();
            await(() -> text(screen).lines().anyMatch(l -> l.strip().equals("42")), "the next statement's row", screen);
            keys.write("exit\r".getBytes(StandardCharsets.UTF_8));
            keys.flush();
            assertTrue(prompt.waitFor(30, TimeUnit.SECONDS), () -> "the prompt did not leave:\n" + text(screen));
        } finally {
            if (prompt != null) {
                prompt.destroyForcibly();
            }
            up.destroy();
            assertTrue(up.waitFor(60, TimeUnit.SECONDS));
        }
    }

    private void awaitBackend(Process up, Path log) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline && up.isAlive()) {
            if (Files.exists(work.resolve(".lakesail/local-backend.json")) && run("me").status() == 0) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the backend did not answer; its log:\n" + read(log));
    }

    private String status(String session) {
        try {
            Ran got = run("sessions", "get", session, "--output", "json");
            return got.status() == 0 ? JSON.readTree(got.out()).path("status").asText() : got.toString();
        } catch (Exception e) {
            return e.toString();
        }
    }

    private static String id(Ran created) throws IOException {
        assertEquals(0, created.status(), created::toString);
        return JSON.readTree(created.out()).path("id").asText();
    }

    /** What the terminal shows, without its control sequences. */
    private static String text(StringBuffer screen) {
        return screen.toString().replaceAll("\u001b\\[[0-9;?]*[ -/]*[@-~]", "").replaceAll("\u001b[=>]", "").replace("\r", "");
    }

    private static void await(java.util.function.BooleanSupplier done, String what, StringBuffer screen)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(4);
        while (System.nanoTime() < deadline) {
            if (done.getAsBoolean()) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("waited in vain for " + what + "; the terminal shows:\n" + text(screen));
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file) : "";
        } catch (IOException e) {
            return e.toString();
        }
    }
}
