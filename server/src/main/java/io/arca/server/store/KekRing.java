package io.arca.server.store;

import io.arca.hsm.HsmKeyRef;
import io.arca.kmip.KmipException;
import io.arca.kmip.ResultReason;
import io.arca.kmip.ttlv.ByteString;
import io.arca.persistence.JdbcKekRepository;
import io.arca.persistence.StoredKek;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server KEK as the store sees it: every KEK of the database that may still wrap a row, open
 * and checked, so a row is unwrapped by the KEK it names, and the current one for what is wrapped
 * now. The database says which is current; a rotation run by another process changes that, and this
 * ring reads it again at most {@code recheck} after the last time (on a wrap), or at once when a
 * row names a KEK it has not opened yet. So while a rotation runs, rows under the old KEK and rows
 * under the new one both read, and new objects move to the new one within {@code recheck}.
 */
public final class KekRing implements KeyWrapper {
  private static final Logger log = LoggerFactory.getLogger(KekRing.class);

  private final JdbcKekRepository keks;
  private final KekSource source;
  private final long recheckNanos;
  private final LongSupplier nanoTime;
  private final Map<String, KeyWrapper> open = new ConcurrentHashMap<>();
  private final Map<String, String> unopenable = new ConcurrentHashMap<>();
  private volatile KeyWrapper current;
  private volatile long readAt;

  KekRing(
      JdbcKekRepository keks,
      KekSource source,
      Map<String, KeyWrapper> checked,
      String currentId,
      Duration recheck,
      LongSupplier nanoTime) {
    this.keks = keks;
    this.source = source;
    this.recheckNanos = recheck.toNanos();
    this.nanoTime = nanoTime;
    this.open.putAll(checked);
    KeyWrapper first = checked.get(currentId);
    if (first == null) {
      throw new IllegalArgumentException("the current KEK " + currentId + " is not open");
    }
    this.current = first;
    this.readAt = nanoTime.getAsLong();
  }

  @Override
  public String id() {
    return current.id();
  }

  /** The identifiers of the KEKs open here. */
  public List<String> openIds() {
    return open.keySet().stream().sorted().toList();
  }

  @Override
  public boolean opens(String wrappingKeyId) {
    if (open.containsKey(wrappingKeyId)) {
      return true;
    }
    if (!LocalKek.isLocalId(wrappingKeyId) && !HsmKeyRef.isHsmId(wrappingKeyId)) {
      return false;
    }
    // A local or HSM identifier this ring has not opened: a KEK a rotation has just made, or a
    // client's HSM wrapping key. The database's list of KEKs tells which.
    refresh();
    return open.containsKey(wrappingKeyId) || unopenable.containsKey(wrappingKeyId);
  }

  @Override
  public WrappedKey wrap(ByteString plaintext) {
    if (nanoTime.getAsLong() - readAt >= recheckNanos) {
      refresh();
    }
    return current.wrap(plaintext);
  }

  /** Wraps with the KEK {@code kekId}, which must be open here (for a rotation). */
  WrappedKey wrapWith(String kekId, ByteString plaintext) {
    KeyWrapper kek = open.get(kekId);
    if (kek == null) {
      refresh();
      kek = open.get(kekId);
    }
    if (kek == null) {
      throw new IllegalStateException(
          "KEK " + kekId + " cannot be opened here: " + unopenable.get(kekId));
    }
    return kek.wrap(plaintext);
  }

  @Override
  public ByteString unwrap(WrappedKey wrapped) {
    KeyWrapper kek = open.get(wrapped.wrappingKeyId());
    if (kek == null) {
      refresh();
      kek = open.get(wrapped.wrappingKeyId());
    }
    if (kek == null) {
      String why = unopenable.get(wrapped.wrappingKeyId());
      throw new KmipException(
          ResultReason.CRYPTOGRAPHIC_FAILURE,
          "the key was wrapped by "
              + wrapped.wrappingKeyId()
              + (why == null
                  ? ", not a KEK of this database"
                  : ", which cannot be opened: " + why));
    }
    return kek.unwrap(wrapped);
  }

  /**
   * Reads the database's KEKs again: opens and checks the ones not open yet, and takes the current
   * one. A KEK that cannot be opened here (its file not copied to this server, its HSM key absent)
   * is logged and left out: rows under it fail to unwrap, and while it is current new objects stay
   * under the previous KEK, which still reads everywhere.
   */
  public synchronized void refresh() {
    List<StoredKek> recorded = keks.all();
    readAt = nanoTime.getAsLong();
    for (StoredKek kek : recorded) {
      if (!kek.inUse()) {
        continue;
      }
      if (!open.containsKey(kek.kekId())) {
        try {
          KeyWrapper opened = source.open(kek.kekId());
          if (!KekCheck.matches(opened, kek)) {
            throw new IllegalStateException("its check value does not match");
          }
          open.put(kek.kekId(), opened);
          unopenable.remove(kek.kekId());
          log.info("KEK {} is open (it was added to the database)", kek.kekId());
        } catch (IOException | RuntimeException e) {
          if (unopenable.put(kek.kekId(), String.valueOf(e.getMessage())) == null) {
            log.error(
                "KEK {} of the database cannot be opened here: {}", kek.kekId(), e.getMessage());
          }
          continue;
        }
      }
      KeyWrapper opened = open.get(kek.kekId());
      if (kek.current() && opened != null && current != opened) {
        current = opened;
        log.info("new objects are now wrapped by KEK {}", kek.kekId());
      }
    }
  }

  @Override
  public String toString() {
    return "KekRing[current " + current.id() + ", open " + openIds() + "]";
  }
}
