package io.arca.server.op;

import io.arca.kmip.ObjectType;
import io.arca.kmip.ProtectionStorageMask;
import io.arca.kmip.ProtocolVersion;
import io.arca.kmip.Tag;
import io.arca.kmip.attribute.Attribute;
import io.arca.kmip.attribute.AttributeRules;
import io.arca.kmip.attribute.Attributes;
import io.arca.kmip.ttlv.TtlvBoolean;
import io.arca.kmip.ttlv.TtlvByteString;
import io.arca.kmip.ttlv.TtlvInteger;
import io.arca.kmip.ttlv.TtlvInterval;
import io.arca.server.crypto.Digests;
import io.arca.server.crypto.ServerRandom;
import io.arca.server.store.ObjectRecord;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The attributes the server keeps for every object beyond those of its record: set when the object
 * is made (Always Sensitive, Never Extractable, Lease Time, Random Number Generator), kept true as
 * the client edits Sensitive and Extractable, and derived when read (Short Unique Identifier,
 * Protection Storage Mask).
 */
final class ServerAttributes {
  private ServerAttributes() {}

  /**
   * The longest a client may use an object before it asks again (Obtain Lease). Arca does not
   * revoke leases, so this is the interval after which a careful client re-reads the object's
   * state.
   */
  private static final AttributeRules RULES = AttributeRules.standard();

  static final Duration LEASE = Duration.ofHours(1);

  /**
   * What the server adds to a new object of {@code type} with {@code clientAttributes}: Fresh (true
   * unless the client chose), Sensitive and Extractable always have a value (false and true unless
   * the client chose), and the history flags start from them.
   */
  static List<Attribute> atCreation(
      ObjectType type,
      Attributes clientAttributes,
      boolean generatedHere,
      ProtocolVersion version) {
    List<Attribute> added = new ArrayList<>();
    if (clientAttributes.first(Tag.FRESH.code()) == null) {
      added.add(Attribute.of(new TtlvBoolean(Tag.FRESH.code(), true)));
    }
    if (type == ObjectType.TEMPLATE) {
      return added; // a template's attributes are for the objects made with it
    }
    if (clientAttributes.first(Tag.SENSITIVE.code()) == null) {
      added.add(Attribute.of(new TtlvBoolean(Tag.SENSITIVE.code(), false)));
    }
    if (clientAttributes.first(Tag.EXTRACTABLE.code()) == null) {
      added.add(Attribute.of(new TtlvBoolean(Tag.EXTRACTABLE.code(), true)));
    }
    added.add(
        Attribute.of(
            new TtlvBoolean(
                Tag.ALWAYS_SENSITIVE.code(), flag(clientAttributes, Tag.SENSITIVE, false))));
    added.add(
        Attribute.of(
            new TtlvBoolean(
                Tag.NEVER_EXTRACTABLE.code(), !flag(clientAttributes, Tag.EXTRACTABLE, true))));
    if (type != ObjectType.OPAQUE_OBJECT) { // 1.4 leases cryptographic objects only
      added.add(Attribute.of(new TtlvInterval(Tag.LEASE_TIME.code(), LEASE.toSeconds())));
    }
    // KMIP 2.1 §4.46: set by the server for what it generated; a registered object's comes from
    // its client, if at all. The attribute came with 1.3 for the client to set, and only 1.4 made
    // the server set it on what it creates (the 1.3 test cases, SKFF-M-9-13, TL-M-3-13, list none
    // on a created key): an object made by a 1.3 request has the client's alone.
    if (generatedHere
        && version.isAtLeast(ProtocolVersion.V1_4)
        && clientAttributes.first(Tag.RANDOM_NUMBER_GENERATOR.code()) == null) {
      added.add(Attribute.of(ServerRandom.describe(Tag.RANDOM_NUMBER_GENERATOR.code())));
    }
    return added;
  }

  /**
   * The values a new object of {@code type} gets for the attributes a client of {@code version} may
   * set when it makes one but did not (Query Defaults Information): what {@link #atCreation} adds
   * to a request without attributes, less what only the server sets.
   */
  static Attributes defaults(ObjectType type, ProtocolVersion version) {
    List<Attribute> defaults = new ArrayList<>();
    for (Attribute attribute : atCreation(type, Attributes.EMPTY, false, version)) {
      if (RULES.isClientSettableAtCreation(attribute.reference(), version)
          && RULES.appliesTo(attribute.reference(), type, version)) {
        defaults.add(attribute);
      }
    }
    return new Attributes(defaults, List.of());
  }

  /**
   * {@code next}, the attributes an edit leaves, with Always Sensitive and Never Extractable false
   * once Sensitive has been false or Extractable true: they record the object's whole history.
   */
  static Attributes afterEdit(Attributes next) {
    Attributes result = next;
    if (!flag(next, Tag.SENSITIVE, false) && flag(next, Tag.ALWAYS_SENSITIVE, false)) {
      result =
          ObjectAttributes.replace(
              result, Attribute.of(new TtlvBoolean(Tag.ALWAYS_SENSITIVE.code(), false)));
    }
    if (flag(next, Tag.EXTRACTABLE, true) && flag(next, Tag.NEVER_EXTRACTABLE, false)) {
      result =
          ObjectAttributes.replace(
              result, Attribute.of(new TtlvBoolean(Tag.NEVER_EXTRACTABLE.code(), false)));
    }
    return result;
  }

  /**
   * The attributes derived from the record when it is read: the Short Unique Identifier (the
   * SHA-256 of the Unique Identifier, as KMIP 2.1 §4.54 recommends) and the Protection Storage Mask
   * (software storage: the database holds the object wrapped).
   */
  static List<Attribute> derived(ObjectRecord record) {
    return List.of(
        Attribute.of(
            TtlvByteString.of(
                Tag.SHORT_UNIQUE_IDENTIFIER.code(),
                Digests.digest("SHA-256", record.uid().getBytes(StandardCharsets.UTF_8)))),
        Attribute.of(
            new TtlvInteger(
                Tag.PROTECTION_STORAGE_MASK.code(), ProtectionStorageMask.SOFTWARE.value())));
  }

  static boolean flag(Attributes attributes, Tag tag, boolean absent) {
    Attribute attribute = attributes.first(tag.code());
    return (attribute != null && attribute.value() instanceof TtlvBoolean b) ? b.value() : absent;
  }
}
