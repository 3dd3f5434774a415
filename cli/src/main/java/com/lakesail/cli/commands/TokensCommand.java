package com.lakesail.cli.commands;

import com.lakesail.cli.Context;
import com.lakesail.cli.Output.Column;
import com.lakesail.sdk.identity.CreatedToken;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "tokens", description = "Your API tokens: create (the secret is shown once), list, revoke.")
public final class TokensCommand extends BaseCommand {
    private static final List<Column> COLUMNS = List.of(Column.of("id"), Column.of("name"), Column.of("prefix"),
            Column.of("createdAt"), Column.of("expiresAt"), Column.of("lastUsedAt"), Column.of("revokedAt"));

    TokensCommand(Context context) {
        super(context);
    }

    @Command(name = "create", description = "Create a token; its secret is printed once.")
    void create(@Option(names = "--name", required = true) String name,
            @Option(names = "--expires-in-days", paramLabel = "DAYS") Integer days) {
        CreatedToken token = context.client().tokens().create(r -> r.name(name).expiresInDays(days));
        out().model(token);
        out().note("Keep the secret now: it is not shown again.");
    }

    @Command(name = "list", description = "List your tokens.")
    void list(@Mixin ListOptions list) {
        out().list(limited(context.client().tokens().list(r -> r.limit(list.pageSize())), list), COLUMNS);
    }

    @Command(name = "revoke", description = "Revoke a token: it stops working at once.")
    void revoke(@Parameters(paramLabel = "TOKEN_ID") String id) {
        context.client().tokens().delete(id);
        out().result("Revoked token " + id + ".");
    }
}
