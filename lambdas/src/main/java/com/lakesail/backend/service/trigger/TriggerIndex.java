package com.lakesail.backend.service.trigger;

import com.lakesail.backend.domain.job.JobTrigger;
import com.lakesail.backend.domain.job.JobVersion;
import com.lakesail.backend.port.Condition;
import com.lakesail.backend.port.Item;
import com.lakesail.backend.port.Key;
import com.lakesail.backend.port.Page;
import com.lakesail.backend.port.Query;
import com.lakesail.backend.port.Store;
import com.lakesail.backend.port.Write;
import com.lakesail.backend.store.Keys;
import com.lakesail.backend.store.TriggerItems;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.inject.Inject;

/**
 * Where the triggers of live versions are found by the events they listen to ({@link TriggerItems}):
 * the writes that keep the index in step with the live version, and the lookups by event source.
 */
public final class TriggerIndex {
    private static final int PAGE = 100;

    private final Store store;

    @Inject
    public TriggerIndex(Store store) {
        this.store = store;
    }

    /**
     * The writes that move the job's entries from the triggers of {@code before} (null: no live version)
     * to those of {@code after} (null: none, the job is deleted), to commit with that change. An entry
     * both have is put once (a transaction writes an item once).
     */
    public List<Write> change(String orgId, String jobId, JobVersion before, JobVersion after) {
        Map<Key, TriggerItems.Entry> next = entries(orgId, jobId, after);
        List<Write> writes = new ArrayList<>();
        for (Key key : entries(orgId, jobId, before).keySet()) {
            if (!next.containsKey(key)) {
                writes.add(Write.delete(key, Condition.none()));
            }
        }
        // The job's own conditional write in the same transaction guards these derived entries.
        next.forEach((key, entry) -> writes.add(Write.put(TriggerItems.entry(key, entry), Condition.none())));
        return writes;
    }

    /** Entries of every job (of any organization) listening to objects created in {@code bucket}. */
    public List<TriggerItems.Entry> s3(String bucket) {
        return all(Query.partition(Query.Index.TABLE, TriggerItems.s3Partition(bucket), "", PAGE, null));
    }

    /** Entries of the organization's jobs whose event patterns name {@code source}. */
    public List<TriggerItems.Entry> events(String orgId, String source) {
        return all(Query.partition(Query.Index.TABLE, Keys.orgPartition(orgId), TriggerItems.eventPrefix(source), PAGE, null));
    }

    /** Entries of the organization's jobs that follow the runs of {@code upstreamJobId}. */
    public List<TriggerItems.Entry> jobRuns(String orgId, String upstreamJobId) {
        return all(Query.partition(Query.Index.TABLE, Keys.orgPartition(orgId), TriggerItems.jobRunPrefix(upstreamJobId),
                PAGE, null));
    }

    private List<TriggerItems.Entry> all(Query first) {
        List<TriggerItems.Entry> out = new ArrayList<>();
        Query query = first;
        while (true) {
            Page<Item> page = store.query(query);
            page.items().forEach(i -> out.add(TriggerItems.entry(i)));
            if (page.nextToken() == null) {
                return out;
            }
            query = Query.partition(first.index(), first.pk(), first.skPrefix(), PAGE, page.nextToken());
        }
    }

    private static Map<Key, TriggerItems.Entry> entries(String orgId, String jobId, JobVersion version) {
        Map<Key, TriggerItems.Entry> out = new LinkedHashMap<>();
        if (version == null) {
            return out;
        }
        List<JobTrigger> triggers = version.definition().triggers();
        for (int i = 0; i < triggers.size(); i++) {
            JobTrigger t = triggers.get(i);
            TriggerItems.Entry entry = new TriggerItems.Entry(orgId, jobId, version.number(), i, t);
            switch (t.type()) {
                case S3 -> out.put(TriggerItems.s3(t.bucket(), orgId, jobId, i), entry);
                case EVENT -> {
                    for (String source : EventPatterns.sources(t.pattern())) {
                        out.put(TriggerItems.event(orgId, source, jobId, i), entry);
                    }
                }
                case JOB_RUN -> out.put(TriggerItems.jobRun(orgId, t.jobId(), jobId, i), entry);
            }
        }
        return out;
    }
}
