package com.lakesail.sdk.access;

/**
 * Renames a team if it is still at the expected version.
 *
 * @param teamId the team, {@code team_...}
 * @param name the new name; null to keep it
 * @param version the version read; a stale one is a {@code ConflictException}
 */
public record UpdateTeamRequest(String teamId, String name, Long version) {

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().teamId(teamId).name(name).version(version);
    }

    /** Builds a {@link UpdateTeamRequest}. */
    public static final class Builder {
        private String teamId;
        private String name;
        private Long version;

        private Builder() {
        }

        public Builder teamId(String teamId) {
            this.teamId = teamId;
            return this;
        }

        public Builder name(String name) {
            this.name = name;
            return this;
        }

        public Builder version(Long version) {
            this.version = version;
            return this;
        }

        public UpdateTeamRequest build() {
            return new UpdateTeamRequest(teamId, name, version);
        }
    }
}
