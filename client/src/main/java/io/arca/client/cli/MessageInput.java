package io.arca.client.cli;

import io.arca.kmip.ResultReason;
import io.arca.kmip.ttlv.TtlvException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What a person hands to {@code arca ttlv}: a file (or standard input) holding binary TTLV, hex
 * text of it, or KMIP XML. Binary and hex input may hold several messages one after another; each
 * is split off by its own header.
 */
final class MessageInput {
  /** The input is larger than any KMIP message this tool will read. */
  static final int MAX_INPUT_BYTES = 64 << 20;

  private static final int HEADER_BYTES = 8;
  private static final Pattern HEX_PREFIX = Pattern.compile("(?<![0-9a-f])0x");

  private MessageInput() {}

  static byte[] readAll(String fileOrDash, InputStream stdin) throws IOException {
    try (InputStream in =
        "-".equals(fileOrDash) ? stdin : Files.newInputStream(Path.of(fileOrDash))) {
      byte[] bytes = in.readNBytes(MAX_INPUT_BYTES + 1);
      if (bytes.length > MAX_INPUT_BYTES) {
        throw new IOException("input is larger than " + MAX_INPUT_BYTES + " bytes");
      }
      return bytes;
    }
  }

  /** True when the bytes look like KMIP XML rather than TTLV. */
  static boolean isXml(byte[] input) {
    for (byte b : input) {
      if (!Character.isWhitespace(b)) {
        return b == '<';
      }
    }
    return false;
  }

  /**
   * The binary messages in the input: hex text (whitespace, {@code |} separators and a leading
   * {@code 0x} are ignored, one or more messages) is converted first, anything else is taken as raw
   * TTLV.
   */
  static List<byte[]> binaryMessages(byte[] input) {
    byte[] binary = looksLikeHex(input) ? fromHex(input) : input;
    List<byte[]> messages = new ArrayList<>();
    int offset = 0;
    while (offset < binary.length) {
      if (binary.length - offset < HEADER_BYTES) {
        throw new TtlvException(
            ResultReason.INVALID_MESSAGE,
            "truncated TTLV header at offset " + offset + " (expected: 8 bytes)");
      }
      long length = readLength(binary, offset + 4);
      long padded = (length + 7) & ~7L;
      long end = offset + HEADER_BYTES + padded;
      if (end > binary.length) {
        throw new TtlvException(
            ResultReason.INVALID_MESSAGE,
            "TTLV item at offset "
                + offset
                + " claims "
                + length
                + " bytes but only "
                + (binary.length - offset - HEADER_BYTES)
                + " follow");
      }
      messages.add(Arrays.copyOfRange(binary, offset, (int) end));
      offset = (int) end;
    }
    return messages;
  }

  private static long readLength(byte[] bytes, int at) {
    return ((bytes[at] & 0xFFL) << 24)
        | ((bytes[at + 1] & 0xFFL) << 16)
        | ((bytes[at + 2] & 0xFFL) << 8)
        | (bytes[at + 3] & 0xFFL);
  }

  private static boolean looksLikeHex(byte[] input) {
    boolean anyDigit = false;
    for (byte b : input) {
      char c = (char) (b & 0xFF);
      if (Character.digit(c, 16) >= 0) {
        anyDigit = true;
      } else if (!Character.isWhitespace(c) && c != '|' && c != 'x' && c != 'X') {
        return false;
      }
    }
    return anyDigit;
  }

  private static byte[] fromHex(byte[] input) {
    String text = new String(input, StandardCharsets.US_ASCII).toLowerCase(Locale.ROOT);
    String digits = HEX_PREFIX.matcher(text).replaceAll("").replaceAll("[\\s|]", "");
    if (digits.length() % 2 != 0) {
      throw new TtlvException(
          ResultReason.INVALID_MESSAGE, "hex input has an odd number of digits");
    }
    return HexFormat.of().parseHex(digits);
  }
}
