package com.lakesail.cli.commands;

import com.lakesail.cli.Context;
import com.lakesail.cli.ExitCode;
import com.lakesail.cli.Output;
import com.lakesail.cli.Output.Column;
import com.lakesail.cli.Progress;
import com.lakesail.sdk.exception.LakeSailException;
import com.lakesail.sdk.exception.SdkException;
import com.lakesail.sdk.jobs.JobParameter;
import com.lakesail.sdk.jobs.ParameterType;
import com.lakesail.sdk.jobs.ResultPreview;
import com.lakesail.sdk.jobs.Row;
import com.lakesail.sdk.sessions.ResultRows;
import com.lakesail.sdk.sessions.SessionHandle;
import com.lakesail.sdk.sessions.StatementHandle;
import com.lakesail.sdk.sessions.StatementRequest;
import com.lakesail.sdk.waiter.ResourceFailedException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

@Command(name = "sessions", description = "Interactive sessions: a warm Sail on a cluster; run SQL at a prompt or "
        + "hand Spark Connect clients a token.")
public final class SessionsCommand extends BaseCommand {
    static final List<Column> COLUMNS = List.of(Column.of("id"), Column.of("clusterId"), Column.of("status"),
            Column.of("IDLE_TIMEOUT", "idleTimeoutMinutes"), Column.of("ownerMemberId"), Column.of("statements"),
            Column.of("lastActivityAt"), Column.of("createdAt"));

    /** How long a statement's submission waits for its end: a quick one comes back done in one round trip. */
    private static final int HELD_SECONDS = 20;

    SessionsCommand(Context context) {
        super(context);
    }

    @Command(name = "open", description = "Open a session on a cluster with the catalogs its SQL may use.")
    int open(@Option(names = "--cluster", paramLabel = "CLUSTER_ID", required = true) String clusterId,
            @Option(names = "--catalog", paramLabel = "CATALOG_ID", description = "A catalog; repeatable.") List<String> catalogs,
            @Option(names = "--idle-timeout", paramLabel = "MINUTES", description = "Close after this many minutes "
                    + "with no statement running, 1 to 10080 (default: the service's, 15).") Integer idleTimeout,
            @Mixin WaitOptions wait) {
        SessionHandle handle = lakesail().sessions().open(r -> r.clusterId(clusterId)
                .catalogIds(catalogs == null ? List.of() : catalogs).idleTimeoutMinutes(idleTimeout));
        if (!wait.wait) {
            out().model(handle.session());
            return ExitCode.OK;
        }
        Progress progress = context.progress("session " + handle.id());
        try {
            out().model(handle.waitUntilReady(w -> w.timeout(wait.timeout).progressListener(progress)).session());
            return ExitCode.OK;
        } catch (ResourceFailedException e) {
            progress.done();
            out().model(e.resource());
            throw e;
        } finally {
            progress.done();
        }
    }

    @Command(name = "list", description = "List sessions, newest first: yours, or with sessions:read everyone's.")
    void list(@Option(names = "--member", paramLabel = "MEMBER_ID", description = "Only this member's.") String memberId,
            @Mixin ListOptions list) {
        out().list(limited(lakesail().sessions().list(memberId), list), COLUMNS);
    }

    @Command(name = "get", description = "Show a session.")
    void get(@Parameters(paramLabel = "SESSION_ID") String id) {
        out().model(lakesail().sessions().get(id));
    }

    @Command(name = "close", description = "Close a session: running statements stop and its Sail is freed.")
    void close(@Parameters(paramLabel = "SESSION_ID") String id) {
        out().model(lakesail().sessions().close(id));
    }

    @Command(name = "token", description = "Issue a token for Spark Connect clients and print its connection string "
            + "(shown once).")
    void token(@Parameters(paramLabel = "SESSION_ID") String id,
            @Option(names = "--expires-in", paramLabel = "DURATION", converter = DurationConverter.class,
                    description = "Its lifetime in whole minutes, e.g. 30m or 2h, at most 12h (default: 1h).") Duration lifetime) {
        out().model(lakesail().sessions().token(id, lifetime));
    }

