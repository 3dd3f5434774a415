package com.lakesail.backend.store;

import com.lakesail.backend.port.Key;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Key builders for the single table, and the access patterns they serve. Tenant-owned items live in
 * the partition {@code ORG#<orgId>}, so no query can cross organizations. No request path scans.
 *
 * <pre>
 * entity / purpose          pk                    sk                     GSI1 (pk / sk)
 * user                      USER#usr              USER
 * email → user (unique)     EMAIL#email           EMAIL
 * token by secret (auth)    TOKEN#sha256          TOKEN
 * token by owner (list)     USER#usr              TOKEN#tok
 * organization              ORG#org               ORG
 * member by user           ORG#org               MEMBER#usr             USER#usr / ORG#org   (a user's orgs)
 * access snapshot (authz)   ORG#org               ACCESS                 (teams, custom roles, bindings, user → member)
 * invitation                ORG#org               INVITATION#inv
 * invitation by secret      INVITE#sha256         INVITE                 → org and invitation id (accept)
 * audit event               ORG#org               AUDIT#time#aud         GSI1 AUDIT#org#ACTOR#usr / time#aud
 *                                                                        GSI2 AUDIT#org#TARGET#id / time#aud
 * idempotency record        IDEMP#scope#key       IDEMP                  (TTL: expiresAt)
 * </pre>
 *
 * <p>Access patterns of identity and access:
 * <ul>
 * <li>authorize a request: get ACCESS (one read, cached for {@code AccessSnapshots.TTL});
 * <li>list members: query ORG#org, sk begins with MEMBER#; a member by id: its user id from ACCESS,
 *     then get MEMBER#usr; a user's organizations: query GSI1 USER#usr, sk begins with ORG#;
 * <li>teams, custom roles, role bindings: read from ACCESS (the one item access changes rewrite);
 * <li>list invitations: query ORG#org, sk begins with INVITATION#; accept: get INVITE#sha256;
 * <li>audit log, newest first: query ORG#org, sk begins with AUDIT# (all), GSI1 (by actor) or GSI2 (by
 *     target); time is a fixed-width UTC timestamp at the start of the sort key, so a time window
 *     narrows the query to the common prefix of its bounds and the edges are trimmed while paging.
 * </ul>
 */
public final class Keys {
    /** Sort-key prefixes of the organization partition's lists. */
    public static final String INVITATION_PREFIX = "INVITATION#";
    public static final String MEMBER_PREFIX = "MEMBER#";
    public static final String AUDIT_PREFIX = "AUDIT#";
    private static final DateTimeFormatter AUDIT_TIME =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'").withZone(ZoneOffset.UTC);

    private Keys() {
    }

    public static Key user(String userId) {
        return Key.of("USER#" + userId, "USER");
    }

    public static Key email(String email) {
        return Key.of("EMAIL#" + email.toLowerCase(Locale.ROOT), "EMAIL");
    }

    public static Key tokenBySecretHash(String hash) {
        return Key.of("TOKEN#" + hash, "TOKEN");
    }

    public static Key tokenByOwner(String userId, String tokenId) {
        return Key.of(userPartition(userId), "TOKEN#" + tokenId);
    }

    public static String userPartition(String userId) {
        return "USER#" + userId;
    }

    public static Key organization(String orgId) {
        return Key.of(orgPartition(orgId), "ORG");
    }

    public static String orgPartition(String orgId) {
        return "ORG#" + orgId;
    }

    public static Key memberByUser(String orgId, String userId) {
        return Key.of(orgPartition(orgId), MEMBER_PREFIX + userId);
    }

    public static Key accessSnapshot(String orgId) {
        return Key.of(orgPartition(orgId), "ACCESS");
    }

    public static Key invitation(String orgId, String invitationId) {
        return Key.of(orgPartition(orgId), INVITATION_PREFIX + invitationId);
    }

    public static Key invitationBySecretHash(String hash) {
        return Key.of("INVITE#" + hash, "INVITE");
    }

    /** The audit log's sort key (and index sort key) for an event: time first, so it sorts by time. */
    public static String auditSortKey(Instant time, String eventId) {
        return auditTime(time) + "#" + eventId;
    }

    /** Fixed-width UTC time with nanoseconds, so lexical order is time order. */
    public static String auditTime(Instant time) {
        return AUDIT_TIME.format(time);
    }

    public static Key auditEvent(String orgId, Instant time, String eventId) {
        return Key.of(orgPartition(orgId), AUDIT_PREFIX + auditSortKey(time, eventId));
    }

    public static String auditByActor(String orgId, String userId) {
        return "AUDIT#" + orgId + "#ACTOR#" + userId;
    }

    public static String auditByTarget(String orgId, String targetId) {
        return "AUDIT#" + orgId + "#TARGET#" + targetId;
    }

    public static Key idempotency(String scope, String key) {
        return Key.of("IDEMP#" + scope + "#" + key, "IDEMP");
    }
}
