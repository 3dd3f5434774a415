package com.lakesail.backend.service;

import com.lakesail.backend.domain.AccessSnapshot;
import com.lakesail.backend.domain.ConflictException;
import com.lakesail.backend.port.Condition;
import com.lakesail.backend.port.ConditionFailedException;
import com.lakesail.backend.port.Store;
import com.lakesail.backend.port.Write;
import com.lakesail.backend.store.Items;
import com.lakesail.backend.store.Keys;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.inject.Inject;
import javax.inject.Singleton;

/**
 * Reads and writes organizations' {@link AccessSnapshot}s through a short-lived in-process cache.
 *
 * <p>Staleness bound: a permission check may use a snapshot up to {@link #TTL} old when the change
 * was made by another process (another Lambda container). A change made in this process replaces
 * the cached copy when it commits, so here it applies at once: a removed member is refused on the
 * very next request. Changes always start from a fresh read and commit with a condition on the
 * version they read, so a stale copy can never be written back.
 */
@Singleton
public final class AccessSnapshots {
    /** How long a cached snapshot is trusted. */
    public static final Duration TTL = Duration.ofSeconds(5);
    /** Past this many organizations, expired entries are dropped: the cache holds about those active within a TTL. */
    static final int MAX_CACHED = 10_000;

    private final Store store;
    private final Clock clock;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    @Inject
    public AccessSnapshots(Store store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    private record Cached(AccessSnapshot snapshot, Instant loadedAt) {
    }

    /** The snapshot, from the cache when it is younger than {@link #TTL}; empty when no such organization. */
    public Optional<AccessSnapshot> get(String orgId) {
        Cached cached = cache.get(orgId);
        if (cached != null && clock.instant().isBefore(cached.loadedAt().plus(TTL))) {
            return Optional.of(cached.snapshot());
        }
        return fresh(orgId);
    }

    /** The snapshot as stored now, refreshing the cache: every change starts from this. */
    public Optional<AccessSnapshot> fresh(String orgId) {
        Optional<AccessSnapshot> snapshot = store.get(Keys.accessSnapshot(orgId)).map(i -> Items.decode(i, AccessSnapshot.class));
        snapshot.ifPresentOrElse(this::remember, () -> cache.remove(orgId));
        return snapshot;
    }

    /**
     * Caches a snapshot unless a newer version is cached already: a read that started before a change
     * committed here must not put the old version back over it.
     */
    private void remember(AccessSnapshot snapshot) {
        Instant now = clock.instant();
        if (cache.size() >= MAX_CACHED) {
            cache.values().removeIf(c -> !now.isBefore(c.loadedAt().plus(TTL)));
        }
        Cached loaded = new Cached(snapshot, now);
        cache.merge(snapshot.organizationId(), loaded,
                (cached, fresh) -> fresh.snapshot().version() >= cached.snapshot().version() ? fresh : cached);
    }

    /**
     * Writes {@code after} as the next version of {@code before} together with {@code writes}, all in
     * one transaction, and caches it.
     *
     * @throws StaleSnapshotException when the snapshot (or another item written) changed since it was read
     */
    public AccessSnapshot commit(AccessSnapshot before, AccessSnapshot after, List<Write> writes) {
        AccessSnapshot next = new AccessSnapshot(after.organizationId(), after.members(), after.teams(), after.roles(),
                after.bindings(), before.version() + 1);
        List<Write> all = new ArrayList<>(writes);
        all.add(Write.put(Items.accessSnapshot(next),
                before.version() == 0 ? Condition.notExists() : Condition.versionIs(before.version())));
        try {
            store.transact(all);
        } catch (ConditionFailedException e) {
            cache.remove(before.organizationId());
            throw new StaleSnapshotException("access settings of organization " + before.organizationId()
                    + " changed concurrently; read them again and retry");
        }
        remember(next);
        return next;
    }

    /** The write that creates a new organization's first snapshot, for the transaction that founds it. */
    public static Write create(AccessSnapshot first) {
        return Write.put(Items.accessSnapshot(first.nextVersion()), Condition.notExists());
    }

    /** A change lost the race on the snapshot; running it again from a fresh read may succeed. */
    static final class StaleSnapshotException extends ConflictException {
        StaleSnapshotException(String message) {
            super(message);
        }
    }
}
