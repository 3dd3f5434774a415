package com.lakesail.local.workflow.data;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.StringTokenizer;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/** The {@code States.*} intrinsic functions. A bad argument fails the state with States.IntrinsicFailure. */
final class IntrinsicFunctions {
    private static final int MAX_ARRAY = 1000;
    private static final int MAX_STRING = 10_000;
    private static final Map<String, int[]> ARITY = Map.ofEntries(
            Map.entry("Format", new int[] {1, Integer.MAX_VALUE}),
            Map.entry("StringToJson", new int[] {1, 1}),
            Map.entry("JsonToString", new int[] {1, 1}),
            Map.entry("Array", new int[] {0, Integer.MAX_VALUE}),
            Map.entry("ArrayPartition", new int[] {2, 2}),
            Map.entry("ArrayContains", new int[] {2, 2}),
            Map.entry("ArrayRange", new int[] {3, 3}),
            Map.entry("ArrayGetItem", new int[] {2, 2}),
            Map.entry("ArrayLength", new int[] {1, 1}),
            Map.entry("ArrayUnique", new int[] {1, 1}),
            Map.entry("Base64Encode", new int[] {1, 1}),
            Map.entry("Base64Decode", new int[] {1, 1}),
            Map.entry("Hash", new int[] {2, 2}),
            Map.entry("JsonMerge", new int[] {3, 3}),
            Map.entry("MathRandom", new int[] {2, 3}),
            Map.entry("MathAdd", new int[] {2, 2}),
            Map.entry("StringSplit", new int[] {2, 2}),
            Map.entry("UUID", new int[] {0, 0}));
    private static final Map<String, String> HASH_ALGORITHMS = Map.of(
            "MD5", "MD5", "SHA-1", "SHA-1", "SHA-256", "SHA-256", "SHA-384", "SHA-384", "SHA-512", "SHA-512");

    private IntrinsicFunctions() {
    }

    static void checkName(String name) {
        if (!ARITY.containsKey(name)) {
            throw new IllegalArgumentException("unknown intrinsic function States." + name);
        }
    }

    static void checkArity(String name, int count) {
        int[] range = ARITY.get(name);
        if (count < range[0] || count > range[1]) {
            throw new IllegalArgumentException("States." + name + " takes "
                    + (range[0] == range[1] ? String.valueOf(range[0]) : range[1] == Integer.MAX_VALUE
                    ? "at least " + range[0] : range[0] + " to " + range[1]) + " arguments, not " + count);
        }
    }

    static JsonNode invoke(Intrinsic.Call call, JsonNode input, Supplier<JsonNode> context) {
        List<JsonNode> args = new ArrayList<>(call.args().size());
        for (Intrinsic.Arg arg : call.args()) {
            args.add(arg.evaluate(input, context));
        }
        String name = call.name();
        return switch (name) {
            case "Format" -> format(call.args().get(0), args);
            case "StringToJson" -> stringToJson(string(name, args, 0));
            case "JsonToString" -> Json.NODES.textNode(Json.write(args.get(0)));
            case "Array" -> array(args);
            case "ArrayPartition" -> partition(array(name, args, 0), positiveInt(name, args, 1));
            case "ArrayContains" -> Json.NODES.booleanNode(contains(array(name, args, 0), args.get(1)));
            case "ArrayRange" -> range(integer(name, args, 0), integer(name, args, 1), integer(name, args, 2));
            case "ArrayGetItem" -> item(array(name, args, 0), integer(name, args, 1));
            case "ArrayLength" -> Json.NODES.numberNode(array(name, args, 0).size());
            case "ArrayUnique" -> unique(array(name, args, 0));
            case "Base64Encode" -> Json.NODES.textNode(Base64.getEncoder().encodeToString(
                    limited(name, string(name, args, 0)).getBytes(StandardCharsets.UTF_8)));
            case "Base64Decode" -> base64Decode(limited(name, string(name, args, 0)));
            case "Hash" -> hash(args.get(0), string(name, args, 1));
            case "JsonMerge" -> merge(object(name, args, 0), object(name, args, 1), args.get(2));
            case "MathRandom" -> random(args);
            case "MathAdd" -> Json.NODES.numberNode(mathAdd(args));
            case "StringSplit" -> split(string(name, args, 0), string(name, args, 1));
            case "UUID" -> Json.NODES.textNode(UUID.randomUUID().toString());
            default -> throw new IllegalStateException("States." + name);
        };
    }

