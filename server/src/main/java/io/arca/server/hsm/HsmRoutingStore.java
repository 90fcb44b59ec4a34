package io.arca.server.hsm;

import io.arca.hsm.HsmKeyRef;
import io.arca.kmip.ttlv.TtlvStructure;
import io.arca.server.store.ClientSettings;
import io.arca.server.store.ObjectContent;
import io.arca.server.store.ObjectQuery;
import io.arca.server.store.ObjectRecord;
import io.arca.server.store.ObjectStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * The store the handlers see: {@code hsm::} identifiers go to the HSM's objects, every other one to
 * the database. Without an HSM, {@code hsm::} identifiers name nothing. Locate answers the HSM's
 * matches first, then the database's, so that offsets stay stable across pages.
 */
public final class HsmRoutingStore implements ObjectStore {
  private final ObjectStore database;
  private final @Nullable HsmObjects hsm;

  /** A router over {@code database} and, when one is configured, {@code hsm}. */
  public HsmRoutingStore(ObjectStore database, @Nullable HsmObjects hsm) {
    this.database = database;
    this.hsm = hsm;
  }

  private @Nullable ObjectStore hsmFor(String uid) {
    return HsmKeyRef.isHsmId(uid) ? hsm : null;
  }

  @Override
  public ObjectRecord create(ObjectRecord draft, TtlvStructure content) {
    ObjectStore target = hsmFor(draft.uid());
    return (target != null ? target : database).create(draft, content);
  }

  @Override
  public Optional<ObjectRecord> find(String uid) {
    if (HsmKeyRef.isHsmId(uid)) {
      return hsm == null ? Optional.empty() : hsm.find(uid);
    }
    return database.find(uid);
  }

  @Override
  public Optional<ObjectRecord> findCached(String uid) {
    return HsmKeyRef.isHsmId(uid) ? Optional.empty() : database.findCached(uid);
  }

  @Override
  public Optional<ObjectRecord> findConfirmed(String uid) {
    return HsmKeyRef.isHsmId(uid) ? find(uid) : database.findConfirmed(uid);
  }

  @Override
  public Optional<ObjectContent> content(String uid) {
    if (HsmKeyRef.isHsmId(uid)) {
      return hsm == null ? Optional.empty() : hsm.content(uid);
    }
    return database.content(uid);
  }

  /** The token's keys are never in memory: every use of one is a call to the token. */
  @Override
  public Optional<ObjectContent> contentInMemory(String uid) {
    return HsmKeyRef.isHsmId(uid) ? Optional.empty() : database.contentInMemory(uid);
  }

  @Override
  public ObjectRecord update(String uid, UnaryOperator<ObjectRecord> change) {
    ObjectStore target = hsmFor(uid);
    return (target != null ? target : database).update(uid, change);
  }

  @Override
  public boolean delete(String uid) {
    if (HsmKeyRef.isHsmId(uid)) {
      return hsm != null && hsm.delete(uid);
    }
    return database.delete(uid);
  }

  /** The database's objects: only they are stored wrapped; an HSM key is refused as by default. */
  @Override
  public ObjectRecord rewrap(
      String uid, @Nullable String wrappingKeyId, UnaryOperator<ObjectRecord> change) {
    return HsmKeyRef.isHsmId(uid)
        ? ObjectStore.super.rewrap(uid, wrappingKeyId, change)
        : database.rewrap(uid, wrappingKeyId, change);
  }

  /** The database's objects: only they are stored wrapped, by a database or an HSM key. */
  @Override
  public long wrappedBy(String keyId) {
    return database.wrappedBy(keyId);
  }

  @Override
  public List<String> locate(ObjectQuery query) {
    if (hsm == null) {
      return database.locate(query);
    }
    List<String> fromHsm =
        hsm.locate(
            new ObjectQuery(
                query.owner(),
                query.objectType(),
                query.state(),
                query.attributes(),
                0,
                Integer.MAX_VALUE));
    List<String> out = new ArrayList<>();
    int skip = query.offset();
    for (String uid : fromHsm) {
      if (skip > 0) {
        skip--;
      } else if (out.size() < query.limit()) {
        out.add(uid);
      }
    }
    int wanted = query.limit() - out.size();
    if (wanted > 0) {
      out.addAll(
          database.locate(
              new ObjectQuery(
                  query.owner(),
                  query.objectType(),
                  query.state(),
                  query.attributes(),
                  Math.max(0, query.offset() - fromHsm.size()),
                  wanted)));
    }
    return out;
  }

  /** The database's: an HSM keeps no settings. */
  @Override
  public ClientSettings settings() {
    return database.settings();
  }
}
