package io.arca.kmip.object;

import io.arca.kmip.Tag;
import io.arca.kmip.ttlv.ByteString;
import io.arca.kmip.ttlv.Ttlv;
import io.arca.kmip.ttlv.TtlvByteString;
import io.arca.kmip.ttlv.TtlvStructure;

/**
 * KMIP 1.4 §2.1.4, 2.1 §3.2 Key Material: the key itself, as bytes (Raw, Opaque, PKCS#1, PKCS#8,
 * X.509 ... formats) or as a structure of transparent fields (1.4 §2.1.7, 2.1 §3.4 onwards).
 * Neither form prints the key.
 */
public sealed interface KeyMaterial {

  /** The material as a Key Material item. */
  Ttlv encode();

  /** Key Material as a Byte String. */
  record Bytes(ByteString value) implements KeyMaterial {
    @Override
    public Ttlv encode() {
      return new TtlvByteString(Tag.KEY_MATERIAL.code(), value);
    }
  }

  /**
   * Key Material as a structure of transparent fields (e.g. Modulus and Public Exponent), kept
   * exactly as received so that it round-trips; its {@code toString()} shows only the field count,
   * since the fields of a private key are secret.
   */
  record Structured(TtlvStructure value) implements KeyMaterial {
    public Structured {
      if (value.tag() != Tag.KEY_MATERIAL.code()) {
        throw new IllegalArgumentException("value tag: not KeyMaterial");
      }
    }

    @Override
    public Ttlv encode() {
      return value;
    }

    @Override
    public String toString() {
      return "Structured[fields=" + value.items().size() + "]";
    }
  }
}
