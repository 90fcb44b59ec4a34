package io.arca.kmip.ttlv;

/**
 * Test fixtures in the layout of the KMIP specification's examples, {@code "42 00 20 | 02 | 00 00
 * 00 04 | ..."}: pairs of hex digits, with spaces and {@code |} separators ignored.
 */
final class Hex {
  private Hex() {}

  /** The bytes a fixture spells out. */
  static byte[] bytes(String fixture) {
    String digits = fixture.replaceAll("[\\s|]", "");
    if (digits.length() % 2 != 0) {
      throw new IllegalArgumentException("odd number of hex digits in fixture: " + fixture);
    }
    byte[] bytes = new byte[digits.length() / 2];
    for (int i = 0; i < bytes.length; i++) {
      bytes[i] = (byte) Integer.parseInt(digits.substring(2 * i, 2 * i + 2), 16);
    }
    return bytes;
  }
}
