package com.lakesail.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.lakesail.local.HttpApi.Response;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code LocalMain} as it runs from the command line, in a child JVM. Acceptance: kill -9 it after
 * writes, restart it on the same data directory, and everything is there, the bootstrap token
 * included. Also: configuration from the environment, and a clean stop on SIGTERM (as on Ctrl-C).
 */
class LocalMainProcessTest {
    @TempDir
    Path dataDirectory;

    @Test
    void restart_whenKilledWithSigkillAfterWrites_keepsEveryWriteAndTheBootstrapToken() throws Exception {
        Map<String, String> orgNames = new HashMap<>();
        String bootstrapToken;
        String bootstrapOrg;
        String renamedOrg;
        String keptSecret;
        String revokedSecret;
        String keptTokenId;
        String revokedTokenId;

        ChildBackend first = ChildBackend.start(dataDirectory);
        try {
            JsonNode file = connectionFile();
            assertEquals(first.endpoint().toString(), file.path("endpoint").asText());
            bootstrapToken = file.path("token").asText();
            bootstrapOrg = file.path("organizationId").asText();
            HttpApi api = new HttpApi(first.endpoint());
            assertEquals(200, api.get("/v1/me", bootstrapToken).status());

            for (String name : List.of("alpha", "beta", "gamma")) {
                orgNames.put(api.createOrganization(bootstrapToken, name), name);
            }
            renamedOrg = orgNames.keySet().iterator().next();
            Response renamed = api.patch("/v1/orgs/" + renamedOrg, bootstrapToken, "{\"name\":\"renamed\",\"version\":1}");
            assertEquals(200, renamed.status(), renamed.toString());
            orgNames.put(renamedOrg, "renamed");
            Response kept = api.post("/v1/me/tokens", bootstrapToken, "{\"name\":\"kept\"}");
            Response revoked = api.post("/v1/me/tokens", bootstrapToken, "{\"name\":\"revoked\"}");
            keptSecret = kept.json().path("secret").asText();
            keptTokenId = kept.json().path("id").asText();
            revokedSecret = revoked.json().path("secret").asText();
            revokedTokenId = revoked.json().path("id").asText();
            assertEquals(204, api.delete("/v1/me/tokens/" + revokedTokenId, bootstrapToken).status());
        } finally {
            first.kill();
        }
        assertEquals(137, first.exitCode(), "the child died of SIGKILL, not a clean shutdown");

        ChildBackend second = ChildBackend.start(dataDirectory);
        try {
            HttpApi api = new HttpApi(second.endpoint());
            JsonNode file = connectionFile();
            assertEquals(bootstrapToken, file.path("token").asText(), "the bootstrap token is reused");
            assertEquals(bootstrapOrg, file.path("organizationId").asText());
            assertEquals(second.endpoint().toString(), file.path("endpoint").asText(), "the file names the new endpoint");
            assertEquals(200, api.get("/v1/me", bootstrapToken).status());

            for (Map.Entry<String, String> org : orgNames.entrySet()) {
                Response got = api.get("/v1/orgs/" + org.getKey(), bootstrapToken);
                assertEquals(200, got.status(), got.toString());
                assertEquals(org.getValue(), got.json().path("name").asText());
                assertEquals(org.getKey().equals(renamedOrg) ? 2 : 1, got.json().path("version").asLong(), org.getValue());
            }
            Response list = api.get("/v1/orgs", bootstrapToken);
            assertEquals(orgNames.size() + 1, list.json().path("items").size(), list.toString());

            assertEquals(200, api.get("/v1/me", keptSecret).status(), "a created token survives");
            HttpApi.assertError(api.get("/v1/me", revokedSecret), 401, "Unauthenticated");
            Map<String, String> statuses = new HashMap<>();
            api.get("/v1/me/tokens", bootstrapToken).json().path("items")
                    .forEach(t -> statuses.put(t.path("id").asText(), t.path("status").asText()));
            assertEquals("active", statuses.get(keptTokenId));
            assertEquals("revoked", statuses.get(revokedTokenId));
        } finally {
            second.kill();
        }
    }

    @Test
    void start_whenDataDirectoryFresh_writesAnOwnerOnlyConnectionFileWithAWorkingToken() throws Exception {
        ChildBackend backend = ChildBackend.start(dataDirectory);
        try {
            Path file = dataDirectory.resolve(LocalBootstrap.CONNECTION_FILE);
            assertEquals(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE), Files.getPosixFilePermissions(file));
            assertTrue(Files.isRegularFile(dataDirectory.resolve(LocalBackend.DATABASE_FILE)));
            JsonNode connection = connectionFile();
            assertNotEquals(LocalMain.DEFAULT_PORT, backend.endpoint().getPort(), "--port 0 picked a free port");
            Response me = new HttpApi(backend.endpoint()).get("/v1/me", connection.path("token").asText());
            assertEquals(200, me.status(), me.toString());
            assertEquals(connection.path("userId").asText(), me.json().path("user").path("id").asText());
        } finally {
            backend.kill();
        }
    }

    @Test
    void start_whenConfiguredByEnvironment_usesPortAndDataDirectoryFromIt() throws Exception {
        ChildBackend backend = ChildBackend.start(Map.of("LAKESAIL_PORT", "0", "LAKESAIL_DATA_DIR", dataDirectory.toString()), "--quiet");
        try {
            JsonNode connection = connectionFile();
            assertEquals(backend.endpoint().toString(), connection.path("endpoint").asText());
            assertEquals(200, new HttpApi(backend.endpoint()).get("/v1/me", connection.path("token").asText()).status());
        } finally {
            backend.kill();
        }
    }

    @Test
    void stop_whenTerminated_runsTheShutdownHookAndKeepsTheData() throws Exception {
        ChildBackend first = ChildBackend.start(dataDirectory);
        String orgId;
        String token;
        String output;
        try {
            token = connectionFile().path("token").asText();
            orgId = new HttpApi(first.endpoint()).createOrganization(token, "before-stop");
        } finally {
            output = first.terminate();
        }
        assertTrue(output.contains("LakeSail local backend stopped."), "output after SIGTERM:\n" + output);

        ChildBackend second = ChildBackend.start(dataDirectory);
        try {
            assertEquals(200, new HttpApi(second.endpoint()).get("/v1/orgs/" + orgId, token).status());
        } finally {
            second.kill();
        }
    }

    private JsonNode connectionFile() throws IOException {
        return HttpApi.JSON.readTree(dataDirectory.resolve(LocalBootstrap.CONNECTION_FILE).toFile());
    }
}
