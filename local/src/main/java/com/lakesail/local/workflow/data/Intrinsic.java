package com.lakesail.local.workflow.data;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * A parsed intrinsic function invocation such as {@code States.Format('Hello {}', $.name)}.
 *
 * <p>The invocation grammar (calls, quoted strings with the spec's escapes, numbers, booleans, null,
 * nested calls) is parsed here; each path argument is delimited here and compiled by
 * {@link PathExpression}, i.e. by Jayway JsonPath.
 */
public final class Intrinsic {
    private final String text;
    private final Call call;

    private Intrinsic(String text, Call call) {
        this.text = text;
        this.call = call;
    }

    /**
     * @throws IllegalArgumentException naming the problem when the text is not a valid invocation
     */
    public static Intrinsic parse(String text) {
        Parser parser = new Parser(text);
        Call call = parser.call();
        parser.skipSpaces();
        if (parser.pos != text.length()) {
            throw parser.error("unexpected text after the closing parenthesis");
        }
        return new Intrinsic(text, call);
    }

    /** Whether a payload value names an intrinsic function rather than a path. */
    public static boolean looksLikeIntrinsic(String text) {
        return text.startsWith("States.");
    }

    public JsonNode evaluate(JsonNode input, Supplier<JsonNode> context) {
        return call.evaluate(input, context);
    }

    /** The function's name without the {@code States.} prefix. */
    public String function() {
        return call.name;
    }

    @Override
    public String toString() {
        return text;
    }

    interface Arg {
        JsonNode evaluate(JsonNode input, Supplier<JsonNode> context);
    }

    /** A literal; for a quoted string, {@code raw} keeps the escapes that States.Format needs. */
    record Literal(JsonNode value, String raw) implements Arg {
        @Override
        public JsonNode evaluate(JsonNode input, Supplier<JsonNode> context) {
            return value;
        }
    }

    record PathArg(PathExpression path) implements Arg {
        @Override
        public JsonNode evaluate(JsonNode input, Supplier<JsonNode> context) {
            JsonNode value = path.select(input, context);
            if (value == null) {
                throw StateFailure.runtime("The JsonPath argument " + path.text()
                        + " of an intrinsic function could not be found in the input " + Json.write(input));
            }
            return value;
        }
    }

    record Call(String name, List<Arg> args) implements Arg {
        @Override
        public JsonNode evaluate(JsonNode input, Supplier<JsonNode> context) {
            return IntrinsicFunctions.invoke(this, input, context);
        }
    }

    private static final class Parser {
        private final String text;
        private int pos;

        Parser(String text) {
            this.text = text;
        }

        Call call() {
            skipSpaces();
            int start = pos;
            while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '.')) {
                pos++;
            }
            String qualified = text.substring(start, pos);
            if (!qualified.startsWith("States.")) {
                throw error("an intrinsic function name begins with 'States.'");
            }
            String name = qualified.substring("States.".length());
            IntrinsicFunctions.checkName(name);
            skipSpaces();
            expect('(');
            List<Arg> args = new ArrayList<>();
            skipSpaces();
            if (peek() == ')') {
                pos++;
            } else {
                while (true) {
                    args.add(arg());
                    skipSpaces();
                    char c = peek();
                    pos++;
                    if (c == ')') {
                        break;
                    }
                    if (c != ',') {
                        throw error("expected ',' or ')'");
                    }
                }
            }
            IntrinsicFunctions.checkArity(name, args.size());
            return new Call(name, List.copyOf(args));
        }

        private Arg arg() {
            skipSpaces();
            char c = peek();
            if (c == '\'') {
                return string();
            }
            if (c == '$') {
                return path();
            }
            if (text.startsWith("States.", pos)) {
                return call();
            }
            int start = pos;
            while (pos < text.length() && ",) ".indexOf(text.charAt(pos)) < 0) {
                pos++;
            }
            String token = text.substring(start, pos);
            switch (token) {
                case "true":
                    return new Literal(Json.NODES.booleanNode(true), token);
                case "false":
                    return new Literal(Json.NODES.booleanNode(false), token);
                case "null":
                    return new Literal(Json.NODES.nullNode(), token);
                default:
                    return new Literal(number(token), token);
            }
        }

        private JsonNode number(String token) {
            if (!token.matches("-?\\d+(\\.\\d+)?([eE][+-]?\\d+)?")) {
                throw error("'" + token + "' is not a string, number, boolean, null, path or intrinsic function");
            }
            BigDecimal value = new BigDecimal(token);
            if (token.matches("-?\\d+") && value.abs().compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) <= 0) {
                return Json.NODES.numberNode(value.longValueExact());
            }
            return Json.NODES.numberNode(value);
        }

        private Arg string() {
            int start = ++pos;
            StringBuilder value = new StringBuilder();
            while (pos < text.length() && text.charAt(pos) != '\'') {
                char c = text.charAt(pos++);
                if (c == '\\') {
                    if (pos >= text.length() || "'{}\\".indexOf(text.charAt(pos)) < 0) {
                        throw error("an open escape: only \\', \\{, \\} and \\\\ are allowed");
                    }
                    c = text.charAt(pos++);
                }
                value.append(c);
            }
            if (pos >= text.length()) {
                throw error("unterminated string");
            }
            String raw = text.substring(start, pos);
            pos++;
            return new Literal(Json.NODES.textNode(value.toString()), raw);
        }

        /** A path runs to the next ',' or ')' outside brackets, parentheses and quotes. */
        private Arg path() {
            int start = pos;
            int depth = 0;
            char quote = 0;
            while (pos < text.length()) {
                char c = text.charAt(pos);
                if (quote != 0) {
                    if (c == quote) {
                        quote = 0;
                    }
                } else if (c == '\'' || c == '"') {
                    quote = c;
                } else if (c == '[' || c == '(') {
                    depth++;
                } else if (c == ']' || (c == ')' && depth > 0)) {
                    depth--;
                } else if (depth == 0 && (c == ',' || c == ')')) {
                    break;
                }
                pos++;
            }
            String path = text.substring(start, pos).strip();
            try {
                return new PathArg(PathExpression.compile(path));
            } catch (IllegalArgumentException e) {
                throw error(e.getMessage());
            }
        }

        void skipSpaces() {
            while (pos < text.length() && text.charAt(pos) == ' ') {
                pos++;
            }
        }

        private char peek() {
            if (pos >= text.length()) {
                throw error("unexpected end");
            }
            return text.charAt(pos);
        }

        private void expect(char c) {
            if (peek() != c) {
                throw error("expected '" + c + "'");
            }
            pos++;
        }

        IllegalArgumentException error(String message) {
            return new IllegalArgumentException("invalid intrinsic function '" + text + "' at " + pos + ": " + message);
        }
    }
}
