package io.arca.server.hsm;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.arca.hsm.EcCurve;
import io.arca.hsm.HsmException;
import io.arca.hsm.HsmKeyInfo;
import io.arca.hsm.HsmKeyRef;
import io.arca.hsm.HsmKeyVersion;
import io.arca.hsm.HsmModule;
import io.arca.hsm.HsmSlot;
import io.arca.hsm.KeyQuery;
import io.arca.kmip.CryptographicAlgorithm;
import io.arca.kmip.CryptographicUsageMask;
import io.arca.kmip.KeyFormatType;
import io.arca.kmip.KmipException;
import io.arca.kmip.LinkType;
import io.arca.kmip.NameType;
import io.arca.kmip.ObjectType;
import io.arca.kmip.ProtocolVersion;
import io.arca.kmip.RecommendedCurve;
import io.arca.kmip.ResultReason;
import io.arca.kmip.State;
import io.arca.kmip.Tag;
import io.arca.kmip.attribute.Attribute;
import io.arca.kmip.attribute.Attributes;
import io.arca.kmip.object.KeyBlock;
import io.arca.kmip.object.KeyMaterial;
import io.arca.kmip.object.KeyValue;
import io.arca.kmip.object.ManagedObject;
import io.arca.kmip.object.PrivateKey;
import io.arca.kmip.object.PublicKey;
import io.arca.kmip.object.SymmetricKey;
import io.arca.kmip.ttlv.ByteString;
import io.arca.kmip.ttlv.TtlvBoolean;
import io.arca.kmip.ttlv.TtlvEnumeration;
import io.arca.kmip.ttlv.TtlvInteger;
import io.arca.kmip.ttlv.TtlvStructure;
import io.arca.kmip.ttlv.TtlvTextString;
import io.arca.server.op.Pkcs11Functions;
import io.arca.server.store.ObjectContent;
import io.arca.server.store.ObjectQuery;
import io.arca.server.store.ObjectRecord;
import io.arca.server.store.ObjectStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * The keys of the HSM seen as managed objects: {@code hsm::<slot>::<label>} is the key labelled
 * {@code label} in slot {@code slot}. Their attributes are what the token says (type, algorithm,
 * length, sensitive, extractable); they are always Active, owned by the HSM admin, and their key
 * material leaves the HSM only when the token lets it (public keys, keys made non-sensitive).
 * Nothing about them is kept in the database.
 */
public final class HsmObjects implements ObjectStore {
  /** The form objects are encoded in for the handlers (see the handlers' StoredForm). */
  private static final ProtocolVersion STORED = ProtocolVersion.V2_1;

  /** How many keys of each class Locate reads from a slot at most. */
  static final int MAX_LISTED = 1024;

  private final HsmModule hsm;
  private final String admin;

  /**
   * Whether an HSM key's next label version exists (its Replacement Object Link), by identifier of
   * that version: every request on an HSM key reads its record, and one more token search each
   * would cost as much as the request's own. Other servers' re-keys show within a second; this
   * server's at once ({@link #forgetSuccessors}).
   */
  private final Cache<String, Boolean> successors =
      Caffeine.newBuilder().maximumSize(4096).expireAfterWrite(Duration.ofSeconds(1)).build();

  /** The keys of {@code hsm}'s open slots, owned by {@code admin} (the {@code --hsm-admin}). */
  public HsmObjects(HsmModule hsm, String admin) {
    this.hsm = hsm;
    this.admin = admin;
  }

  /** The read-only PKCS#11 functions of the library, over the configured slots. */
  public Pkcs11Functions pkcs11Functions() {
    return new HsmPkcs11Functions(hsm);
  }

  /**
   * The open slot that {@code ref} names.
   *
   * @throws HsmException NO_SUCH_SLOT when the server was not given that slot
   */
  HsmSlot slot(HsmKeyRef ref) {
    return hsm.slot(ref.slot());
  }

