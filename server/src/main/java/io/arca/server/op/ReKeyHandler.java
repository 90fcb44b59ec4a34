package io.arca.server.op;

import io.arca.kmip.CryptographicAlgorithm;
import io.arca.kmip.KmipException;
import io.arca.kmip.LinkType;
import io.arca.kmip.ObjectType;
import io.arca.kmip.Operation;
import io.arca.kmip.ProtocolVersion;
import io.arca.kmip.ResultReason;
import io.arca.kmip.attribute.Attribute;
import io.arca.kmip.attribute.Attributes;
import io.arca.kmip.object.SymmetricKey;
import io.arca.kmip.payload.ReKey;
import io.arca.kmip.ttlv.TtlvStructure;
import io.arca.server.access.AccessPolicy;
import io.arca.server.batch.OperationHandler;
import io.arca.server.batch.RequestContext;
import io.arca.server.keys.ClearKey;
import io.arca.server.keys.KeyBlocks;
import io.arca.server.keys.KeyMaker;
import io.arca.server.store.ObjectContent;
import io.arca.server.store.ObjectRecord;
import java.util.ArrayList;
import java.util.List;

/**
 * Re-key (KMIP 1.4 §4.4, 2.0 §6.1.42, 2.1 §6.1.46): a new symmetric key of the old one's algorithm
 * and length that takes over its attributes, Names and grants ({@link Replacements}), linked both
 * ways (Replaced Object Link on the new key, Replacement Object Link on the old). An HSM key is
 * replaced in its token, under the next version of its label, by the HSM admin alone. Undo deletes
 * the new key and restores the old one's attributes.
 */
public final class ReKeyHandler implements OperationHandler<ReKey.Request, ReKey.Response> {
  private final ObjectAccess objects;
  private final KeyMaker maker;
  private final KeyBackings keys;

  /**
   * A handler re-keying in the store behind {@code objects}, making stored keys with {@code maker}
   * and HSM keys through {@code keys}.
   */
  public ReKeyHandler(ObjectAccess objects, KeyMaker maker, KeyBackings keys) {
    this.objects = objects;
    this.maker = maker;
    this.keys = keys;
  }

  /** A handler re-keying stored keys alone (tests). */
  public ReKeyHandler(ObjectAccess objects, KeyMaker maker) {
    this(objects, maker, KeyBackings.storedOnly(StoredKeyBacking.of(objects.store())));
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
      throw Replacements.wrongType(
          version,
          old.uid(),
          "is a " + old.objectType().xmlName() + " (Re-key replaces symmetric keys)");
    }
    if (!old.hasContent()) {
      throw Replacements.destroyed(version, old.uid());
    }
    if (AccessPolicy.isHsm(old.uid())) {
      String uid = Replacements.inHsm(old, request.offset(), keys, context, request.attributes());
      context.batch().onUndo(() -> objects.store().delete(uid));
      context.batch().setIdPlaceholder(uid);
      return new ReKey.Response(uid, null);
    }
    Integer algorithmValue = AttributeView.of(old).cryptographicAlgorithm();
    Integer length = AttributeView.of(old).cryptographicLength();
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
    List<Attribute> attributes =
        Replacements.carried(old, given, request.offset(), Replacements.KEY_DATES, context);
    String uid = ObjectAccess.newUid();
    Runnable giveBack = Replacements.handOver(objects, old, uid, context);
    try (ClearKey key = maker.symmetricKey(algorithm, length)) {
      List<Attribute> serverSet = new ArrayList<>();
      serverSet.add(StoredKeyPairs.digest(key));
      serverSet.add(StoredKeyPairs.link(LinkType.REPLACED_OBJECT_LINK, old.uid()));
      ObjectRecord draft =
          NewObjects.draft(
              objects.store(),
              uid,
              ObjectType.SYMMETRIC_KEY,
              new Attributes(attributes, List.of()),
              serverSet,
              context);
      TtlvStructure content =
          new SymmetricKey(KeyBlocks.toKeyBlock(key)).encode(StoredForm.VERSION);
      try {
        objects.store().create(Replacements.ownedAs(draft, old), content);
      } finally {
        ObjectContent.wipe(content);
      }
    } catch (RuntimeException e) {
      giveBack.run();
      throw e;
    }
    context.batch().onUndo(() -> objects.store().delete(uid));
    Replacements.shareGrants(old.uid(), uid, context);
    context.batch().setIdPlaceholder(uid);
    return new ReKey.Response(uid, null);
  }
}
