package io.arca.conformance;

import io.arca.kmip.HashingAlgorithm;
import io.arca.kmip.KeyFormatType;
import io.arca.kmip.Operation;
import io.arca.kmip.PaddingMethod;
import io.arca.kmip.Tag;
import io.arca.kmip.ttlv.Ttlv;
import io.arca.kmip.ttlv.TtlvByteString;
import io.arca.kmip.ttlv.TtlvEnumeration;
import io.arca.kmip.ttlv.TtlvStructure;
import io.arca.kmip.ttlv.text.KmipXml;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.PSSParameterSpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import javax.crypto.Cipher;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;
import org.jspecify.annotations.Nullable;

/**
 * The RSA private keys the test-case files of one folder register, with the padding they register
 * them for: what the runner needs to check an RSA Encrypt (Relaxation.VERIFIED_RSA_CIPHERTEXT) and
 * a PSS signature (Relaxation.VERIFIED_PSS_SIGNATURE). OAEP and PKCS#1 v1.5 encryption are
 * randomized, so a server's ciphertext never equals the recorded one; the OASIS files come in
 * pairs, one encrypting under a public key and its companion registering the private key to decrypt
 * the recorded ciphertext, so the runner can decrypt both. These are the OASIS test keys, published
 * in the files; nothing else is read.
 */
final class RsaKeyRing {
  private static final Map<Path, RsaKeyRing> BY_FOLDER = new ConcurrentHashMap<>();

  /**
   * A registered private key, its public half, and what it was registered for: OAEP or PKCS#1 v1.5
   * encryption ({@code transformation}, {@code oaep}), or PSS signatures ({@code pss}: hash and
   * MGF1 hash; the salt length is found by trying).
   */
  private record Entry(
      PrivateKey key,
      PublicKey publicKey,
      @Nullable String transformation,
      @Nullable OAEPParameterSpec oaep,
      @Nullable PSSParameterSpec pss) {
    @Override
    public String toString() {
      return "RsaKeyRing.Entry[" + transformation + "]";
    }
  }

  /** No keys: nothing verifies. */
  static final RsaKeyRing EMPTY = new RsaKeyRing(List.of());

  private final List<Entry> entries;

  private RsaKeyRing(List<Entry> entries) {
    this.entries = entries;
  }

  /** The keys registered by the files in {@code folder}, read once per folder. */
  static RsaKeyRing of(Path folder) {
    return BY_FOLDER.computeIfAbsent(folder.toAbsolutePath(), RsaKeyRing::read);
  }

  /**
   * Whether one registered key, with its registered padding, decrypts both the recorded and the
   * actual ciphertext to {@code plaintext}: the recorded one identifies the key and parameters the
   * case meant, the actual one is then checked to be a correct encryption of the same data.
   */
  boolean bothDecryptTo(byte[] recorded, byte[] actual, byte[] plaintext) {
    for (Entry entry : entries) {
      byte[] fromRecorded = decrypt(entry, recorded);
      if (fromRecorded != null && Arrays.equals(fromRecorded, plaintext)) {
        byte[] fromActual = decrypt(entry, actual);
        return fromActual != null && Arrays.equals(fromActual, plaintext);
      }
    }
    return false;
  }

  /**
   * Whether {@code signature} is an RSASSA-PSS signature of {@code data} under the public half of a
   * key registered for PSS, with the registered hash and a salt as long as the hash or as long as
   * the key allows (what servers choose; the JDK needs the length up front).
   */
  boolean verifiesPss(byte[] signature, byte[] data) {
    for (Entry entry : entries) {
      PSSParameterSpec pss = entry.pss();
      if (pss == null) {
        continue;
      }
      int emBytes = (((RSAPublicKey) entry.publicKey()).getModulus().bitLength() + 6) / 8;
      int hashBytes = pss.getSaltLength();
      for (int salt : new int[] {hashBytes, emBytes - hashBytes - 2}) {
        try {
          Signature verifier = Signature.getInstance("RSASSA-PSS");
          verifier.setParameter(
              new PSSParameterSpec(
                  pss.getDigestAlgorithm(), "MGF1", pss.getMGFParameters(), salt, 1));
          verifier.initVerify(entry.publicKey());
          verifier.update(data);
          if (verifier.verify(signature)) {
            return true;
          }
        } catch (GeneralSecurityException e) {
          // not this key or salt length
        }
      }
    }
    return false;
  }

