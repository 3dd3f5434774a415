package com.lakesail.sdk.infrastructure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lakesail.sdk.exception.ConflictException;
import com.lakesail.sdk.exception.ResourceNotFoundException;
import com.lakesail.sdk.exception.ServiceError;
import com.lakesail.sdk.testing.FakeClock;
import com.lakesail.sdk.testing.RecordingSleeper;
import com.lakesail.sdk.waiter.ResourceFailedException;
import com.lakesail.sdk.waiter.Waiter;
import com.lakesail.sdk.waiter.WaiterTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The handle's wait semantics against a scripted {@code get}; the HTTP side is in InfrastructureServicesTest. */
class ResourceHandleTest {
    private final FakeClock clock = new FakeClock(Instant.parse("2030-01-01T00:00:00Z"));
    private final RecordingSleeper sleeper = new RecordingSleeper(clock);
    private final List<String> requestedIds = new ArrayList<>();

    private static Cluster cluster(ClusterStatus status, String stage, int progress) {
        return Cluster.builder().id("cls_1").name("prod").status(status).stage(stage).progress(progress).build();
    }

    private static ResourceNotFoundException notFound() {
        return new ResourceNotFoundException(ServiceError.builder().status(404).code("ResourceNotFound")
                .message("no such cluster").build());
    }

    /** Answers the scripted reads in order (a RuntimeException is thrown), then keeps answering the last. */
    private Function<String, Cluster> reads(Object... script) {
        Deque<Object> queue = new ArrayDeque<>(List.of(script));
        return id -> {
            requestedIds.add(id);
            Object next = queue.size() > 1 ? queue.poll() : queue.peek();
            if (next instanceof RuntimeException e) {
                throw e;
            }
            return (Cluster) next;
        };
    }

    private <T extends InfrastructureResource> Consumer<Waiter.Builder<T>> fast(Duration timeout) {
        return w -> w.timeout(timeout).clock(clock).sleeper(sleeper).executor(Runnable::run)
                .initialDelay(Duration.ofSeconds(1)).maxDelay(Duration.ofSeconds(4));
    }

