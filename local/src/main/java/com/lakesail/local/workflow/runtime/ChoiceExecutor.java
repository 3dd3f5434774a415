package com.lakesail.local.workflow.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.lakesail.local.workflow.asl.ChoiceRule;
import com.lakesail.local.workflow.asl.State;
import com.lakesail.local.workflow.data.ErrorNames;
import com.lakesail.local.workflow.data.StateFailure;
import java.util.function.Supplier;

/** Choice: the first matching rule's Next, else Default, else States.NoChoiceMatched. */
final class ChoiceExecutor {
    private final Interpreter in;

    ChoiceExecutor(Interpreter in) {
        this.in = in;
    }

    void execute(Step step, Branch b, State.Choice s) {
        Supplier<JsonNode> context = in.context.of(step.x, b, null, null);
        JsonNode effective = s.inputPath().apply(b.input, context);
        String next = s.defaultNext();
        for (ChoiceRule.Branch choice : s.choices()) {
            if (choice.rule().matches(effective, context)) {
                next = choice.next();
                break;
            }
        }
        if (next == null) {
            throw new StateFailure(ErrorNames.NO_CHOICE_MATCHED, "No Matches!");
        }
        in.completeTo(step, b, s, s.outputPath().apply(effective, context), next);
    }
}
