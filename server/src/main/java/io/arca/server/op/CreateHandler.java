package io.arca.server.op;

import io.arca.kmip.CryptographicAlgorithm;
import io.arca.kmip.KeyFormatType;
import io.arca.kmip.KmipException;
import io.arca.kmip.ObjectType;
import io.arca.kmip.Operation;
import io.arca.kmip.ResultReason;
import io.arca.kmip.Tag;
import io.arca.kmip.attribute.Attributes;
import io.arca.kmip.object.KeyBlock;
import io.arca.kmip.object.KeyValue;
import io.arca.kmip.object.SymmetricKey;
import io.arca.kmip.payload.Create;
import io.arca.kmip.ttlv.ByteString;
import io.arca.kmip.ttlv.TtlvStructure;
import io.arca.server.batch.RequestContext;
import io.arca.server.keys.ClearKey;
import io.arca.server.keys.KeyMaker;
import io.arca.server.keys.KeyMaterial;
import io.arca.server.store.ObjectContent;
import io.arca.server.store.ObjectRecord;
import io.arca.server.store.ObjectStore;
import java.util.Arrays;
import java.util.List;

/**
 * Create (KMIP 1.4 §4.1, 2.1 §6.1.14): a new symmetric key of the algorithm and length asked for
 * (AES, 3DES, ChaCha20, HMAC; {@link KeyMaker} knows the lengths), stored wrapped before its
 * identifier is returned: the one a 2.x client chose ({@link ChosenIdentifiers}), else a random
 * one.
 */
public final class CreateHandler implements OperationHandler {
  private final ObjectStore store;
  private final KeyMaker maker;

  /** A handler creating keys into {@code store} with {@code maker}. */
  public CreateHandler(ObjectStore store, KeyMaker maker) {
    this.store = store;
    this.maker = maker;
  }

  @Override
  public Operation operation() {
    return Operation.CREATE;
  }

  @Override
  public TtlvStructure handle(TtlvStructure requestPayload, RequestContext context) {
    Create.Request request = Create.Request.decode(requestPayload, context.protocolVersion());
    NewObjects.checkMayCreate(context);
    if (request.objectType() != ObjectType.SYMMETRIC_KEY.value()) {
      throw new KmipException(
          ResultReason.INVALID_FIELD,
          "ObjectType: Create makes symmetric keys (use Create Key Pair or Register for others)");
    }
    Attributes attributes =
        NewObjects.clientAttributesBesidesUid(request.attributes(), store, context);
    String uid = ChosenIdentifiers.chosenOrNew(request.attributes(), store, context);
    CryptographicAlgorithm algorithm = algorithm(attributes);
    Integer bits = NewObjects.intValue(attributes, Tag.CRYPTOGRAPHIC_LENGTH);
    if (bits == null) {
      throw new KmipException(
          ResultReason.INVALID_FIELD, "CryptographicLength: missing (expected: e.g. 256)");
    }
    byte[] key;
    try (ClearKey made = maker.symmetricKey(algorithm, bits)) {
      key = ((KeyMaterial.Encoded) made.material()).bytes().toByteArray();
    }
    ObjectRecord draft =
        NewObjects.draft(
            uid,
            ObjectType.SYMMETRIC_KEY,
            attributes,
            List.of(NewObjects.digest(key, KeyFormatType.RAW.value())),
            context);
    SymmetricKey object =
        new SymmetricKey(
            KeyBlock.of(
                KeyFormatType.RAW.value(),
                KeyValue.Plain.of(
                    new io.arca.kmip.object.KeyMaterial.Bytes(ByteString.copyOf(key))),
                algorithm.value(),
                bits));
    Arrays.fill(key, (byte) 0);
    TtlvStructure content = object.encode(StoredForm.VERSION);
    try {
      store.create(draft, content);
    } finally {
      ObjectContent.wipe(content);
    }
    context.batch().setIdPlaceholder(uid);
    context.batch().onUndo(() -> store.delete(uid));
    return Create.Response.of(ObjectType.SYMMETRIC_KEY.value(), uid)
        .encode(context.protocolVersion());
  }

  private static CryptographicAlgorithm algorithm(Attributes attributes) {
    Integer value = NewObjects.intValue(attributes, Tag.CRYPTOGRAPHIC_ALGORITHM);
    if (value == null) {
      throw new KmipException(
          ResultReason.INVALID_FIELD, "CryptographicAlgorithm: missing (expected: e.g. AES)");
    }
    CryptographicAlgorithm algorithm = CryptographicAlgorithm.byValue(value);
    if (algorithm == null) {
      throw new KmipException(
          ResultReason.INVALID_FIELD,
          "CryptographicAlgorithm: 0x"
              + Integer.toHexString(value)
              + " is unknown (expected: AES, 3DES, ChaCha20 or HMAC)");
    }
    return algorithm;
  }
}
