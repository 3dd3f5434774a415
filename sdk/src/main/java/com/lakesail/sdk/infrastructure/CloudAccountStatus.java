package com.lakesail.sdk.infrastructure;

import java.util.Locale;

/**
 * A cloud account's status: {@code pending} until a role is attached, {@code verifying} while
 * LakeSail assumes it, then {@code active}, or {@code failed} with the reason. An active account whose
 * re-verification fails becomes {@code disconnected} (its networks and clusters are orphaned);
 * verifying again repairs both. A deleted account is removed at once, so none is destroying or
 * destroyed.
 *
 * <pre>{@code
 * if (account.status() == CloudAccountStatus.DISCONNECTED) {
 *     lakesail.cloudAccounts().verify(account.id()).waitUntilActive(Duration.ofMinutes(2));
 * }
 * }</pre>
 */
public enum CloudAccountStatus implements InfrastructureStatus {
    PENDING, VERIFYING, ACTIVE, FAILED, DISCONNECTED,
    /** A status this SDK version does not know; a newer one may. */
    UNKNOWN_TO_SDK_VERSION;

    @Override
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    @Override
    public boolean isActive() {
        return this == ACTIVE;
    }

    @Override
    public boolean isDestroying() {
        return false;
    }

    @Override
    public boolean isDestroyed() {
        return false;
    }

    @Override
    public boolean isFailed() {
        return this == FAILED || this == DISCONNECTED;
    }
}
