package com.lakesail.sdk.internal;

import com.lakesail.sdk.LakeSail;
import com.lakesail.sdk.exception.SdkClientException;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;

/**
 * The connection file the local backend writes when it starts:
 * {@code {"endpoint": "http://127.0.0.1:8787", "token": "lsk_...", "organizationId": "org_...", "userId": "usr_..."}}.
 */
public record LocalBackendFile(URI endpoint, String token, String organizationId, String userId,
        Path file) {
    static final String FILE_NAME = "local-backend.json";

    /**
     * {@code $LAKESAIL_LOCAL_FILE}, else {@code $LAKESAIL_DATA_DIR/local-backend.json}, else
     * {@code .lakesail/local-backend.json} under {@code workingDirectory}.
     */
    public static Path locate(Map<String, String> environment, Path workingDirectory) {
        String file = environment.get("LAKESAIL_LOCAL_FILE");
        if (file != null && !file.isBlank()) {
            return Path.of(file);
        }
        String dataDirectory = environment.get("LAKESAIL_DATA_DIR");
        if (dataDirectory != null && !dataDirectory.isBlank()) {
            return Path.of(dataDirectory).resolve(FILE_NAME);
        }
        return workingDirectory.resolve(".lakesail").resolve(FILE_NAME);
    }

    /**
     * Reads the file and tells clients built from it, should they fail to connect, that the backend
     * which wrote it is likely not running.
     */
    public static LocalBackendFile read(Path file) {
        Contents contents;
        try {
            contents = SdkJson.mapper().readValue(Files.readAllBytes(file), Contents.class);
        } catch (NoSuchFileException e) {
            throw new SdkClientException("no local backend connection file at " + file
                    + ": start the local backend (it writes this file), or set LAKESAIL_LOCAL_FILE or LAKESAIL_DATA_DIR", e);
        } catch (IOException e) {
            throw new SdkClientException("could not read the local backend connection file " + file, e);
        }
        if (contents == null || contents.endpoint() == null || contents.token() == null) {
            throw new SdkClientException("the local backend connection file " + file + " lacks endpoint or token");
        }
        return new LocalBackendFile(contents.endpoint(), contents.token(), contents.organizationId(), contents.userId(),
                file.toAbsolutePath());
    }

    /** Sets the endpoint, token and organization the file names. */
    public LakeSail.Builder applyTo(LakeSail.Builder builder) {
        if (builder instanceof DefaultLakeSailBuilder defaults) {
            defaults.unreachableHint(unreachableHint());
        }
        return builder.endpoint(endpoint).token(token).organization(organizationId);
    }

    /** What a client built from this file says when nothing answers at its endpoint. */
    public String unreachableHint() {
        return "The local backend that wrote " + (file == null ? "its connection file" : file)
                + " is probably not running: start it with `lakesail local up` or LocalMain, whose data directory holds that file";
    }

    /** The file's fields. */
    private record Contents(URI endpoint, String token, String organizationId, String userId) {
    }

    @Override
    public String toString() {
        return "LocalBackendFile[endpoint=" + endpoint + ", organizationId=" + organizationId + ", userId=" + userId + ", file=" + file + "]";
    }
}
