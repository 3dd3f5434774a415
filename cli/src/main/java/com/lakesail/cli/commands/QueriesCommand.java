package com.lakesail.cli.commands;

import com.lakesail.cli.CliException;
import com.lakesail.cli.Context;
import com.lakesail.cli.ExitCode;
import com.lakesail.cli.Output.Column;
import com.lakesail.sdk.jobs.JobParameter;
import com.lakesail.sdk.jobs.ParameterType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

@Command(name = "queries", description = "Saved queries: named SQL with declared parameters, run in a session or by a job.")
public final class QueriesCommand extends BaseCommand {
    static final List<Column> COLUMNS = List.of(Column.of("id"), Column.of("name"), Column.of("teamId"),
            Column.of("version"), Column.of("updatedAt"), Column.of("sql"));

    QueriesCommand(Context context) {
        super(context);
    }

    /** The SQL: given inline or read from a file, not both. */
    static final class SqlSource {
        @Option(names = "--sql", paramLabel = "SQL", description = "The SQL, one statement.")
        String sql;

        @Option(names = {"-f", "--file"}, paramLabel = "FILE", description = "Read the SQL from this file.")
        Path file;

        String read() {
            if (sql != null) {
                return sql;
            }
            try {
                return Files.readString(file);
            } catch (NoSuchFileException e) {
                throw new CliException(ExitCode.INVALID, "no such file: " + file);
            } catch (IOException e) {
                throw new CliException(ExitCode.INVALID, "cannot read " + file + ": " + e.getMessage(), e);
            }
        }
    }

    @Command(name = "create", description = "Save a query.")
    void create(@Option(names = "--name", required = true) String name,
            @ArgGroup(exclusive = true, multiplicity = "1") SqlSource sql,
            @Option(names = "--description") String description,
            @Option(names = "--team", paramLabel = "TEAM_ID", description = "The owning team (default: none, "
                    + "organization-wide bindings only).") String teamId,
            @Option(names = {"-p", "--param"}, paramLabel = "NAME:TYPE[=DEFAULT]", description = "A declared parameter, "
                    + "e.g. day:date or limit:bigint=100; repeatable. Types: string, bigint, double, boolean, date, timestamp.")
            List<String> parameters) {
        List<JobParameter> declared = declarations(parameters);
        out().model(lakesail().queries().create(r -> r.name(name).description(description).teamId(teamId).sql(sql.read())
                .parameters(declared)));
    }

    @Command(name = "list", description = "List the saved queries (of a team).")
    void list(@Option(names = "--team", paramLabel = "TEAM_ID") String teamId, @Mixin ListOptions list) {
        out().list(limited(lakesail().queries().list(teamId), list), COLUMNS);
    }

    @Command(name = "get", description = "Show a saved query with its SQL and parameters.")
    void get(@Parameters(paramLabel = "QUERY_ID") String id) {
        out().model(lakesail().queries().get(id));
    }

    @Command(name = "update", description = "Change a saved query; what is not given is kept. Each update bumps its version.")
    void update(@Parameters(paramLabel = "QUERY_ID") String id, @Option(names = "--name") String name,
            @ArgGroup(exclusive = true) SqlSource sql,
            @Option(names = "--description") String description,
            @Option(names = "--team", paramLabel = "TEAM_ID") String teamId,
            @Option(names = {"-p", "--param"}, paramLabel = "NAME:TYPE[=DEFAULT]", description = "Replaces the declared "
                    + "parameters; repeatable.") List<String> parameters,
            @Option(names = "--no-params", description = "Declare no parameters any more.") boolean noParameters,
            @Option(names = "--expected-version", paramLabel = "N", description = "Refuse (exit status 5) unless the "
                    + "query is still at this version (default: the version read now).") Long expected) {
        if (noParameters && parameters != null) {
            throw new ParameterException(spec.commandLine(), "--param and --no-params exclude each other");
        }
        List<JobParameter> declared = noParameters ? List.of() : parameters == null ? null : declarations(parameters);
        String text = sql == null ? null : sql.read();
        long version = expected != null ? expected : lakesail().queries().get(id).version();
        out().model(lakesail().queries().update(id, version, r -> r.name(name).description(description).teamId(teamId)
                .sql(text).parameters(declared)));
    }

    @Command(name = "delete", description = "Delete a saved query; statements and runs that ran it keep their SQL.")
    void delete(@Parameters(paramLabel = "QUERY_ID") String id) {
        lakesail().queries().delete(id);
        out().result("Deleted query " + id + ".");
    }

    private List<JobParameter> declarations(List<String> specs) {
        List<JobParameter> declared = new ArrayList<>();
        if (specs == null) {
            return declared;
        }
        for (String text : specs) {
            int colon = text.indexOf(':');
            if (colon <= 0) {
                throw new ParameterException(spec.commandLine(), "--param must be NAME:TYPE[=DEFAULT], not " + text);
            }
            int equals = text.indexOf('=', colon);
            String name = text.substring(0, colon);
            ParameterType type = choice(ParameterType.class, equals < 0 ? text.substring(colon + 1)
                    : text.substring(colon + 1, equals), "--param " + name + " type");
            declared.add(JobParameter.of(name, type, equals < 0 ? null : ParameterValues.typed(type, text.substring(equals + 1),
                    message -> new ParameterException(spec.commandLine(), "--param " + name + " default " + message))));
        }
        return declared;
    }
}
