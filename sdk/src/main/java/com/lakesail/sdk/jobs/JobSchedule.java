package com.lakesail.sdk.jobs;

/**
 * When a job version runs by itself: a 5-field cron (minute hour day-of-month month day-of-week)
 * read in an IANA time zone, and what a tick does while earlier runs are active. A tick never starts
 * two runs; a paused job does not fire, and resumed it fires from its next tick.
 *
 * <pre>{@code
 * JobSchedule nightly = JobSchedule.cron("0 2 * * *", "Europe/Berlin");          // concurrency skip
 * JobSchedule hourly = JobSchedule.builder().cron("30 * * * *").concurrency(ScheduleConcurrency.ALLOW)
 *     .maxConcurrentRuns(3).build();
 * }</pre>
 *
 * @param timezone          null for UTC
 * @param concurrency       null for {@link ScheduleConcurrency#SKIP}
 * @param maxConcurrentRuns for {@link ScheduleConcurrency#ALLOW} only; null for 1
 */
public record JobSchedule(String cron, String timezone, ScheduleConcurrency concurrency, Integer maxConcurrentRuns) {

    /** {@code cron} in {@code timezone}, skipping a tick while a run is active. */
    public static JobSchedule cron(String cron, String timezone) {
        return new JobSchedule(cron, timezone, null, null);
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().cron(cron).timezone(timezone).concurrency(concurrency).maxConcurrentRuns(maxConcurrentRuns);
    }

    /** Builds a {@link JobSchedule}. */
    public static final class Builder {
        private String cron;
        private String timezone;
        private ScheduleConcurrency concurrency;
        private Integer maxConcurrentRuns;

        private Builder() {
        }

        public Builder cron(String cron) {
            this.cron = cron;
            return this;
        }

        public Builder timezone(String timezone) {
            this.timezone = timezone;
            return this;
        }

        public Builder concurrency(ScheduleConcurrency concurrency) {
            this.concurrency = concurrency;
            return this;
        }

        /** Sets concurrency {@link ScheduleConcurrency#ALLOW} with this many runs at most. */
        public Builder maxConcurrentRuns(Integer maxConcurrentRuns) {
            this.maxConcurrentRuns = maxConcurrentRuns;
            if (maxConcurrentRuns != null) {
                this.concurrency = ScheduleConcurrency.ALLOW;
            }
            return this;
        }

        public JobSchedule build() {
            return new JobSchedule(cron, timezone, concurrency, maxConcurrentRuns);
        }
    }
}
