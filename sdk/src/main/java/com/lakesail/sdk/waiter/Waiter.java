package com.lakesail.sdk.waiter;

import com.lakesail.sdk.exception.SdkClientException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Polls a lifecycle resource until it reaches its aim, fails, or the timeout passes. Between polls
 * it pauses {@code initialDelay}, then each pause {@code multiplier} times longer, up to
 * {@code maxDelay}. A terminal failure ends the wait at once with a
 * {@link ResourceFailedException} carrying the status, stage and reason; the timeout ends it with
 * a {@link WaiterTimeoutException}. The poll's own exceptions (e.g. the resource is gone) pass
 * through unchanged. A waiter is immutable and can be reused.
 *
 * <pre>{@code
 * Waiter<Cluster> waiter = Waiter.<Cluster>builder()
 *     .timeout(Duration.ofMinutes(30))
 *     .progressListener((status, stage, progress) -> bar.update(status, stage, progress))
 *     .build();
 * Cluster active = waiter.waitFor(() -> lakesail.clusters().get(id));
 * CompletableFuture<Cluster> later = waiter.waitForAsync(() -> lakesail.clusters().get(id));
 * }</pre>
 *
 * @param <T> the resource type
 */
public final class Waiter<T extends Lifecycle> {
    private static final Executor THREAD_PER_WAIT = task -> {
        Thread thread = new Thread(task, "lakesail-waiter");
        thread.setDaemon(true);
        thread.start();
    };

    private final Duration timeout;
    private final Duration initialDelay;
    private final Duration maxDelay;
    private final double multiplier;
    private final Predicate<? super T> successWhen;
    private final Predicate<? super T> failureWhen;
    private final Consumer<? super T> onProgress;
    private final ProgressListener progressListener;
    private final Clock clock;
    private final Sleeper sleeper;
    private final Executor executor;

    private Waiter(Builder<T> builder) {
        this.timeout = positive(builder.timeout, "timeout");
        this.initialDelay = positive(builder.initialDelay, "initialDelay");
        this.maxDelay = positive(builder.maxDelay, "maxDelay");
        if (maxDelay.compareTo(initialDelay) < 0 || !(builder.multiplier >= 1.0)) {
            throw new IllegalArgumentException("need initialDelay <= maxDelay and multiplier >= 1");
        }
        this.multiplier = builder.multiplier;
        this.successWhen = Objects.requireNonNull(builder.successWhen, "successWhen");
        this.failureWhen = Objects.requireNonNull(builder.failureWhen, "failureWhen");
        this.onProgress = builder.onProgress;
        this.progressListener = builder.progressListener;
        this.clock = Objects.requireNonNull(builder.clock, "clock");
        this.sleeper = Objects.requireNonNull(builder.sleeper, "sleeper");
        this.executor = Objects.requireNonNull(builder.executor, "executor");
    }

    public static <T extends Lifecycle> Builder<T> builder() {
        return new Builder<>();
    }

    /**
     * Polls on the calling thread until the resource succeeds, fails or the timeout passes.
     *
     * @param poll reads the resource once
     * @return the resource as read when it succeeded
     */
    public T waitFor(Supplier<? extends T> poll) {
        return run(poll, () -> false);
    }

    /**
     * The same wait on another thread (the builder's executor; by default a new daemon thread per
     * wait, since the wait mostly sleeps). Cancelling the future stops the polling after the
     * current pause.
     */
    public CompletableFuture<T> waitForAsync(Supplier<? extends T> poll) {
        CompletableFuture<T> result = new CompletableFuture<>();
        executor.execute(() -> {
            try {
                result.complete(run(poll, result::isDone));
            } catch (RuntimeException | Error e) {
                result.completeExceptionally(e);
            }
        });
        return result;
    }

