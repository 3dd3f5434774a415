package com.lakesail.backend.service.session;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.lakesail.backend.domain.session.Session;
import com.lakesail.backend.domain.session.SessionEnding;
import com.lakesail.backend.service.ExecutionEnded;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import javax.inject.Inject;

/**
 * A session execution that ended badly without ending its session (a bug, an abort, the execution's
 * own time limit): the session must not stay open on paper with its engine running. The reason is
 * recorded as its ending and a cleanup execution of the same state machine stops its engine and ends
 * it; if that cannot start, or it is the cleanup that ended badly, the session is ended here.
 */
public final class SessionFailures implements ExecutionEnded {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> BAD_ENDINGS = Set.of("FAILED", "TIMED_OUT", "ABORTED");

    private final SessionRecords records;
    private final SessionWorkflows workflows;
    private final SessionClosings closings;
    private final Clock clock;

    @Inject
    public SessionFailures(SessionRecords records, SessionWorkflows workflows, SessionClosings closings, Clock clock) {
        this.records = records;
        this.workflows = workflows;
        this.closings = closings;
        this.clock = clock;
    }

    @Override
    public boolean executionEnded(String executionName, String status, String inputJson, String error, String cause,
                                  Instant stoppedAt) {
        if (!BAD_ENDINGS.contains(status) || inputJson == null) {
            return false;
        }
        JsonNode input;
        try {
            input = JSON.readTree(inputJson);
        } catch (IOException e) {
            return false;
        }
        String orgId = input.path("orgId").asText(null);
        String sessionId = input.path("sessionId").asText(null);
        Optional<Session> session = orgId == null || sessionId == null ? Optional.empty()
                : records.findSession(orgId, sessionId);
        if (session.isEmpty() || session.get().terminal()) {
            return false;
        }
        String reason = "the session's workflow ended " + status.toLowerCase(Locale.ROOT).replace('_', ' ')
                + (error == null ? "" : " (" + error + (cause == null || cause.isBlank() ? "" : ": " + cause) + ")");
        Session recorded = records.updateSession(orgId, sessionId, s -> s.terminal() || s.ending() != null ? null
                : s.endingAs(SessionEnding.failed(reason, clock.instant()), clock.instant()));
        if (!SessionWorkflows.CLEANUP.equals(input.path("mode").asText())) {
            try {
                workflows.startCleanup(recorded);
                return true;
            } catch (RuntimeException e) {
                // No cleanup execution: end the session here, saying its engine may remain.
            }
        }
        closings.finish(orgId, sessionId, SessionEnding.failed(reason + "; its engine may not have been stopped",
                clock.instant()));
        return true;
    }
}
