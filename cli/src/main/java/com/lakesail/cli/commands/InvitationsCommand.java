package com.lakesail.cli.commands;

import com.lakesail.cli.Context;
import com.lakesail.cli.Output.Column;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "invitations", description = "Invite people into the organization, with roles and teams; accept an invitation.")
public final class InvitationsCommand extends BaseCommand {
    private static final List<Column> COLUMNS = List.of(Column.of("id"), Column.of("email"), Column.of("status"),
            Column.of("roleIds"), Column.of("teamIds"), Column.of("expiresAt"));

    InvitationsCommand(Context context) {
        super(context);
    }

    @Command(name = "create", description = "Invite someone; the printed token goes to the invitee only.")
    void create(@Option(names = "--email", required = true) String email,
            @Option(names = "--role", paramLabel = "ROLE_ID", description = "A role to grant, e.g. analyst; repeatable.")
            List<String> roles,
            @Option(names = "--team", paramLabel = "TEAM_ID", description = "A team to join; repeatable.") List<String> teams,
            @Option(names = "--expires-in-days", paramLabel = "DAYS") Integer days) {
        out().model(lakesail().invitations().create(r -> r.email(email).roleIds(roles == null ? List.of() : roles)
                .teamIds(teams == null ? List.of() : teams).expiresInDays(days)));
    }

    @Command(name = "list", description = "List the organization's invitations.")
    void list(@Mixin ListOptions list) {
        out().list(limited(lakesail().invitations().list(com.lakesail.sdk.access.ListRequest.builder()
                .limit(list.pageSize()).build()), list), COLUMNS);
    }

    @Command(name = "get", description = "Show an invitation.")
    void get(@Parameters(paramLabel = "INVITATION_ID") String id) {
        out().model(lakesail().invitations().get(id));
    }

    @Command(name = "revoke", description = "Revoke a pending invitation.")
    void revoke(@Parameters(paramLabel = "INVITATION_ID") String id) {
        lakesail().invitations().revoke(id);
        out().result("Revoked invitation " + id + ".");
    }

    @Command(name = "accept", description = "Accept an invitation sent to you, with its token; you become a member.")
    void accept(@Parameters(paramLabel = "INVITATION_TOKEN") String token) {
        out().model(context.client().invitations().accept(token));
    }
}
