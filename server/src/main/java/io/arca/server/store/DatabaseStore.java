package io.arca.server.store;

import com.github.benmanes.caffeine.cache.Ticker;
import com.github.benmanes.caffeine.cache.stats.CacheStats;
import io.arca.hsm.HsmKeyRef;
import io.arca.hsm.HsmModule;
import io.arca.kmip.CryptographicAlgorithm;
import io.arca.kmip.KmipException;
import io.arca.kmip.ObjectType;
import io.arca.kmip.ResultReason;
import io.arca.kmip.State;
import io.arca.kmip.Tag;
import io.arca.kmip.attribute.Attribute;
import io.arca.kmip.attribute.AttributeReference;
import io.arca.kmip.ttlv.ByteString;
import io.arca.kmip.ttlv.DecodeLimits;
import io.arca.kmip.ttlv.Ttlv;
import io.arca.kmip.ttlv.TtlvEnumeration;
import io.arca.kmip.ttlv.TtlvInteger;
import io.arca.kmip.ttlv.TtlvReader;
import io.arca.kmip.ttlv.TtlvStructure;
import io.arca.kmip.ttlv.TtlvWriter;
import io.arca.persistence.Blob;
import io.arca.persistence.ConcurrentUpdateException;
import io.arca.persistence.DuplicateNameException;
import io.arca.persistence.DuplicateObjectException;
import io.arca.persistence.JdbcObjectRepository;
import io.arca.persistence.ObjectCriteria;
import io.arca.persistence.ObjectRepository;
import io.arca.persistence.StoredObject;
import io.arca.persistence.UniqueNames;
import io.arca.server.keys.ClearKey;
import io.arca.server.keys.JcaKeys;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.interfaces.RSAPublicKey;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * The {@link ObjectStore} for objects kept in the database: content is serialised as TTLV, wrapped
 * (server KEK, or a managed AES key or RSA public key the client chose) and stored as an opaque
 * blob; reads go through the {@link KeyCache}, so a warm key is unwrapped once and served from
 * memory.
 *
 * <p>A managed wrapping key must itself be protected by the server KEK. That bounds unwrapping to
 * one level (no chains, no cycles) and means the server KEK, which may live in an HSM, is always at
 * the root.
 */
public final class DatabaseStore implements ObjectStore {
  private static final int UPDATE_ATTEMPTS = 32;

  private final ObjectRepository repository;
  private final KeyWrapper serverKek;
  private final KeyCache cache;
  private final SecureRandom random = new SecureRandom();
  private final @Nullable HsmModule hsm;
  private final ClientSettings settings;

  /**
   * The rule the repository's database enforces for KMIP Names: unique among one owner's objects
   * that are not destroyed (as the handlers' own check before a create or change), unless the
   * server lets them repeat ({@code --allow-duplicate-names}).
   */
  public static UniqueNames uniqueNames(boolean namesMayRepeat) {
    return namesMayRepeat
        ? UniqueNames.none()
        : UniqueNames.of(
            AttributeRows.columnName(new AttributeReference.Tagged(Tag.NAME.code())),
            Set.of(State.DESTROYED.xmlName(), State.DESTROYED_COMPROMISED.xmlName()));
  }

  /** A store over {@code repository}, wrapping with {@code serverKek} unless told otherwise. */
  public DatabaseStore(
      ObjectRepository repository, KeyWrapper serverKek, KeyCacheSettings cacheSettings) {
    this(repository, serverKek, cacheSettings, Ticker.systemTicker(), null);
  }

  /**
   * A store that also accepts keys of {@code hsm} as the wrapping key a client chooses ({@code
   * hsm::<slot>::<label>} identifiers); wrapping and unwrapping with them happen in the HSM.
   */
  public DatabaseStore(
      ObjectRepository repository,
      KeyWrapper serverKek,
      KeyCacheSettings cacheSettings,
      @Nullable HsmModule hsm) {
    this(repository, serverKek, cacheSettings, Ticker.systemTicker(), hsm);
  }

  DatabaseStore(
      ObjectRepository repository,
      KeyWrapper serverKek,
      KeyCacheSettings cacheSettings,
      Ticker ticker) {
    this(repository, serverKek, cacheSettings, ticker, null);
  }

