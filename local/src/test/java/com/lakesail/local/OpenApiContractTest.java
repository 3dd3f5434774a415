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
import java.util.Comparator;
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
 * each of its examples is accepted, and each constraint it states (required, type, unknown fields,
 * maxLength, minLength, pattern, enum, minimum, maximum, minItems, maxItems, uniqueItems, in the
 * {@code oneOf} branch a discriminator picks) is refused with a 400 naming the field. Bodies go with
 * the credential the operation declares: the owner's token, or a running run's callback credential.
 *
 * <p>A new route fails here until it is documented: add an operation under {@code paths} (copy a
 * neighbour; reuse {@code components}), with an {@code example} on its request body (or
 * {@code examples}, one per variant).
 */
class OpenApiContractTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DOCUMENT = "lambdas/src/main/resources/openapi.json";
    private static final Pattern PATH_PARAM = Pattern.compile("\\{(\\w+)}");
    private static final String NOT_VALID = " not valid ";
    private static final String CALLBACKS = "/v1/callbacks/";
    private static final String CALLBACK_SCHEME = "callbackCredential";
    /** The first statement of the job whose runs the fake runtime holds running, for the callback examples. */
    private static final String HELD = "SELECT 'held for the callback examples'";

    private static final ManualClock CLOCK = new ManualClock(Instant.parse("2026-01-01T00:00:00Z"));
    private static final FakeWorkloadRuntime RUNTIME = new FakeWorkloadRuntime();
    private static final FakeSessionRuntime SESSIONS = new FakeSessionRuntime();
    private static final String SESSION_CALLBACKS = "/v1/callbacks/sessions/";
    private static LocalBackend backend;
    private static InfraSteps steps;
    private static HttpApi api;
    private static JsonNode document;
    private static Account owner;
    private static final Map<String, String> FIXTURES = new LinkedHashMap<>();

    @BeforeAll
    static void start() throws Exception {
        backend = LocalBackend.builder().port(0).inMemory().clock(CLOCK).workflowWorkers(0).requestLog(false)
                .workloadRuntime(RUNTIME).sessionRuntime(SESSIONS).start();
        steps = new InfraSteps(backend, CLOCK);
        api = steps.api();
        Response served = api.get(OpenApiDocument.PATH, null);
        assertEquals(200, served.status(), served.toString());
        document = served.json();
        owner = longLived(api.signup());
        fixtures();
    }

    /**
     * The account with a token valid for a year: each held run's callback example settles its
     * workflows, which moves the clock over the run's longest life (days), past a 90-day signup token.
     */
    private static Account longLived(Account account) {
        Response created = api.post("/v1/me/tokens", account.token(), "{\"name\":\"contract\",\"expiresInDays\":365}");
        assertEquals(201, created.status(), created.toString());
        return new Account(created.json().path("secret").asText(), account.userId(), account.organizationId(), account.email());
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

        // Grouped by path, so the operations of one path object read together.
        List<String> missing = routes.keySet().stream().filter(k -> !documented.contains(k))
                .sorted(Comparator.comparing((String k) -> k.split(" ")[1]).thenComparing(k -> k.split(" ")[0]))
                .map(k -> k + "  → add paths[\"" + k.split(" ")[1] + "\"]." + k.split(" ")[0].toLowerCase(Locale.ROOT)).toList();
        List<String> extra = documented.stream().filter(k -> !routes.containsKey(k)).toList();
        assertTrue(missing.isEmpty() && extra.isEmpty(), "\n" + DOCUMENT + " and the router disagree."
                + (missing.isEmpty() ? "" : "\nRoutes the document lacks (document each; copy a neighbour):\n  " + String.join("\n  ", missing))
                + (extra.isEmpty() ? "" : "\nOperations no route serves (remove them, or add the route):\n  " + String.join("\n  ", extra)));

        for (Map.Entry<String, Route> entry : routes.entrySet()) {
            JsonNode operation = operation(entry.getKey());
            Route route = entry.getValue();
            Set<String> expected = route.authenticated() ? Set.of("bearer")
                    : route.template().startsWith(CALLBACKS) ? Set.of(CALLBACK_SCHEME) : Set.of();
            assertEquals(expected, securitySchemes(operation), entry.getKey() + ": security is the bearer token (the"
                    + " document's default) when the route takes a user token, [{\"" + CALLBACK_SCHEME + "\": []}] for a"
                    + " runner's callback, [] when it takes no credential");
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
            Map<String, JsonNode> examples = examples(content);
            if (examples.isEmpty()) {
                tests.add(dynamicTest(key, () -> assertFalse(examples.isEmpty(), key
                        + ": give its request body an example (or examples, one per variant) in " + DOCUMENT)));
            }
            examples.forEach((name, value) -> tests.add(dynamicTest(key + (name.isEmpty() ? "" : " (" + name + ")"),
                    () -> sendAsDocumented(key, operation, content, (ObjectNode) value.deepCopy()))));
        });
        return tests.stream();
    }

    /** The example, and each constraint broken in turn, sent with the credential the operation declares. */
    private static void sendAsDocumented(String key, JsonNode operation, JsonNode content, ObjectNode documented) {
        String[] methodAndPath = key.split(" ", 2);
        ObjectNode example = substituteFixtures(documented);
        Caller caller = !securitySchemes(operation).contains(CALLBACK_SCHEME) ? new Caller(owner.token(), Map.of())
                : methodAndPath[1].startsWith(SESSION_CALLBACKS) ? sessionCallback(example) : runCallback(example);
        String path = concretePath(methodAndPath[1], caller.fixtures());
        JsonNode schema = resolve(content.path("schema"));
        List<Violation> violations = new ArrayList<>();
        violations(schema, example, "", violations);
        assertFalse(violations.isEmpty(), key + " documents no constraint on its body");
        for (Violation violation : violations) {
            ObjectNode body = example.deepCopy();
            violation.apply().accept(body);
            Response response = api.send(methodAndPath[0], path, caller.token(), body.toString());
            String where = key + " with " + violation.description() + " (" + body + ") answered " + response;
            assertEquals(400, response.status(), where);
            assertEquals("ValidationError", response.json().path("error").path("code").asText(), where);
            assertTrue(response.fields().stream().anyMatch(f -> f.equals(violation.field())
                    || f.startsWith(violation.field() + "[") || f.startsWith(violation.field() + ".")),
                    "the 400 does not name " + violation.field() + ": " + where);
        }
        // A 404 or 409 can be the fixtures' state (a stale version, an unknowable token); a refused body or
        // credential cannot.
        Response valid = api.send(methodAndPath[0], path, caller.token(), example.toString());
        assertTrue(!Set.of(400, 401, 403).contains(valid.status()) && valid.status() < 500
                && operation.path("responses").has(String.valueOf(valid.status())),
                key + ": its documented example " + example + " was refused, or answered an undocumented status: "
                        + valid);
        steps.settle();
    }

    /** Who sends a body: a token, and the fixtures its path takes besides the shared ones. */
    private record Caller(String token, Map<String, String> fixtures) {
    }

    /**
     * A run held running by the fake runtime, fresh for each example (reports may end it), and the
     * credential that may send {@code event}: the Sail watcher's for {@code sail_*}, else the runner's.
     */
    private static Caller runCallback(ObjectNode event) {
        Response run = api.post(InfraSteps.path(owner.organizationId(), "/jobs/" + FIXTURES.get("heldJobId") + "/runs"),
                owner.token(), null);
        assertEquals(201, run.status(), run.toString());
        String runId = run.json().path("id").asText();
        steps.runReady();
        assertEquals("running", api.get(InfraSteps.path(owner.organizationId(), "/job-runs/" + runId), owner.token())
                .json().path("status").asText(), "the held run reached running");
        boolean sail = event.path("type").asText().startsWith("sail_");
        String token = sail ? RUNTIME.sailOf(runId).callback().token() : RUNTIME.runner(runId).callback().token();
        return new Caller(token, Map.of("runId", runId));
    }

    /**
     * A session fresh for each example (a report may end it), active, with a statement held running
     * that the example's {@code statementId} names, and its server's credential.
     */
    private static Caller sessionCallback(ObjectNode event) {
        String sessionId = activeSession();
        Response held = api.post(InfraSteps.path(owner.organizationId(), "/sessions/" + sessionId + "/statements"),
                owner.token(), "{\"sql\":\"HOLD for the callback examples\",\"waitSeconds\":0}");
        assertEquals(201, held.status(), held.toString());
        if (event.has("statementId")) {
            event.put("statementId", held.json().path("id").asText());
        }
        return new Caller(SESSIONS.spec(sessionId).callback().token(), Map.of("sessionId", sessionId));
    }

    /** Opens a session the fake engine reports ready, and moves its workflow on to the wait for its end. */
    private static String activeSession() {
        Response created = api.post(InfraSteps.path(owner.organizationId(), "/sessions"), owner.token(),
                "{\"clusterId\":\"" + FIXTURES.get("clusterId") + "\"}");
        assertEquals(201, created.status(), created.toString());
        String sessionId = created.json().path("id").asText();
        for (int i = 0; i < 200; i++) {
            steps.runReady();
            JsonNode session = api.get(InfraSteps.path(owner.organizationId(), "/sessions/" + sessionId), owner.token()).json();
            if (session.path("status").asText().equals("active")) {
                steps.runReady();
                return sessionId;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("session " + sessionId + " did not become active");
    }

    // ---- the constraints a schema documents, as bodies that break one each

    private record Violation(String field, String description, Consumer<ObjectNode> apply) {
    }

    /** Every constraint of {@code schema} that the example's shape reaches, as one broken body each. */
    private static void violations(JsonNode variants, ObjectNode example, String prefix, List<Violation> out) {
        JsonNode schema = branch(variants, example, prefix);
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

    /** The {@code oneOf} branch the example's discriminator names; a schema without {@code oneOf} as it is. */
    private static JsonNode branch(JsonNode schema, ObjectNode example, String prefix) {
        if (!schema.has("oneOf")) {
            return schema;
        }
        String property = schema.path("discriminator").path("propertyName").asText(null);
        assertNotNull(property, prefix + ": a oneOf needs a discriminator (propertyName and mapping) for its examples"
                + " to be checked");
        String value = example.path(property).asText();
        JsonNode target = schema.path("discriminator").path("mapping").path(value);
        assertTrue(target.isTextual(), prefix + property + " = '" + value + "' is in no discriminator mapping of " + schema);
        return resolve(JSON.createObjectNode().put("$ref", target.asText()));
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
        // The job the examples act on is the one the document's create example makes, so its run example fits.
        JsonNode createJob = operation("POST /v1/orgs/{orgId}/jobs").path("requestBody").path("content")
                .path("application/json").path("example");
        assertFalse(createJob.isMissingNode(), "POST /v1/orgs/{orgId}/jobs: its example makes the job fixture");
        FIXTURES.put("jobId", created(InfraSteps.path(org, "/jobs"), substituteFixtures(createJob.deepCopy()).toString()));
        JsonNode createQuery = operation("POST /v1/orgs/{orgId}/queries").path("requestBody").path("content")
                .path("application/json").path("example");
        assertFalse(createQuery.isMissingNode(), "POST /v1/orgs/{orgId}/queries: its example makes the query fixture");
        FIXTURES.put("queryId", created(InfraSteps.path(org, "/queries"), substituteFixtures(createQuery.deepCopy()).toString()));
        FIXTURES.put("sessionId", activeSession());
        Response statement = api.post(InfraSteps.path(org, "/sessions/" + FIXTURES.get("sessionId") + "/statements"),
                owner.token(), "{\"sql\":\"SELECT 1\",\"waitSeconds\":10}");
        assertEquals(201, statement.status(), statement.toString());
        FIXTURES.put("statementId", statement.json().path("id").asText());
        RUNTIME.script(HELD, FakeWorkloadRuntime.Runner.held());
        FIXTURES.put("heldJobId", created(InfraSteps.path(org, "/jobs"), "{\"name\":\"held\",\"definition\":"
                + "{\"clusterId\":\"" + FIXTURES.get("clusterId") + "\",\"entrypoint\":{\"type\":\"sql\",\"statements\":[\""
                + HELD + "\"]}}}"));
    }

    private static String created(String path, String body) {
        Response response = api.post(path, owner.token(), body);
        assertEquals(201, response.status(), path + ": " + response);
        return response.json().path("id").asText();
    }

    private static String concretePath(String template, Map<String, String> own) {
        Matcher m = PATH_PARAM.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = own.getOrDefault(m.group(1), FIXTURES.get(m.group(1)));
            assertNotNull(value, template + ": no fixture for {" + m.group(1) + "}; " + (template.startsWith(CALLBACKS)
                    ? "a runner's callback is sent for a fresh run once it declares security [{\"" + CALLBACK_SCHEME + "\": []}]"
                    : "add one to fixtures()"));
            m.appendReplacement(out, value);
        }
        return m.appendTail(out).toString();
    }

    /**
     * Ids in examples name the fixtures: a cloudAccountId field becomes the fixture account, each id
     * of a catalogIds array the fixture catalog, and so on.
     */
    private static ObjectNode substituteFixtures(ObjectNode example) {
        for (Iterator<Map.Entry<String, JsonNode>> it = example.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String one = field.getKey().endsWith("Ids") ? field.getKey().substring(0, field.getKey().length() - 1) : null;
            if (field.getValue().isObject()) {
                substituteFixtures((ObjectNode) field.getValue());
            } else if (field.getValue().isArray() && FIXTURES.containsKey(one)) {
                ArrayNode ids = (ArrayNode) field.getValue();
                for (int i = 0; i < ids.size(); i++) {
                    ids.set(i, JSON.getNodeFactory().textNode(FIXTURES.get(one)));
                }
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

    /** The media type's example (named "") or its named examples' values. */
    private static Map<String, JsonNode> examples(JsonNode content) {
        Map<String, JsonNode> examples = new LinkedHashMap<>();
        if (content.has("example")) {
            examples.put("", content.get("example"));
        }
        content.path("examples").fields()
                .forEachRemaining(e -> examples.put(e.getKey(), resolve(e.getValue()).path("value")));
        return examples;
    }

    /** The schemes an operation takes: its own security, else the document's. */
    private static Set<String> securitySchemes(JsonNode operation) {
        JsonNode security = operation.has("security") ? operation.get("security") : document.path("security");
        Set<String> schemes = new TreeSet<>();
        security.forEach(requirement -> requirement.fieldNames().forEachRemaining(schemes::add));
        return schemes;
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