    private T run(Supplier<? extends T> poll, BooleanSupplier abandoned) {
        Instant deadline = clock.instant().plus(timeout);
        Duration delay = initialDelay;
        while (true) {
            T current = Objects.requireNonNull(poll.get(), "poll returned null");
            report(current);
            if (failureWhen.test(current)) {
                throw new ResourceFailedException(current);
            }
            if (successWhen.test(current)) {
                return current;
            }
            Duration remaining = Duration.between(clock.instant(), deadline);
            if (remaining.isNegative() || remaining.isZero()) {
                throw new WaiterTimeoutException(timeout, current);
            }
            if (abandoned.getAsBoolean()) {
                throw new CancellationException("wait cancelled");
            }
            // Never sleep past the deadline: the last poll happens right at it.
            pause(delay.compareTo(remaining) < 0 ? delay : remaining);
            delay = next(delay);
        }
    }

    private void report(T current) {
        if (onProgress != null) {
            onProgress.accept(current);
        }
        if (progressListener != null) {
            progressListener.onProgress(current.status().value(), current.stage(), current.progress());
        }
    }

    private Duration next(Duration delay) {
        double nanos = delay.toNanos() * multiplier;
        return nanos >= maxDelay.toNanos() ? maxDelay : Duration.ofNanos((long) nanos);
    }

    private void pause(Duration duration) {
        try {
            sleeper.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SdkClientException("interrupted while waiting", e);
        }
    }

    private static Duration positive(Duration value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, was " + value);
        }
        return value;
    }

    /**
     * Builds a {@link Waiter}. Defaults: 30 minute timeout, 2 s first pause, 30 s longest pause,
     * multiplier 2, success and failure as the resource's {@link Lifecycle#isTerminalSuccess()}
     * and {@link Lifecycle#isTerminalFailure()}.
     */
    public static final class Builder<T extends Lifecycle> {
        private Duration timeout = Duration.ofMinutes(30);
        private Duration initialDelay = Duration.ofSeconds(2);
        private Duration maxDelay = Duration.ofSeconds(30);
        private double multiplier = 2.0;
        private Predicate<? super T> successWhen = Lifecycle::isTerminalSuccess;
        private Predicate<? super T> failureWhen = Lifecycle::isTerminalFailure;
        private Consumer<? super T> onProgress;
        private ProgressListener progressListener;
        private Clock clock = Clock.systemUTC();
        private Sleeper sleeper = Sleeper.system();
        private Executor executor = THREAD_PER_WAIT;

        private Builder() {
        }

        public Builder<T> timeout(Duration timeout) {
            this.timeout = timeout;
            return this;
        }

        public Builder<T> initialDelay(Duration initialDelay) {
            this.initialDelay = initialDelay;
            return this;
        }

        public Builder<T> maxDelay(Duration maxDelay) {
            this.maxDelay = maxDelay;
            return this;
        }

        public Builder<T> multiplier(double multiplier) {
            this.multiplier = multiplier;
            return this;
        }

        /**
         * When the wait succeeds. Set it when the aim is not the resource's own terminal success,
         * e.g. {@code c -> c.status() == ClusterStatus.DESTROYED} when waiting for a deletion.
         */
        public Builder<T> successWhen(Predicate<? super T> successWhen) {
            this.successWhen = successWhen;
            return this;
        }

        /** When the wait fails fast with a {@link ResourceFailedException}; checked before success. */
        public Builder<T> failureWhen(Predicate<? super T> failureWhen) {
            this.failureWhen = failureWhen;
            return this;
        }

        /** Receives the resource as read on every poll, including the last. */
        public Builder<T> onProgress(Consumer<? super T> onProgress) {
            this.onProgress = onProgress;
            return this;
        }

        /** Receives status, stage and progress on every poll, including the last. */
        public Builder<T> progressListener(ProgressListener progressListener) {
            this.progressListener = progressListener;
            return this;
        }

        public Builder<T> clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        public Builder<T> sleeper(Sleeper sleeper) {
            this.sleeper = sleeper;
            return this;
        }

        /** Where {@link Waiter#waitForAsync(Supplier)} polls. */
        public Builder<T> executor(Executor executor) {
            this.executor = executor;
            return this;
        }

        public Waiter<T> build() {
            return new Waiter<>(this);
        }
    }
}