  DatabaseStore(
      ObjectRepository repository,
      KeyWrapper serverKek,
      KeyCacheSettings cacheSettings,
      Ticker ticker,
      @Nullable HsmModule hsm) {
    this.repository = repository;
    this.serverKek = serverKek;
    this.cache = new KeyCache(cacheSettings, ticker);
    this.hsm = hsm;
    this.settings =
        repository instanceof JdbcObjectRepository jdbc
            ? new DatabaseSettings(jdbc.settings(), cacheSettings.recheck())
            : ClientSettings.NONE;
  }

  @Override
  public ClientSettings settings() {
    return settings;
  }

  @Override
  public ObjectRecord create(ObjectRecord draft, TtlvStructure content) {
    if (draft.version() != 0 || !draft.hasContent()) {
      throw new IllegalArgumentException("not a draft: " + draft.uid());
    }
    KeyWrapper wrapper = wrapperFor(draft.wrappingKeyId());
    byte[] clear = TtlvWriter.toBytes(content);
    WrappedKey wrapped;
    ByteString plaintext = ByteString.copyOf(clear);
    try {
      wrapped = wrapper.wrap(plaintext);
    } finally {
      Arrays.fill(clear, (byte) 0);
      plaintext.wipe();
    }
    StoredObject row =
        new StoredObject(
            draft.uid(),
            draft.objectType().xmlName(),
            draft.state().xmlName(),
            draft.owner(),
            Blob.copyOf(wrapped.bytes().toByteArray()),
            wrapped.wrappingKeyId(),
            wrapped.mechanism(),
            algorithm(draft),
            length(draft),
            draft.createdAt(),
            draft.updatedAt(),
            0,
            AttributeRows.toRows(draft.attributes()));
    try {
      return toRecord(repository.insert(row));
    } catch (DuplicateObjectException e) {
      throw new KmipException(
          ResultReason.OBJECT_ALREADY_EXISTS, "an object " + draft.uid() + " already exists");
    } catch (DuplicateNameException e) {
      throw nameTaken();
    }
  }

  @Override
  public Optional<ObjectRecord> find(String uid) {
    KeyCache.Entry entry = current(uid, false);
    return entry == null ? Optional.empty() : Optional.of(entry.record);
  }

  @Override
  public Optional<ObjectRecord> findCached(String uid) {
    KeyCache.Entry entry = cache.getIfPresent(uid);
    return entry != null && cache.isConfirmed(entry) ? Optional.of(entry.record) : Optional.empty();
  }

  @Override
  public Optional<ObjectRecord> findConfirmed(String uid) {
    KeyCache.Entry entry = current(uid, true);
    return entry == null ? Optional.empty() : Optional.of(entry.record);
  }

  @Override
  public Optional<ObjectContent> content(String uid) {
    // Two tries: an entry can be invalidated between being found and being read.
    for (int attempt = 0; attempt < 2; attempt++) {
      KeyCache.Entry entry = current(uid, false);
      if (entry == null || entry.wrapped == null) {
        return Optional.empty();
      }
      byte[] clear = entry.plaintextCopy(this::unwrap);
      if (clear == null) {
        continue;
      }
      try {
        return Optional.of(parse(uid, clear));
      } finally {
        Arrays.fill(clear, (byte) 0);
      }
    }
    throw new KmipException(
        ResultReason.GENERAL_FAILURE, uid + " is changing too fast to be read; try again");
  }

  private static ObjectContent parse(String uid, byte[] clear) {
    Ttlv tree = TtlvReader.read(clear, DecodeLimits.DEFAULTS);
    if (!(tree instanceof TtlvStructure structure)) {
      throw new KmipException(
          ResultReason.GENERAL_FAILURE, "stored content of " + uid + " is not a structure");
    }
    return new ObjectContent(structure);
  }

  @Override
  public Optional<ObjectContent> contentInMemory(String uid) {
    KeyCache.Entry entry = cache.getIfPresent(uid);
    if (entry == null || !cache.isConfirmed(entry)) {
      return Optional.empty();
    }
    byte[] clear = entry.plaintextIfUnwrapped();
    if (clear == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(parse(uid, clear));
    } finally {
      Arrays.fill(clear, (byte) 0);
    }
  }

