package io.arca.server.crypto;

import io.arca.kmip.CryptographicAlgorithm;
import io.arca.kmip.DigitalSignatureAlgorithm;
import io.arca.kmip.KmipException;
import io.arca.kmip.PaddingMethod;
import io.arca.kmip.ResultReason;
import io.arca.kmip.object.CryptographicParameters;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.InvalidAlgorithmParameterException;
import java.security.InvalidKeyException;
import java.security.Key;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.SignatureException;
import java.security.interfaces.ECKey;
import java.security.interfaces.RSAKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.util.Arrays;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.jspecify.annotations.Nullable;

/**
 * Signatures with RSA (PKCS#1 v1.5 and PSS, RFC 8017 §8), ECDSA (DER-encoded, as X9.62 and PKCS#11
 * clients such as PyKMIP expect) and Ed25519 (RFC 8032, PureEdDSA), over the data or over a digest
 * the client computed (Digested Data). The JDK's providers do the work; Bouncy Castle only signs a
 * PSS digest (the JDK has no raw PSS) and serves EC keys on curves the JDK no longer knows.
 *
 * <p>Documented defaults, each used only when neither the request nor the key's Cryptographic
 * Parameters say otherwise: RSA signs with PKCS#1 v1.5; the hash is SHA-256 (ECDSA: SHA-256,
 * SHA-384 or SHA-512 by curve size); MGF1 hashes with the Hashing Algorithm; PSS signs with the
 * longest salt the key allows (as PyKMIP and the OASIS vectors do), and verifies with the salt
 * length the signature itself carries when none is given.
 */
public final class Signatures {
  private static final int PSS_TRAILER_BC = 1;

  private final SecureRandom random;

  /** Signatures drawing PSS salts and ECDSA nonces from {@code random}. */
  public Signatures(SecureRandom random) {
    this.random = random;
  }

  /** Bouncy Castle is loaded only when a signature needs it; nothing is registered globally. */
  private static final class Bc {
    static final Provider PROVIDER = new BouncyCastleProvider();
  }

  /**
   * Signs {@code input}: the data, or with {@code digested} the digest of the data.
   *
   * @throws KmipException Feature Not Supported, Invalid Field or Cryptographic Failure naming the
   *     parameter that cannot be honoured
   */
  public byte[] sign(
      PrivateKey key, CryptographicParameters parameters, byte[] input, boolean digested) {
    Scheme scheme = Scheme.of(key, parameters, digested);
    scheme.checkDigestLength(input);
    try {
      Signature signature = scheme.signature(key);
      if (scheme.family == Family.RSA && scheme.pss) {
        int salt =
            parameters.saltLength() != null
                ? parameters.saltLength()
                : maxSalt((RSAKey) key, scheme.hash.bytes);
        signature.setParameter(scheme.pssSpec(salt));
      }
      signature.initSign(key, random);
      signature.update(scheme.prepare(input));
      return signature.sign();
    } catch (InvalidAlgorithmParameterException e) {
      throw new KmipException(
          ResultReason.INVALID_FIELD,
          "SaltLength: "
              + parameters.saltLength()
              + " does not fit "
              + scheme.name
              + " with this key");
    } catch (InvalidKeyException e) {
      throw new KmipException(
          ResultReason.CRYPTOGRAPHIC_FAILURE, "the key cannot sign with " + scheme.name);
    } catch (GeneralSecurityException e) {
      throw new KmipException(ResultReason.CRYPTOGRAPHIC_FAILURE, scheme.name + " signing failed");
    }
  }

  /**
   * Whether {@code signatureBytes} is a valid signature of {@code input} (the data, or with {@code
   * digested} its digest). A malformed signature is simply not valid.
   */
  public boolean verify(
      PublicKey key,
      CryptographicParameters parameters,
      byte[] input,
      boolean digested,
      byte[] signatureBytes) {
    Scheme scheme = Scheme.of(key, parameters, digested);
    scheme.checkDigestLength(input);
    try {
      Signature signature = scheme.signature(key);
      if (scheme.family == Family.RSA && scheme.pss) {
        Integer salt = parameters.saltLength();
        if (salt == null) {
          salt = PssSalt.recover((RSAPublicKey) key, signatureBytes, scheme.hash, scheme.mgfHash);
          if (salt == null) {
            return false;
          }
        }
        signature.setParameter(scheme.pssSpec(salt));
      }
      signature.initVerify(key);
      signature.update(scheme.prepare(input));
      return signature.verify(signatureBytes);
    } catch (SignatureException | InvalidAlgorithmParameterException e) {
      return false;
    } catch (InvalidKeyException e) {
      throw new KmipException(
          ResultReason.CRYPTOGRAPHIC_FAILURE, "the key cannot verify with " + scheme.name);
    } catch (GeneralSecurityException e) {
      throw new KmipException(
          ResultReason.CRYPTOGRAPHIC_FAILURE, scheme.name + " verification failed");
    }
  }

