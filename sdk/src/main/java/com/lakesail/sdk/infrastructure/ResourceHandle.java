package com.lakesail.sdk.infrastructure;

import com.lakesail.sdk.exception.ResourceNotFoundException;
import com.lakesail.sdk.waiter.ProgressListener;
import com.lakesail.sdk.waiter.ResourceFailedException;
import com.lakesail.sdk.waiter.Waiter;
import com.lakesail.sdk.waiter.WaiterTimeoutException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A cloud account, network, cluster or catalog that slow work was just started on, with the means
 * to wait for that work. Creates, updates, verifications and deletes return one; so does
 * {@code handle(id)} on each service, for a resource known only by its id. Models stay plain
 * immutable records: the handle, not the record, knows how to read the resource again.
 *
 * <p>Every wait reads the resource with a {@code GET} right away and then after pauses of 2 s
 * doubling up to 30 s, until it reaches its aim, fails, or the timeout passes
 * ({@link WaiterTimeoutException}). A {@code failed} status (and a {@code disconnected} cloud
 * account) ends the wait at once with a {@link ResourceFailedException} carrying the stage and the
 * reason. The progress callbacks see every read. To change the pauses, or to take the clock and
 * sleeper from a test, use the overloads that take a {@link Waiter.Builder} customizer.
 *
 * <pre>{@code
 * Cluster cluster = lakesail.clusters()
 *     .create(r -> r.name("prod").networkId(net.id()).accessPolicy(AccessPolicy.privateOnly()))
 *     .waitUntilActive(Duration.ofMinutes(30), c -> bar.update(c.progress()));
 *
 * lakesail.clusters().delete(cluster.id())
 *     .waitUntilDestroyed(Duration.ofMinutes(20), (status, stage, progress) -> log.info("{} {}", stage, progress));
 *
 * CompletableFuture<Network> ready = lakesail.networks().handle(networkId)
 *     .waitUntilActiveAsync(w -> w.timeout(Duration.ofMinutes(10)).maxDelay(Duration.ofSeconds(5)));
 * }</pre>
 *
 * @param <T> the resource type
 */
public final class ResourceHandle<T extends InfrastructureResource> {
    private final String id;
    private final Function<String, ? extends T> get;
    private volatile T resource;

    private ResourceHandle(String id, T resource, Function<String, ? extends T> get) {
        this.id = Objects.requireNonNull(id, "id");
        this.resource = resource;
        this.get = Objects.requireNonNull(get, "get");
    }

    /**
     * A handle on {@code resource} as a call returned it; {@code get} reads it again by id (the
     * service's {@code get}). Also the way to fake a handle in a test.
     */
    public static <T extends InfrastructureResource> ResourceHandle<T> of(T resource,
            Function<String, ? extends T> get) {
        return new ResourceHandle<>(Objects.requireNonNull(resource, "resource").id(), resource, get);
    }

    /** A handle on the resource {@code id}, read with {@code get} when first needed. */
    public static <T extends InfrastructureResource> ResourceHandle<T> of(String id,
            Function<String, ? extends T> get) {
        return new ResourceHandle<>(id, null, get);
    }

    public String id() {
        return id;
    }

    /**
     * The resource as the call that made this handle returned it. When that call answered without
     * a body (re-verifying a cloud account, deleting a catalog), it is read on first use; a
     * resource already gone then throws {@link ResourceNotFoundException}.
     */
    public T resource() {
        T known = resource;
        if (known == null) {
            known = get.apply(id);
            resource = known;
        }
        return known;
    }

    /** Waits until the resource is active, at most {@code timeout}. */
    public T waitUntilActive(Duration timeout) {
        return waitUntilActive(w -> w.timeout(timeout));
    }

    /** Waits until the resource is active, telling {@code listener} the status, stage and progress of every read. */
    public T waitUntilActive(Duration timeout, ProgressListener listener) {
        return waitUntilActive(w -> w.timeout(timeout).progressListener(listener));
    }

    /** Waits until the resource is active, handing every read to {@code onProgress}. */
    public T waitUntilActive(Duration timeout, Consumer<? super T> onProgress) {
        return waitUntilActive(w -> w.timeout(timeout).onProgress(onProgress));
    }

    /**
     * Waits until the resource is active, with a waiter {@code waiter} may reconfigure (timeout,
     * pauses, callbacks, clock, sleeper). Besides {@code failed}, a resource that is destroying or
     * destroyed ends the wait with a {@link ResourceFailedException}: it can never become active.
     *
     * @return the resource as read when it was active
     */
    public T waitUntilActive(Consumer<Waiter.Builder<T>> waiter) {
        return untilActive(waiter).waitFor(this::read);
    }

