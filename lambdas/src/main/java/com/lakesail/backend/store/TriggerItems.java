package com.lakesail.backend.store;

import com.lakesail.backend.domain.job.JobTrigger;
import com.lakesail.backend.port.Item;
import com.lakesail.backend.port.Key;
import java.time.Instant;

/**
 * The index that finds the jobs listening to an event, keyed by the event's source, and the state
 * of triggers that gather or space out their runs. Index entries are written and deleted in the
 * transaction that makes a version live (creating the job, promoting) or deletes the job.
 *
 * <pre>
 * entity / purpose           pk                   sk                                     GSI1 (pk / sk)
 * s3 trigger (cross-tenant)  TRIGGER#S3#bucket    org#job#i                              → org, job, version, trigger
 * event trigger              ORG#org              TRIGGER#EVENT#source#job#i             → same
 * job-run trigger            ORG#org              TRIGGER#JOBRUN#upstreamJob#job#i       → same
 * trigger state (s3 timing)  ORG#org              TRIGGERSTATE#job#i                     TRIGGERDUE#shard / fireAt#org#job#i
 *                                                                                        (while a run is due)
 * seen event (s3 timing)     ORG#org              TRIGGERSEEN#job#i#sha256(identity)     (TTL: expiresAt)
 * </pre>
 *
 * <ul>
 * <li>which jobs listen to bucket b: query TRIGGER#S3#b: the one lookup that crosses organizations;
 *     the handler then acts inside each entry's organization, and only for events from an AWS account
 *     connected to it;
 * <li>a custom event of source s: query ORG#org, sk begins with TRIGGER#EVENT#s#: its own organization only;
 * <li>a run of job j ended: query ORG#org, sk begins with TRIGGER#JOBRUN#j#;
 * <li>sources and buckets are free of {@code #}, so a prefix names exactly one of them;
 * <li>triggers that wait: query each TRIGGERDUE#shard in due order, stopping at the first not yet due.
 * </ul>
 */
public final class TriggerItems {
    public static final int SHARDS = 8;
    private static final String DUE = "TRIGGERDUE#";

    private TriggerItems() {
    }

    public static String s3Partition(String bucket) {
        return "TRIGGER#S3#" + bucket;
    }

    public static Key s3(String bucket, String orgId, String jobId, int index) {
        return Key.of(s3Partition(bucket), orgId + "#" + jobId + "#" + index);
    }

    public static String eventPrefix(String source) {
        return "TRIGGER#EVENT#" + source + "#";
    }

    public static Key event(String orgId, String source, String jobId, int index) {
        return Key.of(Keys.orgPartition(orgId), eventPrefix(source) + jobId + "#" + index);
    }

    public static String jobRunPrefix(String upstreamJobId) {
        return "TRIGGER#JOBRUN#" + upstreamJobId + "#";
    }

    public static Key jobRun(String orgId, String upstreamJobId, String jobId, int index) {
        return Key.of(Keys.orgPartition(orgId), jobRunPrefix(upstreamJobId) + jobId + "#" + index);
    }

    public static Item entry(Key key, Entry entry) {
        return Items.item(key, "TriggerEntry", 1, entry).build();
    }

    public static Entry entry(Item item) {
        return Items.decode(item, Entry.class);
    }

    public static Key state(String orgId, String jobId, int index) {
        return Key.of(Keys.orgPartition(orgId), "TRIGGERSTATE#" + jobId + "#" + index);
    }

    public static String duePartition(int shard) {
        return DUE + shard;
    }

    public static Item state(String orgId, String jobId, int index, State state, long version) {
        Item.Builder item = Items.item(state(orgId, jobId, index), "TriggerState", version, state);
        if (state.pending() != null) {
            String name = orgId + "#" + jobId + "#" + index;
            item.gsi1(duePartition(Math.floorMod(name.hashCode(), SHARDS)),
                    Keys.auditTime(state.pending().fireAt()) + "#" + name);
        }
        return item.build();
    }

    public static State state(Item item) {
        return Items.decode(item, State.class);
    }

    public static Item seen(String orgId, String jobId, int index, String identityHash, long expiresAt) {
        return Items.item(Key.of(Keys.orgPartition(orgId), "TRIGGERSEEN#" + jobId + "#" + index + "#" + identityHash),
                "TriggerSeen", 1, new Seen(identityHash)).expiresAt(expiresAt).build();
    }

    /**
     * One trigger of a job's live version, where the events it listens to find it.
     *
     * @param index the trigger's position in the version's definition
     */
    public record Entry(String organizationId, String jobId, int versionNumber, int index, JobTrigger trigger) {
    }

    /**
     * A trigger that gathers or spaces out its runs: the run it owes, if any, and when it last started one.
     *
     * @param trigger   the trigger as it was when the state was written (its timing)
     * @param pending   the run owed, or null
     * @param lastRunAt when the trigger last started a run, or null
     */
    public record State(String organizationId, String jobId, int index, JobTrigger trigger, Pending pending,
                        Instant lastRunAt) {
    }

    /**
     * A run a trigger owes.
     *
     * @param firstEvent  the identity of the first event it gathers: with {@code fired}, its run's idempotency key
     * @param eventId     that event's id, shown on the run
     * @param subject     what that event was about ({@code s3://bucket/key})
     * @param events      how many events it gathers
     * @param fired       how many of them earlier runs already covered (events that came while the last run started)
     * @param lastEventAt when the newest of them arrived
     * @param fireAt      when the run starts
     */
    public record Pending(String firstEvent, String eventId, String subject, int events, int fired, Instant lastEventAt,
                          Instant fireAt) {
    }

    public record Seen(String identityHash) {
    }
}