  /** The longest PSS salt: emLen - hLen - 2 (RFC 8017 §9.1.1 step 3). */
  static int maxSalt(RSAKey key, int hashBytes) {
    int emBytes = (key.getModulus().bitLength() - 1 + 7) / 8;
    return Math.max(emBytes - hashBytes - 2, 0);
  }

  /** The key families, told apart by the JCA key. */
  enum Family {
    RSA,
    EC,
    ED25519;

    static Family of(Key key) {
      String algorithm = key.getAlgorithm();
      if (key instanceof RSAKey) {
        return RSA;
      }
      if (key instanceof ECKey) {
        return EC;
      }
      if ("Ed25519".equals(algorithm) || "EdDSA".equals(algorithm)) {
        return ED25519;
      }
      throw new KmipException(
          ResultReason.FEATURE_NOT_SUPPORTED,
          "CryptographicAlgorithm: "
              + algorithm
              + " keys cannot sign here (RSA, EC and Ed25519 can)");
    }
  }

  /** One signature scheme, resolved from the key and the parameters. */
  private static final class Scheme {
    final Family family;
    final boolean pss;
    final SignatureHashes hash;
    final SignatureHashes mgfHash;
    final boolean digested;
    final String name;

    private Scheme(
        Family family,
        boolean pss,
        SignatureHashes hash,
        SignatureHashes mgfHash,
        boolean digested) {
      this.family = family;
      this.pss = pss;
      this.hash = hash;
      this.mgfHash = mgfHash;
      this.digested = digested;
      this.name =
          switch (family) {
            case RSA -> (pss ? "RSASSA-PSS (" : "RSA PKCS#1 v1.5 (") + hash.jca + ")";
            case EC -> "ECDSA (" + hash.jca + ")";
            case ED25519 -> "Ed25519";
          };
    }

    static Scheme of(Key key, CryptographicParameters parameters, boolean digested) {
      Family family = Family.of(key);
      checkAlgorithm(family, parameters.cryptographicAlgorithm());
      DigitalSignatureAlgorithm dsa = signatureAlgorithm(parameters.digitalSignatureAlgorithm());
      if (dsa != null && familyOf(dsa) != family) {
        throw new KmipException(
            ResultReason.INVALID_FIELD,
            "DigitalSignatureAlgorithm: " + dsa.xmlName() + " does not fit a " + family + " key");
      }
      if (family == Family.ED25519) {
        if (digested) {
          throw new KmipException(
              ResultReason.FEATURE_NOT_SUPPORTED,
              "DigestedData: Ed25519 signs the message itself (PureEdDSA, RFC 8032); send Data");
        }
        if (parameters.paddingMethod() != null) {
          throw new KmipException(
              ResultReason.INVALID_FIELD, "PaddingMethod: Ed25519 signatures have no padding");
        }
        return new Scheme(family, false, SignatureHashes.SHA512, SignatureHashes.SHA512, false);
      }
      SignatureHashes fallback =
          family == Family.EC ? curveHash((ECKey) key) : SignatureHashes.SHA256;
      SignatureHashes dsaHash = dsa == null ? null : hashOf(dsa);
      SignatureHashes hash =
          SignatureHashes.of(
              parameters.hashingAlgorithm(),
              dsaHash == null ? fallback : dsaHash,
              "HashingAlgorithm");
      if (dsa != null && dsaHash != null && dsaHash != hash) {
        throw new KmipException(
            ResultReason.INVALID_FIELD,
            "HashingAlgorithm: "
                + hash.kmip.xmlName()
                + " contradicts DigitalSignatureAlgorithm "
                + dsa.xmlName());
      }
      boolean pss = false;
      if (family == Family.RSA) {
        Integer padding = parameters.paddingMethod();
        if (padding == null) {
          pss = dsa == DigitalSignatureAlgorithm.RSASSA_PSS;
        } else if (padding == PaddingMethod.PSS.value()) {
          pss = true;
        } else if (padding != PaddingMethod.PKCS1_V1_5.value()) {
          PaddingMethod known = PaddingMethod.byValue(padding);
          throw new KmipException(
              ResultReason.FEATURE_NOT_SUPPORTED,
              "PaddingMethod: "
                  + (known == null ? "0x" + Integer.toHexString(padding) : known.xmlName())
                  + " is not supported for RSA signatures (supported: PSS, PKCS1V1_5)");
        }
        if (dsa != null && pss != (dsa == DigitalSignatureAlgorithm.RSASSA_PSS)) {
          throw new KmipException(
              ResultReason.INVALID_FIELD,
              "PaddingMethod: contradicts DigitalSignatureAlgorithm " + dsa.xmlName());
        }
      } else if (parameters.paddingMethod() != null) {
        throw new KmipException(
            ResultReason.INVALID_FIELD, "PaddingMethod: ECDSA signatures have no padding");
      }
      SignatureHashes mgfHash = hash;
      if (pss) {
        RsaCipher.requireMgf1(parameters.maskGenerator());
        mgfHash =
            SignatureHashes.of(
                parameters.maskGeneratorHashingAlgorithm(), hash, "MaskGeneratorHashingAlgorithm");
        Integer trailer = parameters.trailerField();
        if (trailer != null && trailer != PSS_TRAILER_BC) {
          throw new KmipException(
              ResultReason.FEATURE_NOT_SUPPORTED,
              "TrailerField: " + trailer + " is not supported (1, the 0xBC trailer, is)");
        }
        Integer salt = parameters.saltLength();
        if (salt != null && salt < 0) {
          throw new KmipException(
              ResultReason.INVALID_FIELD, "SaltLength: " + salt + " (expected: 0 or more)");
        }
      }
      return new Scheme(family, pss, hash, mgfHash, digested);
    }

