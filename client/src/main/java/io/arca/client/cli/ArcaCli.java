package io.arca.client.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code arca} command: the entry point of the command line. Exit codes: 0 success, 1 a KMIP or
 * input error (the message says which), 2 a usage error, 3 a connection or TLS error.
 */
@Command(
    name = "arca",
    mixinStandardHelpOptions = true,
    versionProvider = ArcaVersion.class,
    description = "Drives an Arca (or any KMIP) server, and reads and writes KMIP messages.",
    subcommands = {
      SymCommands.class,
      AsymCommands.Rsa.class,
      AsymCommands.Ec.class,
      LocateCommand.class,
      AttributesCommands.class,
      AccessRightsCommands.AccessRights.class,
      SignCommands.SignFile.class,
      SignCommands.VerifyFile.class,
      ServerCommands.DiscoverVersionsCommand.class,
      ServerCommands.QueryCommand.class,
      ServerCommands.ServerVersionCommand.class,
      TtlvCommand.class
    })
public final class ArcaCli {
  /** Success. */
  public static final int EXIT_OK = 0;

  /** The server answered with a KMIP error, or the input is not valid KMIP. */
  public static final int EXIT_KMIP_ERROR = 1;

  /** The command line itself is wrong. */
  public static final int EXIT_USAGE = 2;

  /** The server could not be reached, or TLS failed. */
  public static final int EXIT_CONNECTION = 3;

  private ArcaCli() {}

  /** Runs the command line and exits with its code. */
  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs the command line and returns its exit code (for tests). */
  public static int run(String... args) {
    return commandLine().execute(args);
  }

  static CommandLine commandLine() {
    CommandLine cli = new CommandLine(new ArcaCli());
    cli.setExitCodeExceptionMapper(ArcaCli::exitCodeOf);
    cli.setExecutionExceptionHandler(
        (exception, commandLine, parseResult) -> {
          commandLine.getErr().println("arca: " + messageOf(exception));
          commandLine.getErr().flush();
          return exitCodeOf(exception);
        });
    return cli;
  }

  static int exitCodeOf(Throwable exception) {
    if (exception instanceof CommandLine.ParameterException
        || exception instanceof IllegalArgumentException
        || exception instanceof java.nio.file.NoSuchFileException) {
      return EXIT_USAGE;
    }
    for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
      if (cause instanceof java.net.ConnectException
          || cause instanceof java.net.UnknownHostException
          || cause instanceof java.net.SocketTimeoutException
          || cause instanceof javax.net.ssl.SSLException
          || cause instanceof java.net.SocketException
          || cause instanceof java.io.EOFException
          || cause instanceof java.security.GeneralSecurityException) {
        return EXIT_CONNECTION;
      }
    }
    return EXIT_KMIP_ERROR;
  }

  /** A message a person can act on: what failed and, for the network, where. */
  static String messageOf(Throwable exception) {
    if (exception instanceof java.nio.file.NoSuchFileException missing) {
      return "no such file: " + missing.getFile();
    }
    if (exception instanceof java.nio.file.AccessDeniedException denied) {
      return "permission denied: " + denied.getFile();
    }
    if (exitCodeOf(exception) == EXIT_CONNECTION) {
      return "cannot talk to the server ("
          + exception.getClass().getSimpleName()
          + ": "
          + exception.getMessage()
          + "); check --host/--port and that the CA, certificate and key match the server's";
    }
    return String.valueOf(exception.getMessage());
  }
}
