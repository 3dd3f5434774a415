package com.lakesail.engine.internal;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/**
 * One file per live child process ({@code <kind>-<id>.pid}: pid, start instant, marker), so a
 * backend restarted after a kill -9 can find what its predecessor left running. A process is
 * taken to be ours only when the pid, its start instant and its command line marker all match:
 * a pid the OS has since given to another process is never touched.
 */
public final class ProcessRegistry {
    private final Path directory;

    public ProcessRegistry(Path directory) {
        this.directory = directory;
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What identifies a child: its kind and id, and the marker on its command line. */
    public record Entry(String kind, String id, long pid, long startMillis, String marker) {
        public Optional<ProcessHandle> live() {
            return ProcessHandle.of(pid).filter(h -> h.isAlive() && matches(h));
        }

        private boolean matches(ProcessHandle h) {
            Optional<Instant> started = h.info().startInstant();
            if (started.isEmpty() || started.get().toEpochMilli() != startMillis) {
                return false;
            }
            // Where the OS shows the command line, it must carry our marker too.
            return h.info().commandLine().map(c -> c.contains(marker)).orElse(true);
        }
    }

    public static String marker(String kind, String id) {
        return "-Dlakesail.child=" + kind + ":" + id;
    }

    public Entry record(String kind, String id, ProcessHandle handle) {
        long start = handle.info().startInstant().map(Instant::toEpochMilli).orElse(0L);
        Entry entry = new Entry(kind, id, handle.pid(), start, marker(kind, id));
        Properties props = new Properties();
        props.setProperty("kind", kind);
        props.setProperty("id", id);
        props.setProperty("pid", Long.toString(entry.pid()));
        props.setProperty("startMillis", Long.toString(start));
        props.setProperty("marker", entry.marker());
        Path file = file(kind, id);
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (Writer out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            props.store(out, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return entry;
    }

    public void remove(String kind, String id) {
        try {
            Files.deleteIfExists(file(kind, id));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public List<Entry> entries() {
        List<Entry> entries = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, "*.pid")) {
            for (Path f : files) {
                read(f).ifPresentOrElse(entries::add, () -> deleteQuietly(f));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return entries;
    }

    private static Optional<Entry> read(Path f) {
        Properties props = new Properties();
        try (Reader in = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
            props.load(in);
            return Optional.of(new Entry(props.getProperty("kind"), props.getProperty("id"),
                    Long.parseLong(props.getProperty("pid")), Long.parseLong(props.getProperty("startMillis")),
                    props.getProperty("marker")));
        } catch (IOException | RuntimeException e) {
            // A file cut short by a crash while it was written names nothing we can check.
            return Optional.empty();
        }
    }

    private static void deleteQuietly(Path f) {
        try {
            Files.deleteIfExists(f);
        } catch (IOException ignored) {
            // Reaped again on the next restart.
        }
    }

    private Path file(String kind, String id) {
        return directory.resolve(kind + "-" + id + ".pid");
    }
}
