package io.arca.server.keys;

import io.arca.kmip.KeyFormatType;
import io.arca.kmip.KmipException;
import io.arca.kmip.ttlv.ByteString;
import io.arca.server.keys.KeyMaterial.Encoded;
import java.util.Arrays;
import org.bouncycastle.asn1.ASN1BitString;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;

/**
 * Ed25519 keys (RFC 8032) as Raw 32-byte strings, PKCS#8 (RFC 8410, version 1, the form the JDK
 * writes) and X.509 SubjectPublicKeyInfo (RFC 8410). The common form is the Raw byte string.
 */
final class EdKeys {
  static final int KEY_BYTES = 32;

  /** The Cryptographic Length this server gives Ed25519 keys: the size of both halves in bits. */
  static final int BITS = 256;

  /**
   * id-Ed25519 (RFC 8410). Bouncy Castle's constant for it lives in bcutil, which the server does
   * not declare, so the OID is spelt out here.
   */
  private static final ASN1ObjectIdentifier ID_ED25519 = new ASN1ObjectIdentifier("1.3.101.112");

  private static final AlgorithmIdentifier ED25519 = new AlgorithmIdentifier(ID_ED25519);

  private EdKeys() {}

  /** The 32-byte private key (the RFC 8032 seed); the caller wipes it. */
  static ByteString readPrivate(KeyMaterial material) {
    String what = material.format().xmlName() + " Ed25519 private key";
    if (material instanceof Encoded e && e.format() == KeyFormatType.RAW) {
      // Checked before copying, so a refused key leaves no unwiped copy behind.
      checkLength(e.bytes(), what);
      return KeyFormats.copy(e.bytes());
    }
    if (material instanceof Encoded e && e.format() == KeyFormatType.PKCS_8) {
      ASN1Primitive der = Der.parse(e.bytes(), what);
      // Bouncy Castle's accessors parse lazily and may throw too, so they run inside read().
      return Der.read(
          what,
          "PrivateKeyInfo holding a CurvePrivateKey",
          () -> {
            PrivateKeyInfo info = PrivateKeyInfo.getInstance(der);
            checkAlgorithm(info.getPrivateKeyAlgorithm(), what);
            byte[] seed = ASN1OctetString.getInstance(info.parsePrivateKey()).getOctets();
            try {
              if (seed.length != KEY_BYTES) {
                throw wrongLength(seed.length, what);
              }
              ASN1BitString publicKey = info.getPublicKeyData();
              if (publicKey != null && !Arrays.equals(publicBytes(seed), publicKey.getOctets())) {
                throw Der.invalid(what, "the public key does not belong to the private key");
              }
              return ByteString.copyOf(seed);
            } finally {
              Arrays.fill(seed, (byte) 0);
            }
          });
    }
    throw KeyFormats.cannotRead(material.format(), "Ed25519 private keys");
  }

  static KeyMaterial writePrivate(ByteString key, KeyFormatType format) {
    switch (format) {
      case RAW -> {
        return new Encoded(format, ByteString.copyOf(key.toByteArray()));
      }
      case PKCS_8 -> {
        byte[] seed = key.toByteArray();
        try {
          return new Encoded(
              format,
              Der.encode(
                  Der.read(
                      "Ed25519 private key",
                      "PrivateKeyInfo",
                      () -> new PrivateKeyInfo(ED25519, new DEROctetString(seed)))));
        } finally {
          Arrays.fill(seed, (byte) 0);
        }
      }
      default -> {
        throw KeyFormats.cannotWrite(format, "Ed25519 private keys");
      }
    }
  }

  /** The 32-byte public key, checked to be a point on the curve. */
  static ByteString readPublic(KeyMaterial material) {
    String what = material.format().xmlName() + " Ed25519 public key";
    byte[] bytes;
    if (material instanceof Encoded e && e.format() == KeyFormatType.RAW) {
      bytes = e.bytes().toByteArray();
    } else if (material instanceof Encoded e && e.format() == KeyFormatType.X_509) {
      ASN1Primitive der = Der.parse(e.bytes(), what);
      bytes =
          Der.read(
              what,
              "SubjectPublicKeyInfo",
              () -> {
                SubjectPublicKeyInfo info = SubjectPublicKeyInfo.getInstance(der);
                checkAlgorithm(info.getAlgorithm(), what);
                return info.getPublicKeyData().getOctets();
              });
    } else {
      throw KeyFormats.cannotRead(material.format(), "Ed25519 public keys");
    }
    checkLength(ByteString.copyOf(bytes), what);
    Der.read(what, "Ed25519 point", () -> new Ed25519PublicKeyParameters(bytes, 0));
    return ByteString.copyOf(bytes);
  }

  static KeyMaterial writePublic(ByteString key, KeyFormatType format) {
    return switch (format) {
      case RAW -> new Encoded(format, ByteString.copyOf(key.toByteArray()));
      case X_509 ->
          new Encoded(format, Der.encode(new SubjectPublicKeyInfo(ED25519, key.toByteArray())));
      default -> throw KeyFormats.cannotWrite(format, "Ed25519 public keys");
    };
  }

  static ByteString publicOf(ByteString privateKey) {
    byte[] seed = privateKey.toByteArray();
    try {
      return ByteString.copyOf(publicBytes(seed));
    } finally {
      Arrays.fill(seed, (byte) 0);
    }
  }

  private static byte[] publicBytes(byte[] seed) {
    return new Ed25519PrivateKeyParameters(seed, 0).generatePublicKey().getEncoded();
  }

  private static ByteString checkLength(ByteString key, String what) {
    if (key.length() != KEY_BYTES) {
      throw wrongLength(key.length(), what);
    }
    return key;
  }

  private static KmipException wrongLength(int length, String what) {
    return Der.invalid(what, length + " bytes (expected: " + KEY_BYTES + ")");
  }

  private static void checkAlgorithm(AlgorithmIdentifier algorithm, String what) {
    if (!ID_ED25519.equals(algorithm.getAlgorithm()) || algorithm.getParameters() != null) {
      throw Der.invalid(
          what,
          "algorithm "
              + algorithm.getAlgorithm().getId()
              + " (expected: id-Ed25519 1.3.101.112, no parameters)");
    }
  }
}
