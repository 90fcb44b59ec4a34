package io.arca.server.op;

import io.arca.kmip.HashingAlgorithm;
import io.arca.kmip.KmipException;
import io.arca.kmip.ObjectType;
import io.arca.kmip.Operation;
import io.arca.kmip.ProtocolVersion;
import io.arca.kmip.ResultReason;
import io.arca.kmip.State;
import io.arca.kmip.Tag;
import io.arca.kmip.attribute.Attribute;
import io.arca.kmip.attribute.AttributeReference;
import io.arca.kmip.attribute.Attributes;
import io.arca.kmip.ttlv.Ttlv;
import io.arca.kmip.ttlv.TtlvByteString;
import io.arca.kmip.ttlv.TtlvDateTime;
import io.arca.kmip.ttlv.TtlvEnumeration;
import io.arca.kmip.ttlv.TtlvStructure;
import io.arca.kmip.ttlv.TtlvTextString;
import io.arca.server.access.AccessPolicy;
import io.arca.server.batch.RequestContext;
import io.arca.server.crypto.Digests;
import io.arca.server.store.ObjectQuery;
import io.arca.server.store.ObjectRecord;
import io.arca.server.store.ObjectStore;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What Create, Create Key Pair and Register share: checking the attributes a client gave, the
 * uniqueness of its Names, and the attributes the server sets on every new object. The identifier a
 * client may choose is {@link ChosenIdentifiers}'.
 */
final class NewObjects {
  private NewObjects() {}

  /**
   * Refuses a new object in the database unless the caller may create it with the request's
   * operation (every user may, unless privileged users are configured).
   *
   * @throws KmipException Permission Denied
   */
  static void checkMayCreate(RequestContext context) {
    // Derive Key makes a key as Create does, and needs the same right.
    Operation operation =
        context.operation() == null || !AccessPolicy.CREATION.contains(context.operation())
            ? Operation.CREATE
            : context.operation();
    if (!context.access().mayCreate(context.user(), operation, false)) {
      throw new KmipException(
          ResultReason.PERMISSION_DENIED,
          context.user() + " may not " + operation.xmlName() + " objects on this server");
    }
  }

  /**
   * The client's attributes for a new object of {@code type}, with those of the templates it names
   * (1.x), checked against the version's attribute rules ({@link AttributeEdits#checkAtCreation})
   * and with each attribute's instances numbered from 0.
   *
   * @throws KmipException for an unknown template, an attribute the client may not set on such an
   *     object, or a duplicate Name
   */
  static Attributes clientAttributes(
      Attributes given, ObjectType type, ObjectStore store, RequestContext context) {
    return clientAttributes(given, type, store, context, false);
  }

  /**
   * The client's attributes as {@link #clientAttributes(Attributes, ObjectType, ObjectStore,
   * RequestContext)} checks them, for an operation whose new object a client may name: a 2.x
   * client's Unique Identifier is left out, since it names the object ({@link
   * ChosenIdentifiers#chosen} checks it) rather than being one of its attributes. 1.x requests have
   * no such attribute and are refused.
   */
  static Attributes clientAttributesBesidesUid(
      Attributes given, ObjectType type, ObjectStore store, RequestContext context) {
    return clientAttributes(given, type, store, context, true);
  }

  private static Attributes clientAttributes(
      Attributes given,
      ObjectType type,
      ObjectStore store,
      RequestContext context,
      boolean uidMayBeChosen) {
    ProtocolVersion version = context.protocolVersion();
    Map<AttributeReference, Integer> counts = new HashMap<>();
    List<Attribute> checked = new ArrayList<>();
    boolean mayChooseUid = uidMayBeChosen && version.isAtLeast(ProtocolVersion.V2_0);
    for (Attribute attribute : Templates.expand(given, store, context).items()) {
      if (attribute.reference() instanceof AttributeReference.Tagged tagged
          && tagged.tag() == Tag.UNIQUE_IDENTIFIER.code()
          && mayChooseUid) {
        // The object's own identifier, not one of its attributes: ChosenIdentifiers takes it.
        continue;
      }
      AttributeEdits.checkAtCreation(attribute.reference(), type, version);
      int index = counts.merge(attribute.reference(), 1, Integer::sum) - 1;
      checked.add(attribute.withIndex(index));
    }
    Attributes attributes =
        CreationRules.withDefaults(
            store.settings().current(), type, new Attributes(checked, List.of()), version);
    for (Attribute name : new AttributeView(attributes).names()) {
      checkNameFree(name, store, context);
    }
    String wrappingKey = wrappingKeyId(attributes);
    if (wrappingKey != null) {
      checkWrappingKey(wrappingKey, store, context);
    }
    return attributes;
  }

