package com.lakesail.cli.commands;

import com.lakesail.cli.Context;
import com.lakesail.cli.Output.Column;
import com.lakesail.sdk.organizations.Organization;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "orgs", description = "Organizations you belong to: list, get, create, rename.")
public final class OrgsCommand extends BaseCommand {
    private static final List<Column> COLUMNS = List.of(Column.of("id"), Column.of("name"), Column.of("version"),
            Column.of("createdAt"));

    OrgsCommand(Context context) {
        super(context);
    }

    @Command(name = "list", description = "List your organizations.")
    void list(@Mixin ListOptions list) {
        out().list(limited(context.client().organizations().list(r -> r.limit(list.pageSize())), list), COLUMNS);
    }

    @Command(name = "get", description = "Show an organization (default: the one you act in).")
    void get(@Parameters(paramLabel = "ORG_ID", arity = "0..1") String id) {
        out().model(id == null ? lakesail().organizations().get() : context.client().organizations().get(id));
    }

    @Command(name = "create", description = "Create an organization; you become its owner.")
    void create(@Option(names = "--name", required = true) String name) {
        out().model(context.client().organizations().create(r -> r.name(name)));
    }

    @Command(name = "update", description = "Rename an organization (default: the one you act in).")
    void update(@Parameters(paramLabel = "ORG_ID", arity = "0..1") String id,
            @Option(names = "--name", required = true) String name,
            @Option(names = "--expected-version", paramLabel = "N",
                    description = "Refuse with a conflict unless it is at this version (default: the version read now).")
            Long expected) {
        Organization current = id == null ? lakesail().organizations().get() : context.client().organizations().get(id);
        long version = expected != null ? expected : current.version();
        out().model(context.client().organizations().update(r -> r.organizationId(current.id()).name(name).version(version)));
    }
}
