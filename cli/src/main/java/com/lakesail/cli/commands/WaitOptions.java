package com.lakesail.cli.commands;

import java.time.Duration;
import picocli.CommandLine.Option;

/** {@code --wait} and {@code --timeout} on the commands that start slow work. */
public final class WaitOptions {
    /** The longest pause between reads while waiting: someone is watching, so changes show within it. */
    static final Duration MAX_PAUSE = Duration.ofSeconds(5);

    @Option(names = "--wait", description = "Wait until the work is done, showing its progress on standard error.")
    boolean wait;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "30m", converter = DurationConverter.class,
            description = "How long --wait waits, e.g. 90s, 30m, 2h (default: ${DEFAULT-VALUE}); then exit status 8.")
    Duration timeout;
}
