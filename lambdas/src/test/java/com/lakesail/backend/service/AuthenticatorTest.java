package com.lakesail.backend.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.lakesail.backend.domain.UnauthenticatedException;
import com.lakesail.backend.testing.InMemoryStore;
import com.lakesail.backend.testing.MutableClock;
import com.lakesail.backend.testing.TestComponent;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AuthenticatorTest {
    private static final String INVALID = "the token is invalid, revoked or expired";

    private final InMemoryStore store = new InMemoryStore();
    private final MutableClock clock = new MutableClock(Instant.parse("2025-03-01T12:00:00Z"));
    private final TestComponent graph = TestComponent.over(store, clock);
    private final IdentityService identity = graph.identity();
    private final Authenticator authenticator = graph.authenticator();
    private IdentityService.SignupResult signup;

    @BeforeEach
    void signUp() {
        signup = identity.signup(new IdentityService.Signup("ada@example.com", "Ada", "analytical"), Idempotency.NONE);
    }

    @Test
    void authenticate_whenTokenValid_returnsItsUserAndToken() {
        Principal principal = authenticator.authenticate("Bearer " + signup.token().secret());

        assertEquals(new Principal(signup.user().id(), signup.token().token().id()), principal);
    }

    @Test
    void authenticate_whenSchemeInOtherCaseOrPadded_acceptsIt() {
        String secret = signup.token().secret();

        assertEquals(signup.user().id(), authenticator.authenticate("bearer " + secret).userId());
        assertEquals(signup.user().id(), authenticator.authenticate("BEARER " + secret + "  ").userId());
    }

    @Test
    void authenticate_whenHeaderMissing_throwsUnauthenticatedSayingHowToSendIt() {
        for (String header : new String[] {null, "", "   "}) {
            UnauthenticatedException e = assertThrows(UnauthenticatedException.class, () -> authenticator.authenticate(header));
            assertEquals("Unauthenticated", e.code());
            assertEquals(true, e.getMessage().contains("Bearer"), e.getMessage());
        }
    }

    @Test
    void authenticate_whenSchemeIsNotBearer_throwsUnauthenticated() {
        String secret = signup.token().secret();
        for (String header : List.of("Basic " + secret, "Token " + secret, secret, "Bearer" + secret)) {
            assertThrows(UnauthenticatedException.class, () -> authenticator.authenticate(header), header);
        }
    }

    @Test
    void authenticate_whenSecretMalformed_throwsWithoutReadingTheStore() {
        long before = store.roundTrips();
        for (String header : List.of("Bearer ", "Bearer lsk_short", "Bearer " + signup.token().secret() + "x",
                "Bearer " + signup.token().secret().substring(4), "Bearer lsk_" + "!".repeat(43))) {
            UnauthenticatedException e = assertThrows(UnauthenticatedException.class, () -> authenticator.authenticate(header));
            assertEquals(INVALID, e.getMessage(), header);
        }
        assertEquals(before, store.roundTrips(), "a malformed secret is refused before any lookup");
    }

    @Test
    void authenticate_whenWellFormedButUnknown_throwsUnauthenticated() {
        UnauthenticatedException e = assertThrows(UnauthenticatedException.class,
                () -> authenticator.authenticate("Bearer " + TokenSecrets.newSecret()));

        assertEquals(INVALID, e.getMessage());
    }

    @Test
    void authenticate_whenRevoked_throwsUnauthenticatedWithTheSameMessage() {
        identity.revokeToken(new Principal(signup.user().id(), null), signup.token().token().id());

        UnauthenticatedException e = assertThrows(UnauthenticatedException.class,
                () -> authenticator.authenticate("Bearer " + signup.token().secret()));

        assertEquals(INVALID, e.getMessage());
    }

    @Test
    void authenticate_whenOneSecondBeforeExpiry_accepts() {
        IdentityService.CreatedToken oneDay = identity.createToken(new Principal(signup.user().id(), null), "ci", 1, Idempotency.NONE);

        clock.advance(Duration.ofDays(1).minusSeconds(1));

        assertEquals(oneDay.token().id(), authenticator.authenticate("Bearer " + oneDay.secret()).tokenId());
    }

    @Test
    void authenticate_whenExpiryReached_throwsUnauthenticatedWithTheSameMessage() {
        IdentityService.CreatedToken oneDay = identity.createToken(new Principal(signup.user().id(), null), "ci", 1, Idempotency.NONE);

        clock.advance(Duration.ofDays(1));

        UnauthenticatedException e = assertThrows(UnauthenticatedException.class,
                () -> authenticator.authenticate("Bearer " + oneDay.secret()));
        assertEquals(INVALID, e.getMessage());
    }

    @Test
    void authenticate_whenDefaultTokenPastNinetyDays_throwsUnauthenticated() {
        clock.advance(Duration.ofDays(90));

        assertThrows(UnauthenticatedException.class, () -> authenticator.authenticate("Bearer " + signup.token().secret()));
    }

    @Test
    void authenticate_whenValid_readsTheStoreOnce() {
        long before = store.roundTrips();

        authenticator.authenticate("Bearer " + signup.token().secret());

        assertEquals(before + 1, store.roundTrips());
    }
}
