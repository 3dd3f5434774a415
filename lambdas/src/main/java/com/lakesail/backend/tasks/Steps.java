package com.lakesail.backend.tasks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.lakesail.backend.domain.infra.CloudAccount;
import com.lakesail.backend.domain.infra.Stage;
import com.lakesail.backend.port.AccountAccess;
import com.lakesail.backend.port.Condition;
import com.lakesail.backend.port.Item;
import com.lakesail.backend.service.infra.InfraRecords;
import java.time.Clock;
import java.time.Instant;
import javax.inject.Inject;

/** What every lifecycle task does: read the resource, act as its account, write a transition, answer a poll. */
public final class Steps {
    static final ObjectMapper JSON = new ObjectMapper();
    /** Progress a poll adds while a stack works, capped below the next stage's. */
    private static final int PROGRESS_PER_POLL = 3;

    private final InfraRecords records;
    private final Clock clock;

    @Inject
    public Steps(InfraRecords records, Clock clock) {
        this.records = records;
        this.clock = clock;
    }

    public InfraRecords records() {
        return records;
    }

    public Instant now() {
        return clock.instant();
    }

    /** A transition, conditioned on the version the task read: a concurrent writer makes the task retry. */
    public void save(Item item, long readVersion) {
        records.store().put(item, Condition.versionIs(readVersion));
    }

    /** How the control plane acts in the account: its role and ExternalId. */
    public AccountAccess access(String orgId, String cloudAccountId) {
        CloudAccount account = records.cloudAccount(orgId, cloudAccountId);
        if (account.roleArn() == null) {
            throw new StageFailedException("cloud account " + cloudAccountId + " has no role");
        }
        return new AccountAccess(account.awsAccountId(), account.roleArn(), account.externalId());
    }

    /** The progress after {@code attempt} polls in {@code stage}, below {@code cap}. */
    static int progress(Stage stage, int attempt, int cap) {
        return Math.min(cap, stage.progress() + PROGRESS_PER_POLL * attempt);
    }

    static JsonNode polled(boolean done, int attempt) {
        return JSON.createObjectNode().put("done", done).put("attempt", attempt);
    }

    static JsonNode ok() {
        return JSON.createObjectNode().put("done", true).put("attempt", 0);
    }

    /**
     * The reason recorded for a caught error. Lambda hands Step Functions the error document as the
     * cause ({@code {"errorMessage": ..., "errorType": ...}}); the local engine the bare message.
     */
    static String reason(TaskInput input) {
        String cause = input.cause();
        if (cause != null && cause.startsWith("{")) {
            try {
                JsonNode document = JSON.readTree(cause);
                if (document.hasNonNull("errorMessage")) {
                    return document.get("errorMessage").asText();
                }
            } catch (java.io.IOException e) {
                return cause;
            }
        }
        if (cause != null && !cause.isBlank()) {
            return cause;
        }
        return "the workflow failed with " + (input.error() == null ? "an unknown error" : input.error());
    }
}
