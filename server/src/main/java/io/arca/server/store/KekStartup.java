package io.arca.server.store;

import io.arca.kmip.KmipException;
import io.arca.kmip.ResultReason;
import io.arca.persistence.Blob;
import io.arca.persistence.JdbcAuditRepository;
import io.arca.persistence.JdbcKekRepository;
import io.arca.persistence.StoredAuditKey;
import io.arca.persistence.StoredKek;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens the server's KEKs at start and refuses a KEK that is not the database's, naming the case: a
 * wrong {@code kek} file, a missing one while the database holds objects, another server's key, an
 * HSM key that is absent or replaced, a configured KEK the database does not use. A database with
 * no KEK recorded (new, or from before KEKs were recorded) records the one it starts with, after
 * checking that it unwraps the audit keys such a database already holds.
 */
public final class KekStartup {
  private static final Logger log = LoggerFactory.getLogger(KekStartup.class);
  private static final int ATTEMPTS = 3;

  private KekStartup() {}

  /**
   * The ring of the database's KEKs, each opened from {@code source} and checked.
   *
   * @param configuredKekId the {@code --kek-id} HSM key, or null for a local KEK
   * @throws KekMismatchException when a KEK is missing or not the database's
   */
  public static KekRing open(
      JdbcKekRepository keks,
      JdbcAuditRepository audit,
      KekSource source,
      @Nullable String configuredKekId,
      Duration recheck)
      throws IOException {
    for (int attempt = 1; ; attempt++) {
      List<StoredKek> recorded = keks.all().stream().filter(StoredKek::inUse).toList();
      if (!recorded.isEmpty()) {
        return openRecorded(keks, source, configuredKekId, recorded, recheck);
      }
      KeyWrapper first = firstKek(keks, audit, source, configuredKekId);
      WrappedKey check = KekCheck.of(first);
      boolean registered =
          keks.register(
              new StoredKek(
                  first.id(),
                  Blob.copyOf(check.bytes().toByteArray()),
                  check.mechanism(),
                  source.madeBy(),
                  Instant.now().toEpochMilli(),
                  true,
                  null));
      if (registered) {
        log.info("the database records KEK {} as its KEK", first.id());
      } else if (attempt == ATTEMPTS) {
        throw new IllegalStateException("the database's KEK record keeps changing; try again");
      }
      // Another server that started at the same time may have recorded its own: read again.
    }
  }

  /** The KEK of a database that records none yet: a new database, or one from before V005. */
  private static KeyWrapper firstKek(
      JdbcKekRepository keks,
      JdbcAuditRepository audit,
      KekSource source,
      @Nullable String configuredKekId)
      throws IOException {
    Optional<StoredAuditKey> chainKey = audit.key(StoredAuditKey.CHAIN);
    boolean holdsObjects = keks.holdsObjects() || chainKey.isPresent();
    KeyWrapper kek;
    if (configuredKekId != null) {
      kek = openHsm(source, configuredKekId, holdsObjects ? "the database holds objects" : null);
    } else {
      String file = source.fileOf(LocalKek.ID).toString();
      if (Files.exists(source.fileOf(LocalKek.ID))) {
        kek = source.open(LocalKek.ID);
      } else if (holdsObjects) {
        throw new KekMismatchException(
            "missing KEK file: "
                + file
                + " does not exist, but the database holds objects wrapped by a local KEK."
                + " Restore the file from the backup of this data directory (or copy it from the"
                + " server that made it, if servers share this database); a new KEK would not open"
                + " them, so none is made");
      } else {
        return source.createFirstLocal();
      }
    }
    if (chainKey.isPresent()) {
      // Every database that ever served holds the audit keys, wrapped by its KEK: they say which
      // KEK it has, and whether this one is it.
      StoredAuditKey stored = chainKey.get();
      if (!stored.kekId().equals(kek.id())) {
        throw new KekMismatchException(
            "this server's KEK is "
                + kek.id()
                + ", but the database's objects are wrapped by "
                + stored.kekId()
                + (configuredKekId == null
                    ? "; set --kek-id " + stored.kekId()
                    : "; start with the KEK the database has, then move the objects with"
                        + " 'arca-server kek rotate --to "
                        + configuredKekId
                        + "'"));
      }
      WrappedKey wrapped =
          new WrappedKey(
              stored.kekId(),
              stored.mechanism(),
              io.arca.kmip.ttlv.ByteString.copyOf(stored.wrapped().toByteArray()));
      try {
        kek.unwrap(wrapped).wipe();
      } catch (KmipException e) {
        if (e.reason() != ResultReason.CRYPTOGRAPHIC_FAILURE) {
          throw e;
        }
        throw new KekMismatchException(
            (LocalKek.isLocalId(kek.id())
                    ? "wrong KEK file: " + source.fileOf(kek.id())
                    : "the HSM key " + kek.id())
                + " is not the KEK that wrapped this database's keys (it does not unwrap them);"
                + " restore the right one");
      }
    }
    return kek;
  }