    /** {@code {}} is a placeholder; in a literal template, {@code \{} and {@code \}} are plain braces. */
    private static JsonNode format(Intrinsic.Arg templateArg, List<JsonNode> args) {
        String template;
        boolean escapes = templateArg instanceof Intrinsic.Literal literal && literal.value().isTextual();
        if (escapes) {
            template = ((Intrinsic.Literal) templateArg).raw();
        } else if (args.get(0).isTextual()) {
            template = args.get(0).textValue();
        } else {
            throw StateFailure.intrinsic("The first argument of States.Format must be a string");
        }
        StringBuilder out = new StringBuilder();
        int next = 1;
        for (int i = 0; i < template.length(); i++) {
            char c = template.charAt(i);
            if (escapes && c == '\\' && i + 1 < template.length()) {
                out.append(template.charAt(++i));
            } else if (c == '{' && i + 1 < template.length() && template.charAt(i + 1) == '}') {
                if (next >= args.size()) {
                    throw StateFailure.intrinsic("States.Format has more placeholders than arguments");
                }
                out.append(text(args.get(next++)));
                i++;
            } else {
                out.append(c);
            }
        }
        if (next != args.size()) {
            throw StateFailure.intrinsic("States.Format has more arguments than placeholders");
        }
        return Json.NODES.textNode(out.toString());
    }

    private static String text(JsonNode value) {
        if (value.isTextual()) {
            return value.textValue();
        }
        if (value.isBigDecimal()) {
            return value.decimalValue().toPlainString();
        }
        return value.isValueNode() ? value.asText() : Json.write(value);
    }

    private static JsonNode stringToJson(String text) {
        try {
            return Json.MAPPER.readTree(text);
        } catch (java.io.IOException e) {
            throw StateFailure.intrinsic("States.StringToJson: the argument is not valid JSON: " + text);
        }
    }

    private static ArrayNode array(List<JsonNode> values) {
        ArrayNode array = Json.MAPPER.createArrayNode();
        values.forEach(array::add);
        return array;
    }

    private static JsonNode partition(ArrayNode array, int size) {
        ArrayNode out = Json.MAPPER.createArrayNode();
        for (int i = 0; i < array.size(); i += size) {
            ArrayNode chunk = out.addArray();
            for (int j = i; j < Math.min(i + size, array.size()); j++) {
                chunk.add(array.get(j));
            }
        }
        return out;
    }

    private static boolean contains(ArrayNode array, JsonNode value) {
        for (JsonNode element : array) {
            if (JsonValues.equal(element, value)) {
                return true;
            }
        }
        return false;
    }

    private static JsonNode range(long first, long last, long step) {
        if (step == 0) {
            throw StateFailure.intrinsic("States.ArrayRange: the step must not be 0");
        }
        long count = (last - first) / step + 1;
        if (count > MAX_ARRAY) {
            throw StateFailure.intrinsic("States.ArrayRange: the range has more than " + MAX_ARRAY + " items");
        }
        ArrayNode out = Json.MAPPER.createArrayNode();
        for (long v = first; step > 0 ? v <= last : v >= last; v += step) {
            out.add(v);
        }
        return out;
    }

    private static JsonNode item(ArrayNode array, long index) {
        if (index < 0 || index >= array.size()) {
            throw StateFailure.intrinsic("States.ArrayGetItem: index " + index + " is out of bounds for an array of "
                    + array.size());
        }
        return array.get((int) index);
    }

    private static JsonNode unique(ArrayNode array) {
        Set<JsonNode> seen = new LinkedHashSet<>();
        ArrayNode out = Json.MAPPER.createArrayNode();
        for (JsonNode element : array) {
            if (seen.add(JsonValues.canonical(element))) {
                out.add(element);
            }
        }
        return out;
    }

