package com.lakesail.cli.commands;

import com.lakesail.cli.Context;
import com.lakesail.cli.Output.Column;
import com.lakesail.sdk.infrastructure.RoleTemplate;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "accounts", description = "Cloud accounts: the AWS accounts LakeSail works in, through a role you deploy there.")
public final class AccountsCommand extends BaseCommand {
    static final List<Column> COLUMNS = List.of(Column.of("id"), Column.of("name"), Column.of("awsAccountId"),
            Column.of("status"), Column.of("stage"), Column.of("roleArn"));

    AccountsCommand(Context context) {
        super(context);
    }

    @Command(name = "create", description = "Connect an AWS account: prints its ExternalId; then deploy the role "
            + "(see role-template) and attach it.")
    void create(@Option(names = "--name", required = true) String name,
            @Option(names = "--aws-account-id", paramLabel = "ID", required = true, description = "12 digits") String awsAccountId) {
        out().model(lakesail().cloudAccounts().create(r -> r.name(name).awsAccountId(awsAccountId)));
    }

    @Command(name = "role-template", description = "The CloudFormation template of the role to deploy in the account, "
            + "and its parameters.")
    void roleTemplate(@Parameters(paramLabel = "ACCOUNT_ID") String id) {
        RoleTemplate template = lakesail().cloudAccounts().roleTemplate(id);
        if (out().json()) {
            out().model(template);
            return;
        }
        template.parameters().forEach((key, value) -> out().note("parameter " + key + " = " + value));
        out().out().println(template.templateBody());
    }

    @Command(name = "attach-role", description = "Attach the deployed role and verify it: verifying -> active.")
    int attachRole(@Parameters(paramLabel = "ACCOUNT_ID") String id,
            @Option(names = "--role-arn", paramLabel = "ARN", required = true) String roleArn, @Mixin WaitOptions wait) {
        return activeOrCreated("account " + id, lakesail().cloudAccounts().attachRole(r -> r.cloudAccountId(id).roleArn(roleArn)), wait);
    }

    @Command(name = "verify", description = "Verify the account's role again.")
    int verify(@Parameters(paramLabel = "ACCOUNT_ID") String id, @Mixin WaitOptions wait) {
        return activeOrCreated("account " + id, lakesail().cloudAccounts().verify(id), wait);
    }

    @Command(name = "get", description = "Show a cloud account.")
    void get(@Parameters(paramLabel = "ACCOUNT_ID") String id) {
        out().model(lakesail().cloudAccounts().get(id));
    }

    @Command(name = "list", description = "List the cloud accounts.")
    void list(@Mixin ListOptions list) {
        out().list(limited(lakesail().cloudAccounts().list(r -> r.limit(list.pageSize())), list), COLUMNS);
    }

    @Command(name = "delete", description = "Disconnect a cloud account (its networks must be gone first).")
    void delete(@Parameters(paramLabel = "ACCOUNT_ID") String id) {
        lakesail().cloudAccounts().delete(id);
        out().result("Disconnected account " + id + ".");
    }
}
