package io.arca.client.cli;

import io.arca.kmip.ttlv.DecodeLimits;
import io.arca.kmip.ttlv.Ttlv;
import io.arca.kmip.ttlv.TtlvReader;
import io.arca.kmip.ttlv.TtlvWriter;
import io.arca.kmip.ttlv.text.KmipJson;
import io.arca.kmip.ttlv.text.KmipXml;
import io.arca.kmip.ttlv.text.TextOptions;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code arca ttlv}: converts KMIP messages between binary TTLV (raw or hex), KMIP XML and KMIP
 * JSON, for the moment a client and a server disagree about what was sent. Several messages in one
 * input are handled in order.
 */
@Command(
    name = "ttlv",
    mixinStandardHelpOptions = true,
    description = "Decode, encode and convert KMIP TTLV messages.",
    subcommands = {TtlvCommand.Decode.class, TtlvCommand.Encode.class, TtlvCommand.Json.class})
public final class TtlvCommand {
  /**
   * Inputs larger than any sane message are refused (the codec's limits still apply per message).
   */
  private static final DecodeLimits LIMITS =
      new DecodeLimits(MessageInput.MAX_INPUT_BYTES, 64, 1 << 20);

  private TtlvCommand() {}

  /** Every message in the input, whatever its form. */
  static List<Ttlv> readMessages(byte[] input) {
    if (MessageInput.isXml(input)) {
      TextOptions options = TextOptions.DEFAULTS.withNow(Instant.now());
      return KmipXml.readMessages(new String(input, StandardCharsets.UTF_8), options);
    }
    List<Ttlv> messages = new ArrayList<>();
    for (byte[] message : MessageInput.binaryMessages(input)) {
      messages.add(TtlvReader.read(message, LIMITS));
    }
    return messages;
  }

  /** {@code arca ttlv decode}: binary or hex TTLV to KMIP XML. */
  @Command(
      name = "decode",
      mixinStandardHelpOptions = true,
      description = "Binary or hex TTLV (a file, or - for standard input) to KMIP XML.")
  static final class Decode implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(
        paramLabel = "FILE",
        defaultValue = "-",
        description = "Input file, or - (default).")
    String input = "-";

    @Override
    public Integer call() throws IOException {
      List<Ttlv> messages = readMessages(MessageInput.readAll(input, System.in));
      PrintWriter out = spec.commandLine().getOut();
      out.print(KmipXml.writeMessages(messages));
      out.flush();
      return ArcaCli.EXIT_OK;
    }
  }

  /** {@code arca ttlv encode}: KMIP XML to binary TTLV, or hex lines. */
  @Command(
      name = "encode",
      mixinStandardHelpOptions = true,
      description = "KMIP XML (one or more messages, e.g. an OASIS test case) to binary TTLV.")
  static final class Encode implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "Input XML file, or - for standard input.")
    String input = "-";

    @Option(names = "--hex", description = "Print one line of hex per message instead of binary.")
    boolean hex;

    @Option(
        names = {"-o", "--output"},
        paramLabel = "FILE",
        description = "Write the binary here instead of standard output.")
    @Nullable Path output;

    @Override
    public Integer call() throws IOException {
      List<Ttlv> messages = readMessages(MessageInput.readAll(input, System.in));
      if (hex) {
        PrintWriter out = spec.commandLine().getOut();
        for (Ttlv message : messages) {
          out.println(HexFormat.of().formatHex(TtlvWriter.toBytes(message)));
        }
        out.flush();
        return ArcaCli.EXIT_OK;
      }
      if (output == null) {
        // Standard output stays open: picocli and the JVM still write to it.
        writeAll(messages, System.out);
      } else {
        try (OutputStream out = Files.newOutputStream(output)) {
          writeAll(messages, out);
        }
      }
      return ArcaCli.EXIT_OK;
    }

    private static void writeAll(List<Ttlv> messages, OutputStream out) throws IOException {
      for (Ttlv message : messages) {
        out.write(TtlvWriter.toBytes(message));
      }
      out.flush();
    }
  }

  /** {@code arca ttlv json}: any form to KMIP JSON. */
  @Command(
      name = "json",
      mixinStandardHelpOptions = true,
      description = "Binary or hex TTLV, or KMIP XML, to KMIP JSON (one document per message).")
  static final class Json implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(
        paramLabel = "FILE",
        defaultValue = "-",
        description = "Input file, or - (default).")
    String input = "-";

    @Override
    public Integer call() throws IOException {
      List<Ttlv> messages = readMessages(MessageInput.readAll(input, System.in));
      PrintWriter out = spec.commandLine().getOut();
      for (Ttlv message : messages) {
        out.println(KmipJson.write(message));
      }
      out.flush();
      return ArcaCli.EXIT_OK;
    }
  }
}
