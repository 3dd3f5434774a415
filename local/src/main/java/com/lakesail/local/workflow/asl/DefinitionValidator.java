package com.lakesail.local.workflow.asl;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The graph checks of a definition, per state graph (the machine, each Parallel branch, each Map
 * processor): StartAt names a state, every transition names a state of the same graph, every state
 * is reachable from StartAt, and the graph has a terminal state. All problems are reported at once.
 */
final class DefinitionValidator {
    private DefinitionValidator() {
    }

    static void validate(StateGraph graph) {
        List<String> problems = new ArrayList<>();
        check(graph, "the state machine", problems);
        if (!problems.isEmpty()) {
            throw new InvalidDefinitionException(problems);
        }
    }

    private static void check(StateGraph graph, String scope, List<String> problems) {
        if (!graph.states().containsKey(graph.startAt())) {
            problems.add("StartAt '" + graph.startAt() + "' of " + scope + " does not name a state of " + scope);
        }
        boolean terminal = false;
        for (State state : graph.states().values()) {
            for (String next : transitions(state)) {
                if (!graph.states().containsKey(next)) {
                    problems.add("State '" + state.name() + "': transition to '" + next + "', which is not a state of "
                            + scope);
                }
            }
            terminal |= isTerminal(state);
            if (state instanceof State.Parallel parallel) {
                for (int i = 0; i < parallel.branches().size(); i++) {
                    check(parallel.branches().get(i), "branch " + i + " of state '" + state.name() + "'", problems);
                }
            } else if (state instanceof State.Map map) {
                check(map.processor(), "the item processor of state '" + state.name() + "'", problems);
            }
        }
        if (!terminal) {
            problems.add(scope + " has no terminal state (End: true, Succeed or Fail)");
        }
        if (graph.states().containsKey(graph.startAt())) {
            Set<String> reached = reachable(graph);
            for (String name : graph.states().keySet()) {
                if (!reached.contains(name)) {
                    problems.add("State '" + name + "' is unreachable from StartAt '" + graph.startAt() + "'");
                }
            }
        }
    }

    private static Set<String> reachable(StateGraph graph) {
        Set<String> seen = new LinkedHashSet<>();
        Deque<String> todo = new ArrayDeque<>(List.of(graph.startAt()));
        while (!todo.isEmpty()) {
            String name = todo.pop();
            State state = graph.states().get(name);
            if (state != null && seen.add(name)) {
                todo.addAll(transitions(state));
            }
        }
        return seen;
    }

    private static boolean isTerminal(State state) {
        return state instanceof State.Succeed || state instanceof State.Fail
                || (state.flow() != null && state.flow().end());
    }

    static List<String> transitions(State state) {
        List<String> out = new ArrayList<>();
        State.Flow flow = state.flow();
        if (flow != null && flow.next() != null) {
            out.add(flow.next());
        }
        if (state instanceof State.Choice choice) {
            choice.choices().forEach(b -> out.add(b.next()));
            if (choice.defaultNext() != null) {
                out.add(choice.defaultNext());
            }
        }
        state.catchers().forEach(c -> out.add(c.next()));
        return out;
    }
}
