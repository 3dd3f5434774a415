package com.lakesail.sdk.identity;

import java.time.Instant;

/**
 * A person, identified by email. A user can be a member of several organizations.
 *
 * @param id the user id, {@code usr_...}
 * @param email the sign-in email
 * @param name the display name
 * @param createdAt when the user signed up
 * @param updatedAt when the user last changed
 */
public record User(String id, String email, String name, Instant createdAt, Instant updatedAt) {

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().id(id).email(email).name(name).createdAt(createdAt).updatedAt(updatedAt);
    }

    /** Builds a {@link User}. */
    public static final class Builder {
        private String id;
        private String email;
        private String name;
        private Instant createdAt;
        private Instant updatedAt;

        private Builder() {
        }

        public Builder id(String id) {
            this.id = id;
            return this;
        }

        public Builder email(String email) {
            this.email = email;
            return this;
        }

        public Builder name(String name) {
            this.name = name;
            return this;
        }

        public Builder createdAt(Instant createdAt) {
            this.createdAt = createdAt;
            return this;
        }

        public Builder updatedAt(Instant updatedAt) {
            this.updatedAt = updatedAt;
            return this;
        }

        public User build() {
            return new User(id, email, name, createdAt, updatedAt);
        }
    }
}
