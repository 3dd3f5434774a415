package com.lakesail.backend.service.infra;

import com.lakesail.backend.domain.ConflictException;
import com.lakesail.backend.domain.Wire;
import com.lakesail.backend.domain.infra.InfraKind;
import com.lakesail.backend.port.ConditionFailedException;
import com.lakesail.backend.port.Write;
import com.lakesail.backend.store.InfraKeys;
import java.util.List;

/**
 * Creates whose transaction holds a name guard: a failed transaction is told apart as a taken name
 * (one extra read, only on failure) or another lost race.
 */
final class Names {
    /** Re-reads after a lost race on a shared item (an allocation, a parent's children), before a 409. */
    static final int ATTEMPTS = 3;

    private Names() {
    }

    /**
     * Commits a create that runs in a read-then-write loop: true when committed, false when it lost a
     * race worth re-reading for (attempt {@code attempt} of {@link #ATTEMPTS}).
     *
     * @throws ConflictException when the name is taken, or the last attempt lost its race too
     */
    static boolean committed(InfraRecords records, List<Write> writes, String orgId, InfraKind kind, String name,
                             int attempt) {
        try {
            records.store().transact(writes);
            return true;
        } catch (ConditionFailedException e) {
            requireFree(records, orgId, kind, name);
            if (attempt >= ATTEMPTS) {
                throw raceLost(kind);
            }
            return false;
        }
    }

    /** @throws ConflictException when the name is taken, or the transaction lost another race */
    static void commit(InfraRecords records, List<Write> writes, String orgId, InfraKind kind, String name) {
        try {
            records.store().transact(writes);
        } catch (ConditionFailedException e) {
            requireFree(records, orgId, kind, name);
            throw raceLost(kind);
        }
    }

    static void requireFree(InfraRecords records, String orgId, InfraKind kind, String name) {
        if (records.store().get(InfraKeys.name(orgId, kind, name)).isPresent()) {
            throw new ConflictException("a " + label(kind) + " named '" + name + "' already exists");
        }
    }

    static ConflictException raceLost(InfraKind kind) {
        return new ConflictException("a concurrent change to the same " + label(kind) + "s won the race; read again and retry");
    }

    private static String label(InfraKind kind) {
        return Wire.name(kind).replace('_', ' ');
    }
}
