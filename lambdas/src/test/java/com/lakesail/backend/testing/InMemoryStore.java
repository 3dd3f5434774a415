package com.lakesail.backend.testing;

import com.lakesail.backend.port.Condition;
import com.lakesail.backend.port.ConditionFailedException;
import com.lakesail.backend.port.InvalidPageTokenException;
import com.lakesail.backend.port.Item;
import com.lakesail.backend.port.Key;
import com.lakesail.backend.port.Page;
import com.lakesail.backend.port.Query;
import com.lakesail.backend.port.Store;
import com.lakesail.backend.port.Write;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A {@link Store} in a map, for unit tests of the services and the API layer in this module (the
 * SQLite adapter lives in {@code local}). One lock makes every call atomic; {@code InMemoryStoreContractTest}
 * holds it to the same contract as the real adapters, so tests built on it test the code, not the double.
 */
public final class InMemoryStore implements Store {
    private static final char SEP = '\u0000';
    private static final String TOKEN_MARK = "mem";

    private final Map<Key, Item> items = new HashMap<>();
    private final AtomicLong roundTrips = new AtomicLong();

    @Override
    public synchronized Optional<Item> get(Key key) {
        roundTrips.incrementAndGet();
        return Optional.ofNullable(items.get(key));
    }

    @Override
    public void put(Item item, Condition condition) {
        transact(List.of(Write.put(item, condition)));
    }

    @Override
    public void delete(Key key, Condition condition) {
        transact(List.of(Write.delete(key, condition)));
    }

    @Override
    public synchronized void transact(List<Write> writes) {
        if (writes.isEmpty() || writes.size() > MAX_TRANSACTION_WRITES) {
            throw new IllegalArgumentException("a transaction has 1.." + MAX_TRANSACTION_WRITES + " writes: " + writes.size());
        }
        if (writes.stream().map(Write::key).distinct().count() != writes.size()) {
            throw new IllegalArgumentException("a transaction writes each item at most once");
        }
        roundTrips.incrementAndGet();
        for (int i = 0; i < writes.size(); i++) {
            Write write = writes.get(i);
            if (!holds(write.condition(), items.get(write.key()))) {
                throw new ConditionFailedException("condition " + write.condition() + " failed on " + write.key(),
                        writes.size() == 1 ? -1 : i);
            }
        }
        for (Write write : writes) {
            if (write instanceof Write.Put put) {
                items.put(put.key(), put.item());
            } else if (write instanceof Write.Delete) {
                items.remove(write.key());
            }
        }
    }

    private static boolean holds(Condition condition, Item current) {
        if (condition instanceof Condition.VersionIs versionIs) {
            return current != null && current.version() == versionIs.version();
        }
        if (condition instanceof Condition.NotExists) {
            return current == null;
        }
        if (condition instanceof Condition.Exists) {
            return current != null;
        }
        return true;
    }

    @Override
    public synchronized Page<Item> query(Query query) {
        roundTrips.incrementAndGet();
        String[] after = query.pageToken() == null ? null : decode(query);
        Comparator<String[]> order = Comparator.<String[], String>comparing(p -> p[0])
                .thenComparing(p -> p[1]).thenComparing(p -> p[2]);
        if (query.descending()) {
            order = order.reversed();
        }
        Comparator<String[]> finalOrder = order;
        List<Item> matches = new ArrayList<>();
        for (Item item : items.values()) {
            String[] position = position(query.index(), item);
            if (position != null && indexPk(query.index(), item).equals(query.pk()) && position[0].startsWith(query.skPrefix())
                    && (after == null || finalOrder.compare(position, after) > 0)) {
                matches.add(item);
            }
        }
        matches.sort((a, b) -> finalOrder.compare(position(query.index(), a), position(query.index(), b)));
        if (matches.size() <= query.limit()) {
            return new Page<>(matches, null);
        }
        List<Item> page = matches.subList(0, query.limit());
        return new Page<>(page, encode(query, position(query.index(), page.get(page.size() - 1))));
    }

    /** The item's index sort key and table key, or null when the item is not in the index. */
    private static String[] position(Query.Index index, Item item) {
        String sk = switch (index) {
            case TABLE -> item.sk();
            case GSI1 -> item.gsi1sk();
            case GSI2 -> item.gsi2sk();
        };
        return sk == null ? null : new String[] {sk, item.pk(), item.sk()};
    }

    private static String indexPk(Query.Index index, Item item) {
        return switch (index) {
            case TABLE -> item.pk();
            case GSI1 -> item.gsi1pk();
            case GSI2 -> item.gsi2pk();
        };
    }

    private static String encode(Query query, String[] position) {
        String raw = String.join(String.valueOf(SEP), TOKEN_MARK, query.index().name(), query.pk(),
                String.valueOf(query.descending()), position[0], position[1], position[2]);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    private static String[] decode(Query query) {
        String raw;
        try {
            raw = new String(Base64.getUrlDecoder().decode(query.pageToken()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new InvalidPageTokenException("nextToken is not valid for this query");
        }
        String[] parts = raw.split(String.valueOf(SEP), -1);
        if (parts.length != 7 || !parts[0].equals(TOKEN_MARK) || !parts[1].equals(query.index().name())
                || !parts[2].equals(query.pk()) || !parts[3].equals(String.valueOf(query.descending()))) {
            throw new InvalidPageTokenException("nextToken is not valid for this query");
        }
        return new String[] {parts[4], parts[5], parts[6]};
    }

    @Override
    public long roundTrips() {
        return roundTrips.get();
    }
}
