package io.arca.server.op;

import io.arca.kmip.KeyFormatType;
import io.arca.kmip.KmipException;
import io.arca.kmip.LinkType;
import io.arca.kmip.ObjectType;
import io.arca.kmip.Operation;
import io.arca.kmip.ProtocolVersion;
import io.arca.kmip.ResultReason;
import io.arca.kmip.SecretDataType;
import io.arca.kmip.SplitKeyMethod;
import io.arca.kmip.attribute.Attributes;
import io.arca.kmip.object.KeyBlock;
import io.arca.kmip.object.KeyMaterial;
import io.arca.kmip.object.KeyValue;
import io.arca.kmip.object.ManagedObject;
import io.arca.kmip.object.SecretData;
import io.arca.kmip.object.SplitKey;
import io.arca.kmip.object.SymmetricKey;
import io.arca.kmip.payload.JoinSplitKey;
import io.arca.kmip.ttlv.ByteString;
import io.arca.kmip.ttlv.TtlvStructure;
import io.arca.server.batch.OperationHandler;
import io.arca.server.batch.RequestContext;
import io.arca.server.crypto.SecretSharing;
import io.arca.server.store.ObjectContent;
import io.arca.server.store.ObjectRecord;
import io.arca.server.store.ObjectStore;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Join Split Key (KMIP 1.4 §4.39, 2.1 §6.1.27; 1.2 and later): rebuilds a Symmetric Key or Secret
 * Data from Split Key parts of one split ({@link SplitKeys}), each the caller's to use with Join
 * Split Key. Fewer parts than the threshold is Cryptographic Failure (1.4 §11.40); parts of several
 * splits, or disagreeing on the split's fields, are Invalid Field. The new object becomes the ID
 * Placeholder; Undo removes it.
 */
