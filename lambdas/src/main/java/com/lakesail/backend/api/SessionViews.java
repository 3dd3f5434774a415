package com.lakesail.backend.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.lakesail.backend.domain.Wire;
import com.lakesail.backend.domain.job.JobParameter;
import com.lakesail.backend.domain.job.ResultPreview;
import com.lakesail.backend.domain.query.SavedQuery;
import com.lakesail.backend.domain.session.ResultSummary;
import com.lakesail.backend.domain.session.Session;
import com.lakesail.backend.domain.session.SessionStatus;
import com.lakesail.backend.domain.session.Statement;
import com.lakesail.backend.service.session.ResultPages;
import com.lakesail.backend.service.session.SessionService;
import com.lakesail.backend.service.session.StatementService;
import java.time.Instant;

/**
 * Saved queries, sessions, statements, session tokens and the JWKS document as the REST contract
 * shows them; absent values are JSON nulls. A session is a lifecycle object ({@code status,
 * statusReason, stage, progress, createdAt, updatedAt, version}). A session token is shown once: a
 * replay of its create (Idempotency-Key) shows its id and expiry, not the token.
 */
final class SessionViews {
    private SessionViews() {
    }

    static boolean handles(Object result) {
        return result instanceof SavedQuery || result instanceof Session || result instanceof StatementService.View
                || result instanceof SessionService.IssuedToken || result instanceof SessionService.Jwks
                || result instanceof SessionCallbackRoutes.ServerToken || result instanceof SessionCallbackRoutes.Pulled;
    }

    static JsonNode render(Object result, boolean withSecrets) {
        if (result instanceof SavedQuery q) {
            return query(q);
        } else if (result instanceof Session s) {
            return session(s);
        } else if (result instanceof StatementService.View view) {
            return statement(view);
        } else if (result instanceof SessionService.IssuedToken issued) {
            ObjectNode node = Json.object().put("id", issued.issued().id()).put("sessionId", issued.session().id())
                    .put("expiresAt", issued.issued().expiresAt().toString());
            if (withSecrets) {
                node.put("token", issued.issued().token()).put("connectionString", issued.connectionString());
            }
            node.put("endpointCertificate", issued.session().endpointCertificate());
            return node;
        } else if (result instanceof SessionCallbackRoutes.ServerToken token) {
            return Json.object().put("token", token.token()).put("expiresAt", token.expiresAt().toString());
        } else if (result instanceof SessionCallbackRoutes.Pulled pulled) {
            ObjectNode node = Json.object();
            ArrayNode statements = node.putArray("statements");
            for (SessionCallbackRoutes.PulledStatement s : pulled.statements()) {
                ObjectNode statement = statements.addObject().put("statementId", s.statementId()).put("sql", s.sql());
                statement.set("parameters", Json.MAPPER.valueToTree(s.parameters()));
                statement.put("maxResultBytes", s.maxResultBytes()).put("chunkBytes", s.chunkBytes())
                        .put("cancelRequested", s.cancelRequested());
            }
            pulled.cancels().forEach(node.putArray("cancels")::add);
            pulled.inFlight().forEach(node.putArray("inFlight")::add);
            return node;
        }
        return Json.MAPPER.valueToTree(((SessionService.Jwks) result).document());
    }

    private static ObjectNode query(SavedQuery q) {
        ObjectNode node = Json.object().put("id", q.id()).put("name", q.name()).put("description", q.description())
                .put("teamId", q.teamId()).put("sql", q.sql());
        ArrayNode parameters = node.putArray("parameters");
        for (JobParameter p : q.parameters()) {
            ObjectNode param = parameters.addObject().put("name", p.name()).put("type", Wire.name(p.type()));
            param.set("default", Json.MAPPER.valueToTree(p.defaultValue()));
        }
        return node.put("createdBy", q.createdBy()).put("createdAt", q.createdAt().toString())
                .put("updatedAt", q.updatedAt().toString()).put("version", q.version());
    }

    private static ObjectNode session(Session s) {
        ObjectNode node = Json.object().put("id", s.id()).put("clusterId", s.clusterId());
        ArrayNode catalogs = node.putArray("catalogIds");
        s.catalogIds().forEach(catalogs::add);
        node.put("idleTimeoutMinutes", s.idleTimeoutMinutes());
        ObjectNode compute = node.putObject("compute");
        compute.putObject("driver").put("cpu", s.compute().driver().cpu()).put("memoryGiB", s.compute().driver().memoryGiB());
        compute.putObject("worker").put("cpu", s.compute().worker().cpu()).put("memoryGiB", s.compute().worker().memoryGiB());
        compute.put("maxWorkers", s.compute().maxWorkers());
        node.put("ownerMemberId", s.ownerMemberId()).put("createdBy", s.createdBy())
                .put("status", Wire.name(s.status())).put("statusReason", s.statusReason())
                .put("stage", Wire.name(s.status())).put("progress", s.status() == SessionStatus.PENDING ? 10 : 100)
                .put("closeRequested", s.closing()).put("endpoint", s.endpoint())
                .put("endpointCertificate", s.endpointCertificate())
                .put("statementsInFlight", s.inFlight().size()).put("statements", s.statements())
                .put("lastActivityAt", time(s.lastActivityAt())).put("openedAt", time(s.openedAt()))
                .put("endedAt", time(s.endedAt()));
        return node.put("createdAt", s.createdAt().toString()).put("updatedAt", s.updatedAt().toString())
                .put("version", s.version());
    }

    private static ObjectNode statement(StatementService.View view) {
        Statement s = view.statement();
        ObjectNode node = Json.object().put("id", s.id()).put("sessionId", s.sessionId()).put("sql", s.sql())
                .put("queryId", s.queryId()).put("queryVersion", s.queryVersion());
        node.set("parameters", Json.MAPPER.valueToTree(s.parameters()));
        node.put("status", Wire.name(s.status())).put("statusReason", s.statusReason());
        if (s.error() == null) {
            node.putNull("error");
        } else {
            node.putObject("error").put("errorClass", s.error().errorClass()).put("message", s.error().message());
        }
        node.put("cancelRequested", s.cancelRequestedAt() != null);
        ResultSummary summary = s.result();
        if (summary == null) {
            node.putNull("result");
        } else {
            ObjectNode result = node.putObject("result");
            ArrayNode columns = result.putArray("columns");
            for (ResultPreview.Column c : summary.columns()) {
                columns.addObject().put("name", c.name()).put("type", c.type());
            }
            result.put("rowCount", summary.rowCount()).put("truncated", summary.truncated());
            view.page().ifPresent(page -> page(result, page));
        }
        return node.put("createdBy", s.createdBy()).put("createdAt", s.createdAt().toString())
                .put("startedAt", time(s.startedAt())).put("endedAt", time(s.endedAt()))
                .put("updatedAt", s.updatedAt().toString()).put("version", s.version());
    }

    private static void page(ObjectNode result, ResultPages.Page page) {
        result.put("firstRow", page.firstRow());
        result.set("rows", Json.MAPPER.valueToTree(page.rows()));
        if (page.nextToken() != null) {
            result.put("nextToken", page.nextToken());
        } else {
            result.putNull("nextToken");
        }
    }

    private static String time(Instant at) {
        return at == null ? null : at.toString();
    }
}
