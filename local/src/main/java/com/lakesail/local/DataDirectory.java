package com.lakesail.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * What a start found in the data directory, so that a start that fails (the port is taken, say)
 * removes what it created and leaves the disk as it was: the directory if it made it, else the
 * database files it made. An earlier run's data is never touched.
 */
final class DataDirectory {
    private static final List<String> DATABASE_FILES = List.of(LocalBackend.DATABASE_FILE,
            LocalBackend.DATABASE_FILE + "-wal", LocalBackend.DATABASE_FILE + "-shm", LocalBackend.DATABASE_FILE + "-journal");

    private final Path directory;
    private final boolean directoryExisted;
    private final boolean databaseExisted;

    private DataDirectory(Path directory, boolean directoryExisted, boolean databaseExisted) {
        this.directory = directory;
        this.directoryExisted = directoryExisted;
        this.databaseExisted = databaseExisted;
    }

    /** Notes what exists in {@code directory} (null: an in-memory backend, nothing on disk). */
    static DataDirectory before(Path directory) {
        if (directory == null) {
            return new DataDirectory(null, true, true);
        }
        return new DataDirectory(directory, Files.exists(directory), Files.exists(directory.resolve(LocalBackend.DATABASE_FILE)));
    }

    void removeWhatStartCreated() {
        if (directory == null) {
            return;
        }
        try {
            if (!directoryExisted) {
                try (Stream<Path> paths = Files.walk(directory)) {
                    for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                        Files.deleteIfExists(path);
                    }
                }
            } else if (!databaseExisted) {
                for (String name : DATABASE_FILES) {
                    Files.deleteIfExists(directory.resolve(name));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove what a failed start created in " + directory, e);
        }
    }
}
