package io.arca.server.op;

import io.arca.kmip.CryptographicAlgorithm;
import io.arca.kmip.KmipException;
import io.arca.kmip.LinkType;
import io.arca.kmip.ObjectType;
import io.arca.kmip.Operation;
import io.arca.kmip.ProtocolVersion;
import io.arca.kmip.ResultReason;
import io.arca.kmip.Tag;
import io.arca.kmip.attribute.Attribute;
import io.arca.kmip.attribute.AttributeReference;
import io.arca.kmip.attribute.Attributes;
import io.arca.kmip.object.SymmetricKey;
import io.arca.kmip.payload.ReKey;
import io.arca.kmip.ttlv.TtlvDateTime;
import io.arca.kmip.ttlv.TtlvStructure;
import io.arca.server.batch.OperationHandler;
import io.arca.server.batch.RequestContext;
import io.arca.server.keys.ClearKey;
import io.arca.server.keys.KeyBlocks;
import io.arca.server.keys.KeyMaker;
import io.arca.server.store.ObjectContent;
import io.arca.server.store.ObjectRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Re-key (KMIP 1.4 §4.4, 2.1 §6.1.43): a new symmetric key of the old one's algorithm and length,
 * with its attributes carried over, linked to it (Replaced Object Link on the new key, Replacement
 * Object Link on the old). With an Offset, the new key's Activation Date is now plus the offset and
 * its Deactivation Date keeps the old key's active span; without one, the old dates are copied. The
 * old key's Names move to the new key. Undo deletes the new key and restores the old one's
 * attributes.
 */
public final class ReKeyHandler implements OperationHandler<ReKey.Request, ReKey.Response> {
  /**
   * What the new key never inherits: the server sets these afresh, or they describe the old key.
   */
  private static final Set<Integer> NOT_CARRIED =
      Set.of(
          Tag.DIGEST.code(),
          Tag.LINK.code(),
          Tag.ORIGINAL_CREATION_DATE.code(),
          Tag.FRESH.code(),
          Tag.ACTIVATION_DATE.code(),
          Tag.DEACTIVATION_DATE.code(),
          Tag.PROCESS_START_DATE.code(),
          Tag.PROTECT_STOP_DATE.code(),
          Tag.DESTROY_DATE.code(),
          Tag.COMPROMISE_DATE.code(),
          Tag.COMPROMISE_OCCURRENCE_DATE.code(),
          Tag.ARCHIVE_DATE.code(),
          Tag.REVOCATION_REASON.code(),
          Tag.LEASE_TIME.code(),
          Tag.ALWAYS_SENSITIVE.code(),
          Tag.NEVER_EXTRACTABLE.code(),
          Tag.RANDOM_NUMBER_GENERATOR.code());

  /** The dates copied from the old key when there is no Offset. */
  private static final List<Tag> COPIED_DATES =
      List.of(
          Tag.ACTIVATION_DATE,
          Tag.PROCESS_START_DATE,
          Tag.PROTECT_STOP_DATE,
          Tag.DEACTIVATION_DATE);

  private final ObjectAccess objects;
  private final KeyMaker maker;

  /** A handler re-keying in the store behind {@code objects}, making keys with {@code maker}. */
  public ReKeyHandler(ObjectAccess objects, KeyMaker maker) {
    this.objects = objects;
    this.maker = maker;
  }

  @Override
  public Operation operation() {
    return Operation.RE_KEY;
  }

