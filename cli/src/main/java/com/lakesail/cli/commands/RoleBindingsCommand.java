package com.lakesail.cli.commands;

import com.lakesail.cli.Context;
import com.lakesail.cli.Output.Column;
import com.lakesail.sdk.access.ListRequest;
import com.lakesail.sdk.access.Subject;
import java.util.List;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "role-bindings", description = "Grant a role to a member or a team, optionally scoped to one resource and what lives under it.")
public final class RoleBindingsCommand extends BaseCommand {
    private static final List<Column> COLUMNS = List.of(Column.of("id"), Column.of("roleId"),
            Column.of("SUBJECT", "subject.type"), Column.of("SUBJECT_ID", "subject.id"), Column.of("scope"),
            Column.of("createdAt"));

    RoleBindingsCommand(Context context) {
        super(context);
    }

    /** Exactly one of a member and a team. */
    static final class Who {
        @Option(names = "--member", paramLabel = "MEMBER_ID", required = true)
        String member;
        @Option(names = "--team", paramLabel = "TEAM_ID", required = true)
        String team;
    }

    @Command(name = "create", description = "Bind a role to a member or a team.")
    void create(@Option(names = "--role", paramLabel = "ROLE_ID", required = true) String role,
            @ArgGroup(exclusive = true, multiplicity = "1") Who who,
            @Option(names = "--scope", paramLabel = "RESOURCE_ID",
                    description = "Only on this resource and what lives under it, e.g. a network or a team.") String scope) {
        Subject subject = who.member != null ? Subject.member(who.member) : Subject.team(who.team);
        out().model(lakesail().roleBindings().create(r -> r.roleId(role).subject(subject).scope(scope)));
    }

    @Command(name = "list", description = "List the role bindings.")
    void list(@Mixin ListOptions list) {
        out().list(limited(lakesail().roleBindings().list(ListRequest.builder().limit(list.pageSize()).build()), list), COLUMNS);
    }

    @Command(name = "get", description = "Show a role binding.")
    void get(@Parameters(paramLabel = "BINDING_ID") String id) {
        out().model(lakesail().roleBindings().get(id));
    }

    @Command(name = "delete", description = "Delete a role binding.")
    void delete(@Parameters(paramLabel = "BINDING_ID") String id) {
        lakesail().roleBindings().delete(id);
        out().result("Deleted role binding " + id + ".");
    }
}
