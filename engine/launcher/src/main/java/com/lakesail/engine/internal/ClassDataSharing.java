package com.lakesail.engine.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * AppCDS archives, one per child classpath: a Sail loads some 15,000 classes at start, and mapping
 * them from an archive halves the CPU a start takes. The first launch of a classpath records the
 * archive as it exits ({@code -XX:ArchiveClassesAtExit}, JDK 17's way); it is moved into place only
 * after a clean exit, so a killed trainer leaves nothing half-written, and the next launch trains
 * again. Launches map the archive with {@code -XX:SharedArchiveFile}; a JVM that cannot (another
 * JDK, a changed jar) simply runs without it.
 */
public final class ClassDataSharing {
    /** The JVM's notes on classes it skips while archiving would fill a child's stdout. */
    private static final String QUIET = "-Xlog:cds*=off";

    private final Path directory;

    public ClassDataSharing(Path directory) {
        this.directory = directory;
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The JVM options for one launch of {@code classpath}, and what to do when it exits. */
    public record Plan(List<String> jvmOptions, Path trainedArchive, Path finalArchive, Path lock) {
        public static final Plan NONE = new Plan(List.of(), null, null, null);

        public boolean trains() {
            return trainedArchive != null;
        }
    }

    /** @param program names the archive ({@code <program>-<key>.jsa}); a new one replaces the program's older ones */
    public Plan plan(String program, List<Path> classpath, List<String> jvmOptions, String javaHome, long pid) {
        // Archives are made from jars only: a classes directory (a build without package) disables them.
        if (classpath.stream().anyMatch(Files::isDirectory)) {
            return Plan.NONE;
        }
        String key = program + "-" + key(classpath, jvmOptions, javaHome);
        Path archive = directory.resolve(key + ".jsa");
        if (Files.isRegularFile(archive)) {
            return new Plan(List.of("-XX:SharedArchiveFile=" + archive, "-Xshare:auto", QUIET), null, null, null);
        }
        Path lock = directory.resolve(key + ".training");
        if (!claim(lock, pid)) {
            return Plan.NONE;
        }
        Path trained = directory.resolve(key + ".jsa." + pid + ".tmp");
        return new Plan(List.of("-XX:ArchiveClassesAtExit=" + trained, QUIET), trained, archive, lock);
    }

    /** After the child exits: keep a cleanly written archive, drop anything else. */
    public void finish(Plan plan, int exitCode) {
        if (!plan.trains()) {
            return;
        }
        try {
            if (exitCode == 0 && Files.isRegularFile(plan.trainedArchive()) && Files.size(plan.trainedArchive()) > 0) {
                Files.move(plan.trainedArchive(), plan.finalArchive(), StandardCopyOption.ATOMIC_MOVE,
                        StandardCopyOption.REPLACE_EXISTING);
                removeOlderArchives(plan.finalArchive());
            }
            Files.deleteIfExists(plan.trainedArchive());
            Files.deleteIfExists(plan.lock());
        } catch (IOException ignored) {
            // The next launch trains again.
        }
    }

    /** Drops what trainers that died with a previous backend left: their locks and partial archives. */
    public void removeStale() {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, "*.{training,tmp}")) {
            for (Path f : files) {
                if (f.toString().endsWith(".training") && ownerAlive(f)) {
                    continue;
                }
                if (f.toString().endsWith(".tmp") && ownerAlive(f.resolveSibling(f.getFileName().toString()
                        .replaceFirst("\\.jsa\\.\\d+\\.tmp$", ".training")))) {
                    continue;
                }
                Files.deleteIfExists(f);
            }
        } catch (IOException ignored) {
            // Left for the next restart.
        }
    }

    /** Archives of the same program for jars since rebuilt or replaced: a hundred MB each, never used again. */
    private void removeOlderArchives(Path current) throws IOException {
        String name = current.getFileName().toString();
        String program = name.substring(0, name.lastIndexOf('-'));
        try (DirectoryStream<Path> archives = Files.newDirectoryStream(directory, program + "-*.jsa")) {
            for (Path a : archives) {
                if (!a.equals(current)) {
                    Files.deleteIfExists(a);
                }
            }
        }
    }

    private boolean claim(Path lock, long pid) {
        for (int attempt = 0; attempt < 2; attempt++) {
            try {
                Files.writeString(lock, Long.toString(pid), StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE_NEW,
                        java.nio.file.StandardOpenOption.WRITE);
                return true;
            } catch (FileAlreadyExistsException e) {
                if (ownerAlive(lock)) {
                    return false;
                }
                try {
                    Files.deleteIfExists(lock);
                } catch (IOException ignored) {
                    return false;
                }
            } catch (IOException e) {
                return false;
            }
        }
        return false;
    }

    /** A training lock names the backend process that owns it; a dead owner's lock is stale. */
    private static boolean ownerAlive(Path lock) {
        try {
            long owner = Long.parseLong(Files.readString(lock).trim());
            return ProcessHandle.of(owner).map(ProcessHandle::isAlive).orElse(false);
        } catch (IOException | NumberFormatException e) {
            return false;
        }
    }

    private static String key(List<Path> classpath, List<String> jvmOptions, String javaHome) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update((javaHome + '\n' + System.getProperty("java.vm.version") + '\n' + String.join(" ", jvmOptions))
                    .getBytes(StandardCharsets.UTF_8));
            for (Path p : classpath) {
                sha.update((p + ":" + Files.size(p) + ":" + Files.getLastModifiedTime(p).toMillis() + '\n')
                        .getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(sha.digest(), 0, 12);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
