package io.arca.server.op;

import io.arca.kmip.KeyFormatType;
import io.arca.kmip.KmipException;
import io.arca.kmip.LinkType;
import io.arca.kmip.ObjectType;
import io.arca.kmip.Operation;
import io.arca.kmip.ProtocolVersion;
import io.arca.kmip.ResultReason;
import io.arca.kmip.SplitKeyMethod;
import io.arca.kmip.Tag;
import io.arca.kmip.attribute.Attribute;
import io.arca.kmip.attribute.Attributes;
import io.arca.kmip.object.KeyBlock;
import io.arca.kmip.object.KeyMaterial;
import io.arca.kmip.object.KeyValue;
import io.arca.kmip.object.SplitKey;
import io.arca.kmip.payload.CreateSplitKey;
import io.arca.kmip.ttlv.ByteString;
import io.arca.kmip.ttlv.TtlvInteger;
import io.arca.kmip.ttlv.TtlvStructure;
import io.arca.server.access.AccessPolicy;
import io.arca.server.batch.OperationHandler;
import io.arca.server.batch.RequestContext;
import io.arca.server.crypto.SecretSharing;
import io.arca.server.store.ObjectContent;
import io.arca.server.store.ObjectRecord;
import io.arca.server.store.ObjectStore;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Create Split Key (KMIP 1.4 §4.38, 2.1 §6.1.10; 1.2 and later): splits a new random key of the
 * Cryptographic Algorithm and Length asked, or the Symmetric Key or Secret Data the request names
 * (whose algorithm and length take precedence), into Split Key objects by {@link SecretSharing},
 * stored wrapped like any key and linked as {@link SplitKeys} says. The ID Placeholder is the part
 * whose Key Part Identifier is 1; Undo removes every part.
 */
