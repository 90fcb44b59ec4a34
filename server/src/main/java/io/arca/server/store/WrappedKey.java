package io.arca.server.store;

import io.arca.kmip.ttlv.ByteString;
import java.util.Objects;

/**
 * Key material as it may be stored: the bytes after wrapping, which key wrapped them and how, so
 * that a KEK can be rotated later and each record says how to open it.
 *
 * @param wrappingKeyId the identifier of the key-encryption key (e.g. {@code local-kek}, or an
 *     {@code hsm::} id)
 * @param mechanism the wrapping mechanism, e.g. {@link #AES_KWP}
 * @param bytes the wrapped bytes
 */
public record WrappedKey(String wrappingKeyId, String mechanism, ByteString bytes) {
  /** AES key wrap with padding (RFC 5649). */
  public static final String AES_KWP = "AES-KWP";

  /**
   * A fresh AES-256 key under RSA-OAEP (SHA-256, MGF1-SHA-256), then the content under that key by
   * AES-KWP: the layout of PKCS#11 {@code CKM_RSA_AES_KEY_WRAP}.
   */
  public static final String RSA_OAEP_SHA256_AES_KWP = "RSA-OAEP-SHA256+AES-KWP";

  public WrappedKey {
    Objects.requireNonNull(wrappingKeyId, "wrappingKeyId");
    Objects.requireNonNull(mechanism, "mechanism");
    Objects.requireNonNull(bytes, "bytes");
  }
}
