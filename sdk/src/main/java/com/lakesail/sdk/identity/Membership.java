package com.lakesail.sdk.identity;

import java.util.List;

/**
 * The caller's membership in one organization.
 *
 * @param memberId the member id, {@code mem_...}, used by the organization's member routes
 * @param organizationId the organization, {@code org_...}
 * @param organizationName the organization's name
 * @param roles the names of the roles bound to this member (never null)
 */
public record Membership(String memberId, String organizationId, String organizationName, List<String> roles) {

    public Membership {
        roles = roles == null ? List.of() : List.copyOf(roles);
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().memberId(memberId).organizationId(organizationId)
                .organizationName(organizationName).roles(roles);
    }

    /** Builds a {@link Membership}. */
    public static final class Builder {
        private String memberId;
        private String organizationId;
        private String organizationName;
        private List<String> roles;

        private Builder() {
        }

        public Builder memberId(String memberId) {
            this.memberId = memberId;
            return this;
        }

        public Builder organizationId(String organizationId) {
            this.organizationId = organizationId;
            return this;
        }

        public Builder organizationName(String organizationName) {
            this.organizationName = organizationName;
            return this;
        }

        public Builder roles(List<String> roles) {
            this.roles = roles;
            return this;
        }

        public Membership build() {
            return new Membership(memberId, organizationId, organizationName, roles);
        }
    }
}
