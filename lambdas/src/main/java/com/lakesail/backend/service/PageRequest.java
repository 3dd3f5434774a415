package com.lakesail.backend.service;

import com.lakesail.backend.domain.Validator;

/** {@code ?limit=&nextToken=} of a list call, validated. */
public record PageRequest(int limit, String nextToken) {
    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 100;

    public static PageRequest of(Integer limit, String nextToken) {
        new Validator().range("limit", limit, 1, MAX_LIMIT)
                .require(nextToken == null || (!nextToken.isEmpty() && nextToken.length() <= 2048), "nextToken", "is not a valid token")
                .throwIfInvalid();
        return new PageRequest(limit == null ? DEFAULT_LIMIT : limit, nextToken);
    }

    public static PageRequest first() {
        return new PageRequest(DEFAULT_LIMIT, null);
    }
}
