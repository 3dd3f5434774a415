package com.lakesail.backend.kubernetes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.lakesail.backend.agent.protocol.AgentCommand.LogLines;
import com.lakesail.backend.agent.protocol.AgentError;
import com.lakesail.backend.agent.protocol.AgentException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The cursor over Kubernetes logs, against a log that grows as the kubelet writes it (timestamped lines). */
class WorkloadLogsTest {
    private static final WorkloadLogs.Source SAIL = new WorkloadLogs.Source("jrn-x-sail-1", "sail", "sail");
    private static final WorkloadLogs.Source STAGE = new WorkloadLogs.Source("jrn-x-runner-1", "stage-jar", "runner");

    /** A container's log as the API serves it: from sinceTime's second on, with timestamps, cut at limitBytes. */
    private final List<String> sailLog = new ArrayList<>();
    private final List<String> stageLog = new ArrayList<>();
    private final WorkloadLogs.Reader reader = (source, since, limit) -> {
        List<String> log = source.equals(SAIL) ? sailLog : stageLog;
        String text = log.stream().filter(l -> since == null || !Instant.parse(l.substring(0, l.indexOf(' ')))
                .isBefore(Instant.parse(since))).map(l -> l + "\n").collect(Collectors.joining());
        return text.length() > limit ? text.substring(0, limit) : text;
    };

    @Test
    void page_whenReadOnAndOn_returnsEveryLineOnceEvenWithinOneSecondAndWithSameInstants() {
        sailLog.add("2026-12-01T10:00:00.5Z a");
        sailLog.add("2026-12-01T10:00:00.7Z b");
        sailLog.add("2026-12-01T10:00:00.7Z b again");
        LogLines first = WorkloadLogs.page(List.of(SAIL), null, reader);
        assertEquals(List.of("a", "b", "b again"), texts(first));

        sailLog.add("2026-12-01T10:00:00.7Z b, third at that instant");
        sailLog.add("2026-12-01T10:00:00.9Z c");
        LogLines second = WorkloadLogs.page(List.of(SAIL), first.nextCursor(), reader);
        assertEquals(List.of("b, third at that instant", "c"), texts(second));

        LogLines third = WorkloadLogs.page(List.of(SAIL), second.nextCursor(), reader);
        assertEquals(List.of(), third.lines());
        assertEquals(second.nextCursor(), third.nextCursor(), "nothing new: the same cursor");
    }

    @Test
    void page_whenSeveralContainers_keepsOnePositionEachAndNamesTheirStreams() {
        sailLog.add("2026-12-01T10:00:01Z server up");
        stageLog.add("2026-12-01T10:00:02Z download failed: Access Denied");
        LogLines first = WorkloadLogs.page(List.of(SAIL, STAGE), null, reader);
        assertEquals(List.of(new LogLines.Line("sail", "server up"), new LogLines.Line("runner", "download failed: Access Denied")),
                first.lines());

        sailLog.add("2026-12-01T10:00:03Z query");
        assertEquals(List.of(new LogLines.Line("sail", "query")), WorkloadLogs.page(List.of(SAIL, STAGE), first.nextCursor(), reader).lines());
    }

    @Test
    void page_whenTheByteLimitCutsALine_leavesItForTheNextPage() {
        sailLog.add("2026-12-01T10:00:01Z short");
        sailLog.add("2026-12-01T10:00:02Z " + "x".repeat(WorkloadLogs.MAX_BYTES));

        LogLines first = WorkloadLogs.page(List.of(SAIL), null, reader);

        assertEquals(1, first.lines().size(), "the cut line waits");
        assertEquals("short", first.lines().get(0).text());
    }

    @Test
    void page_whenOneLineIsLongerThanAPage_handsItOutCutRatherThanStall() {
        sailLog.add("2026-12-01T10:00:02Z " + "x".repeat(WorkloadLogs.MAX_BYTES));
        sailLog.add("2026-12-01T10:00:03Z after");

        LogLines first = WorkloadLogs.page(List.of(SAIL), null, reader);
        LogLines second = WorkloadLogs.page(List.of(SAIL), first.nextCursor(), reader);

        assertEquals(1, first.lines().size());
        assertEquals(List.of("after"), texts(second));
    }

    @Test
    void page_whenTheCursorIsForged_refusesIt() {
        AgentException e = assertThrows(AgentException.class, () -> WorkloadLogs.page(List.of(SAIL), "not-a-cursor!", reader));

        assertEquals(AgentError.Code.MALFORMED_COMMAND, e.error().code());
    }

    private static List<String> texts(LogLines page) {
        return page.lines().stream().map(LogLines.Line::text).toList();
    }
}
