package io.arca.kmip.ttlv;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The encoding examples of KMIP 1.4 §9.1.2, byte for byte in both directions; every example uses
 * tag 0x420020.
 */
class SpecExamplesTest {
  private static final int TAG = 0x420020;

  private static void assertEncodesAs(Ttlv item, String fixture) {
    byte[] expected = Hex.bytes(fixture);
    assertThat(TtlvWriter.toBytes(item)).as("encoding").isEqualTo(expected);
    assertThat(TtlvWriter.encodedLength(item)).as("encoded length").isEqualTo(expected.length);
    assertThat(TtlvReader.read(expected, DecodeLimits.DEFAULTS)).as("decoding").isEqualTo(item);
  }

  @Test
  void integer8() {
    assertEncodesAs(
        new TtlvInteger(TAG, 8), "42 00 20 | 02 | 00 00 00 04 | 00 00 00 08 00 00 00 00");
  }

  @Test
  void longInteger123456789000000000() {
    assertEncodesAs(
        new TtlvLongInteger(TAG, 123_456_789_000_000_000L),
        "42 00 20 | 03 | 00 00 00 08 | 01 B6 9B 4B A5 74 92 00");
  }

  @Test
  void bigInteger1234567890000000000000000000() {
    assertEncodesAs(
        new TtlvBigInteger(TAG, new BigInteger("1234567890000000000000000000")),
        "42 00 20 | 04 | 00 00 00 10 | 00 00 00 00 03 FD 35 EB 6B C2 DF 46 18 08 00 00");
  }

  @Test
  void enumeration255() {
    assertEncodesAs(
        new TtlvEnumeration(TAG, 255), "42 00 20 | 05 | 00 00 00 04 | 00 00 00 FF 00 00 00 00");
  }

  @Test
  void booleanTrue() {
    assertEncodesAs(
        new TtlvBoolean(TAG, true), "42 00 20 | 06 | 00 00 00 08 | 00 00 00 00 00 00 00 01");
  }

  @Test
  void textStringHelloWorld() {
    assertEncodesAs(
        new TtlvTextString(TAG, "Hello World"),
        "42 00 20 | 07 | 00 00 00 0B | 48 65 6C 6C 6F 20 57 6F 72 6C 64 00 00 00 00 00");
  }

  @Test
  void byteString010203() {
    assertEncodesAs(
        TtlvByteString.of(TAG, new byte[] {1, 2, 3}),
        "42 00 20 | 08 | 00 00 00 03 | 01 02 03 00 00 00 00 00");
  }

  @Test
  void dateTimeFridayMarch14th2008At115640Gmt() {
    assertEncodesAs(
        TtlvDateTime.of(TAG, Instant.parse("2008-03-14T11:56:40Z")),
        "42 00 20 | 09 | 00 00 00 08 | 00 00 00 00 47 DA 67 F8");
  }

  @Test
  void interval10Days() {
    assertEncodesAs(
        new TtlvInterval(TAG, TimeUnit.DAYS.toSeconds(10)),
        "42 00 20 | 0A | 00 00 00 04 | 00 0D 2F 00 00 00 00 00");
  }

  @Test
  void structureWithEnumeration254AndInteger255() {
    assertEncodesAs(
        TtlvStructure.of(TAG, new TtlvEnumeration(0x420004, 254), new TtlvInteger(0x420005, 255)),
        "42 00 20 | 01 | 00 00 00 20 | 42 00 04 | 05 | 00 00 00 04 | 00 00 00 FE 00 00 00 00"
            + " | 42 00 05 | 02 | 00 00 00 04 | 00 00 00 FF 00 00 00 00");
  }

  /** Not in the spec (Date-Time Extended arrived in KMIP 2.0): the Date-Time example plus µs. */
  @Test
  void dateTimeExtendedMarch14th2008At115640Point123456Gmt() {
    TtlvDateTimeExtended item = new TtlvDateTimeExtended(TAG, 1_205_495_800_123_456L);
    assertThat(item.instant()).isEqualTo(Instant.parse("2008-03-14T11:56:40.123456Z"));
    assertEncodesAs(item, "42 00 20 | 0B | 00 00 00 08 | 00 04 48 64 5C F1 D0 40");
  }

  @Test
  void bigIntegerZeroIsEightZeroBytes() {
    assertEncodesAs(
        new TtlvBigInteger(TAG, BigInteger.ZERO),
        "42 00 20 | 04 | 00 00 00 08 | 00 00 00 00 00 00 00 00");
  }

  @Test
  void bigIntegerMinusOneIsEightFfBytes() {
    assertEncodesAs(
        new TtlvBigInteger(TAG, BigInteger.ONE.negate()),
        "42 00 20 | 04 | 00 00 00 08 | FF FF FF FF FF FF FF FF");
  }

  @Test
  void negativeBigIntegerIsSignExtendedToAMultipleOfEight() {
    // -2^64 needs 9 bytes of two's complement (FF 00 .. 00), so 16 on the wire.
    assertEncodesAs(
        new TtlvBigInteger(TAG, BigInteger.ONE.shiftLeft(64).negate()),
        "42 00 20 | 04 | 00 00 00 10 | FF FF FF FF FF FF FF FF 00 00 00 00 00 00 00 00");
  }

  @Test
  void intervalAbove2To31IsUnsigned() {
    assertEncodesAs(
        new TtlvInterval(TAG, TtlvInterval.MAX_SECONDS),
        "42 00 20 | 0A | 00 00 00 04 | FF FF FF FF 00 00 00 00");
  }

  @Test
  void multiByteTextIsUtf8() {
    // "é€😀": 2, 3 and 4 bytes.
    assertEncodesAs(
        new TtlvTextString(TAG, "\u00e9\u20ac\ud83d\ude00"),
        "42 00 20 | 07 | 00 00 00 09 | C3 A9 E2 82 AC F0 9F 98 80 00 00 00 00 00 00 00");
  }

  @Test
  void vendorExtensionTagRoundTrips() {
    assertEncodesAs(
        new TtlvInteger(0x540001, -1), "54 00 01 | 02 | 00 00 00 04 | FF FF FF FF 00 00 00 00");
  }
}
