package io.arca.server.hsm;

import io.arca.hsm.AesGcmCiphertext;
import io.arca.hsm.EcCurve;
import io.arca.hsm.HashAlgorithm;
import io.arca.hsm.SignatureAlgorithm;
import io.arca.hsm.SignatureAlgorithm.Scheme;
import io.arca.kmip.BlockCipherMode;
import io.arca.kmip.CryptographicAlgorithm;
import io.arca.kmip.DigitalSignatureAlgorithm;
import io.arca.kmip.HashingAlgorithm;
import io.arca.kmip.KmipException;
import io.arca.kmip.MaskGenerator;
import io.arca.kmip.PaddingMethod;
import io.arca.kmip.RecommendedCurve;
import io.arca.kmip.ResultReason;
import io.arca.kmip.object.CryptographicParameters;
import io.arca.server.crypto.MacEngine;
import org.jspecify.annotations.Nullable;

/**
 * The KMIP names of what the HSM signs and MACs with, turned into the hsm module's: a signature
 * scheme from the key's algorithm and the request's Cryptographic Parameters, with the defaults of
 * stored keys (RSA: PKCS#1 v1.5 with SHA-256; ECDSA: the curve's hash), and an HMAC's hash. What
 * the token cannot do is refused here, before any token call, with Feature Not Supported; what
 * contradicts itself or the key, with Invalid Field.
 */
final class HsmAlgorithms {
  private static final int PSS_TRAILER_BC = 1;

  private HsmAlgorithms() {}

  /**
   * The signature scheme for a key of {@code keyAlgorithm} (RSA or EC) on {@code curve} (EC only).
   */
  static SignatureAlgorithm signature(
      CryptographicAlgorithm keyAlgorithm,
      @Nullable RecommendedCurve curve,
      CryptographicParameters parameters) {
    boolean ec = keyAlgorithm != CryptographicAlgorithm.RSA;
    Integer asked = parameters.cryptographicAlgorithm();
    if (asked != null
        && (ec
            ? asked != CryptographicAlgorithm.EC.value()
                && asked != CryptographicAlgorithm.ECDSA.value()
            : asked != CryptographicAlgorithm.RSA.value())) {
      throw new KmipException(
          ResultReason.INVALID_FIELD,
          "CryptographicAlgorithm: does not fit " + (ec ? "an EC" : "an RSA") + " key");
    }
    Scheme dsaScheme = null;
    HashAlgorithm dsaHash = null;
    Integer dsaValue = parameters.digitalSignatureAlgorithm();
    if (dsaValue != null) {
      DigitalSignatureAlgorithm dsa = DigitalSignatureAlgorithm.byValue(dsaValue);
      if (dsa == null) {
        throw new KmipException(
            ResultReason.INVALID_FIELD,
            "DigitalSignatureAlgorithm: 0x" + Integer.toHexString(dsaValue) + " is unknown");
      }
      dsaScheme =
          switch (dsa) {
            case SHA_256_WITH_RSA_ENCRYPTION,
                SHA_384_WITH_RSA_ENCRYPTION,
                SHA_512_WITH_RSA_ENCRYPTION ->
                Scheme.RSA_PKCS1_V1_5;
            case RSASSA_PSS -> Scheme.RSA_PSS;
            case ECDSA_WITH_SHA256, ECDSA_WITH_SHA384, ECDSA_WITH_SHA512 -> Scheme.ECDSA;
            default ->
                throw new KmipException(
                    ResultReason.FEATURE_NOT_SUPPORTED,
                    "DigitalSignatureAlgorithm: "
                        + dsa.xmlName()
                        + " is not signed by the HSM (RSA PKCS#1 v1.5, RSASSA-PSS and ECDSA with"
                        + " SHA-256, SHA-384 or SHA-512 are)");
          };
      if ((dsaScheme == Scheme.ECDSA) != ec) {
        throw new KmipException(
            ResultReason.INVALID_FIELD,
            "DigitalSignatureAlgorithm: "
                + dsa.xmlName()
                + " does not fit "
                + (ec ? "an EC" : "an RSA")
                + " key");
      }
      dsaHash =
          switch (dsa) {
            case SHA_256_WITH_RSA_ENCRYPTION, ECDSA_WITH_SHA256 -> HashAlgorithm.SHA256;
            case SHA_384_WITH_RSA_ENCRYPTION, ECDSA_WITH_SHA384 -> HashAlgorithm.SHA384;
            case SHA_512_WITH_RSA_ENCRYPTION, ECDSA_WITH_SHA512 -> HashAlgorithm.SHA512;
            default -> null;
          };
    }
    HashAlgorithm hash = hash(parameters.hashingAlgorithm(), "HashingAlgorithm");
    if (hash != null && dsaHash != null && hash != dsaHash) {
      throw new KmipException(
          ResultReason.INVALID_FIELD, "HashingAlgorithm: contradicts DigitalSignatureAlgorithm");
    }
    if (hash == null) {
      hash = dsaHash != null ? dsaHash : ec ? curveHash(curve) : HashAlgorithm.SHA256;
    }
    Scheme scheme = ec ? Scheme.ECDSA : rsaScheme(parameters.paddingMethod(), dsaScheme);
    if (ec && parameters.paddingMethod() != null) {
      throw new KmipException(
          ResultReason.INVALID_FIELD, "PaddingMethod: ECDSA signatures have no padding");
    }
    if (scheme == Scheme.RSA_PSS) {
      checkPss(parameters, hash);
    }
    return SignatureAlgorithm.of(scheme, hash);
  }

