package com.lakesail.backend.service;

import com.lakesail.backend.domain.AccessSnapshot;
import com.lakesail.backend.domain.ConflictException;
import com.lakesail.backend.domain.NotFoundException;
import com.lakesail.backend.domain.Permission;
import com.lakesail.backend.domain.RoleBinding;
import com.lakesail.backend.domain.Subject;
import com.lakesail.backend.domain.Team;
import com.lakesail.backend.domain.Text;
import com.lakesail.backend.domain.Validator;
import com.lakesail.backend.port.Ids;
import com.lakesail.backend.port.Page;
import com.lakesail.backend.port.Store;
import com.lakesail.backend.port.Write;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.inject.Inject;

/**
 * Teams: create, rename, delete, add and remove members. Joining a team confers the team's roles,
 * so adding or removing a member needs the right to grant each of them (no escalation by joining a
 * powerful team); deleting a team also deletes the bindings on it.
 */
public final class TeamService {
    private final Store store;
    private final Clock clock;
    private final Ids ids;
    private final Authorizer authorizer;
    private final AccessSnapshots snapshots;
    private final AuditLog audit;

    @Inject
    public TeamService(Store store, Clock clock, Ids ids, Authorizer authorizer, AccessSnapshots snapshots, AuditLog audit) {
        this.store = store;
        this.clock = clock;
        this.ids = ids;
        this.authorizer = authorizer;
        this.snapshots = snapshots;
        this.audit = audit;
    }

    public record Update(String name, Long version) {
    }

    public Team create(Principal principal, String orgId, String name, Idempotency idempotency) {
        return StaleRetry.run(() -> {
            Caller caller = authorizer.requireForChange(principal, orgId, Permission.TEAMS_CREATE, null);
            new Validator().name("name", name).throwIfInvalid();
            AccessSnapshot before = caller.snapshot();
            requireUniqueName(before, name, null);
            Instant now = clock.instant();
            Team team = new Team(ids.next(Team.ID_PREFIX), name, Set.of(), now, now, 1);
            List<Write> writes = new ArrayList<>(idempotency.record(team));
            writes.add(audit.success(caller, Permission.TEAMS_CREATE.wire(), team.id()));
            snapshots.commit(before, before.withTeam(team), writes);
            return team;
        });
    }

    public Page<Team> list(Principal principal, String orgId, PageRequest page) {
        Caller caller = authorizer.require(principal, orgId, Permission.TEAMS_READ);
        return Pages.of(List.copyOf(caller.snapshot().teams().values()), Team::id, page);
    }

    public Team get(Principal principal, String orgId, String teamId) {
        Caller caller = authorizer.require(principal, orgId, Permission.TEAMS_READ, teamId);
        return team(caller.snapshot(), teamId);
    }

    /** Renames; {@code version} is the version the caller read, and a stale one is a 409. */
    public Team update(Principal principal, String orgId, String teamId, Update update) {
        return StaleRetry.run(() -> {
            Caller caller = authorizer.requireForChange(principal, orgId, Permission.TEAMS_UPDATE, teamId);
            Validator v = new Validator().expectedVersion("version", update.version()).optionalName("name", update.name());
            v.throwIfInvalid();
            AccessSnapshot before = caller.snapshot();
            Team current = team(before, teamId);
            if (current.version() != update.version()) {
                throw new ConflictException("team " + teamId + " is at version " + current.version() + ", not "
                        + update.version() + ": read it again and retry");
            }
            String name = update.name() == null ? current.name() : update.name();
            requireUniqueName(before, name, teamId);
            Team renamed = current.rename(name, clock.instant());
            snapshots.commit(before, before.withTeam(renamed), List.of(audit.success(caller, Permission.TEAMS_UPDATE.wire(), teamId)));
            return renamed;
        });
    }

    /** Deletes the team and the bindings on it or scoped to it; the caller must be able to revoke them. */
    public void delete(Principal principal, String orgId, String teamId) {
        StaleRetry.run(() -> {
            Caller caller = authorizer.requireForChange(principal, orgId, Permission.TEAMS_DELETE, teamId);
            AccessSnapshot before = caller.snapshot();
            team(before, teamId);
            for (RoleBinding binding : before.bindings().values()) {
                if (binding.subject().equals(Subject.team(teamId)) || teamId.equals(binding.scope())) {
                    authorizer.requireCanGrant(caller, before.role(binding.roleId()).orElseThrow(), binding.scope(),
                            Permission.TEAMS_DELETE, teamId);
                }
            }
            AccessSnapshot after = before.withoutTeam(teamId);
            OwnerGuard.requireOne(after, "deleting team " + teamId);
            List<Write> writes = new ArrayList<>(MemberRoles.syncAll(store, before, after, clock.instant()));
            writes.add(audit.success(caller, Permission.TEAMS_DELETE.wire(), teamId));
            snapshots.commit(before, after, writes);
        });
    }

    public Team addMember(Principal principal, String orgId, String teamId, String memberId) {
        return changeMembership(principal, orgId, teamId, memberId, true);
    }

    public void removeMember(Principal principal, String orgId, String teamId, String memberId) {
        changeMembership(principal, orgId, teamId, memberId, false);
    }

    private Team changeMembership(Principal principal, String orgId, String teamId, String memberId, boolean join) {
        return StaleRetry.run(() -> {
            Caller caller = authorizer.requireForChange(principal, orgId, Permission.TEAMS_MANAGE_MEMBERS, teamId);
            AccessSnapshot before = caller.snapshot();
            Team team = team(before, teamId);
            if (!before.hasMember(memberId)) {
                throw new NotFoundException("member " + memberId + " not found");
            }
            if (team.memberIds().contains(memberId) == join) {
                return team;
            }
            for (RoleBinding binding : before.bindings().values()) {
                if (binding.subject().equals(Subject.team(teamId))) {
                    authorizer.requireCanGrant(caller, before.role(binding.roleId()).orElseThrow(), binding.scope(),
                            Permission.TEAMS_MANAGE_MEMBERS, teamId);
                }
            }
            Instant now = clock.instant();
            Team changed = join ? team.withMember(memberId, now) : team.withoutMember(memberId, now);
            AccessSnapshot after = before.withTeam(changed);
            OwnerGuard.requireOne(after, "removing member " + memberId + " from team " + teamId);
            snapshots.commit(before, after, List.of(audit.success(caller, Permission.TEAMS_MANAGE_MEMBERS.wire(), teamId)));
            return changed;
        });
    }

    static Team team(AccessSnapshot snapshot, String teamId) {
        Team team = snapshot.teams().get(teamId);
        if (team == null) {
            throw new NotFoundException("team " + teamId + " not found");
        }
        return team;
    }

    private static void requireUniqueName(AccessSnapshot snapshot, String name, String exceptId) {
        boolean taken = snapshot.teams().values().stream().anyMatch(t -> Text.sameName(t.name(), name) && !t.id().equals(exceptId));
        if (taken) {
            throw new ConflictException("a team named '" + name + "' already exists");
        }
    }
}