public final class JoinSplitKeyHandler
    implements OperationHandler<JoinSplitKey.Request, JoinSplitKey.Response> {
  private final ObjectAccess objects;

  /** A handler joining the parts of {@code objects} into their store. */
  public JoinSplitKeyHandler(ObjectAccess objects) {
    this.objects = objects;
  }

  @Override
  public Operation operation() {
    return Operation.JOIN_SPLIT_KEY;
  }

  /**
   * One part: its record, its Split Key's fields, and a copy of its share that {@link #wipe} zeroes
   * (the stored content is zeroed when it is closed, which the decoded key shares).
   */
  private static final class Part {
    private final ObjectRecord record;
    private final SplitKey key;
    private final byte[] share;

    Part(ObjectRecord record, SplitKey key, byte[] share) {
      this.record = record;
      this.key = key;
      this.share = share;
    }

    ObjectRecord record() {
      return record;
    }

    SplitKey key() {
      return key;
    }

    void wipe() {
      Arrays.fill(share, (byte) 0);
    }
  }

  @Override
  public JoinSplitKey.Response handle(JoinSplitKey.Request request, RequestContext context) {
    ProtocolVersion version = context.protocolVersion();
    ObjectType type = ObjectType.byValue(request.objectType());
    if (type == null || !SplitKeys.splittable(type)) {
      throw SplitKeys.wrongType(
          version,
          "ObjectType: 0x" + Integer.toHexString(request.objectType()),
          "SymmetricKey or SecretData, what Join Split Key forms");
    }
    if (new HashSet<>(request.uniqueIdentifiers()).size() != request.uniqueIdentifiers().size()) {
      throw new KmipException(
          ResultReason.INVALID_FIELD, "UniqueIdentifier: a part is named twice");
    }
    NewObjects.checkMayCreate(context);
    ObjectStore store = objects.store();
    Attributes attributes =
        NewObjects.clientAttributesBesidesUid(request.attributes(), type, store, context);
    List<Part> parts = new ArrayList<>();
    byte[] secret = null;
    try {
      for (String uid : request.uniqueIdentifiers()) {
        parts.add(part(uid, context));
      }
      SplitKey first = checkedOneSplit(parts);
      if (parts.size() < first.splitKeyThreshold()) {
        throw new KmipException(
            ResultReason.CRYPTOGRAPHIC_FAILURE,
            parts.size()
                + " parts given (expected: at least the Split Key Threshold, "
                + first.splitKeyThreshold()
                + ")");
      }
      secret = join(parts, first);
      String uid = ChosenIdentifiers.chosenOrNew(request.attributes(), store, context);
      ManagedObject object = joined(type, request, attributes, first, secret);
      ObjectRecord draft =
          NewObjects.draft(
              store, uid, type, attributes, RegisterHandler.implied(object, attributes), context);
      TtlvStructure content = object.encode(StoredForm.VERSION);
      try {
        store.create(draft, content);
      } finally {
        ObjectContent.wipe(content);
      }
      context.batch().onUndo(() -> store.delete(uid));
      context.batch().setIdPlaceholder(uid);
      return new JoinSplitKey.Response(uid, null);
    } finally {
      parts.forEach(Part::wipe);
      if (secret != null) {
        Arrays.fill(secret, (byte) 0);
      }
    }
  }

  private Part part(String uid, RequestContext context) {
    ObjectRecord record = objects.resolve(uid, context);
    if (record.objectType() != ObjectType.SPLIT_KEY) {
      throw SplitKeys.wrongType(
          context.protocolVersion(),
          record.uid() + " is a " + record.objectType().xmlName(),
          "SplitKey parts");
    }
    try (ObjectContent content =
        objects
            .store()
            .content(record.uid())
            .orElseThrow(() -> Reasons.destroyed(context.protocolVersion(), record.uid()))) {
      SplitKey key = SplitKey.decode(content.structure(), StoredForm.VERSION);
      if (key.keyBlock().keyValue() instanceof KeyValue.Plain plain
          && plain.keyMaterial() instanceof KeyMaterial.Bytes bytes) {
        return new Part(record, key, bytes.value().toByteArray());
      }
      throw new KmipException(
          ResultReason.KEY_VALUE_NOT_PRESENT, record.uid() + ": its share is wrapped");
    }
  }

  /**
   * The first part, once every part agrees with it on the split's fields, has its own Key Part
   * Identifier, and lies in the others' Previous and Next Links (when any part has such links: the
   * server made the split).
   */
  private static SplitKey checkedOneSplit(List<Part> parts) {
    SplitKey first = parts.get(0).key();
    Set<Integer> identifiers = new HashSet<>();
    for (Part part : parts) {
      SplitKey key = part.key();
      if (key.splitKeyParts() != first.splitKeyParts()
          || key.splitKeyThreshold() != first.splitKeyThreshold()
          || key.splitKeyMethod() != first.splitKeyMethod()
          || !Objects.equals(key.primeFieldSize(), first.primeFieldSize())
          || !identifiers.add(key.keyPartIdentifier())
          || key.keyPartIdentifier() < 1
          || key.keyPartIdentifier() > key.splitKeyParts()) {
        throw differentSplits(part);
      }
    }
    // Parts a client split and registered carry no such links; their fields are all there is.
    boolean linked =
        parts.stream()
            .anyMatch(
                part ->
                    !SplitKeys.linked(part.record(), LinkType.NEXT_LINK).isEmpty()
                        || !SplitKeys.linked(part.record(), LinkType.PREVIOUS_LINK).isEmpty());
    for (Part part : linked ? parts : List.<Part>of()) {
      for (Part other : parts) {
        int here = part.key().keyPartIdentifier();
        int there = other.key().keyPartIdentifier();
        if (here < there
            && (!SplitKeys.linked(part.record(), LinkType.NEXT_LINK).contains(other.record().uid())
                || !SplitKeys.linked(other.record(), LinkType.PREVIOUS_LINK)
                    .contains(part.record().uid()))) {
          throw differentSplits(other);
        }
      }
    }
    return first;
  }

  private static KmipException differentSplits(Part part) {
    return new KmipException(
        ResultReason.INVALID_FIELD,
        part.record().uid() + ": not a part of the same split as the others");
  }

  private static byte[] join(List<Part> parts, SplitKey first) {
    SplitKeyMethod method = SplitKeys.method(first.splitKeyMethod());
    int[] xs = new int[parts.size()];
    // The parts' own copies, which the handler wipes.
    byte[][] shares = new byte[parts.size()][];
    for (int i = 0; i < parts.size(); i++) {
      xs[i] = parts.get(i).key().keyPartIdentifier();
      shares[i] = parts.get(i).share;
      if (shares[i].length != shares[0].length) {
        throw differentSplits(parts.get(i));
      }
    }
    return switch (method) {
      case XOR -> SecretSharing.joinXor(shares);
      case POLYNOMIAL_SHARING_GF_28 -> SecretSharing.joinGf256(xs, shares);
      case POLYNOMIAL_SHARING_GF_216 -> {
        if (shares[0].length % 2 != 0) {
          throw differentSplits(parts.get(0));
        }
        yield SecretSharing.joinGf65536(xs, shares);
      }
      case POLYNOMIAL_SHARING_PRIME_FIELD -> joinPrime(parts, first, xs, shares);
    };
  }

  private static byte[] joinPrime(List<Part> parts, SplitKey first, int[] xs, byte[][] shares) {
    BigInteger prime = first.primeFieldSize();
    if (prime == null || prime.signum() <= 0) {
      throw new KmipException(
          ResultReason.INVALID_FIELD,
          parts.get(0).record().uid() + ": PrimeFieldSize missing (expected: for the prime field)");
    }
    // The secret's length is the one the split recorded; a registered part may not say, and then
    // the longest whole number of bytes below the prime is taken.
    Integer bits = new AttributeView(parts.get(0).record().attributes()).cryptographicLength();
    int length = bits != null && bits > 0 ? (bits + 7) / 8 : (prime.bitLength() - 1) / 8;
    byte[] secret = SecretSharing.joinPrime(xs, shares, prime, length);
    if (secret == null) {
      throw new KmipException(
          ResultReason.CRYPTOGRAPHIC_FAILURE,
          "the parts do not rebuild a secret of " + length + " bytes");
    }
    return secret;
  }

  /** The object formed: a key of the split's (or the request's) algorithm, or Secret Data. */
  private static ManagedObject joined(
      ObjectType type,
      JoinSplitKey.Request request,
      Attributes attributes,
      SplitKey first,
      byte[] secret) {
    KeyValue value = KeyValue.Plain.of(new KeyMaterial.Bytes(ByteString.copyOf(secret)));
    if (type == ObjectType.SECRET_DATA) {
      return new SecretData(
          request.secretDataType() == null ? SecretDataType.SEED.value() : request.secretDataType(),
          new KeyBlock(KeyFormatType.RAW.value(), null, value, null, null, null));
    }
    Integer algorithm = new AttributeView(attributes).cryptographicAlgorithm();
    if (algorithm == null) {
      algorithm = first.keyBlock().cryptographicAlgorithm();
    }
    if (algorithm == null) {
      throw new KmipException(
          ResultReason.INVALID_FIELD,
          "CryptographicAlgorithm: missing (expected: in the request, since the parts name none)");
    }
    return new SymmetricKey(
        KeyBlock.of(KeyFormatType.RAW.value(), value, algorithm, secret.length * 8));
  }
}
