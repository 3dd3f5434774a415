package com.lakesail.backend.service.job;

import com.lakesail.backend.domain.job.Job;
import com.lakesail.backend.domain.job.JobRun;
import com.lakesail.backend.service.ResourceHierarchy;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.inject.Inject;
import javax.inject.Singleton;

/**
 * Team → job → run, for scoped role bindings: a binding scoped to a team covers the team's jobs and
 * their runs (a developer of team A edits A's jobs and not B's); one scoped to a job covers its runs.
 *
 * <p>A job can move to another team (PATCH), so its team is read on every check (one get); a run's
 * job never changes, so that link is cached for the life of the process.
 */
@Singleton
public final class JobHierarchy implements ResourceHierarchy {
    private static final int CACHE_ENTRIES = 10_000;

    private final JobRecords records;
    private final Map<String, String> jobOfRun = Collections.synchronizedMap(new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            return size() > CACHE_ENTRIES;
        }
    });

    @Inject
    public JobHierarchy(JobRecords records) {
        this.records = records;
    }

    @Override
    public List<String> ancestors(String orgId, String resourceId) {
        if (resourceId == null) {
            return List.of();
        }
        if (resourceId.startsWith(Job.ID_PREFIX + "_")) {
            return teamOf(orgId, resourceId);
        }
        if (resourceId.startsWith(JobRun.ID_PREFIX + "_")) {
            String key = orgId + "/" + resourceId;
            String jobId = jobOfRun.get(key);
            if (jobId == null) {
                Optional<JobRun> run = records.findRun(orgId, resourceId);
                if (run.isEmpty()) {
                    return List.of();
                }
                jobId = run.get().jobId();
                jobOfRun.put(key, jobId);
            }
            List<String> chain = new ArrayList<>();
            chain.add(jobId);
            chain.addAll(teamOf(orgId, jobId));
            return chain;
        }
        return List.of();
    }

    @Override
    public boolean contains(String orgId, String resourceId) {
        return resourceId.startsWith(Job.ID_PREFIX + "_") && records.findJob(orgId, resourceId).isPresent();
    }

    private List<String> teamOf(String orgId, String jobId) {
        return records.findJob(orgId, jobId).map(Job::teamId).map(List::of).orElse(List.of());
    }
}