  /**
   * The key {@code uid} names, or empty if the id is malformed, the slot unknown or the label free.
   */
  Optional<HsmKeyInfo> info(String uid) {
    try {
      HsmKeyRef ref = HsmKeyRef.parse(uid);
      return slot(ref).find(ref.label());
    } catch (HsmException e) {
      if (e.kind() == HsmException.Kind.INVALID_ARGUMENT
          || e.kind() == HsmException.Kind.NO_SUCH_SLOT
          || e.kind() == HsmException.Kind.KEY_NOT_FOUND) {
        return Optional.empty();
      }
      throw HsmErrors.toKmip(e, STORED);
    }
  }

  @Override
  public ObjectRecord create(ObjectRecord draft, TtlvStructure content) {
    throw new KmipException(
        ResultReason.FEATURE_NOT_SUPPORTED,
        "objects are made in the HSM by Create or Create Key Pair, not stored there: "
            + draft.uid());
  }

  @Override
  public Optional<ObjectRecord> find(String uid) {
    return info(uid).map(info -> record(uid, info));
  }

  /** The record of an HSM key: Active, owned by the HSM admin, with the token's attributes. */
  ObjectRecord record(String uid, HsmKeyInfo info) {
    List<Attribute> attributes = new ArrayList<>();
    attributes.add(
        Attribute.of(
            TtlvStructure.of(
                Tag.NAME.code(),
                new TtlvTextString(Tag.NAME_VALUE.code(), uid),
                new TtlvEnumeration(
                    Tag.NAME_TYPE.code(), NameType.UNINTERPRETED_TEXT_STRING.value()))));
    CryptographicAlgorithm algorithm = algorithmOf(info.algorithm());
    if (algorithm != null) {
      attributes.add(
          Attribute.of(new TtlvEnumeration(Tag.CRYPTOGRAPHIC_ALGORITHM.code(), algorithm.value())));
    }
    RecommendedCurve curve = curveOf(info.curve());
    if (curve != null) {
      attributes.add(
          Attribute.of(new TtlvEnumeration(Tag.RECOMMENDED_CURVE.code(), curve.value())));
    }
    attributes.add(
        Attribute.of(new TtlvInteger(Tag.CRYPTOGRAPHIC_LENGTH.code(), info.lengthBits())));
    attributes.add(
        Attribute.of(new TtlvInteger(Tag.CRYPTOGRAPHIC_USAGE_MASK.code(), usageMask(info))));
    attributes.add(Attribute.of(new TtlvBoolean(Tag.SENSITIVE.code(), info.sensitive())));
    attributes.add(Attribute.of(new TtlvBoolean(Tag.EXTRACTABLE.code(), info.extractable())));
    String partner = partner(uid, info);
    if (partner != null) {
      LinkType type =
          info.keyClass() == HsmKeyInfo.KeyClass.PRIVATE
              ? LinkType.PUBLIC_KEY_LINK
              : LinkType.PRIVATE_KEY_LINK;
      attributes.add(link(type, partner));
    }
    attributes.addAll(versionLinks(uid, info));
    return new ObjectRecord(
        uid,
        objectType(info),
        State.ACTIVE,
        admin,
        new Attributes(attributes, List.of()),
        true,
        null,
        Instant.EPOCH,
        Instant.EPOCH,
        1);
  }

  private static Attribute link(LinkType type, String uid) {
    return Attribute.of(
        TtlvStructure.of(
            Tag.LINK.code(),
            new TtlvEnumeration(Tag.LINK_TYPE.code(), type.value()),
            new TtlvTextString(Tag.LINKED_OBJECT_IDENTIFIER.code(), uid)));
  }

