package com.lakesail.cli.commands;

import com.lakesail.cli.Terminal;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.TerminalBuilder;

/**
 * Where {@code lakesail sessions sql} reads its statements: at a terminal, a JLine prompt with line
 * editing and a history kept in {@code ~/.lakesail/sql_history}; otherwise (input piped or
 * redirected) plain lines, with no prompt. A statement ends with a semicolon at the end of a line,
 * or with the end of the input; {@code exit}, {@code quit} and {@code \q} leave.
 */
interface SqlPrompt extends AutoCloseable {
    String PROMPT = "sql> ";
    String CONTINUATION = "  -> ";

    /** The next line, or null at the end of the input. */
    String readLine(String prompt);

    /** Runs {@code onInterrupt} when the person presses Ctrl-C while a statement runs. */
    void onInterrupt(Runnable onInterrupt);

    /** Whether a Ctrl-C reaches {@link #onInterrupt}: a person at a terminal. */
    boolean interruptible();

    @Override
    void close();

    static SqlPrompt open(Terminal terminal) {
        // JLine only on the real terminal: a test's terminal has its own streams.
        if (terminal.interactive() && terminal.in() == System.in) {
            return JLine.open(terminal.home().resolve(".lakesail").resolve("sql_history"));
        }
        return new Plain(new BufferedReader(new InputStreamReader(terminal.in(), StandardCharsets.UTF_8)));
    }

    /**
     * The next statement, its lines joined and its final semicolon removed; null at the end of the
     * input or on {@code exit}. Blank input is skipped.
     */
    static String nextStatement(SqlPrompt prompt) {
        StringBuilder statement = new StringBuilder();
        while (true) {
            String line = prompt.readLine(statement.isEmpty() ? PROMPT : CONTINUATION);
            if (line == null) {
                return statement.isEmpty() ? null : statement.toString().strip();
            }
            String trimmed = line.strip();
            if (statement.isEmpty() && (trimmed.equals("exit") || trimmed.equals("quit") || trimmed.equals("\\q"))) {
                return null;
            }
            if (statement.isEmpty() && trimmed.isEmpty()) {
                continue;
            }
            if (!statement.isEmpty()) {
                statement.append('\n');
            }
            if (trimmed.endsWith(";")) {
                statement.append(line, 0, line.lastIndexOf(';'));
                String text = statement.toString().strip();
                if (!text.isEmpty()) {
                    return text;
                }
                statement.setLength(0);
            } else {
                statement.append(line);
            }
        }
    }

    /** Lines from a pipe or file. */
    final class Plain implements SqlPrompt {
        private final BufferedReader in;

        Plain(BufferedReader in) {
            this.in = in;
        }

        @Override
        public String readLine(String prompt) {
            try {
                return in.readLine();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void onInterrupt(Runnable onInterrupt) {
            // No terminal, no Ctrl-C to catch: the process's own signal handling applies.
        }

        @Override
        public boolean interruptible() {
            return false;
        }

        @Override
        public void close() {
            // The caller's input stream stays open.
        }
    }

    /** A person at a terminal. */
    final class JLine implements SqlPrompt {
        private final org.jline.terminal.Terminal terminal;
        private final LineReader reader;

        private JLine(org.jline.terminal.Terminal terminal, LineReader reader) {
            this.terminal = terminal;
            this.reader = reader;
        }

        static JLine open(Path history) {
            try {
                if (!Files.isDirectory(history.getParent())) {
                    // The history holds SQL, which may name what others should not see: owner only, as the profiles.
                    Files.createDirectories(history.getParent(),
                            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
                }
                org.jline.terminal.Terminal terminal = TerminalBuilder.builder().system(true).build();
                LineReader reader = LineReaderBuilder.builder().appName("lakesail").terminal(terminal)
                        .variable(LineReader.HISTORY_FILE, history)
                        // A statement may span lines; JLine must not treat a semicolon as anything special.
                        .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
                        // A statement's continuation lines are often indented: keep them in the history too.
                        .option(LineReader.Option.HISTORY_IGNORE_SPACE, false)
                        .build();
                return new JLine(terminal, reader);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot open the terminal", e);
            }
        }

        @Override
        public String readLine(String prompt) {
            while (true) {
                try {
                    return reader.readLine(prompt);
                } catch (UserInterruptException e) {
                    // Ctrl-C at the prompt drops the line being typed, as shells do.
                    if (e.getPartialLine().isEmpty()) {
                        terminal.writer().println("(Ctrl-D or exit to leave)");
                    }
                } catch (EndOfFileException e) {
                    return null;
                }
            }
        }

        @Override
        public void onInterrupt(Runnable onInterrupt) {
            terminal.handle(org.jline.terminal.Terminal.Signal.INT, signal -> onInterrupt.run());
        }

        @Override
        public boolean interruptible() {
            return true;
        }

        @Override
        public void close() {
            try {
                reader.getHistory().save();
                terminal.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
