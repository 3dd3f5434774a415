package com.lakesail.sdk.access;

import java.util.List;

/**
 * Creates a custom role. The caller must hold every permission it lists.
 *
 * <pre>{@code
 * Role ops = lakesail.roles().create(r -> r.name("cluster-operator")
 *     .permissions(List.of("clusters:read", "clusters:update")));
 * }</pre>
 *
 * @param name the role's name, unique in the organization
 * @param description free text; may be null
 * @param permissions {@code resource:action} permissions, e.g. {@code clusters:create}
 * @param idempotencyKey the {@code Idempotency-Key} to send; null to let the SDK pick one per call
 */
public record CreateRoleRequest(String name, String description, List<String> permissions, String idempotencyKey) {

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().name(name).description(description).permissions(permissions).idempotencyKey(idempotencyKey);
    }

    /** Builds a {@link CreateRoleRequest}. */
    public static final class Builder {
        private String name;
        private String description;
        private List<String> permissions;
        private String idempotencyKey;

        private Builder() {
        }

        public Builder name(String name) {
            this.name = name;
            return this;
        }

        public Builder description(String description) {
            this.description = description;
            return this;
        }

        public Builder permissions(List<String> permissions) {
            this.permissions = permissions;
            return this;
        }

        public Builder idempotencyKey(String idempotencyKey) {
            this.idempotencyKey = idempotencyKey;
            return this;
        }

        public CreateRoleRequest build() {
            return new CreateRoleRequest(name, description, permissions, idempotencyKey);
        }
    }
}
