package com.lakesail.backend.service;

import com.lakesail.backend.domain.AccessSnapshot;
import com.lakesail.backend.domain.ConflictException;
import com.lakesail.backend.domain.Member;
import com.lakesail.backend.port.Condition;
import com.lakesail.backend.port.Store;
import com.lakesail.backend.port.Write;
import com.lakesail.backend.store.Items;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Keeps a member item's {@code roles} (the roles bound to it directly, shown in member lists and
 * {@code /v1/me}) equal to the snapshot, inside the transaction that changes the bindings.
 */
final class MemberRoles {
    private MemberRoles() {
    }

    /** Member writes one change may carry: the rest of its transaction (snapshot, audit, the change itself) needs room. */
    static final int MAX_MEMBERS_PER_CHANGE = Store.MAX_TRANSACTION_WRITES - 10;

    /**
     * A write for every member whose direct roles differ between the two snapshots.
     *
     * @throws ConflictException when more members change than one transaction can hold
     */
    static List<Write> syncAll(Store store, AccessSnapshot before, AccessSnapshot after, Instant now) {
        List<String> changed = after.members().values().stream()
                .filter(memberId -> !before.directRoleIds(memberId).equals(after.directRoleIds(memberId)))
                .toList();
        if (changed.size() > MAX_MEMBERS_PER_CHANGE) {
            throw new ConflictException("this change would alter the roles of " + changed.size() + " members at once; at most "
                    + MAX_MEMBERS_PER_CHANGE + " can change in one step: remove some of the bindings it touches first");
        }
        List<Write> writes = new ArrayList<>(changed.size());
        for (String memberId : changed) {
            writes.add(sync(store, after, memberId, now));
        }
        return writes;
    }

    static Write sync(Store store, AccessSnapshot after, String memberId, Instant now) {
        Member member = MemberService.load(store, after, after.organizationId(), memberId);
        Member updated = member.withRoles(after.directRoleIds(memberId), now);
        return Write.put(Items.member(updated), Condition.versionIs(member.version()));
    }
}
