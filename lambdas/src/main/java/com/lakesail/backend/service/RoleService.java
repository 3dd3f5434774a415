package com.lakesail.backend.service;

import com.lakesail.backend.domain.AccessSnapshot;
import com.lakesail.backend.domain.BuiltInRole;
import com.lakesail.backend.domain.ConflictException;
import com.lakesail.backend.domain.NotFoundException;
import com.lakesail.backend.domain.Permission;
import com.lakesail.backend.domain.Role;
import com.lakesail.backend.domain.Text;
import com.lakesail.backend.domain.Validator;
import com.lakesail.backend.port.Ids;
import com.lakesail.backend.port.Page;
import com.lakesail.backend.port.Write;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import javax.inject.Inject;

/**
 * Roles: the built-ins every organization has, and custom roles. Nobody creates or changes a role
 * to hold a permission they lack organization-wide; built-in roles never change; a role still bound
 * cannot be deleted.
 */
public final class RoleService {
    /** A description is free text, up to this many characters. */
    public static final int MAX_DESCRIPTION = 500;

    private final Clock clock;
    private final Ids ids;
    private final Authorizer authorizer;
    private final AccessSnapshots snapshots;
    private final AuditLog audit;

    @Inject
    public RoleService(Clock clock, Ids ids, Authorizer authorizer, AccessSnapshots snapshots, AuditLog audit) {
        this.clock = clock;
        this.ids = ids;
        this.authorizer = authorizer;
        this.snapshots = snapshots;
        this.audit = audit;
    }

    /** @param permissions {@code resource:action} strings, as the caller sent them */
    public record Create(String name, String description, List<String> permissions) {
    }

    public record Update(String name, String description, List<String> permissions, Long version) {
    }

    public Role create(Principal principal, String orgId, Create request, Idempotency idempotency) {
        return StaleRetry.run(() -> {
            Caller caller = authorizer.requireForChange(principal, orgId, Permission.ROLES_CREATE, null);
            Validator v = new Validator().name("name", request.name());
            description(v, request.description());
            Set<Permission> permissions = permissions(v, request.permissions(), true);
            v.throwIfInvalid();
            AccessSnapshot before = caller.snapshot();
            requireUniqueName(before, request.name(), null);
            Instant now = clock.instant();
            Role role = new Role(ids.next(Role.ID_PREFIX), request.name(), request.description(), permissions, false, now, now, 1);
            authorizer.requireCanGrant(caller, role, null, Permission.ROLES_CREATE, orgId);
            List<Write> writes = new ArrayList<>(idempotency.record(role));
            writes.add(audit.success(caller, Permission.ROLES_CREATE.wire(), role.id()));
            snapshots.commit(before, before.withRole(role), writes);
            return role;
        });
    }

    /** Built-in roles first, then custom roles in id order. */
    public Page<Role> list(Principal principal, String orgId, PageRequest page) {
        Caller caller = authorizer.require(principal, orgId, Permission.ROLES_READ);
        List<Role> all = new ArrayList<>();
        Arrays.stream(BuiltInRole.values()).map(Role::of).forEach(all::add);
        all.addAll(caller.snapshot().roles().values());
        all.sort(Comparator.comparing(Role::id));
        return Pages.of(all, Role::id, page);
    }

    public Role get(Principal principal, String orgId, String roleId) {
        Caller caller = authorizer.require(principal, orgId, Permission.ROLES_READ);
        return role(caller.snapshot(), roleId);
    }

    /**
     * Changes a custom role at the expected version. The caller must hold every permission the role
     * has before and after: the change grants or revokes them for everyone bound to it.
     */
    public Role update(Principal principal, String orgId, String roleId, Update update) {
        return StaleRetry.run(() -> {
            Caller caller = authorizer.requireForChange(principal, orgId, Permission.ROLES_UPDATE, null);
            Validator v = new Validator().expectedVersion("version", update.version()).optionalName("name", update.name());
            description(v, update.description());
            Set<Permission> permissions = permissions(v, update.permissions(), false);
            v.throwIfInvalid();
            AccessSnapshot before = caller.snapshot();
            Role current = custom(before, roleId);
            if (current.version() != update.version()) {
                throw new ConflictException("role " + roleId + " is at version " + current.version() + ", not "
                        + update.version() + ": read it again and retry");
            }
            String name = update.name() == null ? current.name() : update.name();
            requireUniqueName(before, name, roleId);
            Role changed = current.update(name, update.description() == null ? current.description() : update.description(),
                    permissions == null ? current.permissions() : permissions, clock.instant());
            authorizer.requireCanGrant(caller, current, null, Permission.ROLES_UPDATE, roleId);
            authorizer.requireCanGrant(caller, changed, null, Permission.ROLES_UPDATE, roleId);
            snapshots.commit(before, before.withRole(changed), List.of(audit.success(caller, Permission.ROLES_UPDATE.wire(), roleId)));
            return changed;
        });
    }

    /** Deletes a custom role that no binding uses (409 otherwise: delete its bindings first). */
    public void delete(Principal principal, String orgId, String roleId) {
        StaleRetry.run(() -> {
            Caller caller = authorizer.requireForChange(principal, orgId, Permission.ROLES_DELETE, null);
            AccessSnapshot before = caller.snapshot();
            custom(before, roleId);
            long bound = before.bindings().values().stream().filter(b -> b.roleId().equals(roleId)).count();
            if (bound > 0) {
                throw new ConflictException("role " + roleId + " is used by " + bound + " role binding(s); delete them first");
            }
            snapshots.commit(before, before.withoutRole(roleId), List.of(audit.success(caller, Permission.ROLES_DELETE.wire(), roleId)));
        });
    }

    static Role role(AccessSnapshot snapshot, String roleId) {
        return snapshot.role(roleId).orElseThrow(() -> new NotFoundException("role " + roleId + " not found"));
    }

    private static Role custom(AccessSnapshot snapshot, String roleId) {
        Role role = role(snapshot, roleId);
        if (role.builtIn()) {
            throw new ConflictException("role " + roleId + " is built in and cannot be changed or deleted");
        }
        return role;
    }

    private static void description(Validator v, String description) {
        v.require(description == null || description.length() <= MAX_DESCRIPTION, "description",
                "must be at most " + MAX_DESCRIPTION + " characters");
    }

    /** The permissions named, or null when absent and not required. */
    private static Set<Permission> permissions(Validator v, List<String> wires, boolean required) {
        if (wires == null) {
            v.require(!required, "permissions", "is required");
            return null;
        }
        Set<Permission> permissions = EnumSet.noneOf(Permission.class);
        for (int i = 0; i < wires.size(); i++) {
            Permission p = Permission.parse(wires.get(i));
            v.require(p != null, "permissions[" + i + "]", "is not a permission (resource:action, see GET roles of a built-in)");
            if (p != null) {
                permissions.add(p);
            }
        }
        return permissions;
    }

    private static void requireUniqueName(AccessSnapshot snapshot, String name, String exceptId) {
        boolean taken = BuiltInRole.byId(Text.nameKey(name)) != null
                || snapshot.roles().values().stream().anyMatch(r -> Text.sameName(r.name(), name) && !r.id().equals(exceptId));
        if (taken) {
            throw new ConflictException("a role named '" + name + "' already exists");
        }
    }
}
