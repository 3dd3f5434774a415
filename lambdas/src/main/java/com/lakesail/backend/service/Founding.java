package com.lakesail.backend.service;

import com.lakesail.backend.domain.AccessSnapshot;
import com.lakesail.backend.domain.BuiltInRole;
import com.lakesail.backend.domain.Member;
import com.lakesail.backend.domain.Organization;
import com.lakesail.backend.domain.RoleBinding;
import com.lakesail.backend.domain.Subject;
import com.lakesail.backend.domain.User;
import com.lakesail.backend.port.Condition;
import com.lakesail.backend.port.Ids;
import com.lakesail.backend.port.Write;
import com.lakesail.backend.store.Items;
import java.time.Instant;
import java.util.List;
import javax.inject.Inject;

/**
 * The writes that found an organization beside the organization item: its creator as member and
 * owner (an organization-wide owner binding), its first access snapshot and the audit entry. Shared
 * by sign-up and {@code POST /v1/orgs}.
 */
public final class Founding {
    private final Ids ids;
    private final AuditLog audit;

    @Inject
    public Founding(Ids ids, AuditLog audit) {
        this.ids = ids;
        this.audit = audit;
    }

    /** The founder's membership and the writes that create it, the snapshot and the audit entry. */
    public record Founded(Member owner, List<Write> writes) {
    }

    public Founded found(Organization org, User founder, Instant now, String requestId) {
        Member owner = new Member(ids.next(Member.ID_PREFIX), org.id(), founder.id(), founder.email(),
                List.of(BuiltInRole.OWNER.id()), now, now, 1);
        RoleBinding ownership = new RoleBinding(ids.next(RoleBinding.ID_PREFIX), BuiltInRole.OWNER.id(),
                Subject.member(owner.id()), null, now, owner.id());
        AccessSnapshot first = AccessSnapshot.empty(org.id()).withMember(founder.id(), owner.id()).withBinding(ownership);
        return new Founded(owner, List.of(
                Write.put(Items.member(owner), Condition.notExists()),
                AccessSnapshots.create(first),
                audit.success(org.id(), founder.id(), requestId, "organizations:create", org.id())));
    }
}
