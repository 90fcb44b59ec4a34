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
import io.arca.kmip.object.KeyMaterial;
import io.arca.kmip.object.KeyValue;
import io.arca.kmip.object.SymmetricKey;
import io.arca.kmip.payload.Create;
import io.arca.kmip.ttlv.ByteString;
import io.arca.kmip.ttlv.TtlvStructure;
import io.arca.server.batch.RequestContext;
import io.arca.server.store.ObjectContent;
import io.arca.server.store.ObjectRecord;
import io.arca.server.store.ObjectStore;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Create (KMIP 1.4 §4.1, 2.1 §6.1.14): a new symmetric key of the algorithm and length asked for,
 * made from the server's random source, stored wrapped before its identifier is returned.
 */
public final class CreateHandler implements OperationHandler {
  /** The key lengths, in bits, each algorithm may be created with. */
  private static final Map<CryptographicAlgorithm, Set<Integer>> LENGTHS =
      Map.of(
          CryptographicAlgorithm.AES, Set.of(128, 192, 256),
          CryptographicAlgorithm.CHACHA20, Set.of(256),
          CryptographicAlgorithm.HMAC_SHA1, Set.of(160),
          CryptographicAlgorithm.HMAC_SHA224, Set.of(224),
          CryptographicAlgorithm.HMAC_SHA256, Set.of(256),
          CryptographicAlgorithm.HMAC_SHA384, Set.of(384),
          CryptographicAlgorithm.HMAC_SHA512, Set.of(512));

  private final ObjectStore store;
  private final SecureRandom random;

  /** A handler creating keys into {@code store} from {@code random}. */
  public CreateHandler(ObjectStore store, SecureRandom random) {
    this.store = store;
    this.random = random;
  }

  @Override
  public Operation operation() {
    return Operation.CREATE;
  }

  @Override
  public TtlvStructure handle(TtlvStructure requestPayload, RequestContext context) {
    Create.Request request = Create.Request.decode(requestPayload, context.protocolVersion());
    if (request.objectType() != ObjectType.SYMMETRIC_KEY.value()) {
      throw new KmipException(
          ResultReason.INVALID_FIELD,
          "ObjectType: Create makes symmetric keys (use Create Key Pair or Register for others)");
    }
    Attributes attributes = NewObjects.clientAttributes(request.attributes(), store, context);
    CryptographicAlgorithm algorithm = algorithm(attributes);
    int bits = length(attributes, algorithm);
    byte[] key = new byte[(bits + 7) / 8];
    random.nextBytes(key);
    String uid = ObjectAccess.newUid();
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
                KeyValue.Plain.of(new KeyMaterial.Bytes(ByteString.copyOf(key))),
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
    if (algorithm == null || !LENGTHS.containsKey(algorithm)) {
      throw new KmipException(
          ResultReason.INVALID_FIELD,
          "CryptographicAlgorithm: "
              + (algorithm == null ? "0x" + Integer.toHexString(value) : algorithm.xmlName())
              + " cannot be created as a symmetric key (expected: AES, ChaCha20 or HMAC)");
    }
    return algorithm;
  }

  private static int length(Attributes attributes, CryptographicAlgorithm algorithm) {
    Integer bits = NewObjects.intValue(attributes, Tag.CRYPTOGRAPHIC_LENGTH);
    Set<Integer> allowed = LENGTHS.getOrDefault(algorithm, Set.of());
    if (bits == null) {
      throw new KmipException(
          ResultReason.INVALID_FIELD, "CryptographicLength: missing (expected: " + allowed + ")");
    }
    if (!allowed.contains(bits)) {
      throw new KmipException(
          ResultReason.INVALID_FIELD,
          "CryptographicLength: "
              + bits
              + " for "
              + algorithm.xmlName()
              + " (expected: one of "
              + allowed
              + ")");
    }
    return bits;
  }
}
