package com.lakesail.sdk.jobs;

import java.time.Instant;

/**
 * One line a run's runner or Sail wrote.
 *
 * @param stream {@code runner} or {@code sail}
 * @param time when the line reached the service
 */
public record LogLine(String stream, Instant time, String message) {
}