    @Test
    void waitUntilActive_whenProvisioningThenActive_reportsEveryReadAndReturnsActive() {
        List<String> events = new ArrayList<>();
        ResourceHandle<Cluster> handle = ResourceHandle.of(cluster(ClusterStatus.PENDING, null, 0),
                reads(cluster(ClusterStatus.PROVISIONING, "create_stack", 5),
                        cluster(ClusterStatus.PROVISIONING, "wait_for_create", 10),
                        cluster(ClusterStatus.PROVISIONING, "bootstrap_kubernetes", 90),
                        cluster(ClusterStatus.ACTIVE, null, 100)));

        Cluster active = handle.waitUntilActive(this.<Cluster>fast(Duration.ofMinutes(30))
                .andThen(w -> w.progressListener((status, stage, progress) ->
                        events.add(status + "/" + stage + "/" + progress))));

        assertEquals(ClusterStatus.ACTIVE, active.status());
        assertEquals(List.of("provisioning/create_stack/5", "provisioning/wait_for_create/10",
                "provisioning/bootstrap_kubernetes/90", "active/null/100"), events);
        assertEquals(List.of(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4)), sleeper.pauses());
        assertEquals(List.of("cls_1", "cls_1", "cls_1", "cls_1"), requestedIds);
    }

    @Test
    void waitUntilActive_whenConsumerGiven_handsItEveryRead() {
        List<Integer> progress = new ArrayList<>();
        ResourceHandle<Cluster> handle = ResourceHandle.of("cls_1", reads(cluster(ClusterStatus.ACTIVE, null, 100)));

        handle.waitUntilActive(Duration.ofSeconds(5), c -> progress.add(c.progress()));

        assertEquals(List.of(100), progress);
    }

    @Test
    void waitUntilActive_whenFailed_throwsAtOnceWithStageAndReason() {
        Cluster failed = cluster(ClusterStatus.FAILED, "wait_for_create", 40).toBuilder()
                .statusReason("insufficient capacity for m8g.large").build();
        ResourceHandle<Cluster> handle = ResourceHandle.of("cls_1",
                reads(cluster(ClusterStatus.PROVISIONING, "wait_for_create", 10), failed,
                        cluster(ClusterStatus.ACTIVE, null, 100)));

        ResourceFailedException e = assertThrows(ResourceFailedException.class,
                () -> handle.waitUntilActive(fast(Duration.ofMinutes(30))));

        assertEquals("failed", e.status());
        assertEquals("wait_for_create", e.stage());
        assertEquals("insufficient capacity for m8g.large", e.statusReason());
        assertSame(failed, e.resource());
        assertEquals(2, requestedIds.size());
    }

    @Test
    void waitUntilActive_whenDestroying_failsFastBecauseItCanNeverBecomeActive() {
        ResourceHandle<Cluster> handle = ResourceHandle.of("cls_1",
                reads(cluster(ClusterStatus.DESTROYING, "delete_stack", 5)));

        ResourceFailedException e = assertThrows(ResourceFailedException.class,
                () -> handle.waitUntilActive(fast(Duration.ofMinutes(30))));

        assertEquals("destroying", e.status());
        assertEquals(List.of(), sleeper.pauses());
    }

    @Test
    void waitUntilActive_whenNeverActive_timesOutAfterPollingAtTheDeadline() {
        Cluster stuck = cluster(ClusterStatus.PROVISIONING, "wait_for_create", 10);
        ResourceHandle<Cluster> handle = ResourceHandle.of("cls_1", reads(stuck));

        WaiterTimeoutException e = assertThrows(WaiterTimeoutException.class,
                () -> handle.waitUntilActive(fast(Duration.ofSeconds(10))));

        assertSame(stuck, e.lastSeen());
        assertEquals(List.of(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4), Duration.ofSeconds(3)),
                sleeper.pauses());
    }

    @Test
    void waitUntilActive_whenUpdatingThenActive_waitsThroughUpdating() {
        ResourceHandle<Cluster> handle = ResourceHandle.of("cls_1",
                reads(cluster(ClusterStatus.UPDATING, "update_stack", 5), cluster(ClusterStatus.ACTIVE, null, 100)));

        assertEquals(ClusterStatus.ACTIVE, handle.waitUntilActive(fast(Duration.ofMinutes(1))).status());
    }

    @Test
    void waitUntilActive_whenCloudAccountDisconnected_failsFast() {
        CloudAccount disconnected = CloudAccount.builder().id("acc_1").status(CloudAccountStatus.DISCONNECTED)
                .stage("verify_role").statusReason("AccessDenied").build();
        ResourceHandle<CloudAccount> handle = ResourceHandle.of("acc_1", id -> disconnected);

        ResourceFailedException e = assertThrows(ResourceFailedException.class,
                () -> handle.waitUntilActive(fast(Duration.ofMinutes(1))));

        assertEquals("disconnected", e.status());
        assertEquals("AccessDenied", e.statusReason());
    }

    @Test
    void waitUntilDestroyed_whenDestroyingThenDestroyed_returnsTheDestroyedResource() {
        List<String> events = new ArrayList<>();
        ResourceHandle<Cluster> handle = ResourceHandle.of("cls_1",
                reads(cluster(ClusterStatus.DESTROYING, "delete_stack", 5),
                cluster(ClusterStatus.DESTROYING, "wait_for_delete", 10), cluster(ClusterStatus.DESTROYED, null, 100)));

        Optional<Cluster> destroyed = handle.waitUntilDestroyed(this.<Cluster>fast(Duration.ofMinutes(20))
                .andThen(w -> w.progressListener((status, stage, progress) -> events.add(status + "/" + stage))));

        assertEquals(ClusterStatus.DESTROYED, destroyed.orElseThrow().status());
        assertEquals(List.of("destroying/delete_stack", "destroying/wait_for_delete", "destroyed/null"), events);
    }

    @Test
    void waitUntilDestroyed_whenNotFoundAfterDeletion_countsAsDestroyed() {
        ResourceHandle<Cluster> handle = ResourceHandle.of("cls_1",
                reads(cluster(ClusterStatus.DESTROYING, "wait_for_delete", 10), notFound()));

        assertEquals(Optional.empty(), handle.waitUntilDestroyed(fast(Duration.ofMinutes(20))));
        assertEquals(2, requestedIds.size());
    }

    @Test
    void waitUntilDestroyed_whenTeardownFails_throwsWithStageAndReason() {
        Cluster failed = cluster(ClusterStatus.FAILED, "wait_for_delete", 10).toBuilder()
                .statusReason("DELETE_FAILED: ENI in use").build();
        ResourceHandle<Cluster> handle = ResourceHandle.of("cls_1", reads(failed));

        ResourceFailedException e = assertThrows(ResourceFailedException.class,
                () -> handle.waitUntilDestroyed(fast(Duration.ofMinutes(20))));

        assertEquals("wait_for_delete", e.stage());
        assertEquals("DELETE_FAILED: ENI in use", e.statusReason());
    }

    @Test
    void waitUntilDestroyed_whenOtherServiceErrorOccurs_passesItThrough() {
        ConflictException conflict = new ConflictException(ServiceError.builder().status(409).code("Conflict").build());
        ResourceHandle<Cluster> handle = ResourceHandle.of("cls_1", reads(conflict));

        assertSame(conflict, assertThrows(ConflictException.class,
                () -> handle.waitUntilDestroyed(fast(Duration.ofMinutes(1)))));
    }

    @Test
    void waitUntilActiveAsync_whenActive_completesWithIt() throws Exception {
        ResourceHandle<Cluster> handle = ResourceHandle.of("cls_1",
                reads(cluster(ClusterStatus.PROVISIONING, null, 5), cluster(ClusterStatus.ACTIVE, null, 100)));

        assertEquals(ClusterStatus.ACTIVE, handle.waitUntilActiveAsync(fast(Duration.ofMinutes(1))).get().status());
    }

    @Test
    void waitUntilDestroyedAsync_whenNotFound_completesEmpty() throws Exception {
        ResourceHandle<Cluster> handle = ResourceHandle.of("cls_1", reads(notFound()));

        assertEquals(Optional.empty(), handle.waitUntilDestroyedAsync(fast(Duration.ofMinutes(1))).get());
    }

    @Test
    void waitUntilDestroyedAsync_whenFailed_completesExceptionallyWithResourceFailed() {
        ResourceHandle<Cluster> handle = ResourceHandle.of("cls_1",
                reads(cluster(ClusterStatus.FAILED, "delete_stack", 5)));

        CompletableFuture<Optional<Cluster>> future = handle.waitUntilDestroyedAsync(fast(Duration.ofMinutes(1)));

        ExecutionException e = assertThrows(ExecutionException.class, future::get);
        assertInstanceOf(ResourceFailedException.class, e.getCause());
    }

    @Test
    void waitUntilDestroyedAsync_whenCancelled_stopsPolling() {
        List<Runnable> tasks = new ArrayList<>();
        ResourceHandle<Cluster> handle = ResourceHandle.of("cls_1", reads(cluster(ClusterStatus.DESTROYING, null, 5)));
        CompletableFuture<Optional<Cluster>> future = handle.waitUntilDestroyedAsync(
                this.<Cluster>fast(Duration.ofMinutes(1)).andThen(w -> w.executor(tasks::add)));

        future.cancel(false);
        tasks.get(0).run();

        assertTrue(future.isCancelled());
        assertEquals(1, requestedIds.size());
    }

    @Test
    void resource_whenMadeFromIdOnly_readsOnceOnFirstUse() {
        ResourceHandle<Cluster> handle = ResourceHandle.of("cls_1", reads(cluster(ClusterStatus.DESTROYED, null, 100)));
        assertEquals(List.of(), requestedIds);

        assertEquals(ClusterStatus.DESTROYED, handle.resource().status());
        handle.resource();

        assertEquals(List.of("cls_1"), requestedIds);
        assertEquals("cls_1", handle.id());
    }

    @Test
    void resource_whenMadeFromResource_returnsItWithoutReading() {
        Cluster pending = cluster(ClusterStatus.PENDING, null, 0);

        assertSame(pending, ResourceHandle.of(pending, reads(pending)).resource());
        assertEquals(List.of(), requestedIds);
    }
}
