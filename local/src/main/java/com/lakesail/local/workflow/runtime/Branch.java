package com.lakesail.local.workflow.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.lakesail.local.workflow.asl.State;
import com.lakesail.local.workflow.asl.StateGraph;
import com.lakesail.local.workflow.data.Json;

/**
 * One thread of control of an execution: the root branch, a Parallel branch or a Map iteration.
 * Mutated only under its execution's lock; persisted as one store item after every step.
 *
 * <p>A child's id is its parent's id, a dot and its index ({@code 0.2.5}). {@code spawn} ties a
 * child to the entry of the Parallel or Map state that created it, so children left behind by an
 * earlier attempt are recognised and ignored.
 */
final class Branch {
    final String id;
    final String parentId;
    final long spawn;
    final int index;
    /** Transient: the graph this branch runs in, resolved from its parent's state. */
    StateGraph graph;

    String state;
    Phase phase = Phase.ENTER;
    JsonNode input;
    long enteredAt;
    int[] retries = new int[0];
    int retryCount;
    long due;
    long heartbeatDue;
    /** A token task's HeartbeatSeconds (resolved from HeartbeatSecondsPath), to restart its clock. */
    long heartbeatSeconds;
    String token;
    long lastEventId;
    boolean started;
    JsonNode output;
    String error;
    String cause;

    /** For a Parallel or Map in CHILDREN phase: the spawn id, child count and concurrency limit. */
    long childSpawn;
    int childTotal;
    int maxConcurrency;
    /** A Map that starts iterations as others finish keeps its items and effective input. */
    ArrayNode mapItems;
    JsonNode mapInput;

    /** Transient: how many children exist / have finished (recounted when an engine resumes). */
    int childLaunched;
    int childDone;
    /** Transient: the timer this branch currently expects, so stale timers are ignored. */
    long timerSeq;
    /** Transient: a token task's handler is running; a callback that arrives meanwhile waits here. */
    boolean invoking;
    Runnable pendingCallback;
    /** Store version of the persisted item, 0 before the first write. */
    long version;

    Branch(String id, String parentId, long spawn, int index) {
        this.id = id;
        this.parentId = parentId;
        this.spawn = spawn;
        this.index = index;
    }

    State currentState() {
        return graph.state(state);
    }

    boolean isRoot() {
        return parentId == null;
    }

    /** Enters {@code name} afresh: retry counters restart, as they apply to one visit of a state. */
    void moveTo(String name, JsonNode newInput) {
        state = name;
        input = newInput;
        phase = Phase.ENTER;
        retries = new int[0];
        retryCount = 0;
        token = null;
        due = 0;
        heartbeatDue = 0;
        heartbeatSeconds = 0;
    }

    ObjectNode toJson() {
        ObjectNode o = Json.object();
        o.put("id", id);
        if (parentId != null) {
            o.put("parent", parentId).put("spawn", spawn).put("index", index);
        }
        o.put("state", state).put("phase", phase.name()).put("entered", enteredAt).put("last", lastEventId);
        o.set("input", input);
        if (retryCount > 0) {
            ArrayNode r = o.putArray("retries");
            for (int n : retries) {
                r.add(n);
            }
            o.put("retryCount", retryCount);
        }
        putIf(o, "due", due);
        putIf(o, "heartbeatDue", heartbeatDue);
        putIf(o, "heartbeatSeconds", heartbeatSeconds);
        if (token != null) {
            o.put("token", token);
        }
        if (started) {
            o.put("started", true);
        }
        if (output != null) {
            o.set("output", output);
        }
        if (error != null) {
            o.put("error", error);
        }
        if (cause != null) {
            o.put("cause", cause);
        }
        if (childTotal > 0 || phase == Phase.CHILDREN) {
            ObjectNode c = o.putObject("children");
            c.put("spawn", childSpawn).put("total", childTotal).put("max", maxConcurrency);
            if (mapItems != null) {
                c.set("items", mapItems);
                c.set("input", mapInput);
            }
        }
        return o;
    }

    static Branch fromJson(JsonNode o, long version) {
        Branch b = new Branch(o.get("id").asText(), o.hasNonNull("parent") ? o.get("parent").asText() : null,
                o.path("spawn").asLong(), o.path("index").asInt());
        b.state = o.get("state").asText();
        b.phase = Phase.valueOf(o.get("phase").asText());
        b.enteredAt = o.path("entered").asLong();
        b.lastEventId = o.path("last").asLong();
        b.input = o.get("input");
        JsonNode retries = o.get("retries");
        if (retries != null) {
            b.retries = new int[retries.size()];
            for (int i = 0; i < retries.size(); i++) {
                b.retries[i] = retries.get(i).asInt();
            }
            b.retryCount = o.path("retryCount").asInt();
        }
        b.due = o.path("due").asLong();
        b.heartbeatDue = o.path("heartbeatDue").asLong();
        b.heartbeatSeconds = o.path("heartbeatSeconds").asLong();
        b.token = o.hasNonNull("token") ? o.get("token").asText() : null;
        b.started = o.path("started").asBoolean();
        b.output = o.get("output");
        b.error = o.hasNonNull("error") ? o.get("error").asText() : null;
        b.cause = o.hasNonNull("cause") ? o.get("cause").asText() : null;
        JsonNode c = o.get("children");
        if (c != null) {
            b.childSpawn = c.path("spawn").asLong();
            b.childTotal = c.path("total").asInt();
            b.maxConcurrency = c.path("max").asInt();
            b.mapItems = c.hasNonNull("items") ? (ArrayNode) c.get("items") : null;
            b.mapInput = c.get("input");
        }
        b.version = version;
        return b;
    }

    private static void putIf(ObjectNode o, String field, long value) {
        if (value != 0) {
            o.put(field, value);
        }
    }
}
