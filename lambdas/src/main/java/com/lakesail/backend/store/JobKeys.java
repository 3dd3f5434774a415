package com.lakesail.backend.store;

import com.lakesail.backend.port.Key;
import java.time.Instant;

/**
 * Keys of jobs and job runs, and the access patterns they serve. Everything tenant-owned is in the
 * organization's partition ({@link Keys#orgPartition}); only the callback credential, looked up by
 * the hash of a secret the runner presents, is not (it names its organization and run).
 *
 * <pre>
 * entity / purpose          pk               sk                            GSI1 (pk / sk)                    GSI2 (pk / sk)
 * job                       ORG#org          JOB#job                       ORG#org#TEAM#team / JOB#job
 * job version               ORG#org          JOBVERSION#job#0000000001
 * a job's active runs       ORG#org          JOBACTIVE#job                 {run ids not yet terminal}
 * job run                   ORG#org          JOBRUN#jrn                    ORG#org#JOB#job / time#jrn        ORG#org#JOBRUNS / time#jrn
 * run result preview        ORG#org          JOBRUNRESULT#jrn
 * run log chunk             ORG#org          JOBRUNLOG#jrn#0000000001      (TTL: expiresAt)
 * run idempotency key       ORG#org          JOBRUNKEY#job#sha256(key)     → the run started for it (TTL: expiresAt)
 * callback credential       CALLBACK#sha256  CALLBACK                      → org, run, purpose (TTL: expiresAt)
 * </pre>
 *
 * <ul>
 * <li>get a job, a version, a run: one get; a team's jobs: query GSI1; all jobs: query ORG#org, sk
 *     begins with JOB# (id order);
 * <li>versions of a job, in order: query ORG#org, sk begins with JOBVERSION#job#;
 * <li>a job's runs, newest first: query GSI1 descending; the organization's runs, newest first: query
 *     GSI2 descending; a status filter is applied to those pages (they may come back short);
 * <li>create a run: one transaction puts the run (notExists), adds it to JOBACTIVE#job (versioned) and
 *     checks the job's version, so a run never lands in a deleted job; its end removes it again in the
 *     transaction that makes it terminal. Deleting a job cancels exactly the runs in JOBACTIVE#job;
 * <li>logs: chunks numbered from 1 in arrival order; a reader's cursor is the next chunk number, read
 *     with gets; a writer takes the number after the last (query descending, limit 1) with notExists;
 * <li>delete a job: its item goes (on the version read, checking JOBACTIVE#job did not change after its
 *     runs were cancelled); its versions stay, since its runs pinned them and their workflows read them;
 * <li>a run a schedule or an event starts: its key (the job and the scheduled time, or the event's identity)
 *     is put (notExists) in the transaction that creates the run, so a repeated tick or delivery finds the
 *     run already started instead of starting another;
 * <li>callback: get CALLBACK#sha256(secret), then the run it names.
 * </ul>
 */
public final class JobKeys {
    public static final String JOB_PREFIX = "JOB#";
    public static final String RUN_PREFIX = "JOBRUN#";

    private JobKeys() {
    }

    public static Key job(String orgId, String jobId) {
        return Key.of(Keys.orgPartition(orgId), JOB_PREFIX + jobId);
    }

    /** GSI1 partition of a team's jobs. */
    public static String jobsOfTeam(String orgId, String teamId) {
        return Keys.orgPartition(orgId) + "#TEAM#" + teamId;
    }

    public static Key version(String orgId, String jobId, int number) {
        return Key.of(Keys.orgPartition(orgId), versionsPrefix(jobId) + String.format("%010d", number));
    }

    public static String versionsPrefix(String jobId) {
        return "JOBVERSION#" + jobId + "#";
    }

    public static Key activeRuns(String orgId, String jobId) {
        return Key.of(Keys.orgPartition(orgId), "JOBACTIVE#" + jobId);
    }

    public static Key run(String orgId, String runId) {
        return Key.of(Keys.orgPartition(orgId), RUN_PREFIX + runId);
    }

    /** GSI1 partition of a job's runs. */
    public static String runsOfJob(String orgId, String jobId) {
        return Keys.orgPartition(orgId) + "#JOB#" + jobId;
    }

    /** GSI2 partition of all the organization's runs. */
    public static String runsOfOrganization(String orgId) {
        return Keys.orgPartition(orgId) + "#JOBRUNS";
    }

    /** The index sort key of a run: creation time first, so a descending query is newest first. */
    public static String runSortKey(Instant createdAt, String runId) {
        return Keys.auditTime(createdAt) + "#" + runId;
    }

    public static Key result(String orgId, String runId) {
        return Key.of(Keys.orgPartition(orgId), "JOBRUNRESULT#" + runId);
    }

    public static Key logChunk(String orgId, String runId, long sequence) {
        return Key.of(Keys.orgPartition(orgId), logPrefix(runId) + String.format("%010d", sequence));
    }

    public static String logPrefix(String runId) {
        return "JOBRUNLOG#" + runId + "#";
    }

    /** @param keyHash the SHA-256 (hex) of the run's idempotency key, which may be longer than a sort key can be */
    public static Key runKey(String orgId, String jobId, String keyHash) {
        return Key.of(Keys.orgPartition(orgId), "JOBRUNKEY#" + jobId + "#" + keyHash);
    }

    public static Key callbackCredential(String secretHash) {
        return Key.of("CALLBACK#" + secretHash, "CALLBACK");
    }
}
