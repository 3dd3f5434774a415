package com.lakesail.backend.domain.infra;

/** The {@code progress} rule shared by the lifecycle records. */
final class Progress {
    private Progress() {
    }

    /**
     * A failure keeps the progress reached; a resting state (active, destroyed) is complete; any
     * other state shows the progress its stage starts at.
     */
    static int of(boolean failed, boolean resting, Stage stage, int current) {
        if (failed) {
            return current;
        }
        if (resting) {
            return 100;
        }
        return stage == null ? 0 : stage.progress();
    }
}
