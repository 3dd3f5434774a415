package com.lakesail.local.workflow.asl;

import java.util.List;

/** A definition that fails validation; the message names every state at fault. */
public class InvalidDefinitionException extends IllegalArgumentException {
    private final List<String> problems;

    public InvalidDefinitionException(List<String> problems) {
        super("invalid state machine definition: " + String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public InvalidDefinitionException(String problem) {
        this(List.of(problem));
    }

    public List<String> problems() {
        return problems;
    }
}
