package io.arca.server.crypto;

import io.arca.kmip.BlockCipherMode;
import io.arca.kmip.CryptographicAlgorithm;
import io.arca.kmip.KmipException;
import io.arca.kmip.ResultReason;
import io.arca.kmip.object.CryptographicParameters;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.util.HashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.BlockCipher;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.engines.DESedeEngine;
import org.bouncycastle.crypto.macs.CMac;
import org.bouncycastle.crypto.params.KeyParameter;
import org.jspecify.annotations.Nullable;

/**
 * The MACs of KMIP's MAC and MAC Verify: HMAC with SHA-1, SHA-2 and SHA-3 and MD5 (the JDK's
 * provider, one reused {@link Mac} per algorithm and thread, since {@code Mac.getInstance} costs a
 * provider look-up and the instance is re-keyed by each use), and CMAC (NIST SP 800-38B) with AES
 * or 3DES, which the JDK lacks (Bouncy Castle's lightweight CMac, cheap to build per use).
 *
 * <p>Which one: the Cryptographic Algorithm of the parameters when it is an HMAC; else CMAC when
 * the parameters ask for Block Cipher Mode CMAC or name AES or 3DES; else the key's own
 * Cryptographic Algorithm, an HMAC, or CMAC for an AES or 3DES key. Anything else is refused with
 * Feature Not Supported naming it.
 */
public final class MacEngine {
  private static final ThreadLocal<Map<String, Mac>> HMACS = ThreadLocal.withInitial(HashMap::new);

  private MacEngine() {}

  /** A MAC algorithm: an HMAC (JCA name) or a CMAC over a block cipher. */
  public record Algorithm(
      String name, @Nullable String hmac, @Nullable CryptographicAlgorithm cmacCipher) {}

  /** The algorithm for these parameters and a key of {@code keyAlgorithm} (null if unknown). */
  public static Algorithm choose(
      CryptographicParameters parameters, @Nullable CryptographicAlgorithm keyAlgorithm) {
    CryptographicAlgorithm named = algorithm(parameters.cryptographicAlgorithm());
    String hmac = named == null ? null : hmacName(named);
    if (named != null && hmac != null) {
      return new Algorithm(named.xmlName(), hmac, null);
    }
    Integer mode = parameters.blockCipherMode();
    boolean cmacAsked = mode != null && mode == BlockCipherMode.CMAC.value();
    if (mode != null && !cmacAsked) {
      throw new KmipException(
          ResultReason.FEATURE_NOT_SUPPORTED,
          "BlockCipherMode: " + modeName(mode) + " is not a MAC here (supported: CMAC)");
    }
    CryptographicAlgorithm cipher = named != null ? named : keyAlgorithm;
    if (cipher == CryptographicAlgorithm.AES || cipher == CryptographicAlgorithm.DES3) {
      return new Algorithm("CMAC-" + cipher.xmlName(), null, cipher);
    }
    if (named == null && keyAlgorithm != null) {
      String keyHmac = hmacName(keyAlgorithm);
      if (keyHmac != null && !cmacAsked) {
        return new Algorithm(keyAlgorithm.xmlName(), keyHmac, null);
      }
    }
    throw new KmipException(
        ResultReason.FEATURE_NOT_SUPPORTED,
        "CryptographicAlgorithm: "
            + (cipher == null ? "none given, and the key has none" : cipher.xmlName())
            + " is not a MAC algorithm here (supported: HMAC_SHA1, HMAC_SHA224, HMAC_SHA256,"
            + " HMAC_SHA384, HMAC_SHA512, HMAC_SHA3_*, HMAC_MD5, and CMAC with AES or DES3 keys)");
  }

  /** The MAC of {@code data} under {@code key}. */
  public static byte[] compute(Algorithm algorithm, byte[] key, byte[] data) {
    String hmac = algorithm.hmac();
    if (hmac != null) {
      Mac mac = HMACS.get().computeIfAbsent(hmac, MacEngine::newHmac);
      init(mac, key);
      return mac.doFinal(data);
    }
    Stream stream = start(algorithm, key);
    stream.update(data);
    return stream.finish();
  }

