package com.lakesail.samples;

import com.lakesail.sdk.waiter.ProgressListener;

/**
 * A progress display for the SDK's waiters: at a terminal, one line redrawn in place,
 * {@code [#####.....]  50% provisioning / create_stack}; elsewhere (a pipe, a file, a CI log), one
 * plain line per change, so no carriage returns garble the output.
 */
final class ProgressBar implements ProgressListener {
    private static final int WIDTH = 30;
    private final String label;
    private final boolean terminal = System.console() != null && !"dumb".equals(System.getenv("TERM"));
    private String last = "";

    ProgressBar(String label) {
        this.label = label;
    }

    @Override
    public void onProgress(String status, String stage, int progress) {
        if (!terminal) {
            String line = String.format("  %-10s %s%s, %d%%", label, status, stage == null ? "" : ", " + stage, progress);
            if (!line.equals(last)) {
                System.out.println(line);
                last = line;
            }
            return;
        }
        int filled = Math.max(0, Math.min(WIDTH, progress * WIDTH / 100));
        String line = String.format("  %-10s [%s%s] %3d%% %s%s", label, "#".repeat(filled), ".".repeat(WIDTH - filled),
                progress, status, stage == null ? "" : " / " + stage);
        if (!line.equals(last)) {
            // Padding wipes the tail of a longer previous line.
            System.out.print("\r" + line + " ".repeat(Math.max(0, last.length() - line.length())));
            System.out.flush();
            last = line;
        }
    }

    /** Ends the bar's line. */
    void done() {
        if (terminal) {
            System.out.println();
        }
    }
}
