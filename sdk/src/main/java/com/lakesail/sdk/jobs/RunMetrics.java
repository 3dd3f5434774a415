package com.lakesail.sdk.jobs;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Where a run's time went, and what its runner reported.
 *
 * @param phaseMillis milliseconds spent in each status the run has left, by lower snake case status
 * @param engine what the runner reported: {@code statements}, {@code rowsReturned}, {@code millis} per phase...
 */
public record RunMetrics(Map<String, Long> phaseMillis, Map<String, Object> engine) {

    public RunMetrics {
        phaseMillis = phaseMillis == null ? Map.of() : Map.copyOf(phaseMillis);
        engine = engine == null ? Map.of() : Map.copyOf(engine);
    }

    /** The time spent in {@code status}, if the run has left it. */
    public Optional<Duration> timeIn(JobRunStatus status) {
        return Optional.ofNullable(phaseMillis.get(status.name().toLowerCase(Locale.ROOT))).map(Duration::ofMillis);
    }
}
