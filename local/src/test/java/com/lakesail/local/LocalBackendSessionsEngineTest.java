package com.lakesail.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.lakesail.engine.EngineLauncher;
import com.lakesail.local.HttpApi.Response;
import com.lakesail.local.sandbox.SandboxTimings;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Sessions on the real local engine: a Sail and a session server per session, statements over REST. */
class LocalBackendSessionsEngineTest {
    private static final Path TARGET = Path.of(System.getProperty("lakesail.build.dir", "target")).toAbsolutePath();
    private static final OffsetClock CLOCK = new OffsetClock();
    private static EngineLauncher launcher;
    private static LocalBackend backend;
    private static SessionSteps steps;
    private static String first;
    private static String second;

    @BeforeAll
    static void start() throws Exception {
        Path data = Files.createDirectories(TARGET.resolve("sessions-engine-" + System.nanoTime()));
        launcher = EngineLauncher.builder().stateDirectory(TARGET.resolve("engine-state")).build();
        backend = LocalBackend.builder().port(0).dataDirectory(data).clock(CLOCK).engine(launcher)
                .sandboxTimings(SandboxTimings.instant()).start();
        steps = new SessionSteps(backend);
        first = steps.open(15);
        second = steps.openActive(15);
        steps.await(steps.path("/sessions/" + first), s -> s.path("status").asText().equals("active"), SessionSteps.SESSION_START);
    }

    @AfterAll
    static void stop() {
        if (backend != null) {
            backend.close();
        }
        if (launcher != null) {
            launcher.close();
        }
    }

    @Test
    void statement_whenSelectOne_returnsItsRowAtOnce() {
        JsonNode statement = steps.succeeded(first, "SELECT 1 AS n, 'x' AS s");

        assertEquals("[{\"name\":\"n\",\"type\":\"int\"},{\"name\":\"s\",\"type\":\"string\"}]",
                statement.path("result").path("columns").toString());
        assertEquals("[[1,\"x\"]]", statement.path("result").path("rows").toString());
    }

    @Test
    void tempView_whenCreatedInOneSession_isVisibleThereOnly() {
        steps.succeeded(first, "CREATE OR REPLACE TEMP VIEW only_here AS SELECT 42 AS answer");

        assertEquals("[[42]]", steps.succeeded(first, "SELECT answer FROM only_here").path("result").path("rows").toString());
        Response elsewhere = steps.statement(second, "SELECT answer FROM only_here");
        assertEquals("failed", elsewhere.json().path("status").asText(), elsewhere.toString());
        assertEquals("TABLE_OR_VIEW_NOT_FOUND", elsewhere.json().path("error").path("errorClass").asText());
    }
}
