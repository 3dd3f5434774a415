package com.lakesail.backend.port;

import java.util.List;
import java.util.Optional;

/**
 * The item-level storage port over the single table (DESIGN §3). Implemented by the DynamoDB adapter
 * and, for the embedded backend, by SQLite; one contract test suite runs against both.
 *
 * <p>All reads are strongly consistent on the table and eventually consistent on GSIs. Every write
 * takes a {@link Condition}; a failed condition throws {@link ConditionFailedException}. A
 * {@link #transact transaction} of up to 100 writes is all-or-nothing.
 */
public interface Store {

    /** Maximum writes in one {@link #transact} call (DynamoDB's limit). */
    int MAX_TRANSACTION_WRITES = 100;

    Optional<Item> get(Key key);

    void put(Item item, Condition condition);

    void delete(Key key, Condition condition);

    /**
     * @throws InvalidPageTokenException when {@code query.pageToken()} is not one this store issued
     */
    Page<Item> query(Query query);

    /**
     * Applies every write or none.
     *
     * @throws ConditionFailedException naming the index of the write whose condition failed, when known
     */
    void transact(List<Write> writes);

    /** Store round trips made so far, counted inside the adapter, for benchmarks and budgets. */
    long roundTrips();

    /**
     * Warms what the adapter can warm without I/O (its classes, a schema), before a SnapStart
     * snapshot. Makes no call and opens no connection.
     */
    default void prime() {
    }
}
