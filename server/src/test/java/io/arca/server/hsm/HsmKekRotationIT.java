package io.arca.server.hsm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.arca.hsm.HsmModule;
import io.arca.hsm.HsmSlot;
import io.arca.kmip.CryptographicAlgorithm;
import io.arca.kmip.KeyFormatType;
import io.arca.kmip.ObjectType;
import io.arca.kmip.State;
import io.arca.kmip.Tag;
import io.arca.kmip.attribute.Attribute;
import io.arca.kmip.attribute.Attributes;
import io.arca.kmip.ttlv.TtlvByteString;
import io.arca.kmip.ttlv.TtlvEnumeration;
import io.arca.kmip.ttlv.TtlvInteger;
import io.arca.kmip.ttlv.TtlvStructure;
import io.arca.persistence.Database;
import io.arca.persistence.DatabaseConfig;
import io.arca.persistence.DatabaseDumps;
import io.arca.persistence.JdbcAuditRepository;
import io.arca.persistence.JdbcKekRepository;
import io.arca.persistence.JdbcObjectRepository;
import io.arca.persistence.StoredAuditKey;
import io.arca.server.audit.AuditKeys;
import io.arca.server.store.DatabaseStore;
import io.arca.server.store.KekMismatchException;
import io.arca.server.store.KekRing;
import io.arca.server.store.KekRotation;
import io.arca.server.store.KekSource;
import io.arca.server.store.KekStartup;
import io.arca.server.store.KeyCacheSettings;
import io.arca.server.store.LocalKek;
import io.arca.server.store.ObjectContent;
import io.arca.server.store.ObjectRecord;
import io.arca.testing.TokenImplementation;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server KEK moved into a SoftHSM2 token and from one HSM key to another, with every object
 * read back through a cold cache (so unwrapped in the HSM), and an absent HSM key refused at start.
 */
class HsmKekRotationIT {
  private static final Duration RECHECK = Duration.ofMillis(100);

  @TempDir Path dataDir;
  static HsmTestTokens tokens;

  @BeforeAll
  static void prepare() throws Exception {
    tokens = HsmTestTokens.prepare();
  }