  @Override
  public ReKey.Response handle(ReKey.Request request, RequestContext context) {
    ProtocolVersion version = context.protocolVersion();
    ObjectRecord old = objects.resolve(request.uniqueIdentifier(), context);
    if (old.objectType() != ObjectType.SYMMETRIC_KEY) {
      throw new KmipException(
          ResultReason.INVALID_OBJECT_TYPE,
          old.uid() + " is a " + old.objectType().xmlName() + " (Re-key replaces symmetric keys)");
    }
    if (!old.hasContent()) {
      throw Reasons.destroyed(version, old.uid());
    }
    Integer algorithmValue = NewObjects.intValue(old.attributes(), Tag.CRYPTOGRAPHIC_ALGORITHM);
    Integer length = NewObjects.intValue(old.attributes(), Tag.CRYPTOGRAPHIC_LENGTH);
    CryptographicAlgorithm algorithm =
        algorithmValue == null ? null : CryptographicAlgorithm.byValue(algorithmValue);
    if (algorithm == null || length == null) {
      throw new KmipException(
          ResultReason.INVALID_FIELD,
          old.uid() + " has no known Cryptographic Algorithm and Length to re-key with");
    }
    Attributes given =
        request.attributes() == null
            ? Attributes.EMPTY
            : NewObjects.clientAttributes(
                request.attributes(), ObjectType.SYMMETRIC_KEY, objects.store(), context);
    String uid = ObjectAccess.newUid();
    List<Attribute> attributes = carried(old, given, request.offset(), context.now());
    try (ClearKey key = maker.symmetricKey(algorithm, length)) {
      List<Attribute> serverSet = new ArrayList<>();
      serverSet.add(StoredKeyPairs.digest(key));
      serverSet.add(StoredKeyPairs.link(LinkType.REPLACED_OBJECT_LINK, old.uid()));
      ObjectRecord draft =
          NewObjects.draft(
              uid,
              ObjectType.SYMMETRIC_KEY,
              new Attributes(attributes, List.of()),
              serverSet,
              context);
      TtlvStructure content =
          new SymmetricKey(KeyBlocks.toKeyBlock(key)).encode(StoredForm.VERSION);
      try {
        objects.store().create(draft, content);
      } finally {
        ObjectContent.wipe(content);
      }
    }
    context.batch().onUndo(() -> objects.store().delete(uid));
    objects.change(
        old.uid(), r -> r.withAttributes(replaced(r.attributes(), uid), context.now()), context);
    context.batch().setIdPlaceholder(uid);
    return new ReKey.Response(uid, null);
  }

  /** The old key's attributes the new one inherits, the client's taking precedence. */
  static List<Attribute> carried(
      ObjectRecord old, Attributes given, @Nullable Long offset, Instant now) {
    Set<AttributeReference> overridden = new HashSet<>();
    for (Attribute attribute : given.items()) {
      overridden.add(attribute.reference());
    }
    List<Attribute> items = new ArrayList<>(given.items());
    for (Attribute attribute : old.attributes().items()) {
      int tag = attribute.value().tag();
      if (!overridden.contains(attribute.reference()) && !NOT_CARRIED.contains(tag)) {
        items.add(attribute);
      }
    }
    if (offset != null) {
      Instant activation = now.plus(Duration.ofSeconds(offset));
      addDate(items, overridden, Tag.ACTIVATION_DATE, activation);
      Instant oldActivation = Lifecycle.date(old.attributes(), Tag.ACTIVATION_DATE);
      Instant oldDeactivation = Lifecycle.date(old.attributes(), Tag.DEACTIVATION_DATE);
      if (oldActivation != null && oldDeactivation != null) {
        addDate(
            items,
            overridden,
            Tag.DEACTIVATION_DATE,
            activation.plus(Duration.between(oldActivation, oldDeactivation)));
      }
    } else {
      for (Tag tag : COPIED_DATES) {
        Instant value = Lifecycle.date(old.attributes(), tag);
        if (value != null) {
          addDate(items, overridden, tag, value);
        }
      }
    }
    return items;
  }

  private static void addDate(
      List<Attribute> items, Set<AttributeReference> overridden, Tag tag, Instant value) {
    Attribute date = Attribute.of(TtlvDateTime.of(tag.code(), value));
    if (!overridden.contains(date.reference())) {
      items.add(date);
    }
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
}
