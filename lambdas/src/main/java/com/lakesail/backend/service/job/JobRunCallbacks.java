package com.lakesail.backend.service.job;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.lakesail.backend.domain.ConflictException;
import com.lakesail.backend.domain.UnauthenticatedException;
import com.lakesail.backend.domain.ValidationException;
import com.lakesail.backend.domain.Wire;
import com.lakesail.backend.domain.job.JobRun;
import com.lakesail.backend.domain.job.JobRunStatus;
import com.lakesail.backend.domain.job.ResultPreview;
import com.lakesail.backend.domain.job.RunOutcome;
import com.lakesail.backend.domain.job.RunnerProgress;
import com.lakesail.backend.domain.job.TerminationCode;
import com.lakesail.backend.port.Condition;
import com.lakesail.backend.port.TaskTokenException;
import com.lakesail.backend.port.Workflows;
import com.lakesail.backend.store.Items;
import com.lakesail.backend.store.JobItems;
import com.lakesail.backend.store.JobItems.CallbackCredential;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import javax.inject.Inject;

/**
 * Reports from a run's Sail watcher and runner, authenticated by the run's callback credential
 * (never a user token). Each report is recorded on the run, then handed to the workflow stage that
 * waits for it: {@code sail_ready} and {@code succeeded} complete the stage's task token,
 * {@code sail_failed} and {@code failed} fail it, anything else counts as a heartbeat.
 *
 * <p>A report may arrive before its stage has stored its token (a fast Sail, a short query): it is
 * recorded, and the stage, when it stores its token, finds it and completes itself. Both sides write
 * the run on its version, so one of them always sees the other.
 *
 * <p>Answers: 204 accepted; 401 a bad, expired or other run's credential; 409 the run has ended or
 * is being cancelled (the runner stops at once); 400 a malformed report.
 */
public final class JobRunCallbacks {
    /** A result preview is stored beside its run; past this it keeps fewer rows and says it was truncated. */
    static final int MAX_RESULT_BYTES = 300 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final CallbackCredentials credentials;
    private final JobRecords records;
    private final RunLogs logs;
    private final Workflows workflows;
    private final Clock clock;

    @Inject
    public JobRunCallbacks(CallbackCredentials credentials, JobRecords records, RunLogs logs, Workflows workflows,
                           Clock clock) {
        this.credentials = credentials;
        this.records = records;
        this.logs = logs;
        this.workflows = workflows;
        this.clock = clock;
    }

    /**
     * @param parsed read only once the credential is accepted and the run still going, so a stranger
     *               learns nothing from how a body is refused
     */
    public void accept(String runId, String authorization, Supplier<CallbackEvent> parsed) {
        CallbackCredential credential = credentials.verify(authorization, runId);
        String orgId = credential.organizationId();
        JobRun run = records.findRun(orgId, runId).orElseThrow(
                () -> new UnauthenticatedException("the callback credential is invalid, expired or for another run"));
        requireGoing(run);
        CallbackEvent event = parsed.get();
        boolean sail = CallbackCredentials.Purpose.SAIL.wire().equals(credential.purpose());
        if (sail ? event.type().fromRunner() : event.type().fromSail()) {
            throw new UnauthenticatedException("this callback credential cannot report " + Wire.name(event.type()));
        }
        switch (event.type()) {
            case SAIL_READY -> sailReady(orgId, runId, event.endpoint());
            // A Sail that had reported ready and then failed stopped under the run (a crash, a lost node).
            case SAIL_FAILED -> reported(orgId, runId, new RunOutcome(TerminationCode.CLUSTER_ERROR,
                    (run.sailEndpoint() == null ? "Sail failed to start: " : "Sail stopped: ") + event.message(), null, null),
                    "LakeSail.SailFailed");
            case SUCCEEDED -> succeeded(orgId, runId, event);
            case FAILED -> reported(orgId, runId, new RunOutcome(TerminationCode.RUN_EXECUTION_ERROR, event.message(),
                    event.errorClass(), event.step()), "LakeSail.RunFailed");
            case PROGRESS -> {
                JobRun written = records.update(orgId, runId, r -> going(r)
                        ? r.withRunnerProgress(new RunnerProgress(event.step(), event.steps(), event.message()), clock.instant())
                        : null);
                heartbeat(written, sail);
            }
            case LOGS -> {
                logs.append(orgId, runId, event.stream(), event.lines());
                heartbeat(run, sail);
            }
            case STARTED, HEARTBEAT -> heartbeat(run, sail);
        }
    }