  /**
   * Refuses a wrapping key the caller may not have an object wrapped by (or that does not exist) as
   * Wrapping Object Not Found (Item Not Found in 1.x), alike.
   */
  static void checkWrappingKey(String wrappingKey, ObjectStore store, RequestContext context) {
    ProtocolVersion version = context.protocolVersion();
    // Confirmed, so that naming someone else's cached key takes as long as naming a missing one.
    if (store.findConfirmed(wrappingKey).filter(key -> mayWrapWith(key, context)).isEmpty()) {
      throw new KmipException(
          version.isAtLeast(ProtocolVersion.V2_0)
              ? ResultReason.WRAPPING_OBJECT_NOT_FOUND
              : ResultReason.ITEM_NOT_FOUND,
          "wrapping key " + wrappingKey + " does not exist");
    }
  }

  /** Whether {@code reference} names the wrapping key ({@code arca:wrapping-key-id}, 1.x too). */
  static boolean isWrappingKeyId(AttributeReference reference) {
    return WRAPPING_KEY_ID.contains(reference);
  }

  /**
   * Whether the caller may have a new object wrapped by {@code key}: its own key, or an HSM key on
   * which the HSM administrator granted the caller Encrypt (wrapping is encrypting with the key,
   * and the HSM's keys are never the caller's own). A database key stays its owner's choice alone.
   */
  private static boolean mayWrapWith(ObjectRecord key, RequestContext context) {
    return context.access().owns(context.user(), key)
        || (AccessPolicy.isHsm(key.uid())
            && context.access().decide(context.user(), Operation.ENCRYPT, key)
                == AccessPolicy.Decision.ALLOWED);
  }

  /**
   * The managed key the client asked to protect the new object at rest (the CLI's {@code
   * --wrapping-key-id}), or null for the server KEK: the vendor attribute {@code
   * arca:wrapping-key-id} in 2.x, the custom attribute {@code x-arca-wrapping-key-id} in 1.x. It
   * stays with the object, so Get Attributes shows which key protects it.
   */
  static @Nullable String wrappingKeyId(Attributes attributes) {
    for (AttributeReference reference : WRAPPING_KEY_ID) {
      Attribute attribute = attributes.first(reference);
      if (attribute != null) {
        if (attribute.value() instanceof TtlvTextString text && !text.value().isEmpty()) {
          return text.value();
        }
        throw new KmipException(
            ResultReason.INVALID_FIELD, "wrapping-key-id: expected the identifier as text");
      }
    }
    return null;
  }

  private static final List<AttributeReference> WRAPPING_KEY_ID =
      List.of(
          AttributeReference.vendor("arca", "wrapping-key-id"),
          AttributeReference.vendor("x", "arca-wrapping-key-id"));

  private static void checkNameFree(Attribute name, ObjectStore store, RequestContext context) {
    checkNameFree(name, null, store, context);
  }

  /**
   * Refuses a Name for a new object when another live object of the caller's has it; {@code
   * replaced} is the object an Import replaces, whose Name may stay.
   */
  static void checkNameFree(
      Attribute name, @Nullable String replaced, ObjectStore store, RequestContext context) {
    if (nameHolder(name, replaced, store, context)) {
      throw Reasons.nameTaken(context.protocolVersion(), nameValue(name));
    }
  }

  /**
   * Refuses a Name that an attribute change would give an object when a live object of the caller's
   * already has it, other than {@code except} (the object whose Name is modified; null when a Name
   * is added, which the object itself must not have twice either).
   */
  static void checkNameFreeFor(
      @Nullable String except, Attribute name, ObjectStore store, RequestContext context) {
    if (nameHolder(name, except, store, context)) {
      throw Reasons.nameTakenByChange(context.protocolVersion(), nameValue(name));
    }
  }

  private static boolean nameHolder(
      Attribute name, @Nullable String except, ObjectStore store, RequestContext context) {
    if (AttributeView.nameValue(name.value()).isEmpty()) {
      // Neither comparable nor storable as a Name: the spec's Name always holds a Name Value.
      throw Reasons.invalidValue(context.protocolVersion(), "Name", "it has no Name Value text");
    }
    if (context.access().namesMayRepeat()) {
      return false; // the server was told to let a user's Names repeat
    }
    List<String> holders =
        store.locate(ObjectQuery.all(16).withOwner(context.user()).withAttribute(name));
    for (String uid : holders) {
      if (!uid.equals(except)
          && store.find(uid).filter(r -> Lifecycle.isLive(r.state())).isPresent()) {
        return true;
      }
    }
    return false;
  }