  @Override
  public ObjectRecord update(String uid, UnaryOperator<ObjectRecord> change) {
    try {
      for (int attempt = 0; attempt < UPDATE_ATTEMPTS; attempt++) {
        try {
          // The read, too, gives up when writers keep changing the object under it.
          StoredObject stored =
              repository
                  .find(uid)
                  .orElseThrow(() -> new KmipException(ResultReason.ITEM_NOT_FOUND, uid));
          ObjectRecord before = toRecord(stored);
          ObjectRecord after = change.apply(before);
          checkSameObject(before, after);
          return toRecord(repository.update(toRow(after, stored)));
        } catch (DuplicateNameException e) {
          throw nameTaken();
        } catch (ConcurrentUpdateException e) {
          // Another writer (here or on another node) got there first: apply the change again on
          // what it wrote, after a random pause that grows, so that contenders spread out.
          backOff(attempt);
        }
      }
    } finally {
      cache.invalidate(uid);
    }
    throw new KmipException(
        ResultReason.GENERAL_FAILURE,
        uid + " was changed by others " + UPDATE_ATTEMPTS + " times in a row; try again");
  }

  /**
   * The loser of a race for a Name: the handlers' check before the write found it free, and another
   * create or change (here or on another server) committed it first. A 1.x client reads General
   * Failure, as its version has no reason for a taken Name.
   */
  private static KmipException nameTaken() {
    return new KmipException(
        ResultReason.NON_UNIQUE_NAME_ATTRIBUTE,
        "a Name of the object is already given to another of your objects");
  }

  @Override
  public ObjectRecord rewrap(
      String uid, @Nullable String wrappingKeyId, UnaryOperator<ObjectRecord> change) {
    KeyWrapper wrapper = wrapperFor(wrappingKeyId);
    try {
      for (int attempt = 0; attempt < UPDATE_ATTEMPTS; attempt++) {
        StoredObject stored =
            repository
                .find(uid)
                .orElseThrow(() -> new KmipException(ResultReason.ITEM_NOT_FOUND, uid));
        WrappedKey old = wrapped(stored);
        if (old == null) {
          throw new IllegalStateException(uid + " holds no material to re-wrap");
        }
        ObjectRecord before = toRecord(stored);
        ObjectRecord after = change.apply(before);
        checkSameObject(before, after);
        WrappedKey rewrapped;
        ByteString clear = unwrap(old);
        try {
          rewrapped = wrapper.wrap(clear);
        } finally {
          clear.wipe();
        }
        StoredObject row =
            new StoredObject(
                stored.uid(),
                stored.objectType(),
                after.state().xmlName(),
                stored.owner(),
                Blob.copyOf(rewrapped.bytes().toByteArray()),
                rewrapped.wrappingKeyId(),
                rewrapped.mechanism(),
                algorithm(after),
                length(after),
                stored.createdAt(),
                after.updatedAt(),
                stored.version(),
                AttributeRows.toRows(after.attributes()));
        try {
          return toRecord(repository.update(row));
        } catch (ConcurrentUpdateException e) {
          backOff(attempt);
        }
      }
    } finally {
      cache.invalidate(uid);
    }
    throw new KmipException(
        ResultReason.GENERAL_FAILURE,
        uid + " was changed by others " + UPDATE_ATTEMPTS + " times in a row; try again");
  }

  private static void backOff(int attempt) {
    long maxMillis = 1L << Math.min(attempt, 6);
    try {
      Thread.sleep(ThreadLocalRandom.current().nextLong(maxMillis + 1));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new KmipException(ResultReason.GENERAL_FAILURE, "interrupted while updating");
    }
  }

  @Override
  public boolean delete(String uid) {
    try {
      return repository.delete(uid);
    } finally {
      cache.invalidate(uid);
    }
  }

  @Override
  public long wrappedBy(String keyId) {
    return repository.countWrappedBy(keyId);
  }

  @Override
  public List<String> locate(ObjectQuery query) {
    ObjectCriteria criteria = ObjectCriteria.all(query.limit()).withOffset(query.offset());
    if (query.owner() != null) {
      criteria = criteria.withOwner(query.owner());
    }
    if (query.objectType() != null) {
      criteria = criteria.withType(query.objectType().xmlName());
    }
    if (query.state() != null) {
      criteria = criteria.withState(query.state().xmlName());
    }
    for (ObjectQuery.Match match : query.attributes()) {
      criteria = criteria.withAttribute(match.name(), match.text());
    }
    return repository.locate(criteria);
  }

