package com.lakesail.backend.port;

import java.util.Objects;

/**
 * A key-condition query: one partition of the table or of a GSI, optionally narrowed to sort keys
 * beginning with a prefix, in sort-key order. Never a scan.
 *
 * @param index      where to look
 * @param pk         the partition key value (of the table or of the index)
 * @param skPrefix   sort keys must begin with this; empty for the whole partition
 * @param limit      page size, 1 to 1000
 * @param pageToken  the {@link Page#nextToken()} of the previous page, or null for the first
 * @param descending newest first when sort keys are time-ordered
 */
public record Query(Index index, String pk, String skPrefix, int limit, String pageToken, boolean descending) {

    public static final int MAX_LIMIT = 1000;

    public Query {
        Objects.requireNonNull(index, "index");
        Objects.requireNonNull(pk, "pk");
        skPrefix = skPrefix == null ? "" : skPrefix;
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be 1.." + MAX_LIMIT + ": " + limit);
        }
    }

    public static Query partition(Index index, String pk, String skPrefix, int limit, String pageToken) {
        return new Query(index, pk, skPrefix, limit, pageToken, false);
    }

    public Query descending(boolean descending) {
        return new Query(index, pk, skPrefix, limit, pageToken, descending);
    }

    /** The table's primary key or one of the two generic GSIs. */
    public enum Index {
        TABLE, GSI1, GSI2
    }
}
