package com.lakesail.backend.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.lakesail.backend.testing.lambda.ClassReferences;
import com.lakesail.backend.testing.lambda.FakeKms;
import com.lakesail.backend.testing.lambda.FakeRuntimeApi;
import com.lakesail.backend.testing.lambda.FunctionProcess;
import com.lakesail.backend.testing.lambda.TemplateFunctions;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every function of template.yaml, from its deployment package alone, the way Lambda runs it: the
 * package (its {@code CodeUri}) unpacked as the task root, a fresh JVM running the AWS Lambda Runtime
 * Interface Client with the runtime's own jars only, the template's environment with placeholders,
 * a Runtime API on loopback. The API function answers {@code GET /v1/me} without a token with the
 * 401 of the error format, building no AWS client for it; every other function answers a malformed
 * event with its own clear error, never a linkage error. Each runs on demand and under SnapStart
 * (hooks before the checkpoint, then the event); the API function also answers the session tokens' JWKS
 * from its KMS key (a fake KMS on loopback). The packages also keep their budgets and link:
 * every class of ours in a package finds every class it names in that package, the JDK or the runtime.
 *
 * <p>Functions are read from the template, so a function added there without a working package fails here.
 * The cluster agent (DESIGN §10), which each cluster's stack deploys in the customer's account from
 * {@code agent.jar}, is checked the same way: its package alone, the stack's handler and environment,
 * a real command answered with what the (here unreachable) cluster says.
 */
class FunctionArtifactsIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path ROOT = Path.of("").toAbsolutePath().getParent();
    private static final long MIB = 1024 * 1024;
    /** The API function's budget is tighter: its cold starts are users waiting. */
    private static final long API_BUDGET = 15 * MIB;
    private static final long FUNCTION_BUDGET = 30 * MIB;
    private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(90);
    /** The clear error each known handler gives a malformed event; others only must not fail to link. */
    private static final Map<String, String> MALFORMED_EVENT_ERRORS = Map.of(
            "com.lakesail.backend.tasks.TaskHandler", "com.lakesail.backend.tasks.StageFailedException",
            "com.lakesail.backend.events.ExecutionStatusHandler", "java.lang.IllegalArgumentException",
            "com.lakesail.backend.events.TriggerHandler", "java.lang.IllegalArgumentException");
    /** Classes that can only mean the function failed to load or link, whatever it was sent. */
    private static final List<String> LINKAGE_FAILURES = List.of("LinkageError", "NoClassDefFoundError",
            "ClassNotFoundException", "ExceptionInInitializerError", "NoSuchMethodError", "NoSuchFieldError",
            "AbstractMethodError", "IncompatibleClassChangeError", "UnsatisfiedLinkError", "VerifyError");

    @TempDir
    static Path work;

    private final List<TemplateFunctions.Function> functions = TemplateFunctions.read(ROOT.resolve("template.yaml"));
    private final TemplateFunctions.Function agent = TemplateFunctions.stackFunction(
            ROOT.resolve("lambdas/src/main/resources/cloudformation/cluster.yaml"), "Agent", "lambdas/target/lambda/agent.jar");

    @Test
    void template_whenRead_declaresTheThreeFunctionsAtLeast() {
        Set<String> ids = functions.stream().map(TemplateFunctions.Function::logicalId).collect(Collectors.toSet());
        assertTrue(ids.containsAll(Set.of("ApiFunction", "TaskFunction", "EventsFunction")), ids.toString());
        assertEquals(1, functions.stream().filter(TemplateFunctions.Function::isApi).count(), "one function behind the API");
    }

    @TestFactory
    Stream<DynamicTest> everyFunction_whenPackaged_keepsItsBudgetAndLinks() {
        return Stream.concat(functions.stream(), Stream.of(agent)).map(fn -> dynamicTest(fn.logicalId(), () -> {
            Path artifact = artifact(fn);
            long budget = fn.isApi() ? API_BUDGET : FUNCTION_BUDGET;
            assertTrue(Files.size(artifact) <= budget, fn.logicalId() + ": " + artifact + " is " + Files.size(artifact) / MIB
                    + " MiB, over its budget of " + budget / MIB + " MiB");
            Set<String> entries = entries(artifact);
            assertTrue(entries.contains(fn.handlerClass().replace('.', '/') + ".class"),
                    fn.logicalId() + ": " + artifact + " does not hold its handler " + fn.handlerClass());
            List<String> forbidden = entries.stream().filter(e -> e.startsWith("com/lakesail/local/") || e.startsWith("org/sqlite/")
                    || e.startsWith("io/netty/") || e.startsWith("org/apache/http/") || e.startsWith("org/apache/hc/")).limit(5).toList();
            assertTrue(forbidden.isEmpty(), fn.logicalId() + " holds local-only code or another HTTP client: " + forbidden);
            assertEquals(List.of(), unlinked(artifact, entries), fn.logicalId() + ": classes of ours in " + artifact
                    + " name classes it does not hold (add the library to the function's shade execution in lambdas/pom.xml,"
                    + " or keep the class out of that function's graph and package)");
        }));
    }

    @Test
    void apiFunction_whenPackaged_holdsNoCustomerCloudSdkNorKubernetesAndOneJackson() throws IOException {
        TemplateFunctions.Function api = functions.stream().filter(TemplateFunctions.Function::isApi).findFirst().orElseThrow();
        Set<String> entries = entries(artifact(api));
        for (String prefix : List.of("io/fabric8/", "software/amazon/awssdk/services/cloudformation/",
                "software/amazon/awssdk/services/eks/", "software/amazon/awssdk/services/sts/", "com/lakesail/backend/kubernetes/",
                // Schedules are synced, and the API's events published, by other functions; KMS is called through
                // the SDK's signer (KmsCalls), without the generated client.
                "software/amazon/awssdk/services/scheduler/", "software/amazon/awssdk/services/eventbridge/",
                "software/amazon/awssdk/services/kms/")) {
            assertTrue(entries.stream().noneMatch(e -> e.startsWith(prefix)), "the API function holds " + prefix);
        }
        assertTrue(entries.contains("com/fasterxml/jackson/databind/ObjectMapper.class"));
        assertTrue(entries.stream().noneMatch(e -> e.startsWith("tools/jackson/")), "a second Jackson major (3.x) in the API function");
    }

    @Test
    void clusterAgent_whenPackaged_holdsKubernetesButNoStoreWorkflowsNorAwsServiceClient() throws IOException {
        Set<String> entries = entries(artifact(agent));
        for (String prefix : List.of("software/amazon/awssdk/services/", "software/amazon/awssdk/core/",
                "com/lakesail/backend/dynamodb/", "com/lakesail/backend/service/", "com/lakesail/backend/tasks/",
                "com/lakesail/backend/aws/", "com/lakesail/engine/EngineLauncher")) {
            assertTrue(entries.stream().noneMatch(e -> e.startsWith(prefix)), "the agent holds " + prefix);
        }
        assertTrue(entries.contains("io/fabric8/kubernetes/client/jdkhttp/JdkHttpClientFactory.class"));
        assertTrue(entries.contains("com/lakesail/engine/catalog/SparkCatalogConf.class"));
    }

    /**
     * The agent from its package alone, configured as its stack configures it, runs a real command:
     * it reads its settings, signs an EKS token, opens Fabric8 over the JDK client on the cluster's
     * endpoint and CA, and answers the protocol's reply. The endpoint here is a closed loopback port,
     * so the reply is the retryable ClusterUnreachable the control plane acts on.
     */
    @Test
    void clusterAgent_whenStartedFromItsPackageAlone_answersACommandWithWhatTheClusterSaid() throws Exception {
        assertEquals(Set.of("CLUSTER_NAME", "CLUSTER_ENDPOINT", "CLUSTER_CERTIFICATE_AUTHORITY", "SAIL_IMAGE", "RUNNER_IMAGE",
                "STAGING_IMAGE", "JAVA_TOOL_OPTIONS"), agent.environment().keySet(), "the variables cluster.yaml gives the agent");
        Map<String, String> environment = new HashMap<>(agent.environment());
        environment.put("CLUSTER_ENDPOINT", "https://127.0.0.1:" + closedPort());
        environment.put("CLUSTER_CERTIFICATE_AUTHORITY", certificateAuthority());
        environment.put("AWS_ACCESS_KEY_ID", "ASIAAGENTTEST");
        environment.put("AWS_SECRET_ACCESS_KEY", "agent-test-secret");
        environment.put("AWS_SESSION_TOKEN", "agent-test-session");
        Path taskRoot = FunctionProcess.unpack(artifact(agent), work);
        Path log = work.resolve("Agent.log");
        try (FakeRuntimeApi runtime = FakeRuntimeApi.start()) {
            runtime.invoke("{\"protocol\":1,\"command\":\"bootstrap\"}");
            try (FunctionProcess ignored = FunctionProcess.start(taskRoot, agent.handler(), environment, runtime.address(),
                    FunctionProcess.RUNTIME_JVM_OPTIONS, log)) {
                FakeRuntimeApi.Outcome outcome = runtime.await(ANSWER_TIMEOUT);
                assertNotNull(outcome, "the agent did not answer; its output:\n" + read(log));
                String where = "the agent answered " + outcome + "\nits output:\n" + read(log);
                assertEquals(FakeRuntimeApi.Kind.RESPONSE, outcome.kind(), where);
                JsonNode reply = JSON.readTree(outcome.body());
                assertEquals(1, reply.path("protocol").asInt(), where);
                assertFalse(reply.path("ok").asBoolean(), where);
                assertEquals("ClusterUnreachable", reply.path("error").path("code").asText(), where);
                assertTrue(reply.path("error").path("retryable").asBoolean(), where);
                assertTrue(reply.path("agentVersion").asText().matches("\\d+\\.\\d+\\.\\d+.*"),
                        "the package names its build: " + where);
                assertTrue(read(log).contains("\"command\":\"bootstrap\""), "one log line per command: " + where);
                assertFalse(read(log).contains("agent-test-secret") || read(log).contains("agent-test-session"),
                        "no credential in the log: " + where);
            }
        }
    }

    private static int closedPort() throws IOException {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** A CA certificate as EKS reports one (base64 of the PEM), made with the JDK's keytool. */
    private static String certificateAuthority() throws Exception {
        Path store = work.resolve("ca.p12");
        Files.deleteIfExists(store);
        String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        run(keytool, "-genkeypair", "-alias", "ca", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=test-ca",
                "-validity", "2", "-ext", "bc:c", "-keystore", store.toString(), "-storepass", "changeit", "-storetype", "PKCS12");
        String pem = run(keytool, "-exportcert", "-rfc", "-alias", "ca", "-keystore", store.toString(), "-storepass", "changeit");
        assertTrue(pem.contains("BEGIN CERTIFICATE"), pem);
        return java.util.Base64.getEncoder().encodeToString(pem.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }

    private static String run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(0, process.waitFor(), String.join(" ", command) + ": " + output);
        return output;
    }

    @TestFactory
    Stream<DynamicTest> everyFunction_whenStartedFromItsPackageAlone_answersItsFirstEvent() {
        List<DynamicTest> tests = new ArrayList<>();
        for (TemplateFunctions.Function fn : functions) {
            tests.add(dynamicTest(fn.logicalId() + " on demand", () -> answers(fn, false)));
            tests.add(dynamicTest(fn.logicalId() + " under SnapStart", () -> answers(fn, true)));
        }
        return tests.stream();
    }

    private void answers(TemplateFunctions.Function fn, boolean snapStart) throws Exception {
        Path artifact = artifact(fn);
        Path taskRoot = FunctionProcess.unpack(artifact, work);
        Path log = work.resolve(fn.logicalId() + (snapStart ? "-snapstart" : "") + ".log");
        Path classes = work.resolve(fn.logicalId() + (snapStart ? "-snapstart" : "") + "-classes.log");
        List<String> jvm = new ArrayList<>(FunctionProcess.RUNTIME_JVM_OPTIONS);
        jvm.add("-Xlog:class+load=info:file=" + classes);
        Map<String, String> environment = new HashMap<>(fn.environment());
        if (snapStart) {
            jvm.addAll(FunctionProcess.SNAP_START_JVM_OPTIONS);
            environment.putAll(FunctionProcess.SNAP_START_ENVIRONMENT);
        }
        try (FakeRuntimeApi runtime = FakeRuntimeApi.start()) {
            String event = fn.isApi() ? "{\"resource\":\"/{proxy+}\",\"path\":\"/v1/me\",\"httpMethod\":\"GET\","
                    + "\"headers\":{\"Accept\":\"application/json\"},\"queryStringParameters\":null,\"body\":null,"
                    + "\"isBase64Encoded\":false}" : "{\"malformed\":true}";
            runtime.invoke(event);
            try (FunctionProcess ignored = FunctionProcess.start(taskRoot, fn.handler(), environment, runtime.address(), jvm, log)) {
                FakeRuntimeApi.Outcome outcome = runtime.await(ANSWER_TIMEOUT);
                if (snapStart) {
                    assertNotNull(outcome, fn.logicalId() + " did not reach its checkpoint; its output:\n" + read(log));
                    assertEquals(FakeRuntimeApi.Kind.CHECKPOINT, outcome.kind(), fn.logicalId() + ": " + outcome.body()
                            + "\n" + read(log));
                    outcome = runtime.await(ANSWER_TIMEOUT);
                }
                assertNotNull(outcome, fn.logicalId() + " did not answer; its output:\n" + read(log));
                String where = fn.logicalId() + " (" + artifact + ") answered " + outcome + "\nits output:\n" + read(log);
                if (fn.isApi()) {
                    assertApiUnauthenticated(outcome, where);
                    assertTrue(!snapStart || read(log).contains("primed for the snapshot"), "no priming before the checkpoint: " + where);
                    List<String> clients = read(classes).lines().filter(l -> l.contains("DefaultDynamoDbClient")
                            || l.contains("DefaultSfnClient") || l.contains("UrlConnectionHttpClient ")).toList();
                    assertEquals(List.of(), clients, fn.logicalId() + " built an AWS client for a request that needs none");
                } else {
                    assertClearError(fn, outcome, where);
                }
            }
        }
    }

    /**
     * The session token routes' KMS path from the package alone: {@code GET /v1/.well-known/jwks.json}
     * builds the KMS client, calls {@code kms:GetPublicKey} on the session signing key (a fake on
     * loopback speaking KMS's JSON protocol) and answers the key as a JWK through the JOSE library, so
     * a class of the KMS client, its protocol or the JOSE library missing from the package fails here.
     */
    @Test
    void apiFunction_whenStartedFromItsPackageAlone_answersTheJwksFromTheKmsKey() throws Exception {
        TemplateFunctions.Function api = functions.stream().filter(TemplateFunctions.Function::isApi).findFirst().orElseThrow();
        String keyArn = api.environment().get("SESSION_SIGNING_KEY_ARN");
        assertNotNull(keyArn, "the API function names its session signing key");
        Path taskRoot = FunctionProcess.unpack(artifact(api), work);
        Path log = work.resolve(api.logicalId() + "-jwks.log");
        try (FakeKms kms = FakeKms.start(keyArn); FakeRuntimeApi runtime = FakeRuntimeApi.start()) {
            Map<String, String> environment = new HashMap<>(api.environment());
            environment.put("AWS_ENDPOINT_URL_KMS", kms.endpoint());
            runtime.invoke("{\"resource\":\"/{proxy+}\",\"path\":\"/v1/.well-known/jwks.json\",\"httpMethod\":\"GET\","
                    + "\"headers\":{\"Accept\":\"application/json\"},\"queryStringParameters\":null,\"body\":null,"
                    + "\"isBase64Encoded\":false}");
            try (FunctionProcess ignored = FunctionProcess.start(taskRoot, api.handler(), environment, runtime.address(),
                    FunctionProcess.RUNTIME_JVM_OPTIONS, log)) {
                FakeRuntimeApi.Outcome outcome = runtime.await(ANSWER_TIMEOUT);
                assertNotNull(outcome, "the API function did not answer; its output:\n" + read(log));
                String where = "answered " + outcome + "\nKMS calls: " + kms.calls + "\nits output:\n" + read(log);
                assertEquals(FakeRuntimeApi.Kind.RESPONSE, outcome.kind(), where);
                JsonNode response = JSON.readTree(outcome.body());
                assertEquals(200, response.path("statusCode").asInt(), where);
                JsonNode keys = JSON.readTree(response.path("body").asText()).path("keys");
                assertEquals(1, keys.size(), where);
                JsonNode jwk = keys.get(0);
                assertEquals("EC", jwk.path("kty").asText(), where);
                assertEquals("P-256", jwk.path("crv").asText(), where);
                assertEquals("ES256", jwk.path("alg").asText(), where);
                assertFalse(jwk.path("kid").asText().isBlank(), where);
                assertEquals(coordinate(kms.publicKey().getW().getAffineX()), jwk.path("x").asText(), "the KMS key's x: " + where);
                assertEquals(coordinate(kms.publicKey().getW().getAffineY()), jwk.path("y").asText(), "the KMS key's y: " + where);
                assertFalse(jwk.has("d"), "no private part: " + where);
                assertEquals(List.of("TrentService.GetPublicKey"), kms.calls, where);
            }
        }
    }

    /** A P-256 coordinate as a JWK has it: 32 bytes, big-endian, base64url without padding. */
    private static String coordinate(BigInteger value) {
        byte[] bytes = value.toByteArray();
        byte[] fixed = new byte[32];
        int length = Math.min(bytes.length, 32);
        System.arraycopy(bytes, bytes.length - length, fixed, 32 - length, length);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(fixed);
    }

    private static void assertApiUnauthenticated(FakeRuntimeApi.Outcome outcome, String where) throws IOException {
        assertEquals(FakeRuntimeApi.Kind.RESPONSE, outcome.kind(), where);
        JsonNode response = JSON.readTree(outcome.body());
        assertEquals(401, response.path("statusCode").asInt(), where);
        JsonNode error = JSON.readTree(response.path("body").asText()).path("error");
        assertEquals("Unauthenticated", error.path("code").asText(), where);
        assertFalse(error.path("message").asText().isBlank(), where);
        assertEquals(response.path("headers").path("X-Request-Id").asText(), error.path("requestId").asText(), where);
    }

    private static void assertClearError(TemplateFunctions.Function fn, FakeRuntimeApi.Outcome outcome, String where)
            throws IOException {
        assertTrue(outcome.kind() == FakeRuntimeApi.Kind.ERROR || outcome.kind() == FakeRuntimeApi.Kind.RESPONSE, where);
        if (outcome.kind() == FakeRuntimeApi.Kind.RESPONSE) {
            return;
        }
        JsonNode error = JSON.readTree(outcome.body());
        String type = error.path("errorType").asText();
        assertTrue(LINKAGE_FAILURES.stream().noneMatch(type::endsWith), "a linkage failure: " + where);
        assertFalse(error.path("errorMessage").asText().isBlank(), "an error without a message: " + where);
        String expected = MALFORMED_EVENT_ERRORS.get(fn.handlerClass());
        if (expected != null) {
            assertEquals(expected, type, where);
        }
    }

    /** The classes of ours in the package that name a class neither the package, the JDK nor the runtime holds. */
    private static List<String> unlinked(Path artifact, Set<String> entries) throws IOException {
        Set<String> runtime = new TreeSet<>();
        for (String jar : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            if (jar.contains("aws-lambda-java-runtime-interface-client") || jar.contains("aws-lambda-java-serialization")) {
                runtime.addAll(entries(Path.of(jar)));
            }
        }
        List<String> missing = new ArrayList<>();
        try (JarFile jar = new JarFile(artifact.toFile())) {
            for (JarEntry entry : jar.stream().filter(e -> e.getName().startsWith("com/lakesail/")
                    && e.getName().endsWith(".class")).toList()) {
                try (InputStream in = jar.getInputStream(entry)) {
                    for (String name : ClassReferences.of(in)) {
                        String file = name + ".class";
                        if (!entries.contains(file) && !runtime.contains(file) && !inJdk(name)) {
                            missing.add(entry.getName() + " → " + name);
                        }
                    }
                }
            }
        }
        return missing;
    }

    private static boolean inJdk(String internalName) {
        try {
            Class.forName(internalName.replace('/', '.'), false, ClassLoader.getPlatformClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    private static Set<String> entries(Path jar) throws IOException {
        try (JarFile file = new JarFile(jar.toFile())) {
            return file.stream().map(JarEntry::getName).collect(Collectors.toCollection(TreeSet::new));
        }
    }

    /** The function's package: its CodeUri, found in this build's output when it names lambdas/target/lambda/. */
    private static Path artifact(TemplateFunctions.Function fn) {
        assertNotNull(fn.codeUri(), fn.logicalId() + " has no CodeUri");
        Path artifact = ROOT.resolve(fn.codeUri());
        String built = System.getProperty("lakesail.lambda.dir");
        if (built != null && fn.codeUri().startsWith("lambdas/target/lambda/")) {
            artifact = Path.of(built).resolve(fn.codeUri().substring("lambdas/target/lambda/".length()));
        }
        assertTrue(Files.isRegularFile(artifact), fn.logicalId() + ": its CodeUri " + fn.codeUri() + " was not built (" + artifact
                + "); give the function a shade execution in lambdas/pom.xml writing that file");
        return artifact;
    }

    private static String read(Path file) throws IOException {
        return Files.exists(file) ? Files.readString(file) : "";
    }
}
