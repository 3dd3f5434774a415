package com.lakesail.backend.store;

import com.lakesail.backend.domain.job.Job;
import com.lakesail.backend.domain.job.JobRun;
import com.lakesail.backend.domain.job.JobVersion;
import com.lakesail.backend.domain.job.ResultPreview;
import com.lakesail.backend.port.Item;
import java.time.Instant;
import java.util.List;
import java.util.TreeSet;

/** Jobs and job runs ↔ items (keys in {@link JobKeys}); bodies are JSON as in {@link Items}. */
public final class JobItems {
    private JobItems() {
    }

    public static Item job(Job job) {
        // nextRunAt is derived from the clock whenever the job is read: never stored.
        Item.Builder item = Items.item(JobKeys.job(job.organizationId(), job.id()), "Job", job.version(),
                job.withNextRunAt(null));
        if (job.teamId() != null) {
            item.gsi1(JobKeys.jobsOfTeam(job.organizationId(), job.teamId()), JobKeys.JOB_PREFIX + job.id());
        }
        return item.build();
    }

    public static Job job(Item item) {
        return Items.decode(item, Job.class);
    }

    public static Item version(JobVersion v) {
        return Items.item(JobKeys.version(v.organizationId(), v.jobId(), v.number()), "JobVersion", v.version(), v).build();
    }

    public static JobVersion version(Item item) {
        return Items.decode(item, JobVersion.class);
    }

    public static Item run(JobRun run) {
        String sk = JobKeys.runSortKey(run.createdAt(), run.id());
        return Items.item(JobKeys.run(run.organizationId(), run.id()), "JobRun", run.version(), run)
                .gsi1(JobKeys.runsOfJob(run.organizationId(), run.jobId()), sk)
                .gsi2(JobKeys.runsOfOrganization(run.organizationId()), sk)
                .build();
    }

    public static JobRun run(Item item) {
        return Items.decode(item, JobRun.class);
    }

    public static Item activeRuns(String orgId, String jobId, ActiveRuns runs, long version) {
        return Items.item(JobKeys.activeRuns(orgId, jobId), "JobActiveRuns", version, runs).build();
    }

    public static ActiveRuns activeRuns(Item item) {
        return Items.decode(item, ActiveRuns.class);
    }

    public static Item result(String orgId, String runId, ResultPreview preview) {
        return Items.item(JobKeys.result(orgId, runId), "JobRunResult", 1, preview).build();
    }

    public static ResultPreview result(Item item) {
        return Items.decode(item, ResultPreview.class);
    }

    public static Item logChunk(String orgId, String runId, long sequence, LogChunk chunk, long expiresAt) {
        return Items.item(JobKeys.logChunk(orgId, runId, sequence), "JobRunLogChunk", 1, chunk).expiresAt(expiresAt).build();
    }

    public static LogChunk logChunk(Item item) {
        return Items.decode(item, LogChunk.class);
    }

    public static Item runKey(String orgId, String jobId, String keyHash, RunKey runKey, long expiresAt) {
        return Items.item(JobKeys.runKey(orgId, jobId, keyHash), "JobRunKey", 1, runKey).expiresAt(expiresAt).build();
    }

    public static RunKey runKey(Item item) {
        return Items.decode(item, RunKey.class);
    }

    public static Item credential(String secretHash, CallbackCredential credential) {
        return Items.item(JobKeys.callbackCredential(secretHash), "CallbackCredential", 1, credential)
                .expiresAt(credential.expiresAt().getEpochSecond()).build();
    }

    public static CallbackCredential credential(Item item) {
        return Items.decode(item, CallbackCredential.class);
    }

    /** The runs of a job that have not ended. */
    public record ActiveRuns(List<String> runIds) {
        public ActiveRuns {
            runIds = runIds == null ? List.of() : List.copyOf(new TreeSet<>(runIds));
        }

        public ActiveRuns with(String runId) {
            TreeSet<String> next = new TreeSet<>(runIds);
            next.add(runId);
            return new ActiveRuns(List.copyOf(next));
        }

        public ActiveRuns without(String runId) {
            TreeSet<String> next = new TreeSet<>(runIds);
            next.remove(runId);
            return new ActiveRuns(List.copyOf(next));
        }
    }

    /** The run started for an idempotency key, and the key itself (bucket, key, etag, sequencer; or an event id). */
    public record RunKey(String key, String runId) {
    }

    /** Log lines that arrived together, from one stream ({@code runner} or {@code sail}). */
    public record LogChunk(String stream, Instant at, List<String> lines) {
        public LogChunk {
            lines = List.copyOf(lines);
        }
    }

    /**
     * What a callback secret may do: report on one run, as its Sail watcher ({@code sail}) or its
     * runner ({@code runner}), until {@code expiresAt}.
     */
    public record CallbackCredential(String organizationId, String runId, String purpose, Instant expiresAt) {
    }
}
