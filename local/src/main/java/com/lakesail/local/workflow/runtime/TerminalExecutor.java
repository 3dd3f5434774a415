package com.lakesail.local.workflow.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.lakesail.local.workflow.asl.State;
import java.util.function.Supplier;

/** Succeed ends its branch with its (filtered) input; Fail ends it with an error and cause. */
final class TerminalExecutor {
    private final Interpreter in;

    TerminalExecutor(Interpreter in) {
        this.in = in;
    }

    void execute(Step step, Branch b, State s) {
        Supplier<JsonNode> context = in.context.of(step.x, b, null, null);
        if (s instanceof State.Succeed succeed) {
            JsonNode effective = succeed.inputPath().apply(b.input, context);
            in.complete(step, b, s, succeed.outputPath().apply(effective, context));
            return;
        }
        State.Fail fail = (State.Fail) s;
        String error = fail.error() == null ? null : fail.error().evaluate(b.input, context);
        String cause = fail.cause() == null ? null : fail.cause().evaluate(b.input, context);
        in.finishWithFailure(step, b, error, cause);
    }
}
