package io.arca.server.keys;

import io.arca.kmip.KmipException;
import io.arca.kmip.ResultReason;
import io.arca.kmip.ttlv.ByteString;
import java.io.EOFException;
import java.io.IOException;
import java.util.Arrays;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Primitive;

/**
 * DER in and out through Bouncy Castle's ASN.1 layer, with every parser failure turned into one
 * Invalid Field {@link KmipException} that names the structure and never quotes a byte. Bouncy
 * Castle's own objects keep copies of the numbers they parse; those cannot be wiped, only dropped.
 */
final class Der {
  private Der() {}

  /** A step that reads an already parsed structure and may throw whatever Bouncy Castle throws. */
  interface Reader<T> {
    T read() throws IOException;
  }

  /** Parses one DER value that fills {@code bytes} exactly. */
  static ASN1Primitive parse(ByteString bytes, String what) {
    if (bytes.length() == 0) {
      throw invalid(what, "the key material is empty");
    }
    byte[] copy = bytes.toByteArray();
    try {
      ASN1Primitive value = ASN1Primitive.fromByteArray(copy);
      if (value == null) {
        throw invalid(what, "no DER value");
      }
      return value;
    } catch (EOFException e) {
      throw invalid(what, "truncated DER");
    } catch (IOException | RuntimeException e) {
      throw invalid(what, "malformed DER or bytes after the end");
    } finally {
      Arrays.fill(copy, (byte) 0);
    }
  }

  /** Runs {@code reader}, turning Bouncy Castle's exceptions into Invalid Field. */
  static <T> T read(String what, String structure, Reader<T> reader) {
    try {
      return reader.read();
    } catch (KmipException e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      throw invalid(what, "not a valid " + structure);
    }
  }

  /** The DER encoding of {@code value} as a byte string; the intermediate array is wiped. */
  static ByteString encode(ASN1Encodable value) {
    byte[] der = null;
    try {
      der = value.toASN1Primitive().getEncoded(ASN1Encoding.DER);
      return ByteString.copyOf(der);
    } catch (IOException e) {
      throw new KmipException(ResultReason.CRYPTOGRAPHIC_FAILURE, "DER encoding failed");
    } finally {
      if (der != null) {
        Arrays.fill(der, (byte) 0);
      }
    }
  }

  static KmipException invalid(String what, String problem) {
    return new KmipException(ResultReason.INVALID_FIELD, what + ": " + problem);
  }
}
