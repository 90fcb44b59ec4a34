package io.arca.server.op;

import io.arca.kmip.CryptographicAlgorithm;
import io.arca.kmip.KmipException;
import io.arca.kmip.LinkType;
import io.arca.kmip.ObjectType;
import io.arca.kmip.RecommendedCurve;
import io.arca.kmip.ResultReason;
import io.arca.kmip.Tag;
import io.arca.kmip.attribute.Attribute;
import io.arca.kmip.attribute.AttributeReference;
import io.arca.kmip.attribute.Attributes;
import io.arca.kmip.object.KeyBlock;
import io.arca.kmip.object.ManagedObject;
import io.arca.kmip.object.PrivateKey;
import io.arca.kmip.object.PublicKey;
import io.arca.kmip.payload.CreateKeyPair;
import io.arca.kmip.ttlv.TtlvEnumeration;
import io.arca.kmip.ttlv.TtlvInteger;
import io.arca.kmip.ttlv.TtlvStructure;
import io.arca.kmip.ttlv.TtlvTextString;
import io.arca.server.batch.RequestContext;
import io.arca.server.keys.ClearKey;
import io.arca.server.keys.ClearKeyPair;
import io.arca.server.keys.KeyBlocks;
import io.arca.server.keys.KeyFormats;
import io.arca.server.keys.KeyMaker;
import io.arca.server.store.ObjectContent;
import io.arca.server.store.ObjectRecord;
import io.arca.server.store.ObjectStore;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Create Key Pair (KMIP 1.4 §4.2, 2.1 §6.1.9) into the server's store: a new RSA, EC or Ed25519 key
 * pair made by {@link KeyMaker}, each half stored wrapped at rest in its default Key Format Type,
 * linked to the other, with its own Digest. A 2.x client may choose the identifiers ({@link
 * ChosenIdentifiers}): the private key's in the Common or Private Key Attributes, the public key's
 * in the Public Key Attributes, or by default the private key's followed by {@code _pk}.
 */
final class StoredKeyPairs {
  private final ObjectStore store;
  private final KeyMaker maker;

  StoredKeyPairs(ObjectStore store, KeyMaker maker) {
    this.store = store;
    this.maker = maker;
  }

  /** Makes and stores the pair; the caller sets the ID Placeholder and the undo. */
  CreateKeyPair.Response create(CreateKeyPair.Request request, RequestContext context) {
    NewObjects.checkMayCreate(context);
    Attributes privateGiven = merge(request.commonAttributes(), request.privateKeyAttributes());
    Attributes privateAttributes =
        NewObjects.clientAttributesBesidesUid(privateGiven, ObjectType.PRIVATE_KEY, store, context);
    Attributes publicAttributes =
        NewObjects.clientAttributesBesidesUid(
            merge(request.commonAttributes(), request.publicKeyAttributes()),
            ObjectType.PUBLIC_KEY,
            store,
            context);
    checkNamesDiffer(privateAttributes, publicAttributes);
    CryptographicAlgorithm algorithm = algorithm(privateAttributes, publicAttributes);
    Integer length = new AttributeView(privateAttributes).cryptographicLength();
    Integer publicLength = new AttributeView(publicAttributes).cryptographicLength();
    if (length != null && publicLength != null && !length.equals(publicLength)) {
      throw new KmipException(
          ResultReason.INVALID_FIELD,
          "CryptographicLength: "
              + length
              + " for the private key, "
              + publicLength
              + " for the public key (expected: the same)");
    }
    int bits = length != null ? length : publicLength != null ? publicLength : 0;
    RecommendedCurve curve = curve(privateAttributes);
    if (curve == null) {
      curve = curve(publicAttributes);
    }
    String chosen = ChosenIdentifiers.chosen(privateGiven, store, context);
    String privateUid = chosen != null ? chosen : ObjectAccess.newUid();
    String publicUid = publicUid(chosen, request.publicKeyAttributes(), context);
    try (ClearKeyPair pair = maker.keyPair(algorithm, bits, curve)) {
      store(pair.privateKey(), privateUid, privateAttributes, publicUid, context);
      try {
        store(pair.publicKey(), publicUid, publicAttributes, privateUid, context);
      } catch (RuntimeException e) {
        store.delete(privateUid);
        throw e;
      }
    }
    return CreateKeyPair.Response.of(privateUid, publicUid);
  }

  /**
   * The public key's identifier: the one its own attributes choose, else its private key's chosen
   * one with {@value ChosenIdentifiers#PUBLIC_KEY_SUFFIX} appended (as an HSM key pair's), else a
   * random one. A Unique Identifier among the Common Attributes names the private key: one
   * identifier cannot name both halves.
   */
  private String publicUid(
      @Nullable String privateChosen, @Nullable Attributes publicOwn, RequestContext context) {
    String own = publicOwn == null ? null : ChosenIdentifiers.chosen(publicOwn, store, context);
    if (own != null) {
      if (own.equals(privateChosen)) {
        throw new KmipException(
            ResultReason.INVALID_FIELD,
            "UniqueIdentifier: the private and the public key cannot have the same identifier");
      }
      return own;
    }
    if (privateChosen == null) {
      return ObjectAccess.newUid();
    }
    String derived = privateChosen + ChosenIdentifiers.PUBLIC_KEY_SUFFIX;
    ChosenIdentifiers.check(derived);
    ChosenIdentifiers.checkFree(derived, store);
    return derived;
  }

