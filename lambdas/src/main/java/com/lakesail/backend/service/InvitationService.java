package com.lakesail.backend.service;

import com.lakesail.backend.domain.AccessDeniedException;
import com.lakesail.backend.domain.AccessSnapshot;
import com.lakesail.backend.domain.ConflictException;
import com.lakesail.backend.domain.Invitation;
import com.lakesail.backend.domain.InvitationStatus;
import com.lakesail.backend.domain.Member;
import com.lakesail.backend.domain.NotFoundException;
import com.lakesail.backend.domain.Permission;
import com.lakesail.backend.domain.Role;
import com.lakesail.backend.domain.RoleBinding;
import com.lakesail.backend.domain.Subject;
import com.lakesail.backend.domain.Team;
import com.lakesail.backend.domain.User;
import com.lakesail.backend.domain.Validator;
import com.lakesail.backend.domain.ValidationException;
import com.lakesail.backend.port.Condition;
import com.lakesail.backend.port.ConditionFailedException;
import com.lakesail.backend.port.Ids;
import com.lakesail.backend.port.Page;
import com.lakesail.backend.port.Query;
import com.lakesail.backend.port.Store;
import com.lakesail.backend.port.Write;
import com.lakesail.backend.store.Items;
import com.lakesail.backend.store.Keys;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import javax.inject.Inject;

/**
 * Invitations: an inviter with {@code invitations:create} invites an email with roles (bound
 * organization-wide) and teams, which it must be able to grant. The secret is shown once, kept only
 * as a hash, works once, expires ({@value Invitation#DEFAULT_EXPIRY_DAYS} days by default) and can be
 * revoked. Accepting needs a signed-in user with the invited email, and creates the member, its
 * bindings and team memberships in one transaction.
 */
public final class InvitationService {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int SECRET_LENGTH = Invitation.SECRET_PREFIX.length() + 43;
    /** Bounds on what one invitation gives, so accepting it stays one small transaction. */
    static final int MAX_ROLES = 20;
    static final int MAX_TEAMS = 50;

    private final Store store;
    private final Clock clock;
    private final Ids ids;
    private final Authorizer authorizer;
    private final AccessSnapshots snapshots;
    private final AuditLog audit;

    @Inject
    public InvitationService(Store store, Clock clock, Ids ids, Authorizer authorizer, AccessSnapshots snapshots,
                             AuditLog audit) {
        this.store = store;
        this.clock = clock;
        this.ids = ids;
        this.authorizer = authorizer;
        this.snapshots = snapshots;
        this.audit = audit;
    }

    public record Create(String email, List<String> roleIds, List<String> teamIds, Integer expiresInDays) {
    }

    /** An invitation and its secret, which exists only in this response. */
    public record CreatedInvitation(Invitation invitation, String secret) {
    }