  private static byte @Nullable [] decrypt(Entry entry, byte[] ciphertext) {
    if (entry.transformation() == null) {
      return null;
    }
    try {
      Cipher cipher = Cipher.getInstance(entry.transformation());
      if (entry.oaep() == null) {
        cipher.init(Cipher.DECRYPT_MODE, entry.key());
      } else {
        cipher.init(Cipher.DECRYPT_MODE, entry.key(), entry.oaep());
      }
      return cipher.doFinal(ciphertext);
    } catch (GeneralSecurityException e) {
      return null;
    }
  }

  private static RsaKeyRing read(Path folder) {
    List<Entry> entries = new ArrayList<>();
    try (Stream<Path> files = Files.list(folder)) {
      for (Path file : files.filter(p -> p.toString().endsWith(".xml")).sorted().toList()) {
        List<Ttlv> messages;
        try {
          messages =
              KmipXml.readMessages(
                  Files.readString(file, StandardCharsets.UTF_8), Bindings.readOptions());
        } catch (IOException | RuntimeException e) {
          continue; // the runner reports unreadable files itself
        }
        for (Ttlv message : messages) {
          if (message.tag() == Tag.REQUEST_MESSAGE.code() && message instanceof TtlvStructure m) {
            for (Ttlv item : m.all(Tag.BATCH_ITEM.code())) {
              Entry entry = registeredRsaPrivateKey(item);
              if (entry != null) {
                entries.add(entry);
              }
            }
          }
        }
      }
    } catch (IOException e) {
      return new RsaKeyRing(List.of());
    }
    return new RsaKeyRing(List.copyOf(entries));
  }

  private static @Nullable Entry registeredRsaPrivateKey(Ttlv item) {
    if (!(item instanceof TtlvStructure batchItem)
        || !(batchItem.first(Tag.OPERATION.code()) instanceof TtlvEnumeration op)
        || op.value() != Operation.REGISTER.value()
        || !(batchItem.first(Tag.REQUEST_PAYLOAD.code()) instanceof TtlvStructure payload)
        || !(payload.first(Tag.PRIVATE_KEY.code()) instanceof TtlvStructure privateKey)
        || !(privateKey.first(Tag.KEY_BLOCK.code()) instanceof TtlvStructure block)
        || !(block.first(Tag.KEY_FORMAT_TYPE.code()) instanceof TtlvEnumeration format)
        || !(block.first(Tag.KEY_VALUE.code()) instanceof TtlvStructure value)
        || !(value.first(Tag.KEY_MATERIAL.code()) instanceof TtlvByteString material)) {
      return null;
    }
    byte[] pkcs8;
    if (format.value() == KeyFormatType.PKCS_8.value()) {
      pkcs8 = material.value().toByteArray();
    } else if (format.value() == KeyFormatType.PKCS_1.value()) {
      pkcs8 = pkcs1ToPkcs8(material.value().toByteArray());
    } else {
      return null;
    }
    PrivateKey key;
    PublicKey publicKey;
    try {
      KeyFactory factory = KeyFactory.getInstance("RSA");
      key = factory.generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
      RSAPrivateCrtKey crt = (RSAPrivateCrtKey) key;
      publicKey =
          factory.generatePublic(new RSAPublicKeySpec(crt.getModulus(), crt.getPublicExponent()));
    } catch (GeneralSecurityException | ClassCastException e) {
      return null; // not an RSA key with its public exponent
    }
    Integer padding = firstEnumeration(payload, Tag.PADDING_METHOD.code());
    String hash = jcaHash(firstEnumeration(payload, Tag.HASHING_ALGORITHM.code()));
    Integer mgf = firstEnumeration(payload, Tag.MASK_GENERATOR_HASHING_ALGORITHM.code());
    if (padding != null && padding == PaddingMethod.PSS.value()) {
      int hashBytes = hashBytes(hash);
      MGF1ParameterSpec mgf1 = new MGF1ParameterSpec(mgf == null ? hash : jcaHash(mgf));
      return new Entry(
          key, publicKey, null, null, new PSSParameterSpec(hash, "MGF1", mgf1, hashBytes, 1));
    }
    if (padding != null && padding == PaddingMethod.PKCS1_V1_5.value()) {
      return new Entry(key, publicKey, "RSA/ECB/PKCS1Padding", null, null);
    }
    if (padding == null || padding != PaddingMethod.OAEP.value()) {
      return null;
    }
    Ttlv label = find(payload, Tag.P_SOURCE.code());
    OAEPParameterSpec oaep =
        new OAEPParameterSpec(
            hash,
            "MGF1",
            new MGF1ParameterSpec(mgf == null ? hash : jcaHash(mgf)),
            label instanceof TtlvByteString bytes
                ? new PSource.PSpecified(bytes.value().toByteArray())
                : PSource.PSpecified.DEFAULT);
    return new Entry(key, publicKey, "RSA/ECB/OAEPPadding", oaep, null);
  }

