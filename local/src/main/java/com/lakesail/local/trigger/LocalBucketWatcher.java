package com.lakesail.local.trigger;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.lakesail.backend.domain.job.S3BucketNames;
import com.lakesail.backend.service.trigger.EventPatterns;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * S3's EventBridge notifications, locally: a file written under {@code <data dir>/s3/<bucket>/<key>}
 * is an object created in that bucket, and once it has been left alone for {@link #QUIET_MILLIS} (a
 * writer may take several writes) an "Object Created" event with the object's key, size, ETag (the
 * MD5 of its bytes, as S3's for a single-part upload) and a sequencer (its modification time) is put
 * on the embedded bus. The same file unchanged is the same object (the same identity, so a second
 * event for it starts nothing); rewritten, it is a new object.
 *
 * <p>Files whose name begins with {@code .} (an editor's or a writer's temporary file) are not
 * objects. Files present before the backend started are not announced: S3 sent those events when
 * they were written.
 */
public final class LocalBucketWatcher implements AutoCloseable {
    /** How long a file must be left alone before it counts as written. */
    public static final long QUIET_MILLIS = 300;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final System.Logger LOG = System.getLogger(LocalBucketWatcher.class.getName());

    private final Path root;
    private final EmbeddedEventBus bus;
    private final Clock clock;
    private final WatchService watcher;
    private final Map<WatchKey, Path> directories = new LinkedHashMap<>();
    /** Files changed lately, with when they last changed (System.nanoTime). */
    private final Map<Path, Long> settling = new LinkedHashMap<>();
    private final Thread thread;

    private LocalBucketWatcher(Path root, EmbeddedEventBus bus, Clock clock) throws IOException {
        this.root = root;
        this.bus = bus;
        this.clock = clock;
        Files.createDirectories(root);
        this.watcher = FileSystems.getDefault().newWatchService();
        registerTree(root, false);
        this.thread = new Thread(this::loop, "lakesail-bucket-watcher");
        this.thread.setDaemon(true);
    }

    /** Watches {@code root} (created if absent): {@code <data dir>/s3}. */
    public static LocalBucketWatcher start(Path root, EmbeddedEventBus bus, Clock clock) throws IOException {
        LocalBucketWatcher w = new LocalBucketWatcher(root, bus, clock);
        w.thread.start();
        return w;
    }

    private void loop() {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                WatchKey key = watcher.poll(settling.isEmpty() ? 1000 : QUIET_MILLIS / 3, TimeUnit.MILLISECONDS);
                if (key != null) {
                    changed(key);
                }
                announceSettled();
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            // Closing.
        }
    }

    private void changed(WatchKey key) {
        Path dir = directories.get(key);
        for (WatchEvent<?> event : key.pollEvents()) {
            if (dir == null || event.kind() == StandardWatchEventKinds.OVERFLOW) {
                continue;
            }
            Path path = dir.resolve((Path) event.context());
            if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
                // A new folder (a new bucket, a new prefix): watch it, and take what was written into it meanwhile.
                registerTree(path, true);
            } else {
                settling.put(path, System.nanoTime());
            }
        }
        if (!key.reset()) {
            directories.remove(key);
        }
    }

    private void registerTree(Path top, boolean announceFiles) {
        try (Stream<Path> paths = Files.walk(top)) {
            for (Path p : (Iterable<Path>) paths::iterator) {
                if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                    directories.put(p.register(watcher, StandardWatchEventKinds.ENTRY_CREATE,
                            StandardWatchEventKinds.ENTRY_MODIFY), p);
                } else if (announceFiles) {
                    settling.put(p, System.nanoTime());
                }
            }
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot watch " + top, e);
        }
    }

    private void announceSettled() {
        long now = System.nanoTime();
        for (Iterator<Map.Entry<Path, Long>> it = settling.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<Path, Long> e = it.next();
            if (now - e.getValue() >= TimeUnit.MILLISECONDS.toNanos(QUIET_MILLIS)) {
                it.remove();
                try {
                    announce(e.getKey());
                } catch (IOException | RuntimeException failure) {
                    // Gone already, or the bus refused it: the file is not announced (S3 would not have sent it either).
                    LOG.log(System.Logger.Level.WARNING, "no Object Created event for " + e.getKey() + ": " + failure);
                }
            }
        }
    }

    private void announce(Path file) throws IOException {
        Path relative = root.relativize(file);
        if (relative.getNameCount() < 2 || !Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)
                || file.getFileName().toString().startsWith(".")) {
            return;
        }
        String bucket = relative.getName(0).toString();
        if (S3BucketNames.problem(bucket) != null) {
            return;
        }
        String key = relative.subpath(1, relative.getNameCount()).toString().replace(file.getFileSystem().getSeparator(), "/");
        BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        long modified = attributes.lastModifiedTime().to(TimeUnit.NANOSECONDS);
        ObjectNode event = JSON.createObjectNode().put("version", "0").put("id", UUID.randomUUID().toString())
                .put("detail-type", EventPatterns.OBJECT_CREATED).put("source", EventPatterns.S3_SOURCE)
                .put("time", clock.instant().toString()).put("region", "local");
        event.putArray("resources").add("arn:aws:s3:::" + bucket);
        ObjectNode detail = event.putObject("detail").put("version", "0");
        detail.putObject("bucket").put("name", bucket);
        detail.putObject("object").put("key", key).put("size", attributes.size()).put("etag", md5(file))
                .put("sequencer", String.format("%016X", modified));
        detail.put("request-id", UUID.randomUUID().toString()).put("requester", "local").put("reason", "PutObject");
        bus.put(event);
    }

    private static String md5(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest md5 = MessageDigest.getInstance("MD5");
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = in.read(buffer)) > 0; ) {
                md5.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(md5.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is part of every JRE", e);
        }
    }

    @Override
    public void close() {
        thread.interrupt();
        try {
            watcher.close();
            thread.join(5_000);
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "closing the bucket watcher", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
