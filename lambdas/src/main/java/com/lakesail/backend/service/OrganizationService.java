package com.lakesail.backend.service;

import com.lakesail.backend.domain.ConflictException;
import com.lakesail.backend.domain.Member;
import com.lakesail.backend.domain.NotFoundException;
import com.lakesail.backend.domain.Organization;
import com.lakesail.backend.domain.Permission;
import com.lakesail.backend.domain.User;
import com.lakesail.backend.domain.Validator;
import com.lakesail.backend.port.Condition;
import com.lakesail.backend.port.ConditionFailedException;
import com.lakesail.backend.port.Ids;
import com.lakesail.backend.port.Item;
import com.lakesail.backend.port.Page;
import com.lakesail.backend.port.Query;
import com.lakesail.backend.port.Store;
import com.lakesail.backend.port.Write;
import com.lakesail.backend.store.Items;
import com.lakesail.backend.store.Keys;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.inject.Inject;

/** Organizations: create (the caller becomes owner), list the caller's, read, rename. */
public final class OrganizationService {
    private final Store store;
    private final Clock clock;
    private final Ids ids;
    private final Authorizer authorizer;
    private final Founding founding;
    private final AuditLog audit;

    @Inject
    public OrganizationService(Store store, Clock clock, Ids ids, Authorizer authorizer, Founding founding, AuditLog audit) {
        this.store = store;
        this.clock = clock;
        this.ids = ids;
        this.authorizer = authorizer;
        this.founding = founding;
        this.audit = audit;
    }

    public record Update(String name, Long version) {
    }

    public Organization create(Principal principal, String name, Idempotency idempotency) {
        new Validator().name("name", name).throwIfInvalid();
        User user = store.get(Keys.user(principal.userId())).map(i -> Items.decode(i, User.class))
                .orElseThrow(() -> new NotFoundException("user not found"));
        Instant now = clock.instant();
        Organization org = new Organization(ids.next(Organization.ID_PREFIX), name, now, now, 1);
        List<Write> writes = new ArrayList<>();
        writes.add(Write.put(Items.organization(org), Condition.notExists()));
        writes.addAll(founding.found(org, user, now, principal.requestId()).writes());
        writes.addAll(idempotency.record(org));
        store.transact(writes);
        return org;
    }

    /** The organizations the caller is a member of, in id order. */
    public Page<Organization> list(Principal principal, PageRequest page) {
        Page<Item> members = store.query(Query.partition(Query.Index.GSI1, Keys.userPartition(principal.userId()), "ORG#",
                page.limit(), page.nextToken()));
        List<Organization> orgs = new ArrayList<>(members.items().size());
        for (Item item : members.items()) {
            Member member = Items.decode(item, Member.class);
            store.get(Keys.organization(member.organizationId())).ifPresent(org -> orgs.add(Items.decode(org, Organization.class)));
        }
        return new Page<>(orgs, members.nextToken());
    }

    public Organization get(Principal principal, String orgId) {
        authorizer.require(principal, orgId, Permission.ORGANIZATIONS_READ);
        return load(orgId);
    }

    /** Updates; {@code version} is the version the caller read, and a stale one is a 409. */
    public Organization update(Principal principal, String orgId, Update update) {
        Caller caller = authorizer.require(principal, orgId, Permission.ORGANIZATIONS_UPDATE);
        Validator v = new Validator().expectedVersion("version", update.version()).optionalName("name", update.name());
        v.throwIfInvalid();
        Organization current = load(orgId);
        Versions.require("organization", orgId, current.version(), update.version());
        // Every accepted PATCH writes a new version, even one that changes nothing: two callers holding
        // the same version must never both succeed.
        Organization renamed = current.rename(update.name() == null ? current.name() : update.name(), clock.instant());
        try {
            store.transact(List.of(Write.put(Items.organization(renamed), Condition.versionIs(current.version())),
                    audit.success(caller, Permission.ORGANIZATIONS_UPDATE.wire(), orgId)));
        } catch (ConditionFailedException e) {
            throw new ConflictException("organization " + orgId + " changed concurrently: read it again and retry");
        }
        return renamed;
    }

    private Organization load(String orgId) {
        return store.get(Keys.organization(orgId)).map(i -> Items.decode(i, Organization.class))
                .orElseThrow(() -> new NotFoundException("organization " + orgId + " not found"));
    }
}
