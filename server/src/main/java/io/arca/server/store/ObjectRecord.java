package io.arca.server.store;

import io.arca.kmip.LinkType;
import io.arca.kmip.ObjectType;
import io.arca.kmip.State;
import io.arca.kmip.Tag;
import io.arca.kmip.attribute.Attribute;
import io.arca.kmip.attribute.Attributes;
import io.arca.kmip.ttlv.TtlvEnumeration;
import io.arca.kmip.ttlv.TtlvStructure;
import io.arca.kmip.ttlv.TtlvTextString;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A managed object as the handlers see it, without its key material: identity, type, lifecycle
 * state, owner and attributes. The fields here are authoritative; {@code attributes} holds the rest
 * (Name, Cryptographic Algorithm, custom attributes, ...) and never Unique Identifier, Object Type
 * or State, which a handler adds when it answers.
 *
 * @param hasContent whether the object still has its key material (false once destroyed); an update
 *     that clears it erases the stored material
 * @param wrappingKeyId the managed key that protects the material at rest when the client chose
 *     one, or null for the server KEK
 * @param version 0 for an object not yet stored, then the stored version (optimistic concurrency)
 */
public record ObjectRecord(
    String uid,
    ObjectType objectType,
    State state,
    String owner,
    Attributes attributes,
    boolean hasContent,
    @Nullable String wrappingKeyId,
    Instant createdAt,
    Instant updatedAt,
    long version) {

  public ObjectRecord {
    Objects.requireNonNull(uid, "uid");
    Objects.requireNonNull(objectType, "objectType");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(attributes, "attributes");
    // Stored to the millisecond; trimming here makes a record equal itself read back.
    createdAt = createdAt.truncatedTo(ChronoUnit.MILLIS);
    updatedAt = updatedAt.truncatedTo(ChronoUnit.MILLIS);
  }

  /** A new object with key material, not yet stored. */
  public static ObjectRecord draft(
      String uid,
      ObjectType objectType,
      State state,
      String owner,
      Attributes attributes,
      @Nullable String wrappingKeyId,
      Instant now) {
    return new ObjectRecord(
        uid, objectType, state, owner, attributes, true, wrappingKeyId, now, now, 0);
  }

  /** This object in another state. */
  public ObjectRecord withState(State newState, Instant now) {
    return new ObjectRecord(
        uid,
        objectType,
        newState,
        owner,
        attributes,
        hasContent,
        wrappingKeyId,
        createdAt,
        now,
        version);
  }

  /** This object with other attributes. */
  public ObjectRecord withAttributes(Attributes newAttributes, Instant now) {
    return new ObjectRecord(
        uid,
        objectType,
        state,
        owner,
        newAttributes,
        hasContent,
        wrappingKeyId,
        createdAt,
        now,
        version);
  }

  /** This object in {@code newState} with its key material gone, metadata kept. */
  public ObjectRecord withoutContent(State newState, Instant now) {
    return new ObjectRecord(
        uid,
        objectType,
        newState,
        owner,
        attributes,
        false,
        wrappingKeyId,
        createdAt,
        now,
        version);
  }

  /** The object the first Link of {@code type} names, or null when it has none. */
  public @Nullable String linked(LinkType type) {
    for (Attribute link : attributes.all(Tag.LINK.code())) {
      if (link.value() instanceof TtlvStructure value
          && value.first(Tag.LINK_TYPE.code()) instanceof TtlvEnumeration linkType
          && linkType.value() == type.value()
          && value.first(Tag.LINKED_OBJECT_IDENTIFIER.code()) instanceof TtlvTextString uid) {
        return uid.value();
      }
    }
    return null;
  }
}
