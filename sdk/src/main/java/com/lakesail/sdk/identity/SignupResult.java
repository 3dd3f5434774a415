package com.lakesail.sdk.identity;

import com.lakesail.sdk.organizations.Organization;

/**
 * What signing up created: the user, the first organization and a first API token.
 *
 * <pre>{@code
 * SignupResult signup = LakeSail.signup(endpoint, r -> r.email("ada@example.com").name("Ada").organizationName("acme"));
 * LakeSail lakesail = LakeSail.builder().endpoint(endpoint).token(signup.token().secret())
 *     .organization(signup.organization().id()).build();
 * }</pre>
 *
 * @param user the new user
 * @param organization the new organization, owned by the user
 * @param token the first token, with its secret
 */
public record SignupResult(User user, Organization organization, CreatedToken token) {

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().user(user).organization(organization).token(token);
    }

    /** Builds a {@link SignupResult}. */
    public static final class Builder {
        private User user;
        private Organization organization;
        private CreatedToken token;

        private Builder() {
        }

        public Builder user(User user) {
            this.user = user;
            return this;
        }

        public Builder organization(Organization organization) {
            this.organization = organization;
            return this;
        }

        public Builder token(CreatedToken token) {
            this.token = token;
            return this;
        }

        public SignupResult build() {
            return new SignupResult(user, organization, token);
        }
    }
}