  private static KekRing openRecorded(
      JdbcKekRepository keks,
      KekSource source,
      @Nullable String configuredKekId,
      List<StoredKek> recorded,
      Duration recheck)
      throws IOException {
    StoredKek current =
        recorded.stream().filter(StoredKek::current).findFirst().orElse(recorded.get(0));
    if (configuredKekId != null
        && recorded.stream().noneMatch(k -> k.kekId().equals(configuredKekId))) {
      boolean retired = keks.all().stream().anyMatch(k -> k.kekId().equals(configuredKekId));
      throw new KekMismatchException(
          "kek-id "
              + configuredKekId
              + (retired ? " was retired" : " is not a KEK of this database")
              + ": its objects are wrapped by "
              + current.kekId()
              + (retired
                  ? "; set --kek-id to it"
                  : ". To move them under "
                      + configuredKekId
                      + ", start with --kek-id "
                      + current.kekId()
                      + " and run 'arca-server kek rotate --to "
                      + configuredKekId
                      + "'"));
    }
    if (configuredKekId == null
        && recorded.stream().noneMatch(k -> LocalKek.isLocalId(k.kekId()))) {
      throw new KekMismatchException(
          "no --kek-id given, so a local KEK, but the database's objects are wrapped by the HSM key "
              + current.kekId()
              + "; set --kek-id "
              + current.kekId());
    }
    Map<String, KeyWrapper> checked = new LinkedHashMap<>();
    for (StoredKek stored : recorded) {
      KeyWrapper kek;
      try {
        kek = open(source, stored, keks);
      } catch (KekMismatchException e) {
        if (!stored.current() && keks.countWrappedBy(stored.kekId()) == 0) {
          log.warn(
              "KEK {} wraps nothing any more and cannot be opened ({}); retire it with"
                  + " 'arca-server kek retire {}'",
              stored.kekId(),
              e.getMessage(),
              stored.kekId());
          continue;
        }
        throw e;
      }
      checked.put(stored.kekId(), kek);
    }
    String configured = configuredKekId == null ? current.kekId() : configuredKekId;
    if (!configured.equals(current.kekId())) {
      log.warn(
          "the configured KEK {} is not the database's current KEK {}: new objects are wrapped"
              + " by {}; set --kek-id to it",
          configured,
          current.kekId(),
          current.kekId());
    }
    return new KekRing(keks, source, checked, current.kekId(), recheck, System::nanoTime);
  }

  private static KeyWrapper open(KekSource source, StoredKek stored, JdbcKekRepository keks)
      throws IOException {
    String id = stored.kekId();
    KeyWrapper kek;
    if (LocalKek.isLocalId(id)) {
      try {
        kek = source.open(id);
      } catch (NoSuchFileException e) {
        throw new KekMismatchException(
            "missing KEK file: "
                + source.fileOf(id)
                + " does not exist, but the database holds "
                + keks.countWrappedBy(id)
                + " objects and keys wrapped by local KEK "
                + id
                + " (made by "
                + stored.madeBy()
                + "). Restore the file from the backup of that data directory, or copy it from"
                + " that server if this one shares its database; a new KEK would not open them");
      }
    } else {
      kek = openHsm(source, id, keks.countWrappedBy(id) + " objects and keys are wrapped by it");
    }
    if (!KekCheck.matches(kek, stored)) {
      if (!LocalKek.isLocalId(id)) {
        throw new KekMismatchException(
            "HSM key "
                + id
                + " is not the key this database recorded under that name (its check value does"
                + " not unwrap): was the key replaced? Restore the original key to the token");
      }
      if (stored.madeBy().equals(source.madeBy())) {
        throw new KekMismatchException(
            "wrong KEK file: "
                + source.fileOf(id)
                + " is not local KEK "
                + id
                + " of this database (its check value does not unwrap); was the file replaced?"
                + " Restore the one this server made");
      }
      throw new KekMismatchException(
          "another server's key: "
              + source.fileOf(id)
              + " is not local KEK "
              + id
              + " of this database, which "
              + stored.madeBy()
              + " made; servers sharing a database share its KEK: copy that server's file here");
    }
    return kek;
  }

  private static KeyWrapper openHsm(KekSource source, String id, @Nullable String stakes)
      throws IOException {
    try {
      return source.open(id);
    } catch (KmipException e) {
      if (e.reason() == ResultReason.WRAPPING_OBJECT_NOT_FOUND) {
        throw new KekMismatchException(
            "HSM key absent: "
                + id
                + " is not in the HSM"
                + (stakes == null ? "" : ", and " + stakes)
                + " ("
                + e.getMessage()
                + ")");
      }
      throw e;
    }
  }
}
