package com.lakesail.local;

import com.lakesail.engine.EngineLauncher;
import com.lakesail.local.sandbox.SandboxTimings;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the local backend from the command line until Ctrl-C.
 *
 * <pre>
 * --port N        TCP port on 127.0.0.1 (env LAKESAIL_PORT, default 8787; 0 picks a free one)
 * --data-dir DIR  where data and local-backend.json live (env LAKESAIL_DATA_DIR, default .lakesail)
 * --quiet         no request log
 * --sandbox-speed N  the sandbox cloud N times as fast as its defaults, e.g. a 5 s cluster at 4
 *                 (env LAKESAIL_SANDBOX_SPEED, default 1: a cluster in about 20 s)
 * </pre>
 *
 * <p>Sandbox faults come from {@code LAKESAIL_SANDBOX_FAULTS} (see {@link com.lakesail.local.sandbox.SandboxFaults}).
 */
public final class LocalMain {
    public static final int DEFAULT_PORT = 8787;
    public static final String DEFAULT_DATA_DIR = ".lakesail";

    private LocalMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("lakesail-local: " + e.getMessage());
            System.err.println("usage: lakesail-local [--port N] [--data-dir DIR] [--quiet] [--sandbox-speed N]");
            System.exit(2);
            return;
        }
        LocalBackend backend = start(options);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            backend.close();
            backend.engine().ifPresent(EngineLauncher::close);
            System.out.println("LakeSail local backend stopped.");
            stopped.countDown();
        }, "lakesail-shutdown"));
        stopped.await();
    }

    /** Starts the backend and bootstraps its default user, printing how to reach it. */
    public static LocalBackend start(Options options) {
        LocalBackend backend = LocalBackend.builder().port(options.port()).dataDirectory(options.dataDirectory())
                .requestLog(options.requestLog()).sandboxTimings(SandboxTimings.defaults().faster(options.sandboxSpeed()))
                .engine(EngineLauncher.builder().stateDirectory(options.dataDirectory().resolve("engine")).build())
                .start();
        LocalBackend.Bootstrap boot = backend.bootstrap();
        System.out.println("LakeSail local backend listening on " + boot.endpoint());
        System.out.println("  data directory: " + options.dataDirectory().toAbsolutePath());
        System.out.println("  organization:   " + boot.organizationId());
        System.out.println("  token:          " + boot.token());
        System.out.println("  connection file " + options.dataDirectory().resolve(LocalBootstrap.CONNECTION_FILE)
                + " (LakeSail.fromLocalBackend() reads it)");
        return backend;
    }

    /** Command-line flags, falling back to environment variables, then to defaults. */
    public record Options(int port, Path dataDirectory, boolean requestLog, int sandboxSpeed) {
        public Options(int port, Path dataDirectory, boolean requestLog) {
            this(port, dataDirectory, requestLog, 1);
        }

        public Options withoutRequestLog() {
            return new Options(port, dataDirectory, false, sandboxSpeed);
        }

        public static Options parse(String... args) {
            int port = parsePort(System.getenv().getOrDefault("LAKESAIL_PORT", String.valueOf(DEFAULT_PORT)));
            Path dataDir = Path.of(System.getenv().getOrDefault("LAKESAIL_DATA_DIR", DEFAULT_DATA_DIR));
            boolean log = true;
            int speed = parseSpeed(System.getenv().getOrDefault("LAKESAIL_SANDBOX_SPEED", "1"));
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--port" -> port = parsePort(value(args, ++i, "--port"));
                    case "--data-dir" -> dataDir = Path.of(value(args, ++i, "--data-dir"));
                    case "--quiet" -> log = false;
                    case "--sandbox-speed" -> speed = parseSpeed(value(args, ++i, "--sandbox-speed"));
                    default -> throw new IllegalArgumentException("unknown option " + args[i]);
                }
            }
            return new Options(port, dataDir, log, speed);
        }

        private static String value(String[] args, int i, String flag) {
            if (i >= args.length) {
                throw new IllegalArgumentException(flag + " needs a value");
            }
            return args[i];
        }

        private static int parseSpeed(String value) {
            try {
                int speed = Integer.parseInt(value);
                if (speed < 1 || speed > 1000) {
                    throw new NumberFormatException();
                }
                return speed;
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("sandbox speed must be 1..1000: " + value);
            }
        }

        private static int parsePort(String value) {
            try {
                int port = Integer.parseInt(value);
                if (port < 0 || port > 65535) {
                    throw new NumberFormatException();
                }
                return port;
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("port must be 0..65535: " + value);
            }
        }
    }
}
