package com.lakesail.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The default user, organization and token of the local backend: created once, reused while they work. */
class LocalBackendBootstrapTest {
    @TempDir
    Path dataDirectory;

    @Test
    void bootstrap_whenRunTwiceOnOneDataDirectory_reusesTheToken() throws IOException {
        LocalBackend.Bootstrap first;
        try (LocalBackend backend = LocalBackend.builder().dataDirectory(dataDirectory).start()) {
            first = backend.bootstrap();
        }
        try (LocalBackend backend = LocalBackend.builder().dataDirectory(dataDirectory).start()) {
            LocalBackend.Bootstrap second = backend.bootstrap();

            assertEquals(first.token(), second.token());
            assertEquals(first.organizationId(), second.organizationId());
            assertEquals(first.userId(), second.userId());
            assertEquals(backend.endpoint(), second.endpoint());
            assertEquals(backend.endpoint().toString(), connectionFile().path("endpoint").asText());
        }
    }

    @Test
    void bootstrap_whenSavedTokenWasRevoked_issuesANewOneForTheSameUser() throws IOException {
        try (LocalBackend backend = LocalBackend.builder().dataDirectory(dataDirectory).start()) {
            LocalBackend.Bootstrap first = backend.bootstrap();
            HttpApi api = new HttpApi(backend.endpoint());
            String tokenId = api.get("/v1/me/tokens", first.token()).json().path("items").path(0).path("id").asText();
            assertEquals(204, api.delete("/v1/me/tokens/" + tokenId, first.token()).status());

            LocalBackend.Bootstrap second = backend.bootstrap();

            assertNotEquals(first.token(), second.token());
            assertEquals(first.userId(), second.userId());
            assertEquals(first.organizationId(), second.organizationId());
            assertEquals(second.token(), connectionFile().path("token").asText());
            assertEquals(200, api.get("/v1/me", second.token()).status());
        }
    }

    @Test
    void bootstrap_whenConnectionFileCorrupt_replacesIt() throws IOException {
        try (LocalBackend backend = LocalBackend.builder().dataDirectory(dataDirectory).start()) {
            LocalBackend.Bootstrap first = backend.bootstrap();
            Files.writeString(dataDirectory.resolve(LocalBootstrap.CONNECTION_FILE), "{not json");

            LocalBackend.Bootstrap second = backend.bootstrap();

            assertEquals(first.userId(), second.userId());
            assertEquals(second.token(), connectionFile().path("token").asText());
            assertEquals(200, new HttpApi(backend.endpoint()).get("/v1/me", second.token()).status());
        }
    }

    @Test
    void bootstrap_whenInMemory_returnsAWorkingTokenAndWritesNoFile() {
        try (LocalBackend backend = LocalBackend.builder().inMemory().start()) {
            LocalBackend.Bootstrap boot = backend.bootstrap();

            assertTrue(backend.dataDirectory().isEmpty());
            assertEquals(200, new HttpApi(backend.endpoint()).get("/v1/me", boot.token()).status());
            assertFalse(Files.exists(dataDirectory.resolve(LocalBootstrap.CONNECTION_FILE)));
        }
    }

    private JsonNode connectionFile() throws IOException {
        return HttpApi.JSON.readTree(dataDirectory.resolve(LocalBootstrap.CONNECTION_FILE).toFile());
    }
}
