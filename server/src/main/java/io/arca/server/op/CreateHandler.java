package io.arca.server.op;

import io.arca.kmip.KeyFormatType;
import io.arca.kmip.KmipException;
import io.arca.kmip.ObjectType;
import io.arca.kmip.Operation;
import io.arca.kmip.ProtocolVersion;
import io.arca.kmip.ResultReason;
import io.arca.kmip.SecretDataType;
import io.arca.kmip.attribute.Attributes;
import io.arca.kmip.object.KeyBlock;
import io.arca.kmip.object.KeyMaterial;
import io.arca.kmip.object.KeyValue;
import io.arca.kmip.object.SecretData;
import io.arca.kmip.payload.Create;
import io.arca.kmip.ttlv.ByteString;
import io.arca.kmip.ttlv.TtlvStructure;
import io.arca.server.batch.OperationHandler;
import io.arca.server.batch.RequestContext;
import io.arca.server.store.ObjectContent;
import io.arca.server.store.ObjectRecord;
import io.arca.server.store.ObjectStore;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;

/**
 * Create (KMIP 1.4 §4.1, 2.1 §6.1.8): a new symmetric key, made where the identifier the client
 * chose puts it ({@link KeyBackings#forNew}): stored wrapped by the server, or in the HSM; from
 * KMIP 2.0 on also Secret Data, random bytes of the Cryptographic Length asked, stored wrapped. The
 * new identifier becomes the ID Placeholder; Undo removes the object.
 */
public final class CreateHandler implements OperationHandler<Create.Request, Create.Response> {
  /** The longest secret made: 4 KiB, far above any key, so a request cannot ask for megabytes. */
  static final int MAX_SECRET_BITS = 4096 * 8;

  private final ObjectStore store;
  private final KeyBackings keys;
  private final SecureRandom random;

  /** A handler making keys through {@code keys} and secrets from {@code random}. */
  public CreateHandler(ObjectStore store, KeyBackings keys, SecureRandom random) {
    this.store = store;
    this.keys = keys;
    this.random = random;
  }

  /** A handler making stored keys alone (tests). */
  public CreateHandler(ObjectStore store) {
    this(store, KeyBackings.storedOnly(StoredKeyBacking.of(store)), new SecureRandom());
  }

  @Override
  public Operation operation() {
    return Operation.CREATE;
  }

  @Override
  public Create.Response handle(Create.Request request, RequestContext context) {
    // KMIP 2.0 added Secret Data to what Create makes; a 1.x request gets the 1.x refusal of any
    // type but a symmetric key, from the key backing.
    boolean secret =
        request.objectType() == ObjectType.SECRET_DATA.value()
            && context.protocolVersion().isAtLeast(ProtocolVersion.V2_0);
    QuantumSafety.checkCreate(request.objectType(), request.attributes());
    KeyBacking backing = secret ? keys.stored() : keys.forNew(request.attributes());
    if (backing != keys.stored()) {
      // The token keeps no draft to check: the request's own attributes are what it makes.
      CreationRules.check(
          store.settings().current(),
          ObjectType.SYMMETRIC_KEY,
          request.attributes(),
          context.protocolVersion());
    }
    String uid = secret ? createSecretData(request, context) : backing.create(request, context);
    context.batch().setIdPlaceholder(uid);
    context.batch().onUndo(() -> store.delete(uid));
    return Create.Response.of(request.objectType(), uid);
  }

  /**
   * Secret Data of the Cryptographic Length the client asks, in bits (2.x lets every object have
   * one); KMIP has no attribute naming a Secret Data Type, and server-made random bytes are a Seed
   * (a Password is a person's secret). Stored in Raw format, with its Digest.
   */
  private String createSecretData(Create.Request request, RequestContext context) {
    NewObjects.checkMayCreate(context);
    Attributes attributes =
        NewObjects.clientAttributesBesidesUid(
            request.attributes(), ObjectType.SECRET_DATA, store, context);
    String uid = ChosenIdentifiers.chosenOrNew(request.attributes(), store, context);
    int bits = secretBits(attributes);
    byte[] secret = new byte[bits / 8];
    random.nextBytes(secret);
    TtlvStructure content = null;
    try {
      ObjectRecord draft =
          NewObjects.draft(
              store,
              uid,
              ObjectType.SECRET_DATA,
              attributes,
              List.of(NewObjects.digest(secret, KeyFormatType.RAW.value())),
              context);
      SecretData object =
          new SecretData(
              SecretDataType.SEED.value(),
              new KeyBlock(
                  KeyFormatType.RAW.value(),
                  null,
                  KeyValue.Plain.of(new KeyMaterial.Bytes(ByteString.copyOf(secret))),
                  null,
                  null,
                  null));
      content = object.encode(StoredForm.VERSION);
      store.create(draft, content);
      return uid;
    } finally {
      Arrays.fill(secret, (byte) 0);
      if (content != null) {
        ObjectContent.wipe(content);
      }
    }
  }

  private static int secretBits(Attributes attributes) {
    Integer bits = new AttributeView(attributes).cryptographicLength();
    if (bits == null) {
      throw new KmipException(
          ResultReason.INVALID_FIELD,
          "CryptographicLength: missing (expected: the secret's length in bits, e.g. 256)");
    }
    if (bits <= 0 || bits % 8 != 0 || bits > MAX_SECRET_BITS) {
      throw new KmipException(
          ResultReason.INVALID_FIELD,
          "CryptographicLength: "
              + bits
              + " (expected: a multiple of 8 from 8 to "
              + MAX_SECRET_BITS
              + ")");
    }
    return bits;
  }
}
