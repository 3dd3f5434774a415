package com.lakesail.sdk.events;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A custom event for the organization's event triggers: jobs whose pattern matches it start a run.
 *
 * <pre>{@code
 * PutEventResult put = lakesail.events().put(r -> r.id("batch-2026-12-01-eu").source("com.acme.orders")
 *     .detailType("Order Batch Closed").detail("region", "eu"));
 * }</pre>
 *
 * @param id the event's identity: the same id twice starts one run per job; null lets the request's
 *           {@code Idempotency-Key} stand for it (the SDK sends one per call)
 * @param source not {@code aws.*} nor {@code lakesail}
 * @param idempotencyKey the {@code Idempotency-Key} to send; null to let the SDK pick one per call
 */
public record PutEventRequest(String id, String source, String detailType, Map<String, Object> detail,
        String idempotencyKey) {

    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link PutEventRequest}. */
    public static final class Builder {
        private String id;
        private String source;
        private String detailType;
        private Map<String, Object> detail;
        private String idempotencyKey;

        private Builder() {
        }

        public Builder id(String id) {
            this.id = id;
            return this;
        }

        public Builder source(String source) {
            this.source = source;
            return this;
        }

        public Builder detailType(String detailType) {
            this.detailType = detailType;
            return this;
        }

        public Builder detail(Map<String, Object> detail) {
            this.detail = new LinkedHashMap<>(detail);
            return this;
        }

        /** Adds a detail field. */
        public Builder detail(String field, Object value) {
            if (detail == null) {
                detail = new LinkedHashMap<>();
            }
            detail.put(field, value);
            return this;
        }

        public Builder idempotencyKey(String idempotencyKey) {
            this.idempotencyKey = idempotencyKey;
            return this;
        }

        public PutEventRequest build() {
            return new PutEventRequest(id, source, detailType, detail, idempotencyKey);
        }
    }
}