  private static String nameValue(Attribute name) {
    return AttributeView.nameValue(name.value()).orElse("(unreadable)");
  }

  /**
   * A draft of a new object of the caller's, generated by the server: see {@link
   * #draft(ObjectStore, String, ObjectType, Attributes, List, RequestContext, boolean)}.
   */
  static ObjectRecord draft(
      ObjectStore store,
      String uid,
      ObjectType type,
      Attributes clientAttributes,
      List<Attribute> serverSet,
      RequestContext context) {
    return draft(store, uid, type, clientAttributes, serverSet, context, true);
  }

  /**
   * A draft of a new object of the caller's: its own attributes plus {@code serverSet} and the
   * {@link ServerAttributes}, with Initial Date and Original Creation Date now, and the state its
   * Activation Date gives, refused unless it keeps the constraints of {@code store}'s settings
   * ({@link CreationRules#check}). {@code generatedHere} says whether the server made the key
   * material (Create, Create Key Pair, Re-key) rather than the client (Register).
   */
  static ObjectRecord draft(
      ObjectStore store,
      String uid,
      ObjectType type,
      Attributes clientAttributes,
      List<Attribute> serverSet,
      RequestContext context,
      boolean generatedHere) {
    List<Attribute> items = new ArrayList<>(clientAttributes.items());
    items.addAll(serverSet);
    items.addAll(
        ServerAttributes.atCreation(
            type, clientAttributes, generatedHere, context.protocolVersion()));
    Integer format = storedFormat(items);
    if (format != null) {
      items.add(Attribute.of(new TtlvEnumeration(Tag.KEY_FORMAT_TYPE.code(), format)));
    }
    if (!new AttributeView(clientAttributes).hasOriginalCreationDate()) {
      // A registered object may come with its own (the tables let the client set it initially).
      items.add(Attribute.of(TtlvDateTime.of(Tag.ORIGINAL_CREATION_DATE.code(), context.now())));
    }
    Attributes attributes = new Attributes(items, List.of());
    CreationRules.check(store.settings().current(), type, attributes, context.protocolVersion());
    State state = Lifecycle.stateAt(State.PRE_ACTIVE, attributes, context.now());
    return ObjectRecord.draft(
        uid, type, state, context.user(), attributes, wrappingKeyId(attributes), context.now());
  }

  /**
   * The Key Format Type the key is stored in (a 2.x attribute), as its Digest names it, unless an
   * attribute already says.
   */
  private static @Nullable Integer storedFormat(List<Attribute> items) {
    Integer format = null;
    for (Attribute attribute : items) {
      if (attribute.reference().equals(new AttributeReference.Tagged(Tag.KEY_FORMAT_TYPE.code()))) {
        return null;
      }
      if (attribute.value() instanceof TtlvStructure digest
          && digest.tag() == Tag.DIGEST.code()
          && digest.first(Tag.KEY_FORMAT_TYPE.code()) instanceof TtlvEnumeration e) {
        format = e.value();
      }
    }
    return format;
  }

  /**
   * The Digest attribute: SHA-256 over the key material's bytes in {@code keyFormatType}, or over a
   * certificate's or opaque object's value (no format then).
   */
  static Attribute digest(byte[] value, @Nullable Integer keyFormatType) {
    return digestAttribute(Digests.digest("SHA-256", value), keyFormatType);
  }

  /** The Digest attribute holding a SHA-256 {@code hash} already computed. */
  static Attribute digestAttribute(byte[] hash, @Nullable Integer keyFormatType) {
    List<Ttlv> fields = new ArrayList<>();
    fields.add(new TtlvEnumeration(Tag.HASHING_ALGORITHM.code(), HashingAlgorithm.SHA_256.value()));
    fields.add(TtlvByteString.of(Tag.DIGEST_VALUE.code(), hash));
    if (keyFormatType != null) {
      fields.add(new TtlvEnumeration(Tag.KEY_FORMAT_TYPE.code(), keyFormatType));
    }
    return Attribute.of(new TtlvStructure(Tag.DIGEST.code(), fields));
  }
}
