package io.arca.server.keys;

import io.arca.kmip.CryptographicAlgorithm;
import io.arca.kmip.KeyFormatType;
import io.arca.kmip.KmipException;
import io.arca.kmip.ObjectType;
import io.arca.kmip.ResultReason;
import io.arca.kmip.ttlv.ByteString;
import io.arca.kmip.ttlv.TtlvWriter;
import io.arca.server.keys.KeyMaterial.Encoded;
import io.arca.server.keys.KeyMaterial.TransparentECPrivateKey;
import io.arca.server.keys.KeyMaterial.TransparentECPublicKey;
import io.arca.server.keys.KeyMaterial.TransparentRSAPrivateKey;
import io.arca.server.keys.KeyMaterial.TransparentRSAPublicKey;
import io.arca.server.keys.KeyMaterial.TransparentSymmetricKey;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Converts key material between Key Format Types (KMIP 2.1 §11.24), derives a private key's public
 * key, and computes the Digest attribute (§4.21). Every conversion parses the source completely,
 * checks it (RSA numbers consistent, EC points on the curve, lengths right) and writes the target
 * afresh, so converting a key to its own format is also how a Register checks it. Results never
 * share byte strings with their input: closing one leaves the other intact.
 */
public final class KeyFormats {
  private KeyFormats() {}

  /** The key kinds this class can read, each with its formats. */
  private enum Family {
    SYMMETRIC("symmetric keys"),
    SECRET_DATA("secret data"),
    RSA_PRIVATE("RSA private keys"),
    RSA_PUBLIC("RSA public keys"),
    EC_PRIVATE("EC private keys"),
    EC_PUBLIC("EC public keys"),
    ED25519_PRIVATE("Ed25519 private keys"),
    ED25519_PUBLIC("Ed25519 public keys");

    final String description;

    Family(String description) {
      this.description = description;
    }

    /** Ordered: the first is the default Key Format Type (KMIP 2.1 §4.26 Table 81). */
    List<KeyFormatType> formats() {
      return switch (this) {
        case SYMMETRIC -> List.of(KeyFormatType.RAW, KeyFormatType.TRANSPARENT_SYMMETRIC_KEY);
        case SECRET_DATA -> List.of(KeyFormatType.RAW);
        case RSA_PRIVATE ->
            List.of(
                KeyFormatType.PKCS_1,
                KeyFormatType.PKCS_8,
                KeyFormatType.TRANSPARENT_RSA_PRIVATE_KEY);
        case RSA_PUBLIC ->
            List.of(
                KeyFormatType.PKCS_1,
                KeyFormatType.X_509,
                KeyFormatType.TRANSPARENT_RSA_PUBLIC_KEY);
        case EC_PRIVATE ->
            List.of(
                KeyFormatType.TRANSPARENT_EC_PRIVATE_KEY,
                KeyFormatType.ECPRIVATEKEY,
                KeyFormatType.PKCS_8,
                KeyFormatType.TRANSPARENT_ECDSA_PRIVATE_KEY,
                KeyFormatType.TRANSPARENT_ECDH_PRIVATE_KEY,
                KeyFormatType.TRANSPARENT_ECMQV_PRIVATE_KEY);
        case EC_PUBLIC ->
            List.of(
                KeyFormatType.TRANSPARENT_EC_PUBLIC_KEY,
                KeyFormatType.X_509,
                KeyFormatType.TRANSPARENT_ECDSA_PUBLIC_KEY,
                KeyFormatType.TRANSPARENT_ECDH_PUBLIC_KEY,
                KeyFormatType.TRANSPARENT_ECMQV_PUBLIC_KEY);
        case ED25519_PRIVATE -> List.of(KeyFormatType.PKCS_8, KeyFormatType.RAW);
        case ED25519_PUBLIC -> List.of(KeyFormatType.X_509, KeyFormatType.RAW);
      };
    }

    boolean supports(KeyFormatType format) {
      return formats().contains(format);
    }

