package io.arca.server.keys;

import io.arca.kmip.CryptographicAlgorithm;
import io.arca.kmip.KeyFormatType;
import io.arca.kmip.KmipException;
import io.arca.kmip.ObjectType;
import io.arca.kmip.RecommendedCurve;
import io.arca.kmip.ResultReason;
import io.arca.kmip.ttlv.ByteString;
import io.arca.server.keys.KeyMaterial.Encoded;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * Hands keys to the JCA for the cryptographic operations: {@link SecretKeySpec} for symmetric keys,
 * and the JDK's own RSA, EC and Ed25519 key objects (RSAPrivateCrtKey, ECPublicKey, EdECPrivateKey
 * ...) built from PKCS#8 and X.509. EC keys on curves the JDK no longer knows (P-224, secp256k1)
 * come from a private Bouncy Castle provider instance; nothing is registered globally. JCA key
 * objects keep their own copies of the material, which cannot be wiped: make them when needed and
 * drop them soon.
 */
public final class JcaKeys {
  private JcaKeys() {}

  /** Bouncy Castle is loaded only when a key needs it. */
  static final class Bc {
    static final Provider PROVIDER = new BouncyCastleProvider();
  }

  /** The key as a JCA key: a SecretKey, PrivateKey or PublicKey by its object type. */
  public static Key toJca(ClearKey key) {
    return switch (key.objectType()) {
      case SYMMETRIC_KEY, SECRET_DATA -> secretKey(key);
      case PRIVATE_KEY -> privateKey(key);
      case PUBLIC_KEY -> publicKey(key);
      default -> throw new IllegalStateException("ClearKey admits no " + key.objectType());
    };
  }

  /** A SecretKeySpec named for the algorithm (AES, DESede, HmacSHA256 ...). */
  public static SecretKey secretKey(ClearKey key) {
    if (key.objectType() != ObjectType.SYMMETRIC_KEY
        && key.objectType() != ObjectType.SECRET_DATA) {
      throw wrongType(key, "a secret key");
    }
    try (ClearKey raw = KeyFormats.convert(key, KeyFormatType.RAW)) {
      byte[] bytes = ((Encoded) raw.material()).bytes().toByteArray();
      try {
        if (bytes.length == 0) {
          throw new KmipException(ResultReason.INVALID_FIELD, "the symmetric key is empty");
        }
        return new SecretKeySpec(bytes, secretKeyAlgorithm(key.algorithm()));
      } finally {
        Arrays.fill(bytes, (byte) 0);
      }
    }
  }

  /** The JDK's private key object (RSAPrivateCrtKey, ECPrivateKey, EdECPrivateKey). */
  public static PrivateKey privateKey(ClearKey key) {
    if (key.objectType() != ObjectType.PRIVATE_KEY) {
      throw wrongType(key, "a private key");
    }
    try (ClearKey pkcs8 = KeyFormats.convert(key, KeyFormatType.PKCS_8)) {
      byte[] bytes = ((Encoded) pkcs8.material()).bytes().toByteArray();
      PKCS8EncodedKeySpec spec = new PKCS8EncodedKeySpec(bytes);
      try {
        return keyFactory(pkcs8).generatePrivate(spec);
      } catch (GeneralSecurityException e) {
        throw failure(key);
      } finally {
        Arrays.fill(bytes, (byte) 0);
      }
    }
  }

  /** The JDK's public key object (RSAPublicKey, ECPublicKey, EdECPublicKey). */
  public static PublicKey publicKey(ClearKey key) {
    if (key.objectType() != ObjectType.PUBLIC_KEY) {
      throw wrongType(key, "a public key");
    }
    try (ClearKey spki = KeyFormats.convert(key, KeyFormatType.X_509)) {
      byte[] bytes = ((Encoded) spki.material()).bytes().toByteArray();
      try {
        return keyFactory(spki).generatePublic(new X509EncodedKeySpec(bytes));
      } catch (GeneralSecurityException e) {
        throw failure(key);
      }
    }
  }

