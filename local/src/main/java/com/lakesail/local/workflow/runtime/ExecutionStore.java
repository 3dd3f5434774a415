package com.lakesail.local.workflow.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.lakesail.backend.port.Condition;
import com.lakesail.backend.port.ConditionFailedException;
import com.lakesail.backend.port.Item;
import com.lakesail.backend.port.Key;
import com.lakesail.backend.port.Page;
import com.lakesail.backend.port.Query;
import com.lakesail.backend.port.Store;
import com.lakesail.backend.port.StoreException;
import com.lakesail.backend.port.Workflows;
import com.lakesail.backend.port.Write;
import com.lakesail.local.workflow.HistoryEvent;
import com.lakesail.local.workflow.data.Json;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Persists workflow state machines, executions, branches and history through the {@link Store}
 * port, one transaction per state transition.
 *
 * <pre>
 * item                     pk                 sk              GSI1 (pk / sk)                         GSI2 (pk / sk)
 * state machine            WFSM#name          SM
 * definition revision      WFSM#name          REV#sha256
 * execution                WFEXEC#arn         EXEC            WFSTATUS#status / sm#start#name       WFSM#sm / start#name
 * branch (running)         WFEXEC#arn         BR#branchId
 * history event            WFEXEC#arn         EV#0000000042
 * </pre>
 *
 * Access patterns: an execution by ARN (get); its branches and its history (query on its
 * partition); executions by status, optionally of one state machine (GSI1, e.g. every RUNNING one
 * when an engine resumes); executions of a state machine, newest first (GSI2).
 */
final class ExecutionStore {
    static final String EXECUTION_TYPE = "WorkflowExecution";
    private static final int PAGE = 1000;

    private final Store store;

    ExecutionStore(Store store) {
        this.store = store;
    }

    // ---- state machines

    void saveDefinition(String name, String revision, String definitionJson, long now) {
        Item revisionItem = Item.builder().pk(machinePartition(name)).sk("REV#" + revision).type("WorkflowDefinition")
                .data(Json.write(Json.object().put("definition", definitionJson))).build();
        Item machine = Item.builder().pk(machinePartition(name)).sk("SM").type("WorkflowStateMachine")
                .data(Json.write(Json.object().put("revision", revision).put("updatedAt", now))).build();
        store.transact(List.of(Write.put(revisionItem, Condition.none()), Write.put(machine, Condition.none())));
    }

    Optional<String> definition(String name, String revision) {
        return store.get(Key.of(machinePartition(name), "REV#" + revision))
                .map(item -> Json.parse(item.data()).get("definition").asText());
    }

    // ---- executions

    /**
     * Creates the execution, its root branch and its first event atomically.
     *
     * @throws ConditionFailedException when an execution of this ARN exists
     */
    void create(ExecutionRuntime x, Branch root, HistoryEvent started) {
        store.transact(List.of(Write.put(executionItem(x, 1), Condition.notExists()),
                Write.put(branchItem(x, root, 1), Condition.notExists()),
                Write.put(eventItem(x, started), Condition.none())));
        x.version = 1;
        root.version = 1;
    }

