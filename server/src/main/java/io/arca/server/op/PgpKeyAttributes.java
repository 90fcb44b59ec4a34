package io.arca.server.op;

import io.arca.kmip.CryptographicAlgorithm;
import io.arca.kmip.DigitalSignatureAlgorithm;
import io.arca.kmip.Tag;
import io.arca.kmip.attribute.Attribute;
import io.arca.kmip.attribute.Attributes;
import io.arca.kmip.object.KeyBlock;
import io.arca.kmip.object.KeyMaterial;
import io.arca.kmip.object.KeyValue;
import io.arca.kmip.object.PGPKey;
import io.arca.kmip.ttlv.TtlvEnumeration;
import io.arca.kmip.ttlv.TtlvInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The attributes a PGP Key implies when it is registered (KMIP 1.4 §3.16, 2.1 §4.22): a Digital
 * Signature Algorithm for each kind of signature it carries (several instances, as the spec allows
 * for PGP keys), and the algorithm and length of its primary key where the Key Block does not state
 * them. The key itself stays the opaque blob the spec asks the server to keep (2.1 §2.4); only the
 * OpenPGP packet headers (RFC 4880 §4.2, §5.2.2-5.2.3, §5.5.2) are read, and a block that does not
 * parse implies nothing.
 */
final class PgpKeyAttributes {
  private static final int SIGNATURE_PACKET = 2;
  private static final int SECRET_KEY_PACKET = 5;
  private static final int PUBLIC_KEY_PACKET = 6;

  private PgpKeyAttributes() {}

  /** What {@code key} implies beyond what the Key Block and {@code given} already say. */
  static List<Attribute> of(PGPKey key, Attributes given) {
    KeyBlock block = key.keyBlock();
    if (block.keyWrappingData() != null
        || !(block.keyValue() instanceof KeyValue.Plain plain)
        || !(plain.keyMaterial() instanceof KeyMaterial.Bytes bytes)) {
      return List.of();
    }
    byte[] raw = bytes.value().toByteArray();
    byte[] packets = null;
    try {
      packets = dearmored(raw);
      return packets == null ? List.of() : implied(packets, block, given);
    } finally {
      Arrays.fill(raw, (byte) 0);
      if (packets != null) {
        Arrays.fill(packets, (byte) 0);
      }
    }
  }

  private static List<Attribute> implied(byte[] packets, KeyBlock block, Attributes given) {
    Set<DigitalSignatureAlgorithm> signatures = new LinkedHashSet<>();
    PrimaryKey primary = null;
    int at = 0;
    while (at < packets.length) {
      Packet packet = Packet.at(packets, at);
      if (packet == null) {
        break; // a malformed or streamed packet: what came before still counts
      }
      if (packet.tag() == SIGNATURE_PACKET) {
        DigitalSignatureAlgorithm signature = signatureAlgorithm(packets, packet);
        if (signature != null) {
          signatures.add(signature);
        }
      } else if (primary == null
          && (packet.tag() == PUBLIC_KEY_PACKET || packet.tag() == SECRET_KEY_PACKET)) {
        primary = PrimaryKey.of(packets, packet);
      }
      at = packet.end();
    }
    List<Attribute> implied = new ArrayList<>();
    int index = 0;
    for (DigitalSignatureAlgorithm signature : signatures) {
      implied.add(
          Attribute.of(
                  new TtlvEnumeration(Tag.DIGITAL_SIGNATURE_ALGORITHM.code(), signature.value()))
              .withIndex(index++));
    }
    if (primary != null) {
      if (block.cryptographicAlgorithm() == null
          && new AttributeView(given).cryptographicAlgorithm() == null) {
        implied.add(
            Attribute.of(
                new TtlvEnumeration(
                    Tag.CRYPTOGRAPHIC_ALGORITHM.code(), primary.algorithm().value())));
      }
      if (block.cryptographicLength() == null
          && new AttributeView(given).cryptographicLength() == null
          && primary.bits() > 0) {
        implied.add(Attribute.of(new TtlvInteger(Tag.CRYPTOGRAPHIC_LENGTH.code(), primary.bits())));
      }
    }
    return implied;
  }