    public CreatedInvitation create(Principal principal, String orgId, Create request, Idempotency idempotency) {
        Caller caller = authorizer.require(principal, orgId, Permission.INVITATIONS_CREATE);
        List<String> roleIds = request.roleIds() == null ? List.of() : request.roleIds().stream().distinct().toList();
        List<String> teamIds = request.teamIds() == null ? List.of() : request.teamIds().stream().distinct().toList();
        new Validator().email("email", request.email())
                .range("expiresInDays", request.expiresInDays(), 1, Invitation.MAX_EXPIRY_DAYS)
                .require(roleIds.size() <= MAX_ROLES, "roleIds", "must name at most " + MAX_ROLES + " roles")
                .require(teamIds.size() <= MAX_TEAMS, "teamIds", "must name at most " + MAX_TEAMS + " teams")
                .throwIfInvalid();
        AccessSnapshot snapshot = caller.snapshot();
        for (String roleId : roleIds) {
            authorizer.requireCanGrant(caller, RoleService.role(snapshot, roleId), null, Permission.INVITATIONS_CREATE, orgId);
        }
        for (String teamId : teamIds) {
            TeamService.team(snapshot, teamId);
            for (RoleBinding binding : teamBindings(snapshot, teamId)) {
                authorizer.requireCanGrant(caller, RoleService.role(snapshot, binding.roleId()), binding.scope(),
                        Permission.INVITATIONS_CREATE, teamId);
            }
        }
        String email = request.email().toLowerCase(Locale.ROOT);
        boolean member = store.get(Keys.email(email)).map(i -> Items.decode(i, Items.EmailOwner.class).userId())
                .flatMap(snapshot::memberIdOf).isPresent();
        if (member) {
            throw new ConflictException(email + " is already a member of organization " + orgId);
        }
        String secret = newSecret();
        Instant now = clock.instant();
        int days = request.expiresInDays() == null ? Invitation.DEFAULT_EXPIRY_DAYS : request.expiresInDays();
        Invitation invitation = new Invitation(ids.next(Invitation.ID_PREFIX), orgId, email, roleIds, teamIds,
                InvitationStatus.PENDING, TokenSecrets.hash(secret), caller.memberId(), now, now.plus(Duration.ofDays(days)),
                null, null, null, 1);
        CreatedInvitation created = new CreatedInvitation(invitation, secret);
        List<Write> writes = new ArrayList<>(List.of(
                Write.put(Items.invitation(invitation), Condition.notExists()),
                Write.put(Items.invitationBySecret(invitation), Condition.notExists()),
                audit.success(caller, Permission.INVITATIONS_CREATE.wire(), invitation.id())));
        writes.addAll(idempotency.record(created));
        store.transact(writes);
        return created;
    }

    public Page<Invitation> list(Principal principal, String orgId, PageRequest page) {
        authorizer.require(principal, orgId, Permission.INVITATIONS_READ);
        Instant now = clock.instant();
        return store.query(Query.partition(Query.Index.TABLE, Keys.orgPartition(orgId), Keys.INVITATION_PREFIX, page.limit(),
                page.nextToken())).map(item -> Items.decode(item, Invitation.class).asSeenAt(now));
    }

    public Invitation get(Principal principal, String orgId, String invitationId) {
        authorizer.require(principal, orgId, Permission.INVITATIONS_READ);
        return load(orgId, invitationId).asSeenAt(clock.instant());
    }

    /** Revokes a pending (or expired) invitation; revoking twice is harmless; an accepted one is a 409. */
    public void revoke(Principal principal, String orgId, String invitationId) {
        Caller caller = authorizer.require(principal, orgId, Permission.INVITATIONS_DELETE);
        Invitation invitation = load(orgId, invitationId);
        if (invitation.status() == InvitationStatus.REVOKED) {
            return;
        }
        Invitation revoked = invitation.revoke(clock.instant());
        try {
            store.transact(List.of(Write.put(Items.invitation(revoked), Condition.versionIs(invitation.version())),
                    audit.success(caller, Permission.INVITATIONS_DELETE.wire(), invitationId)));
        } catch (ConditionFailedException e) {
            // A concurrent revoke wins the write; this one's wish holds all the same. Anything else
            // (accepted meanwhile) is the conflict it looks like.
            if (load(orgId, invitationId).status() != InvitationStatus.REVOKED) {
                throw e;
            }
        }
    }

