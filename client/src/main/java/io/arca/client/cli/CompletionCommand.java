package io.arca.client.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code arca completion}: the bash (and zsh, through bashcompinit) completion script for every
 * command and option, made by picocli from the same model that parses the command line, so it
 * cannot drift from it.
 */
@Command(
    name = "completion",
    mixinStandardHelpOptions = true,
    description = {
      "Print the shell completion script for arca.",
      "bash: source <(arca completion)    zsh: autoload -U bashcompinit && bashcompinit &&"
          + " source <(arca completion)"
    })
final class CompletionCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    out.print(AutoComplete.bash("arca", spec.root().commandLine()));
    out.flush();
    return ArcaCli.EXIT_OK;
  }
}