    String formatNames() {
      return formats().stream().map(KeyFormatType::xmlName).collect(Collectors.joining(", "));
    }
  }

  /**
   * The default Key Format Type (KMIP 2.1 §4.26 Table 81): Raw for symmetric keys and secret data,
   * PKCS#1 for RSA, the transparent structures for EC. Ed25519 is not in the table; this server
   * uses PKCS#8 and X.509, the forms other tools exchange.
   */
  public static KeyFormatType defaultFormat(
      ObjectType objectType, CryptographicAlgorithm algorithm) {
    return family(objectType, algorithm).formats().get(0);
  }

  /** The Key Format Types a key of this type and algorithm can be converted to and from. */
  public static Set<KeyFormatType> supportedFormats(
      ObjectType objectType, CryptographicAlgorithm algorithm) {
    Family family = familyOrNull(objectType, algorithm);
    if (family == null) {
      return Set.of();
    }
    return Set.copyOf(family.formats());
  }

  /**
   * The key in {@code target} format. The caller owns (and closes) the result, which shares no byte
   * string with {@code key}. Unknown algorithms can only be "converted" to their own format. The
   * result's Cryptographic Length is the material's for RSA (modulus bits), EC (the curve's field
   * size) and Ed25519 (256); symmetric keys keep the given one, since 3DES keys of 168 and 192 bits
   * have the same 24 bytes.
   */
  public static ClearKey convert(ClearKey key, KeyFormatType target) {
    Family family = familyOrNull(key.objectType(), key.algorithm());
    KeyFormatType source = key.format();
    if (family == null) {
      if (source == target) {
        return new ClearKey(key.objectType(), key.algorithm(), key.length(), copy(key.material()));
      }
      throw new KmipException(
          ResultReason.KEY_FORMAT_TYPE_NOT_SUPPORTED,
          key.objectType().xmlName()
              + " with Cryptographic Algorithm "
              + key.algorithm().xmlName()
              + " cannot be converted from "
              + source.xmlName()
              + " to "
              + target.xmlName());
    }
    if (!family.supports(source) || !family.supports(target)) {
      throw new KmipException(
          ResultReason.KEY_FORMAT_TYPE_NOT_SUPPORTED,
          family.description
              + " cannot be converted from "
              + source.xmlName()
              + " to "
              + target.xmlName()
              + " (supported: "
              + family.formatNames()
              + ")");
    }
    KeyMaterial material = key.material();
    switch (family) {
      case SYMMETRIC, SECRET_DATA -> {
        ByteString bytes = symmetricBytes(material);
        KeyMaterial out =
            target == KeyFormatType.RAW
                ? new Encoded(KeyFormatType.RAW, bytes)
                : new TransparentSymmetricKey(bytes);
        return new ClearKey(key.objectType(), key.algorithm(), key.length(), out);
      }
      case RSA_PRIVATE -> {
        TransparentRSAPrivateKey rsa = RsaKeys.readPrivate(material);
        return new ClearKey(
            key.objectType(),
            key.algorithm(),
            rsa.modulus().bitLength(),
            RsaKeys.writePrivate(rsa, target));
      }
      case RSA_PUBLIC -> {
        TransparentRSAPublicKey rsa = RsaKeys.readPublic(material);
        return new ClearKey(
            key.objectType(),
            key.algorithm(),
            rsa.modulus().bitLength(),
            RsaKeys.writePublic(rsa, target));
      }
      case EC_PRIVATE -> {
        TransparentECPrivateKey ec = EcKeys.readPrivate(material);
        return new ClearKey(
            key.objectType(),
            key.algorithm(),
            EcCurve.of(ec.recommendedCurve()).fieldBits(),
            EcKeys.writePrivate(ec, target));
      }
      case EC_PUBLIC -> {
        try (TransparentECPublicKey ec = EcKeys.readPublic(material)) {
          return new ClearKey(
              key.objectType(),
              key.algorithm(),
              EcCurve.of(ec.recommendedCurve()).fieldBits(),
              EcKeys.writePublic(ec, target));
        }
      }
      case ED25519_PRIVATE -> {
        ByteString seed = EdKeys.readPrivate(material);
        try {
          return new ClearKey(
              key.objectType(), key.algorithm(), EdKeys.BITS, EdKeys.writePrivate(seed, target));
        } finally {
          seed.wipe();
        }
      }
      case ED25519_PUBLIC -> {
        ByteString point = EdKeys.readPublic(material);
        return new ClearKey(
            key.objectType(), key.algorithm(), EdKeys.BITS, EdKeys.writePublic(point, target));
      }
    }
    throw new IllegalStateException("unhandled family " + family);
  }

