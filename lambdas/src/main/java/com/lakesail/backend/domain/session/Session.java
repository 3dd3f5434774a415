package com.lakesail.backend.domain.session;

import com.lakesail.backend.domain.ConflictException;
import com.lakesail.backend.domain.Validator;
import com.lakesail.backend.domain.Wire;
import com.lakesail.backend.domain.job.Compute;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

/**
 * A live Sail on a cluster with the chosen catalogs, for interactive SQL (DESIGN §9), owned by the
 * member who opened it. Statements sent to it run in one Spark session, in order, so temporary
 * views and settings persist from one to the next and are seen by no other session.
 *
 * @param ownerMemberId      the member who opened it: only they run statements in it, take tokens for it
 *                           or close it; others with {@code sessions:read} may read it
 * @param placement          where its engine runs, once it started
 * @param endpoint           the Spark Connect address clients reach it at with a token, once active
 * @param endpointCertificate the certificate (PEM) its gate serves TLS with, when clients reach it with
 *                           TLS (an endpoint other than {@code localhost}): self-signed, clients trust exactly it;
 *                           null when none (plaintext, or items stored before it was kept)
 * @param ending             how it is to end, once decided (a close request, the idle check, a failure)
 * @param waitToken          the task token of the workflow state waiting on it: for its start, then for its end
 * @param inFlight           its statements that have not ended, in submission order
 * @param statements         how many statements it has been sent
 * @param lastActivityAt     when a statement last started or ended, or a token was issued: the idle clock
 * @param openedAt           when it became active: its maximum life counts from then
 */
