package com.lakesail.cli;

import com.lakesail.sdk.waiter.ProgressListener;
import java.io.PrintStream;

/**
 * Shows a wait on standard error. At a terminal: one line redrawn in place,
 * {@code cluster prod  [#########.....................]  30% provisioning create_stack}. Anywhere
 * else (a pipe, a file, a CI log): one plain line per change, {@code cluster prod: provisioning, create_stack, 30%},
 * so nothing is garbled by carriage returns and every change is kept.
 */
public final class Progress implements ProgressListener {
    private static final int WIDTH = 30;

    private final PrintStream err;
    private final boolean bar;
    private final String label;
    private String last = "";
    private int drawn;

    public Progress(PrintStream err, boolean bar, String label) {
        this.err = err;
        this.bar = bar;
        this.label = label;
    }

    @Override
    public synchronized void onProgress(String status, String given, int progress) {
        // A session's stage repeats its status: said once.
        String stage = given == null || given.isBlank() || given.equals(status) ? null : given;
        String state = status + (stage == null ? "" : ", " + stage) + ", " + progress + "%";
        if (state.equals(last)) {
            return;
        }
        last = state;
        if (!bar) {
            err.println(label + ": " + state);
            return;
        }
        int filled = Math.max(0, Math.min(WIDTH, progress * WIDTH / 100));
        String line = String.format("%s  [%s%s] %3d%% %s%s", label, "#".repeat(filled), ".".repeat(WIDTH - filled),
                progress, status, stage == null ? "" : " " + stage);
        // Padding wipes the tail of a longer previous line.
        err.print("\r" + line + " ".repeat(Math.max(0, drawn - line.length())));
        err.flush();
        drawn = line.length();
    }

    /** A line that is no progress, e.g. a run's state change: its own line in either mode. */
    public synchronized void event(String text) {
        if (bar && drawn > 0) {
            err.println();
            drawn = 0;
        }
        err.println(label + ": " + text);
        last = "";
    }

    /** Ends the bar's line. */
    public synchronized void done() {
        if (bar && drawn > 0) {
            err.println();
            drawn = 0;
        }
    }
}
