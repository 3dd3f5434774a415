package com.lakesail.backend.dynamodb.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * A dynalite process (DynamoDB's protocol on loopback, in memory) for one test class. dynalite is the
 * npm package pinned in the repository's package-lock.json; {@code npm ci} installs it, and a missing
 * install fails the tests with that instruction instead of skipping them.
 *
 * <pre>{@code
 * try (DynaliteServer dynalite = DynaliteServer.start(); DynamoDbClient client = dynalite.newClient()) { ... }
 * }</pre>
 */
public final class DynaliteServer implements AutoCloseable {

    private static final String LISTENING = "Dynalite listening at";
    private static final long STARTUP_TIMEOUT_SECONDS = 30;
    private static final int START_ATTEMPTS = 5;

    private final Process process;
    private final int port;
    private final Thread killOnExit;

    private DynaliteServer(Process process, int port) {
        this.process = process;
        this.port = port;
        // A test JVM that dies without running @AfterAll must not leave node running.
        this.killOnExit = new Thread(process::destroyForcibly, "dynalite-kill-" + port);
        Runtime.getRuntime().addShutdownHook(killOnExit);
    }

    /** Starts dynalite on a free loopback port and returns once it accepts connections. */
    public static DynaliteServer start() {
        Path root = repositoryRoot();
        Path cli = root.resolve("node_modules").resolve("dynalite").resolve("cli.js");
        if (!Files.isRegularFile(cli)) {
            throw new IllegalStateException("dynalite is not installed (" + cli + " is missing): run `npm ci` in "
                    + root + " to install the test tools pinned in package-lock.json");
        }
        String output = "";
        for (int attempt = 1; attempt <= START_ATTEMPTS; attempt++) {
            // dynalite's --port 0 means its default 4567, not "any free port": pick one, release it and
            // start on it; another process may grab it in between, hence the retry on EADDRINUSE.
            int port = freePort();
            Process process = launch(root, cli, port);
            Startup startup = Startup.watch(process);
            if (startup.awaitListening()) {
                return new DynaliteServer(process, port);
            }
            output = startup.output().toString();
            if (!output.contains("EADDRINUSE")) {
                break;
            }
        }
        throw new IllegalStateException("dynalite did not start; its output:\n" + output);
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    /** A client for this server: URL-connection HTTP, loopback endpoint, dummy static credentials. */
    public DynamoDbClient newClient() {
        return DynamoDbClient.builder()
                .endpointOverride(endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("dummy", "dummy")))
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .build();
    }

    @Override
    public void close() {
        Runtime.getRuntime().removeShutdownHook(killOnExit);
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /** The nearest directory above the working directory (the module, under Maven) with a package.json. */
    private static Path repositoryRoot() {
        Path start = Path.of("").toAbsolutePath();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("package.json"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no package.json in " + start + " or above: run the tests inside the repository");
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free loopback port", e);
        }
    }

    private static Process launch(Path root, Path cli, int port) {
        try {
            return new ProcessBuilder("node", cli.toString(), "--host", "127.0.0.1", "--port", Integer.toString(port),
                    // Tables become ACTIVE at once, so creating a fresh table per test costs milliseconds.
                    "--createTableMs", "0", "--deleteTableMs", "0", "--updateTableMs", "0")
                    .directory(root.toFile())
                    .redirectErrorStream(true)
                    .start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot run `node` (" + e.getMessage() + "): install Node.js, then run `npm ci` in "
                    + root + " to install dynalite", e);
        }
    }

    /** Reads the process output on a daemon thread (draining it for good) and notices the listening line. */
    private record Startup(Process process, CompletableFuture<Boolean> listening, StringBuffer output) {

        static Startup watch(Process process) {
            Startup startup = new Startup(process, new CompletableFuture<>(), new StringBuffer());
            Thread reader = new Thread(startup::read, "dynalite-output");
            reader.setDaemon(true);
            reader.start();
            return startup;
        }

        private void read() {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    if (!listening.isDone()) {
                        output.append(line).append('\n');
                        if (line.contains(LISTENING)) {
                            listening.complete(true);
                        }
                    }
                }
            } catch (IOException e) {
                output.append(e).append('\n');
            } finally {
                listening.complete(false);
            }
        }

        boolean awaitListening() {
            try {
                if (Boolean.TRUE.equals(listening.get(STARTUP_TIMEOUT_SECONDS, TimeUnit.SECONDS))) {
                    return true;
                }
                process.waitFor(10, TimeUnit.SECONDS);
                return false;
            } catch (TimeoutException e) {
                process.destroyForcibly();
                throw new IllegalStateException("dynalite did not listen within " + STARTUP_TIMEOUT_SECONDS + " s; its output:\n" + output);
            } catch (ExecutionException e) {
                throw new IllegalStateException(e);
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while starting dynalite", e);
            }
        }
    }
}
