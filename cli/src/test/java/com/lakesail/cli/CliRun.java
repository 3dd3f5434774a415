package com.lakesail.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** Runs the command line in this JVM with a terminal of the test's own: its home, directory, environment and captured streams. */
final class CliRun {
    private final Path home;
    private final Path workingDirectory;
    private final Map<String, String> environment = new HashMap<>();
    private boolean interactive;
    private String stdin = "";

    CliRun(Path home, Path workingDirectory) {
        this.home = home;
        this.workingDirectory = workingDirectory;
    }

    CliRun env(String name, String value) {
        environment.put(name, value);
        return this;
    }

    CliRun interactive(boolean interactive) {
        this.interactive = interactive;
        return this;
    }

    CliRun stdin(String text) {
        this.stdin = text;
        return this;
    }

    /** A terminal that prints nowhere, for building the command tree. */
    Terminal terminalForTree() {
        PrintStream nowhere = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        return new Terminal(Map.copyOf(environment), home, workingDirectory, new ByteArrayInputStream(new byte[0]), nowhere,
                nowhere, false);
    }

    Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Terminal terminal = new Terminal(Map.copyOf(environment), home, workingDirectory,
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), interactive);
        int status = LakeSailCli.run(terminal, args);
        return new Result(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    record Result(int status, String out, String err) {
        @Override
        public String toString() {
            return "exit " + status + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }
}
