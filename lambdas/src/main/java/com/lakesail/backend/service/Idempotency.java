package com.lakesail.backend.service;

import com.lakesail.backend.port.Write;
import java.util.List;

/**
 * The record of a create's first result, written in the same transaction as the thing created, so
 * a replay finds either both or neither. The API layer supplies it from the {@code Idempotency-Key}
 * header; it alone knows how the result is rendered.
 */
@FunctionalInterface
public interface Idempotency {

    /** For creates that came without a key. */
    Idempotency NONE = result -> List.of();

    List<Write> record(Object result);
}
