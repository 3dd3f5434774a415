package com.lakesail.sdk.identity;

/**
 * A token just created: its metadata and its secret. The service shows the secret only in this
 * response; keep it now. {@link #toString()} masks it so it does not end up in logs.
 *
 * <pre>{@code
 * CreatedToken created = lakesail.tokens().create(r -> r.name("ci").expiresInDays(30));
 * vault.store(created.token().id(), created.secret());
 * }</pre>
 *
 * @param token the token's metadata
 * @param secret the bearer secret, {@code lsk_...}
 */
public record CreatedToken(ApiToken token, String secret) {

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().token(token).secret(secret);
    }

    @Override
    public String toString() {
        return "CreatedToken[token=" + token + ", secret=" + (secret == null ? null : "*** (hidden)") + "]";
    }

    /** Builds a {@link CreatedToken}. */
    public static final class Builder {
        private ApiToken token;
        private String secret;

        private Builder() {
        }

        public Builder token(ApiToken token) {
            this.token = token;
            return this;
        }

        public Builder secret(String secret) {
            this.secret = secret;
            return this;
        }

        public CreatedToken build() {
            return new CreatedToken(token, secret);
        }
    }
}
