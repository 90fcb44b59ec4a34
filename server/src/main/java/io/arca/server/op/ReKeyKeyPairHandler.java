package io.arca.server.op;

import io.arca.kmip.CryptographicAlgorithm;
import io.arca.kmip.KmipException;
import io.arca.kmip.LinkType;
import io.arca.kmip.ObjectType;
import io.arca.kmip.Operation;
import io.arca.kmip.ProtocolVersion;
import io.arca.kmip.RecommendedCurve;
import io.arca.kmip.ResultReason;
import io.arca.kmip.attribute.Attribute;
import io.arca.kmip.attribute.Attributes;
import io.arca.kmip.object.KeyBlock;
import io.arca.kmip.object.ManagedObject;
import io.arca.kmip.object.PrivateKey;
import io.arca.kmip.object.PublicKey;
import io.arca.kmip.payload.ReKeyKeyPair;
import io.arca.kmip.ttlv.TtlvStructure;
import io.arca.server.access.AccessPolicy;
import io.arca.server.batch.OperationHandler;
import io.arca.server.batch.RequestContext;
import io.arca.server.keys.ClearKey;
import io.arca.server.keys.ClearKeyPair;
import io.arca.server.keys.KeyBlocks;
import io.arca.server.keys.KeyMaker;
import io.arca.server.store.ObjectContent;
import io.arca.server.store.ObjectRecord;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Re-key Key Pair (KMIP 1.4 §4.5, 2.0 §6.1.43, 2.1 §6.1.47): a new pair of the old private key's
 * algorithm, length and curve, each half taking over its predecessor's attributes, Names and grants
 * ({@link Replacements}, with the pair's dates), linked to the other new half and both ways to the
 * half it replaces. An HSM pair is replaced in its token, by the HSM admin alone. The ID
 * Placeholder is the new private key. Undo deletes the new pair and restores the old halves'
 * attributes.
 */
public final class ReKeyKeyPairHandler
    implements OperationHandler<ReKeyKeyPair.Request, ReKeyKeyPair.Response> {
  private final ObjectAccess objects;
  private final KeyMaker maker;
  private final KeyBackings keys;

  /**
   * A handler re-keying pairs in the store behind {@code objects}, with {@code maker} for stored
   * keys and through {@code keys} for HSM keys.
   */
  public ReKeyKeyPairHandler(ObjectAccess objects, KeyMaker maker, KeyBackings keys) {
    this.objects = objects;
    this.maker = maker;
    this.keys = keys;
  }

  /** A handler re-keying stored keys alone (tests). */
  public ReKeyKeyPairHandler(ObjectAccess objects, KeyMaker maker) {
    this(objects, maker, KeyBackings.storedOnly(StoredKeyBacking.of(objects.store())));
  }

  @Override
  public Operation operation() {
    return Operation.RE_KEY_KEY_PAIR;
  }

  @Override
  public ReKeyKeyPair.Response handle(ReKeyKeyPair.Request request, RequestContext context) {
    ProtocolVersion version = context.protocolVersion();
    ObjectRecord oldPrivate = objects.resolve(request.privateKeyUniqueIdentifier(), context);
    if (oldPrivate.objectType() != ObjectType.PRIVATE_KEY) {
      throw Replacements.wrongType(
          version,
          oldPrivate.uid(),
          "is a " + oldPrivate.objectType().xmlName() + " (expected: the private key of a pair)");
    }
    if (!oldPrivate.hasContent()) {
      throw Replacements.destroyed(version, oldPrivate.uid());
    }
    if (AccessPolicy.isHsm(oldPrivate.uid())) {
      return inHsm(oldPrivate, request, context);
    }
    String oldPublicUid = linked(oldPrivate, LinkType.PUBLIC_KEY_LINK);
    ObjectRecord oldPublic =
        objects
            .visible(oldPublicUid, context)
            .orElseThrow(() -> ObjectAccess.notFound(oldPublicUid, context.protocolVersion()));
    Integer algorithmValue = AttributeView.of(oldPrivate).cryptographicAlgorithm();
    CryptographicAlgorithm algorithm =
        algorithmValue == null ? null : CryptographicAlgorithm.byValue(algorithmValue);
    if (algorithm == null) {
      throw new KmipException(
          ResultReason.INVALID_FIELD, oldPrivate.uid() + " has no known Cryptographic Algorithm");
    }
    Integer length = AttributeView.of(oldPrivate).cryptographicLength();
    Attributes privateGiven =
        NewObjects.clientAttributes(
            StoredKeyPairs.merge(request.commonAttributes(), request.privateKeyAttributes()),
            ObjectType.PRIVATE_KEY,
            objects.store(),
            context);
    Attributes publicGiven =
        NewObjects.clientAttributes(
            StoredKeyPairs.merge(request.commonAttributes(), request.publicKeyAttributes()),
            ObjectType.PUBLIC_KEY,
            objects.store(),
            context);
    String privateUid = ObjectAccess.newUid();
    String publicUid = ObjectAccess.newUid();
    Runnable givePrivateBack = Replacements.handOver(objects, oldPrivate, privateUid, context);
    Runnable givePublicBack;
    try {
      givePublicBack = Replacements.handOver(objects, oldPublic, publicUid, context);
    } catch (RuntimeException e) {
      givePrivateBack.run();
      throw e;
    }
    try (ClearKeyPair pair =
        maker.keyPair(algorithm, length == null ? 0 : length, curve(oldPrivate.attributes()))) {
      store(
          pair.privateKey(),
          privateUid,
          oldPrivate,
          Replacements.carried(
              oldPrivate, privateGiven, request.offset(), Replacements.PAIR_DATES, context),
          List.of(
              StoredKeyPairs.link(LinkType.PUBLIC_KEY_LINK, publicUid),
              StoredKeyPairs.link(LinkType.REPLACED_OBJECT_LINK, oldPrivate.uid())),
          context);
      try {
        store(
            pair.publicKey(),
            publicUid,
            oldPublic,
            Replacements.carried(
                oldPublic, publicGiven, request.offset(), Replacements.PAIR_DATES, context),
            List.of(
                StoredKeyPairs.link(LinkType.PRIVATE_KEY_LINK, privateUid),
                StoredKeyPairs.link(LinkType.REPLACED_OBJECT_LINK, oldPublic.uid())),
            context);
      } catch (RuntimeException e) {
        objects.store().delete(privateUid);
        throw e;
      }
    } catch (RuntimeException e) {
      givePublicBack.run();
      givePrivateBack.run();
      throw e;
    }
    context
        .batch()
        .onUndo(
            () -> {
              objects.store().delete(publicUid);
              objects.store().delete(privateUid);
            });
    Replacements.shareGrants(oldPrivate.uid(), privateUid, context);
    Replacements.shareGrants(oldPublic.uid(), publicUid, context);
    context.batch().setIdPlaceholder(privateUid);
    return new ReKeyKeyPair.Response(privateUid, publicUid, null, null);
  }

  private void store(
      ClearKey key,
      String uid,
      ObjectRecord old,
      List<Attribute> attributes,
      List<Attribute> links,
      RequestContext context) {
    List<Attribute> serverSet = new ArrayList<>();
    serverSet.add(StoredKeyPairs.digest(key));
    for (int i = 0; i < links.size(); i++) {
      serverSet.add(links.get(i).withIndex(i));
    }
    ObjectRecord draft =
        NewObjects.draft(
            objects.store(),
            uid,
            key.objectType(),
            new Attributes(attributes, List.of()),
            serverSet,
            context);
    KeyBlock block = KeyBlocks.toKeyBlock(key);
    ManagedObject object =
        key.objectType() == ObjectType.PRIVATE_KEY ? new PrivateKey(block) : new PublicKey(block);
    TtlvStructure content = object.encode(StoredForm.VERSION);
    try {
      objects.store().create(Replacements.ownedAs(draft, old), content);
    } finally {
      ObjectContent.wipe(content);
    }
  }

  /**
   * Re-keys an HSM pair in its token; the new private key's record names its public key (its Public
   * Key Link), as it names every HSM pair's.
   */
  private ReKeyKeyPair.Response inHsm(
      ObjectRecord oldPrivate, ReKeyKeyPair.Request request, RequestContext context) {
    String privateUid =
        Replacements.inHsm(
            oldPrivate,
            request.offset(),
            keys,
            context,
            request.commonAttributes(),
            request.privateKeyAttributes(),
            request.publicKeyAttributes());
    context.batch().onUndo(() -> objects.store().delete(privateUid));
    ObjectRecord made =
        objects
            .store()
            .find(privateUid)
            .orElseThrow(() -> ObjectAccess.notFound(privateUid, context.protocolVersion()));
    context.batch().setIdPlaceholder(privateUid);
    return new ReKeyKeyPair.Response(
        privateUid, linked(made, LinkType.PUBLIC_KEY_LINK), null, null);
  }

  private static String linked(ObjectRecord record, LinkType type) {
    return AttributeView.of(record)
        .link(type)
        .orElseThrow(
            () ->
                new KmipException(
                    ResultReason.INVALID_FIELD,
                    record.uid() + " has no " + type.xmlName() + " to re-key"));
  }

  private static @Nullable RecommendedCurve curve(Attributes attributes) {
    Integer curve = new AttributeView(attributes).recommendedCurve();
    return curve == null ? null : RecommendedCurve.byValue(curve);
  }
}