  /**
   * Stores one half: the client's attributes, and what the server sets (the length when the client
   * left it to the curve, the Digest, and the Link to the other half).
   */
  private void store(
      ClearKey key, String uid, Attributes attributes, String otherUid, RequestContext context) {
    boolean isPrivate = key.objectType() == ObjectType.PRIVATE_KEY;
    List<Attribute> serverSet = new ArrayList<>();
    if (new AttributeView(attributes).cryptographicLength() == null) {
      serverSet.add(Attribute.of(new TtlvInteger(Tag.CRYPTOGRAPHIC_LENGTH.code(), key.length())));
    }
    serverSet.add(digest(key));
    serverSet.add(link(isPrivate ? LinkType.PUBLIC_KEY_LINK : LinkType.PRIVATE_KEY_LINK, otherUid));
    ObjectRecord draft =
        NewObjects.draft(store, uid, key.objectType(), attributes, serverSet, context);
    KeyBlock block = KeyBlocks.toKeyBlock(key);
    ManagedObject object = isPrivate ? new PrivateKey(block) : new PublicKey(block);
    TtlvStructure content = object.encode(StoredForm.VERSION);
    try {
      store.create(draft, content);
    } finally {
      ObjectContent.wipe(content);
    }
  }

  /** The Digest attribute over the key in its default format (KMIP 2.1 §4.21). */
  static Attribute digest(ClearKey key) {
    byte[] bytes = KeyFormats.defaultDigest(key).toByteArray();
    return NewObjects.digestAttribute(
        bytes, KeyFormats.defaultFormat(key.objectType(), key.algorithm()).value());
  }

  /** A Link attribute of {@code type} to {@code uid}. */
  static Attribute link(LinkType type, String uid) {
    return Attribute.of(
        TtlvStructure.of(
            Tag.LINK.code(),
            new TtlvEnumeration(Tag.LINK_TYPE.code(), type.value()),
            new TtlvTextString(Tag.LINKED_OBJECT_IDENTIFIER.code(), uid)));
  }

  /**
   * The attributes of one half: the common ones, except where the half's own attributes name the
   * same attribute, which take precedence (KMIP 2.1 §6.1.9).
   */
  static Attributes merge(@Nullable Attributes common, @Nullable Attributes own) {
    if (common == null) {
      return own == null ? Attributes.EMPTY : own;
    }
    if (own == null) {
      return common;
    }
    Set<AttributeReference> overridden = new HashSet<>();
    for (Attribute attribute : own.items()) {
      overridden.add(attribute.reference());
    }
    List<Attribute> items = new ArrayList<>();
    for (Attribute attribute : common.items()) {
      if (!overridden.contains(attribute.reference())) {
        items.add(attribute);
      }
    }
    items.addAll(own.items());
    List<TtlvStructure> templates = new ArrayList<>(common.templateNames());
    templates.addAll(own.templateNames());
    return new Attributes(items, templates);
  }

  private void checkNamesDiffer(Attributes privateAttributes, Attributes publicAttributes) {
    for (Attribute name : new AttributeView(privateAttributes).names()) {
      for (Attribute other : new AttributeView(publicAttributes).names()) {
        if (name.value().equals(other.value())) {
          throw new KmipException(
              ResultReason.INVALID_FIELD,
              "Name: the private and the public key cannot have the same name");
        }
      }
    }
  }

  private static CryptographicAlgorithm algorithm(Attributes privateKey, Attributes publicKey) {
    Integer value = new AttributeView(privateKey).cryptographicAlgorithm();
    Integer publicValue = new AttributeView(publicKey).cryptographicAlgorithm();
    if (value == null) {
      value = publicValue;
    }
    if (value == null) {
      throw new KmipException(
          ResultReason.INVALID_FIELD,
          "CryptographicAlgorithm: missing (expected: RSA, EC, ECDSA, ECDH or Ed25519)");
    }
    if (publicValue != null && !publicValue.equals(value)) {
      throw new KmipException(
          ResultReason.INVALID_FIELD,
          "CryptographicAlgorithm: the private and public key attributes name different ones");
    }
    CryptographicAlgorithm algorithm = CryptographicAlgorithm.byValue(value);
    if (algorithm == null) {
      throw new KmipException(
          ResultReason.INVALID_FIELD,
          "CryptographicAlgorithm: 0x" + Integer.toHexString(value) + " is unknown");
    }
    return algorithm;
  }

  /** The Recommended Curve in the Cryptographic Domain Parameters, or null. */
  private static @Nullable RecommendedCurve curve(Attributes attributes) {
    Integer value = new AttributeView(attributes).recommendedCurve();
    if (value == null) {
      return null;
    }
    RecommendedCurve curve = RecommendedCurve.byValue(value);
    if (curve == null) {
      throw new KmipException(
          ResultReason.INVALID_FIELD,
          "RecommendedCurve: 0x" + Integer.toHexString(value) + " is unknown");
    }
    return curve;
  }
}
