package com.lakesail.cli.commands;

import com.lakesail.cli.Context;
import com.lakesail.cli.ExitCode;
import com.lakesail.sdk.access.AccessHolder;
import com.lakesail.sdk.access.AccessPath;
import com.lakesail.sdk.access.WhoCan;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "who-can", description = "Who may do ACTION (on a resource), and through which binding.")
public final class WhoCanCommand extends BaseCommand {
    @Parameters(paramLabel = "ACTION", description = "e.g. clusters:create")
    String action;

    @Option(names = "--resource", paramLabel = "RESOURCE_ID")
    String resource;

    WhoCanCommand(Context context) {
        super(context);
    }

    @Override
    public Integer call() {
        WhoCan answer = lakesail().access().whoCan(action, resource);
        if (out().json()) {
            out().model(answer);
            return ExitCode.OK;
        }
        List<String[]> rows = new ArrayList<>();
        for (AccessHolder holder : answer.members()) {
            for (AccessPath path : holder.paths()) {
                rows.add(new String[] {holder.email(), holder.memberId(), path.description()});
            }
        }
        int email = rows.stream().mapToInt(r -> r[0].length()).max().orElse(5);
        int member = rows.stream().mapToInt(r -> r[1].length()).max().orElse(6);
        out().result(String.format("%-" + email + "s  %-" + member + "s  %s", "EMAIL", "MEMBER", "THROUGH"));
        rows.forEach(r -> out().result(String.format("%-" + email + "s  %-" + member + "s  %s", r[0], r[1], r[2])));
        return ExitCode.OK;
    }
}
