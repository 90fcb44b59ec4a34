package io.arca.client.cli;

import io.arca.client.KmipClient;
import java.io.IOException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * A command that sends requests to the server and reports what it did, as sentences or, with {@code
 * --json}, as one JSON object.
 */
abstract class ServerCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  /** The exit code once the output is printed: a command whose answer is "no" sets it. */
  int exitCode = ArcaCli.EXIT_OK;

  /** Does the work with a connected client and says what happened. */
  abstract Output run(KmipClient client) throws IOException;

  @Override
  public final Integer call() throws IOException {
    Output output;
    ConnectionOptions connection = ArcaCli.globalOptions(spec);
    try (KmipClient client = KmipClient.create(connection.config(System.getenv()), 1)) {
      output = run(client);
    }
    output.print(spec.commandLine().getOut(), connection.json);
    return exitCode;
  }
}