    public CompletableFuture<T> waitUntilActiveAsync(Duration timeout, ProgressListener listener) {
        return waitUntilActiveAsync(w -> w.timeout(timeout).progressListener(listener));
    }

    public CompletableFuture<T> waitUntilActiveAsync(Duration timeout, Consumer<? super T> onProgress) {
        return waitUntilActiveAsync(w -> w.timeout(timeout).onProgress(onProgress));
    }

    /**
     * {@link #waitUntilActive(Consumer)} on another thread (see {@link Waiter#waitForAsync}); the
     * future fails with the exception the wait would throw. Cancelling it stops the polling.
     */
    public CompletableFuture<T> waitUntilActiveAsync(Consumer<Waiter.Builder<T>> waiter) {
        return untilActive(waiter).waitForAsync(this::read);
    }

    /** Waits until the resource is destroyed, at most {@code timeout}. */
    public Optional<T> waitUntilDestroyed(Duration timeout) {
        return waitUntilDestroyed(w -> w.timeout(timeout));
    }

    public Optional<T> waitUntilDestroyed(Duration timeout, ProgressListener listener) {
        return waitUntilDestroyed(w -> w.timeout(timeout).progressListener(listener));
    }

    public Optional<T> waitUntilDestroyed(Duration timeout, Consumer<? super T> onProgress) {
        return waitUntilDestroyed(w -> w.timeout(timeout).onProgress(onProgress));
    }

    /**
     * Waits until the resource is destroyed. The service keeps destroyed resources, but one it no
     * longer knows (404) counts as destroyed too; so does one that never existed. A {@code failed}
     * status, such as a teardown that stopped at a stage, ends the wait with a
     * {@link ResourceFailedException}.
     *
     * @return the resource as read when it was destroyed, or empty if the service no longer knows it
     */
    public Optional<T> waitUntilDestroyed(Consumer<Waiter.Builder<T>> waiter) {
        try {
            return Optional.of(untilDestroyed(waiter).waitFor(this::read));
        } catch (ResourceNotFoundException gone) {
            return Optional.empty();
        }
    }

    public CompletableFuture<Optional<T>> waitUntilDestroyedAsync(Duration timeout, ProgressListener listener) {
        return waitUntilDestroyedAsync(w -> w.timeout(timeout).progressListener(listener));
    }

    public CompletableFuture<Optional<T>> waitUntilDestroyedAsync(Duration timeout, Consumer<? super T> onProgress) {
        return waitUntilDestroyedAsync(w -> w.timeout(timeout).onProgress(onProgress));
    }

    /** {@link #waitUntilDestroyed(Consumer)} on another thread; cancelling the future stops the polling. */
    public CompletableFuture<Optional<T>> waitUntilDestroyedAsync(Consumer<Waiter.Builder<T>> waiter) {
        CompletableFuture<T> polling = untilDestroyed(waiter).waitForAsync(this::read);
        CompletableFuture<Optional<T>> result = new CompletableFuture<>();
        polling.whenComplete((destroyed, error) -> {
            Throwable cause = error instanceof CompletionException && error.getCause() != null
                    ? error.getCause() : error;
            if (cause == null) {
                result.complete(Optional.of(destroyed));
            } else if (cause instanceof ResourceNotFoundException) {
                result.complete(Optional.empty());
            } else {
                result.completeExceptionally(cause);
            }
        });
        // The waiter stops when its own future is done, so pass a cancellation on to it.
        result.whenComplete((ignored, error) -> {
            if (result.isCancelled()) {
                polling.cancel(false);
            }
        });
        return result;
    }

    private T read() {
        return get.apply(id);
    }

    private Waiter<T> untilActive(Consumer<Waiter.Builder<T>> customizer) {
        Waiter.Builder<T> builder = Waiter.<T>builder()
                .successWhen(r -> r.status().isActive())
                .failureWhen(r -> r.status().isFailed() || r.status().isDestroying() || r.status().isDestroyed());
        customizer.accept(builder);
        return builder.build();
    }

    private Waiter<T> untilDestroyed(Consumer<Waiter.Builder<T>> customizer) {
        Waiter.Builder<T> builder = Waiter.<T>builder()
                .successWhen(r -> r.status().isDestroyed())
                .failureWhen(r -> r.status().isFailed());
        customizer.accept(builder);
        return builder.build();
    }

    @Override
    public String toString() {
        return "ResourceHandle[" + id + "]";
    }
}
