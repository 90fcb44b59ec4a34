package io.arca.server.op;

import io.arca.kmip.KmipException;
import io.arca.kmip.LinkType;
import io.arca.kmip.ProtocolVersion;
import io.arca.kmip.ResultReason;
import io.arca.kmip.Tag;
import io.arca.kmip.attribute.Attribute;
import io.arca.kmip.attribute.AttributeReference;
import io.arca.kmip.attribute.Attributes;
import io.arca.kmip.payload.AccessGrant;
import io.arca.kmip.ttlv.TtlvDateTime;
import io.arca.server.batch.RequestContext;
import io.arca.server.store.ObjectRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What Re-key and Re-key Key Pair share (KMIP 1.4 §4.4-4.5, 2.0 §6.1.42-43, 2.1 §6.1.46-47; 1.0-1.3
 * as 1.4): which attributes of the old key its replacement takes over, the dates an Offset moves,
 * the Usage Limits budget, what the old key keeps, and the refusals both operations answer alike.
 */
final class Replacements {
  private Replacements() {}

  /** The dates Re-key derives from the old key's (1.4 Table 172, 2.1 Table 303). */
  static final List<Tag> KEY_DATES =
      List.of(
          Tag.ACTIVATION_DATE,
          Tag.PROCESS_START_DATE,
          Tag.PROTECT_STOP_DATE,
          Tag.DEACTIVATION_DATE);

  /** The dates Re-key Key Pair derives from the old pair's (1.4 Table 176, 2.1 Table 308). */
  static final List<Tag> PAIR_DATES = List.of(Tag.ACTIVATION_DATE, Tag.DEACTIVATION_DATE);

  /**
   * What the replacement never takes over: the Attribute Requirements tables' "new value",
   * "recomputed", "set to the current time" and "not set" rows (1.4 Tables 173 and 177, 2.1 Tables
   * 304 and 309), and what the server sets on every new object or derives when it is read. Names
   * and Usage Limits have rules of their own.
   */
  private static final Set<Integer> NOT_CARRIED =
      Set.of(
          Tag.UNIQUE_IDENTIFIER.code(),
          Tag.DIGEST.code(),
          Tag.LINK.code(),
          Tag.STATE.code(),
          Tag.INITIAL_DATE.code(),
          Tag.LAST_CHANGE_DATE.code(),
          Tag.ORIGINAL_CREATION_DATE.code(),
          Tag.FRESH.code(),
          Tag.DESTROY_DATE.code(),
          Tag.COMPROMISE_DATE.code(),
          Tag.COMPROMISE_OCCURRENCE_DATE.code(),
          Tag.ARCHIVE_DATE.code(),
          Tag.REVOCATION_REASON.code(),
          Tag.LEASE_TIME.code(),
          Tag.ALWAYS_SENSITIVE.code(),
          Tag.NEVER_EXTRACTABLE.code(),
          Tag.RANDOM_NUMBER_GENERATOR.code(),
          Tag.SHORT_UNIQUE_IDENTIFIER.code(),
          Tag.PROTECTION_STORAGE_MASK.code(),
          Tag.USAGE_LIMITS.code());

