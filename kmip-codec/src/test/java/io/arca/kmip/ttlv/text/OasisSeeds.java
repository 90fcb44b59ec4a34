package io.arca.kmip.ttlv.text;

import io.arca.kmip.Tag;
import io.arca.kmip.ttlv.Ttlv;
import io.arca.kmip.ttlv.TtlvWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Seed inputs for the fuzz targets, made from the OASIS test cases
 * (src/test/resources/kmip-testcases) when a test asks for them, so that no binary corpus is
 * checked in. "Every message" below means those of the files read (see {@link #REPLAY_STRIDE}). The
 * resources may be a directory or, from another module, inside this module's test jar.
 */
public final class OasisSeeds {
  /**
   * In a plain test run, the messages of one file in this many are replayed (all of them when
   * JAZZER_FUZZ is set): each seed is a JUnit case run under Jazzer's agent, and OasisCasesTest
   * already reads every message.
   */
  private static final int REPLAY_STRIDE = 10;

  private static final Pattern INDENTATION = Pattern.compile("\n *");

  private OasisSeeds() {}

  /** The binary TTLV of every request and response message. */
  public static List<byte[]> binaryMessages() {
    return map(messages(), TtlvWriter::toBytes);
  }

  /** The binary TTLV of every request message. */
  public static List<byte[]> binaryRequests() {
    return map(requests(), TtlvWriter::toBytes);
  }

  /** Every request and response message in the KMIP XML form, UTF-8, not indented. */
  public static List<byte[]> xmlMessages() {
    return map(messages(), m -> unindented(KmipXml.write(m)));
  }

  /** Every request and response message in the KMIP JSON form, UTF-8, not indented. */
  public static List<byte[]> jsonMessages() {
    return map(messages(), m -> unindented(KmipJson.write(m)));
  }

  /**
   * The text without its line breaks and indentation, which the writers emit only between items (a
   * line break in a value is escaped): the fuzzer's time per input grows with its length.
   */
  private static byte[] unindented(String text) {
    return INDENTATION.matcher(text).replaceAll("").getBytes(StandardCharsets.UTF_8);
  }

  /** The text options the test cases need: a fixed {@code $NOW} and named byte placeholders. */
  public static TextOptions textOptions() {
    return OasisCasesTest.OPTIONS;
  }

  private static List<Ttlv> requests() {
    return messages().stream()
        .filter(m -> m.tag() == Tag.REQUEST_MESSAGE.code())
        .collect(Collectors.toList());
  }

  private static List<byte[]> map(List<Ttlv> items, Function<Ttlv, byte[]> form) {
    return items.stream().map(form).collect(Collectors.toList());
  }

  private static List<Ttlv> messages() {
    return Holder.MESSAGES;
  }

  /** The messages of the test cases, in file order: read once, when first asked for. */
  private static final class Holder {
    static final List<Ttlv> MESSAGES = readOnce();

    private static List<Ttlv> readOnce() {
      try {
        return List.copyOf(readAll());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  private static List<Ttlv> readAll() throws IOException {
    URL url = OasisSeeds.class.getResource("/kmip-testcases");
    if (url == null) {
      throw new IOException("the OASIS test cases are not on the test classpath");
    }
    URI uri;
    try {
      uri = url.toURI();
    } catch (URISyntaxException e) {
      throw new IOException(e);
    }
    if (!uri.getScheme().equals("jar")) {
      return readUnder(Path.of(uri));
    }
    try (FileSystem jar = FileSystems.newFileSystem(uri, Map.of())) {
      return readUnder(jar.getPath("/kmip-testcases"));
    }
  }

  private static List<Ttlv> readUnder(Path root) throws IOException {
    List<Path> files;
    try (Stream<Path> walk = Files.walk(root)) {
      files = walk.filter(p -> p.toString().endsWith(".xml")).sorted().collect(Collectors.toList());
    }
    String fuzzing = System.getenv("JAZZER_FUZZ");
    int stride = fuzzing == null || fuzzing.isEmpty() ? REPLAY_STRIDE : 1;
    List<Ttlv> all = new ArrayList<>();
    for (int i = 0; i < files.size(); i += stride) {
      Path file = files.get(i);
      all.addAll(
          KmipXml.readMessages(Files.readString(file, StandardCharsets.UTF_8), textOptions()));
    }
    return all;
  }
}
