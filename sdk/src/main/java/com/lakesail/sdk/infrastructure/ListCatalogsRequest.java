package com.lakesail.sdk.infrastructure;

/**
 * Lists the organization's catalogs.
 *
 * <pre>{@code
 * lakesail.catalogs().list(r -> r.limit(50)).forEach(c -> System.out.println(c.name() + " " + c.kind()));
 * }</pre>
 *
 * @param limit the page size to ask for; null for the service's default
 */
public record ListCatalogsRequest(Integer limit) {

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().limit(limit);
    }

    /** Builds a {@link ListCatalogsRequest}. */
    public static final class Builder {
        private Integer limit;

        private Builder() {
        }

        public Builder limit(Integer limit) {
            this.limit = limit;
            return this;
        }

        public ListCatalogsRequest build() {
            return new ListCatalogsRequest(limit);
        }
    }
}