  /** The binary packets: the block itself, or the Base64 body of an ASCII-armored block. */
  private static byte @Nullable [] dearmored(byte[] raw) {
    String text = new String(raw, StandardCharsets.US_ASCII);
    if (!text.startsWith("-----BEGIN PGP")) {
      return raw.clone();
    }
    StringBuilder body = new StringBuilder();
    boolean inBody = false;
    for (String line : text.lines().toList()) {
      String trimmed = line.strip();
      if (!inBody) {
        inBody = trimmed.isEmpty(); // the armor headers end at the first empty line
      } else if (trimmed.startsWith("=") || trimmed.startsWith("-----END")) {
        break; // the CRC-24 line, or the tail
      } else {
        body.append(trimmed);
      }
    }
    try {
      return Base64.getDecoder().decode(body.toString());
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /** RFC 4880 §5.2.2 (v3) and §5.2.3 (v4): the public-key and hash algorithms of a signature. */
  private static @Nullable DigitalSignatureAlgorithm signatureAlgorithm(
      byte[] packets, Packet packet) {
    int body = packet.bodyStart();
    int version = packet.length() > 0 ? packets[body] & 0xFF : 0;
    int keyAt = version == 3 ? body + 15 : version == 4 ? body + 2 : -1;
    if (keyAt < 0 || keyAt + 1 >= packet.end()) {
      return null;
    }
    return signatureAlgorithm(packets[keyAt] & 0xFF, packets[keyAt + 1] & 0xFF);
  }

  /** RFC 4880 §9.1 public-key and §9.4 hash algorithm numbers, as KMIP names their pairing. */
  private static @Nullable DigitalSignatureAlgorithm signatureAlgorithm(int key, int hash) {
    return switch (key) {
      case 1, 3 -> // RSA, RSA Sign-Only
          switch (hash) {
            case 1 -> DigitalSignatureAlgorithm.MD5_WITH_RSA_ENCRYPTION;
            case 2 -> DigitalSignatureAlgorithm.SHA_1_WITH_RSA_ENCRYPTION;
            case 8 -> DigitalSignatureAlgorithm.SHA_256_WITH_RSA_ENCRYPTION;
            case 9 -> DigitalSignatureAlgorithm.SHA_384_WITH_RSA_ENCRYPTION;
            case 10 -> DigitalSignatureAlgorithm.SHA_512_WITH_RSA_ENCRYPTION;
            case 11 -> DigitalSignatureAlgorithm.SHA_224_WITH_RSA_ENCRYPTION;
            default -> null;
          };
      case 17 -> // DSA
          switch (hash) {
            case 2 -> DigitalSignatureAlgorithm.DSA_WITH_SHA_1;
            case 8 -> DigitalSignatureAlgorithm.DSA_WITH_SHA256;
            case 11 -> DigitalSignatureAlgorithm.DSA_WITH_SHA224;
            default -> null;
          };
      case 19 -> // ECDSA (RFC 6637)
          switch (hash) {
            case 2 -> DigitalSignatureAlgorithm.ECDSA_WITH_SHA_1;
            case 8 -> DigitalSignatureAlgorithm.ECDSA_WITH_SHA256;
            case 9 -> DigitalSignatureAlgorithm.ECDSA_WITH_SHA384;
            case 10 -> DigitalSignatureAlgorithm.ECDSA_WITH_SHA512;
            case 11 -> DigitalSignatureAlgorithm.ECDSA_WITH_SHA224;
            default -> null;
          };
      default -> null; // EdDSA and others have no KMIP Digital Signature Algorithm
    };
  }

  /** One packet's place: its tag, where its body starts and its length (RFC 4880 §4.2). */
  private record Packet(int tag, int bodyStart, int length) {
    int end() {
      return bodyStart + length;
    }

    static @Nullable Packet at(byte[] data, int at) {
      int header = data[at] & 0xFF;
      if ((header & 0x80) == 0) {
        return null;
      }
      long length;
      int bodyStart;
      int tag;
      if ((header & 0x40) != 0) { // new format
        tag = header & 0x3F;
        if (at + 1 >= data.length) {
          return null;
        }
        int first = data[at + 1] & 0xFF;
        if (first < 192) {
          length = first;
          bodyStart = at + 2;
        } else if (first < 224) {
          if (at + 2 >= data.length) {
            return null;
          }
          length = ((first - 192L) << 8) + (data[at + 2] & 0xFF) + 192;
          bodyStart = at + 3;
        } else if (first == 255) {
          if (at + 5 >= data.length) {
            return null;
          }
          length = uint(data, at + 2, 4);
          bodyStart = at + 6;
        } else {
          return null; // partial body lengths occur in data, not in keys
        }
      } else { // old format
        tag = (header >> 2) & 0x0F;
        int lengthType = header & 0x03;
        if (lengthType == 3) {
          return null; // indeterminate length
        }
        int octets = 1 << lengthType;
        if (at + octets >= data.length) {
          return null;
        }
        length = uint(data, at + 1, octets);
        bodyStart = at + 1 + octets;
      }
      if (bodyStart + length > data.length) {
        return null;
      }
      return new Packet(tag, bodyStart, (int) length);
    }

    private static long uint(byte[] data, int at, int octets) {
      long value = 0;
      for (int i = 0; i < octets; i++) {
        value = (value << 8) | (data[at + i] & 0xFF);
      }
      return value;
    }
  }

  /** The primary key's algorithm and, for RSA and DSA, its modulus or prime length in bits. */
  private record PrimaryKey(CryptographicAlgorithm algorithm, int bits) {
    static @Nullable PrimaryKey of(byte[] data, Packet packet) {
      int body = packet.bodyStart();
      int version = packet.length() > 0 ? data[body] & 0xFF : 0;
      // v4: version, creation time (4), algorithm; v3 adds a validity period (2) before it.
      int algorithmAt = version == 4 ? body + 5 : version == 3 ? body + 7 : -1;
      if (algorithmAt < 0 || algorithmAt + 2 >= packet.end()) {
        return null;
      }
      int algorithm = data[algorithmAt] & 0xFF;
      // The first MPI (RSA n, DSA p) starts with its length in bits (RFC 4880 §3.2).
      int bits = ((data[algorithmAt + 1] & 0xFF) << 8) | (data[algorithmAt + 2] & 0xFF);
      return switch (algorithm) {
        case 1, 2, 3 -> new PrimaryKey(CryptographicAlgorithm.RSA, bits);
        case 17 -> new PrimaryKey(CryptographicAlgorithm.DSA, bits);
        case 18 -> new PrimaryKey(CryptographicAlgorithm.ECDH, 0);
        case 19 -> new PrimaryKey(CryptographicAlgorithm.ECDSA, 0);
        default -> null;
      };
    }
  }
}
