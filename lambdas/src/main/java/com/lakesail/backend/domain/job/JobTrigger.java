package com.lakesail.backend.domain.job;

import com.lakesail.backend.domain.Validator;
import com.lakesail.backend.domain.Wire;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * A rule that starts a run of the job's live version when an event matches (DESIGN §11). One record
 * for the three kinds; the fields of the other kinds are null.
 *
 * <ul>
 * <li>{@link TriggerType#S3}: an object created in {@code bucket} whose key begins with {@code prefix} and
 *     ends with {@code suffix}. {@code waitAfterLastChangeSeconds} gathers a burst of objects into one run,
 *     started once the bucket has been quiet that long; {@code minSecondsBetweenRuns} spaces runs out.
 *     With both 0, every object starts its own run.
 * <li>{@link TriggerType#EVENT}: a custom event matching {@code pattern}, an EventBridge event pattern
 *     (JSON) that names its {@code source}s exactly; checked by Event Ruler in the service.
 * <li>{@link TriggerType#JOB_RUN}: a run of job {@code jobId} reaching one of {@code states}.
 * </ul>
 */
public record JobTrigger(TriggerType type, String bucket, String prefix, String suffix, Integer minSecondsBetweenRuns,
                         Integer waitAfterLastChangeSeconds, String pattern, String jobId, List<JobRunStatus> states) {
    public static final int MAX_KEY_AFFIX = 1024;
    public static final int MAX_PATTERN = 4096;
    public static final int MAX_SECONDS = 86_400;

    public JobTrigger {
        states = states == null ? null : List.copyOf(states);
    }

    public static JobTrigger s3(String bucket, String prefix, String suffix, int minSecondsBetweenRuns,
                                int waitAfterLastChangeSeconds) {
        return new JobTrigger(TriggerType.S3, bucket, prefix, suffix, minSecondsBetweenRuns, waitAfterLastChangeSeconds,
                null, null, null);
    }

    public static JobTrigger event(String pattern) {
        return new JobTrigger(TriggerType.EVENT, null, null, null, null, null, pattern, null, null);
    }

    public static JobTrigger jobRun(String jobId, List<JobRunStatus> states) {
        return new JobTrigger(TriggerType.JOB_RUN, null, null, null, null, null, null, jobId, states);
    }

    /** An S3 trigger that starts a run per object, at once (no gathering, no spacing). */
    public boolean immediate() {
        return type != TriggerType.S3 || (minSecondsBetweenRuns == 0 && waitAfterLastChangeSeconds == 0);
    }

    /** A trigger as a request carried it: {@code pattern} is the pattern's JSON text; {@code states} wire names. */
    public record Input(String type, String bucket, String prefix, String suffix, Integer minSecondsBetweenRuns,
                        Integer waitAfterLastChangeSeconds, String pattern, String jobId, List<String> states) {
    }

    static JobTrigger validate(Validator v, String field, Input in) {
        TriggerType type = Wire.parse(TriggerType.class, in.type());
        v.require(type != null, field + ".type", "must be s3, event or job_run");
        if (type == null) {
            return null;
        }
        List<String> given = new ArrayList<>();
        given.add(in.bucket() != null ? "bucket" : null);
        given.add(in.prefix() != null ? "prefix" : null);
        given.add(in.suffix() != null ? "suffix" : null);
        given.add(in.minSecondsBetweenRuns() != null ? "minSecondsBetweenRuns" : null);
        given.add(in.waitAfterLastChangeSeconds() != null ? "waitAfterLastChangeSeconds" : null);
        given.add(in.pattern() != null ? "pattern" : null);
        given.add(in.jobId() != null ? "jobId" : null);
        given.add(in.states() != null ? "states" : null);
        List<String> allowed = switch (type) {
            case S3 -> List.of("bucket", "prefix", "suffix", "minSecondsBetweenRuns", "waitAfterLastChangeSeconds");
            case EVENT -> List.of("pattern");
            case JOB_RUN -> List.of("jobId", "states");
        };
        for (String name : given) {
            v.require(name == null || allowed.contains(name), field + "." + name, "is not a field of a " + in.type() + " trigger");
        }
        return switch (type) {
            case S3 -> s3(v, field, in);
            case EVENT -> {
                v.require(in.pattern() != null, field + ".pattern", "is required: an EventBridge event pattern");
                v.require(in.pattern() == null || in.pattern().length() <= MAX_PATTERN, field + ".pattern",
                        "must be at most " + MAX_PATTERN + " characters of JSON");
                yield event(in.pattern());
            }
            case JOB_RUN -> jobRun(v, field, in);
        };
    }

    private static JobTrigger s3(Validator v, String field, Input in) {
        String problem = S3BucketNames.problem(in.bucket());
        v.require(problem == null, field + ".bucket", problem);
        String prefix = in.prefix() == null ? "" : in.prefix();
        String suffix = in.suffix() == null ? "" : in.suffix();
        v.require(prefix.length() <= MAX_KEY_AFFIX, field + ".prefix", "must be at most " + MAX_KEY_AFFIX + " characters");
        v.require(suffix.length() <= MAX_KEY_AFFIX, field + ".suffix", "must be at most " + MAX_KEY_AFFIX + " characters");
        v.range(field + ".minSecondsBetweenRuns", in.minSecondsBetweenRuns(), 0, MAX_SECONDS);
        v.range(field + ".waitAfterLastChangeSeconds", in.waitAfterLastChangeSeconds(), 0, MAX_SECONDS);
        return s3(in.bucket(), prefix, suffix, or0(in.minSecondsBetweenRuns()), or0(in.waitAfterLastChangeSeconds()));
    }

    private static JobTrigger jobRun(Validator v, String field, Input in) {
        v.require(in.jobId() != null && !in.jobId().isBlank(), field + ".jobId", "is required: the job whose runs to follow");
        LinkedHashSet<JobRunStatus> states = new LinkedHashSet<>();
        List<String> names = in.states() == null ? List.of("succeeded") : in.states();
        v.require(!names.isEmpty(), field + ".states", "must name at least one terminal state");
        for (int i = 0; i < names.size(); i++) {
            JobRunStatus s = Wire.parse(JobRunStatus.class, names.get(i));
            v.require(s != null && s.terminal(), field + ".states[" + i + "]",
                    "must be a terminal state: succeeded, failed, cancelled or timeout");
            if (s != null && s.terminal()) {
                states.add(s);
            }
        }
        return jobRun(in.jobId(), new ArrayList<>(states));
    }

    private static int or0(Integer value) {
        return value == null ? 0 : value;
    }
}
