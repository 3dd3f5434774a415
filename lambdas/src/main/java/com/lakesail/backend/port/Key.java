package com.lakesail.backend.port;

import java.util.Objects;

/** The primary key of an item: partition key and sort key. */
public record Key(String pk, String sk) {
    public Key {
        Objects.requireNonNull(pk, "pk");
        Objects.requireNonNull(sk, "sk");
    }

    public static Key of(String pk, String sk) {
        return new Key(pk, sk);
    }
}
