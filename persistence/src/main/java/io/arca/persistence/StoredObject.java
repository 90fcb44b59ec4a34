package io.arca.persistence;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One row of {@code objects} with its attributes: the key block is already wrapped (or absent, e.g.
 * once destroyed), and type, state and owner are opaque strings chosen by the server.
 *
 * <p>Attributes are kept sorted by name, then index. Timestamps are kept to the millisecond, as
 * stored. {@code version} is the optimistic concurrency counter: 1 after insert, one more after
 * every update.
 */
public record StoredObject(
    String uid,
    String objectType,
    String state,
    String owner,
    @Nullable Blob keyBlock,
    @Nullable String wrappingKeyId,
    @Nullable String wrappingMechanism,
    @Nullable String algorithm,
    @Nullable Integer length,
    Instant createdAt,
    Instant updatedAt,
    long version,
    List<ObjectAttribute> attributes) {

  public StoredObject {
    Objects.requireNonNull(uid, "uid");
    Objects.requireNonNull(objectType, "objectType");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(owner, "owner");
    createdAt = createdAt.truncatedTo(ChronoUnit.MILLIS);
    updatedAt = updatedAt.truncatedTo(ChronoUnit.MILLIS);
    // One canonical order, so that an object equals itself read back from any database.
    attributes =
        attributes.stream()
            .sorted(
                Comparator.comparing(ObjectAttribute::name).thenComparing(ObjectAttribute::index))
            .toList();
  }

  /** This object with another state, at the same version (pass it to an update). */
  public StoredObject withState(String newState, Instant now) {
    return new StoredObject(
        uid,
        objectType,
        newState,
        owner,
        keyBlock,
        wrappingKeyId,
        wrappingMechanism,
        algorithm,
        length,
        createdAt,
        now,
        version,
        attributes);
  }

  /** This object with other attributes, at the same version (pass it to an update). */
  public StoredObject withAttributes(List<ObjectAttribute> newAttributes, Instant now) {
    return new StoredObject(
        uid,
        objectType,
        state,
        owner,
        keyBlock,
        wrappingKeyId,
        wrappingMechanism,
        algorithm,
        length,
        createdAt,
        now,
        version,
        newAttributes);
  }

  /** This object with its key block removed (a destroyed key keeps its metadata). */
  public StoredObject withoutKeyBlock(String newState, Instant now) {
    return new StoredObject(
        uid,
        objectType,
        newState,
        owner,
        null,
        wrappingKeyId,
        wrappingMechanism,
        algorithm,
        length,
        createdAt,
        now,
        version,
        attributes);
  }

  StoredObject atVersion(long newVersion) {
    return new StoredObject(
        uid,
        objectType,
        state,
        owner,
        keyBlock,
        wrappingKeyId,
        wrappingMechanism,
        algorithm,
        length,
        createdAt,
        updatedAt,
        newVersion,
        attributes);
  }
}
