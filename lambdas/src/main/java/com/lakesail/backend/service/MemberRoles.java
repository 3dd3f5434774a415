package com.lakesail.backend.service;

import com.lakesail.backend.domain.AccessSnapshot;
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

    /** A write for every member whose direct roles differ between the two snapshots. */
    static List<Write> syncAll(Store store, AccessSnapshot before, AccessSnapshot after, Instant now) {
        List<Write> writes = new ArrayList<>();
        for (String memberId : after.members().values()) {
            if (!before.directRoleIds(memberId).equals(after.directRoleIds(memberId))) {
                writes.add(sync(store, after, memberId, now));
            }
        }
        return writes;
    }

    static Write sync(Store store, AccessSnapshot after, String memberId, Instant now) {
        Member member = MemberService.load(store, after, after.organizationId(), memberId);
        Member updated = member.withRoles(after.directRoleIds(memberId), now);
        return Write.put(Items.member(updated), Condition.versionIs(member.version()));
    }
}
