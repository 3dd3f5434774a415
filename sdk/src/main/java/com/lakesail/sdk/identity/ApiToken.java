package com.lakesail.sdk.identity;

import java.time.Instant;

/**
 * An API token's metadata. The secret itself is returned once, by
 * {@link TokenService#create(CreateTokenRequest)}, and never again.
 *
 * @param id the token id, {@code tok_...}
 * @param name the name given at creation
 * @param prefix the first characters of the secret, to recognise it, e.g. {@code lsk_abcd}
 * @param createdAt when it was created
 * @param expiresAt when it expires; null if never
 * @param lastUsedAt when it last authenticated a request; null if never
 * @param revokedAt when it was revoked; null if it is not
 */
public record ApiToken(String id, String name, String prefix, Instant createdAt, Instant expiresAt,
        Instant lastUsedAt, Instant revokedAt) {

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().id(id).name(name).prefix(prefix).createdAt(createdAt).expiresAt(expiresAt)
                .lastUsedAt(lastUsedAt).revokedAt(revokedAt);
    }

    /** Builds an {@link ApiToken}. */
    public static final class Builder {
        private String id;
        private String name;
        private String prefix;
        private Instant createdAt;
        private Instant expiresAt;
        private Instant lastUsedAt;
        private Instant revokedAt;

        private Builder() {
        }

        public Builder id(String id) {
            this.id = id;
            return this;
        }

        public Builder name(String name) {
            this.name = name;
            return this;
        }

        public Builder prefix(String prefix) {
            this.prefix = prefix;
            return this;
        }

        public Builder createdAt(Instant createdAt) {
            this.createdAt = createdAt;
            return this;
        }

        public Builder expiresAt(Instant expiresAt) {
            this.expiresAt = expiresAt;
            return this;
        }

        public Builder lastUsedAt(Instant lastUsedAt) {
            this.lastUsedAt = lastUsedAt;
            return this;
        }

        public Builder revokedAt(Instant revokedAt) {
            this.revokedAt = revokedAt;
            return this;
        }

        public ApiToken build() {
            return new ApiToken(id, name, prefix, createdAt, expiresAt, lastUsedAt, revokedAt);
        }
    }
}