  @Test
  void localToHsmToAnotherHsmKeyThenTheAbsentKeyIsRefusedAtStart() throws Exception {
    Map<Long, char[]> pins = new LinkedHashMap<>();
    pins.put(tokens.slot1(), tokens.pin1().toCharArray());
    SecureRandom random = new SecureRandom();
    String aes = "hsm::" + tokens.slot1() + "::kek-aes";
    String rsa = "hsm::" + tokens.slot1() + "::kek-rsa" + HsmSlot.PUBLIC_KEY_SUFFIX;
    DatabaseConfig config = DatabaseConfig.sqlite(dataDir);
    try (HsmModule hsm =
            HsmModule.open(TokenImplementation.SOFTHSM2.library(), tokens.profile(), pins);
        Database database = Database.open(config);
        JdbcObjectRepository repository = new JdbcObjectRepository(database)) {
      HsmSlot slot = hsm.slot(tokens.slot1());
      slot.generateAes("kek-aes", 256, true);
      slot.generateRsa("kek-rsa", 2048, true);
      JdbcKekRepository keks = new JdbcKekRepository(database);
      JdbcAuditRepository audit = new JdbcAuditRepository(database);
      KekSource source = new KekSource(dataDir, hsm, random);
      KekRing ring = KekStartup.open(keks, audit, source, null, RECHECK);
      AuditKeys.openOrCreate(audit, ring, random);
      DatabaseStore store = new DatabaseStore(repository, ring, KeyCacheSettings.DEFAULTS, hsm);
      List<String> uids = new ArrayList<>();
      for (int i = 0; i < 40; i++) {
        String uid = "k" + i;
        store.create(draft(uid), key(uid));
        uids.add(uid);
      }

      KekRotation.Result toAes =
          new KekRotation(keks, audit, ring, source, 16).rotateTo(aes, (t, d, n) -> {});
      assertThat(toAes.remaining()).isZero();
      assertThat(keks.countWrappedBy(LocalKek.ID)).isZero();
      assertThat(keks.countWrappedBy(aes)).isEqualTo(42);
      assertThat(keks.retire(LocalKek.ID, Instant.now().toEpochMilli())).isZero();
      KekRing restarted = KekStartup.open(keks, audit, source, aes, RECHECK);
      assertThat(restarted.openIds()).containsExactly(aes);
      readBack(new DatabaseStore(repository, restarted, KeyCacheSettings.DEFAULTS, hsm), uids);

      KekRotation.Result toRsa =
          new KekRotation(keks, audit, restarted, source, 16).rotateTo(rsa, (t, d, n) -> {});
      assertThat(toRsa.remaining()).isZero();
      assertThat(audit.key(StoredAuditKey.CHAIN).orElseThrow().kekId()).isEqualTo(rsa);
      assertThat(keks.retire(aes, Instant.now().toEpochMilli())).isZero();
      KekRing onRsa = KekStartup.open(keks, audit, source, rsa, RECHECK);
      readBack(new DatabaseStore(repository, onRsa, KeyCacheSettings.DEFAULTS, hsm), uids);
      assertThat(AuditKeys.open(audit, onRsa)).isPresent();

      // A retired KEK named again, and no key at all: each refused with its reason.
      assertThatThrownBy(() -> KekStartup.open(keks, audit, source, aes, RECHECK))
          .isInstanceOf(KekMismatchException.class)
          .hasMessageContaining("kek-id " + aes + " was retired");
      assertThatThrownBy(() -> KekStartup.open(keks, audit, source, null, RECHECK))
          .isInstanceOf(KekMismatchException.class)
          .hasMessageContaining("set --kek-id " + rsa);
      slot.destroy("kek-rsa" + HsmSlot.PUBLIC_KEY_SUFFIX);
      slot.destroy("kek-rsa");
      assertThatThrownBy(() -> KekStartup.open(keks, audit, source, rsa, RECHECK))
          .isInstanceOf(KekMismatchException.class)
          .hasMessageStartingWith("HSM key absent: " + rsa)
          .hasMessageContaining("42 objects and keys are wrapped by it");

      byte[] everything = DatabaseDumps.sqlite(dataDir);
      assertThat(DatabaseDumps.indexOf(everything, rsa.getBytes(StandardCharsets.UTF_8)))
          .isNotNegative();
      for (String uid : uids) {
        byte[] bytes = bytes(uid);
        assertThat(DatabaseDumps.indexOf(everything, Arrays.copyOfRange(bytes, 0, 8)))
            .isEqualTo(-1);
      }
    }
  }

  private static void readBack(DatabaseStore store, List<String> uids) {
    for (String uid : uids) {
      try (ObjectContent content = store.content(uid).orElseThrow()) {
        assertThat(content.structure()).as(uid).isEqualTo(key(uid));
      }
    }
  }

  /** 32 key bytes that only this uid has. */
  private static byte[] bytes(String uid) {
    try {
      return MessageDigest.getInstance("SHA-256")
          .digest(("hsm-kek-" + uid).getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }

  private static TtlvStructure key(String uid) {
    return TtlvStructure.of(
        Tag.SYMMETRIC_KEY.code(),
        TtlvStructure.of(
            Tag.KEY_BLOCK.code(),
            new TtlvEnumeration(Tag.KEY_FORMAT_TYPE.code(), KeyFormatType.RAW.value()),
            TtlvStructure.of(
                Tag.KEY_VALUE.code(), TtlvByteString.of(Tag.KEY_MATERIAL.code(), bytes(uid))),
            new TtlvEnumeration(
                Tag.CRYPTOGRAPHIC_ALGORITHM.code(), CryptographicAlgorithm.AES.value()),
            new TtlvInteger(Tag.CRYPTOGRAPHIC_LENGTH.code(), 256)));
  }

  private static ObjectRecord draft(String uid) {
    return ObjectRecord.draft(
        uid,
        ObjectType.SYMMETRIC_KEY,
        State.PRE_ACTIVE,
        "alice",
        Attributes.of(
            Attribute.of(
                new TtlvEnumeration(
                    Tag.CRYPTOGRAPHIC_ALGORITHM.code(), CryptographicAlgorithm.AES.value())),
            Attribute.of(new TtlvInteger(Tag.CRYPTOGRAPHIC_LENGTH.code(), 256))),
        null,
        Instant.now());
  }
}
