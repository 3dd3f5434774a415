package com.lakesail.backend.testing.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.api.client.AWSLambda;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import software.amazon.awssdk.utilslite.SdkInternalThreadLocal;

/**
 * One Lambda function in a fresh JVM, started the way the managed Java runtime starts it: the
 * deployment package is unzipped into a task root ({@code /var/task} on Lambda), and the JVM runs
 * the AWS Lambda Runtime Interface Client with only the runtime's own jars on its class path; the
 * client loads the handler from the task root through its customer class loader and polls the
 * Runtime API. Nothing from Maven's class path reaches the function.
 *
 * <pre>{@code
 * Path root = FunctionProcess.unpack(Path.of("lambdas/target/lambda/api.jar"), tmp);
 * try (FunctionProcess fn = FunctionProcess.start(root, "com.example.Handler::handleRequest", env,
 *         runtime.address(), List.of("-XX:+UseSerialGC"), log)) { ... }
 * }</pre>
 */
public final class FunctionProcess implements AutoCloseable {
    /** What the managed runtime puts in front of every function: serial GC and the JDK's class-data archive. */
    public static final List<String> RUNTIME_JVM_OPTIONS = List.of("-XX:+UseSerialGC", "-Xshare:auto", "-Xmx512m",
            "-Djava.net.preferIPv4Stack=true");

    /**
     * What the managed runtime adds for a SnapStart function: the initialization type the runtime client
     * reads, and org.crac bound to the runtime's CRaC context so the functions' hooks run at the checkpoint.
     */
    public static final Map<String, String> SNAP_START_ENVIRONMENT = Map.of("AWS_LAMBDA_INITIALIZATION_TYPE", "snap-start");
    public static final List<String> SNAP_START_JVM_OPTIONS = List.of("-Dorg.crac.Core.Compat=com.amazonaws.services.lambda.crac");

    private final Process process;

    private FunctionProcess(Process process) {
        this.process = process;
    }

    /**
     * @param environment the function's variables (the template's, with placeholders); the runtime's
     *                    own ({@code AWS_LAMBDA_RUNTIME_API}, {@code LAMBDA_TASK_ROOT}, {@code _HANDLER},
     *                    region, dummy credentials) are added
     * @param log         receives the JVM's stdout and stderr
     */
    public static FunctionProcess start(Path taskRoot, String handler, Map<String, String> environment,
                                        String runtimeApi, List<String> jvmOptions, Path log) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(runtimeClassPath());
        command.add(AWSLambda.class.getName());
        command.add(handler);
        ProcessBuilder builder = new ProcessBuilder(command).directory(taskRoot.toFile())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(name -> !name.equals("PATH"));
        env.putAll(runtimeEnvironment(taskRoot, handler, runtimeApi));
        env.putAll(environment);
        return new FunctionProcess(builder.start());
    }

    /** Unzips a deployment package as Lambda does, into a new directory under {@code parent}. */
    public static Path unpack(Path artifact, Path parent) throws IOException {
        Path root = Files.createTempDirectory(parent, "task-");
        try (InputStream in = Files.newInputStream(artifact); ZipInputStream zip = new ZipInputStream(in)) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                Path target = root.resolve(entry.getName()).normalize();
                if (!target.startsWith(root)) {
                    throw new IOException("entry outside the task root: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(zip, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        return root;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Stops the JVM the orderly way (SIGTERM), so exit-time work such as writing a CDS archive is done. */
    public void terminate() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }

    @Override
    public void close() {
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The runtime's own jars: the interface client, its serialization library, lambda-java-core, utils-lite. */
    static String runtimeClassPath() {
        return List.of(AWSLambda.class, PojoSerializer.class, Context.class, SdkInternalThreadLocal.class).stream()
                .map(FunctionProcess::jarOf).map(Path::toString).collect(Collectors.joining(java.io.File.pathSeparator));
    }

    private static Map<String, String> runtimeEnvironment(Path taskRoot, String handler, String runtimeApi) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("AWS_LAMBDA_RUNTIME_API", runtimeApi);
        env.put("LAMBDA_TASK_ROOT", taskRoot.toString());
        env.put("LAMBDA_RUNTIME_DIR", taskRoot.toString());
        env.put("_HANDLER", handler);
        env.put("AWS_REGION", "us-east-1");
        env.put("AWS_DEFAULT_REGION", "us-east-1");
        env.put("AWS_EXECUTION_ENV", "AWS_Lambda_java17");
        env.put("AWS_LAMBDA_FUNCTION_NAME", "under-test");
        env.put("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
        env.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "1024");
        env.put("AWS_LAMBDA_LOG_GROUP_NAME", "/aws/lambda/under-test");
        env.put("AWS_LAMBDA_LOG_STREAM_NAME", "local");
        env.put("AWS_LAMBDA_INITIALIZATION_TYPE", "on-demand");
        env.put("AWS_ACCESS_KEY_ID", "AKIAIOSFODNN7EXAMPLE");
        env.put("AWS_SECRET_ACCESS_KEY", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY");
        env.put("AWS_SESSION_TOKEN", "test-session");
        // Nothing under test may reach AWS: every SDK client goes to a closed loopback port unless the
        // caller points a service elsewhere (AWS_ENDPOINT_URL_DYNAMODB for a dynalite, say).
        env.put("AWS_ENDPOINT_URL", "http://127.0.0.1:9");
        env.put("TZ", ":UTC");
        env.put("LANG", "en_US.UTF-8");
        return env;
    }

    private static Path jarOf(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new UncheckedIOException(new IOException(e));
        }
    }
}
