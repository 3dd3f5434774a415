package com.lakesail.backend.domain;

import static com.lakesail.backend.domain.LifecycleTest.Stage.ACTIVE;
import static com.lakesail.backend.domain.LifecycleTest.Stage.FAILED;
import static com.lakesail.backend.domain.LifecycleTest.Stage.PENDING;
import static com.lakesail.backend.domain.LifecycleTest.Stage.PROVISIONING;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LifecycleTest {

    enum Stage { PENDING, PROVISIONING, ACTIVE, FAILED }

    private static final Lifecycle<Stage> LIFECYCLE = Lifecycle.of(Stage.class)
            .allow(PENDING, PROVISIONING, FAILED)
            .allow(PROVISIONING, ACTIVE, FAILED)
            .build();

    @Test
    void allows_whenTransitionDeclared_returnsTrue() {
        assertTrue(LIFECYCLE.allows(PENDING, PROVISIONING));
        assertTrue(LIFECYCLE.allows(PENDING, FAILED));
        assertTrue(LIFECYCLE.allows(PROVISIONING, ACTIVE));
        assertTrue(LIFECYCLE.allows(PROVISIONING, FAILED));
    }

    @Test
    void allows_whenTransitionSkipsAStepOrGoesBack_returnsFalse() {
        assertFalse(LIFECYCLE.allows(PENDING, ACTIVE));
        assertFalse(LIFECYCLE.allows(PROVISIONING, PENDING));
        assertFalse(LIFECYCLE.allows(ACTIVE, PROVISIONING));
    }

    @Test
    void allows_whenTargetIsTheSameState_returnsFalse() {
        for (Stage stage : Stage.values()) {
            assertFalse(LIFECYCLE.allows(stage, stage), stage.name());
        }
    }

    @Test
    void check_whenAllowed_doesNotThrow() {
        assertDoesNotThrow(() -> LIFECYCLE.check(PENDING, PROVISIONING));
    }

    @Test
    void check_whenDenied_throwsConflictNamingTheEntityAndBothStatesOnTheWire() {
        ConflictException e = assertThrows(ConflictException.class, () -> LIFECYCLE.check(PENDING, ACTIVE));

        assertEquals("Conflict", e.code());
        // The entity as callers call it, never the internal enum class.
        assertEquals("a stage that is pending cannot become active", e.getMessage());
    }

    @Test
    void check_whenSelfTransition_throwsConflict() {
        assertThrows(ConflictException.class, () -> LIFECYCLE.check(PROVISIONING, PROVISIONING));
    }

    @Test
    void check_whenLeavingTerminalState_throwsConflict() {
        for (Stage target : Stage.values()) {
            assertThrows(ConflictException.class, () -> LIFECYCLE.check(FAILED, target), target.name());
        }
    }

    @Test
    void isTerminal_whenStateHasNoOutgoingTransition_returnsTrue() {
        assertTrue(LIFECYCLE.isTerminal(ACTIVE));
        assertTrue(LIFECYCLE.isTerminal(FAILED));
        assertFalse(LIFECYCLE.isTerminal(PENDING));
        assertFalse(LIFECYCLE.isTerminal(PROVISIONING));
    }

    @Test
    void next_whenCalled_returnsExactlyTheDeclaredTargets() {
        assertEquals(Set.of(PROVISIONING, FAILED), LIFECYCLE.next(PENDING));
        assertEquals(Set.of(), LIFECYCLE.next(ACTIVE));
    }

    @Test
    void next_whenCallerTriesToAddATransition_refuses() {
        assertThrows(UnsupportedOperationException.class, () -> LIFECYCLE.next(PENDING).add(ACTIVE));
        assertFalse(LIFECYCLE.allows(PENDING, ACTIVE));
    }

    @Test
    void allow_whenSelfTransitionDeclared_throwsIllegalArgument() {
        Lifecycle.Builder<Stage> builder = Lifecycle.of(Stage.class);

        assertThrows(IllegalArgumentException.class, () -> builder.allow(ACTIVE, FAILED, ACTIVE));
    }

    @Test
    void build_whenBuilderChangesAfterwards_builtLifecycleDoesNotChange() {
        Lifecycle.Builder<Stage> builder = Lifecycle.of(Stage.class).allow(PENDING, ACTIVE);
        Lifecycle<Stage> built = builder.build();

        builder.allow(ACTIVE, FAILED);

        assertFalse(built.allows(ACTIVE, FAILED));
        assertTrue(built.isTerminal(ACTIVE));
    }

    @Test
    void tokenLifecycle_whenRevoked_isTerminal() {
        assertTrue(TokenStatus.LIFECYCLE.allows(TokenStatus.ACTIVE, TokenStatus.REVOKED));
        assertTrue(TokenStatus.LIFECYCLE.isTerminal(TokenStatus.REVOKED));
    }

    @Test
    void revoke_whenTokenAlreadyRevoked_throwsConflict() {
        Instant now = Instant.parse("2025-01-01T00:00:00Z");
        ApiToken token = new ApiToken("tok_1", "usr_1", "ci", "lsk_abcd", "hash", TokenStatus.ACTIVE,
                now, now.plusSeconds(60), null, 1);

        ApiToken revoked = token.revoke(now);

        assertEquals(TokenStatus.REVOKED, revoked.status());
        assertEquals(2, revoked.version());
        assertEquals(now, revoked.revokedAt());
        assertFalse(revoked.usableAt(now));
        assertThrows(ConflictException.class, () -> revoked.revoke(now));
    }
}