  /** The key cache's hits, misses and evictions since start, and its size now. */
  public CacheStats cacheStats() {
    return cache.stats();
  }

  /** Objects in the key cache now (an estimate). */
  public long cachedObjects() {
    return cache.size();
  }

  /** Drops and wipes every cached key (at shutdown). */
  public void clearCache() {
    cache.clear();
  }

  /**
   * The cache entry for {@code uid}, confirmed against the stored version if it is past its recheck
   * interval or {@code confirm} is set, or loaded; null if there is no such object. Either way one
   * primary-key read at most.
   */
  private KeyCache.@Nullable Entry current(String uid, boolean confirm) {
    KeyCache.Entry entry = cache.getIfPresent(uid);
    if (entry != null) {
      if (!confirm && cache.isConfirmed(entry)) {
        return entry;
      }
      OptionalLong stored = repository.currentVersion(uid);
      if (stored.isPresent() && stored.getAsLong() == entry.record.version()) {
        cache.confirm(entry);
        return entry;
      }
      cache.invalidate(uid, entry);
    }
    return cache.get(uid, this::load);
  }

  private KeyCache.@Nullable Entry load(String uid) {
    return repository
        .find(uid)
        .map(stored -> new KeyCache.Entry(toRecord(stored), wrapped(stored), cache.now()))
        .orElse(null);
  }

  private static @Nullable WrappedKey wrapped(StoredObject stored) {
    Blob block = stored.keyBlock();
    if (block == null || stored.wrappingKeyId() == null || stored.wrappingMechanism() == null) {
      return null;
    }
    return new WrappedKey(
        stored.wrappingKeyId(), stored.wrappingMechanism(), ByteString.copyOf(block.toByteArray()));
  }

  private ByteString unwrap(WrappedKey wrapped) {
    if (serverKek.opens(wrapped.wrappingKeyId())) {
      return serverKek.unwrap(wrapped);
    }
    return managedWrapper(wrapped.wrappingKeyId()).unwrap(wrapped);
  }

  private KeyWrapper wrapperFor(@Nullable String wrappingKeyId) {
    return wrappingKeyId == null ? serverKek : managedWrapper(wrappingKeyId);
  }

  /** A wrapper over a key in the HSM; an HSM key is at the root like the server KEK. */
  private KeyWrapper hsmWrapper(String uid) {
    if (hsm == null) {
      throw new KmipException(
          ResultReason.WRAPPING_OBJECT_NOT_FOUND,
          "wrapping key " + uid + " does not exist: this server has no HSM configured");
    }
    return HsmKeyWrapper.forKey(hsm, uid, random);
  }

  /** A wrapper over a managed AES key, which must itself be under the server KEK. */
  private KeyWrapper managedWrapper(String uid) {
    if (HsmKeyRef.isHsmId(uid)) {
      return hsmWrapper(uid);
    }
    ObjectRecord key =
        find(uid)
            .orElseThrow(
                () ->
                    new KmipException(
                        ResultReason.WRAPPING_OBJECT_NOT_FOUND,
                        "wrapping key " + uid + " does not exist"));
    if (key.wrappingKeyId() != null) {
      throw new KmipException(
          ResultReason.INVALID_FIELD,
          "wrapping key " + uid + " is itself wrapped by a managed key (expected: the server KEK)");
    }
    if (key.objectType() == ObjectType.PUBLIC_KEY
        && CryptographicAlgorithm.RSA.xmlName().equals(algorithm(key))) {
      return rsaWrapper(key);
    }
    if (key.objectType() != ObjectType.SYMMETRIC_KEY
        || !CryptographicAlgorithm.AES.xmlName().equals(algorithm(key))) {
      throw new KmipException(
          ResultReason.INVALID_FIELD,
          "wrapping key "
              + uid
              + " is not an AES key or an RSA public key (expected: an AES symmetric key or an"
              + " RSA public key)");
    }
    try (ObjectContent content =
        content(uid)
            .orElseThrow(
                () ->
                    new KmipException(
                        ResultReason.WRAPPING_OBJECT_DESTROYED,
                        "wrapping key " + uid + " has no key material"))) {
      byte[] bytes = SymmetricKeyMaterial.bytes(content.structure());
      try {
        return new AesKwpWrapper(uid, bytes);
      } finally {
        Arrays.fill(bytes, (byte) 0);
      }
    }
  }

