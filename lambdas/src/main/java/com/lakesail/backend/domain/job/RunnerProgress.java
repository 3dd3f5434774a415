package com.lakesail.backend.domain.job;

/** The runner's last progress report: statement {@code step} of {@code steps}. */
public record RunnerProgress(int step, int steps, String message) {

    public RunnerProgress {
        message = Termination.bounded(message);
    }
}
