package com.lakesail.backend.store;

import com.lakesail.backend.port.Item;
import com.lakesail.backend.port.Key;
import java.time.Instant;
import java.util.Objects;

/**
 * The workflow outbox: one entry per lifecycle operation whose workflow a committed change asks
 * for, written in the same transaction as that change.
 *
 * <pre>
 * entity / purpose      pk          sk                    GSI1 (pk / sk)
 * outbox entry          ORG#org     OUTBOX#execution      OUTBOX#shard / dueAt#org#execution
 * </pre>
 *
 * <ul>
 * <li>write: put ORG#org / OUTBOX#execution (notExists) inside the change's transaction;
 * <li>settle, reschedule, delete: the entry by its key, on the version read;
 * <li>what is due, across tenants and without a scan: query each of the {@link #SHARDS} GSI1
 *     partitions {@code OUTBOX#0..} in sort-key order (due time first) and stop at the first
 *     entry not yet due. The shard is a hash of the execution name, so entries spread over
 *     several index partitions (each takes about a thousand writes a second) however busy one
 *     tenant is.
 * </ul>
 */
public final class OutboxItems {
    /** Index partitions of the outbox: a reconciler pass reads all of them. */
    public static final int SHARDS = 8;
    public static final String TYPE = "OutboxEntry";
    private static final String PREFIX = "OUTBOX#";

    private OutboxItems() {
    }

    public static Key key(String orgId, String executionName) {
        return Key.of(Keys.orgPartition(orgId), PREFIX + executionName);
    }

    /** The GSI1 partition of shard {@code shard} (0 to {@link #SHARDS} - 1). */
    public static String shardPartition(int shard) {
        return PREFIX + shard;
    }

    static int shardOf(String executionName) {
        return Math.floorMod(executionName.hashCode(), SHARDS);
    }

    public static Item item(Entry entry, long version) {
        return Items.item(key(entry.orgId(), entry.executionName()), TYPE, version, entry)
                .gsi1(shardPartition(shardOf(entry.executionName())),
                        Keys.auditTime(entry.dueAt()) + "#" + entry.orgId() + "#" + entry.executionName())
                .build();
    }

    public static Entry entry(Item item) {
        return Items.decode(item, Entry.class);
    }

    /**
     * One operation's workflow, from the commit that asked for it until the operation has finished.
     *
     * @param executionId   the execution once started, null before
     * @param dueAt         when a reconciler should next look at it
     * @param startAttempts starts that failed so far
     */
    public record Entry(String orgId, String stateMachine, String executionName, String input, Instant dueAt,
                        String executionId, int startAttempts) {
        public Entry {
            Objects.requireNonNull(orgId, "orgId");
            Objects.requireNonNull(stateMachine, "stateMachine");
            Objects.requireNonNull(executionName, "executionName");
            Objects.requireNonNull(input, "input");
            Objects.requireNonNull(dueAt, "dueAt");
        }

        public boolean started() {
            return executionId != null;
        }

        public Entry started(String executionId, Instant checkAt) {
            return new Entry(orgId, stateMachine, executionName, input, checkAt, executionId, startAttempts);
        }

        public Entry startFailed(Instant retryAt) {
            return new Entry(orgId, stateMachine, executionName, input, retryAt, null, startAttempts + 1);
        }

        public Entry dueAt(Instant next) {
            return new Entry(orgId, stateMachine, executionName, input, next, executionId, startAttempts);
        }
    }
}
