package com.lakesail.sdk.jobs;

import java.time.Instant;

/** A run entered {@code status} at {@code at}. */
public record StatusChange(JobRunStatus status, Instant at) {
}