    PSSParameterSpec pssSpec(int salt) {
      return new PSSParameterSpec(
          hash.jca, "MGF1", new MGF1ParameterSpec(mgfHash.jca), salt, PSS_TRAILER_BC);
    }

    /** A fresh JCA Signature (they are stateful, one per use). */
    Signature signature(Key key) throws NoSuchAlgorithmException {
      boolean bcKey = key.getClass().getName().startsWith("org.bouncycastle.");
      String algorithm =
          switch (family) {
            case RSA ->
                pss
                    ? (digested ? "RAWRSASSA-PSS" : "RSASSA-PSS")
                    : (digested ? "NONEwithRSA" : hash.signaturePrefix + "withRSA");
            case EC -> digested ? "NONEwithECDSA" : hash.signaturePrefix + "withECDSA";
            case ED25519 -> "Ed25519";
          };
      if (bcKey || (pss && digested)) {
        return Signature.getInstance(algorithm, Bc.PROVIDER);
      }
      return Signature.getInstance(algorithm);
    }

    /** What the JCA signature consumes: the data, a digest, or a DigestInfo for PKCS#1 v1.5. */
    byte[] prepare(byte[] input) {
      if (digested && family == Family.RSA && !pss) {
        return hash.digestInfo(input);
      }
      return input;
    }

    void checkDigestLength(byte[] input) {
      if (digested && input.length != hash.bytes) {
        throw new KmipException(
            ResultReason.INVALID_FIELD,
            "DigestedData: "
                + input.length
                + " bytes, but a "
                + hash.jca
                + " digest has "
                + hash.bytes);
      }
    }
  }

  private static void checkAlgorithm(Family family, @Nullable Integer algorithm) {
    if (algorithm == null) {
      return;
    }
    boolean fits =
        switch (family) {
          case RSA -> algorithm == CryptographicAlgorithm.RSA.value();
          case EC ->
              algorithm == CryptographicAlgorithm.EC.value()
                  || algorithm == CryptographicAlgorithm.ECDSA.value();
          case ED25519 -> algorithm == CryptographicAlgorithm.ED25519.value();
        };
    if (!fits) {
      CryptographicAlgorithm known = CryptographicAlgorithm.byValue(algorithm);
      throw new KmipException(
          ResultReason.INVALID_FIELD,
          "CryptographicAlgorithm: "
              + (known == null ? "0x" + Integer.toHexString(algorithm) : known.xmlName())
              + " does not fit the key, a "
              + family
              + " key");
    }
  }

  private static @Nullable DigitalSignatureAlgorithm signatureAlgorithm(@Nullable Integer value) {
    if (value == null) {
      return null;
    }
    DigitalSignatureAlgorithm known = DigitalSignatureAlgorithm.byValue(value);
    if (known == null || familyOf(known) == null) {
      throw new KmipException(
          ResultReason.FEATURE_NOT_SUPPORTED,
          "DigitalSignatureAlgorithm: "
              + (known == null ? "0x" + Integer.toHexString(value) : known.xmlName())
              + " is not supported (RSA with SHA-1/SHA-2/SHA-3, RSASSA-PSS and ECDSA with SHA-1/SHA-2"
              + " are)");
    }
    return known;
  }

  private static @Nullable Family familyOf(DigitalSignatureAlgorithm dsa) {
    return switch (dsa) {
      case SHA_1_WITH_RSA_ENCRYPTION,
          SHA_224_WITH_RSA_ENCRYPTION,
          SHA_256_WITH_RSA_ENCRYPTION,
          SHA_384_WITH_RSA_ENCRYPTION,
          SHA_512_WITH_RSA_ENCRYPTION,
          SHA3_256_WITH_RSA_ENCRYPTION,
          SHA3_384_WITH_RSA_ENCRYPTION,
          SHA3_512_WITH_RSA_ENCRYPTION,
          RSASSA_PSS ->
          Family.RSA;
      case ECDSA_WITH_SHA_1,
          ECDSA_WITH_SHA224,
          ECDSA_WITH_SHA256,
          ECDSA_WITH_SHA384,
          ECDSA_WITH_SHA512 ->
          Family.EC;
      default -> null;
    };
  }

