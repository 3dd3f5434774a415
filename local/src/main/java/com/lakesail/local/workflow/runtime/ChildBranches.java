package com.lakesail.local.workflow.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.lakesail.local.workflow.asl.Selector;
import com.lakesail.local.workflow.asl.State;
import com.lakesail.local.workflow.asl.StateGraph;
import com.lakesail.local.workflow.data.Json;
import com.lakesail.local.workflow.data.JsonValues;
import com.lakesail.local.workflow.data.PayloadTemplate;
import com.lakesail.local.workflow.data.ResultPath;
import com.lakesail.local.workflow.data.StateFailure;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;

/**
 * Parallel and Map: the parent branch spawns one child branch per Parallel branch or Map item,
 * waits in CHILDREN, and when the last child succeeds collects their outputs in order; the first
 * child to fail fails the state with its error and cause, and the others are aborted. A Map with
 * MaxConcurrency starts the next item as each iteration finishes.
 */
final class ChildBranches {
    private final Interpreter in;

    ChildBranches(Interpreter in) {
        this.in = in;
    }

    void startParallel(Step step, Branch b, State.Parallel s) {
        Supplier<JsonNode> context = in.context.of(step.x, b, null, null);
        JsonNode effective = s.inputPath().apply(b.input, context);
        if (s.parameters() != null) {
            effective = s.parameters().apply(effective, context);
        }
        long spawn = step.event(b, "ParallelStateStarted", Json.object()).id();
        waitFor(step, b, spawn, s.branches().size(), 0);
        for (int i = 0; i < s.branches().size(); i++) {
            launch(step, b, i, s.branches().get(i), effective);
        }
    }

    void startMap(Step step, Branch b, State.Map s) {
        Supplier<JsonNode> context = in.context.of(step.x, b, null, null);
        JsonNode effective = s.inputPath().apply(b.input, context);
        JsonNode items = s.itemsPath().select(effective, context);
        if (items == null || !items.isArray()) {
            throw StateFailure.runtime("Invalid path '" + s.itemsPath().text() + "': the ItemsPath of a Map state must"
                    + " select an array, not " + (items == null ? "nothing" : Json.typeName(items)));
        }
        int max = maxConcurrency(s, effective, context);
        int total = items.size();
        int first = max == 0 ? total : Math.min(total, max);
        List<JsonNode> inputs = new ArrayList<>(first);
        for (int i = 0; i < first; i++) {
            inputs.add(itemInput(step, b, s, i, items.get(i), effective));
        }
        long spawn = step.event(b, "MapStateStarted", Json.object().put("length", total)).id();
        waitFor(step, b, spawn, total, max);
        if (first < total) {
            b.mapItems = (ArrayNode) items;
            b.mapInput = effective;
        }
        for (int i = 0; i < first; i++) {
            launch(step, b, i, s.processor(), inputs.get(i));
        }
        if (total == 0) {
            b.phase = Phase.CHILDREN_DONE;
            collect(step, b, s);
        }
    }

    /** The first step of a Map iteration announces it. */
    void iterationStarted(Step step, Branch child) {
        child.started = true;
        step.dirty(child);
        State parent = step.x.branches.get(child.parentId).currentState();
        if (parent instanceof State.Map) {
            step.event(child, "MapIterationStarted", Events.iteration(parent.name(), child.index));
        }
    }

    void childSucceeded(Step step, Branch child) {
        Branch parent = step.x.branches.get(child.parentId);
        State s = parent.currentState();
        if (s instanceof State.Map map) {
            step.event(child, "MapIterationSucceeded", Events.iteration(s.name(), child.index));
            parent.childDone++;
            launchNext(step, parent, map);
        } else {
            parent.childDone++;
        }
        if (parent.childDone == parent.childTotal && parent.phase == Phase.CHILDREN) {
            parent.phase = Phase.CHILDREN_DONE;
            step.dirty(parent);
            in.ready(step.x, parent);
        }
    }

    void childFailed(Step step, Branch child) {
        Branch parent = step.x.branches.get(child.parentId);
        State s = parent.currentState();
        if (s instanceof State.Map) {
            step.event(child, "MapIterationFailed", Events.iteration(s.name(), child.index));
        }
        failParent(step, parent, child.error, child.cause);
    }