  /**
   * The Replaced and Replacement Object Links that Re-key gives an HSM key, read from its label's
   * version ({@link HsmKeyVersion}): version N replaced version N-1 and is replaced by version N+1
   * when the slot holds it. A pair's public key follows the version of its private key.
   */
  private List<Attribute> versionLinks(String uid, HsmKeyInfo info) {
    HsmKeyRef ref = HsmKeyRef.parse(uid);
    String suffix =
        info.keyClass() == HsmKeyInfo.KeyClass.PUBLIC
                && ref.label().endsWith(HsmSlot.PUBLIC_KEY_SUFFIX)
            ? HsmSlot.PUBLIC_KEY_SUFFIX
            : "";
    HsmKeyVersion version;
    try {
      version = HsmKeyVersion.of(ref.label().substring(0, ref.label().length() - suffix.length()));
    } catch (HsmException e) {
      return List.of(); // a label no version names (a bare "_pk"): no version links
    }
    List<Attribute> links = new ArrayList<>();
    if (version.version() > 1) {
      HsmKeyVersion previous = new HsmKeyVersion(version.base(), version.version() - 1);
      links.add(
          link(
              LinkType.REPLACED_OBJECT_LINK,
              new HsmKeyRef(ref.slot(), previous.label() + suffix).toString()));
    }
    String next = new HsmKeyRef(ref.slot(), version.next().label() + suffix).toString();
    if (Boolean.TRUE.equals(successors.get(next, successor -> info(successor).isPresent()))) {
      links.add(link(LinkType.REPLACEMENT_OBJECT_LINK, next));
    }
    return links;
  }

  /** Drops what is known of the keys' next versions, after a Re-key or a Destroy. */
  void forgetSuccessors() {
    successors.invalidateAll();
  }

  static ObjectType objectType(HsmKeyInfo info) {
    return switch (info.keyClass()) {
      case SECRET -> ObjectType.SYMMETRIC_KEY;
      case PRIVATE -> ObjectType.PRIVATE_KEY;
      case PUBLIC -> ObjectType.PUBLIC_KEY;
    };
  }

  /**
   * What the key can do in the token, as the usage mask the handlers check: an AES key encrypts,
   * decrypts, wraps and unwraps; an HMAC or generic secret makes and verifies MACs; an RSA private
   * key decrypts, unwraps and signs and its public key the reverse; an EC pair signs and verifies.
   */
  static int usageMask(HsmKeyInfo info) {
    boolean rsa = info.algorithm() == HsmKeyInfo.KeyAlgorithm.RSA;
    return switch (info.keyClass()) {
      case SECRET ->
          info.algorithm() == HsmKeyInfo.KeyAlgorithm.AES
              ? mask(
                  CryptographicUsageMask.ENCRYPT,
                  CryptographicUsageMask.DECRYPT,
                  CryptographicUsageMask.WRAP_KEY,
                  CryptographicUsageMask.UNWRAP_KEY)
              : mask(CryptographicUsageMask.MAC_GENERATE, CryptographicUsageMask.MAC_VERIFY);
      case PUBLIC ->
          rsa
              ? mask(
                  CryptographicUsageMask.ENCRYPT,
                  CryptographicUsageMask.WRAP_KEY,
                  CryptographicUsageMask.VERIFY)
              : mask(CryptographicUsageMask.VERIFY);
      case PRIVATE ->
          rsa
              ? mask(
                  CryptographicUsageMask.DECRYPT,
                  CryptographicUsageMask.UNWRAP_KEY,
                  CryptographicUsageMask.SIGN)
              : mask(CryptographicUsageMask.SIGN);
    };
  }

  private static int mask(CryptographicUsageMask... uses) {
    int mask = 0;
    for (CryptographicUsageMask use : uses) {
      mask |= use.value();
    }
    return mask;
  }

  /** The KMIP algorithm of a token key; null for a generic secret, which has none. */
  static @Nullable CryptographicAlgorithm algorithmOf(HsmKeyInfo.KeyAlgorithm algorithm) {
    return switch (algorithm) {
      case AES -> CryptographicAlgorithm.AES;
      case RSA -> CryptographicAlgorithm.RSA;
      case EC -> CryptographicAlgorithm.EC;
      case HMAC_SHA256 -> CryptographicAlgorithm.HMAC_SHA256;
      case HMAC_SHA384 -> CryptographicAlgorithm.HMAC_SHA384;
      case HMAC_SHA512 -> CryptographicAlgorithm.HMAC_SHA512;
      case GENERIC_SECRET -> null;
    };
  }