  /** The hash a Digital Signature Algorithm names, or null (RSASSA-PSS names none). */
  private static @Nullable SignatureHashes hashOf(DigitalSignatureAlgorithm dsa) {
    return switch (dsa) {
      case SHA_1_WITH_RSA_ENCRYPTION, ECDSA_WITH_SHA_1 -> SignatureHashes.SHA1;
      case SHA_224_WITH_RSA_ENCRYPTION, ECDSA_WITH_SHA224 -> SignatureHashes.SHA224;
      case SHA_256_WITH_RSA_ENCRYPTION, ECDSA_WITH_SHA256 -> SignatureHashes.SHA256;
      case SHA_384_WITH_RSA_ENCRYPTION, ECDSA_WITH_SHA384 -> SignatureHashes.SHA384;
      case SHA_512_WITH_RSA_ENCRYPTION, ECDSA_WITH_SHA512 -> SignatureHashes.SHA512;
      case SHA3_256_WITH_RSA_ENCRYPTION -> SignatureHashes.SHA3_256;
      case SHA3_384_WITH_RSA_ENCRYPTION -> SignatureHashes.SHA3_384;
      case SHA3_512_WITH_RSA_ENCRYPTION -> SignatureHashes.SHA3_512;
      default -> null;
    };
  }

  /** SHA-256 up to 256-bit curves, SHA-384 up to 384, SHA-512 above (FIPS 186-5 pairing). */
  private static SignatureHashes curveHash(ECKey key) {
    int bits = key.getParams().getCurve().getField().getFieldSize();
    return bits <= 256
        ? SignatureHashes.SHA256
        : bits <= 384 ? SignatureHashes.SHA384 : SignatureHashes.SHA512;
  }

  /**
   * Recovers the salt length a PSS signature was made with (EMSA-PSS-VERIFY, RFC 8017 §9.1.2, steps
   * 7 to 10), so that a signature made with any salt length verifies when the client names none;
   * the JCA then verifies it in full with that length.
   */
  static final class PssSalt {
    private PssSalt() {}

    /** The salt length, or null when the signature is not a PSS encoding at all. */
    static @Nullable Integer recover(
        RSAPublicKey key, byte[] signature, SignatureHashes hash, SignatureHashes mgfHash)
        throws NoSuchAlgorithmException {
      BigInteger n = key.getModulus();
      int modBits = n.bitLength();
      int emBits = modBits - 1;
      int emLen = (emBits + 7) / 8;
      BigInteger s = new BigInteger(1, signature);
      if (signature.length != (modBits + 7) / 8 || s.compareTo(n) >= 0) {
        return null;
      }
      byte[] m = s.modPow(key.getPublicExponent(), n).toByteArray();
      byte[] em = new byte[emLen];
      int copy = Math.min(m.length, emLen);
      System.arraycopy(m, m.length - copy, em, emLen - copy, copy);
      int hLen = hash.bytes;
      if (emLen < hLen + 2 || (em[emLen - 1] & 0xff) != 0xbc) {
        return null;
      }
      int dbLen = emLen - hLen - 1;
      byte[] h = Arrays.copyOfRange(em, dbLen, dbLen + hLen);
      byte[] mask = mgf1(h, dbLen, mgfHash);
      byte[] db = new byte[dbLen];
      for (int i = 0; i < dbLen; i++) {
        db[i] = (byte) (em[i] ^ mask[i]);
      }
      db[0] &= (byte) (0xff >>> (8 * emLen - emBits));
      int i = 0;
      while (i < dbLen && db[i] == 0) {
        i++;
      }
      if (i == dbLen || db[i] != 1) {
        return null;
      }
      return dbLen - i - 1;
    }

    private static byte[] mgf1(byte[] seed, int length, SignatureHashes hash)
        throws NoSuchAlgorithmException {
      MessageDigest digest = MessageDigest.getInstance(hash.jca);
      byte[] out = new byte[length];
      int done = 0;
      for (int counter = 0; done < length; counter++) {
        digest.update(seed);
        digest.update(
            new byte[] {
              (byte) (counter >>> 24),
              (byte) (counter >>> 16),
              (byte) (counter >>> 8),
              (byte) counter
            });
        byte[] block = digest.digest();
        int n = Math.min(block.length, length - done);
        System.arraycopy(block, 0, out, done, n);
        done += n;
      }
      return out;
    }
  }
}
