package com.lakesail.sdk.jobs;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * An event that starts a run of a job's live version while the job is active; the run records the
 * event ({@code run.trigger().event()}). One event starts at most one run of a job, however often it
 * is delivered. The fields of the other kinds are null.
 *
 * <pre>{@code
 * JobTrigger csv = JobTrigger.s3(s -> s.bucket("acme-raw").prefix("incoming/").suffix(".csv"));
 * JobTrigger orders = JobTrigger.event(p -> p.source("com.acme.orders").detailType("Order Batch Closed")
 *     .detail("region", "eu"));
 * JobTrigger chained = JobTrigger.afterSuccessOf(extract.id());
 * }</pre>
 *
 * @param pattern an EventBridge event pattern, for {@link JobTriggerType#EVENT}
 * @param states  for {@link JobTriggerType#JOB_RUN}: the terminal states of job {@code jobId}'s runs that start one
 */
public record JobTrigger(JobTriggerType type, String bucket, String prefix, String suffix, Integer minSecondsBetweenRuns,
        Integer waitAfterLastChangeSeconds, Map<String, Object> pattern, String jobId, List<JobRunStatus> states) {

    public JobTrigger {
        pattern = pattern == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(pattern));
        states = states == null ? null : List.copyOf(states);
    }

    /** Objects created in a bucket: see {@link S3Builder}. */
    public static JobTrigger s3(Consumer<S3Builder> trigger) {
        S3Builder builder = new S3Builder();
        trigger.accept(builder);
        return builder.build();
    }

    /** Every object created in {@code bucket} under {@code prefix} with {@code suffix} starts a run. */
    public static JobTrigger s3(String bucket, String prefix, String suffix) {
        return s3(s -> s.bucket(bucket).prefix(prefix).suffix(suffix));
    }

    /** Custom events matching the pattern: see {@link EventPatternBuilder}. */
    public static JobTrigger event(Consumer<EventPatternBuilder> pattern) {
        EventPatternBuilder builder = new EventPatternBuilder();
        pattern.accept(builder);
        return event(builder.build());
    }

    /** Custom events matching an EventBridge event pattern given as JSON-shaped maps and lists. */
    public static JobTrigger event(Map<String, Object> pattern) {
        return new JobTrigger(JobTriggerType.EVENT, null, null, null, null, null, pattern, null, null);
    }

    /** Runs of job {@code jobId} reaching one of {@code states}. */
    public static JobTrigger jobRun(String jobId, JobRunStatus... states) {
        return new JobTrigger(JobTriggerType.JOB_RUN, null, null, null, null, null, null, jobId, List.of(states));
    }

    /** Runs of job {@code jobId} succeeding: a chain. */
    public static JobTrigger afterSuccessOf(String jobId) {
        return jobRun(jobId, JobRunStatus.SUCCEEDED);
    }

    /** Builds an S3 trigger. */
    public static final class S3Builder {
        private String bucket;
        private String prefix;
        private String suffix;
        private Integer minSecondsBetweenRuns;
        private Integer waitAfterLastChangeSeconds;

        private S3Builder() {
        }

        public S3Builder bucket(String bucket) {
            this.bucket = bucket;
            return this;
        }

        /** Keys must begin with this ({@code incoming/}). */
        public S3Builder prefix(String prefix) {
            this.prefix = prefix;
            return this;
        }

        /** Keys must end with this ({@code .csv}). */
        public S3Builder suffix(String suffix) {
            this.suffix = suffix;
            return this;
        }

        /** Runs start at most this often; objects meanwhile go to the next run. */
        public S3Builder minSecondsBetweenRuns(Integer seconds) {
            this.minSecondsBetweenRuns = seconds;
            return this;
        }

        /** A run starts once no object has arrived for this long: a burst of objects is one run. */
        public S3Builder waitAfterLastChangeSeconds(Integer seconds) {
            this.waitAfterLastChangeSeconds = seconds;
            return this;
        }

        public JobTrigger build() {
            return new JobTrigger(JobTriggerType.S3, bucket, prefix, suffix, minSecondsBetweenRuns,
                    waitAfterLastChangeSeconds, null, null, null);
        }
    }

    /**
     * Builds an EventBridge event pattern: exact sources and detail types, and detail fields matching
     * any of the values given (a dotted name reaches into nested objects: {@code "order.status"}).
     */
    public static final class EventPatternBuilder {
        private final List<String> sources = new ArrayList<>();
        private final List<String> detailTypes = new ArrayList<>();
        private final Map<String, Object> detail = new LinkedHashMap<>();

        private EventPatternBuilder() {
        }

        public EventPatternBuilder source(String... sources) {
            this.sources.addAll(List.of(sources));
            return this;
        }

        public EventPatternBuilder detailType(String... detailTypes) {
            this.detailTypes.addAll(List.of(detailTypes));
            return this;
        }

        @SuppressWarnings("unchecked")
        public EventPatternBuilder detail(String field, Object... anyOf) {
            Map<String, Object> at = detail;
            String[] path = field.split("\\.");
            for (int i = 0; i < path.length - 1; i++) {
                at = (Map<String, Object>) at.computeIfAbsent(path[i], k -> new LinkedHashMap<String, Object>());
            }
            at.put(path[path.length - 1], List.of(anyOf));
            return this;
        }

        public Map<String, Object> build() {
            Map<String, Object> pattern = new LinkedHashMap<>();
            pattern.put("source", List.copyOf(sources));
            if (!detailTypes.isEmpty()) {
                pattern.put("detail-type", List.copyOf(detailTypes));
            }
            if (!detail.isEmpty()) {
                pattern.put("detail", detail);
            }
            return pattern;
        }
    }
}
