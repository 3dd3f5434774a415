package com.lakesail.sdk.waiter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lakesail.sdk.exception.ResourceNotFoundException;
import com.lakesail.sdk.exception.ServiceError;
import com.lakesail.sdk.testing.FakeClock;
import com.lakesail.sdk.testing.RecordingSleeper;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class WaiterTest {
    private final FakeClock clock = new FakeClock(Instant.parse("2030-01-01T00:00:00Z"));
    private final RecordingSleeper sleeper = new RecordingSleeper(clock);

    /** A test-only lifecycle status, shaped like the ones lifecycle resources will declare. */
    enum TestStatus implements LifecycleStatus {
        PENDING, PROVISIONING, ACTIVE, FAILED, DESTROYED;

        @Override
        public String value() {
            return name().toLowerCase();
        }
    }

    /** A test-only lifecycle resource. */
    record TestResource(TestStatus status, String stage, int progress, String statusReason) implements Lifecycle {

        @Override
        public boolean isTerminalSuccess() {
            return status == TestStatus.ACTIVE;
        }

        @Override
        public boolean isTerminalFailure() {
            return status == TestStatus.FAILED;
        }
    }

    private static TestResource at(TestStatus status, String stage, int progress) {
        return new TestResource(status, stage, progress, null);
    }

    /** Answers the given reads in order, then keeps answering the last one. */
    private static Supplier<TestResource> reads(TestResource... resources) {
        Deque<TestResource> queue = new ArrayDeque<>(Arrays.asList(resources));
        return () -> queue.size() > 1 ? queue.poll() : queue.peek();
    }

    private Waiter.Builder<TestResource> waiter() {
        return Waiter.<TestResource>builder().clock(clock).sleeper(sleeper)
                .initialDelay(Duration.ofSeconds(1)).maxDelay(Duration.ofSeconds(5)).multiplier(2)
                .timeout(Duration.ofMinutes(1));
    }

    @Test
    void waitFor_whenResourceBecomesActive_returnsItAfterBackingOff() {
        TestResource active = at(TestStatus.ACTIVE, null, 100);

        TestResource result = waiter().build().waitFor(reads(at(TestStatus.PENDING, null, 0),
                at(TestStatus.PROVISIONING, "network", 20), at(TestStatus.PROVISIONING, "nodes", 60),
                at(TestStatus.PROVISIONING, "nodes", 80), active));

        assertSame(active, result);
        assertEquals(List.of(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4), Duration.ofSeconds(5)),
                sleeper.pauses());
    }

    @Test
    void waitFor_whenAlreadyActive_returnsWithoutSleeping() {
        waiter().build().waitFor(reads(at(TestStatus.ACTIVE, null, 100)));

        assertEquals(List.of(), sleeper.pauses());
    }

    @Test
    void waitFor_whenPolling_reportsEveryReadToBothCallbacks() {
        List<TestResource> seen = new ArrayList<>();
        List<String> events = new ArrayList<>();

        waiter().onProgress(seen::add)
                .progressListener((status, stage, progress) -> events.add(status + "/" + stage + "/" + progress))
                .build()
                .waitFor(reads(at(TestStatus.PENDING, null, 0), at(TestStatus.PROVISIONING, "nodes", 50),
                        at(TestStatus.ACTIVE, null, 100)));

        assertEquals(List.of("pending/null/0", "provisioning/nodes/50", "active/null/100"), events);
        assertEquals(3, seen.size());
        assertEquals(TestStatus.ACTIVE, seen.get(2).status());
    }

    @Test
    void waitFor_whenResourceFails_throwsAtOnceWithStatusStageAndReason() {
        TestResource failed = new TestResource(TestStatus.FAILED, "nodes", 40, "insufficient capacity for m8g.large");

        ResourceFailedException e = assertThrows(ResourceFailedException.class, () -> waiter().build()
                .waitFor(reads(at(TestStatus.PROVISIONING, "nodes", 30), failed, at(TestStatus.ACTIVE, null, 100))));

        assertEquals("failed", e.status());
        assertEquals("nodes", e.stage());
        assertEquals("insufficient capacity for m8g.large", e.statusReason());
        assertSame(failed, e.resource());
        assertTrue(e.getMessage().contains("insufficient capacity"), e.getMessage());
        assertEquals(1, sleeper.pauses().size());
    }

    @Test
    void waitFor_whenNeverDone_throwsTimeoutAfterPollingAtTheDeadline() {
        TestResource stuck = at(TestStatus.PROVISIONING, "nodes", 10);
        List<Instant> pollTimes = new ArrayList<>();

        WaiterTimeoutException e = assertThrows(WaiterTimeoutException.class, () -> waiter()
                .timeout(Duration.ofSeconds(10))
                .build()
                .waitFor(() -> {
                    pollTimes.add(clock.instant());
                    return stuck;
                }));

        assertEquals(Duration.ofSeconds(10), e.timeout());
        assertSame(stuck, e.lastSeen());
        // Pauses 1, 2, 4, then only the 3 s left, so the last poll is right at the deadline.
        assertEquals(List.of(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4), Duration.ofSeconds(3)),
                sleeper.pauses());
        assertEquals(Instant.parse("2030-01-01T00:00:10Z"), pollTimes.get(pollTimes.size() - 1));
    }

    @Test
    void waitFor_whenSuccessConditionGiven_usesItInsteadOfTerminalSuccess() {
        TestResource result = waiter().successWhen(r -> r.status() == TestStatus.DESTROYED).build()
                .waitFor(reads(at(TestStatus.ACTIVE, null, 100), at(TestStatus.DESTROYED, null, 100)));

        assertEquals(TestStatus.DESTROYED, result.status());
        assertEquals(1, sleeper.pauses().size());
    }

    @Test
    void waitFor_whenPollThrows_passesExceptionThrough() {
        ResourceNotFoundException gone = new ResourceNotFoundException(
                ServiceError.builder().status(404).code("ResourceNotFound").message("gone").build());

        assertSame(gone, assertThrows(ResourceNotFoundException.class, () -> waiter().build().waitFor(() -> {
            throw gone;
        })));
    }

    @Test
    void waitForAsync_whenResourceBecomesActive_completesWithIt() throws Exception {
        CompletableFuture<TestResource> future = waiter().executor(Runnable::run).build()
                .waitForAsync(reads(at(TestStatus.PENDING, null, 0), at(TestStatus.ACTIVE, null, 100)));

        assertEquals(TestStatus.ACTIVE, future.get().status());
    }

    @Test
    void waitForAsync_whenResourceFails_completesExceptionally() {
        CompletableFuture<TestResource> future = waiter().executor(Runnable::run).build()
                .waitForAsync(reads(new TestResource(TestStatus.FAILED, "vpc", 5, "CIDR overlaps")));

        ExecutionException e = assertThrows(ExecutionException.class, future::get);
        assertInstanceOf(ResourceFailedException.class, e.getCause());
    }

    @Test
    void waitForAsync_whenCancelled_stopsPolling() {
        List<Runnable> tasks = new ArrayList<>();
        int[] polls = {0};
        CompletableFuture<TestResource> future = waiter().executor(tasks::add).build().waitForAsync(() -> {
            polls[0]++;
            return at(TestStatus.PENDING, null, 0);
        });

        future.cancel(false);
        tasks.get(0).run();

        assertEquals(1, polls[0]);
        assertTrue(future.isCancelled());
    }

    @Test
    void waitForAsync_whenDefaultExecutor_runsOffTheCallingThread() throws Exception {
        Thread caller = Thread.currentThread();
        Thread[] poller = new Thread[1];

        waiter().build().waitForAsync(() -> {
            poller[0] = Thread.currentThread();
            return at(TestStatus.ACTIVE, null, 100);
        }).get();

        assertTrue(poller[0] != caller && poller[0].isDaemon());
    }

    @Test
    void build_whenMultiplierBelowOne_throws() {
        assertThrows(IllegalArgumentException.class, () -> waiter().multiplier(0.5).build());
    }
}
