package com.lakesail.sdk.access;

import java.util.List;

/**
 * Changes a custom role if it is still at the expected version.
 *
 * @param roleId the role, {@code role_...}
 * @param name the new name; null to keep it
 * @param description the new description; null to keep it
 * @param permissions the new permission set; null to keep it
 * @param version the version read; a stale one is a {@code ConflictException}
 */
public record UpdateRoleRequest(String roleId, String name, String description, List<String> permissions, Long version) {

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().roleId(roleId).name(name).description(description).permissions(permissions).version(version);
    }

    /** Builds a {@link UpdateRoleRequest}. */
    public static final class Builder {
        private String roleId;
        private String name;
        private String description;
        private List<String> permissions;
        private Long version;

        private Builder() {
        }

        public Builder roleId(String roleId) {
            this.roleId = roleId;
            return this;
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

        public Builder version(Long version) {
            this.version = version;
            return this;
        }

        public UpdateRoleRequest build() {
            return new UpdateRoleRequest(roleId, name, description, permissions, version);
        }
    }
}