  /**
   * A wrapper over a managed RSA public key; unwrapping finds the private key through the public
   * key's Private Key Link, and that private key must be under the server KEK too.
   */
  private KeyWrapper rsaWrapper(ObjectRecord publicKey) {
    java.security.PublicKey jca;
    try (ClearKey clear = StoredKeys.clearKey(content(publicKey.uid()), publicKey)) {
      jca = JcaKeys.publicKey(clear);
    }
    if (!(jca instanceof RSAPublicKey rsa)) {
      throw new KmipException(
          ResultReason.INVALID_FIELD, "wrapping key " + publicKey.uid() + " is not an RSA key");
    }
    return new RsaAesKwpWrapper(publicKey.uid(), rsa, () -> rsaPrivateKey(publicKey), random);
  }

  private PrivateKey rsaPrivateKey(ObjectRecord publicKey) {
    String privateUid = StoredKeys.privateKeyLink(publicKey);
    ObjectRecord privateKey =
        find(privateUid)
            .filter(r -> r.objectType() == ObjectType.PRIVATE_KEY)
            .orElseThrow(
                () ->
                    new KmipException(
                        ResultReason.WRAPPING_OBJECT_NOT_FOUND,
                        "the private key of wrapping key " + publicKey.uid() + " does not exist"));
    if (privateKey.wrappingKeyId() != null) {
      throw new KmipException(
          ResultReason.INVALID_FIELD,
          "the private key of wrapping key "
              + publicKey.uid()
              + " is itself wrapped by a managed key (expected: the server KEK)");
    }
    try (ClearKey clear = StoredKeys.clearKey(content(privateUid), privateKey)) {
      return JcaKeys.privateKey(clear);
    }
  }

  private ObjectRecord toRecord(StoredObject stored) {
    String wrappingKeyId = stored.wrappingKeyId();
    boolean underServerKek = wrappingKeyId == null || serverKek.opens(wrappingKeyId);
    return new ObjectRecord(
        stored.uid(),
        enumeration(ObjectType.byXmlName(stored.objectType()), stored),
        enumeration(State.byXmlName(stored.state()), stored),
        stored.owner(),
        AttributeRows.fromRows(stored.attributes()),
        stored.keyBlock() != null,
        underServerKek ? null : wrappingKeyId,
        stored.createdAt(),
        stored.updatedAt(),
        stored.version());
  }

  private static <E> E enumeration(@Nullable E value, StoredObject stored) {
    if (value == null) {
      throw new IllegalStateException(
          "stored object " + stored.uid() + " has an unknown type or state");
    }
    return value;
  }

  private static StoredObject toRow(ObjectRecord after, StoredObject stored) {
    boolean keep = after.hasContent() && stored.keyBlock() != null;
    return new StoredObject(
        stored.uid(),
        stored.objectType(),
        after.state().xmlName(),
        stored.owner(),
        keep ? stored.keyBlock() : null,
        keep ? stored.wrappingKeyId() : null,
        keep ? stored.wrappingMechanism() : null,
        algorithm(after),
        length(after),
        stored.createdAt(),
        after.updatedAt(),
        stored.version(),
        AttributeRows.toRows(after.attributes()));
  }

  private static void checkSameObject(ObjectRecord before, ObjectRecord after) {
    if (!after.uid().equals(before.uid())
        || after.objectType() != before.objectType()
        || !after.owner().equals(before.owner())
        || after.version() != before.version()
        || (after.hasContent() && !before.hasContent())) {
      throw new IllegalArgumentException(
          "an update may change state, attributes and drop content, nothing else: " + before.uid());
    }
  }

  private static @Nullable String algorithm(ObjectRecord record) {
    Attribute attribute = record.attributes().first(Tag.CRYPTOGRAPHIC_ALGORITHM.code());
    if (attribute != null && attribute.value() instanceof TtlvEnumeration e) {
      CryptographicAlgorithm known = CryptographicAlgorithm.byValue(e.value());
      return known != null ? known.xmlName() : Integer.toString(e.value());
    }
    return null;
  }

  private static @Nullable Integer length(ObjectRecord record) {
    Attribute attribute = record.attributes().first(Tag.CRYPTOGRAPHIC_LENGTH.code());
    return attribute != null && attribute.value() instanceof TtlvInteger i ? i.value() : null;
  }
}
