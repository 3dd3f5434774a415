package com.lakesail.backend.store;

import com.lakesail.backend.port.Key;
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
 * member by user (authz)    ORG#org               MEMBER#usr             USER#usr / ORG#org   (a user's orgs)
 * member id → user          ORG#org               MEMBERID#mem
 * idempotency record        IDEMP#scope#key       IDEMP                  (TTL: expiresAt)
 * </pre>
 */
public final class Keys {
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
        return Key.of(orgPartition(orgId), "MEMBER#" + userId);
    }

    public static Key memberId(String orgId, String memberId) {
        return Key.of(orgPartition(orgId), "MEMBERID#" + memberId);
    }

    public static Key idempotency(String scope, String key) {
        return Key.of("IDEMP#" + scope + "#" + key, "IDEMP");
    }
}
