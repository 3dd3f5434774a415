package com.lakesail.backend.service;

import com.lakesail.backend.domain.AccessSnapshot;
import com.lakesail.backend.domain.Member;
import com.lakesail.backend.domain.NotFoundException;
import com.lakesail.backend.domain.Permission;
import com.lakesail.backend.domain.RoleBinding;
import com.lakesail.backend.domain.Subject;
import com.lakesail.backend.port.Condition;
import com.lakesail.backend.port.Page;
import com.lakesail.backend.port.Query;
import com.lakesail.backend.port.Store;
import com.lakesail.backend.port.Write;
import com.lakesail.backend.store.Items;
import com.lakesail.backend.store.Keys;
import java.time.Clock;
import java.util.List;
import javax.inject.Inject;

/** Members of an organization: list, read, remove. Members join by accepting an invitation. */
public final class MemberService {
    private final Store store;
    private final Clock clock;
    private final Authorizer authorizer;
    private final AccessSnapshots snapshots;
    private final AuditLog audit;

    @Inject
    public MemberService(Store store, Clock clock, Authorizer authorizer, AccessSnapshots snapshots, AuditLog audit) {
        this.store = store;
        this.clock = clock;
        this.authorizer = authorizer;
        this.snapshots = snapshots;
        this.audit = audit;
    }

    /** Members in user-id order. */
    public Page<Member> list(Principal principal, String orgId, PageRequest page) {
        authorizer.require(principal, orgId, Permission.MEMBERS_READ);
        return store.query(Query.partition(Query.Index.TABLE, Keys.orgPartition(orgId), Keys.MEMBER_PREFIX, page.limit(),
                page.nextToken())).map(item -> Items.decode(item, Member.class));
    }

    public Member get(Principal principal, String orgId, String memberId) {
        Caller caller = authorizer.require(principal, orgId, Permission.MEMBERS_READ);
        return load(caller.snapshot(), orgId, memberId);
    }

    /**
     * Removes the member with its team memberships and role bindings; its tokens stop working in this
     * organization on the next request. The remover must be able to grant every role the member holds
     * directly, and the organization keeps at least one owner (409 otherwise).
     */
    public void remove(Principal principal, String orgId, String memberId) {
        StaleRetry.run(() -> {
            Caller caller = authorizer.requireForChange(principal, orgId, Permission.MEMBERS_DELETE, memberId);
            AccessSnapshot before = caller.snapshot();
            Member member = load(before, orgId, memberId);
            for (RoleBinding binding : before.bindings().values()) {
                if (binding.subject().equals(Subject.member(memberId))) {
                    authorizer.requireCanGrant(caller, before.role(binding.roleId()).orElseThrow(), binding.scope(),
                            Permission.MEMBERS_DELETE, memberId);
                }
            }
            AccessSnapshot after = before.withoutMember(memberId, clock.instant());
            OwnerGuard.requireOne(after, "removing member " + memberId);
            snapshots.commit(before, after, List.of(
                    Write.delete(Items.member(member).key(), Condition.versionIs(member.version())),
                    audit.success(caller, Permission.MEMBERS_DELETE.wire(), memberId)));
        });
    }

    /** The member item, found through the snapshot's user id; 404 for ids of other organizations. */
    static Member load(Store store, AccessSnapshot snapshot, String orgId, String memberId) {
        String userId = snapshot.userIdOf(memberId).orElseThrow(() -> notFound(memberId));
        return store.get(Keys.memberByUser(orgId, userId)).map(i -> Items.decode(i, Member.class))
                .orElseThrow(() -> notFound(memberId));
    }

    private Member load(AccessSnapshot snapshot, String orgId, String memberId) {
        return load(store, snapshot, orgId, memberId);
    }

    private static NotFoundException notFound(String memberId) {
        return new NotFoundException("member " + memberId + " not found");
    }
}