    private void sailReady(String orgId, String runId, String endpoint) {
        JobRun written = records.update(orgId, runId, r -> going(r) && r.sailEndpoint() == null
                ? r.withSailEndpoint(endpoint, clock.instant()) : null);
        if (written.status() == JobRunStatus.WAITING_FOR_SAIL && written.waitToken() != null) {
            complete(written.waitToken(), () -> workflows.sendTaskSuccess(written.waitToken(),
                    JSON.createObjectNode().put("endpoint", endpoint).toString()));
        }
    }

    private void succeeded(String orgId, String runId, CallbackEvent event) {
        ResultPreview result = event.result() == null ? null : bounded(event.result());
        if (result != null) {
            // Written first, so a run that says it has a result has one; a repeated report rewrites the same.
            records.store().put(JobItems.result(orgId, runId, result), Condition.none());
        }
        JobRun written = records.update(orgId, runId, r -> going(r) && r.outcome() == null
                ? r.withResult(event.metrics(), result != null, clock.instant()) : null);
        requireGoing(written);
        if (written.status() == JobRunStatus.RUNNING && written.waitToken() != null) {
            complete(written.waitToken(), () -> workflows.sendTaskSuccess(written.waitToken(), "{\"outcome\":\"succeeded\"}"));
        }
    }

    /** A failure report: recorded, then the waiting stage fails with {@code error} and the message. */
    private void reported(String orgId, String runId, RunOutcome outcome, String error) {
        JobRun written = records.update(orgId, runId, r -> going(r) && r.outcome() == null
                ? r.withOutcome(outcome, clock.instant()) : null);
        requireGoing(written);
        if (written.waitToken() != null && written.outcome() != null && !written.outcome().success()) {
            complete(written.waitToken(), () -> workflows.sendTaskFailure(written.waitToken(), error,
                    String.valueOf(written.outcome().message())));
        }
    }

    /**
     * Keeps the waiting stage alive, but only the stage that waits for this reporter: a Sail watcher
     * that goes on talking must not hide a runner that died.
     */
    private void heartbeat(JobRun run, boolean fromSail) {
        boolean itsStage = fromSail ? run.status() == JobRunStatus.WAITING_FOR_SAIL : run.status() == JobRunStatus.RUNNING;
        if (itsStage && run.waitToken() != null) {
            complete(run.waitToken(), () -> workflows.sendTaskHeartbeat(run.waitToken()));
        }
    }

    /** Signals the stage; one that stopped waiting meanwhile (a timeout, the stage itself) is fine. */
    private static void complete(String token, Runnable signal) {
        try {
            signal.run();
        } catch (TaskTokenException e) {
            // The stage completed itself from the recorded report, or timed out: nothing waits on it.
        }
    }

    private static boolean going(JobRun run) {
        return !run.terminal() && !run.cancelRequested();
    }

    private static void requireGoing(JobRun run) {
        if (run.terminal()) {
            throw new ConflictException("job run " + run.id() + " has ended: it is " + Wire.name(run.status()));
        }
        if (run.cancelRequested()) {
            throw new ConflictException("job run " + run.id() + " is being cancelled");
        }
    }

    /**
     * The preview as stored: rows dropped from the end until it fits, and then marked truncated.
     *
     * @throws ValidationException naming {@code result.columns} when the columns alone do not fit
     */
    static ResultPreview bounded(ResultPreview result) {
        if (size(result) <= MAX_RESULT_BYTES) {
            return result;
        }
        List<List<Object>> rows = new ArrayList<>(result.rows());
        while (!rows.isEmpty() && size(new ResultPreview(result.columns(), rows, true)) > MAX_RESULT_BYTES) {
            rows.subList(Math.max(0, rows.size() - Math.max(1, rows.size() / 4)), rows.size()).clear();
        }
        ResultPreview kept = new ResultPreview(result.columns(), rows, true);
        if (rows.isEmpty() && size(kept) > MAX_RESULT_BYTES) {
            // Not a row fits: the item would outgrow the store's limit, so refuse rather than fail on the write.
            throw ValidationException.of("result.columns", "take more than " + MAX_RESULT_BYTES / 1024
                    + " KB: a result preview's columns must fit in it");
        }
        return kept;
    }

    private static int size(ResultPreview result) {
        return Items.encode(result).getBytes(StandardCharsets.UTF_8).length;
    }
}
