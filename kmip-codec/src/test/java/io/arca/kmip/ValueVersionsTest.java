package io.arca.kmip;

import static org.assertj.core.api.Assertions.assertThat;

import io.arca.kmip.message.ResultReasons;
import io.arca.kmip.ttlv.Ttlv;
import io.arca.kmip.ttlv.TtlvEnumeration;
import io.arca.kmip.ttlv.TtlvInteger;
import io.arca.kmip.ttlv.TtlvStructure;
import io.arca.kmip.ttlv.TtlvTextString;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every enumeration value and mask bit of vocabulary.tsv, at every version 1.0-2.1: the gate finds
 * it exactly where the row's since/until columns say the version lacks it and its tag exists there,
 * in the 2.x form (under its own tag) and in the 1.x form (the value of a named Attribute).
 */
class ValueVersionsTest {
  private static final List<ProtocolVersion> VERSIONS =
      List.of(
          ProtocolVersion.V1_0,
          ProtocolVersion.V1_1,
          ProtocolVersion.V1_2,
          ProtocolVersion.V1_3,
          ProtocolVersion.V1_4,
          ProtocolVersion.V2_0,
          ProtocolVersion.V2_1);

  /** One enumeration or mask row of the table, as the TSV writes it. */
  record Row(
      String kind, String enumeration, String codeName, int value, String since, String until) {
    boolean isDefinedIn(ProtocolVersion version) {
      return version.isAtLeast(parse(since))
          && (until.isEmpty() || parse(until).isAtLeast(version));
    }

    @Override
    public String toString() {
      return enumeration + "." + codeName + " " + since + "-" + until;
    }
  }