  private static Scheme rsaScheme(@Nullable Integer padding, @Nullable Scheme dsaScheme) {
    Scheme scheme;
    if (padding == null) {
      scheme = dsaScheme == null ? Scheme.RSA_PKCS1_V1_5 : dsaScheme;
    } else if (padding == PaddingMethod.PSS.value()) {
      scheme = Scheme.RSA_PSS;
    } else if (padding == PaddingMethod.PKCS1_V1_5.value()) {
      scheme = Scheme.RSA_PKCS1_V1_5;
    } else {
      throw new KmipException(
          ResultReason.FEATURE_NOT_SUPPORTED,
          "PaddingMethod: HSM RSA signatures use PSS or PKCS1V1_5");
    }
    if (dsaScheme != null && dsaScheme != scheme) {
      throw new KmipException(
          ResultReason.INVALID_FIELD, "PaddingMethod: contradicts DigitalSignatureAlgorithm");
    }
    return scheme;
  }

  /** The token's PSS: MGF1 with the signature's hash, a salt as long as the hash, trailer 0xBC. */
  private static void checkPss(CryptographicParameters parameters, HashAlgorithm hash) {
    Integer generator = parameters.maskGenerator();
    if (generator != null && generator != MaskGenerator.MGF1.value()) {
      throw new KmipException(
          ResultReason.FEATURE_NOT_SUPPORTED, "MaskGenerator: the HSM's PSS uses MGF1");
    }
    HashAlgorithm mgfHash =
        hash(parameters.maskGeneratorHashingAlgorithm(), "MaskGeneratorHashingAlgorithm");
    if (mgfHash != null && mgfHash != hash) {
      throw new KmipException(
          ResultReason.FEATURE_NOT_SUPPORTED,
          "MaskGeneratorHashingAlgorithm: the HSM's PSS hashes MGF1 with the signature's hash");
    }
    Integer salt = parameters.saltLength();
    if (salt != null && salt != hash.length()) {
      throw new KmipException(
          ResultReason.FEATURE_NOT_SUPPORTED,
          "SaltLength: "
              + salt
              + " (the HSM's PSS salt is as long as the hash: "
              + hash.length()
              + ")");
    }
    Integer trailer = parameters.trailerField();
    if (trailer != null && trailer != PSS_TRAILER_BC) {
      throw new KmipException(
          ResultReason.FEATURE_NOT_SUPPORTED, "TrailerField: the HSM's PSS uses 1 (0xBC)");
    }
  }