  /** The key in its default Key Format Type; see {@link #convert}. */
  public static ClearKey toDefaultFormat(ClearKey key) {
    return convert(key, defaultFormat(key.objectType(), key.algorithm()));
  }

  /**
   * Parses the key completely and runs the consistency checks, throwing Invalid Field when they
   * fail: what Register does before it stores a key. Answers the Cryptographic Length the material
   * has (symmetric keys and secret data: their size in bits; algorithms this class cannot read: the
   * given length), for Register to compare with the attribute the client sent.
   */
  public static int check(ClearKey key) {
    try (ClearKey checked = convert(key, key.format())) {
      boolean secret =
          key.objectType() == ObjectType.SYMMETRIC_KEY
              || key.objectType() == ObjectType.SECRET_DATA;
      if (secret && checked.material() instanceof Encoded e) {
        return e.bytes().length() * 8;
      }
      if (checked.material() instanceof TransparentSymmetricKey t) {
        return t.key().length() * 8;
      }
      return checked.length();
    }
  }

  /**
   * The public key that belongs to {@code privateKey}, in the default format for public keys, with
   * the private key's algorithm and length: the second half of Create Key Pair, and the check that
   * a registered pair belongs together.
   */
  public static ClearKey publicKeyOf(ClearKey privateKey) {
    if (privateKey.objectType() != ObjectType.PRIVATE_KEY) {
      throw new KmipException(
          ResultReason.INVALID_OBJECT_TYPE,
          "a public key can only be derived from a PrivateKey, not a "
              + privateKey.objectType().xmlName());
    }
    Family family = family(privateKey.objectType(), privateKey.algorithm());
    KeyMaterial publicMaterial =
        switch (family) {
          case RSA_PRIVATE -> RsaKeys.publicOf(RsaKeys.readPrivate(privateKey.material()));
          case EC_PRIVATE -> EcKeys.publicOf(EcKeys.readPrivate(privateKey.material()));
          case ED25519_PRIVATE -> ed25519PublicOf(privateKey.material());
          default -> throw new IllegalStateException("private key family " + family);
        };
    ClearKey derived =
        new ClearKey(
            ObjectType.PUBLIC_KEY, privateKey.algorithm(), privateKey.length(), publicMaterial);
    try (derived) {
      return toDefaultFormat(derived);
    }
  }

  private static KeyMaterial ed25519PublicOf(KeyMaterial privateMaterial) {
    ByteString seed = EdKeys.readPrivate(privateMaterial);
    try {
      return new Encoded(KeyFormatType.RAW, EdKeys.publicOf(seed));
    } finally {
      seed.wipe();
    }
  }

  /** Whether {@code publicKey} is the public half of {@code privateKey}, whatever their formats. */
  public static boolean isPair(ClearKey privateKey, ClearKey publicKey) {
    if (publicKey.objectType() != ObjectType.PUBLIC_KEY
        || publicKey.algorithm() != privateKey.algorithm()) {
      return false;
    }
    try (ClearKey derived = publicKeyOf(privateKey);
        ClearKey given = toDefaultFormat(publicKey)) {
      return derived.material().equals(given.material());
    }
  }

