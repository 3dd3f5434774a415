package com.lakesail.local.workflow.runtime;

import com.lakesail.backend.port.Workflows;
import com.lakesail.local.workflow.asl.State;
import com.lakesail.local.workflow.asl.StateMachineDefinition;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * Rebuilds running executions from the store for an engine that starts: the execution, its
 * branches (each child attached to the graph of its parent's Parallel branch or Map processor),
 * the children counters, and the next event id. Branch items a crash left behind (children of an
 * earlier entry of a state) are deleted.
 */
final class ExecutionLoader {
    private final ExecutionStore store;

    ExecutionLoader(ExecutionStore store) {
        this.store = store;
    }

    List<ExecutionRuntime> runningExecutions(BiFunction<String, String, StateMachineDefinition> definitions,
                                             Set<String> skip) {
        List<ExecutionRuntime> out = new ArrayList<>();
        for (String arn : store.running()) {
            if (skip.contains(arn)) {
                continue;
            }
            Optional<ExecutionStore.StoredExecution> stored = store.execution(arn);
            if (stored.isEmpty() || stored.get().status() != Workflows.Status.RUNNING) {
                continue;
            }
            ExecutionStore.StoredExecution e = stored.get();
            ExecutionRuntime x = new ExecutionRuntime(arn, e.name(), e.stateMachine(), e.revision(),
                    definitions.apply(e.stateMachine(), e.revision()), e.input(), e.startedAt(), e.timeoutAt());
            x.version = e.version();
            x.nextEventId = store.lastEventId(arn) + 1;
            if (restore(x, store.branches(arn))) {
                out.add(x);
            }
        }
        return out;
    }

    private boolean restore(ExecutionRuntime x, List<Branch> stored) {
        stored.sort(Comparator.comparingInt((Branch b) -> b.id.split("\\.").length));
        List<String> orphans = new ArrayList<>();
        for (Branch b : stored) {
            if (b.isRoot()) {
                b.graph = x.definition.graph();
                x.branches.put(b.id, b);
                continue;
            }
            Branch parent = x.branches.get(b.parentId);
            if (parent == null || parent.phase != Phase.CHILDREN || parent.childSpawn != b.spawn) {
                orphans.add(b.id);
                continue;
            }
            State s = parent.currentState();
            b.graph = s instanceof State.Parallel p ? p.branches().get(b.index) : ((State.Map) s).processor();
            x.branches.put(b.id, b);
            parent.childLaunched++;
            if (b.phase == Phase.SUCCEEDED) {
                parent.childDone++;
            } else if (b.phase == Phase.FAILED && parent.phase == Phase.CHILDREN) {
                parent.phase = Phase.CHILDREN_FAILED;
                parent.error = b.error;
                parent.cause = b.cause;
            }
        }
        if (!orphans.isEmpty()) {
            store.deleteOrphans(x.arn, orphans);
        }
        return x.branches.containsKey("0");
    }
}
