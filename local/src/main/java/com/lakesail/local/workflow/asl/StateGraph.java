package com.lakesail.local.workflow.asl;

import java.util.Map;

/** The states of a state machine, of a Parallel branch or of a Map's item processor. */
public record StateGraph(String startAt, Map<String, State> states) {

    public StateGraph {
        states = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(states));
    }

    public State state(String name) {
        State state = states.get(name);
        if (state == null) {
            throw new IllegalStateException("no state " + name);
        }
        return state;
    }
}
