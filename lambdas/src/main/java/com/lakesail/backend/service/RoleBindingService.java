package com.lakesail.backend.service;

import com.lakesail.backend.domain.AccessSnapshot;
import com.lakesail.backend.domain.ConflictException;
import com.lakesail.backend.domain.NotFoundException;
import com.lakesail.backend.domain.Permission;
import com.lakesail.backend.domain.Role;
import com.lakesail.backend.domain.RoleBinding;
import com.lakesail.backend.domain.Subject;
import com.lakesail.backend.domain.Validator;
import com.lakesail.backend.domain.Wire;
import com.lakesail.backend.port.Ids;
import com.lakesail.backend.port.Page;
import com.lakesail.backend.port.Store;
import com.lakesail.backend.port.Write;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javax.inject.Inject;

/**
 * Role bindings: a role granted to a member or a team, organization-wide or on one resource.
 * Creating and deleting bindings are organization-wide permissions; on top of them the caller must
 * hold every permission of the role on the binding's scope (to grant and to revoke alike), and the
 * organization keeps an owner.
 */
public final class RoleBindingService {
    private final Store store;
    private final Clock clock;
    private final Ids ids;
    private final Authorizer authorizer;
    private final AccessSnapshots snapshots;
    private final AuditLog audit;

    @Inject
    public RoleBindingService(Store store, Clock clock, Ids ids, Authorizer authorizer, AccessSnapshots snapshots,
                              AuditLog audit) {
        this.store = store;
        this.clock = clock;
        this.ids = ids;
        this.authorizer = authorizer;
        this.snapshots = snapshots;
        this.audit = audit;
    }

    /**
     * @param subjectType {@code member} or {@code team}
     * @param scope       a resource id, or null (or the organization's id) for the whole organization
     */
    public record Create(String roleId, String subjectType, String subjectId, String scope) {
    }

    public RoleBinding create(Principal principal, String orgId, Create request, Idempotency idempotency) {
        return StaleRetry.run(() -> {
            Caller caller = authorizer.requireForChange(principal, orgId, Permission.ROLE_BINDINGS_CREATE, null);
            Subject.Type type = Wire.parse(Subject.Type.class, request.subjectType());
            new Validator().require(request.roleId() != null, "roleId", "is required")
                    .require(type != null, "subject.type", "must be member or team")
                    .require(request.subjectId() != null, "subject.id", "is required")
                    .throwIfInvalid();
            AccessSnapshot before = caller.snapshot();
            Role role = RoleService.role(before, request.roleId());
            String scope = authorizer.requireScope(before, request.scope());
            Subject subject = new Subject(type, request.subjectId());
            boolean subjectExists = type == Subject.Type.MEMBER ? before.hasMember(subject.id()) : before.teams().containsKey(subject.id());
            if (!subjectExists) {
                throw new NotFoundException(request.subjectType() + " " + subject.id() + " not found");
            }
            boolean duplicate = before.bindings().values().stream()
                    .anyMatch(b -> b.roleId().equals(role.id()) && b.subject().equals(subject) && Objects.equals(b.scope(), scope));
            if (duplicate) {
                throw new ConflictException("role " + role.id() + " is already bound to " + request.subjectType() + " "
                        + subject.id() + (scope == null ? "" : " on " + scope));
            }
            authorizer.requireCanGrant(caller, role, scope, Permission.ROLE_BINDINGS_CREATE, subject.id());
            Instant now = clock.instant();
            RoleBinding binding = new RoleBinding(ids.next(RoleBinding.ID_PREFIX), role.id(), subject, scope, now, caller.memberId());
            AccessSnapshot after = before.withBinding(binding);
            List<Write> writes = new ArrayList<>(MemberRoles.syncAll(store, before, after, now));
            writes.addAll(idempotency.record(binding));
            writes.add(audit.success(caller, Permission.ROLE_BINDINGS_CREATE.wire(), binding.id()));
            snapshots.commit(before, after, writes);
            return binding;
        });
    }

    public Page<RoleBinding> list(Principal principal, String orgId, PageRequest page) {
        Caller caller = authorizer.require(principal, orgId, Permission.ROLE_BINDINGS_READ);
        return Pages.of(List.copyOf(caller.snapshot().bindings().values()), RoleBinding::id, page);
    }

    public RoleBinding get(Principal principal, String orgId, String bindingId) {
        Caller caller = authorizer.require(principal, orgId, Permission.ROLE_BINDINGS_READ);
        return binding(caller.snapshot(), bindingId);
    }

    public void delete(Principal principal, String orgId, String bindingId) {
        StaleRetry.run(() -> {
            Caller caller = authorizer.requireForChange(principal, orgId, Permission.ROLE_BINDINGS_DELETE, null);
            AccessSnapshot before = caller.snapshot();
            RoleBinding binding = binding(before, bindingId);
            authorizer.requireCanGrant(caller, RoleService.role(before, binding.roleId()), binding.scope(),
                    Permission.ROLE_BINDINGS_DELETE, bindingId);
            AccessSnapshot after = before.withoutBinding(bindingId);
            OwnerGuard.requireOne(after, "deleting role binding " + bindingId);
            List<Write> writes = new ArrayList<>(MemberRoles.syncAll(store, before, after, clock.instant()));
            writes.add(audit.success(caller, Permission.ROLE_BINDINGS_DELETE.wire(), bindingId));
            snapshots.commit(before, after, writes);
        });
    }

    private static RoleBinding binding(AccessSnapshot snapshot, String bindingId) {
        RoleBinding binding = snapshot.bindings().get(bindingId);
        if (binding == null) {
            throw new NotFoundException("role binding " + bindingId + " not found");
        }
        return binding;
    }
}
