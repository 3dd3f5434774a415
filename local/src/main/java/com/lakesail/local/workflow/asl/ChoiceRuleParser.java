package com.lakesail.local.workflow.asl;

import com.fasterxml.jackson.databind.JsonNode;
import com.lakesail.local.workflow.data.PathExpression;
import com.lakesail.local.workflow.data.Timestamps;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.regex.Pattern;

/** Parses a Choice state's Choices: top-level rules carry Next, nested ones must not. */
final class ChoiceRuleParser {
    private ChoiceRuleParser() {
    }

    static List<ChoiceRule.Branch> choices(Fields state) {
        JsonNode choices = state.get("Choices");
        if (choices == null || !choices.isArray() || choices.isEmpty()) {
            throw state.error("field 'Choices' must be a non-empty array");
        }
        List<ChoiceRule.Branch> out = new ArrayList<>();
        for (int i = 0; i < choices.size(); i++) {
            Fields f = new Fields(choices.get(i), state.where() + " Choices[" + i + "]");
            out.add(new ChoiceRule.Branch(rule(f, true), f.requiredString("Next")));
        }
        return List.copyOf(out);
    }

    private static ChoiceRule rule(Fields f, boolean top) {
        if (!top && f.has("Next")) {
            throw f.error("a nested Choice Rule must not have 'Next'");
        }
        List<String> kinds = new ArrayList<>();
        ChoiceOperator operator = null;
        for (Iterator<String> it = f.node().fieldNames(); it.hasNext(); ) {
            String field = it.next();
            ChoiceOperator named = ChoiceOperator.named(field);
            if (named != null) {
                if (operator != null) {
                    throw f.error("a Choice Rule has one comparison operator, not " + operator.name() + " and " + field);
                }
                operator = named;
            } else if (field.equals("And") || field.equals("Or") || field.equals("Not")) {
                kinds.add(field);
            } else if (!field.equals("Variable") && !field.equals("Next") && !field.equals("Comment")) {
                throw f.error("field '" + field + "' is not supported in a Choice Rule");
            }
        }
        if (kinds.size() > 1 || (!kinds.isEmpty() && (operator != null || f.has("Variable")))) {
            throw f.error("a Choice Rule is exactly one of And, Or, Not or a Variable comparison");
        }
        if (kinds.isEmpty()) {
            return comparison(f, operator);
        }
        String kind = kinds.get(0);
        if (kind.equals("Not")) {
            return new ChoiceRule.Not(rule(new Fields(f.get("Not"), f.where() + " Not"), false));
        }
        JsonNode rules = f.get(kind);
        if (!rules.isArray() || rules.isEmpty()) {
            throw f.error("'" + kind + "' must be a non-empty array of Choice Rules");
        }
        List<ChoiceRule> nested = new ArrayList<>();
        for (int i = 0; i < rules.size(); i++) {
            nested.add(rule(new Fields(rules.get(i), f.where() + " " + kind + "[" + i + "]"), false));
        }
        return kind.equals("And") ? new ChoiceRule.And(List.copyOf(nested)) : new ChoiceRule.Or(List.copyOf(nested));
    }

    private static ChoiceRule comparison(Fields f, ChoiceOperator operator) {
        PathExpression variable = f.path("Variable");
        if (variable == null) {
            throw f.error("a comparison needs a 'Variable'");
        }
        if (operator == null) {
            throw f.error("a comparison needs an operator such as StringEquals or NumericLessThan");
        }
        JsonNode operand = f.get(operator.name());
        if (operator.path()) {
            return new ChoiceRule.Comparison(variable, operator, null, f.path(operator.name()), null);
        }
        String expected = operator.operandType();
        boolean valid = switch (expected) {
            case "string" -> operand.isTextual();
            case "number" -> operand.isNumber();
            case "timestamp" -> operand.isTextual() && Timestamps.parse(operand.textValue()) != null;
            default -> operand.isBoolean();
        };
        if (!valid) {
            throw f.error(operator.name() + " takes a " + expected + ", not " + operand);
        }
        Pattern pattern = operator.kind() == ChoiceOperator.Kind.STRING_MATCHES
                ? ChoiceRule.wildcard(operand.textValue()) : null;
        return new ChoiceRule.Comparison(variable, operator, operand, null, pattern);
    }
}
