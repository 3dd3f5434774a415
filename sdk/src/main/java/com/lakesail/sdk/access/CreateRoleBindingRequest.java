package com.lakesail.sdk.access;

/**
 * Binds a role to a member or a team, organization-wide or on one resource.
 *
 * <pre>{@code
 * lakesail.roleBindings().create(r -> r.roleId("infra-admin").subject(Subject.team(platform.id())));
 * }</pre>
 *
 * @param roleId a built-in role ({@code developer}) or a custom role id
 * @param subject who gets the role: {@link Subject#member} or {@link Subject#team}
 * @param scope a resource id the grant is limited to (covering what lives under it); null for the whole organization
 * @param idempotencyKey the {@code Idempotency-Key} to send; null to let the SDK pick one per call
 */
public record CreateRoleBindingRequest(String roleId, Subject subject, String scope, String idempotencyKey) {

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().roleId(roleId).subject(subject).scope(scope).idempotencyKey(idempotencyKey);
    }

    /** Builds a {@link CreateRoleBindingRequest}. */
    public static final class Builder {
        private String roleId;
        private Subject subject;
        private String scope;
        private String idempotencyKey;

        private Builder() {
        }

        public Builder roleId(String roleId) {
            this.roleId = roleId;
            return this;
        }

        public Builder subject(Subject subject) {
            this.subject = subject;
            return this;
        }

        public Builder scope(String scope) {
            this.scope = scope;
            return this;
        }

        public Builder idempotencyKey(String idempotencyKey) {
            this.idempotencyKey = idempotencyKey;
            return this;
        }

        public CreateRoleBindingRequest build() {
            return new CreateRoleBindingRequest(roleId, subject, scope, idempotencyKey);
        }
    }
}