public final class CreateSplitKeyHandler
    implements OperationHandler<CreateSplitKey.Request, CreateSplitKey.Response> {
  /** The longest secret split: 4 KiB, as for Create. */
  private static final int MAX_SECRET_BITS = CreateHandler.MAX_SECRET_BITS;

  /** The largest prime taken: testing a larger one for primality costs more than a request. */
  private static final int MAX_PRIME_BITS = MAX_SECRET_BITS + 512;

  private final ObjectAccess objects;
  private final SecureRandom random;

  /** A handler storing parts through {@code objects}, drawing keys and polynomials from random. */
  public CreateSplitKeyHandler(ObjectAccess objects, SecureRandom random) {
    this.objects = objects;
    this.random = random;
  }

  @Override
  public Operation operation() {
    return Operation.CREATE_SPLIT_KEY;
  }

  @Override
  public CreateSplitKey.Response handle(CreateSplitKey.Request request, RequestContext context) {
    ProtocolVersion version = context.protocolVersion();
    if (request.objectType() != ObjectType.SPLIT_KEY.value()) {
      throw SplitKeys.wrongType(
          version, "ObjectType: 0x" + Integer.toHexString(request.objectType()), "SplitKey");
    }
    SplitKeyMethod method = SplitKeys.method(request.splitKeyMethod());
    int parts = request.splitKeyParts();
    int threshold = request.splitKeyThreshold();
    checkCounts(method, parts, threshold);
    if (request.primeFieldSize() != null
        && method != SplitKeyMethod.POLYNOMIAL_SHARING_PRIME_FIELD) {
      throw new KmipException(
          ResultReason.INVALID_FIELD,
          "PrimeFieldSize: given for "
              + method.xmlName()
              + " (expected: only for the prime field)");
    }
    NewObjects.checkMayCreate(context);
    ObjectStore store = objects.store();
    Attributes given =
        NewObjects.clientAttributes(request.attributes(), ObjectType.SPLIT_KEY, store, context);
    ObjectRecord base =
        request.uniqueIdentifier() == null ? null : base(request.uniqueIdentifier(), context);
    byte[] secret = null;
    byte[][] shares = null;
    try {
      Attributes attributes;
      if (base == null) {
        attributes = given;
        secret = new byte[newSecretBytes(attributes)];
        random.nextBytes(secret);
      } else {
        attributes = withTheKeysAlgorithmAndLength(given, base);
        secret = SplitKeys.material(store, base, version);
      }
      int bits = secret.length * 8;
      BigInteger prime =
          method == SplitKeyMethod.POLYNOMIAL_SHARING_PRIME_FIELD
              ? prime(request.primeFieldSize(), bits)
              : null;
      shares = split(method, secret, parts, threshold, prime);
      List<String> uids = new ArrayList<>();
      for (int i = 0; i < parts; i++) {
        uids.add(ObjectAccess.newUid());
      }
      Integer algorithm = new AttributeView(attributes).cryptographicAlgorithm();
      storeParts(request, attributes, uids, shares, algorithm, bits, prime, base, context);
      if (base != null) {
        try {
          linkToParts(base, uids, context);
        } catch (RuntimeException e) {
          uids.forEach(store::delete);
          throw e;
        }
      }
      context.batch().setIdPlaceholder(uids.get(0));
      return new CreateSplitKey.Response(uids, null);
    } finally {
      if (secret != null) {
        Arrays.fill(secret, (byte) 0);
      }
      if (shares != null) {
        for (byte[] share : shares) {
          Arrays.fill(share, (byte) 0);
        }
      }
    }
  }

  /**
   * XOR takes every part (KMIP 2.1 §13.1: parts equal the threshold); polynomial sharing any
   * threshold from 2 to the number of parts; one part, or more than {@link SplitKeys#MAX_PARTS},
   * splits nothing this server keeps.
   */
  private static void checkCounts(SplitKeyMethod method, int parts, int threshold) {
    if (parts < 2 || parts > SplitKeys.MAX_PARTS) {
      throw new KmipException(
          ResultReason.INVALID_FIELD,
          "SplitKeyParts: " + parts + " (expected: 2 to " + SplitKeys.MAX_PARTS + ")");
    }
    if (method == SplitKeyMethod.XOR ? threshold != parts : threshold < 2 || threshold > parts) {
      throw new KmipException(
          ResultReason.INVALID_FIELD,
          "SplitKeyThreshold: "
              + threshold
              + (method == SplitKeyMethod.XOR
                  ? " (expected: " + parts + ", every part, for XOR)"
                  : " (expected: 2 to " + parts + ")"));
    }
  }

  /** The key to split: the caller's to use with Create Split Key, with its value here. */
  private ObjectRecord base(String uid, RequestContext context) {
    ObjectRecord base = objects.resolve(uid, context);
    if (!SplitKeys.splittable(base.objectType())) {
      throw SplitKeys.wrongType(
          context.protocolVersion(),
          base.uid() + " is a " + base.objectType().xmlName(),
          "a SymmetricKey or SecretData to split");
    }
    if (AccessPolicy.isHsm(base.uid())) {
      throw new KmipException(
          ResultReason.FEATURE_NOT_SUPPORTED,
          base.uid() + ": a key in the HSM is not split, its value stays there");
    }
    return base;
  }

  /** The byte length of a new secret: its Cryptographic Length, whole bytes up to 4 KiB. */
  private static int newSecretBytes(Attributes attributes) {
    Integer bits = new AttributeView(attributes).cryptographicLength();
    if (bits == null || bits <= 0 || bits % 8 != 0 || bits > MAX_SECRET_BITS) {
      throw new KmipException(
          ResultReason.INVALID_FIELD,
          "CryptographicLength: "
              + (bits == null ? "missing" : bits)
              + " (expected: the new key's length, a multiple of 8 up to "
              + MAX_SECRET_BITS
              + ")");
    }
    return bits / 8;
  }

  /** The request's attributes, with the algorithm and length of the key split in their place. */
  private static Attributes withTheKeysAlgorithmAndLength(Attributes given, ObjectRecord base) {
    List<Attribute> items = new ArrayList<>();
    for (Attribute attribute : given.items()) {
      int tag = attribute.value().tag();
      if (tag != Tag.CRYPTOGRAPHIC_ALGORITHM.code() && tag != Tag.CRYPTOGRAPHIC_LENGTH.code()) {
        items.add(attribute);
      }
    }
    items.addAll(AttributeView.of(base).algorithmAndLength());
    return new Attributes(items, List.of());
  }

  /**
   * The prime asked, which must be one above 2^L (KMIP 2.1 §13.1), or the least such prime when the
   * request has none.
   */
  private static BigInteger prime(@Nullable BigInteger asked, int bits) {
    if (asked == null) {
      return BigInteger.ONE.shiftLeft(bits).nextProbablePrime();
    }
    if (asked.bitLength() <= bits
        || asked.bitLength() > MAX_PRIME_BITS
        || !asked.isProbablePrime(64)) {
      throw new KmipException(
          ResultReason.INVALID_FIELD,
          "PrimeFieldSize: "
              + asked.bitLength()
              + " bits (expected: a prime above 2^"
              + bits
              + ", of at most "
              + MAX_PRIME_BITS
              + " bits)");
    }
    return asked;
  }

  private byte[][] split(
      SplitKeyMethod method, byte[] secret, int parts, int threshold, @Nullable BigInteger prime) {
    return switch (method) {
      case XOR -> SecretSharing.splitXor(secret, parts, random);
      case POLYNOMIAL_SHARING_GF_28 -> SecretSharing.splitGf256(secret, parts, threshold, random);
      case POLYNOMIAL_SHARING_GF_216 -> {
        if (secret.length % 2 != 0) {
          throw new KmipException(
              ResultReason.INVALID_FIELD,
              "CryptographicLength: "
                  + secret.length * 8
                  + " (expected: whole 16-bit pieces for Polynomial Sharing GF(2^16))");
        }
        yield SecretSharing.splitGf65536(secret, parts, threshold, random);
      }
      case POLYNOMIAL_SHARING_PRIME_FIELD ->
          SecretSharing.splitPrime(secret, Objects.requireNonNull(prime), parts, threshold, random);
    };
  }

  /** Stores one Split Key per share, all or none. */
  private void storeParts(
      CreateSplitKey.Request request,
      Attributes attributes,
      List<String> uids,
      byte[][] shares,
      @Nullable Integer algorithm,
      int bits,
      @Nullable BigInteger prime,
      @Nullable ObjectRecord base,
      RequestContext context) {
    ObjectStore store = objects.store();
    List<String> stored = new ArrayList<>();
    try {
      for (int i = 0; i < shares.length; i++) {
        List<Attribute> serverSet = new ArrayList<>();
        serverSet.add(NewObjects.digest(shares[i], KeyFormatType.RAW.value()));
        if (new AttributeView(attributes).cryptographicLength() == null) {
          serverSet.add(Attribute.of(new TtlvInteger(Tag.CRYPTOGRAPHIC_LENGTH.code(), bits)));
        }
        List<Attribute> links = new ArrayList<>(SplitKeys.partLinks(uids, i));
        if (base != null) {
          links.add(StoredKeyPairs.link(LinkType.PARENT_LINK, base.uid()));
        }
        for (int l = 0; l < links.size(); l++) {
          serverSet.add(links.get(l).withIndex(l));
        }
        ObjectRecord draft =
            NewObjects.draft(
                store, uids.get(i), ObjectType.SPLIT_KEY, attributes, serverSet, context);
        SplitKey part =
            new SplitKey(
                shares.length,
                i + 1,
                request.splitKeyThreshold(),
                request.splitKeyMethod(),
                prime,
                new KeyBlock(
                    KeyFormatType.RAW.value(),
                    null,
                    KeyValue.Plain.of(new KeyMaterial.Bytes(ByteString.copyOf(shares[i]))),
                    algorithm,
                    algorithm == null ? null : bits,
                    null));
        TtlvStructure content = part.encode(StoredForm.VERSION);
        try {
          store.create(draft, content);
          stored.add(uids.get(i));
        } finally {
          ObjectContent.wipe(content);
        }
      }
    } catch (RuntimeException e) {
      stored.forEach(store::delete);
      throw e;
    }
    context.batch().onUndo(() -> stored.forEach(store::delete));
  }

  /** The key split gets a Child Link to each part. */
  private void linkToParts(ObjectRecord base, List<String> uids, RequestContext context) {
    objects.change(
        base.uid(),
        current -> {
          List<Attribute> items = new ArrayList<>(current.attributes().items());
          int index = AttributeView.of(current).linkCount();
          for (String uid : uids) {
            items.add(StoredKeyPairs.link(LinkType.CHILD_LINK, uid).withIndex(index++));
          }
          return current.withAttributes(new Attributes(items, List.of()), context.now());
        },
        context);
  }
}
