package io.arca.client.cli;

import io.arca.client.KmipConnection;
import io.arca.client.KmipOperationException;
import io.arca.kmip.KmipException;
import io.arca.kmip.ResultReason;
import java.io.PrintWriter;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The {@code arca} command: the entry point of the command line. Exit codes: 0 success, 1 a KMIP or
 * input error (the message says which), 2 a usage error, 3 a connection or TLS error.
 *
 * <p>With {@code --json} an error is one JSON object on standard output too, so that a script reads
 * exactly one object whatever happened: {@code {"error": {"kind": ..., "exit_code": ..., "message":
 * ...}}} with {@code kind} one of {@code usage}, {@code kmip}, {@code connection}, and, for an
 * error the server answered, {@code operation}, {@code result_reason} (the KMIP name) and {@code
 * result_message}. Fields are only ever added to this schema, never renamed.
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
      AdminCommands.Admin.class,
      CertificateCommands.Certificates.class,
      SignCommands.SignFile.class,
      SignCommands.VerifyFile.class,
      MacCommands.MacFile.class,
      MacCommands.VerifyMacFile.class,
      ServerCommands.DiscoverVersionsCommand.class,
      ServerCommands.QueryCommand.class,
      ServerCommands.ServerVersionCommand.class,
      TtlvCommand.class,
      CompletionCommand.class,
      CdsTrainingCommand.class
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

  /** The global options, which every subcommand inherits (picocli sets them here). */
  @Mixin final ConnectionOptions globalOptions = new ConnectionOptions();

  private ArcaCli() {}

  /** The global options given anywhere on the command line that {@code spec} belongs to. */
  static ConnectionOptions globalOptions(CommandSpec spec) {
    return ((ArcaCli) spec.root().userObject()).globalOptions;
  }

  /** Runs the command line and exits with its code. */
  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs the command line and returns its exit code (for tests). */
  public static int run(String... args) {
    return commandLine().execute(args);
  }

  static CommandLine commandLine() {
    ArcaCli root = new ArcaCli();
    CommandLine cli = new CommandLine(root);
    cli.setExitCodeExceptionMapper(ArcaCli::exitCodeOf);
    cli.setExecutionExceptionHandler(
        (exception, commandLine, parseResult) -> {
          report(exception, commandLine, root.globalOptions.json);
          return exitCodeOf(exception);
        });
    CommandLine.IParameterExceptionHandler usage = cli.getParameterExceptionHandler();
    cli.setParameterExceptionHandler(
        (exception, args) -> {
          // A usage error may come before picocli reached --json: the words typed decide.
          if (!jsonRequested(args)) {
            return usage.handleParseException(exception, args);
          }
          report(exception, exception.getCommandLine(), true);
          return EXIT_USAGE;
        });
    return cli;
  }

  private static boolean jsonRequested(String[] args) {
    for (String arg : args) {
      if (arg.equals("--")) {
        return false;
      }
      if (arg.equals("--json")) {
        return true;
      }
    }
    return false;
  }

  private static void report(Exception exception, CommandLine commandLine, boolean json) {
    if (json) {
      PrintWriter out = commandLine.getOut();
      out.println(errorJson(exception));
      out.flush();
    } else {
      commandLine.getErr().println("arca: " + messageOf(exception));
      commandLine.getErr().flush();
    }
  }

  /** The stable JSON form of an error (see the class comment). */
  static String errorJson(Throwable exception) {
    int exitCode = exitCodeOf(exception);
    String kind =
        switch (exitCode) {
          case EXIT_USAGE -> "usage";
          case EXIT_CONNECTION -> "connection";
          default -> "kmip";
        };
    StringBuilder json =
        new StringBuilder("{\"error\": {\"kind\": ")
            .append(Output.quote(kind))
            .append(", \"exit_code\": ")
            .append(exitCode)
            .append(", \"message\": ")
            .append(Output.quote(messageOf(exception)));
    if (exception instanceof KmipOperationException failed) {
      json.append(", \"operation\": ").append(Output.quote(failed.operation()));
      Integer reason = failed.resultReasonValue();
      if (reason != null) {
        json.append(", \"result_reason\": ").append(Output.quote(reasonName(reason)));
      }
      String message = failed.resultMessage();
      if (message != null) {
        json.append(", \"result_message\": ").append(Output.quote(message));
      }
    } else if (exception instanceof KmipException invalid) {
      json.append(", \"result_reason\": ").append(Output.quote(invalid.reason().xmlName()));
    }
    return json.append("}}").toString();
  }

  private static String reasonName(int reason) {
    ResultReason known = ResultReason.byValue(reason);
    return known != null ? known.xmlName() : String.format("0x%08X", reason);
  }

  static int exitCodeOf(Throwable exception) {
    if (exception instanceof CommandLine.ParameterException
        || exception instanceof IllegalArgumentException
        || exception instanceof java.nio.file.NoSuchFileException) {
      return EXIT_USAGE;
    }
    if (refusal(exception) != null) {
      return EXIT_KMIP_ERROR;
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
    KmipConnection.RequestRefusedException refused = refusal(exception);
    if (refused != null) {
      return String.valueOf(refused.getMessage());
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

  private static KmipConnection.@Nullable RequestRefusedException refusal(Throwable exception) {
    for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
      if (cause instanceof KmipConnection.RequestRefusedException refused) {
        return refused;
      }
    }
    return null;
  }
}
