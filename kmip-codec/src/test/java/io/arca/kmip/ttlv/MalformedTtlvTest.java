package io.arca.kmip.ttlv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.arca.kmip.ResultReason;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.Collections;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** One malformed frame per rule of the reader, each with the reason, offset and path it reports. */
class MalformedTtlvTest {
  private static final ResultReason INVALID = ResultReason.INVALID_MESSAGE;
  private static final DecodeLimits DEFAULTS = DecodeLimits.DEFAULTS;

  /** A malformed frame and what the reader must say about it. */
  record Case(String hex, DecodeLimits limits, ResultReason reason, long offset, String path) {}

  private static Arguments invalid(String name, String hex, long offset, String path) {
    return Arguments.of(name, new Case(hex, DEFAULTS, INVALID, offset, path));
  }

  private static Arguments invalid(
      String name, String hex, DecodeLimits limits, long offset, String path) {
    return Arguments.of(name, new Case(hex, limits, INVALID, offset, path));
  }

  /** Text String 0x420020 holding {@code utf8}, which must be 1 to 8 bytes, zero-padded. */
  private static String text(String utf8) {
    int length = utf8.replace(" ", "").length() / 2;
    return "42 00 20 | 07 | 00 00 00 0" + length + " | " + utf8 + " 00".repeat(8 - length);
  }

  /** {@code depth} empty structures 0x420001, each inside the one before. */
  private static String nested(int depth) {
    StringBuilder hex = new StringBuilder();
    for (int level = 1; level <= depth; level++) {
      hex.append(String.format("42 00 01 | 01 | %08X | ", 8 * (depth - level)));
    }
    return hex.toString();
  }

  private static String nestedPath(int depth) {
    return String.join("/", Collections.nCopies(depth, "420001"));
  }