  private static @Nullable HashAlgorithm hash(@Nullable Integer value, String field) {
    if (value == null) {
      return null;
    }
    if (value == HashingAlgorithm.SHA_256.value()) {
      return HashAlgorithm.SHA256;
    }
    if (value == HashingAlgorithm.SHA_384.value()) {
      return HashAlgorithm.SHA384;
    }
    if (value == HashingAlgorithm.SHA_512.value()) {
      return HashAlgorithm.SHA512;
    }
    HashingAlgorithm known = HashingAlgorithm.byValue(value);
    throw new KmipException(
        ResultReason.FEATURE_NOT_SUPPORTED,
        field
            + ": "
            + (known == null ? "0x" + Integer.toHexString(value) : known.xmlName())
            + " is not used by the HSM (SHA_256, SHA_384 and SHA_512 are)");
  }

  /** The hash ECDSA uses by default on a curve, as for stored keys: as long as the field. */
  private static HashAlgorithm curveHash(@Nullable RecommendedCurve curve) {
    if (curve == RecommendedCurve.P_384) {
      return HashAlgorithm.SHA384;
    }
    if (curve == RecommendedCurve.P_521) {
      return HashAlgorithm.SHA512;
    }
    return HashAlgorithm.SHA256;
  }

  /** The hash of an HMAC the MAC handlers chose, refused unless the HSM computes it. */
  static HashAlgorithm hmac(MacEngine.Algorithm algorithm) {
    String name = algorithm.hmac();
    HashAlgorithm hash =
        name == null
            ? null
            : switch (name) {
              case "HmacSHA256" -> HashAlgorithm.SHA256;
              case "HmacSHA384" -> HashAlgorithm.SHA384;
              case "HmacSHA512" -> HashAlgorithm.SHA512;
              default -> null;
            };
    if (hash != null) {
      return hash;
    }
    throw new KmipException(
        ResultReason.FEATURE_NOT_SUPPORTED,
        algorithm.name()
            + " is not computed by the HSM (HMAC_SHA256, HMAC_SHA384, HMAC_SHA512 are)");
  }

  /**
   * The hash an HMAC key made in the HSM is bound to, or null if the algorithm is no HMAC-SHA-2.
   */
  static @Nullable HashAlgorithm hmacKey(CryptographicAlgorithm algorithm) {
    return switch (algorithm) {
      case HMAC_SHA256 -> HashAlgorithm.SHA256;
      case HMAC_SHA384 -> HashAlgorithm.SHA384;
      case HMAC_SHA512 -> HashAlgorithm.SHA512;
      default -> null;
    };
  }

  /** The hsm module's curve of a KMIP one, or null if the HSM has none such. */
  static @Nullable EcCurve curve(RecommendedCurve curve) {
    return switch (curve) {
      case P_256 -> EcCurve.P_256;
      case P_384 -> EcCurve.P_384;
      case P_521 -> EcCurve.P_521;
      default -> null;
    };
  }

  /** Refuses a block cipher mode other than GCM, and a tag length the token cannot make. */
  static void checkGcm(@Nullable CryptographicParameters parameters) {
    if (parameters == null) {
      return;
    }
    Integer mode = parameters.blockCipherMode();
    if (mode != null && mode != BlockCipherMode.GCM.value()) {
      throw new KmipException(
          ResultReason.FEATURE_NOT_SUPPORTED, "BlockCipherMode: HSM AES keys do AES-GCM only");
    }
    gcmTagLength(parameters);
  }

  /** The tag length asked for, 16 bytes by default; PKCS#11 tokens make tags of 12 to 16. */
  static int gcmTagLength(@Nullable CryptographicParameters parameters) {
    Integer tagLength = parameters == null ? null : parameters.tagLength();
    if (tagLength == null) {
      return AesGcmCiphertext.TAG_LENGTH;
    }
    if (tagLength < AesGcmCiphertext.MIN_TAG_LENGTH || tagLength > AesGcmCiphertext.TAG_LENGTH) {
      throw new KmipException(
          ResultReason.FEATURE_NOT_SUPPORTED,
          "TagLength: "
              + tagLength
              + " (HSM AES-GCM tags are "
              + AesGcmCiphertext.MIN_TAG_LENGTH
              + " to "
              + AesGcmCiphertext.TAG_LENGTH
              + " bytes)");
    }
    return tagLength;
  }
}
