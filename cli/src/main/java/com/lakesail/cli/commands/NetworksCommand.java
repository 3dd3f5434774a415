package com.lakesail.cli.commands;

import com.lakesail.cli.Context;
import com.lakesail.cli.Output.Column;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "networks", description = "Networks: a VPC in a cloud account, with a public and a private subnet per availability zone.")
public final class NetworksCommand extends BaseCommand {
    static final List<Column> COLUMNS = List.of(Column.of("id"), Column.of("name"), Column.of("status"),
            Column.of("stage"), Column.of("progress"), Column.of("region"), Column.of("cidr"), Column.of("vpcId"));

    NetworksCommand(Context context) {
        super(context);
    }

    @Command(name = "create", description = "Provision a network: pending -> provisioning -> active.")
    int create(@Option(names = "--name", required = true) String name,
            @Option(names = "--account", paramLabel = "ACCOUNT_ID", required = true) String accountId,
            @Option(names = "--region", required = true, description = "e.g. eu-west-1") String region,
            @Option(names = "--cidr", required = true, description = "e.g. 10.20.0.0/16") String cidr,
            @Option(names = "--az", paramLabel = "ZONE", split = ",",
                    description = "Availability zones (default: the region's first three).") List<String> zones,
            @Mixin WaitOptions wait) {
        return activeOrCreated("network " + name, lakesail().networks().create(r -> r.name(name).cloudAccountId(accountId)
                .region(region).cidr(cidr).availabilityZones(zones)), wait);
    }

    @Command(name = "get", description = "Show a network and its subnets.")
    void get(@Parameters(paramLabel = "NETWORK_ID") String id) {
        out().model(lakesail().networks().get(id));
    }

    @Command(name = "list", description = "List the networks.")
    void list(@Option(names = "--account", paramLabel = "ACCOUNT_ID") String accountId, @Mixin ListOptions list) {
        out().list(limited(lakesail().networks().list(r -> r.cloudAccountId(accountId).limit(list.pageSize())), list), COLUMNS);
    }

    @Command(name = "delete", description = "Destroy a network (its clusters must be gone first): destroying -> destroyed.")
    int delete(@Parameters(paramLabel = "NETWORK_ID") String id, @Mixin WaitOptions wait) {
        return destroyed("network " + id, lakesail().networks().delete(id), wait);
    }
}
