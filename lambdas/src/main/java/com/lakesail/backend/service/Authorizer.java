package com.lakesail.backend.service;

import com.lakesail.backend.domain.AccessDeniedException;
import com.lakesail.backend.domain.AccessSnapshot;
import com.lakesail.backend.domain.NotFoundException;
import com.lakesail.backend.domain.Organization;
import com.lakesail.backend.domain.Permission;
import com.lakesail.backend.domain.Role;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Called at the entry of every tenant operation. Not being a member of an organization looks
 * exactly like the organization not existing (404), so ids of other tenants reveal nothing; a
 * member lacking the permission gets a 403, and the refusal is written to the audit log.
 *
 * <p>Cost: reads go through {@link AccessSnapshots}, so a check costs no store read while the
 * organization's snapshot is cached and one read otherwise. Changes use {@link #requireForChange},
 * which reads the snapshot fresh: that read is the one the change builds on.
 */
public final class Authorizer {
    private final AccessSnapshots snapshots;
    private final AuditLog audit;
    private final ResourceHierarchy hierarchy;

    public Authorizer(AccessSnapshots snapshots, AuditLog audit, ResourceHierarchy hierarchy) {
        this.snapshots = snapshots;
        this.audit = audit;
        this.hierarchy = hierarchy;
    }

    /**
     * The scope a binding or a who-can question names: the resource id, or null for the whole
     * organization.
     *
     * @throws NotFoundException when the organization has no such resource to scope to
     */
    String requireScope(AccessSnapshot snapshot, String resourceId) {
        return Scopes.requireKnown(snapshot, resourceId, hierarchy);
    }

    /** Admits the caller if it holds {@code permission} organization-wide. */
    public Caller require(Principal principal, String orgId, Permission permission) {
        return require(principal, orgId, permission, null);
    }

    /**
     * Admits the caller if it holds {@code permission} on {@code resourceId} (null: the organization),
     * through a binding on the organization, on the resource or on a resource containing it.
     */
    public Caller require(Principal principal, String orgId, Permission permission, String resourceId) {
        return check(principal, orgId, permission, resourceId, snapshots.get(orgId(orgId)));
    }

    /** As {@link #require(Principal, String, Permission, String)}, on a freshly read snapshot. */
    public Caller requireForChange(Principal principal, String orgId, Permission permission, String resourceId) {
        return check(principal, orgId, permission, resourceId, snapshots.fresh(orgId(orgId)));
    }

    /**
     * Admits any member of the organization, for an operation that decides by ownership first (a
     * session is its owner's; others need a permission): pair it with {@link #allows} and
     * {@link #deny(Caller, Permission, String, String)}.
     */
    public Caller member(Principal principal, String orgId) {
        AccessSnapshot snapshot = snapshots.get(orgId(orgId)).orElseThrow(() -> notFound(orgId));
        String memberId = snapshot.memberIdOf(principal.userId()).orElseThrow(() -> notFound(orgId));
        return new Caller(principal, orgId, memberId, snapshot);
    }

    /** Whether the member holds {@code permission} on {@code resourceId} (null: the organization); nothing is audited. */
    public boolean allows(Caller caller, Permission permission, String resourceId) {
        return caller.snapshot().allows(caller.memberId(), permission, scopeChain(caller.organizationId(), resourceId));
    }

    /** A refusal of {@code caller} (403), written to the audit log like every other. */
    public AccessDeniedException deny(Caller caller, Permission action, String targetId, String reason) {
        return deny(caller.principal(), caller.organizationId(), action, targetId, reason);
    }

    /**
     * The resource and the resources containing it, nearest first: what a binding's scope must be
     * one of to cover it. Empty for the organization itself (only organization-wide bindings cover it).
     */
    public List<String> scopeChain(String orgId, String resourceId) {
        if (resourceId == null || resourceId.equals(orgId)) {
            return List.of();
        }
        List<String> chain = new ArrayList<>();
        chain.add(resourceId);
        chain.addAll(hierarchy.ancestors(orgId, resourceId));
        return chain;
    }

    /**
     * Nobody grants what they lack: refuses (403, audited) unless the caller holds every permission of
     * {@code role} on {@code scope}. Revoking a grant needs the same, so an admin cannot demote an owner.
     *
     * @param action the operation attempted, for the audit log
     */
    public void requireCanGrant(Caller caller, Role role, String scope, Permission action, String targetId) {
        List<String> chain = scopeChain(caller.organizationId(), scope);
        for (Permission p : role.permissions()) {
            if (!caller.snapshot().allows(caller.memberId(), p, chain)) {
                throw deny(caller.principal(), caller.organizationId(), action, targetId, "cannot grant or revoke role "
                        + role.id() + (scope == null ? "" : " on " + scope) + ": the caller lacks " + p.wire());
            }
        }
    }

    private Caller check(Principal principal, String orgId, Permission permission, String resourceId,
                         Optional<AccessSnapshot> loaded) {
        AccessSnapshot snapshot = loaded.orElseThrow(() -> notFound(orgId));
        String memberId = snapshot.memberIdOf(principal.userId()).orElseThrow(() -> notFound(orgId));
        if (!snapshot.allows(memberId, permission, scopeChain(orgId, resourceId))) {
            throw deny(principal, orgId, permission, resourceId == null ? orgId : resourceId,
                    "missing permission " + permission.wire() + (resourceId == null ? "" : " on " + resourceId));
        }
        return new Caller(principal, orgId, memberId, snapshot);
    }

    private AccessDeniedException deny(Principal principal, String orgId, Permission action, String targetId, String reason) {
        audit.denied(orgId, principal, action.wire(), targetId, reason);
        return new AccessDeniedException(reason + " in organization " + orgId);
    }

    /** The id, when it has the shape of an organization id; a lookup is never made for anything else. */
    private static String orgId(String orgId) {
        if (!RandomIds.looksLike(Organization.ID_PREFIX, orgId)) {
            throw notFound(orgId);
        }
        return orgId;
    }

    private static NotFoundException notFound(String orgId) {
        return new NotFoundException("organization " + orgId + " not found");
    }
}
