package com.lakesail.backend.service.job;

import com.lakesail.backend.domain.Validator;
import com.lakesail.backend.domain.infra.Catalog;
import com.lakesail.backend.domain.infra.CatalogStatus;
import com.lakesail.backend.domain.infra.Cluster;
import com.lakesail.backend.domain.job.JobDefinition;
import com.lakesail.backend.domain.job.JobTrigger;
import com.lakesail.backend.domain.job.TriggerType;
import com.lakesail.backend.service.infra.InfraRecords;
import com.lakesail.backend.service.trigger.Crons;
import com.lakesail.backend.service.trigger.EventPatterns;
import com.lakesail.backend.service.query.QueryRecords;
import java.util.Optional;
import javax.inject.Inject;

/**
 * Checks what a definition names against the organization: its cluster and catalogs exist here and
 * are not destroyed, the jobs its triggers follow exist here, and the saved query its entrypoint may
 * name exists (it is resolved again when a run starts, so a run runs the query as it is then). Another
 * organization's ids read as unknown, like any id the caller cannot see. Its schedule's cron is read by
 * the cron library and its event patterns by Event Ruler, whose own error a bad pattern answers with.
 */
public final class JobDefinitions {
    private final InfraRecords infra;
    private final JobRecords jobs;
    private final QueryRecords queries;

    @Inject
    public JobDefinitions(InfraRecords infra, JobRecords jobs, QueryRecords queries) {
        this.infra = infra;
        this.jobs = jobs;
        this.queries = queries;
    }

    /**
     * Validates {@code input} fully; errors are recorded in {@code v}, naming their fields under {@code definition}.
     *
     * @param jobId the job the definition is a version of, or null for a job being created
     */
    public JobDefinition validate(Validator v, String orgId, String jobId, JobDefinition.Input input) {
        JobDefinition d = JobDefinition.validate(v, "definition", input);
        if (d == null) {
            return null;
        }
        Optional<Cluster> cluster = infra.findCluster(orgId, d.clusterId());
        v.require(cluster.isPresent() && cluster.get().status().live(), "definition.clusterId",
                "no cluster " + d.clusterId() + " in this organization");
        for (int i = 0; i < d.catalogIds().size(); i++) {
            String id = d.catalogIds().get(i);
            Optional<Catalog> catalog = infra.findCatalog(orgId, id);
            v.require(catalog.isPresent() && usable(catalog.get().status()), "definition.catalogIds[" + i + "]",
                    "no catalog " + id + " in this organization");
        }
        String queryId = d.entrypoint().queryId();
        v.require(queryId == null || queries.find(orgId, queryId).isPresent(), "definition.entrypoint.queryId",
                "no saved query " + queryId + " in this organization");
        if (d.schedule() != null) {
            String problem = Crons.problem(d.schedule().cron());
            v.require(problem == null, "definition.schedule.cron", problem);
        }
        for (int i = 0; i < d.triggers().size(); i++) {
            JobTrigger t = d.triggers().get(i);
            String field = "definition.triggers[" + i + "]";
            if (t.type() == TriggerType.EVENT) {
                String problem = EventPatterns.problem(t.pattern());
                v.require(problem == null, field + ".pattern", problem);
            } else if (t.type() == TriggerType.JOB_RUN) {
                v.require(!t.jobId().equals(jobId), field + ".jobId", "must name another job: a job cannot follow its own runs");
                v.require(jobs.findJob(orgId, t.jobId()).isPresent(), field + ".jobId", "no job " + t.jobId() + " in this organization");
            }
        }
        return d;
    }

    static boolean usable(CatalogStatus status) {
        return status != CatalogStatus.DESTROYING && status != CatalogStatus.DESTROYED;
    }
}
