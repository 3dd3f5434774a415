package com.lakesail.sdk.jobs;

/** The runner's last progress report: statement {@code step} of {@code steps}. */
public record RunnerProgress(int step, int steps, String message) {
}
