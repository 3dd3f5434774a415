package com.lakesail.cli.commands;

import com.lakesail.cli.Context;
import com.lakesail.cli.Output.Column;
import com.lakesail.sdk.access.ListRequest;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "roles", description = "Roles: built-in (owner, admin, infra-admin, developer, analyst, viewer) and custom sets of permissions.")
public final class RolesCommand extends BaseCommand {
    private static final List<Column> COLUMNS = List.of(Column.of("id"), Column.of("name"), Column.of("builtIn"),
            Column.of("permissions"));

    RolesCommand(Context context) {
        super(context);
    }

    @Command(name = "list", description = "List built-in and custom roles.")
    void list(@Mixin ListOptions list) {
        out().list(limited(lakesail().roles().list(ListRequest.builder().limit(list.pageSize()).build()), list), COLUMNS);
    }

    @Command(name = "get", description = "Show a role and its permissions.")
    void get(@Parameters(paramLabel = "ROLE_ID") String id) {
        out().model(lakesail().roles().get(id));
    }

    @Command(name = "create", description = "Create a custom role.")
    void create(@Option(names = "--name", required = true) String name, @Option(names = "--description") String description,
            @Option(names = "--permission", paramLabel = "ACTION", required = true,
                    description = "A permission such as clusters:create; repeatable.") List<String> permissions) {
        out().model(lakesail().roles().create(r -> r.name(name).description(description).permissions(permissions)));
    }

    @Command(name = "update", description = "Change a custom role; permissions given replace the old ones.")
    void update(@Parameters(paramLabel = "ROLE_ID") String id, @Option(names = "--name") String name,
            @Option(names = "--description") String description,
            @Option(names = "--permission", paramLabel = "ACTION") List<String> permissions,
            @Option(names = "--expected-version", paramLabel = "N") Long expected) {
        Long version = expected != null ? expected : lakesail().roles().get(id).version();
        out().model(lakesail().roles().update(r -> r.roleId(id).name(name).description(description)
                .permissions(permissions).version(version)));
    }

    @Command(name = "delete", description = "Delete a custom role.")
    void delete(@Parameters(paramLabel = "ROLE_ID") String id) {
        lakesail().roles().delete(id);
        out().result("Deleted role " + id + ".");
    }
}
