package com.lakesail.cli.commands;

import com.lakesail.cli.Context;
import com.lakesail.cli.ExitCode;
import picocli.CommandLine.Command;

@Command(name = "me", description = "Who the token belongs to, and the organizations it is a member of.")
public final class MeCommand extends BaseCommand {
    MeCommand(Context context) {
        super(context);
    }

    @Override
    public Integer call() {
        out().model(context.client().me().get());
        return ExitCode.OK;
    }
}
