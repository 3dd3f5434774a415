package com.lakesail.backend.service;

import com.lakesail.backend.domain.ApiToken;
import com.lakesail.backend.domain.ConflictException;
import com.lakesail.backend.domain.Member;
import com.lakesail.backend.domain.NotFoundException;
import com.lakesail.backend.domain.Organization;
import com.lakesail.backend.domain.TokenStatus;
import com.lakesail.backend.domain.User;
import com.lakesail.backend.domain.Validator;
import com.lakesail.backend.port.Condition;
import com.lakesail.backend.port.ConditionFailedException;
import com.lakesail.backend.port.Ids;
import com.lakesail.backend.port.Item;
import com.lakesail.backend.port.Page;
import com.lakesail.backend.port.Query;
import com.lakesail.backend.port.Store;
import com.lakesail.backend.port.Write;
import com.lakesail.backend.store.Items;
import com.lakesail.backend.store.Keys;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.inject.Inject;

/** Sign-up, the caller's own profile and API tokens. */
public final class IdentityService {
    private final Store store;
    private final Clock clock;
    private final Ids ids;
    private final Founding founding;

    @Inject
    public IdentityService(Store store, Clock clock, Ids ids, Founding founding) {
        this.store = store;
        this.clock = clock;
        this.ids = ids;
        this.founding = founding;
    }

    public record Signup(String email, String name, String organizationName) {
    }

    public record SignupResult(User user, Organization organization, Member member, CreatedToken token) {
    }

    /** A token and its secret, which exists only in this response. */
    public record CreatedToken(ApiToken token, String secret) {
    }

    public record Me(User user, List<Membership> memberships) {
    }

    public record Membership(Member member, Organization organization) {
    }

    /** Sign-up outside an API request (the local bootstrap): no request id to audit. */
    public SignupResult signup(Signup request, Idempotency idempotency) {
        return signup(request, idempotency, null);
    }

    /**
     * Creates the user, its first organization (owned by it) and a first token in one transaction,
     * with the organization's audit entry. The email is unique: a second sign-up with it is a 409.
     */
    public SignupResult signup(Signup request, Idempotency idempotency, String requestId) {
        new Validator().email("email", request.email()).name("name", request.name())
                .name("organizationName", request.organizationName()).throwIfInvalid();
        Instant now = clock.instant();
        User user = new User(ids.next(User.ID_PREFIX), request.email().toLowerCase(Locale.ROOT), request.name(), now, now, 1);
        Organization org = new Organization(ids.next(Organization.ID_PREFIX), request.organizationName(), now, now, 1);
        Founding.Founded founded = founding.found(org, user, now, requestId);
        CreatedToken token = newToken(user.id(), "default", ApiToken.DEFAULT_EXPIRY_DAYS, now);
        SignupResult result = new SignupResult(user, org, founded.owner(), token);

        List<Write> writes = new ArrayList<>(List.of(
                Write.put(Items.user(user), Condition.notExists()),
                Write.put(Items.email(user), Condition.notExists()),
                Write.put(Items.organization(org), Condition.notExists())));
        writes.addAll(founded.writes());
        writes.addAll(tokenWrites(token.token()));
        writes.addAll(idempotency.record(result));
        try {
            store.transact(writes);
        } catch (ConditionFailedException e) {
            throw new ConflictException("a user with email " + user.email() + " already exists");
        }
        return result;
    }

    public Me me(Principal principal) {
        User user = store.get(Keys.user(principal.userId())).map(i -> Items.decode(i, User.class))
                .orElseThrow(() -> new NotFoundException("user not found"));
        List<Membership> memberships = new ArrayList<>();
        String token = null;
        do {
            Page<Item> page = store.query(Query.partition(Query.Index.GSI1, Keys.userPartition(user.id()), "ORG#", Query.MAX_LIMIT, token));
            for (Item item : page.items()) {
                Member member = Items.decode(item, Member.class);
                store.get(Keys.organization(member.organizationId()))
                        .ifPresent(org -> memberships.add(new Membership(member, Items.decode(org, Organization.class))));
            }
            token = page.nextToken();
        } while (token != null);
        return new Me(user, memberships);
    }

    public CreatedToken createToken(Principal principal, String name, Integer expiresInDays, Idempotency idempotency) {
        new Validator().name("name", name).range("expiresInDays", expiresInDays, 1, ApiToken.MAX_EXPIRY_DAYS).throwIfInvalid();
        CreatedToken created = newToken(principal.userId(), name,
                expiresInDays == null ? ApiToken.DEFAULT_EXPIRY_DAYS : expiresInDays, clock.instant());
        List<Write> writes = new ArrayList<>(tokenWrites(created.token()));
        writes.addAll(idempotency.record(created));
        store.transact(writes);
        return created;
    }

    public Page<ApiToken> listTokens(Principal principal, PageRequest page) {
        return store.query(Query.partition(Query.Index.TABLE, Keys.userPartition(principal.userId()), "TOKEN#",
                        page.limit(), page.nextToken()))
                .map(item -> Items.decode(item, ApiToken.class).seenAt(clock.instant()));
    }

    /** Revokes both copies of the token at once; the secret stops working on the next request. */
    public void revokeToken(Principal principal, String tokenId) {
        ApiToken token = ownToken(principal, tokenId);
        if (token.status() == TokenStatus.REVOKED) {
            return;
        }
        ApiToken revoked = token.revoke(clock.instant());
        try {
            store.transact(List.of(
                    Write.put(Items.tokenByOwner(revoked), Condition.versionIs(token.version())),
                    Write.put(Items.tokenBySecret(revoked), Condition.versionIs(token.version()))));
        } catch (ConditionFailedException e) {
            // Revocation is the only change a token ever sees, so whoever won the race revoked it:
            // DELETE stays idempotent for every concurrent caller.
            if (ownToken(principal, tokenId).status() != TokenStatus.REVOKED) {
                throw new ConflictException("token " + tokenId + " changed concurrently; retry");
            }
        }
    }

    private ApiToken ownToken(Principal principal, String tokenId) {
        return store.get(Keys.tokenByOwner(principal.userId(), tokenId)).map(item -> Items.decode(item, ApiToken.class))
                .orElseThrow(() -> new NotFoundException("token " + tokenId + " not found"));
    }

    private CreatedToken newToken(String userId, String name, int expiresInDays, Instant now) {
        String secret = TokenSecrets.newSecret();
        ApiToken token = new ApiToken(ids.next(ApiToken.ID_PREFIX), userId, name, secret.substring(0, TokenSecrets.SHOWN),
                TokenSecrets.hash(secret), TokenStatus.ACTIVE, now, now.plus(Duration.ofDays(expiresInDays)), null, 1);
        return new CreatedToken(token, secret);
    }

    private static List<Write> tokenWrites(ApiToken token) {
        return List.of(Write.put(Items.tokenBySecret(token), Condition.notExists()),
                Write.put(Items.tokenByOwner(token), Condition.notExists()));
    }
}
