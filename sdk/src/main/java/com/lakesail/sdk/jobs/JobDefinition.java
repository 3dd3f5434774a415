package com.lakesail.sdk.jobs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one job version runs: where (a cluster and catalogs), what (the entrypoint and its
 * parameters), with which Spark settings and sizes, and within which limits. In a request, null
 * fields take the service's defaults; in a response every field is set.
 *
 * <pre>{@code
 * JobDefinition d = JobDefinition.builder()
 *     .clusterId(cluster.id()).catalogIds(lake.id())
 *     .entrypoint(Entrypoint.sql("SELECT region, sum(amount) FROM lake.sales WHERE day = :day GROUP BY region"))
 *     .parameter(JobParameter.of("day", ParameterType.DATE, "2026-12-01"))
 *     .sparkConf("spark.sql.shuffle.partitions", "8")
 *     .timeoutSeconds(3600)
 *     .build();
 * }</pre>
 *
 * @param timeoutSeconds how long the running stage may take before the run ends {@code timeout} (10 s to 7 days; default 24 h)
 * @param schedule when the version runs by itself while live and the job active; null for never
 * @param triggers the events that start runs of it while live and the job active (at most 10)
 */
public record JobDefinition(String clusterId, List<String> catalogIds, Entrypoint entrypoint,
        List<JobParameter> parameters, Map<String, String> sparkConf, Compute compute, Integer timeoutSeconds,
        RunRetries retries, JobSchedule schedule, List<JobTrigger> triggers) {

    public JobDefinition {
        catalogIds = catalogIds == null ? null : List.copyOf(catalogIds);
        parameters = parameters == null ? null : List.copyOf(parameters);
        sparkConf = sparkConf == null ? null : Map.copyOf(sparkConf);
        triggers = triggers == null ? null : List.copyOf(triggers);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this definition: the usual start of a new draft. */
    public Builder toBuilder() {
        Builder b = new Builder().clusterId(clusterId).entrypoint(entrypoint).compute(compute)
                .timeoutSeconds(timeoutSeconds).retries(retries).schedule(schedule);
        if (triggers != null) {
            b.triggers(triggers);
        }
        if (catalogIds != null) {
            b.catalogIds(catalogIds);
        }
        if (parameters != null) {
            b.parameters(parameters);
        }
        if (sparkConf != null) {
            b.sparkConf(sparkConf);
        }
        return b;
    }

    /** Builds a {@link JobDefinition}. */
    public static final class Builder {
        private String clusterId;
        private List<String> catalogIds;
        private Entrypoint entrypoint;
        private List<JobParameter> parameters;
        private Map<String, String> sparkConf;
        private Compute compute;
        private Integer timeoutSeconds;
        private RunRetries retries;
        private JobSchedule schedule;
        private List<JobTrigger> triggers;

        private Builder() {
        }

        public Builder clusterId(String clusterId) {
            this.clusterId = clusterId;
            return this;
        }

        public Builder catalogIds(List<String> catalogIds) {
            this.catalogIds = new ArrayList<>(catalogIds);
            return this;
        }

        public Builder catalogIds(String... catalogIds) {
            return catalogIds(List.of(catalogIds));
        }

        public Builder entrypoint(Entrypoint entrypoint) {
            this.entrypoint = entrypoint;
            return this;
        }

        /** The SQL statements to run, in order: {@code Entrypoint.sql(statements)}. */
        public Builder sql(String... statements) {
            return entrypoint(Entrypoint.sql(statements));
        }

        public Builder parameters(List<JobParameter> parameters) {
            this.parameters = new ArrayList<>(parameters);
            return this;
        }

        /** Adds a declared parameter. */
        public Builder parameter(JobParameter parameter) {
            if (parameters == null) {
                parameters = new ArrayList<>();
            }
            parameters.add(parameter);
            return this;
        }

        public Builder sparkConf(Map<String, String> sparkConf) {
            this.sparkConf = new LinkedHashMap<>(sparkConf);
            return this;
        }

        /** Adds a Spark setting ({@code spark.*}). */
        public Builder sparkConf(String key, String value) {
            if (sparkConf == null) {
                sparkConf = new LinkedHashMap<>();
            }
            sparkConf.put(key, value);
            return this;
        }

        public Builder compute(Compute compute) {
            this.compute = compute;
            return this;
        }

        public Builder timeoutSeconds(Integer timeoutSeconds) {
            this.timeoutSeconds = timeoutSeconds;
            return this;
        }

        public Builder retries(RunRetries retries) {
            this.retries = retries;
            return this;
        }

        public Builder schedule(JobSchedule schedule) {
            this.schedule = schedule;
            return this;
        }

        /** A schedule: {@code d.schedule(s -> s.cron("0 2 * * *").timezone("Europe/Berlin"))}. */
        public Builder schedule(java.util.function.Consumer<JobSchedule.Builder> schedule) {
            JobSchedule.Builder builder = JobSchedule.builder();
            schedule.accept(builder);
            return schedule(builder.build());
        }

        public Builder triggers(List<JobTrigger> triggers) {
            this.triggers = new ArrayList<>(triggers);
            return this;
        }

        /** Adds a trigger. */
        public Builder trigger(JobTrigger trigger) {
            if (triggers == null) {
                triggers = new ArrayList<>();
            }
            triggers.add(trigger);
            return this;
        }

        public JobDefinition build() {
            return new JobDefinition(clusterId, catalogIds, entrypoint, parameters, sparkConf, compute, timeoutSeconds,
                    retries, schedule, triggers);
        }
    }
}
