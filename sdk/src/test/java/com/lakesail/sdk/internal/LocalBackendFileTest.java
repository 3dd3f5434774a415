package com.lakesail.sdk.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lakesail.sdk.LakeSail;
import com.lakesail.sdk.exception.LakeSailIoException;
import com.lakesail.sdk.exception.SdkClientException;
import com.lakesail.sdk.testing.StubServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalBackendFileTest {
    private static final Path WORK = Path.of("/work/dir");

    @TempDir
    Path directory;

    @Test
    void locate_whenLocalFileVariableSet_usesIt() {
        Path file = LocalBackendFile.locate(Map.of("LAKESAIL_LOCAL_FILE", "/x/conn.json", "LAKESAIL_DATA_DIR", "/data"), WORK);

        assertEquals(Path.of("/x/conn.json"), file);
    }

    @Test
    void locate_whenOnlyDataDirSet_usesFileInIt() {
        assertEquals(Path.of("/data/local-backend.json"), LocalBackendFile.locate(Map.of("LAKESAIL_DATA_DIR", "/data"), WORK));
    }

    @Test
    void locate_whenNothingSetOrBlank_usesDotLakesailInWorkingDirectory() {
        Path expected = Path.of("/work/dir/.lakesail/local-backend.json");

        assertEquals(expected, LocalBackendFile.locate(Map.of(), WORK));
        assertEquals(expected, LocalBackendFile.locate(Map.of("LAKESAIL_LOCAL_FILE", " ", "LAKESAIL_DATA_DIR", ""), WORK));
    }

    @Test
    void fromLocalBackend_whenFileWritten_connectsWithItsTokenAndOrganization() throws IOException {
        try (StubServer server = StubServer.start()) {
            Path file = write("{\"endpoint\": \"" + server.endpoint() + "\", \"token\": \"lsk_local\", "
                    + "\"organizationId\": \"org_local\", \"userId\": \"usr_local\", \"pid\": 42}");
            server.reply(200, "{\"id\": \"org_local\", \"name\": \"default\", \"version\": 1}");

            try (LakeSail lakesail = LakeSail.fromLocalBackend(file)) {
                assertEquals("default", lakesail.organizations().get().name());
            }

            assertEquals("/v1/orgs/org_local", server.request(0).path());
            assertEquals("Bearer lsk_local", server.request(0).header("Authorization"));
        }
    }

    @Test
    void read_whenFileMissing_explainsHowToStartTheBackend() {
        SdkClientException e = assertThrows(SdkClientException.class,
                () -> LocalBackendFile.read(directory.resolve("absent.json")));

        assertTrue(e.getMessage().contains("start the local backend"), e.getMessage());
    }

    @Test
    void fromLocalBackend_whenNothingListens_namesTheEndpointAndTheBackendNotRunning() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        Path file = write("{\"endpoint\": \"http://127.0.0.1:" + port + "\", \"token\": \"lsk_local\"}");

        LakeSailIoException e;
        try (LakeSail lakesail = LakeSail.fromLocalBackend(file)) {
            e = assertThrows(LakeSailIoException.class, () -> lakesail.me().get());
        }

        assertTrue(e.getMessage().startsWith("cannot reach http://127.0.0.1:" + port + ": GET /v1/me failed after "), e.getMessage());
        assertTrue(e.getMessage().contains("connection refused"), e.getMessage());
        assertTrue(e.getMessage().contains(file + " is probably not running"), e.getMessage());
    }

    @Test
    void read_whenTokenMissing_fails() throws IOException {
        Path file = write("{\"endpoint\": \"http://127.0.0.1:8787\"}");

        assertThrows(SdkClientException.class, () -> LocalBackendFile.read(file));
    }

    @Test
    void read_whenNotJson_fails() throws IOException {
        Path file = write("endpoint=http://127.0.0.1:8787");

        assertThrows(SdkClientException.class, () -> LocalBackendFile.read(file));
    }

    @Test
    void toString_whenPrinted_hidesToken() throws IOException {
        Path file = write("{\"endpoint\": \"http://127.0.0.1:8787\", \"token\": \"lsk_local\"}");

        assertTrue(!LocalBackendFile.read(file).toString().contains("lsk_local"));
    }

    private Path write(String json) throws IOException {
        Path file = directory.resolve("local-backend.json");
        Files.writeString(file, json);
        return file;
    }
}
