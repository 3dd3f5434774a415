package com.lakesail.cli;

import com.lakesail.cli.commands.AccountsCommand;
import com.lakesail.cli.commands.AuditCommand;
import com.lakesail.cli.commands.CatalogsCommand;
import com.lakesail.cli.commands.ClustersCommand;
import com.lakesail.cli.commands.CompletionCommand;
import com.lakesail.cli.commands.ConfigureCommand;
import com.lakesail.cli.commands.EventsCommand;
import com.lakesail.cli.commands.InvitationsCommand;
import com.lakesail.cli.commands.JobsCommand;
import com.lakesail.cli.commands.LocalCommand;
import com.lakesail.cli.commands.MeCommand;
import com.lakesail.cli.commands.MembersCommand;
import com.lakesail.cli.commands.NetworksCommand;
import com.lakesail.cli.commands.OrgsCommand;
import com.lakesail.cli.commands.QueriesCommand;
import com.lakesail.cli.commands.RoleBindingsCommand;
import com.lakesail.cli.commands.RolesCommand;
import com.lakesail.cli.commands.RunsCommand;
import com.lakesail.cli.commands.SessionsCommand;
import com.lakesail.cli.commands.TeamsCommand;
import com.lakesail.cli.commands.TokensCommand;
import com.lakesail.cli.commands.WhoCanCommand;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code lakesail}: the global options, and the one list of commands. A new command is one class
 * taking the {@link Context} in its constructor, added to {@link #COMMANDS}.
 */
@Command(name = "lakesail", versionProvider = Version.class, sortOptions = false,
        description = "LakeSail from the command line: identity and access, infrastructure, jobs, runs and events, queries and sessions.",
        footer = {"", "Credentials: --endpoint/--token/--org, else LAKESAIL_ENDPOINT/LAKESAIL_TOKEN/LAKESAIL_ORGANIZATION, "
                + "else the profile in ~/.lakesail/config, else a local backend's .lakesail/local-backend.json here. "
                + "See 'lakesail configure list'.", "", ExitCode.HELP})
public final class RootCommand implements Runnable {
    /**
     * Every command, in the order {@code --help} lists them. Only the one invoked is built (see
     * {@link LakeSailCli}): reading the whole tree costs picocli more than the command itself.
     */
    static final List<Class<?>> COMMANDS = List.of(
            ConfigureCommand.class,
            MeCommand.class,
            TokensCommand.class,
            OrgsCommand.class,
            MembersCommand.class,
            InvitationsCommand.class,
            TeamsCommand.class,
            RolesCommand.class,
            RoleBindingsCommand.class,
            WhoCanCommand.class,
            AuditCommand.class,
            AccountsCommand.class,
            NetworksCommand.class,
            ClustersCommand.class,
            CatalogsCommand.class,
            JobsCommand.class,
            RunsCommand.class,
            QueriesCommand.class,
            SessionsCommand.class,
            EventsCommand.class,
            LocalCommand.class,
            CompletionCommand.class);

    /** The global options that take a value: skipped when looking for the command's name. */
    static final Set<String> OPTIONS_WITH_VALUES = Set.of("--endpoint", "--token", "--org", "--profile", "--output");

    private final Context context;

    @Spec
    private CommandSpec spec;

    RootCommand(Context context) {
        this.context = context;
    }

    @Option(names = "--version", versionHelp = true, description = "Print the version and exit.")
    private boolean version;

    @Option(names = "--endpoint", scope = ScopeType.INHERIT, paramLabel = "URL",
            description = "The API's address, e.g. http://127.0.0.1:8787 (env LAKESAIL_ENDPOINT).")
    void endpoint(String endpoint) {
        context.endpointFlag = endpoint;
    }

    @Option(names = "--token", scope = ScopeType.INHERIT, paramLabel = "TOKEN",
            description = "The API token, lsk_... (env LAKESAIL_TOKEN, which other users cannot read in the process list).")
    void token(String token) {
        context.tokenFlag = token;
    }

    @Option(names = "--org", scope = ScopeType.INHERIT, paramLabel = "ORG_ID",
            description = "The organization to act in, org_... (env LAKESAIL_ORGANIZATION).")
    void organization(String organization) {
        context.organizationFlag = organization;
    }

    @Option(names = "--profile", scope = ScopeType.INHERIT, paramLabel = "NAME",
            description = "The profile in ~/.lakesail/config (env LAKESAIL_PROFILE; default: default).")
    void profile(String profile) {
        context.profileFlag = profile;
    }

    @Option(names = {"--output"}, scope = ScopeType.INHERIT, paramLabel = "table|json",
            description = "table for people (the default), json for scripts: the SDK's model (env LAKESAIL_OUTPUT).")
    void output(String output) {
        context.outputFlag = output;
    }

    @Override
    public void run() {
        spec.commandLine().usage(context.terminal().out());
    }
}
