package com.lakesail.backend.service;

import com.lakesail.backend.domain.AccessSnapshot;

/**
 * A principal the {@link Authorizer} admitted into one organization: its member id there, and the
 * access snapshot the decision was made on (which a change then builds on).
 */
public record Caller(Principal principal, String organizationId, String memberId, AccessSnapshot snapshot) {

    public String userId() {
        return principal.userId();
    }

    public String requestId() {
        return principal.requestId();
    }
}
