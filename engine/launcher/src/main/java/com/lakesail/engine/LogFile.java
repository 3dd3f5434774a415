package com.lakesail.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * A child's stdout or stderr, written by the OS straight to a file (so nothing is lost when the
 * backend is slow or gone), read by byte offset: page through it, or follow it by reading again
 * from the last {@link Chunk#nextOffset()}.
 *
 * <pre>{@code
 * long offset = 0;
 * do {
 *     LogFile.Chunk chunk = sail.process().stdout().read(offset, 64 * 1024);
 *     chunk.lines().forEach(System.out::println);
 *     offset = chunk.nextOffset();
 * } while (sail.isAlive());
 * }</pre>
 */
public final class LogFile {
    private final Path path;

    LogFile(Path path) {
        this.path = path;
    }

    /**
     * The log at {@code path}, for reading what a child wrote after its {@link ChildProcess} is gone
     * (a backend restarted after a kill -9 reads what the Sail it lost had written).
     */
    public static LogFile of(Path path) {
        return new LogFile(path);
    }

    public Path path() {
        return path;
    }

    /** Bytes written so far. */
    public long size() {
        try {
            return Files.size(path);
        } catch (NoSuchFileException e) {
            return 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Whole lines from {@code offset}, at most {@code maxBytes} of them; a line still being written
     * (no newline yet) is left for the next read unless it alone exceeds {@code maxBytes}.
     *
     * @param lines      the lines read, without their line ends
     * @param nextOffset where the next read starts
     */
    public record Chunk(List<String> lines, long nextOffset) {
    }

    public Chunk read(long offset, int maxBytes) {
        if (offset < 0 || maxBytes <= 0) {
            throw new IllegalArgumentException("offset must be >= 0 and maxBytes > 0");
        }
        ByteBuffer buffer = ByteBuffer.allocate(maxBytes);
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            while (buffer.hasRemaining() && channel.read(buffer, offset + buffer.position()) > 0) {
                // Read until the buffer is full or the end of what is written.
            }
        } catch (NoSuchFileException e) {
            return new Chunk(List.of(), offset);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] bytes = buffer.array();
        int length = buffer.position();
        int end = lastNewline(bytes, length) + 1;
        if (end == 0 && length == maxBytes) {
            end = length;
        }
        List<String> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < end; i++) {
            if (bytes[i] == '\n' || i == end - 1) {
                int stop = bytes[i] == '\n' ? i : i + 1;
                if (stop > start && bytes[stop - 1] == '\r') {
                    stop--;
                }
                lines.add(new String(bytes, start, stop - start, StandardCharsets.UTF_8));
                start = i + 1;
            }
        }
        return new Chunk(List.copyOf(lines), offset + end);
    }

    /** The last {@code count} complete lines, for error messages. */
    public List<String> tail(int count) {
        long size = size();
        long from = Math.max(0, size - 16 * 1024);
        List<String> lines = read(from, (int) Math.max(1, size - from)).lines();
        if (from > 0 && !lines.isEmpty()) {
            lines = lines.subList(1, lines.size());
        }
        return lines.subList(Math.max(0, lines.size() - count), lines.size());
    }

    private static int lastNewline(byte[] bytes, int length) {
        for (int i = length - 1; i >= 0; i--) {
            if (bytes[i] == '\n') {
                return i;
            }
        }
        return -1;
    }
}
