package com.lakesail.cli.commands;

import com.lakesail.cli.Context;
import com.lakesail.cli.Output.Column;
import com.lakesail.sdk.access.ListRequest;
import com.lakesail.sdk.access.Team;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "teams", description = "Teams: groups of members that roles are bound to and jobs belong to.")
public final class TeamsCommand extends BaseCommand {
    private static final List<Column> COLUMNS = List.of(Column.of("id"), Column.of("name"), Column.of("memberIds"),
            Column.of("version"));

    TeamsCommand(Context context) {
        super(context);
    }

    @Command(name = "create", description = "Create a team.")
    void create(@Option(names = "--name", required = true) String name) {
        out().model(lakesail().teams().create(r -> r.name(name)));
    }

    @Command(name = "list", description = "List the teams.")
    void list(@Mixin ListOptions list) {
        out().list(limited(lakesail().teams().list(ListRequest.builder().limit(list.pageSize()).build()), list), COLUMNS);
    }

    @Command(name = "get", description = "Show a team.")
    void get(@Parameters(paramLabel = "TEAM_ID") String id) {
        out().model(lakesail().teams().get(id));
    }

    @Command(name = "update", description = "Rename a team.")
    void update(@Parameters(paramLabel = "TEAM_ID") String id, @Option(names = "--name", required = true) String name,
            @Option(names = "--expected-version", paramLabel = "N") Long expected) {
        long version = expected != null ? expected : lakesail().teams().get(id).version();
        out().model(lakesail().teams().update(r -> r.teamId(id).name(name).version(version)));
    }

    @Command(name = "delete", description = "Delete a team.")
    void delete(@Parameters(paramLabel = "TEAM_ID") String id) {
        lakesail().teams().delete(id);
        out().result("Deleted team " + id + ".");
    }

    @Command(name = "add-member", description = "Add a member to a team.")
    void addMember(@Parameters(index = "0", paramLabel = "TEAM_ID") String teamId,
            @Parameters(index = "1", paramLabel = "MEMBER_ID") String memberId) {
        Team team = lakesail().teams().addMember(teamId, memberId);
        out().model(team);
    }

    @Command(name = "remove-member", description = "Remove a member from a team.")
    void removeMember(@Parameters(index = "0", paramLabel = "TEAM_ID") String teamId,
            @Parameters(index = "1", paramLabel = "MEMBER_ID") String memberId) {
        lakesail().teams().removeMember(teamId, memberId);
        out().result("Removed " + memberId + " from team " + teamId + ".");
    }
}