  static Stream<Row> rows() throws IOException {
    List<Row> rows = new ArrayList<>();
    try (InputStream in =
        Objects.requireNonNull(ValueVersionsTest.class.getResourceAsStream("vocabulary.tsv"))) {
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList()) {
        String[] f = line.split("\t", -1);
        if (f[0].equals("enum") || f[0].equals("mask")) {
          rows.add(new Row(f[0], f[1], f[2], Integer.decode(f[5]), f[8], f[9]));
        }
      }
    }
    assertThat(rows).hasSizeGreaterThan(900);
    return rows.stream();
  }

  @ParameterizedTest
  @MethodSource("rows")
  void everyValueIsRefusedExactlyWhereTheTableSaysItsVersionLacksIt(Row row) {
    EnumerationType type = Objects.requireNonNull(Enumerations.byName(row.enumeration()));
    Tag tag = tagOf(type);
    if (tag == null) {
      // Values no tag holds (e.g. the Item Type names of the XML form) never reach the wire.
      assertThat(row.enumeration()).isIn("ItemType", "UniqueIdentifier");
      return;
    }
    // Item Type values date the wire types themselves (Date-Time Extended 2.0), as 1.1's
    // Extension Type holds them, rather than the 2.0 Item Type field the table's row dates.
    ItemType itemType = row.enumeration().equals("ItemType") ? ItemType.byCode(row.value()) : null;
    Ttlv value =
        type.isMask()
            ? new TtlvInteger(tag.code(), row.value())
            : new TtlvEnumeration(tag.code(), row.value());
    for (ProtocolVersion version : VERSIONS) {
      TtlvStructure v2 = TtlvStructure.of(Tag.REQUEST_PAYLOAD.code(), value);
      ValueVersions.Undefined found = ValueVersions.firstUndefined(v2, version);
      // Under a tag the version lacks the field itself is refused, by the rules that know it.
      boolean defined =
          !tag.isDefinedIn(version)
              || (itemType != null
                  ? version.isAtLeast(itemType.since())
                  : row.isDefinedIn(version));
      if (defined) {
        assertThat(found).as("%s in %s", row, version).isNull();
      } else {
        ValueVersions.Undefined refused = Objects.requireNonNull(found, row + " in " + version);
        assertThat(refused.value().value()).isEqualTo(row.value());
        assertThat(refused.describe(version)).contains("not defined in KMIP " + version);
      }
      if (version.isAtLeast(ProtocolVersion.V2_0)) {
        continue; // 2.x has no Template-Attribute
      }
      TtlvStructure v1 =
          TtlvStructure.of(
              Tag.TEMPLATE_ATTRIBUTE.code(),
              TtlvStructure.of(
                  Tag.ATTRIBUTE.code(),
                  new TtlvTextString(Tag.ATTRIBUTE_NAME.code(), tag.specName()),
                  type.isMask()
                      ? new TtlvInteger(Tag.ATTRIBUTE_VALUE.code(), row.value())
                      : new TtlvEnumeration(Tag.ATTRIBUTE_VALUE.code(), row.value())));
      assertThat(ValueVersions.firstUndefined(v1, version) == null)
          .as("%s as a 1.x attribute value in %s", row, version)
          .isEqualTo(defined);
    }
  }

  @ParameterizedTest
  @MethodSource("rows")
  void everyResultReasonAnsweredIsOneTheClientsVersionDefines(Row row) {
    if (!row.enumeration().equals("ResultReason")) {
      return;
    }
    ResultReason reason = Objects.requireNonNull(ResultReason.byValue(row.value()));
    for (ProtocolVersion version : VERSIONS) {
      ResultReason answered = ResultReasons.forVersion(reason, version);
      assertThat(answered.isDefinedIn(version)).as("%s in %s", row, version).isTrue();
      assertThat(answered)
          .as("%s in %s", row, version)
          .isEqualTo(row.isDefinedIn(version) ? reason : ResultReason.GENERAL_FAILURE);
    }
  }

  /**
   * The extractor's 1.x boundaries reached the table: each value of an enumeration listed in
   * value-since-1x.tsv carries the version of the first boundary at or above it.
   */
  @Test
  void the1xBoundariesAreThoseOfTheTable() throws IOException {
    Path boundaries =
        Path.of("").toAbsolutePath().resolveSibling("tools/kmip-spec-extract/value-since-1x.tsv");
    TreeMap<String, List<String[]>> byEnumeration = new TreeMap<>();
    for (String line : Files.readAllLines(boundaries, StandardCharsets.UTF_8)) {
      if (line.isBlank() || line.startsWith("#") || line.startsWith("enumeration\t")) {
        continue;
      }
      String[] f = line.split("\t");
      byEnumeration.computeIfAbsent(f[0], k -> new ArrayList<>()).add(f);
    }
    assertThat(byEnumeration).containsKeys("ObjectType", "CryptographicAlgorithm", "ResultReason");
    List<Row> rows = rows().toList();
    int checked = 0;
    for (Row row : rows) {
      List<String[]> bounds = byEnumeration.get(row.enumeration());
      if (bounds == null) {
        continue;
      }
      String expected =
          bounds.stream()
              .filter(b -> row.value() <= Integer.decode(b[1]))
              .map(b -> b[2])
              .findFirst()
              .orElse(null);
      if (expected != null) {
        assertThat(row.since()).as(row.toString()).isEqualTo(expected);
        checked++;
      }
    }
    assertThat(checked).isGreaterThan(200);
  }

  @Test
  void theSpecsExamplesAreGated() {
    // Object Type PGP Key came with 1.2; Cryptographic Algorithm EC with 1.2, ChaCha20 with 1.4.
    assertThat(ObjectType.PGP_KEY.isDefinedIn(ProtocolVersion.V1_1)).isFalse();
    assertThat(ObjectType.PGP_KEY.isDefinedIn(ProtocolVersion.V1_2)).isTrue();
    assertThat(CryptographicAlgorithm.EC.since()).isEqualTo(ProtocolVersion.V1_2);
    assertThat(CryptographicAlgorithm.CHACHA20.since()).isEqualTo(ProtocolVersion.V1_4);
    assertThat(QueryFunction.QUERY_PROFILES.since()).isEqualTo(ProtocolVersion.V1_3);
    assertThat(ResultReason.SENSITIVE.since()).isEqualTo(ProtocolVersion.V1_4);
    assertThat(ObjectType.TEMPLATE.isDefinedIn(ProtocolVersion.V2_0)).isFalse();
  }

  private static @Nullable Tag tagOf(EnumerationType type) {
    return Arrays.stream(Tag.values())
        .filter(t -> type.equals(Enumerations.forTag(t.code())))
        .findFirst()
        .orElse(null);
  }

  private static ProtocolVersion parse(String version) {
    int dot = version.indexOf('.');
    return new ProtocolVersion(
        Integer.parseInt(version.substring(0, dot)), Integer.parseInt(version.substring(dot + 1)));
  }
}