  /**
   * SHA-256 over the key's material in its current format (KMIP 2.1 §4.21): over the bytes when the
   * Key Material is a Byte String, over the TTLV encoding of the Key Material item when it is a
   * structure. For the mandatory Digest attribute, pass the key in its default format, or call
   * {@link #defaultDigest}.
   */
  public static ByteString digest(ClearKey key) {
    byte[] encoded =
        key.material() instanceof Encoded e
            ? e.bytes().toByteArray()
            : TtlvWriter.toBytes(KeyMaterialTtlv.encode(key.material()));
    try {
      return ByteString.copyOf(MessageDigest.getInstance("SHA-256").digest(encoded));
    } catch (NoSuchAlgorithmException e) {
      throw new KmipException(ResultReason.CRYPTOGRAPHIC_FAILURE, "SHA-256 is not available");
    } finally {
      Arrays.fill(encoded, (byte) 0);
    }
  }

  /** The mandatory Digest value: SHA-256 over the key in its default Key Format Type. */
  public static ByteString defaultDigest(ClearKey key) {
    try (ClearKey normal = toDefaultFormat(key)) {
      return digest(normal);
    }
  }

  static KmipException cannotRead(KeyFormatType format, String kind) {
    return new KmipException(
        ResultReason.KEY_FORMAT_TYPE_NOT_SUPPORTED,
        kind + " cannot be read from " + format.xmlName());
  }

  static KmipException cannotWrite(KeyFormatType format, String kind) {
    return new KmipException(
        ResultReason.KEY_FORMAT_TYPE_NOT_SUPPORTED,
        kind + " cannot be written as " + format.xmlName());
  }

  /** A copy of {@code bytes} that the caller owns; the intermediate array is wiped. */
  static ByteString copy(ByteString bytes) {
    byte[] array = bytes.toByteArray();
    try {
      return ByteString.copyOf(array);
    } finally {
      Arrays.fill(array, (byte) 0);
    }
  }

  private static KeyMaterial copy(KeyMaterial material) {
    if (material instanceof Encoded e) {
      return new Encoded(e.format(), copy(e.bytes()));
    } else if (material instanceof TransparentSymmetricKey k) {
      return new TransparentSymmetricKey(copy(k.key()));
    } else if (material instanceof TransparentECPublicKey k) {
      return new TransparentECPublicKey(k.format(), k.recommendedCurve(), copy(k.qString()));
    }
    return material; // the others hold only immutable BigIntegers
  }

  private static ByteString symmetricBytes(KeyMaterial material) {
    if (material instanceof Encoded e) {
      return copy(e.bytes());
    } else if (material instanceof TransparentSymmetricKey k) {
      return copy(k.key());
    }
    throw cannotRead(material.format(), "symmetric keys");
  }

  private static Family family(ObjectType objectType, CryptographicAlgorithm algorithm) {
    Family family = familyOrNull(objectType, algorithm);
    if (family == null) {
      throw new KmipException(
          ResultReason.KEY_FORMAT_TYPE_NOT_SUPPORTED,
          "no Key Format Type is known for "
              + objectType.xmlName()
              + " with Cryptographic Algorithm "
              + algorithm.xmlName());
    }
    return family;
  }

  private static @Nullable Family familyOrNull(
      ObjectType objectType, CryptographicAlgorithm algorithm) {
    boolean isPrivate = objectType == ObjectType.PRIVATE_KEY;
    return switch (objectType) {
      case SYMMETRIC_KEY -> Family.SYMMETRIC;
      case SECRET_DATA -> Family.SECRET_DATA;
      case PRIVATE_KEY, PUBLIC_KEY ->
          switch (algorithm) {
            case RSA -> isPrivate ? Family.RSA_PRIVATE : Family.RSA_PUBLIC;
            case EC, ECDSA, ECDH -> isPrivate ? Family.EC_PRIVATE : Family.EC_PUBLIC;
            case ED25519 -> isPrivate ? Family.ED25519_PRIVATE : Family.ED25519_PUBLIC;
            default -> null;
          };
      default -> null;
    };
  }
}
