package com.lakesail.sdk.access;

/** An invitation's status; expiry is computed from {@code expiresAt}. */
public enum InvitationStatus {
    PENDING, ACCEPTED, REVOKED, EXPIRED, UNKNOWN_TO_SDK_VERSION
}
