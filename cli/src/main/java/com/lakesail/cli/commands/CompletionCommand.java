package com.lakesail.cli.commands;

import com.lakesail.cli.Context;
import com.lakesail.cli.ExitCode;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "completion", description = {"Print the shell completion script.",
    "bash: source <(lakesail completion bash)   zsh: autoload -U +X bashcompinit && bashcompinit && source <(lakesail completion zsh)"})
public final class CompletionCommand extends BaseCommand {
    @Parameters(paramLabel = "SHELL", defaultValue = "bash", description = "bash or zsh (default: bash).")
    String shell;

    CompletionCommand(Context context) {
        super(context);
    }

    @Override
    public Integer call() {
        if (!shell.equals("bash") && !shell.equals("zsh")) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "SHELL must be bash or zsh, not " + shell);
        }
        // picocli's script serves both: zsh runs it through bashcompinit.
        context.terminal().out().print(AutoComplete.bash("lakesail", spec.root().commandLine()));
        return ExitCode.OK;
    }
}