    void commit(Step step) {
        ExecutionRuntime x = step.x;
        List<Write> bulk = new ArrayList<>();
        for (Branch b : step.created) {
            if (!step.deleted.contains(b)) {
                bulk.add(Write.put(branchItem(x, b, b.version + 1), Condition.none()));
            }
        }
        List<Write> main = new ArrayList<>();
        for (HistoryEvent event : step.events) {
            main.add(Write.put(eventItem(x, event), Condition.none()));
        }
        for (Branch b : step.dirty) {
            if (!step.created.contains(b) && x.branches.get(b.id) == b) {
                main.add(Write.put(branchItem(x, b, b.version + 1), versionCondition(b.version)));
            }
        }
        if (step.executionChanged) {
            main.add(Write.put(executionItem(x, x.version + 1), Condition.versionIs(x.version)));
        }
        // New children first, so the transaction that points at them never precedes them; the
        // state write last, so a crash in between leaves only extra events or orphan children,
        // which a resuming engine tolerates.
        for (int i = 0; i < bulk.size(); i += Store.MAX_TRANSACTION_WRITES) {
            store.transact(bulk.subList(i, Math.min(bulk.size(), i + Store.MAX_TRANSACTION_WRITES)));
        }
        int extra = Math.max(0, main.size() - Store.MAX_TRANSACTION_WRITES);
        for (int i = 0; i < extra; i += Store.MAX_TRANSACTION_WRITES) {
            store.transact(main.subList(i, Math.min(extra, i + Store.MAX_TRANSACTION_WRITES)));
        }
        List<Write> last = new ArrayList<>(main.subList(extra, main.size()));
        List<Branch> deleteLater = step.deleted;
        if (last.size() + deletes(x, step.deleted).size() <= Store.MAX_TRANSACTION_WRITES) {
            // Usually the branches that ended go in the same transaction.
            last.addAll(deletes(x, step.deleted));
            deleteLater = List.of();
        }
        if (!last.isEmpty()) {
            try {
                store.transact(last);
            } catch (ConditionFailedException e) {
                throw new StoreException("execution " + x.arn + " was changed by another engine", e);
            }
        }
        java.util.Set<Branch> written = new java.util.LinkedHashSet<>(step.created);
        written.removeAll(step.deleted);
        for (Branch b : step.dirty) {
            if (x.branches.get(b.id) == b) {
                written.add(b);
            }
        }
        written.forEach(b -> b.version++);
        if (step.executionChanged) {
            x.version++;
        }
        List<Write> deletes = deletes(x, deleteLater);
        for (int i = 0; i < deletes.size(); i += Store.MAX_TRANSACTION_WRITES) {
            store.transact(deletes.subList(i, Math.min(deletes.size(), i + Store.MAX_TRANSACTION_WRITES)));
        }
    }

    private static List<Write> deletes(ExecutionRuntime x, List<Branch> branches) {
        List<Write> deletes = new ArrayList<>();
        for (Branch b : branches) {
            if (b.version > 0) {
                deletes.add(Write.delete(branchKey(x.arn, b.id), Condition.none()));
            }
        }
        return deletes;
    }

    /** Removes branch items left behind (by a crash) that the resumed execution does not use. */
    void deleteOrphans(String arn, List<String> branchIds) {
        List<Write> deletes = branchIds.stream()
                .map(id -> Write.delete(branchKey(arn, id), Condition.none())).toList();
        for (int i = 0; i < deletes.size(); i += Store.MAX_TRANSACTION_WRITES) {
            store.transact(deletes.subList(i, Math.min(deletes.size(), i + Store.MAX_TRANSACTION_WRITES)));
        }
    }

    Optional<StoredExecution> execution(String arn) {
        return store.get(Key.of(executionPartition(arn), "EXEC")).map(ExecutionStore::stored);
    }

    List<Branch> branches(String arn) {
        List<Branch> out = new ArrayList<>();
        queryAll(Query.partition(Query.Index.TABLE, executionPartition(arn), "BR#", PAGE, null),
                item -> out.add(Branch.fromJson(Json.parse(item.data()), item.version())));
        return out;
    }

    long lastEventId(String arn) {
        Page<Item> page = store.query(Query.partition(Query.Index.TABLE, executionPartition(arn), "EV#", 1, null)
                .descending(true));
        return page.items().isEmpty() ? 0 : Long.parseLong(page.items().get(0).sk().substring(3));
    }

    List<HistoryEvent> history(String arn) {
        List<HistoryEvent> out = new ArrayList<>();
        queryAll(Query.partition(Query.Index.TABLE, executionPartition(arn), "EV#", PAGE, null), item -> {
            JsonNode data = Json.parse(item.data());
            out.add(new HistoryEvent(Long.parseLong(item.sk().substring(3)), data.path("p").asLong(),
                    data.get("t").asText(), Instant.ofEpochMilli(data.get("ts").asLong()), (ObjectNode) data.get("d")));
        });
        return out;
    }

    /** ARNs of every execution still running, for an engine that resumes them. */
    List<String> running() {
        List<String> out = new ArrayList<>();
        queryAll(Query.partition(Query.Index.GSI1, "WFSTATUS#" + Workflows.Status.RUNNING, "", PAGE, null),
                item -> out.add(item.pk().substring("WFEXEC#".length())));
        return out;
    }

