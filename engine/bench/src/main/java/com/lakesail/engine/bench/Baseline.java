package com.lakesail.engine.bench;

import com.lakesail.engine.EngineLauncher;
import com.lakesail.engine.SailSpec;
import com.lakesail.engine.internal.ChildProgram;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.spark.sql.SparkSession;

/**
 * The bare baseline every engine figure is a ratio to: a stock Spark Connect server (Spark's own
 * {@code SparkConnectServer} main with Spark's defaults, the Sail's jars and heap, on loopback)
 * started, and a client that was waiting for it asks {@code SELECT 1}; timed from the process start
 * to the answer. {@link EngineBench} measures it in its own JVM; other benches run {@link #main} as
 * a child program ({@code baseline}, described in this module's jar like the Sail and the runner),
 * since the Spark Connect client cannot share their classpath.
 *
 * <p>{@code Baseline --serve <directory>} starts one unmeasured server (a warm-up), then measures
 * once for every line it reads on stdin, printing {@code baseline-millis <ms>}, until stdin ends; so
 * a bench can interleave the baseline with what it measures.
 */
public final class Baseline {
    private static final Duration TIMEOUT = Duration.ofMinutes(3);

    private final Path directory;

    public Baseline(Path directory) {
        this.directory = directory;
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 2 || !args[0].equals("--serve")) {
            System.err.println("usage: Baseline --serve <directory>");
            System.exit(64);
        }
        Baseline baseline = new Baseline(Files.createDirectories(Path.of(args[1])));
        baseline.startAndAnswer(0);
        BufferedReader commands = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (int i = 1; commands.readLine() != null; i++) {
            System.out.println("baseline-millis " + baseline.startAndAnswer(i));
            System.out.flush();
        }
        // The Spark Connect client may leave retrying threads behind its closed sessions.
        System.exit(0);
    }

    /** Starts a stock server, waits for its port, asks SELECT 1, stops it; returns process start to answer, in ms. */
    public long startAndAnswer(int i) throws Exception {
        ChildProgram program = ChildProgram.load("sail", EngineLauncher.class.getClassLoader(), null);
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + SailSpec.DEFAULT_MEMORY_MB + "m"));
        command.addAll(program.jvmOptions().stream().filter(o -> !o.startsWith("-Dlog4j2")).toList());
        command.addAll(List.of("-Dspark.master=local[*]", "-Dspark.app.name=bare", "-Dspark.ui.enabled=false",
                "-Dspark.driver.host=127.0.0.1", "-Dspark.driver.bindAddress=127.0.0.1",
                "-Dspark.connect.grpc.binding.address=127.0.0.1", "-Dspark.connect.grpc.binding.port=" + port,
                "-Dspark.sql.warehouse.dir=" + directory.resolve("bare-warehouse"),
                "-cp", String.join(File.pathSeparator, program.classpath().stream().map(Path::toString).toList()),
                "org.apache.spark.sql.connect.service.SparkConnectServer"));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(directory.resolve("bare-" + i + ".log").toFile());
        builder.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
        long started = System.nanoTime();
        Process process = builder.start();
        try {
            answer("sc://localhost:" + port, port);
            return (System.nanoTime() - started) / 1_000_000;
        } finally {
            process.destroy();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }

    /** Waits for the port, then connects and runs SELECT 1, as a client that was waiting would. */
    public static void answer(String remote, int port) throws Exception {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (true) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1000);
                break;
            } catch (IOException e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(10);
            }
        }
        try (SparkSession spark = SparkSession.builder().remote(remote).create()) {
            spark.sql("SELECT 1").collectAsList();
        }
    }

    /** The median of {@code values}. */
    public static long p50(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
