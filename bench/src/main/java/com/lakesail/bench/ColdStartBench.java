package com.lakesail.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.lakesail.backend.dynamodb.DynamoDbStore;
import com.lakesail.backend.dynamodb.DynamoDbTableDefinition;
import com.lakesail.backend.dynamodb.testing.DynaliteServer;
import com.lakesail.backend.dynamodb.testing.NonAtomicTransactWriteDynamoDbClient;
import com.lakesail.backend.service.Idempotency;
import com.lakesail.backend.service.IdentityService;
import com.lakesail.backend.testing.TestComponent;
import com.lakesail.backend.testing.lambda.FakeRuntimeApi;
import com.lakesail.backend.testing.lambda.FunctionProcess;
import com.lakesail.backend.testing.lambda.TemplateFunctions;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Cold start of the API function as deployed: each run is a fresh JVM started the way the managed
 * Java runtime starts one (the runtime interface client, the deployment package unpacked as the task
 * root, the template's environment and {@code JAVA_TOOL_OPTIONS}), timed from process start to the
 * function's first answer arriving at a Runtime API on loopback. The baseline is a do-nothing handler
 * on the same runtime and flags; runs alternate A B / B A and the figure is the median of the
 * pairwise ratios, so a machine that drifts affects both sides alike.
 *
 * <ul>
 *   <li>{@code GET /v1/me} without a token: a 401 that needs no store;</li>
 *   <li>{@code GET /v1/orgs/{id}} with a valid token: the store (DynamoDB's protocol, served by dynalite
 *       on loopback, seeded first) is read for the token, the membership and the organization.</li>
 * </ul>
 *
 * Run: {@code mvn -B -q install -DskipTests && mvn -B -q -pl bench exec:java -Dbench.main=com.lakesail.bench.ColdStartBench}
 * ({@code -Dexec.args="--pairs 15 --artifact other.jar --jvm-option -Xshare:off"} to vary it; {@code --appcds true}
 * runs both sides on a dynamic AppCDS archive dumped by one training run of the API function).
 */
public final class ColdStartBench {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(120);

    private final TemplateFunctions.Function function;
    private final Path apiRoot;
    private final Path noopRoot;
    private final List<String> jvmOptions;
    private final Path log;

    private ColdStartBench(TemplateFunctions.Function function, Path apiRoot, Path noopRoot, List<String> jvmOptions,
                           Path log) {
        this.function = function;
        this.apiRoot = apiRoot;
        this.noopRoot = noopRoot;
        this.jvmOptions = jvmOptions;
        this.log = log;
    }

    public static void main(String[] args) throws Exception {
        Map<String, List<String>> options = options(args);
        int pairs = Integer.parseInt(options.getOrDefault("pairs", List.of("10")).get(0));
        Path repository = repositoryRoot();
        TemplateFunctions.Function api = TemplateFunctions.read(repository.resolve("template.yaml")).stream()
                .filter(TemplateFunctions.Function::isApi).findFirst()
                .orElseThrow(() -> new IllegalStateException("template.yaml has no function behind the API"));
        Path artifact = options.containsKey("artifact") ? Path.of(options.get("artifact").get(0))
                : repository.resolve(api.codeUri());
        if (!Files.isRegularFile(artifact)) {
            throw new IllegalStateException(artifact + " is missing: build it with mvn -B -q install -DskipTests");
        }
        String handler = options.containsKey("handler") ? options.get("handler").get(0) : api.handler();
        Path work = Files.createTempDirectory("lakesail-cold-start");
        List<String> jvm = new ArrayList<>(FunctionProcess.RUNTIME_JVM_OPTIONS);
        jvm.addAll(options.getOrDefault("jvm-option", List.of()));
        ColdStartBench bench = new ColdStartBench(new TemplateFunctions.Function(api.logicalId(), handler, api.codeUri(),
                api.environment(), api.eventTypes()), FunctionProcess.unpack(artifact, work), noopTaskRoot(work), jvm,
                work.resolve("functions.log"));
        boolean appCds = Boolean.parseBoolean(options.getOrDefault("appcds", List.of("false")).get(0));

        System.out.println("Cold start of " + api.logicalId() + " from " + artifact + " (" + Files.size(artifact) / 1024
                + " KiB), " + pairs + " pairs against a do-nothing handler; JVM " + jvm + ", JAVA_TOOL_OPTIONS="
                + api.environment().getOrDefault("JAVA_TOOL_OPTIONS", ""));
        try (DynaliteServer dynalite = DynaliteServer.start(); DynamoDbClient client = dynalite.newClient()) {
            String table = "lakesail-bench";
            client.createTable(DynamoDbTableDefinition.createTableRequest(table));
            IdentityService.SignupResult seeded = TestComponent.over(
                            new DynamoDbStore(new NonAtomicTransactWriteDynamoDbClient(client), table), Clock.systemUTC())
                    .identity().signup(new IdentityService.Signup("bench@example.com", "Bench", "bench"), Idempotency.NONE);
            Map<String, String> store = Map.of("TABLE_NAME", table, "AWS_ENDPOINT_URL_DYNAMODB", dynalite.endpoint().toString());
            String getOrg = event("GET", "/v1/orgs/" + seeded.organization().id(), seeded.token().secret());
            if (appCds) {
                Path archive = work.resolve("api.jsa");
                bench.train(archive, store, getOrg);
                bench.jvmOptions.add("-XX:SharedArchiveFile=" + archive);
                System.out.println("AppCDS: both sides run with " + archive + " (" + Files.size(archive) / 1024
                        + " KiB), dumped at the exit of one API run that answered both requests");
            }
            bench.scenario("GET /v1/me, no token (401)", pairs, Map.of(), event("GET", "/v1/me", null), 401);
            bench.scenario("GET /v1/orgs/{id}, DynamoDB on loopback (200)", pairs, store, getOrg, 200);
        }
        System.out.println("Function output: " + bench.log);
    }

    private void scenario(String name, int pairs, Map<String, String> extraEnvironment, String event, int status)
            throws Exception {
        Map<String, String> environment = new HashMap<>(function.environment());
        environment.putAll(extraEnvironment);
        run(apiRoot, function.handler(), environment, event, status);   // warm-up: the OS page cache, not the JVM
        run(noopRoot, NoopHandler.class.getName() + "::handleRequest", environment, event, 200);
        double[] api = new double[pairs];
        double[] noop = new double[pairs];
        double[] ratios = new double[pairs];
        for (int i = 0; i < pairs; i++) {
            if (i % 2 == 0) {
                api[i] = run(apiRoot, function.handler(), environment, event, status);
                noop[i] = run(noopRoot, NoopHandler.class.getName() + "::handleRequest", environment, event, 200);
            } else {
                noop[i] = run(noopRoot, NoopHandler.class.getName() + "::handleRequest", environment, event, 200);
                api[i] = run(apiRoot, function.handler(), environment, event, status);
            }
            ratios[i] = api[i] / noop[i];
        }
        System.out.printf("%-48s API %6.0f ms   do-nothing %5.0f ms   ratio median %.2fx (min %.2fx, max %.2fx)%n", name,
                median(api), median(noop), median(ratios), Arrays.stream(ratios).min().orElse(0),
                Arrays.stream(ratios).max().orElse(0));
    }

    /**
     * A dynamic AppCDS archive of what one API run loads to answer both scenarios: the function's
     * classes come from its unpacked package, the runtime's from its jars, the JDK's from its own archive.
     */
    private void train(Path archive, Map<String, String> store, String getOrg) throws Exception {
        Map<String, String> environment = new HashMap<>(function.environment());
        environment.putAll(store);
        List<String> options = new ArrayList<>(jvmOptions);
        options.add("-XX:ArchiveClassesAtExit=" + archive);
        try (FakeRuntimeApi runtime = FakeRuntimeApi.start()) {
            runtime.invoke(event("GET", "/v1/me", null));
            runtime.invoke(getOrg);
            FunctionProcess process = FunctionProcess.start(apiRoot, function.handler(), environment, runtime.address(), options, log);
            for (int i = 0; i < 2; i++) {
                if (runtime.await(ANSWER_TIMEOUT) == null) {
                    process.close();
                    throw new IllegalStateException("the training run did not answer (see " + log + ")");
                }
            }
            process.terminate();
        }
        if (!Files.isRegularFile(archive)) {
            throw new IllegalStateException("no archive was written (see " + log + ")");
        }
    }

    /** Milliseconds from starting the JVM to its first answer arriving at the Runtime API. */
    private double run(Path taskRoot, String handler, Map<String, String> environment, String event, int status)
            throws Exception {
        try (FakeRuntimeApi runtime = FakeRuntimeApi.start()) {
            runtime.invoke(event);
            long started = System.nanoTime();
            try (FunctionProcess ignored = FunctionProcess.start(taskRoot, handler, environment, runtime.address(), jvmOptions,
                    log)) {
                FakeRuntimeApi.Outcome outcome = runtime.await(ANSWER_TIMEOUT);
                if (outcome == null || outcome.kind() != FakeRuntimeApi.Kind.RESPONSE
                        || JSON.readTree(outcome.body()).path("statusCode").asInt() != status) {
                    throw new IllegalStateException(handler + " did not answer " + status + ": " + outcome + " (see " + log + ")");
                }
                return (outcome.nanoTime() - started) / 1e6;
            }
        }
    }

    /** An API Gateway REST proxy event, as the Lambda proxy integration sends it. */
    static String event(String method, String path, String token) {
        ObjectNode event = JSON.createObjectNode().put("resource", "/{proxy+}").put("path", path).put("httpMethod", method);
        ObjectNode headers = event.putObject("headers").put("Accept", "application/json").put("Host", "api.example.com");
        if (token != null) {
            headers.put("Authorization", "Bearer " + token);
        }
        event.putNull("queryStringParameters");
        event.putObject("pathParameters").put("proxy", path.substring(1));
        event.putObject("requestContext").put("requestId", "bench").put("stage", "dev").put("httpMethod", method);
        event.putNull("body");
        event.put("isBase64Encoded", false);
        return event.toString();
    }

    private static Path noopTaskRoot(Path work) throws IOException {
        Path root = Files.createDirectories(work.resolve("noop"));
        String file = NoopHandler.class.getName().replace('.', '/') + ".class";
        Path target = root.resolve(file);
        Files.createDirectories(target.getParent());
        try (InputStream in = NoopHandler.class.getClassLoader().getResourceAsStream(file)) {
            Files.copy(in, target);
        }
        return root;
    }

    private static Path repositoryRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("template.yaml"))) {
                return dir;
            }
        }
        throw new IllegalStateException("run from inside the repository: no template.yaml above " + Path.of("").toAbsolutePath());
    }

    private static Map<String, List<String>> options(String[] args) {
        Map<String, List<String>> options = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("expected --name value, got " + args[i]);
            }
            options.computeIfAbsent(args[i].substring(2), k -> new ArrayList<>()).add(args[i + 1]);
        }
        return options;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
