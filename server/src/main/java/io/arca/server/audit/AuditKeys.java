package io.arca.server.audit;

import io.arca.kmip.ttlv.ByteString;
import io.arca.persistence.AuditChain;
import io.arca.persistence.AuditChainKey;
import io.arca.persistence.AuditCheckpoint;
import io.arca.persistence.AuditEntry;
import io.arca.persistence.AuditRecord;
import io.arca.persistence.Blob;
import io.arca.persistence.JdbcAuditRepository;
import io.arca.persistence.StoredAuditKey;
import io.arca.server.store.KeyWrapper;
import io.arca.server.store.WrappedKey;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The audit chain's keys, kept in the database wrapped by the server KEK (a local KEK, or an HSM
 * key that unwraps inside the HSM) and shared by the servers of one database: the HMAC-SHA256 chain
 * key, and the Ed25519 key that signs checkpoints. The first server to start on a database makes
 * them and appends the record that marks where the chain becomes keyed.
 */
public final class AuditKeys {
  private static final String SIGNATURE = "Ed25519";

  private final AuditChain.Keying keying;
  private final PrivateKey signingKey;
  private final PublicKey publicKey;

  private AuditKeys(AuditChain.Keying keying, PrivateKey signingKey, PublicKey publicKey) {
    this.keying = keying;
    this.signingKey = signingKey;
    this.publicKey = publicKey;
  }

  /** The keys stored in the database, made (and the chain keyed from now on) if there are none. */
  public static AuditKeys openOrCreate(
      JdbcAuditRepository repository, KeyWrapper kek, SecureRandom random) {
    if (repository.key(StoredAuditKey.CHECKPOINT).isEmpty()) {
      try {
        KeyPair pair = KeyPairGenerator.getInstance(SIGNATURE).generateKeyPair();
        byte[] pkcs8 = pair.getPrivate().getEncoded();
        ByteString plain = ByteString.copyOf(pkcs8);
        try {
          WrappedKey wrapped = kek.wrap(plain);
          repository.addKey(
              new StoredAuditKey(
                  StoredAuditKey.CHECKPOINT,
                  wrapped.wrappingKeyId(),
                  wrapped.mechanism(),
                  Blob.copyOf(wrapped.bytes().toByteArray()),
                  Blob.copyOf(pair.getPublic().getEncoded()),
                  null),
              null,
              null);
        } finally {
          Arrays.fill(pkcs8, (byte) 0);
          plain.wipe();
        }
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException("every JDK 15+ has Ed25519", e);
      }
    }
    if (repository.key(StoredAuditKey.CHAIN).isEmpty()) {
      byte[] secret = new byte[32];
      random.nextBytes(secret);
      ByteString plain = ByteString.copyOf(secret);
      try {
        WrappedKey wrapped = kek.wrap(plain);
        repository.addKey(
            new StoredAuditKey(
                StoredAuditKey.CHAIN,
                wrapped.wrappingKeyId(),
                wrapped.mechanism(),
                Blob.copyOf(wrapped.bytes().toByteArray()),
                null,
                null),
            AuditChainKey.of(secret),
            new AuditEntry(
                System.currentTimeMillis(),
                "arca-server",
                "local",
                AuditRecord.KEYED,
                "",
                "Success",
                null));
      } finally {
        Arrays.fill(secret, (byte) 0);
        plain.wipe();
      }
    }
    return open(repository, kek).orElseThrow();
  }

  /** The keys stored in the database, unwrapped by {@code kek}, or empty when there are none. */
  public static Optional<AuditKeys> open(JdbcAuditRepository repository, KeyWrapper kek) {
    Optional<StoredAuditKey> chain = repository.key(StoredAuditKey.CHAIN);
    Optional<StoredAuditKey> checkpoint = repository.key(StoredAuditKey.CHECKPOINT);
    if (chain.isEmpty() || checkpoint.isEmpty()) {
      return Optional.empty();
    }
    byte[] secret = unwrap(kek, chain.get());
    byte[] pkcs8 = unwrap(kek, checkpoint.get());
    try {
      KeyFactory factory = KeyFactory.getInstance(SIGNATURE);
      return Optional.of(
          new AuditKeys(
              new AuditChain.Keying(
                  Objects.requireNonNull(chain.get().startsAtSeq(), "the chain key's start"),
                  AuditChainKey.of(secret)),
              factory.generatePrivate(new PKCS8EncodedKeySpec(pkcs8)),
              publicKey(checkpoint.get()).orElseThrow()));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the stored checkpoint key cannot be read", e);
    } finally {
      Arrays.fill(secret, (byte) 0);
      Arrays.fill(pkcs8, (byte) 0);
    }
  }

  /** The checkpoint signing key's public half as stored, or empty without one. */
  public static Optional<PublicKey> publicKey(StoredAuditKey stored) {
    if (stored.publicKey() == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(
          KeyFactory.getInstance(SIGNATURE)
              .generatePublic(new X509EncodedKeySpec(stored.publicKey().toByteArray())));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the stored checkpoint public key cannot be read", e);
    }
  }

  private static byte[] unwrap(KeyWrapper kek, StoredAuditKey stored) {
    ByteString plain =
        kek.unwrap(
            new WrappedKey(
                stored.kekId(),
                stored.mechanism(),
                ByteString.copyOf(stored.wrapped().toByteArray())));
    try {
      return plain.toByteArray();
    } finally {
      plain.wipe();
    }
  }

  /** Where the legacy chain is keyed, and the chain key. */
  public AuditChain.Keying keying() {
    return keying;
  }

  /**
   * Where chain {@code chain} is keyed: the legacy chain from its keying record, a node's chain
   * from its first record (which marks it).
   */
  public AuditChain.Keying keying(String chain) {
    return chain.equals(AuditRecord.LEGACY) ? keying : new AuditChain.Keying(1, keying.key());
  }

  /** The checkpoint signing key's public half. */
  public PublicKey publicKey() {
    return publicKey;
  }

  /**
   * A checkpoint of a chain's head, signed now, with the other chains' heads seen (may be empty).
   */
  public AuditCheckpoint sign(AuditRecord head, List<AuditCheckpoint.Head> others, long now) {
    StringBuilder seen = new StringBuilder();
    for (AuditCheckpoint.Head other : others) {
      seen.append(seen.length() == 0 ? "" : " ").append(other);
    }
    try {
      Signature signer = Signature.getInstance(SIGNATURE);
      signer.initSign(signingKey);
      signer.update(
          AuditCheckpoint.signedText(head.chain(), head.seq(), head.hash(), now, seen.toString())
              .getBytes(StandardCharsets.UTF_8));
      return new AuditCheckpoint(
          head.chain(),
          head.seq(),
          head.hash(),
          now,
          seen.toString(),
          Base64.getEncoder().encodeToString(signer.sign()));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("signing an audit checkpoint failed", e);
    }
  }

  /** Whether the checkpoint's signature is {@code publicKey}'s. */
  public static boolean signatureHolds(AuditCheckpoint checkpoint, PublicKey publicKey) {
    try {
      Signature verifier = Signature.getInstance(SIGNATURE);
      verifier.initVerify(publicKey);
      verifier.update(checkpoint.signedText().getBytes(StandardCharsets.UTF_8));
      return verifier.verify(Base64.getDecoder().decode(checkpoint.signature()));
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      return false;
    }
  }

  @Override
  public String toString() {
    return "AuditKeys[chain keyed from " + keying.fromSeq() + "]";
  }
}
