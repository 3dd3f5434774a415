package com.lakesail.sdk.access;

/**
 * Asks which members may perform an action on a resource.
 *
 * @param action a permission, {@code resource:action}, e.g. {@code clusters:create}
 * @param resource a resource id; null for the organization itself
 */
public record WhoCanRequest(String action, String resource) {

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().action(action).resource(resource);
    }

    /** Builds a {@link WhoCanRequest}. */
    public static final class Builder {
        private String action;
        private String resource;

        private Builder() {
        }

        public Builder action(String action) {
            this.action = action;
            return this;
        }

        public Builder resource(String resource) {
            this.resource = resource;
            return this;
        }

        public WhoCanRequest build() {
            return new WhoCanRequest(action, resource);
        }
    }
}
