package com.lakesail.cli.commands;

import java.time.Duration;
import picocli.CommandLine.Option;

/** {@code --wait}, {@code --follow} and {@code --timeout} on the commands that start a run. */
public final class RunOptions {
    @Option(names = "--wait", description = "Wait until the run ends, telling each state change on standard error; "
            + "exit status 0 if it succeeded, 1 if not.")
    boolean wait;

    @Option(names = "--follow", description = "As --wait, printing the run's log lines as they come.")
    boolean follow;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "24h", converter = DurationConverter.class,
            description = "How long --wait or --follow waits (default: ${DEFAULT-VALUE}); then exit status 8.")
    Duration timeout;

    boolean watch() {
        return wait || follow;
    }
}