    void collect(Step step, Branch b, State s) {
        ArrayNode results = Json.MAPPER.createArrayNode();
        for (Branch child : children(step.x, b)) {
            results.add(child.output);
            step.delete(child);
        }
        PayloadTemplate selector;
        ResultPath resultPath;
        Selector outputPath;
        if (s instanceof State.Parallel p) {
            selector = p.resultSelector();
            resultPath = p.resultPath();
            outputPath = p.outputPath();
        } else {
            State.Map m = (State.Map) s;
            selector = m.resultSelector();
            resultPath = m.resultPath();
            outputPath = m.outputPath();
        }
        step.event(b, s.type() + "StateSucceeded", Json.object());
        clear(b);
        Supplier<JsonNode> context = in.context.of(step.x, b, null, null);
        JsonNode selected = selector == null ? results : selector.apply(results, context);
        in.complete(step, b, s, outputPath.apply(resultPath.apply(b.input, selected), context));
    }

    void abortAndFail(Step step, Branch b, State s) {
        for (Branch child : children(step.x, b)) {
            if (s instanceof State.Map && child.started && child.phase != Phase.SUCCEEDED && child.phase != Phase.FAILED) {
                step.event(child, "MapIterationAborted", Events.iteration(s.name(), child.index));
            }
            step.delete(child);
        }
        String error = b.error;
        String cause = b.cause;
        step.event(b, s.type() + "StateFailed", Events.error(error, cause));
        clear(b);
        in.fail(step, b, s, error, cause);
    }

    private void waitFor(Step step, Branch b, long spawn, int total, int max) {
        b.phase = Phase.CHILDREN;
        b.childSpawn = spawn;
        b.childTotal = total;
        b.childLaunched = 0;
        b.childDone = 0;
        b.maxConcurrency = max;
        step.dirty(b);
    }

    private void launch(Step step, Branch parent, int index, StateGraph graph, JsonNode input) {
        Branch child = new Branch(parent.id + "." + index, parent.id, parent.childSpawn, index);
        child.graph = graph;
        child.moveTo(graph.startAt(), input);
        child.lastEventId = parent.lastEventId;
        step.create(child);
        parent.childLaunched++;
        in.ready(step.x, child);
    }

    private void launchNext(Step step, Branch parent, State.Map s) {
        if (parent.mapItems == null || parent.childLaunched >= parent.childTotal || parent.phase != Phase.CHILDREN) {
            return;
        }
        int i = parent.childLaunched;
        try {
            launch(step, parent, i, s.processor(), itemInput(step, parent, s, i, parent.mapItems.get(i), parent.mapInput));
        } catch (StateFailure f) {
            failParent(step, parent, f.error(), f.cause());
        }
    }

    private void failParent(Step step, Branch parent, String error, String cause) {
        if (parent.phase == Phase.CHILDREN) {
            parent.phase = Phase.CHILDREN_FAILED;
            parent.error = error;
            parent.cause = cause;
            step.dirty(parent);
            in.ready(step.x, parent);
        }
    }

    private JsonNode itemInput(Step step, Branch b, State.Map s, int index, JsonNode item, JsonNode mapInput) {
        if (s.itemSelector() == null) {
            return item;
        }
        ObjectNode mapItem = Json.object().put("Index", index);
        mapItem.set("Value", item);
        return s.itemSelector().apply(mapInput, in.context.of(step.x, b, null, mapItem));
    }

    private static int maxConcurrency(State.Map s, JsonNode effective, Supplier<JsonNode> context) {
        if (s.maxConcurrencyPath() == null) {
            return s.maxConcurrency();
        }
        JsonNode value = s.maxConcurrencyPath().select(effective, context);
        if (value == null || !value.isNumber() || !JsonValues.isIntegral(value) || value.longValue() < 0) {
            throw StateFailure.runtime("The MaxConcurrencyPath " + s.maxConcurrencyPath().text()
                    + " does not reference a non-negative integer");
        }
        return (int) Math.min(Integer.MAX_VALUE, value.longValue());
    }

    /** The parent's children of its current entry, by index. */
    static List<Branch> children(ExecutionRuntime x, Branch parent) {
        List<Branch> out = new ArrayList<>();
        for (Branch b : x.branches.values()) {
            if (parent.id.equals(b.parentId) && b.spawn == parent.childSpawn) {
                out.add(b);
            }
        }
        out.sort(Comparator.comparingInt(b -> b.index));
        return out;
    }

    private static void clear(Branch b) {
        b.childTotal = 0;
        b.childLaunched = 0;
        b.childDone = 0;
        b.mapItems = null;
        b.mapInput = null;
        b.error = null;
        b.cause = null;
    }
}
