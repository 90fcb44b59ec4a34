package io.arca.persistence;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A row of {@code audit_keys}: an audit key as stored, wrapped by the server KEK.
 *
 * @param name {@link #CHAIN} or {@link #CHECKPOINT}
 * @param kekId the key-encryption key that wrapped it
 * @param mechanism how it was wrapped
 * @param wrapped the wrapped key
 * @param publicKey the public half of a signing key (X.509 encoding), or null
 * @param startsAtSeq for the chain key, the seq of the record that marks where keying starts
 */
public record StoredAuditKey(
    String name,
    String kekId,
    String mechanism,
    Blob wrapped,
    @Nullable Blob publicKey,
    @Nullable Long startsAtSeq) {
  /** The chain's HMAC-SHA256 key. */
  public static final String CHAIN = "chain";

  /** The checkpoint signing key (Ed25519, PKCS#8 before wrapping). */
  public static final String CHECKPOINT = "checkpoint";

  public StoredAuditKey {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(kekId, "kekId");
    Objects.requireNonNull(mechanism, "mechanism");
    Objects.requireNonNull(wrapped, "wrapped");
  }
}
