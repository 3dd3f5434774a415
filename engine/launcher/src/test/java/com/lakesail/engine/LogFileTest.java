package com.lakesail.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogFileTest {

    @Test
    void read_whenLastLineIsUnfinished_leavesItForTheNextRead(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("sail.stdout.log");
        Files.writeString(file, "one\r\ntwo\nthr");
        LogFile log = new LogFile(file);

        LogFile.Chunk first = log.read(0, 1024);
        assertEquals(List.of("one", "two"), first.lines());
        assertEquals(9, first.nextOffset());

        Files.writeString(file, "ee\n", java.nio.file.StandardOpenOption.APPEND);
        LogFile.Chunk next = log.read(first.nextOffset(), 1024);
        assertEquals(List.of("three"), next.lines());
        assertEquals(log.size(), next.nextOffset());
        assertEquals(List.of(), log.read(next.nextOffset(), 1024).lines());
    }

    @Test
    void read_whenPageIsSmallerThanTheText_pagesByWholeLines(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("log");
        Files.writeString(file, "aaaa\nbbbb\ncccccccccccc\n");
        LogFile log = new LogFile(file);

        LogFile.Chunk page = log.read(0, 8);
        assertEquals(List.of("aaaa"), page.lines());
        page = log.read(page.nextOffset(), 8);
        assertEquals(List.of("bbbb"), page.lines());
        page = log.read(page.nextOffset(), 8);
        assertEquals(List.of("cccccccc"), page.lines());
        assertEquals(List.of("cccc"), log.read(page.nextOffset(), 8).lines());
        assertEquals(List.of("bbbb", "cccccccccccc"), log.tail(2));
    }

    @Test
    void read_whenFileDoesNotExistYet_isEmpty(@TempDir Path dir) {
        LogFile log = new LogFile(dir.resolve("missing"));
        assertEquals(new LogFile.Chunk(List.of(), 5), log.read(5, 10));
        assertEquals(0, log.size());
    }
}
