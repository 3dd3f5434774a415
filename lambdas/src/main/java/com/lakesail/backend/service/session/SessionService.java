package com.lakesail.backend.service.session;

import com.lakesail.backend.domain.ConflictException;
import com.lakesail.backend.domain.Permission;
import com.lakesail.backend.domain.Validator;
import com.lakesail.backend.domain.Wire;
import com.lakesail.backend.domain.event.Event;
import com.lakesail.backend.domain.infra.Catalog;
import com.lakesail.backend.domain.infra.CatalogStatus;
import com.lakesail.backend.domain.infra.Cluster;
import com.lakesail.backend.domain.infra.ClusterStatus;
import com.lakesail.backend.domain.session.Session;
import com.lakesail.backend.domain.session.SessionEnding;
import com.lakesail.backend.port.Condition;
import com.lakesail.backend.port.Ids;
import com.lakesail.backend.port.Page;
import com.lakesail.backend.port.Write;
import com.lakesail.backend.service.AuditLog;
import com.lakesail.backend.service.Authorizer;
import com.lakesail.backend.service.Caller;
import com.lakesail.backend.service.Idempotency;
import com.lakesail.backend.service.PageRequest;
import com.lakesail.backend.service.Principal;
import com.lakesail.backend.service.infra.InfraRecords;
import com.lakesail.backend.store.SessionItems;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import javax.inject.Inject;

/**
 * Sessions: open one on a cluster with catalogs (its workflow starts its engine), read and list
 * them, close one, issue the tokens Spark Connect clients reach it with, and publish the keys those
 * tokens are checked with.
 *
 * <p>A session is its owner's: only the member who opened it takes tokens for it or closes it.
 * Reading it is its owner's right too; any other member needs {@code sessions:read}.
 */
public final class SessionService {
    private final SessionRecords records;
    private final InfraRecords infra;
    private final SessionWorkflows workflows;
    private final SessionClosings closings;
    private final SessionTokens tokens;
    private final Clock clock;
    private final Ids ids;
    private final Authorizer authorizer;
    private final AuditLog audit;

    @Inject
    public SessionService(SessionRecords records, InfraRecords infra, SessionWorkflows workflows, SessionClosings closings,
                          SessionTokens tokens, Clock clock, Ids ids, Authorizer authorizer, AuditLog audit) {
        this.records = records;
        this.infra = infra;
        this.workflows = workflows;
        this.closings = closings;
        this.tokens = tokens;
        this.clock = clock;
        this.ids = ids;
        this.authorizer = authorizer;
        this.audit = audit;
    }

    /** A token just issued, and how a Spark Connect client uses it. Shown once. */
    public record IssuedToken(Session session, SessionTokens.Issued issued, String connectionString) {
        @Override
        public String toString() {
            return "IssuedToken[session=" + session.id() + ", " + issued + "]";
        }
    }

    /** The public keys session tokens are checked with, as a JWKS document. */
    public record Jwks(Map<String, Object> document) {
    }

    /**
     * Opens a session: {@code pending} until its Sail and session server are ready. Authorized on the
     * cluster, so a binding scoped to it (or its network, or cloud account) covers it.
     *
     * @param supplied read once the caller is admitted, so another tenant's ids answer 404 whatever the body
     */
    public Session create(Principal principal, String orgId, Supplier<Session.Input> supplied, Idempotency idempotency) {
        Caller caller = authorizer.member(principal, orgId);
        Session.Input request = supplied.get();
        if (!authorizer.allows(caller, Permission.SESSIONS_CREATE, request.clusterId())) {
            throw authorizer.deny(caller, Permission.SESSIONS_CREATE, request.clusterId() == null ? orgId : request.clusterId(),
                    "missing permission sessions:create" + (request.clusterId() == null ? "" : " on " + request.clusterId()));
        }
        Validator v = new Validator();
        Session.Definition d = Session.validate(v, request);
        v.throwIfInvalid();
        Optional<Cluster> cluster = infra.findCluster(orgId, d.clusterId());
        v.require(cluster.isPresent() && cluster.get().status().live(), "clusterId",
                "no cluster " + d.clusterId() + " in this organization");
        for (int i = 0; i < d.catalogIds().size(); i++) {
            String id = d.catalogIds().get(i);
            Optional<Catalog> catalog = infra.findCatalog(orgId, id);
            v.require(catalog.isPresent() && catalog.get().status() != CatalogStatus.DESTROYING
                    && catalog.get().status() != CatalogStatus.DESTROYED, "catalogIds[" + i + "]",
                    "no catalog " + id + " in this organization");
        }
        v.throwIfInvalid();
        ClusterStatus status = cluster.get().status();
        if (status != ClusterStatus.ACTIVE && status != ClusterStatus.UPDATING) {
            throw new ConflictException("cluster " + d.clusterId() + " is " + Wire.name(status)
                    + ": sessions need an active cluster");
        }
        Session session = Session.create(ids.next(Session.ID_PREFIX), orgId, caller.memberId(), principal.userId(), d,
                clock.instant());
        Event event = records.stateChange(null, session);
        List<Write> writes = new ArrayList<>();
        writes.add(Write.put(SessionItems.session(session), Condition.notExists()));
        writes.add(audit.success(caller, Permission.SESSIONS_CREATE.wire(), session.id()));
        writes.addAll(idempotency.record(session));
        writes.add(records.record(event));
        workflows.commitAndStart(writes, session);
        records.published(event);
        return session;
    }

