package com.lakesail.sdk.jobs;

import java.util.function.Consumer;

/**
 * Creates a job; its definition becomes version 1, live at once.
 *
 * <pre>{@code
 * Job job = lakesail.jobs().create(r -> r.name("daily-sales").teamId(team.id())
 *     .definition(d -> d.clusterId(cluster.id()).catalogIds(lake.id()).sql("SELECT ...")));
 * }</pre>
 *
 * @param teamId the owning team; null for a job only organization-wide bindings cover
 * @param idempotencyKey the {@code Idempotency-Key} to send; null to let the SDK pick one per call
 */
public record CreateJobRequest(String name, String description, String teamId, JobDefinition definition,
        String idempotencyKey) {

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().name(name).description(description).teamId(teamId).definition(definition)
                .idempotencyKey(idempotencyKey);
    }

    /** Builds a {@link CreateJobRequest}. */
    public static final class Builder {
        private String name;
        private String description;
        private String teamId;
        private JobDefinition definition;
        private String idempotencyKey;

        private Builder() {
        }

        public Builder name(String name) {
            this.name = name;
            return this;
        }

        public Builder description(String description) {
            this.description = description;
            return this;
        }

        public Builder teamId(String teamId) {
            this.teamId = teamId;
            return this;
        }

        public Builder definition(JobDefinition definition) {
            this.definition = definition;
            return this;
        }

        public Builder definition(Consumer<JobDefinition.Builder> definition) {
            JobDefinition.Builder builder = JobDefinition.builder();
            definition.accept(builder);
            return definition(builder.build());
        }

        public Builder idempotencyKey(String idempotencyKey) {
            this.idempotencyKey = idempotencyKey;
            return this;
        }

        public CreateJobRequest build() {
            return new CreateJobRequest(name, description, teamId, definition, idempotencyKey);
        }
    }
}