    /** Executions of a state machine, newest first, optionally only those with a status. */
    Page<StoredExecution> list(String stateMachine, Workflows.Status status, int limit, String pageToken) {
        Query query = status == null
                ? Query.partition(Query.Index.GSI2, machinePartition(stateMachine), "", limit, pageToken)
                : Query.partition(Query.Index.GSI1, "WFSTATUS#" + status, stateMachine + "#", limit, pageToken);
        return store.query(query.descending(true)).map(ExecutionStore::stored);
    }

    private void queryAll(Query first, java.util.function.Consumer<Item> each) {
        Query query = first;
        while (true) {
            Page<Item> page = store.query(query);
            page.items().forEach(each);
            if (page.nextToken() == null || page.items().isEmpty()) {
                return;
            }
            query = Query.partition(query.index(), query.pk(), query.skPrefix(), query.limit(), page.nextToken())
                    .descending(query.descending());
        }
    }

    // ---- items

    /** An execution as stored: enough to describe it, or to resume it. */
    record StoredExecution(String arn, String name, String stateMachine, String revision, Workflows.Status status,
                           JsonNode input, JsonNode output, String error, String cause, long startedAt, long stoppedAt,
                           long timeoutAt, long version) {
        Workflows.Execution describe() {
            return new Workflows.Execution(arn, stateMachine, name, status, Json.write(input),
                    output == null ? null : Json.write(output), error, cause, Instant.ofEpochMilli(startedAt),
                    status.isTerminal() ? Instant.ofEpochMilli(stoppedAt) : null);
        }
    }

    private static StoredExecution stored(Item item) {
        JsonNode d = Json.parse(item.data());
        return new StoredExecution(item.pk().substring("WFEXEC#".length()), d.get("name").asText(),
                d.get("stateMachine").asText(), d.get("revision").asText(),
                Workflows.Status.valueOf(d.get("status").asText()), d.get("input"), d.get("output"),
                text(d, "error"), text(d, "cause"), d.get("start").asLong(), d.path("stop").asLong(),
                d.path("timeoutAt").asLong(), item.version());
    }

    private static String text(JsonNode d, String field) {
        return d.hasNonNull(field) ? d.get(field).asText() : null;
    }

    private static Item executionItem(ExecutionRuntime x, long version) {
        ObjectNode d = Json.object().put("name", x.name).put("stateMachine", x.stateMachine)
                .put("revision", x.revision).put("status", x.status.name()).put("start", x.startedAt);
        d.set("input", x.input);
        if (x.timeoutAt != 0) {
            d.put("timeoutAt", x.timeoutAt);
        }
        if (x.status.isTerminal()) {
            d.put("stop", x.stoppedAt);
            if (x.output != null) {
                d.set("output", x.output);
            }
            if (x.error != null) {
                d.put("error", x.error);
            }
            if (x.cause != null) {
                d.put("cause", x.cause);
            }
        }
        String start = String.format("%015d", x.startedAt);
        return Item.builder().pk(executionPartition(x.arn)).sk("EXEC").type(EXECUTION_TYPE).version(version)
                .gsi1("WFSTATUS#" + x.status, x.stateMachine + "#" + start + "#" + x.name)
                .gsi2(machinePartition(x.stateMachine), start + "#" + x.name)
                .data(Json.write(d)).build();
    }

    private static Item branchItem(ExecutionRuntime x, Branch b, long version) {
        return Item.builder().key(branchKey(x.arn, b.id)).type("WorkflowBranch").version(version)
                .data(Json.write(b.toJson())).build();
    }

    private static Item eventItem(ExecutionRuntime x, HistoryEvent e) {
        ObjectNode d = Json.object().put("t", e.type()).put("ts", e.timestamp().toEpochMilli()).put("p", e.previousEventId());
        d.set("d", e.details());
        return Item.builder().pk(executionPartition(x.arn)).sk(String.format("EV#%010d", e.id())).type("WorkflowEvent")
                .data(Json.write(d)).build();
    }

    private static Condition versionCondition(long version) {
        return version == 0 ? Condition.notExists() : Condition.versionIs(version);
    }

    private static Key branchKey(String arn, String branchId) {
        return Key.of(executionPartition(arn), "BR#" + branchId);
    }

    private static String executionPartition(String arn) {
        return "WFEXEC#" + arn;
    }

    private static String machinePartition(String name) {
        return "WFSM#" + name;
    }
}
