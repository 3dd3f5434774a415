package com.lakesail.backend.port;

import java.util.List;

/**
 * Log lines of a workload and the cursor to read on from; {@code nextCursor} equals the one given
 * when nothing new was written.
 */
public record LogPage(List<Line> lines, String nextCursor) {
    public LogPage {
        lines = List.copyOf(lines);
    }

    /** One line of output of the workload's {@code sail} or {@code runner} process. */
    public record Line(String stream, String text) {
    }
}