  /** A MAC over data given in parts (KMIP streaming), with its own instance. */
  public static Stream start(Algorithm algorithm, byte[] key) {
    String hmac = algorithm.hmac();
    if (hmac != null) {
      Mac mac = newHmac(hmac);
      init(mac, key);
      return new Stream(mac, null);
    }
    CMac cmac = new CMac(blockCipher(algorithm));
    int keyBytes = key.length;
    boolean aes = algorithm.cmacCipher() == CryptographicAlgorithm.AES;
    if (aes
        ? keyBytes != 16 && keyBytes != 24 && keyBytes != 32
        : keyBytes != 16 && keyBytes != 24) {
      throw new KmipException(
          ResultReason.CRYPTOGRAPHIC_FAILURE,
          "the key (" + keyBytes + " bytes) does not fit " + algorithm.name());
    }
    cmac.init(new KeyParameter(key));
    return new Stream(null, cmac);
  }

  /** A MAC being computed over parts. Not thread-safe: one request drives it at a time. */
  public static final class Stream implements MacParts {
    private final @Nullable Mac hmac;
    private final @Nullable CMac cmac;

    private Stream(@Nullable Mac hmac, @Nullable CMac cmac) {
      this.hmac = hmac;
      this.cmac = cmac;
    }

    @Override
    public void update(byte[] part) {
      if (hmac != null) {
        hmac.update(part);
      } else if (cmac != null) {
        cmac.update(part, 0, part.length);
      }
    }

    /** The MAC of all the parts; the stream is reset. */
    @Override
    public byte[] finish() {
      if (hmac != null) {
        return hmac.doFinal();
      }
      CMac mac = java.util.Objects.requireNonNull(cmac);
      byte[] out = new byte[mac.getMacSize()];
      mac.doFinal(out, 0);
      return out;
    }

    /** Forgets the key state (CMAC's subkeys are cleared by a reset; HMAC keeps its pads). */
    @Override
    public void close() {
      if (cmac != null) {
        cmac.reset();
      } else if (hmac != null) {
        hmac.reset();
      }
    }
  }

  private static BlockCipher blockCipher(Algorithm algorithm) {
    return algorithm.cmacCipher() == CryptographicAlgorithm.AES
        ? AESEngine.newInstance()
        : new DESedeEngine();
  }

  private static void init(Mac mac, byte[] key) {
    if (key.length == 0) {
      throw new KmipException(ResultReason.CRYPTOGRAPHIC_FAILURE, "the key is empty");
    }
    try {
      mac.init(new SecretKeySpec(key, mac.getAlgorithm()));
    } catch (InvalidKeyException e) {
      throw new KmipException(
          ResultReason.CRYPTOGRAPHIC_FAILURE, "the key does not fit " + mac.getAlgorithm());
    }
  }

  private static Mac newHmac(String name) {
    try {
      return Mac.getInstance(name);
    } catch (GeneralSecurityException e) {
      throw new KmipException(ResultReason.CRYPTOGRAPHIC_FAILURE, name + " is not available");
    }
  }

  private static @Nullable CryptographicAlgorithm algorithm(@Nullable Integer value) {
    return value == null ? null : CryptographicAlgorithm.byValue(value);
  }

  private static @Nullable String hmacName(CryptographicAlgorithm algorithm) {
    return switch (algorithm) {
      case HMAC_SHA1 -> "HmacSHA1";
      case HMAC_SHA224 -> "HmacSHA224";
      case HMAC_SHA256 -> "HmacSHA256";
      case HMAC_SHA384 -> "HmacSHA384";
      case HMAC_SHA512 -> "HmacSHA512";
      case HMAC_MD5 -> "HmacMD5";
      case HMAC_SHA3_224 -> "HmacSHA3-224";
      case HMAC_SHA3_256 -> "HmacSHA3-256";
      case HMAC_SHA3_384 -> "HmacSHA3-384";
      case HMAC_SHA3_512 -> "HmacSHA3-512";
      default -> null;
    };
  }

  private static String modeName(int mode) {
    BlockCipherMode known = BlockCipherMode.byValue(mode);
    return known == null ? "0x" + Integer.toHexString(mode) : known.xmlName();
  }
}
