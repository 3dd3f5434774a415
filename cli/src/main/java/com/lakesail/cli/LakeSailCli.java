package com.lakesail.cli;

import com.lakesail.sdk.exception.ErrorDetail;
import com.lakesail.sdk.exception.LakeSailException;
import com.lakesail.sdk.waiter.ResourceFailedException;
import java.io.PrintWriter;
import java.lang.reflect.Constructor;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Builds the {@code lakesail} command tree ({@link RootCommand} lists every command) and runs one
 * invocation: parses, runs, prints what went wrong in one or two plain lines, and answers the
 * {@link ExitCode}.
 */
public final class LakeSailCli {
    private LakeSailCli() {
    }

    public static int run(Terminal terminal, String... args) {
        try (Context context = new Context(terminal)) {
            return commandLine(context, invoked(args)).execute(args);
        }
    }

    /**
     * The tree with the command named {@code only}, or every command when null (for the root's
     * help, a misspelt name's suggestions, completion scripts).
     */
    static CommandLine commandLine(Context context, String only) {
        ContextFactory factory = new ContextFactory(context);
        CommandLine cli = new CommandLine(new RootCommand(context), factory);
        for (Class<?> type : RootCommand.COMMANDS) {
            if (only == null || only.equals(type.getAnnotation(CommandLine.Command.class).name())) {
                try {
                    cli.addSubcommand(factory.create(type));
                } catch (Exception e) {
                    throw new IllegalStateException("cannot build the command " + type.getName(), e);
                }
            }
        }
        cli.setOut(new PrintWriter(context.terminal().out(), true));
        cli.setErr(new PrintWriter(context.terminal().err(), true));
        addHelpOption(cli);
        cli.setParameterExceptionHandler(LakeSailCli::usageError);
        cli.setExecutionExceptionHandler((error, command, parseResult) -> failure(context, error));
        return cli;
    }

    /** The command the arguments invoke, if it is one that builds alone; null for all of them. */
    private static String invoked(String[] args) {
        for (int i = 0; i < args.length; i++) {
            if (RootCommand.OPTIONS_WITH_VALUES.contains(args[i])) {
                i++;
            } else if (!args[i].startsWith("-")) {
                String name = args[i];
                boolean known = RootCommand.COMMANDS.stream()
                        .anyMatch(type -> type.getAnnotation(CommandLine.Command.class).name().equals(name));
                return known && !name.equals("completion") ? name : null;
            }
        }
        return null;
    }

    /** {@code -h, --help} on every command (the root also has {@code --version}). */
    private static void addHelpOption(CommandLine command) {
        CommandSpec spec = command.getCommandSpec();
        if (spec.findOption("--help") == null) {
            spec.addOption(OptionSpec.builder("-h", "--help").usageHelp(true).description("Show this help and exit.").build());
        }
        command.getSubcommands().values().forEach(LakeSailCli::addHelpOption);
    }

    private static int usageError(CommandLine.ParameterException error, String[] args) {
        CommandLine command = error.getCommandLine();
        PrintWriter err = command.getErr();
        err.println("lakesail: " + error.getMessage());
        CommandLine.UnmatchedArgumentException.printSuggestions(error, err);
        err.println("See 'lakesail " + qualifiedName(command) + "--help'.");
        return ExitCode.USAGE;
    }

    private static String qualifiedName(CommandLine command) {
        String name = command.getCommandSpec().qualifiedName(" ");
        String rest = name.startsWith("lakesail") ? name.substring("lakesail".length()).strip() : name;
        return rest.isEmpty() ? "" : rest + " ";
    }

    private static int failure(Context context, Exception error) {
        var err = context.terminal().err();
        if (error instanceof LakeSailException service) {
            err.println("lakesail: " + service.errorMessage());
            for (ErrorDetail detail : service.details()) {
                if (!service.errorMessage().contains(detail.toString())) {
                    err.println("  " + detail.field() + ": " + detail.message());
                }
            }
            err.println("  " + service.code() + ", HTTP " + service.status() + ", request id " + service.requestId());
        } else if (error instanceof ResourceFailedException failed) {
            err.println("lakesail: " + failed.getMessage());
        } else if (error instanceof CliException || error instanceof com.lakesail.sdk.exception.SdkException) {
            err.println("lakesail: " + error.getMessage());
        } else {
            err.println("lakesail: unexpected error: " + error);
            if (context.terminal().variable("LAKESAIL_DEBUG") != null) {
                error.printStackTrace(err);
            }
        }
        return ExitCode.of(error);
    }

    /** Makes command objects, handing the invocation's {@link Context} to those that take it. */
    private record ContextFactory(Context context) implements CommandLine.IFactory {
        @Override
        public <K> K create(Class<K> type) throws Exception {
            try {
                Constructor<K> constructor = type.getDeclaredConstructor(Context.class);
                constructor.setAccessible(true);
                return constructor.newInstance(context);
            } catch (NoSuchMethodException e) {
                return CommandLine.defaultFactory().create(type);
            }
        }
    }
}
