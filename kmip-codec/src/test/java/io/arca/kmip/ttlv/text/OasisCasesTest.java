package io.arca.kmip.ttlv.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.arca.kmip.ItemType;
import io.arca.kmip.ttlv.DecodeLimits;
import io.arca.kmip.ttlv.Ttlv;
import io.arca.kmip.ttlv.TtlvByteString;
import io.arca.kmip.ttlv.TtlvException;
import io.arca.kmip.ttlv.TtlvReader;
import io.arca.kmip.ttlv.TtlvWriter;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every OASIS KMIP profile test case (src/test/resources/kmip-testcases) round-trips: XML to TTLV,
 * then TTLV to XML and to JSON and back, to the same TTLV (after ovh/kmip-go's kmiptest).
 */
class OasisCasesTest {
  private static final Instant NOW = Instant.parse("2024-05-01T12:00:00Z");

  /**
   * Placeholders the files put in Byte Strings ($DATA_0, $KEY_MATERIAL_0 ...) become the bytes of
   * their name, so that the round trip can still compare them.
   */
  private static final Placeholders NAME_AS_BYTES =
      (tag, type, name) ->
          type == ItemType.BYTE_STRING
              ? TtlvByteString.of(tag, ("$" + name).getBytes(StandardCharsets.UTF_8))
              : null;

  static final TextOptions OPTIONS =
      TextOptions.DEFAULTS.withNow(NOW).withPlaceholders(NAME_AS_BYTES);

  /** Files that cannot be represented, each with the reason. Reading them must still fail. */
  private static final Map<String, String> UNREPRESENTABLE = Map.of();

  private static final Map<String, Integer> FILES_PER_VERSION =
      Map.of("v1.0", 84, "v1.3", 62, "v1.4", 75, "v2.0", 72, "v2.1", 93);
  // CS-BC-M-GCM-3-14 and -20 hold four more messages inside an XML comment, as published: not
  // counted.
  private static final Map<String, Integer> MESSAGES_PER_VERSION =
      Map.of("v1.0", 1146, "v1.3", 606, "v1.4", 942, "v2.0", 938, "v2.1", 1156);

  static Path root() throws URISyntaxException {
    URL url = Objects.requireNonNull(OasisCasesTest.class.getResource("/kmip-testcases"));
    return Paths.get(url.toURI());
  }

  static List<Path> files() throws IOException, URISyntaxException {
    Path root = root();
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(p -> p.toString().endsWith(".xml")).sorted().collect(Collectors.toList());
    }
  }

  static String name(Path file) throws URISyntaxException {
    return root().relativize(file).toString().replace('\\', '/');
  }

  @TestFactory
  Stream<DynamicTest> everyCaseRoundTripsThroughXmlAndJson()
      throws IOException, URISyntaxException {
    return files().stream()
        .map(
            file -> {
              String name = uncheckedName(file);
              return DynamicTest.dynamicTest(name, () -> roundTrip(file, name));
            });
  }

  private static String uncheckedName(Path file) {
    try {
      return name(file);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void roundTrip(Path file, String name) throws IOException {
    String xml = Files.readString(file, StandardCharsets.UTF_8);
    String reason = UNREPRESENTABLE.get(name);
    if (reason != null) {
      assertThatThrownBy(() -> KmipXml.readMessages(xml, OPTIONS))
          .as("listed as unrepresentable (%s) but reads", reason)
          .isInstanceOf(TtlvException.class);
      return;
    }
    List<Ttlv> messages = KmipXml.readMessages(xml, OPTIONS);
    assertThat(messages).as(name).isNotEmpty();
    for (int i = 0; i < messages.size(); i++) {
      Ttlv message = messages.get(i);
      assertThat(KmipXml.read(KmipXml.write(message), OPTIONS))
          .as("%s message %d through XML", name, i)
          .isEqualTo(message);
      assertThat(KmipJson.read(KmipJson.write(message), OPTIONS))
          .as("%s message %d through JSON", name, i)
          .isEqualTo(message);
      assertThat(TtlvReader.read(TtlvWriter.toBytes(message), DecodeLimits.DEFAULTS))
          .as("%s message %d through binary TTLV", name, i)
          .isEqualTo(message);
    }
  }

  @Test
  void everyVersionHasAllItsFilesAndMessages() throws IOException, URISyntaxException {
    Map<String, Integer> files = new TreeMap<>();
    Map<String, Integer> messages = new TreeMap<>();
    for (Path file : files()) {
      String name = name(file);
      if (UNREPRESENTABLE.containsKey(name)) {
        continue;
      }
      String version = name.substring(0, name.indexOf('/'));
      files.merge(version, 1, Integer::sum);
      String xml = Files.readString(file, StandardCharsets.UTF_8);
      messages.merge(version, KmipXml.readMessages(xml, OPTIONS).size(), Integer::sum);
    }

    assertThat(files).isEqualTo(FILES_PER_VERSION);
    assertThat(messages).isEqualTo(MESSAGES_PER_VERSION);
  }

  @Test
  void writtenFileReadsBackToTheSameMessages() throws IOException, URISyntaxException {
    Path file = root().resolve("v2.1/mandatory/SKLC-M-1-21.xml");
    List<Ttlv> messages =
        KmipXml.readMessages(Files.readString(file, StandardCharsets.UTF_8), OPTIONS);

    assertThat(KmipXml.readMessages(KmipXml.writeMessages(messages), OPTIONS)).isEqualTo(messages);
  }
}
