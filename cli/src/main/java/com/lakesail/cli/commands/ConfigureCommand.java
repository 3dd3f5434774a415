package com.lakesail.cli.commands;

import com.lakesail.cli.CliException;
import com.lakesail.cli.Context;
import com.lakesail.cli.ExitCode;
import com.lakesail.cli.ProfileFile;
import com.lakesail.cli.Settings;
import com.lakesail.cli.Terminal;
import com.lakesail.sdk.internal.LocalBackendFile;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "configure", description = {"Save an endpoint, token, organization and output format as a profile "
        + "in ~/.lakesail/config (owner-only).",
    "With no values given at a terminal, asks for each. The profile is --profile's, else default.",
    "  lakesail configure --endpoint URL --org ORG_ID --token-stdin < token.txt",
    "  lakesail configure --from-local-backend          # copies .lakesail/local-backend.json",
    "  lakesail --profile prod configure list           # what a command would use, and from where"},
        subcommands = ConfigureCommand.ListSettings.class)
public final class ConfigureCommand extends BaseCommand {
    @Option(names = "--token-stdin", description = "Read the token from standard input (keeps it out of the process list).")
    boolean tokenFromStdin;

    @Option(names = "--from-local-backend", paramLabel = "FILE", arity = "0..1", fallbackValue = "",
            description = "Take endpoint, token and organization from a local backend's connection file "
                    + "(default: the one found as LakeSail.fromLocalBackend() finds it).")
    String localBackendFile;

    ConfigureCommand(Context context) {
        super(context);
    }

    @Override
    public Integer call() {
        Terminal terminal = context.terminal();
        Settings.Flags flags = context.flags();
        Map<String, String> values = new LinkedHashMap<>();
        if (localBackendFile != null) {
            Path file = localBackendFile.isEmpty()
                    ? LocalBackendFile.locate(terminal.environment(), terminal.workingDirectory()) : Path.of(localBackendFile);
            LocalBackendFile local = LocalBackendFile.read(file);
            values.put("endpoint", local.endpoint().toString());
            values.put("token", local.token());
            values.put("organization", local.organizationId());
        }
        put(values, "endpoint", flags.endpoint());
        put(values, "token", tokenFromStdin ? readLine(terminal) : flags.token());
        put(values, "organization", flags.organization());
        put(values, "output", flags.output());
        String profile = flags.profile() != null ? flags.profile() : terminal.variable("LAKESAIL_PROFILE") != null
                ? terminal.variable("LAKESAIL_PROFILE") : "default";
        ProfileFile file = ProfileFile.read(ProfileFile.locate(terminal));
        if (values.isEmpty()) {
            if (!terminal.interactive()) {
                throw new CliException(ExitCode.USAGE, "nothing to configure: give --endpoint, --token-stdin, --org, --output "
                        + "or --from-local-backend, or run it at a terminal to be asked");
            }
            values = ask(terminal, file.profile(profile).orElse(Map.of()));
        }
        if (values.containsKey("output") && !values.get("output").equals("table") && !values.get("output").equals("json")) {
            throw new CliException(ExitCode.USAGE, "--output must be table or json, not " + values.get("output"));
        }
        file.with(profile, values).write();
        terminal.err().println("Saved profile " + profile + " in " + file.path() + " (" + String.join(", ", values.keySet()) + ").");
        return ExitCode.OK;
    }

    private static void put(Map<String, String> values, String key, String value) {
        if (value != null && !value.isBlank()) {
            values.put(key, value.strip());
        }
    }

    private static String readLine(Terminal terminal) {
        try {
            String line = new BufferedReader(new InputStreamReader(terminal.in(), StandardCharsets.UTF_8)).readLine();
            if (line == null || line.isBlank()) {
                throw new CliException(ExitCode.USAGE, "--token-stdin read no token from standard input");
            }
            return line.strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, String> ask(Terminal terminal, Map<String, String> current) {
        Console console = System.console();
        Map<String, String> values = new LinkedHashMap<>();
        for (String key : new String[] {"endpoint", "token", "organization", "output"}) {
            String shown = current.get(key) == null ? "" : key.equals("token") ? mask(current.get(key)) : current.get(key);
            String prompt = "LakeSail " + key + (shown.isEmpty() ? "" : " [" + shown + "]") + ": ";
            String answer;
            if (key.equals("token")) {
                char[] secret = console.readPassword("%s", prompt);
                answer = secret == null ? "" : new String(secret);
            } else {
                answer = console.readLine("%s", prompt);
            }
            put(values, key, answer);
        }
        return values;
    }

    static String mask(String token) {
        return token.length() <= 8 ? "****" : token.substring(0, 8) + "****";
    }

    @Command(name = "list", description = "Show the endpoint, token, organization and output a command would use, and where each comes from.")
    static final class ListSettings extends BaseCommand {
        ListSettings(Context context) {
            super(context);
        }

        @Override
        public Integer call() {
            Settings settings = context.settings();
            var out = context.terminal().out();
            out.printf("%-13s %-44s %s%n", "NAME", "VALUE", "SOURCE");
            out.printf("%-13s %-44s %s%n", "profile", settings.profile(), "");
            row(out, "endpoint", settings.endpoint().value(), settings.endpoint().source());
            row(out, "token", settings.token().value() == null ? null : mask(settings.token().value()), settings.token().source());
            row(out, "organization", settings.organization().value(), settings.organization().source());
            row(out, "output", settings.output().value(), settings.output().source());
            return ExitCode.OK;
        }

        private static void row(java.io.PrintStream out, String name, String value, String source) {
            out.printf("%-13s %-44s %s%n", name, value == null ? "-" : value, source);
        }
    }
}