    public Session get(Principal principal, String orgId, String sessionId) {
        return readable(authorizer.member(principal, orgId), sessionId);
    }

    /**
     * A member's sessions, newest first.
     *
     * @param memberId null for the caller's own; another member's need {@code sessions:read}
     */
    public Page<Session> list(Principal principal, String orgId, String memberId, PageRequest page) {
        Caller caller = authorizer.member(principal, orgId);
        String whose = memberId == null ? caller.memberId() : memberId;
        if (!whose.equals(caller.memberId()) && !authorizer.allows(caller, Permission.SESSIONS_READ, null)) {
            throw authorizer.deny(caller, Permission.SESSIONS_READ, orgId, "missing permission sessions:read: only your own"
                    + " sessions are listed without it");
        }
        return records.sessionsOf(orgId, whose, page);
    }

    /**
     * Asks the session to close: it takes no more statements, its workflow stops its engine at once
     * (its running statements are cancelled) and it ends {@code closed}.
     */
    public Session close(Principal principal, String orgId, String sessionId) {
        Caller caller = authorizer.require(principal, orgId, Permission.SESSIONS_CLOSE);
        Session session = owned(caller, Permission.SESSIONS_CLOSE, sessionId);
        if (session.terminal()) {
            throw new ConflictException("session " + sessionId + " has already ended: it is " + Wire.name(session.status()));
        }
        if (session.ending() != null) {
            return session;
        }
        return closings.decide(orgId, sessionId, SessionEnding.closed("closed on request by " + principal.userId(),
                clock.instant()), List.of(audit.success(caller, Permission.SESSIONS_CLOSE.wire(), sessionId)));
    }

    /**
     * A token for the caller on their session, and the connection string that carries it. Issuing one
     * counts as use of the session. The audit log records the token's id, never the token.
     *
     * @param ttlMinutes how long it is valid: 1 to 720 (12 h); 60 when null
     */
    public IssuedToken issueToken(Principal principal, String orgId, String sessionId, Supplier<Integer> ttlMinutes,
                                  Idempotency idempotency) {
        Caller caller = authorizer.require(principal, orgId, Permission.SESSIONS_CONNECT);
        Session session = owned(caller, Permission.SESSIONS_CONNECT, sessionId);
        Integer minutes = ttlMinutes.get();
        new Validator().range("expiresInMinutes", minutes, 1, (int) SessionTokens.MAX_TTL.toMinutes()).throwIfInvalid();
        session.requireOpen();
        Duration ttl = minutes == null ? SessionTokens.DEFAULT_TTL : Duration.ofMinutes(minutes);
        SessionTokens.Issued issued = tokens.issue(session, caller.memberId(), ttl);
        IssuedToken result = new IssuedToken(session, issued, session.endpoint() + "/;token=" + issued.token());
        List<Write> extra = new ArrayList<>();
        extra.add(audit.success(caller, Permission.SESSIONS_CONNECT.wire(), issued.id()));
        extra.addAll(idempotency.record(result));
        Session used = records.updateSession(orgId, sessionId, s -> {
            s.requireOpen();
            return s.touched(clock.instant());
        }, extra);
        workflows.heartbeat(used);
        return result;
    }

    public Jwks jwks() {
        return new Jwks(tokens.jwks());
    }

    /**
     * The session, if the caller may read it: its owner, or a member with {@code sessions:read}.
     *
     * @throws com.lakesail.backend.domain.NotFoundException when the organization has no such session
     */
    public Session readable(Caller caller, String sessionId) {
        Session session = records.session(caller.organizationId(), sessionId);
        if (!session.ownerMemberId().equals(caller.memberId())
                && !authorizer.allows(caller, Permission.SESSIONS_READ, sessionId)) {
            throw authorizer.deny(caller, Permission.SESSIONS_READ, sessionId, "session " + sessionId
                    + " is another member's: reading it needs sessions:read");
        }
        return session;
    }

    /** The session, if it is the caller's own: only its owner acts on it. */
    Session owned(Caller caller, Permission action, String sessionId) {
        Session session = records.session(caller.organizationId(), sessionId);
        if (!session.ownerMemberId().equals(caller.memberId())) {
            throw authorizer.deny(caller, action, sessionId, "session " + sessionId + " is another member's: only the member"
                    + " who opened it may " + action.action() + " it");
        }
        return session;
    }
}
