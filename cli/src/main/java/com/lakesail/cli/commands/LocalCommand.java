package com.lakesail.cli.commands;

import com.lakesail.cli.CliException;
import com.lakesail.cli.Context;
import com.lakesail.cli.ExitCode;
import com.lakesail.local.LocalMain;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "local", description = "The embedded local backend: the whole control plane in this JVM, no AWS account.",
        subcommands = LocalCommand.Up.class)
public final class LocalCommand extends BaseCommand {
    LocalCommand(Context context) {
        super(context);
    }

    @Command(name = "up", description = {"Start the local backend in the foreground until Ctrl-C.",
        "It writes <data dir>/local-backend.json, which other lakesail commands started in this directory use."})
    static final class Up extends BaseCommand {
        @Option(names = "--port", paramLabel = "N", description = "TCP port on 127.0.0.1 (env LAKESAIL_PORT, default 8787; 0 picks one).")
        Integer port;

        @Option(names = "--data-dir", paramLabel = "DIR", description = "Data and connection file (env LAKESAIL_DATA_DIR, default .lakesail).")
        String dataDirectory;

        @Option(names = "--quiet", description = "No JSON request log.")
        boolean quiet;

        @Option(names = "--sandbox-speed", paramLabel = "N",
                description = "The sandbox cloud N times as fast (env LAKESAIL_SANDBOX_SPEED, default 1: a cluster in about 20 s).")
        Integer sandboxSpeed;

        Up(Context context) {
            super(context);
        }

        @Override
        public Integer call() {
            // The same flags, environment variables and defaults as LocalMain, by handing them to it.
            List<String> args = new ArrayList<>();
            if (port != null) {
                args.addAll(List.of("--port", port.toString()));
            }
            if (dataDirectory != null) {
                args.addAll(List.of("--data-dir", dataDirectory));
            }
            if (quiet) {
                args.add("--quiet");
            }
            if (sandboxSpeed != null) {
                args.addAll(List.of("--sandbox-speed", sandboxSpeed.toString()));
            }
            LocalMain.Options options;
            try {
                options = LocalMain.Options.parse(args.toArray(String[]::new));
            } catch (IllegalArgumentException e) {
                throw new CliException(ExitCode.USAGE, e.getMessage());
            }
            try {
                LocalMain.runUntilStopped(options);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (IllegalStateException e) {
                throw new CliException(ExitCode.FAILED, e.getMessage(), e);
            }
            return ExitCode.OK;
        }
    }
}