  /**
   * A JCA key as a ClearKey in its default format: private keys through PKCS#8, public keys through
   * X.509, secret keys as Raw. The caller names the KMIP algorithm, because the JCA name does not
   * tell EC from ECDSA or ECDH, nor which HMAC a secret is for.
   */
  public static ClearKey fromJca(Key key, CryptographicAlgorithm algorithm) {
    byte[] encoded = key.getEncoded();
    if (encoded == null) {
      throw new KmipException(
          ResultReason.CRYPTOGRAPHIC_FAILURE,
          "the " + key.getAlgorithm() + " key cannot be exported: it has no encoding");
    }
    try {
      ObjectType objectType;
      KeyFormatType format;
      if (key instanceof PrivateKey) {
        objectType = ObjectType.PRIVATE_KEY;
        format = KeyFormatType.PKCS_8;
      } else if (key instanceof PublicKey) {
        objectType = ObjectType.PUBLIC_KEY;
        format = KeyFormatType.X_509;
      } else if (key instanceof SecretKey) {
        objectType = ObjectType.SYMMETRIC_KEY;
        format = KeyFormatType.RAW;
      } else {
        throw new KmipException(
            ResultReason.INVALID_FIELD,
            "a " + key.getClass().getSimpleName() + " is neither a private, public nor secret key");
      }
      // Asymmetric lengths follow from the material: KeyFormats.convert sets them.
      int length = format == KeyFormatType.RAW ? encoded.length * 8 : 0;
      try (ClearKey given =
          new ClearKey(
              objectType, algorithm, length, new Encoded(format, ByteString.copyOf(encoded)))) {
        return KeyFormats.toDefaultFormat(given);
      }
    } finally {
      Arrays.fill(encoded, (byte) 0);
    }
  }

  /** The JCA name of a symmetric algorithm: its standard name where the JDK has one. */
  static String secretKeyAlgorithm(CryptographicAlgorithm algorithm) {
    return switch (algorithm) {
      case AES -> "AES";
      case DES3 -> "DESede";
      case HMAC_SHA1 -> "HmacSHA1";
      case HMAC_SHA224 -> "HmacSHA224";
      case HMAC_SHA256 -> "HmacSHA256";
      case HMAC_SHA384 -> "HmacSHA384";
      case HMAC_SHA512 -> "HmacSHA512";
      case CHACHA20 -> "ChaCha20";
      default -> algorithm.xmlName();
    };
  }

  private static KeyFactory keyFactory(ClearKey key) throws GeneralSecurityException {
    return switch (key.algorithm()) {
      case RSA -> KeyFactory.getInstance("RSA");
      case ED25519 -> KeyFactory.getInstance("Ed25519");
      case EC, ECDSA, ECDH ->
          inJdk(key) ? KeyFactory.getInstance("EC") : KeyFactory.getInstance("EC", Bc.PROVIDER);
      default ->
          throw new KmipException(
              ResultReason.FEATURE_NOT_SUPPORTED,
              "no JCA key for Cryptographic Algorithm " + key.algorithm().xmlName());
    };
  }

  private static boolean inJdk(ClearKey key) {
    RecommendedCurve curve =
        key.objectType() == ObjectType.PRIVATE_KEY
            ? EcKeys.readPrivate(key.material()).recommendedCurve()
            : EcKeys.readPublic(key.material()).recommendedCurve();
    return EcCurve.of(curve).inJdk();
  }

  private static KmipException wrongType(ClearKey key, String expected) {
    return new KmipException(
        ResultReason.INVALID_OBJECT_TYPE,
        "a " + key.objectType().xmlName() + " cannot be used as " + expected);
  }

  private static KmipException failure(ClearKey key) {
    return new KmipException(
        ResultReason.CRYPTOGRAPHIC_FAILURE,
        "the JCA refused the " + key.algorithm().xmlName() + " " + key.objectType().xmlName());
  }
}