    private static JsonNode base64Decode(String text) {
        try {
            return Json.NODES.textNode(new String(Base64.getDecoder().decode(text), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            throw StateFailure.intrinsic("States.Base64Decode: the argument is not Base64: " + text);
        }
    }

    private static JsonNode hash(JsonNode data, String algorithm) {
        String javaName = HASH_ALGORITHMS.get(algorithm);
        if (javaName == null) {
            throw StateFailure.intrinsic("States.Hash: unsupported algorithm " + algorithm
                    + " (MD5, SHA-1, SHA-256, SHA-384 or SHA-512)");
        }
        String text = limited("Hash", data.isTextual() ? data.textValue() : Json.write(data));
        try {
            byte[] digest = MessageDigest.getInstance(javaName).digest(text.getBytes(StandardCharsets.UTF_8));
            return Json.NODES.textNode(HexFormat.of().formatHex(digest));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode merge(ObjectNode left, ObjectNode right, JsonNode deep) {
        if (!deep.isBoolean()) {
            throw StateFailure.intrinsic("States.JsonMerge: the third argument must be a boolean");
        }
        if (deep.booleanValue()) {
            throw StateFailure.intrinsic("States.JsonMerge: only a shallow merge (false) is supported");
        }
        ObjectNode out = Json.object();
        out.setAll(left);
        out.setAll(right);
        return out;
    }

    /** Start inclusive, end exclusive; a seed makes the result repeatable. */
    private static JsonNode random(List<JsonNode> args) {
        long start = rounded("MathRandom", args, 0);
        long end = rounded("MathRandom", args, 1);
        if (end <= start) {
            throw StateFailure.intrinsic("States.MathRandom: the end must be greater than the start");
        }
        Random random = args.size() == 3 ? new Random(rounded("MathRandom", args, 2)) : ThreadLocalRandom.current();
        return Json.NODES.numberNode(random.nextLong(start, end));
    }

    private static long mathAdd(List<JsonNode> args) {
        long sum = rounded("MathAdd", args, 0) + rounded("MathAdd", args, 1);
        if (sum < Integer.MIN_VALUE || sum > Integer.MAX_VALUE) {
            throw StateFailure.intrinsic("States.MathAdd: the sum is out of the 32-bit integer range");
        }
        return sum;
    }

    private static JsonNode split(String text, String delimiters) {
        ArrayNode out = Json.MAPPER.createArrayNode();
        StringTokenizer tokens = new StringTokenizer(text, delimiters);
        while (tokens.hasMoreTokens()) {
            out.add(tokens.nextToken());
        }
        return out;
    }

    private static String string(String function, List<JsonNode> args, int i) {
        JsonNode value = args.get(i);
        if (!value.isTextual()) {
            throw wrongType(function, i, "a string", value);
        }
        return value.textValue();
    }

    private static String limited(String function, String text) {
        if (text.length() > MAX_STRING) {
            throw StateFailure.intrinsic("States." + function + ": the input exceeds " + MAX_STRING + " characters");
        }
        return text;
    }

    private static ArrayNode array(String function, List<JsonNode> args, int i) {
        JsonNode value = args.get(i);
        if (!value.isArray()) {
            throw wrongType(function, i, "an array", value);
        }
        return (ArrayNode) value;
    }

    private static ObjectNode object(String function, List<JsonNode> args, int i) {
        JsonNode value = args.get(i);
        if (!value.isObject()) {
            throw wrongType(function, i, "an object", value);
        }
        return (ObjectNode) value;
    }

    private static long integer(String function, List<JsonNode> args, int i) {
        JsonNode value = args.get(i);
        if (!value.isNumber() || !JsonValues.isIntegral(value)) {
            throw wrongType(function, i, "an integer", value);
        }
        return value.longValue();
    }

    private static int positiveInt(String function, List<JsonNode> args, int i) {
        long value = integer(function, args, i);
        if (value <= 0 || value > Integer.MAX_VALUE) {
            throw StateFailure.intrinsic("States." + function + ": argument " + (i + 1) + " must be a positive integer");
        }
        return (int) value;
    }

    /** Numbers that are not integers are rounded half up, as Step Functions (Java) does. */
    private static long rounded(String function, List<JsonNode> args, int i) {
        JsonNode value = args.get(i);
        if (!value.isNumber()) {
            throw wrongType(function, i, "a number", value);
        }
        return value.decimalValue().setScale(0, RoundingMode.HALF_UP).longValue();
    }

    private static StateFailure wrongType(String function, int i, String expected, JsonNode value) {
        return StateFailure.intrinsic("States." + function + ": argument " + (i + 1) + " must be " + expected
                + ", not " + Json.typeName(value) + " " + Json.write(value));
    }
}