  private static int hashBytes(String jcaHash) {
    return switch (jcaHash) {
      case "SHA-1" -> 20;
      case "SHA-224" -> 28;
      case "SHA-384" -> 48;
      case "SHA-512" -> 64;
      default -> 32;
    };
  }

  private static String jcaHash(@Nullable Integer value) {
    if (value == null || value == HashingAlgorithm.SHA_1.value()) {
      return "SHA-1";
    }
    if (value == HashingAlgorithm.SHA_224.value()) {
      return "SHA-224";
    }
    if (value == HashingAlgorithm.SHA_384.value()) {
      return "SHA-384";
    }
    if (value == HashingAlgorithm.SHA_512.value()) {
      return "SHA-512";
    }
    return "SHA-256";
  }

  private static @Nullable Integer firstEnumeration(TtlvStructure structure, int tag) {
    return find(structure, tag) instanceof TtlvEnumeration e ? e.value() : null;
  }

  /** The first item with {@code tag} at any depth (1.x and 2.x attributes nest differently). */
  private static @Nullable Ttlv find(TtlvStructure structure, int tag) {
    for (Ttlv child : structure.items()) {
      if (child.tag() == tag) {
        return child;
      }
      if (child instanceof TtlvStructure s) {
        Ttlv found = find(s, tag);
        if (found != null) {
          return found;
        }
      }
    }
    return null;
  }

  /** PKCS#8 PrivateKeyInfo around a PKCS#1 RSAPrivateKey (RFC 5208 §5), for the JDK's factory. */
  static byte[] pkcs1ToPkcs8(byte[] pkcs1) {
    HexFormat hex = HexFormat.of();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.writeBytes(hex.parseHex("020100")); // version 0
    body.writeBytes(hex.parseHex("300d06092a864886f70d0101010500")); // rsaEncryption, NULL
    body.writeBytes(der(0x04, pkcs1));
    return der(0x30, body.toByteArray());
  }

  private static byte[] der(int tag, byte[] content) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(tag);
    int length = content.length;
    if (length < 0x80) {
      out.write(length);
    } else {
      int bytes = (32 - Integer.numberOfLeadingZeros(length) + 7) / 8;
      out.write(0x80 | bytes);
      for (int i = bytes - 1; i >= 0; i--) {
        out.write(length >>> (8 * i));
      }
    }
    out.writeBytes(content);
    return out.toByteArray();
  }
}