    /**
     * Joins the caller to the invitation's organization. A secret nobody issued is a 404; one already
     * used, revoked or expired is a 409 saying which; a caller whose email is not the invited one gets
     * a 403 (audited).
     */
    public Member accept(Principal principal, String secret) {
        return StaleRetry.run(() -> {
            if (secret == null || secret.length() != SECRET_LENGTH || !secret.startsWith(Invitation.SECRET_PREFIX)) {
                throw ValidationException.of("token", "is not an invitation token (" + Invitation.SECRET_PREFIX + "...)");
            }
            Items.InvitationRef ref = store.get(Keys.invitationBySecretHash(TokenSecrets.hash(secret)))
                    .map(i -> Items.decode(i, Items.InvitationRef.class))
                    .orElseThrow(() -> new NotFoundException("no invitation has this token"));
            Invitation invitation = load(ref.organizationId(), ref.invitationId());
            Instant now = clock.instant();
            switch (invitation.statusAt(now)) {
                case ACCEPTED -> throw new ConflictException("this invitation was already accepted; an invitation works once");
                case REVOKED -> throw new ConflictException("this invitation was revoked; ask for a new one");
                case EXPIRED -> throw new ConflictException("this invitation expired at " + invitation.expiresAt() + "; ask for a new one");
                default -> { }
            }
            User user = store.get(Keys.user(principal.userId())).map(i -> Items.decode(i, User.class))
                    .orElseThrow(() -> new NotFoundException("user not found"));
            String orgId = invitation.organizationId();
            if (!user.email().equalsIgnoreCase(invitation.email())) {
                String reason = "this invitation is for another email address";
                audit.denied(orgId, principal, "invitations:accept", invitation.id(), reason);
                throw new AccessDeniedException(reason);
            }
            AccessSnapshot before = snapshots.fresh(orgId).orElseThrow(() -> new NotFoundException("organization " + orgId + " not found"));
            if (before.memberIdOf(user.id()).isPresent()) {
                throw new ConflictException("you are already a member of organization " + orgId);
            }
            requireInviterCanStillGrant(before, invitation);
            String memberId = ids.next(Member.ID_PREFIX);
            AccessSnapshot after = before.withMember(user.id(), memberId);
            for (String roleId : invitation.roleIds()) {
                Role role = before.role(roleId).orElseThrow(() -> gone("role", roleId));
                after = after.withBinding(new RoleBinding(ids.next(RoleBinding.ID_PREFIX), role.id(), Subject.member(memberId),
                        null, now, invitation.invitedBy()));
            }
            for (String teamId : invitation.teamIds()) {
                Team team = before.teams().get(teamId);
                if (team == null) {
                    throw gone("team", teamId);
                }
                after = after.withTeam(team.withMember(memberId, now));
            }
            Member joined = new Member(memberId, orgId, user.id(), user.email(), after.directRoleIds(memberId), now, now, 1);
            snapshots.commit(before, after, List.of(
                    Write.put(Items.member(joined), Condition.notExists()),
                    Write.put(Items.invitation(invitation.accept(joined.id(), now)), Condition.versionIs(invitation.version())),
                    audit.success(orgId, user.id(), principal.requestId(), "invitations:accept", invitation.id())));
            return joined;
        });
    }

    /** A role the invitation gives, on a scope (null: organization-wide). */
    private record Grant(String roleId, String scope) {
    }

    /**
     * An invitation grants nothing its inviter could not grant now: an inviter removed or demoted since
     * inviting takes the invitation's power with it.
     */
    private void requireInviterCanStillGrant(AccessSnapshot snapshot, Invitation invitation) {
        List<Grant> grants = new ArrayList<>();
        invitation.roleIds().forEach(roleId -> grants.add(new Grant(roleId, null)));
        invitation.teamIds().forEach(teamId -> teamBindings(snapshot, teamId).forEach(b -> grants.add(new Grant(b.roleId(), b.scope()))));
        for (Grant grant : grants) {
            Role role = snapshot.role(grant.roleId()).orElseThrow(() -> gone("role", grant.roleId()));
            List<String> chain = authorizer.scopeChain(snapshot.organizationId(), grant.scope());
            boolean canGrant = snapshot.hasMember(invitation.invitedBy()) && role.permissions().stream()
                    .allMatch(p -> snapshot.allows(invitation.invitedBy(), p, chain));
            if (!canGrant) {
                throw new ConflictException("the inviter can no longer grant role " + role.id() + "; ask for a new invitation");
            }
        }
    }

    private Invitation load(String orgId, String invitationId) {
        return store.get(Keys.invitation(orgId, invitationId)).map(i -> Items.decode(i, Invitation.class))
                .orElseThrow(() -> new NotFoundException("invitation " + invitationId + " not found"));
    }

    private static List<RoleBinding> teamBindings(AccessSnapshot snapshot, String teamId) {
        return snapshot.bindings().values().stream().filter(b -> b.subject().equals(Subject.team(teamId))).toList();
    }

    private static ConflictException gone(String kind, String id) {
        return new ConflictException("the invitation gives " + kind + " " + id + ", which no longer exists; ask for a new invitation");
    }

    private static String newSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Invitation.SECRET_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
