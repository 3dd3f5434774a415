package com.lakesail.backend.service;

import com.lakesail.backend.domain.AccessSnapshot;
import com.lakesail.backend.domain.ConflictException;

/** The invariant every access change keeps: an organization always has an owner. */
final class OwnerGuard {
    private OwnerGuard() {
    }

    /** @throws ConflictException when {@code after} has no organization-wide owner */
    static void requireOne(AccessSnapshot after, String change) {
        if (after.owners().isEmpty()) {
            throw new ConflictException(change + " would leave the organization without an owner;"
                    + " make another member owner first");
        }
    }
}
