package io.arca.server.op;

import io.arca.kmip.KmipException;
import io.arca.kmip.ObjectType;
import io.arca.kmip.Operation;
import io.arca.kmip.ResultReason;
import io.arca.kmip.attribute.Attributes;
import io.arca.kmip.payload.CreateKeyPair;
import io.arca.server.batch.OperationHandler;
import io.arca.server.batch.RequestContext;
import io.arca.server.store.ObjectStore;

/**
 * Create Key Pair (KMIP 1.4 §4.2, 2.1 §6.1.9): a new key pair, made where the private key's chosen
 * identifier puts it ({@link KeyBackings#forNew}): stored by the server ({@link StoredKeyPairs}) or
 * in the HSM. The ID Placeholder becomes the private key's identifier, as the spec says; Undo
 * removes both halves.
 */
public final class CreateKeyPairHandler
    implements OperationHandler<CreateKeyPair.Request, CreateKeyPair.Response> {
  private final ObjectStore store;
  private final KeyBackings keys;

  /** A handler making key pairs through {@code keys}; {@code store} removes them on Undo. */
  public CreateKeyPairHandler(ObjectStore store, KeyBackings keys) {
    this.store = store;
    this.keys = keys;
  }

  /** A handler making stored key pairs alone (tests). */
  public CreateKeyPairHandler(ObjectStore store) {
    this(store, KeyBackings.storedOnly(StoredKeyBacking.of(store)));
  }

  @Override
  public Operation operation() {
    return Operation.CREATE_KEY_PAIR;
  }

  @Override
  public CreateKeyPair.Response handle(CreateKeyPair.Request request, RequestContext context) {
    QuantumSafety.checkKeyPair(
        request.commonAttributes(), request.privateKeyAttributes(), request.publicKeyAttributes());
    KeyBacking backing =
        keys.forNew(
            StoredKeyPairs.merge(request.commonAttributes(), request.privateKeyAttributes()));
    if (backing == keys.stored()
        && request.publicKeyAttributes() != null
        && KeyBackings.hsmIdentifier(request.publicKeyAttributes()) != null) {
      throw new KmipException(
          ResultReason.INVALID_FIELD,
          "an HSM key pair is named by its private key (hsm::<slot>::<label>); the public key"
              + " becomes hsm::<slot>::<label>_pk");
    }
    if (backing != keys.stored()) {
      // The token keeps no draft to check: the request's own attributes are what it makes.
      Attributes own =
          StoredKeyPairs.merge(request.commonAttributes(), request.privateKeyAttributes());
      CreationRules.check(
          store.settings().current(), ObjectType.PRIVATE_KEY, own, context.protocolVersion());
    }
    CreateKeyPair.Response made = backing.createKeyPair(request, context);
    String privateUid = made.privateKeyUniqueIdentifier();
    String publicUid = made.publicKeyUniqueIdentifier();
    context.batch().setIdPlaceholder(privateUid);
    context
        .batch()
        .onUndo(
            () -> {
              store.delete(publicUid);
              store.delete(privateUid);
            });
    return made;
  }
}