  static Stream<Arguments> malformedFrames() {
    String integer8 = "42 00 20 | 02 | 00 00 00 04 | 00 00 00 08 00 00 00 00";
    String child = "42 00 04 | 02 | 00 00 00 04 | 00 00 00 01 00 00 00 00";
    return Stream.of(
        invalid("emptyFrame", "", 0, ""),
        invalid("shortHeader", "42 00 20 | 02 | 00 00 00", 0, ""),
        invalid(
            "unknownType0C", "42 00 20 | 0C | 00 00 00 04 | 00 00 00 08 00 00 00 00", 0, "420020"),
        invalid("typeZero", "42 00 20 | 00 | 00 00 00 04 | 00 00 00 08 00 00 00 00", 0, "420020"),
        invalid("tagPrefix43", "43 00 20 | 02 | 00 00 00 04 | 00 00 00 08 00 00 00 00", 0, ""),
        invalid("tagPrefix00", "00 00 20 | 02 | 00 00 00 04 | 00 00 00 08 00 00 00 00", 0, ""),
        invalid(
            "integerLength2", "42 00 20 | 02 | 00 00 00 02 | 00 08 00 00 00 00 00 00", 0, "420020"),
        invalid(
            "enumerationLength8",
            "42 00 20 | 05 | 00 00 00 08 | 00 00 00 00 00 00 00 FF",
            0,
            "420020"),
        invalid(
            "intervalLength8",
            "42 00 20 | 0A | 00 00 00 08 | 00 00 00 00 00 0D 2F 00",
            0,
            "420020"),
        invalid(
            "longIntegerLength4",
            "42 00 20 | 03 | 00 00 00 04 | 00 00 00 01 00 00 00 00",
            0,
            "420020"),
        invalid(
            "booleanLength1", "42 00 20 | 06 | 00 00 00 01 | 01 00 00 00 00 00 00 00", 0, "420020"),
        invalid(
            "dateTimeLength4",
            "42 00 20 | 09 | 00 00 00 04 | 47 DA 67 F8 00 00 00 00",
            0,
            "420020"),
        invalid(
            "dateTimeExtendedLength16",
            "42 00 20 | 0B | 00 00 00 10 | 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 01",
            0,
            "420020"),
        invalid("boolean2", "42 00 20 | 06 | 00 00 00 08 | 00 00 00 00 00 00 00 02", 0, "420020"),
        invalid(
            "booleanHighByte",
            "42 00 20 | 06 | 00 00 00 08 | 01 00 00 00 00 00 00 01",
            0,
            "420020"),
        invalid(
            "integerNonZeroPadding",
            "42 00 20 | 02 | 00 00 00 04 | 00 00 00 08 00 00 00 01",
            0,
            "420020"),
        invalid(
            "textStringNonZeroPadding",
            "42 00 20 | 07 | 00 00 00 0B | 48 65 6C 6C 6F 20 57 6F 72 6C 64 00 00 00 00 20",
            0,
            "420020"),
        invalid(
            "byteStringNonZeroPadding",
            "42 00 20 | 08 | 00 00 00 03 | 01 02 03 00 00 80 00 00",
            0,
            "420020"),
        invalid(
            "lengthBeyondEnclosingStructure",
            "42 00 20 | 01 | 00 00 00 10 | 42 00 04 | 07 | 00 00 00 09 | 41 41 41 41 41 41 41 41",
            8,
            "420020/420004"),
        invalid("structureLongerThanFrame", "42 00 20 | 01 | 00 00 00 20 | " + child, 0, "420020"),
        invalid(
            "structureShorterThanItsChild",
            "42 00 20 | 01 | 00 00 00 08 | " + child,
            8,
            "420020/420004"),
        invalid(
            "structureLongerThanItsChildren",
            "42 00 20 | 01 | 00 00 00 18 | " + child + " | 00 00 00 00 00 00 00 00",
            24,
            "420020"),
        invalid(
            "structureLengthNotMultipleOf8", "42 00 20 | 01 | 00 00 00 0C | " + child, 0, "420020"),
        invalid(
            "bigIntegerLength12",
            "42 00 20 | 04 | 00 00 00 0C | 00 00 00 00 00 00 00 00 00 00 00 01 00 00 00 00",
            0,
            "420020"),
        invalid("bigIntegerLength0", "42 00 20 | 04 | 00 00 00 00", 0, "420020"),
        invalid("invalidUtf8ByteFF", text("FF"), 0, "420020"),
        invalid("invalidUtf8LoneContinuation", text("41 80"), 0, "420020"),
        invalid("invalidUtf8Truncated", text("E2 82"), 0, "420020"),
        invalid("overlongUtf8TwoBytes", text("C0 AF"), 0, "420020"),
        invalid("overlongUtf8C1", text("C1 BF"), 0, "420020"),
        invalid("overlongUtf8ThreeBytes", text("E0 80 AF"), 0, "420020"),
        invalid("overlongUtf8FourBytes", text("F0 80 80 AF"), 0, "420020"),
        invalid("utf8Surrogate", text("ED A0 80"), 0, "420020"),
        invalid("utf8BeyondU10FFFF", text("F4 90 80 80"), 0, "420020"),
        invalid("depth33", nested(33), 256, nestedPath(33)),
        invalid(
            "tooManyItems",
            "42 00 20 | 01 | 00 00 00 30 | " + child + " | " + child + " | " + child,
            new DecodeLimits(1 << 20, 32, 2),
            40,
            "420020/420004"),
        invalid("messageOverMaxMessageBytes", integer8, new DecodeLimits(15, 32, 10), 0, ""),
        invalid("trailingBytes", integer8 + " | 00 00 00 00 00 00 00 00", 16, ""),
        invalid(
            "oneGibibyteTextLengthClaim",
            "42 00 20 | 07 | 40 00 00 00 | 41 41 41 41 41 41 41 41",
            0,
            "420020"),
        invalid(
            "maximalByteStringLengthClaim",
            "42 00 20 | 08 | FF FF FF FF | 41 41 41 41 41 41 41 41",
            0,
            "420020"),
        invalid(
            "hugeLengthClaimNestedWithLargeLimits",
            "42 00 20 | 01 | 00 00 00 10 | 42 00 04 | 08 | 7F FF FF F0 | 00 00 00 00 00 00 00 00",
            new DecodeLimits(Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE),
            8,
            "420020/420004"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("malformedFrames")
  void malformedFrameIsRejectedWithReasonOffsetAndPath(String name, Case c) {
    byte[] frame = Hex.bytes(c.hex());
    TtlvException e =
        catchThrowableOfType(TtlvException.class, () -> TtlvReader.read(frame, c.limits()));
    assertThat(e).as(name).isNotNull();
    assertThat(e.reason()).as(name).isEqualTo(c.reason());
    assertThat(e.offset()).as(name).isEqualTo(c.offset());
    assertThat(e.path()).as(name).isEqualTo(c.path());
    assertThat(e.getMessage()).as(name).contains("at offset " + c.offset());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("malformedFrames")
  void offsetsCountFromTheReaderIndex(String name, Case c) {
    byte[] bytes = Hex.bytes(c.hex());
    ByteBuf frame = Unpooled.buffer(bytes.length + 16);
    frame.writeZero(11).writeBytes(bytes).readerIndex(11);
    TtlvException e =
        catchThrowableOfType(TtlvException.class, () -> TtlvReader.read(frame, c.limits()));
    assertThat(e).as(name).isNotNull();
    assertThat(e.offset()).as(name).isEqualTo(c.offset());
  }

  @Test
  void depth32IsAccepted() {
    Ttlv item = TtlvReader.read(Hex.bytes(nested(32)), DEFAULTS);
    int depth = 0;
    while (item instanceof TtlvStructure s && !s.items().isEmpty()) {
      item = s.items().get(0);
      depth++;
    }
    assertThat(depth + 1).isEqualTo(32);
  }

  @Test
  void exactlyMaxItemsIsAccepted() {
    String child = "42 00 04 | 02 | 00 00 00 04 | 00 00 00 01 00 00 00 00";
    Ttlv item =
        TtlvReader.read(
            Hex.bytes("42 00 20 | 01 | 00 00 00 20 | " + child + " | " + child),
            new DecodeLimits(1 << 20, 32, 2));
    assertThat(((TtlvStructure) item).items()).hasSize(2);
  }

  @Test
  void messageOfExactlyMaxMessageBytesIsAccepted() {
    byte[] frame = Hex.bytes("42 00 20 | 02 | 00 00 00 04 | 00 00 00 08 00 00 00 00");
    assertThat(TtlvReader.read(frame, new DecodeLimits(16, 1, 1)))
        .isEqualTo(new TtlvInteger(0x420020, 8));
  }

  @Test
  void messageNamesTheRuleButNotTheValue() {
    TtlvException e =
        catchThrowableOfType(
            TtlvException.class,
            () ->
                TtlvReader.read(
                    Hex.bytes("42 00 20 | 02 | 00 00 00 02 | 00 08 00 00 00 00 00 00"), DEFAULTS));
    assertThat(e.getMessage()).isEqualTo("Integer length: 2 (expected: 4) at offset 0 in 420020");
  }
}