  /** The KMIP curve of an EC token key, else null. */
  static @Nullable RecommendedCurve curveOf(@Nullable EcCurve curve) {
    if (curve == null) {
      return null;
    }
    return switch (curve) {
      case P_256 -> RecommendedCurve.P_256;
      case P_384 -> RecommendedCurve.P_384;
      case P_521 -> RecommendedCurve.P_521;
    };
  }

  /** The other half of an RSA pair: {@code label_pk} for {@code label} and back. */
  private static @Nullable String partner(String uid, HsmKeyInfo info) {
    return switch (info.keyClass()) {
      case PRIVATE -> uid + HsmSlot.PUBLIC_KEY_SUFFIX;
      case PUBLIC ->
          uid.endsWith(HsmSlot.PUBLIC_KEY_SUFFIX)
              ? uid.substring(0, uid.length() - HsmSlot.PUBLIC_KEY_SUFFIX.length())
              : null;
      case SECRET -> null;
    };
  }

  /**
   * The key itself when the token lets it out: the public key as SubjectPublicKeyInfo (X.509), a
   * non-sensitive private key as PKCS#8, a non-sensitive AES key raw. A sensitive key is refused
   * with Sensitive.
   */
  @Override
  public Optional<ObjectContent> content(String uid) {
    Optional<HsmKeyInfo> found = info(uid);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    HsmKeyInfo info = found.get();
    HsmKeyRef ref = HsmKeyRef.parse(uid);
    byte[] value;
    try {
      value = slot(ref).exportValue(ref.label());
    } catch (HsmException e) {
      throw HsmErrors.toKmip(e, STORED);
    }
    try {
      KeyValue plain = KeyValue.Plain.of(new KeyMaterial.Bytes(ByteString.copyOf(value)));
      CryptographicAlgorithm known = algorithmOf(info.algorithm());
      if (known == null) {
        throw new KmipException(
            ResultReason.FEATURE_NOT_SUPPORTED,
            uid + " is a generic secret in the token, with no KMIP algorithm to export it as");
      }
      int algorithm = known.value();
      ManagedObject object =
          switch (info.keyClass()) {
            case SECRET ->
                new SymmetricKey(
                    KeyBlock.of(KeyFormatType.RAW.value(), plain, algorithm, info.lengthBits()));
            case PRIVATE ->
                new PrivateKey(
                    KeyBlock.of(KeyFormatType.PKCS_8.value(), plain, algorithm, info.lengthBits()));
            case PUBLIC ->
                new PublicKey(
                    KeyBlock.of(KeyFormatType.X_509.value(), plain, algorithm, info.lengthBits()));
          };
      return Optional.of(new ObjectContent(object.encode(STORED)));
    } finally {
      Arrays.fill(value, (byte) 0);
    }
  }

  /**
   * Refused: an HSM key's state and attributes are the token's. HSM keys are not revoked (Destroy
   * removes them directly) and take no tags or other attributes.
   */
  @Override
  public ObjectRecord update(String uid, UnaryOperator<ObjectRecord> change) {
    throw new KmipException(
        ResultReason.FEATURE_NOT_SUPPORTED,
        uid
            + " is an HSM key: its state and attributes are the HSM's (no Revoke, Activate, tags"
            + " or other attribute changes; Destroy removes it)");
  }

  /** Removes the key from the HSM (an RSA private key with its public key). */
  @Override
  public boolean delete(String uid) {
    Optional<HsmKeyInfo> found = info(uid);
    if (found.isEmpty()) {
      return false;
    }
    HsmKeyRef ref = HsmKeyRef.parse(uid);
    HsmSlot slot = slot(ref);
    try {
      slot.destroy(ref.label());
      if (found.get().keyClass() == HsmKeyInfo.KeyClass.PRIVATE) {
        String publicLabel = ref.label() + HsmSlot.PUBLIC_KEY_SUFFIX;
        if (slot.find(publicLabel).isPresent()) {
          slot.destroy(publicLabel);
        }
      }
      return true;
    } catch (HsmException e) {
      throw HsmErrors.toKmip(e, STORED);
    } finally {
      forgetSuccessors();
    }
  }

