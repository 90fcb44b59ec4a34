package io.arca.hsm;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Optional;

/**
 * Converts ECDSA signatures between the PKCS#11 form ({@code r || s}, each as long as a coordinate,
 * PKCS#11 2.40 §2.3.1) and the DER {@code ECDSA-Sig-Value} (RFC 3279 §2.2.3) that KMIP clients,
 * X.509 and the JDK's {@code SHA256withECDSA} use.
 */
final class EcdsaSignatures {
  private static final int SEQUENCE = 0x30;
  private static final int INTEGER = 0x02;

  private EcdsaSignatures() {}

  /** The DER form of a signature the token made. */
  static byte[] toDer(byte[] raw, EcCurve curve) {
    int n = curve.coordinateBytes();
    if (raw.length != 2 * n) {
      throw new HsmException(
          HsmException.Kind.DEVICE_ERROR,
          "the token's ECDSA signature length: " + raw.length + " (expected: " + 2 * n + ")");
    }
    byte[] r = new BigInteger(1, Arrays.copyOfRange(raw, 0, n)).toByteArray();
    byte[] s = new BigInteger(1, Arrays.copyOfRange(raw, n, 2 * n)).toByteArray();
    ByteArrayOutputStream body = new ByteArrayOutputStream(r.length + s.length + 6);
    writeTlv(body, INTEGER, r);
    writeTlv(body, INTEGER, s);
    ByteArrayOutputStream out = new ByteArrayOutputStream(body.size() + 3);
    writeTlv(out, SEQUENCE, body.toByteArray());
    return out.toByteArray();
  }

  /**
   * The {@code r || s} form of a DER signature, or empty when it is not a strict DER {@code
   * ECDSA-Sig-Value} with r and s in 1..2^bits: such a signature can only be invalid, not an error.
   */
  static Optional<byte[]> toRaw(byte[] der, EcCurve curve) {
    int n = curve.coordinateBytes();
    Reader in = new Reader(der);
    Optional<byte[]> body = in.next(SEQUENCE);
    if (body.isEmpty() || !in.atEnd()) {
      return Optional.empty();
    }
    Reader values = new Reader(body.get());
    Optional<BigInteger> r = values.next(INTEGER).flatMap(EcdsaSignatures::positive);
    Optional<BigInteger> s = values.next(INTEGER).flatMap(EcdsaSignatures::positive);
    if (r.isEmpty() || s.isEmpty() || !values.atEnd()) {
      return Optional.empty();
    }
    if (r.get().bitLength() > curve.fieldBits() || s.get().bitLength() > curve.fieldBits()) {
      return Optional.empty();
    }
    byte[] raw = new byte[2 * n];
    put(r.get(), raw, 0, n);
    put(s.get(), raw, n, n);
    return Optional.of(raw);
  }

  /** A minimal DER INTEGER's positive value: no superfluous leading byte, not negative, not 0. */
  private static Optional<BigInteger> positive(byte[] content) {
    if (content.length == 0 || (content[0] & 0x80) != 0) {
      return Optional.empty();
    }
    if (content.length > 1 && content[0] == 0 && (content[1] & 0x80) == 0) {
      return Optional.empty();
    }
    BigInteger value = new BigInteger(1, content);
    return value.signum() > 0 ? Optional.of(value) : Optional.empty();
  }

  private static void put(BigInteger value, byte[] out, int offset, int length) {
    byte[] bytes = value.toByteArray();
    int skip = bytes.length > length ? bytes.length - length : 0; // the sign byte
    System.arraycopy(
        bytes, skip, out, offset + length - (bytes.length - skip), bytes.length - skip);
  }

  private static void writeTlv(ByteArrayOutputStream out, int tag, byte[] content) {
    out.write(tag);
    if (content.length < 0x80) {
      out.write(content.length);
    } else if (content.length < 0x100) {
      out.write(0x81);
      out.write(content.length);
    } else {
      throw new IllegalStateException("ECDSA signature part longer than 255 bytes");
    }
    out.writeBytes(content);
  }

  /** Reads strict DER: definite, minimal lengths of at most two bytes, nothing past the end. */
  private static final class Reader {
    private final byte[] in;
    private int at;

    Reader(byte[] in) {
      this.in = in;
    }

    boolean atEnd() {
      return at == in.length;
    }

    Optional<byte[]> next(int tag) {
      if (in.length - at < 2 || (in[at] & 0xff) != tag) {
        return Optional.empty();
      }
      int first = in[at + 1] & 0xff;
      int length;
      int header;
      if (first < 0x80) {
        length = first;
        header = 2;
      } else if (first == 0x81 && in.length - at >= 3 && (in[at + 2] & 0xff) >= 0x80) {
        length = in[at + 2] & 0xff;
        header = 3;
      } else {
        return Optional.empty(); // indefinite, non-minimal or longer than this module reads
      }
      if (in.length - at - header < length) {
        return Optional.empty();
      }
      byte[] content = Arrays.copyOfRange(in, at + header, at + header + length);
      at += header + length;
      return Optional.of(content);
    }
  }
}
