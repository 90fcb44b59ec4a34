package io.arca.kmip.ttlv.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.arca.kmip.ResultReason;
import io.arca.kmip.ttlv.Ttlv;
import io.arca.kmip.ttlv.TtlvBigInteger;
import io.arca.kmip.ttlv.TtlvBoolean;
import io.arca.kmip.ttlv.TtlvByteString;
import io.arca.kmip.ttlv.TtlvDateTime;
import io.arca.kmip.ttlv.TtlvDateTimeExtended;
import io.arca.kmip.ttlv.TtlvEnumeration;
import io.arca.kmip.ttlv.TtlvException;
import io.arca.kmip.ttlv.TtlvInteger;
import io.arca.kmip.ttlv.TtlvInterval;
import io.arca.kmip.ttlv.TtlvLongInteger;
import io.arca.kmip.ttlv.TtlvStructure;
import io.arca.kmip.ttlv.TtlvTextString;
import java.math.BigInteger;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class KmipXmlTest {
  private static final int V = 0x540001;
  private static final Instant NOW = Instant.parse("2024-05-01T12:00:00Z");
  private static final TextOptions OPTIONS = TextOptions.DEFAULTS.withNow(NOW);

  private static Ttlv read(String xml) {
    return KmipXml.read(xml, OPTIONS, TestNames.INSTANCE);
  }

  private static String vendor(String type, String value) {
    return "<TTLV tag=\"0x540001\" type=\"" + type + "\" value=\"" + value + "\"/>";
  }

  static Stream<Arguments> scalars() {
    return Stream.of(
        Arguments.of("Integer", "-7", new TtlvInteger(V, -7)),
        Arguments.of("Integer", "0xFFFFFFFF", new TtlvInteger(V, -1)),
        Arguments.of("LongInteger", "-9000000000", new TtlvLongInteger(V, -9_000_000_000L)),
        Arguments.of("LongInteger", "0x8000000000000000", new TtlvLongInteger(V, Long.MIN_VALUE)),
        Arguments.of(
            "BigInteger", "ffffffffffffff00", new TtlvBigInteger(V, BigInteger.valueOf(-256))),
        Arguments.of(
            "BigInteger", "0000000000010001", new TtlvBigInteger(V, BigInteger.valueOf(65537))),
        Arguments.of("Enumeration", "0x80000001", new TtlvEnumeration(V, 0x80000001)),
        Arguments.of("Boolean", "true", new TtlvBoolean(V, true)),
        Arguments.of("Boolean", "0x0000000000000000", new TtlvBoolean(V, false)),
        Arguments.of(
            "TextString", "a &lt;b&gt; &amp; &#10;c", new TtlvTextString(V, "a <b> & \nc")),
        Arguments.of("ByteString", "00FFa1", TtlvByteString.of(V, new byte[] {0, -1, (byte) 0xa1})),
        Arguments.of("ByteString", "", TtlvByteString.of(V, new byte[0])),
        Arguments.of("DateTime", "2012-04-27T08:12:24+00:00", new TtlvDateTime(V, 1335514344L)),
        Arguments.of("DateTime", "2012-04-27T10:12:24+02:00", new TtlvDateTime(V, 1335514344L)),
        Arguments.of("DateTime", "$NOW", TtlvDateTime.of(V, NOW)),
        Arguments.of("DateTime", "$NOW-3600", TtlvDateTime.of(V, NOW.minusSeconds(3600))),
        Arguments.of("DateTime", "$NOW+60", TtlvDateTime.of(V, NOW.plusSeconds(60))),
        Arguments.of("Interval", "4294967295", new TtlvInterval(V, 0xFFFF_FFFFL)),
        Arguments.of(
            "DateTimeExtended",
            "2012-04-27T08:12:24.000001+00:00",
            new TtlvDateTimeExtended(V, 1335514344_000_001L)));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("scalars")
  void eachTypeReadsAndWritesBack(String type, String value, Ttlv expected) {
    Ttlv read = read(vendor(type, value));

    assertThat(read).isEqualTo(expected);
    assertThat(read(KmipXml.write(read, TestNames.INSTANCE))).isEqualTo(expected);
  }

  @Test
  void writesInTheTestCaseStyle() {
    Ttlv item =
        TtlvStructure.of(
            TestNames.TEMPLATE_ATTRIBUTE,
            new TtlvEnumeration(TestNames.CRYPTOGRAPHIC_ALGORITHM, 3),
            new TtlvInteger(TestNames.CRYPTOGRAPHIC_USAGE_MASK, 12),
            new TtlvBoolean(V, true),
            new TtlvEnumeration(0x540002, 0x80000001));

    assertThat(KmipXml.write(item, TestNames.INSTANCE))
        .isEqualTo(
            """
            <TemplateAttribute>
              <CryptographicAlgorithm type="Enumeration" value="AES"/>
              <CryptographicUsageMask type="Integer" value="Encrypt Decrypt"/>
              <TTLV tag="0x540001" type="Boolean" value="true"/>
              <TTLV tag="0x540002" type="Enumeration" value="0x80000001"/>
            </TemplateAttribute>
            """);
  }

  @Test
  void enumerationByNameAndByHexAreTheSame() {
    assertThat(read("<CryptographicAlgorithm type=\"Enumeration\" value=\"AES\"/>"))
        .isEqualTo(read("<CryptographicAlgorithm type=\"Enumeration\" value=\"0x00000003\"/>"))
        .isEqualTo(new TtlvEnumeration(TestNames.CRYPTOGRAPHIC_ALGORITHM, 3));
  }

  @Test
  void maskTakesSeveralNamesAndHexParts() {
    Ttlv read =
        read("<CryptographicUsageMask type=\"Integer\" value=\" Decrypt   Encrypt 0x00000100\"/>");

    assertThat(read).isEqualTo(new TtlvInteger(TestNames.CRYPTOGRAPHIC_USAGE_MASK, 0x10C));
    assertThat(KmipXml.write(read, TestNames.INSTANCE))
        .contains("value=\"Encrypt Decrypt 0x00000100\"");
  }

  @Test
  void attributeValueIsNamedByItsAttributeName() {
    String xml =
        """
        <Attribute>
          <AttributeName type="TextString" value="Cryptographic Algorithm"/>
          <AttributeValue type="Enumeration" value="DES3"/>
        </Attribute>""";

    Ttlv read = read(xml);

    assertThat(read)
        .isEqualTo(
            TtlvStructure.of(
                TestNames.ATTRIBUTE,
                new TtlvTextString(NameContext.ATTRIBUTE_NAME, "Cryptographic Algorithm"),
                new TtlvEnumeration(NameContext.ATTRIBUTE_VALUE, 2)));
    assertThat(KmipXml.write(read, TestNames.INSTANCE)).contains("value=\"DES3\"");
  }

  @Test
  void attributeValueMaskIsNamedByItsAttributeName() {
    String xml =
        """
        <Attribute>
          <AttributeName type="TextString" value="Cryptographic Usage Mask"/>
          <AttributeValue type="Integer" value="Sign Verify"/>
        </Attribute>""";

    assertThat(((TtlvStructure) read(xml)).items().get(1))
        .isEqualTo(new TtlvInteger(NameContext.ATTRIBUTE_VALUE, 3));
  }

  @Test
  void attributeReferenceEnumerationNamesATag() {
    Ttlv read = read("<AttributeReference type=\"Enumeration\" value=\"CryptographicAlgorithm\"/>");

    assertThat(read)
        .isEqualTo(
            new TtlvEnumeration(
                NameContext.ATTRIBUTE_REFERENCE, TestNames.CRYPTOGRAPHIC_ALGORITHM));
    assertThat(KmipXml.write(read, TestNames.INSTANCE))
        .contains("value=\"CryptographicAlgorithm\"");
  }

  @Test
  void textStringPlaceholdersStayText() {
    assertThat(read("<UniqueIdentifier type=\"TextString\" value=\"$UNIQUE_IDENTIFIER_0\"/>"))
        .isEqualTo(new TtlvTextString(TestNames.UNIQUE_IDENTIFIER, "$UNIQUE_IDENTIFIER_0"));
  }

  @Test
  void placeholderInOtherTypesNeedsAResolver() {
    String xml = vendor("ByteString", "$KEY_MATERIAL_0");
    assertThatThrownBy(() -> read(xml))
        .isInstanceOfSatisfying(
            TtlvException.class, e -> assertThat(e.reason()).isEqualTo(ResultReason.INVALID_FIELD));

    TextOptions resolving =
        OPTIONS.withPlaceholders((tag, type, name) -> TtlvByteString.of(tag, new byte[] {1}));
    assertThat(KmipXml.read(xml, resolving, TestNames.INSTANCE))
        .isEqualTo(TtlvByteString.of(V, new byte[] {1}));
  }

  @Test
  void nowNeedsAClock() {
    assertThatThrownBy(() -> KmipXml.read(vendor("DateTime", "$NOW"), TextOptions.DEFAULTS))
        .isInstanceOfSatisfying(
            TtlvException.class, e -> assertThat(e.reason()).isEqualTo(ResultReason.INVALID_FIELD));
  }

  @Test
  void readsTheMessagesOfATestCaseFileInOrder() {
    String xml =
        "<KMIP>\n<!-- header -->\n"
            + vendor("Integer", "1")
            + "\n"
            + vendor("Integer", "2")
            + "\n</KMIP>";

    List<Ttlv> messages = KmipXml.readMessages(xml, OPTIONS, TestNames.INSTANCE);

    assertThat(messages).containsExactly(new TtlvInteger(V, 1), new TtlvInteger(V, 2));
  }

  static Stream<Arguments> malformed() {
    return Stream.of(
        Arguments.of(
            "<Unknown type=\"Integer\" value=\"1\"/>", ResultReason.INVALID_MESSAGE, "Unknown"),
        Arguments.of(vendor("Number", "1"), ResultReason.INVALID_MESSAGE, "TTLV"),
        Arguments.of(
            "<TTLV tag=\"540001\" type=\"Integer\" value=\"1\"/>",
            ResultReason.INVALID_MESSAGE,
            "TTLV"),
        Arguments.of(
            "<TTLV tag=\"0x540001\" type=\"Integer\"/>", ResultReason.INVALID_MESSAGE, "TTLV"),
        Arguments.of("<TTLV tag=\"0x540001\" value=\"1\"/>", ResultReason.INVALID_MESSAGE, "TTLV"),
        Arguments.of(
            "<TTLV tag=\"0x540001\" type=\"Integer\" value=\"1\" x=\"1\"/>",
            ResultReason.INVALID_MESSAGE,
            "TTLV"),
        Arguments.of("<TTLV tag=\"0x540001\">text</TTLV>", ResultReason.INVALID_MESSAGE, "TTLV"),
        Arguments.of("<TTLV tag=\"0x540001\"", ResultReason.INVALID_MESSAGE, ""),
        Arguments.of(vendor("Integer", "2147483648"), ResultReason.INVALID_FIELD, "TTLV"),
        Arguments.of(vendor("Integer", "0x100000000"), ResultReason.INVALID_FIELD, "TTLV"),
        Arguments.of(vendor("Integer", "Encrypt"), ResultReason.INVALID_FIELD, "TTLV"),
        Arguments.of(vendor("Interval", "-1"), ResultReason.INVALID_FIELD, "TTLV"),
        Arguments.of(vendor("Boolean", "yes"), ResultReason.INVALID_FIELD, "TTLV"),
        Arguments.of(vendor("Boolean", "0x0000000000000002"), ResultReason.INVALID_FIELD, "TTLV"),
        Arguments.of(vendor("ByteString", "abc"), ResultReason.INVALID_FIELD, "TTLV"),
        Arguments.of(vendor("BigInteger", "0x123"), ResultReason.INVALID_FIELD, "TTLV"),
        Arguments.of(vendor("DateTime", "2012-04-27T08:12:24"), ResultReason.INVALID_FIELD, "TTLV"),
        Arguments.of(
            vendor("DateTime", "2012-04-27T08:12:24.5Z"), ResultReason.INVALID_FIELD, "TTLV"),
        Arguments.of(vendor("DateTime", "$NOW*2"), ResultReason.INVALID_FIELD, "TTLV"),
        Arguments.of(
            "<CryptographicAlgorithm type=\"Enumeration\" value=\"Rot13\"/>",
            ResultReason.INVALID_FIELD,
            "CryptographicAlgorithm"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("malformed")
  void malformedInputIsRefusedWithTheRightReason(String xml, ResultReason reason, String path) {
    assertThatThrownBy(() -> read(xml))
        .isInstanceOfSatisfying(
            TtlvException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(reason);
              assertThat(e.path()).isEqualTo(path);
            });
  }

  @Test
  void byteStringValueNeverAppearsInTheMessage() {
    assertThatThrownBy(() -> read(vendor("ByteString", "deadbeefcafe0")))
        .isInstanceOf(TtlvException.class)
        .satisfies(e -> assertThat(e.getMessage()).doesNotContainIgnoringCase("deadbeef"));
  }

  @Test
  void externalEntitiesAreRefused() {
    String xxe =
        """
        <?xml version="1.0"?>
        <!DOCTYPE TTLV [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
        <TTLV tag="0x540001" type="TextString" value="&xxe;"/>""";

    assertThatThrownBy(() -> read(xxe))
        .isInstanceOfSatisfying(
            TtlvException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(ResultReason.INVALID_MESSAGE);
              assertThat(e.getMessage()).doesNotContain("root:");
            });
  }

  @Test
  void internalEntityExpansionIsRefused() {
    String bomb =
        "<!DOCTYPE TTLV [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;\">]>"
            + "<TTLV tag=\"0x540001\" type=\"TextString\" value=\"&b;\"/>";

    assertThatThrownBy(() -> read(bomb)).isInstanceOf(TtlvException.class);
  }

  @Test
  void nestingDeeperThanTheLimitIsRefused() {
    String deep = "<TTLV tag=\"0x540001\">".repeat(40) + "</TTLV>".repeat(40);

    assertThatThrownBy(() -> read(deep))
        .isInstanceOfSatisfying(
            TtlvException.class,
            e -> assertThat(e.reason()).isEqualTo(ResultReason.INVALID_MESSAGE));
  }

  @Test
  void textStringWithAControlCharacterCannotBeWritten() {
    assertThatThrownBy(() -> KmipXml.write(new TtlvTextString(V, "a\u0001b"), TestNames.INSTANCE))
        .isInstanceOf(TtlvException.class);
  }
}
