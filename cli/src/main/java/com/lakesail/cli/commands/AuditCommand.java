package com.lakesail.cli.commands;

import com.lakesail.cli.Context;
import com.lakesail.cli.ExitCode;
import com.lakesail.cli.Output.Column;
import java.time.Instant;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "audit", description = "The organization's audit log, newest first: every change and every refusal.")
public final class AuditCommand extends BaseCommand {
    private static final List<Column> COLUMNS = List.of(Column.of("time"), Column.of("action"), Column.of("outcome"),
            Column.of("actorId"), Column.of("targetId"), Column.of("reason"));

    @Option(names = "--actor", paramLabel = "USER_ID")
    String actor;

    @Option(names = "--target", paramLabel = "RESOURCE_ID")
    String target;

    @Option(names = "--from", paramLabel = "INSTANT", description = "e.g. 2026-01-31T00:00:00Z")
    Instant from;

    @Option(names = "--to", paramLabel = "INSTANT")
    Instant to;

    @Mixin
    ListOptions list;

    AuditCommand(Context context) {
        super(context);
    }

    @Override
    public Integer call() {
        out().list(limited(lakesail().auditEvents().list(r -> r.actorId(actor).targetId(target).from(from).to(to)
                .limit(list.pageSize())), list), COLUMNS);
        return ExitCode.OK;
    }
}