public record Session(String id, String organizationId, String ownerMemberId, String createdBy, String clusterId,
                      List<String> catalogIds, int idleTimeoutMinutes, Compute compute, Placement placement,
                      SessionStatus status, String endpoint, String endpointCertificate, SessionEnding ending, String waitToken, List<String> inFlight, long statements,
                      Instant lastActivityAt, Instant openedAt, Instant endedAt, Instant createdAt, Instant updatedAt,
                      long version) {
    public static final String ID_PREFIX = "ses";
    public static final int DEFAULT_IDLE_TIMEOUT_MINUTES = 15;
    public static final int MIN_IDLE_TIMEOUT_MINUTES = 1;
    /** A week, as long as the session may live at all. */
    public static final int MAX_IDLE_TIMEOUT_MINUTES = 10_080;
    /** A session closes a week after it opened, however busy: its engine's credentials live that long. */
    public static final Duration MAX_LIFETIME = Duration.ofDays(7);
    public static final int MAX_CATALOGS = 20;
    /** Statements waiting or running in one session at a time. */
    public static final int MAX_IN_FLIGHT = 32;
    /** The longest {@link #endpointCertificate} kept, in characters (a P-256 certificate is under 1 KiB). */
    public static final int MAX_ENDPOINT_CERTIFICATE = 8192;

    public Session {
        catalogIds = List.copyOf(catalogIds);
        inFlight = List.copyOf(inFlight);
    }

    /** A session as a request asked for it, validated. */
    public record Definition(String clusterId, List<String> catalogIds, int idleTimeoutMinutes, Compute compute) {
    }

    /** Raw fields as a request carried them; null fields take their defaults. */
    public record Input(String clusterId, List<String> catalogIds, Integer idleTimeoutMinutes, Compute.Input compute) {
    }

    /** The definition {@code in} describes, or null after recording its errors in {@code v}. */
    public static Definition validate(Validator v, Input in) {
        v.require(in.clusterId() != null && !in.clusterId().isBlank(), "clusterId", "is required");
        List<String> catalogs = in.catalogIds() == null ? List.of() : in.catalogIds();
        v.require(catalogs.size() <= MAX_CATALOGS, "catalogIds", "must name at most " + MAX_CATALOGS + " catalogs");
        v.require(new HashSet<>(catalogs).size() == catalogs.size(), "catalogIds", "must not repeat a catalog");
        int idle = in.idleTimeoutMinutes() == null ? DEFAULT_IDLE_TIMEOUT_MINUTES : in.idleTimeoutMinutes();
        v.range("idleTimeoutMinutes", idle, MIN_IDLE_TIMEOUT_MINUTES, MAX_IDLE_TIMEOUT_MINUTES);
        Compute compute = Compute.validate(v, "compute", in.compute());
        return v.valid() ? new Definition(in.clusterId(), catalogs, idle, compute) : null;
    }

    public static Session create(String id, String organizationId, String ownerMemberId, String userId, Definition d,
                                 Instant at) {
        return new Session(id, organizationId, ownerMemberId, userId, d.clusterId(), d.catalogIds(), d.idleTimeoutMinutes(),
                d.compute(), null, SessionStatus.PENDING, null, null, null, null, List.of(), 0, at, null, null, at, at, 1);
    }

    public boolean terminal() {
        return status.terminal();
    }

    /** Its end is decided but not yet done: it takes no more statements. */
    public boolean closing() {
        return ending != null && !terminal();
    }

    public Duration idleTimeout() {
        return Duration.ofMinutes(idleTimeoutMinutes);
    }

    /** What the session shows as its {@code statusReason}: how it ends or ended, once decided. */
    public String statusReason() {
        return ending == null ? null : ending.reason();
    }

    /**
     * Refuses a statement unless the session is open and not closing.
     *
     * @throws ConflictException saying what it is instead
     */
    public void requireOpen() {
        if (terminal()) {
            throw new ConflictException("session " + id + " is " + Wire.name(status) + (ending == null ? "" : ": " + ending.reason()));
        }
        if (ending != null) {
            throw new ConflictException("session " + id + " is closing: " + ending.reason());
        }
        if (!status.open()) {
            throw new ConflictException("session " + id + " is " + Wire.name(status) + ": wait until it is active");
        }
    }

    /**
     * Its Sail and session server are ready: {@code pending → active}; clients reach it at
     * {@code reachableAt}, with TLS trusting {@code certificate} (PEM) when there is one.
     */
    public Session opened(String reachableAt, String certificate, Instant at) {
        SessionStatus.LIFECYCLE.check(status, SessionStatus.ACTIVE);
        Draft d = new Draft(this);
        d.status = SessionStatus.ACTIVE;
        d.endpoint = reachableAt;
        d.endpointCertificate = certificate;
        d.openedAt = at;
        d.lastActivityAt = at;
        return d.build(at);
    }

    /** Its engine is being started at {@code where}. */
    public Session placed(Placement where, Instant at) {
        Draft d = new Draft(this);
        d.placement = where;
        return d.build(at);
    }

    /** The workflow state now waiting on the session, and the token that completes it. */
    public Session waiting(String token, Instant at) {
        Draft d = new Draft(this);
        d.waitToken = token;
        return d.build(at);
    }

    /** A statement was accepted: it is in flight, and the session active. */
    public Session submitted(String statementId, Instant at) {
        requireOpen();
        if (inFlight.size() >= MAX_IN_FLIGHT) {
            throw new ConflictException("session " + id + " already has " + MAX_IN_FLIGHT
                    + " statements waiting or running; wait for one to end");
        }
        Draft d = new Draft(this);
        d.inFlight.add(statementId);
        d.statements++;
        d.status = SessionStatus.ACTIVE;
        d.lastActivityAt = at;
        return d.build(at);
    }

    /** A statement ended: once none is in flight the session is idle, and its idle clock runs from now. */
    public Session statementEnded(String statementId, Instant at) {
        Draft d = new Draft(this);
        d.inFlight.remove(statementId);
        if (d.inFlight.isEmpty() && status == SessionStatus.ACTIVE) {
            d.status = SessionStatus.IDLE;
        }
        d.lastActivityAt = at;
        return d.build(at);
    }

    /** Something counts as use (a token issued): the idle clock starts again. */
    public Session touched(Instant at) {
        Draft d = new Draft(this);
        d.lastActivityAt = at;
        return d.build(at);
    }

    /** Records how it is to end; a decision already taken stands. */
    public Session endingAs(SessionEnding how, Instant at) {
        if (ending != null || terminal()) {
            return this;
        }
        Draft d = new Draft(this);
        d.ending = how;
        return d.build(at);
    }

    /** Terminal, as its ending says (or {@code fallback} when none was recorded). */
    public Session end(SessionEnding fallback, Instant at) {
        SessionEnding how = ending != null ? ending : fallback;
        SessionStatus.LIFECYCLE.check(status, how.status());
        Draft d = new Draft(this);
        d.status = how.status();
        d.ending = how;
        d.waitToken = null;
        d.inFlight.clear();
        d.endedAt = at;
        return d.build(at);
    }

    /** The mutable copy behind the withers: one place that bumps the version. */
    private static final class Draft {
        private final Session from;
        private Placement placement;
        private SessionStatus status;
        private String endpoint;
        private String endpointCertificate;
        private SessionEnding ending;
        private String waitToken;
        private final List<String> inFlight;
        private long statements;
        private Instant lastActivityAt;
        private Instant openedAt;
        private Instant endedAt;

        Draft(Session s) {
            from = s;
            placement = s.placement;
            status = s.status;
            endpoint = s.endpoint;
            endpointCertificate = s.endpointCertificate;
            ending = s.ending;
            waitToken = s.waitToken;
            inFlight = new ArrayList<>(s.inFlight);
            statements = s.statements;
            lastActivityAt = s.lastActivityAt;
            openedAt = s.openedAt;
            endedAt = s.endedAt;
        }

        Session build(Instant at) {
            return new Session(from.id, from.organizationId, from.ownerMemberId, from.createdBy, from.clusterId,
                    from.catalogIds, from.idleTimeoutMinutes, from.compute, placement, status, endpoint, endpointCertificate, ending, waitToken,
                    inFlight,
                    statements, lastActivityAt, openedAt, endedAt, from.createdAt, at, from.version + 1);
        }
    }
}
