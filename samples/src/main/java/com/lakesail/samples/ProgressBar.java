package com.lakesail.samples;

import com.lakesail.sdk.waiter.ProgressListener;

/** A one-line console progress bar for the SDK's waiters: {@code [#####.....]  50% provisioning create_stack}. */
final class ProgressBar implements ProgressListener {
    private static final int WIDTH = 30;
    private final String label;
    private String last = "";

    ProgressBar(String label) {
        this.label = label;
    }

    @Override
    public void onProgress(String status, String stage, int progress) {
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
        System.out.println();
    }
}
