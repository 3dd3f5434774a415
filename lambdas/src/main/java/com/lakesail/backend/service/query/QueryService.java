package com.lakesail.backend.service.query;

import com.lakesail.backend.domain.Permission;
import com.lakesail.backend.domain.Validator;
import com.lakesail.backend.domain.query.SavedQuery;
import com.lakesail.backend.port.Condition;
import com.lakesail.backend.port.Ids;
import com.lakesail.backend.port.Page;
import com.lakesail.backend.port.Write;
import com.lakesail.backend.service.AuditLog;
import com.lakesail.backend.service.Authorizer;
import com.lakesail.backend.service.Caller;
import com.lakesail.backend.service.Idempotency;
import com.lakesail.backend.service.PageRequest;
import com.lakesail.backend.service.Principal;
import com.lakesail.backend.service.Versions;
import com.lakesail.backend.store.SessionItems;
import com.lakesail.backend.store.SessionKeys;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import javax.inject.Inject;

/**
 * Saved queries: create, read, list (all, or a team's), PATCH on the version read, delete. Team
 * ownership works as for jobs: authorization names the query, so a binding scoped to its team covers
 * it, and moving it to another team needs {@code queries:create} there.
 */
public final class QueryService {
    private final QueryRecords records;
    private final Clock clock;
    private final Ids ids;
    private final Authorizer authorizer;
    private final AuditLog audit;

    @Inject
    public QueryService(QueryRecords records, Clock clock, Ids ids, Authorizer authorizer, AuditLog audit) {
        this.records = records;
        this.clock = clock;
        this.ids = ids;
        this.authorizer = authorizer;
        this.audit = audit;
    }

    public SavedQuery create(Principal principal, String orgId, SavedQuery.Input request, Idempotency idempotency) {
        Caller caller = authorizer.require(principal, orgId, Permission.QUERIES_CREATE, request.teamId());
        Validator v = new Validator();
        SavedQuery.Fields fields = SavedQuery.validate(v, request, false);
        team(v, caller, request.teamId());
        v.throwIfInvalid();
        SavedQuery query = SavedQuery.create(ids.next(SavedQuery.ID_PREFIX), orgId, fields, principal.userId(),
                clock.instant());
        List<Write> writes = new ArrayList<>();
        writes.add(Write.put(SessionItems.query(query), Condition.notExists()));
        writes.add(audit.success(caller, Permission.QUERIES_CREATE.wire(), query.id()));
        writes.addAll(idempotency.record(query));
        records.store().transact(writes);
        return query;
    }

    public SavedQuery get(Principal principal, String orgId, String queryId) {
        authorizer.require(principal, orgId, Permission.QUERIES_READ, queryId);
        return records.get(orgId, queryId);
    }

    /** @param teamId null for every query of the organization (which needs an organization-wide binding) */
    public Page<SavedQuery> list(Principal principal, String orgId, String teamId, PageRequest page) {
        authorizer.require(principal, orgId, Permission.QUERIES_READ, teamId);
        return records.list(orgId, teamId, page);
    }

    /**
     * Changes the query on the version the caller read; null fields keep their values.
     *
     * @param supplied read once the caller is admitted on the query, so another tenant's id answers 404 whatever the body
     */
    public SavedQuery update(Principal principal, String orgId, String queryId, Supplier<Update> supplied) {
        Caller caller = authorizer.require(principal, orgId, Permission.QUERIES_UPDATE, queryId);
        Update request = supplied.get();
        Validator v = new Validator().expectedVersion("version", request.version());
        SavedQuery.Fields changes = SavedQuery.validate(v, request.fields(), true);
        team(v, caller, request.fields().teamId());
        v.throwIfInvalid();
        SavedQuery current = records.get(orgId, queryId);
        Versions.require("saved query", queryId, current.version(), request.version());
        if (changes.teamId() != null && !changes.teamId().equals(current.teamId())) {
            authorizer.require(principal, orgId, Permission.QUERIES_CREATE, changes.teamId());
        }
        SavedQuery next = current.update(changes, clock.instant());
        records.store().transact(List.of(Write.put(SessionItems.query(next), Condition.versionIs(current.version())),
                audit.success(caller, Permission.QUERIES_UPDATE.wire(), queryId)));
        return next;
    }

    /** A PATCH: the fields to change and the version they are based on. */
    public record Update(SavedQuery.Input fields, Long version) {
    }

    /** Deletes the query; statements that ran it keep its SQL, and job runs already started keep what they resolved. */
    public void delete(Principal principal, String orgId, String queryId) {
        Caller caller = authorizer.require(principal, orgId, Permission.QUERIES_DELETE, queryId);
        SavedQuery current = records.get(orgId, queryId);
        records.store().transact(List.of(Write.delete(SessionKeys.query(orgId, queryId), Condition.versionIs(current.version())),
                audit.success(caller, Permission.QUERIES_DELETE.wire(), queryId)));
    }

    private static void team(Validator v, Caller caller, String teamId) {
        v.require(teamId == null || caller.snapshot().teams().containsKey(teamId), "teamId",
                "no team " + teamId + " in this organization");
    }
}