    @Command(name = "sql", description = "Run SQL in a session: a prompt with line editing and history at a terminal "
            + "(statements end with ';'; exit, quit or Ctrl-D to leave), statements read from standard input otherwise, "
            + "or one statement with --execute.")
    int sql(@Parameters(paramLabel = "SESSION_ID") String id,
            @Option(names = {"-e", "--execute"}, paramLabel = "SQL", description = "Run this one statement and exit.")
            String execute,
            @Option(names = "--query", paramLabel = "QUERY_ID", description = "Run this saved query and exit.") String queryId,
            @Option(names = {"-p", "--param"}, paramLabel = "NAME=VALUE", description = "A named parameter (:name); "
                    + "repeatable. Typed as the saved query declares it, else a number, true/false or text.")
            Map<String, String> parameters) {
        if (execute != null && queryId != null) {
            throw new ParameterException(spec.commandLine(), "--execute and --query exclude each other");
        }
        Map<String, Object> values = typed(queryId, parameters == null ? Map.of() : parameters);
        if (execute != null || queryId != null) {
            StatementRequest request = execute != null ? StatementRequest.sql(execute) : StatementRequest.query(queryId);
            print(run(id, request.parameters(values)));
            return ExitCode.OK;
        }
        return prompt(id, values);
    }

    /** Statements one after another; a failed one is told and the next is read. Exits failed when any failed. */
    private int prompt(String sessionId, Map<String, Object> values) {
        int status = ExitCode.OK;
        AtomicReference<StatementHandle> running = new AtomicReference<>();
        try (SqlPrompt prompt = SqlPrompt.open(context.terminal())) {
            prompt.onInterrupt(() -> {
                StatementHandle statement = running.get();
                if (statement != null) {
                    statement.cancel();
                }
            });
            for (String sql = SqlPrompt.nextStatement(prompt); sql != null; sql = SqlPrompt.nextStatement(prompt)) {
                long started = System.nanoTime();
                try {
                    // At a terminal not held: Ctrl-C must find the statement from its first moment, not
                    // after a held answer. Piped, nobody presses it: a quick statement's end rides the answer.
                    StatementHandle statement = submit(sessionId, StatementRequest.sql(sql).parameters(values),
                            prompt.interruptible() ? 0 : HELD_SECONDS);
                    running.set(statement);
                    ResultRows result = statement.result(SessionHandle.DEFAULT_STATEMENT_TIMEOUT);
                    print(result);
                    if (!out().json()) {
                        out().note(summary(result, Duration.ofNanos(System.nanoTime() - started)));
                    }
                } catch (SdkException e) {
                    // The statement failed, or the service refused or could not be reached: say so and read the next.
                    out().note("lakesail: " + (e instanceof LakeSailException service ? service.errorMessage() : e.getMessage()));
                    status = ExitCode.FAILED;
                } finally {
                    running.set(null);
                }
            }
        }
        return status;
    }

    /**
     * Sends the statement straight to the session (no read of the session first: the service says
     * when it is closed or not the caller's) and holds the answer up to {@code heldSeconds} for a quick
     * statement's end.
     */
    private StatementHandle submit(String sessionId, StatementRequest request, int heldSeconds) {
        return lakesail().sessions().submit(sessionId, request, heldSeconds);
    }

    private ResultRows run(String sessionId, StatementRequest request) {
        return submit(sessionId, request, HELD_SECONDS).result(SessionHandle.DEFAULT_STATEMENT_TIMEOUT);
    }

    private void print(ResultRows result) {
        Output out = out();
        if (out.json()) {
            // One object a line: a prompt's statements read as a stream of results.
            out.line(new ResultJson(result.statement().id(), result.columns(), result.rowCount(), result.truncated(),
                    result.stream().map(Row::values).toList()), null);
            return;
        }
        if (!result.columns().isEmpty()) {
            ResultTable.print(out.out(), result.columns(), () -> result.stream().map(Row::values).iterator());
        }
        if (result.truncated()) {
            out.note("The result holds the first " + result.rowCount() + " rows only.");
        }
    }

    private static String summary(ResultRows result, Duration took) {
        long rows = result.rowCount();
        return "(" + rows + (rows == 1 ? " row" : " rows") + ", " + String.format("%.2f s", took.toMillis() / 1000.0) + ")";
    }

    /** Values typed as the saved query declares them; for plain SQL, inferred from the text. */
    private Map<String, Object> typed(String queryId, Map<String, String> values) {
        Map<String, Object> typed = new LinkedHashMap<>();
        if (values.isEmpty()) {
            return typed;
        }
        Map<String, ParameterType> declared = new LinkedHashMap<>();
        if (queryId != null) {
            for (JobParameter p : lakesail().queries().get(queryId).parameters()) {
                declared.put(p.name(), p.type());
            }
        }
        values.forEach((name, text) -> typed.put(name, declared.containsKey(name)
                ? ParameterValues.typed(declared.get(name), text, m -> new ParameterException(spec.commandLine(),
                        "parameter " + name + " " + m))
                : ParameterValues.inferred(text)));
        return typed;
    }

    /** A result in JSON: its statement id, columns and every row, read page by page. */
    record ResultJson(String statementId, List<ResultPreview.Column> columns, long rowCount, boolean truncated,
            List<List<Object>> rows) {
    }
}
