package com.lakesail.cli;

import com.lakesail.sdk.LakeSail;
import com.lakesail.sdk.internal.DefaultLakeSailBuilder;
import java.time.Duration;

/**
 * What every command shares in one invocation: the terminal, the global flags, and (built on first
 * use, closed at the end) the SDK client those resolve to. Commands get it through their constructor.
 */
public final class Context implements AutoCloseable {
    private final Terminal terminal;
    String endpointFlag;
    String tokenFlag;
    String organizationFlag;
    String outputFlag;
    String profileFlag;
    private Settings settings;
    private Output output;
    private LakeSail client;

    Context(Terminal terminal) {
        this.terminal = terminal;
    }

    public Terminal terminal() {
        return terminal;
    }

    /** The global flags as given; null where absent. */
    public Settings.Flags flags() {
        return new Settings.Flags(endpointFlag, tokenFlag, organizationFlag, outputFlag, profileFlag);
    }

    public Settings settings() {
        if (settings == null) {
            settings = Settings.resolve(terminal, flags());
        }
        return settings;
    }

    public Output output() {
        if (output == null) {
            output = new Output(Output.Format.parse(settings().output()), terminal.out(), terminal.err());
        }
        return output;
    }

    /** A client acting in the configured organization; a clear usage error when none is configured. */
    public LakeSail lakesail() {
        LakeSail lakesail = client();
        if (lakesail.organizationId().isEmpty()) {
            throw new CliException(ExitCode.USAGE, "no organization configured: pass --org, set LAKESAIL_ORGANIZATION, "
                    + "or run `lakesail configure` (list yours with `lakesail orgs list`)");
        }
        return lakesail;
    }

    /** A client for calls outside any organization: who am I, my tokens, my organizations. */
    public LakeSail client() {
        if (client == null) {
            Settings resolved = settings();
            DefaultLakeSailBuilder builder = new DefaultLakeSailBuilder();
            builder.endpoint(resolved.endpointUri()).token(resolved.token().value())
                    .organization(resolved.organization().value())
                    .userAgentSuffix("lakesail-cli/" + Version.get())
                    .connectTimeout(Duration.ofSeconds(5));
            if (resolved.localBackend() != null) {
                builder.unreachableHint(resolved.localBackend().unreachableHint());
            }
            client = builder.build();
        }
        return client;
    }

    /** A progress display for a wait: a bar at a terminal, one line per change elsewhere. */
    public Progress progress(String label) {
        return new Progress(terminal.err(), terminal.interactive(), label);
    }

    @Override
    public void close() {
        if (client != null) {
            client.close();
        }
    }
}
