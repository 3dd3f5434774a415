package com.lakesail.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.lakesail.backend.api.OpenApiDocument;
import com.lakesail.backend.api.Route;
import com.lakesail.local.HttpApi.Account;
import com.lakesail.local.HttpApi.Response;
import com.lakesail.local.workflow.ManualClock;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The OpenAPI document ({@code lambdas/src/main/resources/openapi.json}) against the running API: it
 * is served unauthenticated, is a valid OpenAPI 3.1 document, names exactly the router's routes (with
 * their security and create semantics), and every request body it documents behaves as documented:
 * its example passes validation, and each constraint it states (required, type, unknown fields,
 * maxLength, minLength, pattern, enum, minimum, maximum, minItems, maxItems, uniqueItems) is refused
 * with a 400 naming the field.
 *
 * <p>A new route fails here until it is documented: add an operation under {@code paths} (copy a
 * neighbour; reuse {@code components}), with an {@code example} on its request body.
 */
class OpenApiContractTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DOCUMENT = "lambdas/src/main/resources/openapi.json";
    private static final Pattern PATH_PARAM = Pattern.compile("\\{(\\w+)}");
    private static final String NOT_VALID = " not valid ";

    private static final ManualClock CLOCK = new ManualClock(Instant.parse("2026-01-01T00:00:00Z"));
    private static LocalBackend backend;
    private static InfraSteps steps;
    private static HttpApi api;
    private static JsonNode document;
    private static Account owner;
    private static final Map<String, String> FIXTURES = new LinkedHashMap<>();

    @BeforeAll
    static void start() throws Exception {
        backend = LocalBackend.builder().port(0).inMemory().clock(CLOCK).workflowWorkers(0).requestLog(false).start();
        steps = new InfraSteps(backend, CLOCK);
        api = steps.api();
        Response served = api.get(OpenApiDocument.PATH, null);
        assertEquals(200, served.status(), served.toString());
        document = served.json();
        owner = api.signup();
        fixtures();
    }

    @AfterAll
    static void stop() {
        backend.close();
    }

    @Test
    void openApiJson_whenRequestedWithoutAToken_isServedAsTheDocument() {
        Response served = api.get(OpenApiDocument.PATH, null);

        assertEquals(200, served.status());
        assertEquals("application/json", served.header("Content-Type").orElseThrow());
        assertEquals(OpenApiDocument.text(), served.body());
        assertEquals("3.1.0", document.path("openapi").asText());
    }

    @Test
    void document_whenParsed_isAValidOpenApi31Document() {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult result = new OpenAPIV3Parser().readContents(OpenApiDocument.text(), null, options);

        assertNotNull(result.getOpenAPI(), String.valueOf(result.getMessages()));
        assertEquals(List.of(), result.getMessages(), DOCUMENT + " is not a valid OpenAPI 3.1 document");
        assertEquals("V31", result.getOpenAPI().getSpecVersion().name());
        Set<String> operationIds = new TreeSet<>();
        forEachOperation((key, operation) -> assertTrue(operationIds.add(operation.path("operationId").asText(key)),
                "operationId used twice: " + operation.path("operationId").asText()));
        List<String> dangling = new ArrayList<>();
        collectRefs(document, dangling);
        assertEquals(List.of(), dangling, "$refs that resolve to nothing in " + DOCUMENT);
    }

    @Test
    void document_whenComparedWithTheRouter_documentsEveryRouteAndNoOther() {
        Map<String, Route> routes = new LinkedHashMap<>();
        backend.api().router().routes().forEach(r -> routes.put(r.method() + " " + r.template(), r));
        Set<String> documented = new TreeSet<>();
        forEachOperation((key, operation) -> documented.add(key));

        List<String> missing = routes.keySet().stream().filter(k -> !documented.contains(k)).sorted()
                .map(k -> k + "  → add paths[\"" + k.split(" ")[1] + "\"]." + k.split(" ")[0].toLowerCase(Locale.ROOT)).toList();
        List<String> extra = documented.stream().filter(k -> !routes.containsKey(k)).toList();
        assertTrue(missing.isEmpty() && extra.isEmpty(), "\n" + DOCUMENT + " and the router disagree."
                + (missing.isEmpty() ? "" : "\nRoutes the document lacks (document each; copy a neighbour):\n  " + String.join("\n  ", missing))
                + (extra.isEmpty() ? "" : "\nOperations no route serves (remove them, or add the route):\n  " + String.join("\n  ", extra)));

        for (Map.Entry<String, Route> entry : routes.entrySet()) {
            JsonNode operation = operation(entry.getKey());
            Route route = entry.getValue();
            boolean open = operation.path("security").isArray() && operation.path("security").isEmpty();
            assertEquals(!route.authenticated(), open, entry.getKey() + ": security [] exactly when the route needs no token");
            if (route.create()) {
                assertTrue(operation.path("responses").has("201"), entry.getKey() + " creates: document its 201");
                assertTrue(operation.path("parameters").toString().contains("IdempotencyKey"),
                        entry.getKey() + " creates: document the Idempotency-Key header (#/components/parameters/IdempotencyKey)");
            }
            Matcher params = PATH_PARAM.matcher(route.template());
            while (params.find()) {
                assertTrue(parameterNames(operation).contains(params.group(1)), entry.getKey() + ": document path parameter "
                        + params.group(1));
            }
            assertTrue(operation.path("responses").has("500"), entry.getKey() + ": document the error responses");
        }
    }

    @TestFactory
    Stream<DynamicTest> requestBodies_whenSentAsDocumented_passAndEachDocumentedConstraintIsRefusedNamingTheField() {
        List<DynamicTest> tests = new ArrayList<>();
        forEachOperation((key, operation) -> {
            JsonNode content = operation.path("requestBody").path("content").path("application/json");
            if (content.isMissingNode()) {
                return;
            }
            tests.add(dynamicTest(key, () -> {
                assertTrue(content.has("example"), key + ": give its request body an example in " + DOCUMENT);
                String[] methodAndPath = key.split(" ", 2);
                String path = concretePath(methodAndPath[1]);
                ObjectNode example = substituteFixtures((ObjectNode) content.get("example").deepCopy());
                JsonNode schema = resolve(content.path("schema"));
                List<Violation> violations = new ArrayList<>();
                violations(schema, example, "", violations);
                assertFalse(violations.isEmpty(), key + " documents no constraint on its body");
                for (Violation violation : violations) {
                    ObjectNode body = example.deepCopy();
                    violation.apply().accept(body);
                    Response response = api.send(methodAndPath[0], path, owner.token(), body.toString());
                    String where = key + " with " + violation.description() + " (" + body + ") answered " + response;
                    assertEquals(400, response.status(), where);
                    assertEquals("ValidationError", response.json().path("error").path("code").asText(), where);
                    assertTrue(response.fields().stream().anyMatch(f -> f.equals(violation.field())
                            || f.startsWith(violation.field() + "[") || f.startsWith(violation.field() + ".")),
                            "the 400 does not name " + violation.field() + ": " + where);
                }
                Response valid = api.send(methodAndPath[0], path, owner.token(), example.toString());
                assertTrue(valid.status() != 400 && valid.status() < 500, key + ": its documented example " + example
                        + " was refused: " + valid);
                steps.settle();
            }));
        });
        return tests.stream();
    }

    // ---- the constraints a schema documents, as bodies that break one each

    private record Violation(String field, String description, Consumer<ObjectNode> apply) {
    }

    /** Every constraint of {@code schema} that the example's shape reaches, as one broken body each. */
    private static void violations(JsonNode schema, ObjectNode example, String prefix, List<Violation> out) {
        for (JsonNode required : schema.path("required")) {
            String name = required.asText();
            out.add(new Violation(prefix + name, "required " + prefix + name + " left out", body -> at(body, prefix).remove(name)));
        }
        if (schema.path("additionalProperties").isBoolean() && !schema.path("additionalProperties").asBoolean()) {
            out.add(new Violation(prefix + "unexpectedField", "an unknown field",
                    body -> at(body, prefix).put("unexpectedField", 1)));
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = schema.path("properties").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> property = it.next();
            String name = property.getKey();
            JsonNode value = example.get(name);
            if (value == null) {
                continue;
            }
            JsonNode p = resolve(property.getValue());
            String field = prefix + name;
            String type = p.path("type").isArray() ? p.path("type").get(0).asText() : p.path("type").asText();
            switch (type) {
                case "object" -> {
                    out.add(new Violation(field, field + " not an object", body -> at(body, prefix).put(name, "x")));
                    violations(p, (ObjectNode) value, field + ".", out);
                }
                case "array" -> arrayViolations(p, (ArrayNode) value, prefix, name, out);
                case "integer" -> {
                    out.add(new Violation(field, field + " not an integer", body -> at(body, prefix).put(name, "1")));
                    if (p.has("minimum")) {
                        long below = p.path("minimum").asLong() - 1;
                        out.add(new Violation(field, field + " = " + below, body -> at(body, prefix).put(name, below)));
                    }
                    if (p.has("maximum")) {
                        long above = p.path("maximum").asLong() + 1;
                        out.add(new Violation(field, field + " = " + above, body -> at(body, prefix).put(name, above)));
                    }
                }
                case "string" -> stringViolations(p, field, text -> body -> at(body, prefix).put(name, text), out);
                default -> {
                }
            }
        }
    }

    private static void arrayViolations(JsonNode p, ArrayNode value, String prefix, String name, List<Violation> out) {
        String field = prefix + name;
        out.add(new Violation(field, field + " not an array", body -> at(body, prefix).put(name, "x")));
        JsonNode first = value.isEmpty() ? JSON.getNodeFactory().textNode("x") : value.get(0);
        if (p.has("maxItems")) {
            int count = p.path("maxItems").asInt() + 1;
            out.add(new Violation(field, count + " items in " + field, body -> {
                ArrayNode many = at(body, prefix).putArray(name);
                for (int i = 0; i < count; i++) {
                    many.add(first.isTextual() ? JSON.getNodeFactory().textNode(first.asText() + i) : first);
                }
            }));
        }
        if (p.has("minItems") && p.path("minItems").asInt() > 0) {
            int count = p.path("minItems").asInt() - 1;
            out.add(new Violation(field, count + " items in " + field, body -> {
                ArrayNode few = at(body, prefix).putArray(name);
                for (int i = 0; i < count; i++) {
                    few.add(value.get(i));
                }
            }));
        }
        if (p.path("uniqueItems").asBoolean(false)) {
            out.add(new Violation(field, "a repeated item in " + field, body -> at(body, prefix).putArray(name).add(first).add(first)));
        }
        JsonNode items = resolve(p.path("items"));
        if (items.path("type").asText().equals("string") && !value.isEmpty()) {
            stringViolations(items, field, text -> body -> ((ArrayNode) at(body, prefix).get(name)).set(0, text), out);
        }
    }

    private static void stringViolations(JsonNode p, String field,
                                         java.util.function.Function<String, Consumer<ObjectNode>> put, List<Violation> out) {
        if (p.has("maxLength")) {
            String tooLong = "x".repeat(p.path("maxLength").asInt() + 1);
            out.add(new Violation(field, field + " of " + tooLong.length() + " characters", put.apply(tooLong)));
        }
        if (p.path("minLength").asInt(0) > 0) {
            out.add(new Violation(field, field + " empty", put.apply("")));
        }
        if (p.has("pattern") || p.has("enum")) {
            out.add(new Violation(field, field + " = '" + NOT_VALID + "'", put.apply(NOT_VALID)));
        }
    }

    private static ObjectNode at(ObjectNode body, String prefix) {
        ObjectNode node = body;
        for (String part : prefix.split("\\.")) {
            if (!part.isEmpty()) {
                node = (ObjectNode) node.get(part);
            }
        }
        return node;
    }

    // ---- a world the examples can act on

    private static void fixtures() {
        String org = owner.organizationId();
        FIXTURES.put("orgId", org);
        String account = steps.activeAccount(owner.token(), org, "contract", InfraSteps.AWS_ACCOUNT);
        FIXTURES.put("cloudAccountId", account);
        String network = steps.activeNetwork(owner.token(), org, account, "contract", "10.50.0.0/16");
        FIXTURES.put("networkId", network);
        FIXTURES.put("clusterId", steps.activeCluster(owner.token(), org, network, "contract"));
        FIXTURES.put("teamId", created(InfraSteps.path(org, "/teams"), "{\"name\":\"contract\"}"));
        FIXTURES.put("roleId", created(InfraSteps.path(org, "/roles"),
                "{\"name\":\"contract\",\"permissions\":[\"clusters:read\"]}"));
        FIXTURES.put("tokenId", created("/v1/me/tokens", "{\"name\":\"contract\"}"));
        FIXTURES.put("invitationId", created(InfraSteps.path(org, "/invitations"), "{\"email\":\"invitee@example.com\"}"));
        FIXTURES.put("catalogId", created(InfraSteps.path(org, "/catalogs"),
                "{\"name\":\"contract\",\"kind\":\"iceberg\",\"config\":{\"location\":\"s3://contract/lake\"}}"));
        JsonNode members = api.get(InfraSteps.path(org, "/members"), owner.token()).json();
        FIXTURES.put("memberId", members.path("items").get(0).path("id").asText());
        FIXTURES.put("bindingId", created(InfraSteps.path(org, "/role-bindings"), "{\"roleId\":\"viewer\",\"subject\":"
                + "{\"type\":\"team\",\"id\":\"" + FIXTURES.get("teamId") + "\"}}"));
    }

    private static String created(String path, String body) {
        Response response = api.post(path, owner.token(), body);
        assertEquals(201, response.status(), path + ": " + response);
        return response.json().path("id").asText();
    }

    private static String concretePath(String template) {
        Matcher m = PATH_PARAM.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = FIXTURES.get(m.group(1));
            assertNotNull(value, template + ": no fixture for {" + m.group(1) + "}; add one to fixtures()");
            m.appendReplacement(out, value);
        }
        return m.appendTail(out).toString();
    }

    /** Ids in examples name the fixtures: a cloudAccountId field becomes the fixture account, and so on. */
    private static ObjectNode substituteFixtures(ObjectNode example) {
        for (Iterator<Map.Entry<String, JsonNode>> it = example.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (field.getValue().isObject()) {
                substituteFixtures((ObjectNode) field.getValue());
            } else if (field.getValue().isTextual() && FIXTURES.containsKey(field.getKey()) && !field.getKey().equals("roleId")) {
                field.setValue(JSON.getNodeFactory().textNode(FIXTURES.get(field.getKey())));
            }
        }
        if (example.path("type").asText().equals("team") && example.has("id")) {
            example.put("id", FIXTURES.get("teamId"));
        }
        return example;
    }

    // ---- reading the document

    private interface OperationVisitor {
        void visit(String key, JsonNode operation);
    }

    private static void forEachOperation(OperationVisitor visitor) {
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                if (Set.of("get", "put", "post", "delete", "patch", "head", "options").contains(op.getKey())) {
                    visitor.visit(op.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey(), op.getValue());
                }
            }
        }
    }

    private static JsonNode operation(String key) {
        String[] parts = key.split(" ", 2);
        return document.path("paths").path(parts[1]).path(parts[0].toLowerCase(Locale.ROOT));
    }

    private static Set<String> parameterNames(JsonNode operation) {
        Set<String> names = new TreeSet<>();
        operation.path("parameters").forEach(p -> names.add(resolve(p).path("name").asText()));
        return names;
    }

    /** A {@code $ref} to this document's components, followed; anything else as it is. */
    private static JsonNode resolve(JsonNode node) {
        JsonNode current = node;
        while (current.has("$ref")) {
            JsonNode target = document.at(current.get("$ref").asText().substring(1));
            assertFalse(target.isMissingNode(), "dangling " + current.get("$ref"));
            current = target;
        }
        return current;
    }

    private static void collectRefs(JsonNode node, List<String> dangling) {
        if (node.isObject()) {
            if (node.has("$ref") && document.at(node.get("$ref").asText().substring(1)).isMissingNode()) {
                dangling.add(node.get("$ref").asText());
            }
            node.elements().forEachRemaining(child -> collectRefs(child, dangling));
        } else if (node.isArray()) {
            node.forEach(child -> collectRefs(child, dangling));
        }
    }
}
