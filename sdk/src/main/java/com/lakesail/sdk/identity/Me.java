package com.lakesail.sdk.identity;

import java.util.List;

/**
 * The caller: the user the token belongs to and the organizations the user is a member of.
 *
 * @param user the calling user
 * @param memberships one per organization the user belongs to (never null)
 */
public record Me(User user, List<Membership> memberships) {

    public Me {
        memberships = memberships == null ? List.of() : List.copyOf(memberships);
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().user(user).memberships(memberships);
    }

    /** Builds a {@link Me}. */
    public static final class Builder {
        private User user;
        private List<Membership> memberships;

        private Builder() {
        }

        public Builder user(User user) {
            this.user = user;
            return this;
        }

        public Builder memberships(List<Membership> memberships) {
            this.memberships = memberships;
            return this;
        }

        public Me build() {
            return new Me(user, memberships);
        }
    }
}