  /**
   * The attributes of the replacement of {@code old}: the request's ({@code given}, already checked
   * against the version's rules table), then the old key's that the request does not name, its
   * Names included; {@code dates} as the Offset rules give them; Usage Limits with a whole budget.
   *
   * @throws KmipException Invalid Message for an Offset beside one of {@code dates} in the request;
   *     for an Offset when the old key has some of {@code dates} but no Activation Date to move
   *     them by, Illegal Operation in 1.x (1.4 Table 331) and Invalid Field in 2.x, whose error
   *     table lists no Illegal Operation
   */
  static List<Attribute> carried(
      ObjectRecord old,
      Attributes given,
      @Nullable Long offset,
      List<Tag> dates,
      RequestContext context) {
    Set<Integer> dated = new HashSet<>();
    for (Tag tag : dates) {
      dated.add(tag.code());
      if (offset != null && new AttributeView(given).gives(tag)) {
        throw new KmipException(
            ResultReason.INVALID_MESSAGE,
            "Offset and "
                + tag.xmlName()
                + " cannot both be given: the Offset sets the replacement's dates");
      }
    }
    Set<AttributeReference> overridden = new HashSet<>();
    for (Attribute attribute : given.items()) {
      overridden.add(attribute.reference());
    }
    List<Attribute> items = new ArrayList<>(given.items());
    Attributes oldAttributes = old.attributes();
    for (Attribute attribute : oldAttributes.items()) {
      int tag = attribute.value().tag();
      if (!overridden.contains(attribute.reference())
          && !NOT_CARRIED.contains(tag)
          && !dated.contains(tag)) {
        items.add(attribute);
      }
    }
    Optional<UsageLimits> limits = new AttributeView(oldAttributes).usageLimits();
    if (limits.isPresent() && new AttributeView(given).usageLimits().isEmpty()) {
      items.add(limits.get().renewed());
    }
    for (Attribute date : dates(old, offset, dates, context)) {
      if (given.first(date.reference()) == null) {
        items.add(date);
      }
    }
    return items;
  }

  /**
   * The replacement's {@code dates}: without an Offset the old key's, copied; with one, the
   * Activation Date is the Initial Date (now) plus the Offset, and every other date the old one
   * moved as far as the Activation Date moved.
   */
  private static List<Attribute> dates(
      ObjectRecord old, @Nullable Long offset, List<Tag> dates, RequestContext context) {
    List<Attribute> out = new ArrayList<>();
    if (offset == null) {
      for (Tag tag : dates) {
        Instant value = Lifecycle.date(old.attributes(), tag);
        if (value != null) {
          out.add(Attribute.of(TtlvDateTime.of(tag.code(), value)));
        }
      }
      return out;
    }
    Instant activation = context.now().plus(Duration.ofSeconds(offset));
    out.add(Attribute.of(TtlvDateTime.of(Tag.ACTIVATION_DATE.code(), activation)));
    Instant oldActivation = Lifecycle.date(old.attributes(), Tag.ACTIVATION_DATE);
    for (Tag tag : dates) {
      Instant value = tag == Tag.ACTIVATION_DATE ? null : Lifecycle.date(old.attributes(), tag);
      if (value == null) {
        continue;
      }
      if (oldActivation == null) {
        ProtocolVersion version = context.protocolVersion();
        throw new KmipException(
            version.isAtLeast(ProtocolVersion.V2_0)
                ? ResultReason.INVALID_FIELD
                : ResultReason.ILLEGAL_OPERATION,
            "Offset: "
                + old.uid()
                + " has a "
                + tag.xmlName()
                + " but no Activation Date to move it by");
      }
      Instant moved = value.plus(Duration.between(oldActivation, activation));
      out.add(Attribute.of(TtlvDateTime.of(tag.code(), moved)));
    }
    return out;
  }

  /**
   * Gives the old object's Names to its replacement before the replacement is stored: Names are
   * unique among an owner's live objects, and the database refuses a second holder, so the old
   * record gives them up first (and gains its Replacement Object Link to {@code newUid}). Returns
   * what puts the old record back when storing the replacement then fails.
   */
  static Runnable handOver(
      ObjectAccess objects, ObjectRecord old, String newUid, RequestContext context) {
    objects.change(
        old.uid(), r -> r.withAttributes(replaced(r.attributes(), newUid), context.now()), context);
    return () ->
        objects.change(old.uid(), r -> r.withAttributes(old.attributes(), context.now()), context);
  }

