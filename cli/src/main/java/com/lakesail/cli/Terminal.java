package com.lakesail.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

/**
 * What the command line runs in: its environment variables, home and working directories, standard
 * streams, and whether a person is at a terminal (then waits draw a progress bar; otherwise they
 * print one line per change). Tests pass their own, so nothing reads the real home or environment.
 *
 * @param interactive true when standard input and output are a terminal
 */
public record Terminal(Map<String, String> environment, Path home, Path workingDirectory, InputStream in,
        PrintStream out, PrintStream err, boolean interactive) {

    public static Terminal system() {
        // A terminal that says it is dumb (an editor's shell, a CI log) gets plain lines too.
        boolean interactive = System.console() != null && !"dumb".equals(System.getenv("TERM"));
        return new Terminal(System.getenv(), Path.of(System.getProperty("user.home")), Path.of("").toAbsolutePath(),
                System.in, new PrintStream(System.out, true, StandardCharsets.UTF_8),
                new PrintStream(System.err, true, StandardCharsets.UTF_8), interactive);
    }

    /** The value of environment variable {@code name}, or null when unset or blank. */
    public String variable(String name) {
        String value = environment.get(name);
        return value == null || value.isBlank() ? null : value;
    }
}
