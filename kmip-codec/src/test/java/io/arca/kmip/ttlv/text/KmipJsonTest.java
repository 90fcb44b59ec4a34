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
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class KmipJsonTest {
  private static final int V = 0x540001;
  private static final Instant NOW = Instant.parse("2024-05-01T12:00:00Z");
  private static final TextOptions OPTIONS = TextOptions.DEFAULTS.withNow(NOW);

  private static Ttlv read(String json) {
    return KmipJson.read(json, OPTIONS, TestNames.INSTANCE);
  }

  private static String vendor(String type, String value) {
    return "{\"tag\": \"0x540001\", \"type\": \"" + type + "\", \"value\": " + value + "}";
  }

  static Stream<Arguments> scalars() {
    return Stream.of(
        Arguments.of("Integer", "-7", new TtlvInteger(V, -7)),
        Arguments.of("Integer", "\"0xFFFFFFFF\"", new TtlvInteger(V, -1)),
        Arguments.of("LongInteger", "16", new TtlvLongInteger(V, 16)),
        Arguments.of(
            "LongInteger", "\"0x7FFFFFFFFFFFFFFF\"", new TtlvLongInteger(V, Long.MAX_VALUE)),
        Arguments.of(
            "LongInteger", "\"0x8000000000000000\"", new TtlvLongInteger(V, Long.MIN_VALUE)),
        Arguments.of(
            "BigInteger",
            "\"0xffffffffffffff00\"",
            new TtlvBigInteger(V, BigInteger.valueOf(-256))),
        Arguments.of(
            "BigInteger",
            "123456789012345678901234567890",
            new TtlvBigInteger(V, new BigInteger("123456789012345678901234567890"))),
        Arguments.of("Enumeration", "\"0x80000001\"", new TtlvEnumeration(V, 0x80000001)),
        Arguments.of("Enumeration", "10", new TtlvEnumeration(V, 10)),
        Arguments.of("Boolean", "true", new TtlvBoolean(V, true)),
        Arguments.of("Boolean", "\"0x0000000000000001\"", new TtlvBoolean(V, true)),
        Arguments.of(
            "TextString", "\"a\\\"b\\u0001\\u00e9\"", new TtlvTextString(V, "a\"b\u0001\u00e9")),
        Arguments.of(
            "ByteString", "\"00FFa1\"", TtlvByteString.of(V, new byte[] {0, -1, (byte) 0xa1})),
        Arguments.of("DateTime", "\"2012-04-27T08:12:24+00:00\"", new TtlvDateTime(V, 1335514344L)),
        Arguments.of("DateTime", "\"0x000000004F9A54E8\"", new TtlvDateTime(V, 1335514344L)),
        Arguments.of("DateTime", "\"$NOW-3600\"", TtlvDateTime.of(V, NOW.minusSeconds(3600))),
        Arguments.of("Interval", "3600", new TtlvInterval(V, 3600)),
        Arguments.of(
            "DateTimeExtended",
            "\"2012-04-27T08:12:24.123456+00:00\"",
            new TtlvDateTimeExtended(V, 1335514344_123_456L)));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("scalars")
  void eachTypeReadsAndWritesBack(String type, String value, Ttlv expected) {
    Ttlv read = read(vendor(type, value));

    assertThat(read).isEqualTo(expected);
    assertThat(read(KmipJson.write(read, TestNames.INSTANCE))).isEqualTo(expected);
  }

  @Test
  void writesStructuresAsArraysAndNamesInContext() {
    Ttlv item =
        TtlvStructure.of(
            TestNames.ATTRIBUTE,
            new TtlvTextString(NameContext.ATTRIBUTE_NAME, "Cryptographic Usage Mask"),
            new TtlvInteger(NameContext.ATTRIBUTE_VALUE, 0x10C),
            new TtlvLongInteger(V, 1L << 60),
            TtlvStructure.of(0x540002));

    String json = KmipJson.write(item, TestNames.INSTANCE);

    assertThat(json)
        .isEqualTo(
            """
            {"tag": "Attribute", "value": [
              {"tag": "AttributeName", "type": "TextString", "value": "Cryptographic Usage Mask"},
              {"tag": "AttributeValue", "type": "Integer", "value": "Encrypt|Decrypt|0x00000100"},
              {"tag": "0x540001", "type": "LongInteger", "value": "0x1000000000000000"},
              {"tag": "0x540002", "value": []}
            ]}
            """);
    assertThat(read(json)).isEqualTo(item);
  }

  @Test
  void structureTypeMayBeGivenExplicitly() {
    assertThat(read("{\"tag\": \"0x540001\", \"type\": \"Structure\", \"value\": []}"))
        .isEqualTo(TtlvStructure.of(V));
  }

  @Test
  void enumerationByNameAndByHexAreTheSame() {
    assertThat(
            read("{\"tag\":\"CryptographicAlgorithm\",\"type\":\"Enumeration\",\"value\":\"AES\"}"))
        .isEqualTo(
            read(
                "{\"tag\":\"CryptographicAlgorithm\",\"type\":\"Enumeration\",\"value\":\"0x00000003\"}"))
        .isEqualTo(new TtlvEnumeration(TestNames.CRYPTOGRAPHIC_ALGORITHM, 3));
  }

  static Stream<Arguments> malformed() {
    return Stream.of(
        Arguments.of(
            "{\"tag\": \"Nope\", \"type\": \"Integer\", \"value\": 1}",
            ResultReason.INVALID_MESSAGE),
        Arguments.of(
            "{\"tag\": \"0x540001\", \"type\": \"Integer\"}", ResultReason.INVALID_MESSAGE),
        Arguments.of(
            "{\"tag\": \"0x540001\", \"type\": \"Int\", \"value\": 1}",
            ResultReason.INVALID_MESSAGE),
        Arguments.of("{\"tag\": \"0x540001\", \"value\": 1}", ResultReason.INVALID_MESSAGE),
        Arguments.of(
            "{\"tag\": \"0x540001\", \"type\": \"Integer\", \"value\": 1, \"x\": 1}",
            ResultReason.INVALID_MESSAGE),
        Arguments.of(
            "{\"tag\": \"0x540001\", \"tag\": \"0x540001\", \"value\": []}",
            ResultReason.INVALID_MESSAGE),
        Arguments.of("{\"tag\": \"0x540001\", \"value\": [],}", ResultReason.INVALID_MESSAGE),
        Arguments.of("{\"tag\": \"0x540001\", \"value\": []} x", ResultReason.INVALID_MESSAGE),
        Arguments.of("{\"tag\": \"0x540001\", \"value\": [1]}", ResultReason.INVALID_MESSAGE),
        Arguments.of("[", ResultReason.INVALID_MESSAGE),
        Arguments.of("{\"tag\": \"\\ud800\", \"value\": []}", ResultReason.INVALID_MESSAGE),
        Arguments.of(vendor("Integer", "2147483648"), ResultReason.INVALID_FIELD),
        Arguments.of(vendor("Integer", "1.5"), ResultReason.INVALID_FIELD),
        Arguments.of(vendor("Integer", "true"), ResultReason.INVALID_FIELD),
        Arguments.of(vendor("TextString", "5"), ResultReason.INVALID_FIELD),
        Arguments.of(vendor("Boolean", "\"yes\""), ResultReason.INVALID_FIELD),
        Arguments.of(vendor("BigInteger", "\"1234\""), ResultReason.INVALID_FIELD),
        Arguments.of(vendor("Enumeration", "-1"), ResultReason.INVALID_FIELD),
        Arguments.of(vendor("Enumeration", "\"AES\""), ResultReason.INVALID_FIELD),
        Arguments.of(vendor("ByteString", "\"$KEY\""), ResultReason.INVALID_FIELD));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("malformed")
  void malformedInputIsRefusedWithTheRightReason(String json, ResultReason reason) {
    assertThatThrownBy(() -> read(json))
        .isInstanceOfSatisfying(TtlvException.class, e -> assertThat(e.reason()).isEqualTo(reason));
  }

  @Test
  void nestingDeeperThanTheLimitIsRefused() {
    String deep = "{\"tag\": \"0x540001\", \"value\": [".repeat(40) + "]}".repeat(40);

    assertThatThrownBy(() -> read(deep))
        .isInstanceOfSatisfying(
            TtlvException.class,
            e -> assertThat(e.reason()).isEqualTo(ResultReason.INVALID_MESSAGE));
  }

  @Test
  void inputLongerThanTheLimitIsRefused() {
    TextOptions small = new TextOptions(null, Placeholders.REFUSE, 10, 32);

    assertThatThrownBy(() -> KmipJson.read(vendor("Integer", "1"), small, TestNames.INSTANCE))
        .isInstanceOfSatisfying(
            TtlvException.class,
            e -> assertThat(e.reason()).isEqualTo(ResultReason.INVALID_MESSAGE));
  }

  @Test
  void byteStringValueNeverAppearsInTheMessage() {
    assertThatThrownBy(() -> read(vendor("ByteString", "\"deadbeefcafeZZ\"")))
        .isInstanceOf(TtlvException.class)
        .satisfies(e -> assertThat(e.getMessage()).doesNotContainIgnoringCase("deadbeef"));
  }
}