  /** The old key's attributes after the re-key: its Names gone, a Replacement Object Link added. */
  static Attributes replaced(Attributes attributes, String newUid) {
    List<Attribute> items = new ArrayList<>();
    int links = 0;
    for (Attribute attribute : attributes.items()) {
      int tag = attribute.value().tag();
      if (tag == Tag.LINK.code()) {
        links++;
      }
      if (tag != Tag.NAME.code()) {
        items.add(attribute);
      }
    }
    items.add(StoredKeyPairs.link(LinkType.REPLACEMENT_OBJECT_LINK, newUid).withIndex(links));
    return new Attributes(items, List.of());
  }

  /**
   * A draft made by {@link NewObjects#draft} for the caller, given to the old key's owner instead:
   * the replacement takes over the old key's place, and a grantee who re-keys someone's key does
   * not become the owner of its successor (nor of its Names, which are unique per owner).
   */
  static ObjectRecord ownedAs(ObjectRecord draft, ObjectRecord old) {
    return new ObjectRecord(
        draft.uid(),
        draft.objectType(),
        draft.state(),
        old.owner(),
        draft.attributes(),
        draft.hasContent(),
        draft.wrappingKeyId(),
        draft.createdAt(),
        draft.updatedAt(),
        draft.version());
  }

  /**
   * Gives every user granted something on {@code oldUid} the same on {@code newUid}, so that those
   * who used the old key may use its replacement; a batch Undo takes the grants back.
   */
  static void shareGrants(String oldUid, String newUid, RequestContext context) {
    for (AccessGrant grant : context.access().grantsOn(oldUid)) {
      AccessGrant copy = new AccessGrant(grant.user(), newUid, grant.operations());
      context.access().grant(copy);
      context.batch().onUndo(() -> context.access().revoke(copy));
    }
  }

  /**
   * A key of the wrong type for the operation: Invalid Object Type in 2.x; in 1.x "object specified
   * is not able to be re-keyed", Permission Denied (1.4 Tables 331 and 332).
   */
  static KmipException wrongType(ProtocolVersion version, String uid, String why) {
    return new KmipException(
        version.isAtLeast(ProtocolVersion.V2_0)
            ? ResultReason.INVALID_OBJECT_TYPE
            : ResultReason.PERMISSION_DENIED,
        uid + " " + why);
  }

  /**
   * A key whose material was destroyed: Key Value Not Present, as both error tables say, in the
   * versions that have it (1.2 on); before, Permission Denied (not able to be re-keyed).
   */
  static KmipException destroyed(ProtocolVersion version, String uid) {
    return new KmipException(
        ResultReason.KEY_VALUE_NOT_PRESENT.isDefinedIn(version)
            ? ResultReason.KEY_VALUE_NOT_PRESENT
            : ResultReason.PERMISSION_DENIED,
        uid + " was destroyed: there is no key to replace");
  }

  /**
   * Replaces an HSM key in its token ({@link KeyBacking#rekey}) and returns the replacement's
   * identifier. Only the HSM admin makes keys there, whatever was granted. The token keeps no dates
   * or other attributes, so a request that asks for them is refused: Feature Not Supported.
   */
  static String inHsm(
      ObjectRecord old,
      @Nullable Long offset,
      KeyBackings keys,
      RequestContext context,
      @Nullable Attributes... given) {
    if (!context.access().isHsmAdmin(context.user())) {
      throw new KmipException(
          ResultReason.PERMISSION_DENIED, "only the HSM admin re-keys HSM keys: " + old.uid());
    }
    boolean attributes = false;
    for (Attributes some : given) {
      attributes |= some != null && (!some.items().isEmpty() || !some.templateNames().isEmpty());
    }
    if (offset != null || attributes) {
      throw new KmipException(
          ResultReason.FEATURE_NOT_SUPPORTED,
          old.uid()
              + ": an HSM key's replacement takes its algorithm, length and sensitivity only (the"
              + " token keeps no dates or other attributes)");
    }
    return keys.of(old.uid()).rekey(old, context);
  }
}
