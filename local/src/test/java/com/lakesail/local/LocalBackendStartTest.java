package com.lakesail.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How the backend starts: the connection file before the port answers, and a failed start that leaves nothing. */
class LocalBackendStartTest {
    @TempDir
    Path directory;

    @Test
    void start_whenBootstrapping_writesTheConnectionFileOwnerOnlyBeforeThePortAnswers() throws Exception {
        int port;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path data = directory.resolve("data");
        Path file = data.resolve(LocalBootstrap.CONNECTION_FILE);
        HttpClient http = HttpClient.newHttpClient();
        URI probe = URI.create("http://127.0.0.1:" + port + "/v1/openapi.json");
        // Polls the port while the backend starts: the moment it first answers, the file must be there.
        CompletableFuture<Boolean> fileWhenFirstAnswered = CompletableFuture.supplyAsync(() -> {
            long deadline = System.nanoTime() + 60_000_000_000L;
            while (System.nanoTime() < deadline) {
                try {
                    http.send(HttpRequest.newBuilder(probe).build(), HttpResponse.BodyHandlers.discarding());
                    return Files.exists(file);
                } catch (Exception notYet) {
                    Thread.onSpinWait();
                }
            }
            return false;
        });

        try (LocalBackend backend = LocalBackend.builder().port(port).dataDirectory(data).bootstrapAtStart(true).start()) {
            assertTrue(fileWhenFirstAnswered.get(), "the port answered before the connection file was written");
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
            String endpoint = new ObjectMapper().readTree(file.toFile()).get("endpoint").asText();
            assertEquals(backend.endpoint().toString(), endpoint);
            assertEquals(backend.bootstrap().token(), new ObjectMapper().readTree(file.toFile()).get("token").asText());
        }
    }

    @Test
    void start_whenPortInUse_failsNamingItAndLeavesNoDirectoryFileOrThread() throws Exception {
        try (LocalBackend running = LocalBackend.builder().port(0).inMemory().start()) {
            Set<String> threadsBefore = threadNames();
            Path fresh = directory.resolve("fresh");
            Path existing = Files.createDirectory(directory.resolve("existing"));

            UncheckedIOException inFresh = assertThrows(UncheckedIOException.class,
                    () -> LocalBackend.builder().port(running.port()).dataDirectory(fresh).bootstrapAtStart(true).start());
            assertThrows(UncheckedIOException.class,
                    () -> LocalBackend.builder().port(running.port()).dataDirectory(existing).start());

            assertEquals("cannot start the local backend: port " + running.port() + " on 127.0.0.1 is in use, perhaps by "
                    + "another local backend; stop it or choose another port", inFresh.getMessage());
            assertFalse(Files.exists(fresh), "a failed start left " + fresh);
            try (var left = Files.list(existing)) {
                assertEquals(0, left.count(), "a failed start left files in " + existing);
            }
            Thread.sleep(200);
            Set<String> leaked = threadNames();
            leaked.removeAll(threadsBefore);
            assertTrue(leaked.stream().noneMatch(n -> n.startsWith("lakesail") || n.startsWith("qtp") || n.contains("sqlite")),
                    "threads left: " + leaked);
        }
    }

    private static Set<String> threadNames() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                .collect(Collectors.toSet());
    }
}
