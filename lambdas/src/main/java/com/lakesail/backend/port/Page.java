package com.lakesail.backend.port;

import java.util.List;
import java.util.Optional;

/**
 * One page of results and the opaque token of the next, absent on the last page.
 */
public record Page<T>(List<T> items, String nextToken) {

    public Page {
        items = List.copyOf(items);
    }

    public Optional<String> next() {
        return Optional.ofNullable(nextToken);
    }

    public <R> Page<R> map(java.util.function.Function<? super T, ? extends R> mapper) {
        return new Page<>(items.stream().<R>map(mapper).toList(), nextToken);
    }
}
