package com.lakesail.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What a start found in the data directory, so that a start that fails (the port is taken, say)
 * removes what it created and leaves the disk as it was: the directory if it made it, else every
 * entry it added there (the database files, the engine's state, the signing key). An earlier run's
 * data is never touched.
 */
final class DataDirectory {
    private final Path directory;
    private final boolean directoryExisted;
    private final Set<Path> entriesBefore;

    private DataDirectory(Path directory, boolean directoryExisted, Set<Path> entriesBefore) {
        this.directory = directory;
        this.directoryExisted = directoryExisted;
        this.entriesBefore = entriesBefore;
    }

    /** Notes what exists in {@code directory} (null: an in-memory backend, nothing on disk). */
    static DataDirectory before(Path directory) {
        if (directory == null || !Files.isDirectory(directory)) {
            return new DataDirectory(directory, directory == null || Files.exists(directory), Set.of());
        }
        try (Stream<Path> entries = Files.list(directory)) {
            return new DataDirectory(directory, true, entries.collect(Collectors.toUnmodifiableSet()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the data directory " + directory, e);
        }
    }

    void removeWhatStartCreated() {
        if (directory == null || !Files.exists(directory)) {
            return;
        }
        try {
            if (!directoryExisted) {
                deleteRecursively(directory);
                return;
            }
            try (Stream<Path> entries = Files.list(directory)) {
                for (Path entry : entries.filter(e -> !entriesBefore.contains(e)).toList()) {
                    deleteRecursively(entry);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove what a failed start created in " + directory, e);
        }
    }

    private static void deleteRecursively(Path path) throws IOException {
        try (Stream<Path> paths = Files.walk(path)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
