package com.lakesail.sdk.jobs;

import com.lakesail.sdk.exception.SdkClientException;
import com.lakesail.sdk.waiter.Sleeper;
import java.time.Duration;
import java.util.Collections;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.function.Function;

/**
 * A run's log as lazy iterables over its pages ({@code GET .../job-runs/{id}/logs?nextToken=}):
 * {@link #available} stops when it has caught up, {@link #following} waits for more lines until the
 * run ends. Every iteration starts again from the first line.
 *
 * <pre>{@code
 * for (LogLine line : lakesail.jobRuns().followLogs(run.id())) {
 *     System.out.println(line.stream() + " | " + line.message());
 * }
 * }</pre>
 */
public final class RunLogs implements Iterable<LogLine> {
    private final Function<String, LogPage> fetch;
    private final boolean follow;
    private final Duration pollInterval;
    private final Sleeper sleeper;

    private RunLogs(Function<String, LogPage> fetch, boolean follow, Duration pollInterval, Sleeper sleeper) {
        this.fetch = Objects.requireNonNull(fetch, "fetch");
        this.follow = follow;
        this.pollInterval = pollInterval;
        this.sleeper = sleeper;
    }

    /**
     * The lines there are now: pages are read until one comes back empty or without a token.
     *
     * @param fetch reads the page after a token (null for the first)
     */
    public static RunLogs available(Function<String, LogPage> fetch) {
        return new RunLogs(fetch, false, null, null);
    }

    /** Every line until the run ends: when caught up, asks again every {@code pollInterval}. */
    public static RunLogs following(Function<String, LogPage> fetch, Duration pollInterval, Sleeper sleeper) {
        if (pollInterval.isNegative() || pollInterval.isZero()) {
            throw new IllegalArgumentException("pollInterval must be positive");
        }
        return new RunLogs(fetch, true, pollInterval, Objects.requireNonNull(sleeper, "sleeper"));
    }

    @Override
    public Iterator<LogLine> iterator() {
        return new Lines();
    }

    private final class Lines implements Iterator<LogLine> {
        private Iterator<LogLine> current = Collections.emptyIterator();
        private String token;
        private boolean started;
        private boolean done;

        @Override
        public boolean hasNext() {
            while (!current.hasNext() && !done) {
                if (started && token == null) {
                    done = true;
                    break;
                }
                LogPage page = fetch.apply(token);
                started = true;
                token = page.nextToken();
                current = page.items().iterator();
                if (page.items().isEmpty() && token != null) {
                    if (!follow) {
                        done = true;
                    } else {
                        pause();
                    }
                }
            }
            return current.hasNext();
        }

        @Override
        public LogLine next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            return current.next();
        }

        private void pause() {
            try {
                sleeper.sleep(pollInterval);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SdkClientException("interrupted while following a run's log", e);
            }
        }
    }
}
