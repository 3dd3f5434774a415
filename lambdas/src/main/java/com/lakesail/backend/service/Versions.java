package com.lakesail.backend.service;

import com.lakesail.backend.domain.ConflictException;

/** The optimistic-locking check of a change that names the version its caller read. */
public final class Versions {
    private Versions() {
    }

    /** @param expected the version the caller read; null means "whatever is current" */
    public static void require(String what, String id, long current, Long expected) {
        if (expected != null && expected != current) {
            throw new ConflictException(what + " " + id + " is at version " + current + ", not " + expected
                    + ": read it again and retry");
        }
    }
}
