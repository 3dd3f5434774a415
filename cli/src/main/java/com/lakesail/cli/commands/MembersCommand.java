package com.lakesail.cli.commands;

import com.lakesail.cli.Context;
import com.lakesail.cli.Output.Column;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "members", description = "Members of the organization: list, get, remove.")
public final class MembersCommand extends BaseCommand {
    private static final List<Column> COLUMNS = List.of(Column.of("id"), Column.of("email"), Column.of("roles"),
            Column.of("userId"), Column.of("createdAt"));

    MembersCommand(Context context) {
        super(context);
    }

    @Command(name = "list", description = "List the organization's members.")
    void list(@Mixin ListOptions list) {
        out().list(limited(lakesail().members().list(r -> r.limit(list.pageSize())), list), COLUMNS);
    }

    @Command(name = "get", description = "Show a member.")
    void get(@Parameters(paramLabel = "MEMBER_ID") String id) {
        out().model(lakesail().members().get(id));
    }

    @Command(name = "remove", description = "Remove a member: their token stops working in this organization at once.")
    void remove(@Parameters(paramLabel = "MEMBER_ID") String id) {
        lakesail().members().remove(id);
        out().result("Removed member " + id + ".");
    }
}