  /** None: the token keeps its own keys, wrapped by none of its others. */
  @Override
  public long wrappedBy(String keyId) {
    return 0;
  }

  /**
   * The HSM keys a search may match, found by the token's own search ({@link HsmSlot#findKeys}):
   * those whose Name (their {@code hsm::} identifier) it gives, or else the keys of every open slot
   * of the object type, algorithm and length asked for (at most {@link #MAX_LISTED} per slot).
   * Locate tests its other criteria on the records itself. Only the HSM admin owns HSM keys; others
   * find those granted to them by their identifiers, as for stored objects.
   */
  @Override
  public List<String> locate(ObjectQuery query) {
    if (query.owner() != null && !query.owner().equals(admin)) {
      return List.of();
    }
    if (query.state() != null && query.state() != State.ACTIVE) {
      return List.of();
    }
    Set<String> named = new LinkedHashSet<>();
    KeyQuery search = KeyQuery.upTo(MAX_LISTED);
    for (ObjectQuery.Match match : query.attributes()) {
      switch (match.name()) {
        case "Name" -> {
          if (!HsmKeyRef.isHsmId(match.text())) {
            return List.of();
          }
          named.add(match.text());
        }
        case "CryptographicAlgorithm" -> {
          HsmKeyInfo.KeyAlgorithm algorithm = keyAlgorithm(match.text());
          if (algorithm == null) {
            return List.of();
          }
          search = search.withAlgorithm(algorithm);
        }
        case "CryptographicLength" -> {
          Integer bits = positive(match.text());
          if (bits == null) {
            return List.of();
          }
          search = search.withLengthBits(bits);
        }
        default -> {
          // tested by the handler on the records
        }
      }
    }
    if (query.objectType() != null) {
      HsmKeyInfo.KeyClass keyClass = keyClass(query.objectType());
      if (keyClass == null) {
        return List.of();
      }
      search = search.withKeyClass(keyClass);
    }
    List<String> out = new ArrayList<>();
    if (!named.isEmpty()) {
      for (String uid : named) {
        find(uid)
            .filter(r -> query.objectType() == null || r.objectType() == query.objectType())
            .ifPresent(r -> out.add(uid));
      }
    } else {
      try {
        for (HsmSlot slot : hsm.openSlots()) {
          for (HsmKeyInfo key : slot.findKeys(search)) {
            out.add(HsmKeyRef.PREFIX + slot.id() + "::" + key.label());
          }
        }
      } catch (HsmException e) {
        throw HsmErrors.toKmip(e, STORED);
      }
    }
    int from = Math.min(query.offset(), out.size());
    return out.subList(from, (int) Math.min(out.size(), (long) from + query.limit()));
  }

  /** The token's algorithm of a searched Cryptographic Algorithm, or null if no HSM key has it. */
  private static HsmKeyInfo.@Nullable KeyAlgorithm keyAlgorithm(String searched) {
    Integer value = positive(searched);
    CryptographicAlgorithm algorithm = value == null ? null : CryptographicAlgorithm.byValue(value);
    if (algorithm == null) {
      return null;
    }
    for (HsmKeyInfo.KeyAlgorithm candidate : HsmKeyInfo.KeyAlgorithm.values()) {
      if (algorithmOf(candidate) == algorithm) {
        return candidate;
      }
    }
    return null;
  }

  private static HsmKeyInfo.@Nullable KeyClass keyClass(ObjectType type) {
    return switch (type) {
      case SYMMETRIC_KEY -> HsmKeyInfo.KeyClass.SECRET;
      case PRIVATE_KEY -> HsmKeyInfo.KeyClass.PRIVATE;
      case PUBLIC_KEY -> HsmKeyInfo.KeyClass.PUBLIC;
      default -> null;
    };
  }

  private static @Nullable Integer positive(String text) {
    try {
      int value = Integer.parseInt(text);
      return value > 0 ? value : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
