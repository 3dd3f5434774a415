package com.lakesail.local.workflow.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.lakesail.local.workflow.asl.State;
import java.util.function.Supplier;

/** Pass: InputPath, Parameters, then Result (or the effective input) through ResultPath and OutputPath. */
final class PassExecutor {
    private final Interpreter in;

    PassExecutor(Interpreter in) {
        this.in = in;
    }

    void execute(Step step, Branch b, State.Pass s) {
        Supplier<JsonNode> context = in.context.of(step.x, b, null, null);
        JsonNode effective = s.inputPath().apply(b.input, context);
        if (s.parameters() != null) {
            effective = s.parameters().apply(effective, context);
        }
        JsonNode result = s.result() != null ? s.result() : effective;
        in.complete(step, b, s, s.outputPath().apply(s.resultPath().apply(b.input, result), context));
    }
}
