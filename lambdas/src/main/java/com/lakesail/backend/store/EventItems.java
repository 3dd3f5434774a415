package com.lakesail.backend.store;

import com.lakesail.backend.domain.event.Event;
import com.lakesail.backend.port.Item;
import com.lakesail.backend.port.Key;
import java.time.Instant;

/**
 * State-change events as items, and the access patterns they serve. An event is written in the
 * transaction that makes the change it reports, still to be published; publishing it settles it.
 *
 * <pre>
 * entity / purpose     pk          sk                          GSI1 (pk / sk)                      GSI2 (pk / sk)
 * event                ORG#org     EVENT#resource#time#evt     ORG#org#EVENTS#parent / time#evt    EVENTPUB#shard / dueAt#org#resource#time#evt
 *                                  (TTL: expiresAt)            (when it has a parent)              (until published)
 * </pre>
 *
 * <ul>
 * <li>a resource's recent events, newest first: query ORG#org, sk begins with EVENT#resource#, descending;
 * <li>a parent's (a job's: its runs'), newest first: query GSI1 ORG#org#EVENTS#parent descending;
 * <li>publish: put the event (notExists) in the change's transaction, with GSI2 keys; once the bus took it,
 *     put it again without them (on version 1), so it leaves the queue;
 * <li>what is due to be published again, across tenants and without a scan: query each of the
 *     {@link #SHARDS} GSI2 partitions in due order and stop at the first entry not yet due.
 * </ul>
 */
public final class EventItems {
    public static final int SHARDS = 8;
    public static final String TYPE = "Event";
    private static final String PREFIX = "EVENT#";
    private static final String QUEUE = "EVENTPUB#";

    private EventItems() {
    }

    public static Key key(Event event) {
        return Key.of(Keys.orgPartition(event.organizationId()), resourcePrefix(event.resourceId()) + sortKey(event));
    }

    /** The table sort-key prefix of a resource's events. */
    public static String resourcePrefix(String resourceId) {
        return PREFIX + resourceId + "#";
    }

    /** The GSI1 partition of a parent's events. */
    public static String ofParent(String orgId, String parentId) {
        return Keys.orgPartition(orgId) + "#EVENTS#" + parentId;
    }

    public static String queuePartition(int shard) {
        return QUEUE + shard;
    }

    /** The event as written with its change: in the publish queue, due at {@code dueAt}. */
    public static Item pending(Event event, Instant dueAt, Instant expiresAt) {
        return builder(event, 1, expiresAt)
                .gsi2(queuePartition(Math.floorMod(event.id().hashCode(), SHARDS)),
                        Keys.auditTime(dueAt) + "#" + event.organizationId() + "#" + event.resourceId() + "#" + sortKey(event))
                .build();
    }

    /** The event once the bus took it: out of the publish queue. */
    public static Item published(Event event, Instant expiresAt) {
        return builder(event, 2, expiresAt).build();
    }

    public static Event event(Item item) {
        return Items.decode(item, Event.class);
    }

    private static Item.Builder builder(Event event, long version, Instant expiresAt) {
        Item.Builder item = Items.item(key(event), TYPE, version, event).expiresAt(expiresAt.getEpochSecond());
        if (event.parentId() != null) {
            item.gsi1(ofParent(event.organizationId(), event.parentId()), sortKey(event));
        }
        return item;
    }

    private static String sortKey(Event event) {
        return Keys.auditTime(event.time()) + "#" + event.id();
    }
}
