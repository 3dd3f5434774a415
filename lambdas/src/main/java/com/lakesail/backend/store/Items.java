package com.lakesail.backend.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.lakesail.backend.domain.AccessSnapshot;
import com.lakesail.backend.domain.ApiToken;
import com.lakesail.backend.domain.AuditEvent;
import com.lakesail.backend.domain.Invitation;
import com.lakesail.backend.domain.Member;
import com.lakesail.backend.domain.Organization;
import com.lakesail.backend.domain.User;
import com.lakesail.backend.port.Item;
import com.lakesail.backend.port.Key;
import com.lakesail.backend.port.StoreException;
import java.io.UncheckedIOException;

/**
 * Entity ↔ item mapping. The entity body is JSON in {@code data}; keys and the version live in
 * their own attributes so the store can condition on them.
 */
public final class Items {

    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private Items() {
    }

    public static Item user(User user) {
        return item(Keys.user(user.id()), "User", user.version(), user).build();
    }

    /** The uniqueness guard of an email; written with {@code notExists} beside its user. */
    public static Item email(User user) {
        return item(Keys.email(user.email()), "Email", 1, new EmailOwner(user.id())).build();
    }

    public static Item organization(Organization org) {
        return item(Keys.organization(org.id()), "Organization", org.version(), org).build();
    }

    public static Item member(Member member) {
        return item(Keys.memberByUser(member.organizationId(), member.userId()), "Member", member.version(), member)
                .gsi1(Keys.userPartition(member.userId()), Keys.orgPartition(member.organizationId()))
                .build();
    }

    /** The authentication copy of a token, found by the hash of its secret. */
    public static Item tokenBySecret(ApiToken token) {
        return item(Keys.tokenBySecretHash(token.secretHash()), "ApiToken", token.version(), token).build();
    }

    /** The owner's copy of a token, for listing and revocation by id. Kept equal to the other copy. */
    public static Item tokenByOwner(ApiToken token) {
        return item(Keys.tokenByOwner(token.userId(), token.id()), "ApiToken", token.version(), token).build();
    }

    public static Item accessSnapshot(AccessSnapshot snapshot) {
        return item(Keys.accessSnapshot(snapshot.organizationId()), "AccessSnapshot", snapshot.version(), snapshot).build();
    }

    public static Item invitation(Invitation invitation) {
        return item(Keys.invitation(invitation.organizationId(), invitation.id()), "Invitation", invitation.version(), invitation)
                .build();
    }

    /** Finds an invitation from its secret when it is accepted; the secret's hash is the key. */
    public static Item invitationBySecret(Invitation invitation) {
        return item(Keys.invitationBySecretHash(invitation.secretHash()), "InvitationSecret", 1,
                new InvitationRef(invitation.organizationId(), invitation.id())).build();
    }

    public static Item auditEvent(AuditEvent event) {
        String sk = Keys.auditSortKey(event.time(), event.id());
        return item(Keys.auditEvent(event.organizationId(), event.time(), event.id()), "AuditEvent", 1, event)
                .gsi1(Keys.auditByActor(event.organizationId(), event.actorUserId()), sk)
                .gsi2(Keys.auditByTarget(event.organizationId(), event.targetId()), sk)
                .build();
    }

    public static <T> T decode(Item item, Class<T> type) {
        try {
            return JSON.readValue(item.data(), type);
        } catch (JsonProcessingException e) {
            throw new StoreException("corrupt " + item.type() + " item " + item.key(), e);
        }
    }

    public static Item.Builder item(Key key, String type, long version, Object body) {
        return Item.builder().key(key).type(type).version(version).data(encode(body));
    }

    public static String encode(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Body of an email guard item. */
    public record EmailOwner(String userId) {
    }

    /** Body of an invitation's secret-hash pointer. */
    public record InvitationRef(String organizationId, String invitationId) {
    }
}
