package com.lakesail.engine.sail;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.connect.service.SparkConnectService$;
import scala.jdk.javaapi.CollectionConverters;

/**
 * The local Sail: a Spark Connect server in local mode, run as a child JVM by the engine launcher.
 *
 * <p>Usage: {@code SailMain <conf.properties>}. The file holds every Spark setting; the ones that
 * keep the server private to this machine are set here and cannot be overridden. Once the Connect
 * service is bound it prints {@value #READY_MARKER}{@code <port>} on stdout, which is how the
 * launcher knows it is ready. It stops when its standard input closes (the launcher closes it to
 * stop it, and the OS closes it when the launcher dies, even by kill -9), so a Sail never outlives
 * the backend that started it.
 */
public final class SailMain {
    public static final String READY_MARKER = "LAKESAIL-SAIL-READY port=";

    private SailMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: SailMain <conf.properties>");
            System.exit(64);
        }
        long mainEntered = System.currentTimeMillis();
        CountDownLatch stdinClosed = watchStdin();
        SparkConf conf = new SparkConf(false).setAll(CollectionConverters.asScala(load(Path.of(args[0]))));
        pinToLoopback(conf);
        SparkSession spark = SparkSession.builder().config(conf).getOrCreate();
        spark.sparkContext().addSparkListener(new EndedOperationJobs(spark.sparkContext()));
        // Bound only now, with the session ready: Spark's Connect plugin would bind while the
        // context starts, and a client that connects in between is told there is no session.
        SparkConnectService$.MODULE$.start(spark.sparkContext());
        long ready = System.currentTimeMillis();
        long jvmStart = ProcessHandle.current().info().startInstant().map(Instant::toEpochMilli).orElse(mainEntered);
        // The launcher reads the port; the timings tell where a slow start went.
        System.out.println(READY_MARKER + SparkConnectService$.MODULE$.localPort() + " jvmMillis=" + (mainEntered - jvmStart)
                + " sparkMillis=" + (ready - mainEntered));
        System.out.flush();
        stdinClosed.await();
        SparkConnectService$.MODULE$.stop(SparkConnectService$.MODULE$.stop$default$1(), SparkConnectService$.MODULE$.stop$default$2());
        spark.stop();
        System.exit(0);
    }

    private static Map<String, String> load(Path file) throws IOException {
        Properties props = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            props.load(in);
        }
        Map<String, String> values = new LinkedHashMap<>();
        props.stringPropertyNames().forEach(k -> values.put(k, props.getProperty(k)));
        return values;
    }

    /** Settings that keep every listener on loopback, and the session gate in front of every call when configured. */
    private static void pinToLoopback(SparkConf conf) {
        conf.set("spark.master", conf.get("spark.master", "local[*]"));
        conf.set("spark.app.name", conf.get("spark.app.name", "lakesail-sail"));
        conf.remove("spark.plugins");
        conf.set("spark.connect.grpc.binding.address", "127.0.0.1");
        // The launcher picks the port (so a runner can start before the Sail is ready); if another
        // process took it meanwhile, failing beats listening where nobody will look.
        conf.set("spark.connect.grpc.binding.port", conf.get("spark.connect.grpc.binding.port", "0"));
        conf.set("spark.connect.grpc.port.maxRetries", "0");
        conf.set("spark.driver.host", "127.0.0.1");
        conf.set("spark.driver.bindAddress", "127.0.0.1");
        conf.set("spark.ui.enabled", "false");
        // A Sail lives as long as the LakeSail session or run it serves, whose own rules end it (a
        // session's idle timeout may be a week): Spark Connect must not expire a client's session,
        // and with it its temporary views, after its default hour without calls.
        conf.set("spark.connect.session.manager.defaultSessionTimeout", "30d");
        if (conf.contains(SessionGate.JWKS_FILE)) {
            conf.set("spark.connect.grpc.interceptor.classes", SessionGate.class.getName());
        } else {
            conf.remove("spark.connect.grpc.interceptor.classes");
        }
    }

    /** Counts down when standard input reaches end of file: the launcher's stop, or its death. */
    private static CountDownLatch watchStdin() {
        CountDownLatch closed = new CountDownLatch(1);
        Thread watcher = new Thread(() -> {
            InputStream in = System.in;
            try {
                while (in.read() >= 0) {
                    // Nothing is ever written; a byte would only be a stray keystroke.
                }
            } catch (IOException ignored) {
                // A broken pipe is a closed one.
            }
            closed.countDown();
        }, "lakesail-stdin-watch");
        watcher.setDaemon(true);
        watcher.start();
        return closed;
    }
}
