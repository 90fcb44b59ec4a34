package io.arca.hsm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKF_ENCRYPT;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKF_WRAP;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKM_AES_GCM;

import io.arca.hsm.HsmKeyInfo.KeyAlgorithm;
import io.arca.hsm.HsmKeyInfo.KeyClass;
import io.arca.testing.TestTokens;
import io.arca.testing.TokenImplementation;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What every PKCS#11 token behind an {@link HsmSlot} must do; one subclass per token implementation
 * (Cosmian's shared HSM tests). What a token lacks (opencryptoki's AES-GCM) must be refused with
 * the reason, and the tests assert that refusal there. Labels are random so runs never collide, and
 * every key a run makes is destroyed after it, since opencryptoki's test tokens are shared.
 */
abstract class HsmSlotContract {

  static final byte[] AAD = "arca".getBytes(StandardCharsets.UTF_8);

  private static final Set<String> MADE = ConcurrentHashMap.newKeySet();

  /** The tokens of the implementation under test. */
  abstract TestTokens tokens();

  /** The library, with the first token's slot logged in and sessions bounded by maxSessions. */
  abstract HsmModule module();

  abstract int maxSessions();

  /** A logged-in slot whose session pool holds at most {@link #maxSessions()} sessions. */
  HsmSlot slot() {
    return module().slot(tokens().first().id());
  }

  TokenImplementation implementation() {
    return tokens().implementation();
  }

  RsaPadding oaep() {
    return slot().profile().rsaOaep();
  }

  /** The session count xipki's pool keeps (SoftHSM2 reports none through C_GetTokenInfo). */
  static long poolSessions(HsmSlot slot) throws ReflectiveOperationException {
    java.lang.reflect.Field tokenField = HsmSlot.class.getDeclaredField("token");
    tokenField.setAccessible(true);
    Object token = tokenField.get(slot);
    java.lang.reflect.Field count = token.getClass().getDeclaredField("countSessions");
    count.setAccessible(true);
    return ((java.util.concurrent.atomic.AtomicLong) count.get(token)).get();
  }

  static String label(String what) {
    String label = what + "-" + UUID.randomUUID();
    MADE.add(label);
    return label;
  }

  /** Destroys what this run made in the open slots (the pair's public half too). */
  static void destroyKeysMadeBy(HsmModule module) {
    for (HsmSlot slot : module.openSlots()) {
      for (String label : MADE) {
        for (String each : List.of(label, label + HsmSlot.PUBLIC_KEY_SUFFIX)) {
          if (slot.available() && slot.find(each).isPresent()) {
            slot.destroy(each);
          }
        }
      }
    }
  }

  @AfterAll
  static void forgetLabels() {
    MADE.clear();
  }

  /**
   * A key for the tests of sessions and logins, which need some operation in the token: AES-GCM
   * where the token has it, else RSA-OAEP.
   */
  String sessionKey(String what) {
    String label = label(what);
    if (implementation().aesGcm()) {
      slot().generateAes(label, 256, true);
    } else {
      slot().generateRsa(label, 2048, true);
    }
    return label;
  }

  /**
   * Encrypts {@code value} and decrypts it again in the token, with a key of {@link #sessionKey}.
   */
  byte[] roundTrip(String label, byte value) {
    byte[] data = {value};
    if (implementation().aesGcm()) {
      return slot().decryptAesGcm(label, slot().encryptAesGcm(label, data, AAD), AAD);
    }
    byte[] encrypted = slot().encryptRsa(label + HsmSlot.PUBLIC_KEY_SUFFIX, oaep(), data);
    return slot().decryptRsa(label, oaep(), encrypted);
  }

  /** The refusal of AES-GCM by a token that lacks it: the reason, not a token error. */
  void assertAesGcmRefused(ThrowingCallable call) {
    assertThatThrownBy(call)
        .isInstanceOfSatisfying(
            HsmException.class, e -> assertThat(e.kind()).isEqualTo(HsmException.Kind.UNSUPPORTED))
        .hasMessageStartingWith(
            "slot "
                + slot().id()
                + " ("
                + slot().profile().name()
                + "): the token does not implement AES-GCM (CKM_AES_GCM)");
  }

  @Test
  void tokenOffersTheMechanismsItsImplementationIsKnownFor() {
    assertThat(slot().offers(CKM_AES_GCM, CKF_ENCRYPT)).isEqualTo(implementation().aesGcm());
    assertThat(slot().offers(slot().profile().aesKeyWrapPad(), CKF_WRAP))
        .isEqualTo(implementation().aesKeyWrapPad());
    assertThat(oaep())
        .isEqualTo(
            implementation().rsaOaepSha256() ? RsaPadding.OAEP_SHA256 : RsaPadding.OAEP_SHA1);
  }

  @Test
  void libraryListsBothTestTokens() {
    assertThat(module().listSlots())
        .contains(
            new HsmModule.SlotDescription(tokens().first().id(), true, tokens().first().label()),
            new HsmModule.SlotDescription(tokens().second().id(), true, tokens().second().label()));
  }

  @Test
  void secondSlotOpensOnlyWithItsOwnPinAndHoldsItsOwnKeys() {
    TestTokens.Slot first = tokens().first();
    TestTokens.Slot second = tokens().second();
    // The first slot's PIN is wrong for the second; the login must fail before any use.
    assertThatThrownBy(() -> module().openSlot(second.id(), first.pin().toCharArray()))
        .isInstanceOfSatisfying(
            HsmException.class, e -> assertThat(e.kind()).isEqualTo(HsmException.Kind.LOGIN_FAILED))
        .hasMessage(
            "login to slot "
                + second.id()
                + " (token '"
                + second.label()
                + "') refused: check the slot's PIN (CKR_PIN_INCORRECT)");
    assertThatThrownBy(() -> module().slot(second.id())).hasMessageContaining("is not configured");

    HsmSlot opened = module().openSlot(second.id(), second.pin().toCharArray());

    String label = label("per-slot");
    opened.generateAes(label, 128, true);
    assertThat(opened.find(label)).isPresent();
    assertThat(slot().find(label)).isEmpty();
  }

  @Test
  void unknownSlotFailsAtOpenAndLeavesNothingOpen() {
    Map<Long, char[]> pins = new HashMap<>();
    pins.put(tokens().first().id(), tokens().first().pin().toCharArray());
    pins.put(12345L, "x".toCharArray());

    assertThatThrownBy(() -> HsmModule.open(module().library(), slot().profile(), pins))
        .isInstanceOfSatisfying(
            HsmException.class, e -> assertThat(e.kind()).isEqualTo(HsmException.Kind.NO_SUCH_SLOT))
        .hasMessageStartingWith("no slot 12345 in " + module().library());
    // The shared module (same library, same process) still works.
    assertThat(slot().find(label("still-there"))).isEmpty();
  }

  static void assertFails(HsmException.Kind kind, ThrowingCallable call) {
    assertThatThrownBy(call)
        .isInstanceOfSatisfying(HsmException.class, e -> assertThat(e.kind()).isEqualTo(kind));
  }

  @ParameterizedTest
  @ValueSource(ints = {128, 192, 256})
  void aesKeyIsGeneratedFoundAndDestroyed(int bits) {
    String label = label("aes");

    HsmKeyInfo info = slot().generateAes(label, bits, true);

    assertThat(info)
        .isEqualTo(new HsmKeyInfo(label, KeyClass.SECRET, KeyAlgorithm.AES, bits, true, false));
    assertThat(slot().find(label)).contains(info);
    slot().destroy(label);
    assertThat(slot().find(label)).isEmpty();
    assertFails(HsmException.Kind.KEY_NOT_FOUND, () -> slot().info(label));
  }

  @Test
  void labelsListTheKeysOfTheToken() {
    String aes = label("list-aes");
    String rsa = label("list-rsa");
    slot().generateAes(aes, 128, true);
    slot().generateRsa(rsa, 2048, true);

    assertThat(slot().labels(1024)).contains(aes, rsa, rsa + "_pk");

    slot().destroy(aes);
    assertThat(slot().labels(1024)).doesNotContain(aes);
    slot().destroy(rsa);
    slot().destroy(rsa + "_pk");
  }

  @Test
  void rsaKeyPairLabelsItsPublicKeyWithPk() {
    String label = label("rsa");

    HsmKeyInfo info = slot().generateRsa(label, 2048, true);

    assertThat(info)
        .isEqualTo(new HsmKeyInfo(label, KeyClass.PRIVATE, KeyAlgorithm.RSA, 2048, true, false));
    assertThat(slot().info(label + "_pk"))
        .isEqualTo(
            new HsmKeyInfo(label + "_pk", KeyClass.PUBLIC, KeyAlgorithm.RSA, 2048, false, true));
    slot().destroy(label);
    slot().destroy(label + "_pk");
    assertThat(slot().find(label)).isEmpty();
    assertThat(slot().find(label + "_pk")).isEmpty();
  }

  @Test
  void rsa4096KeyPairIsGenerated() {
    String label = label("rsa4096");

    assertThat(slot().generateRsa(label, 4096, true).lengthBits()).isEqualTo(4096);
    byte[] secret = {1, 2, 3, 4};
    byte[] encrypted = slot().encryptRsa(label + "_pk", oaep(), secret);
    assertThat(encrypted).hasSize(512);
    assertThat(slot().decryptRsa(label, oaep(), encrypted)).isEqualTo(secret);
  }

  @Test
  void existingLabelIsRefused() {
    String label = label("dup");
    slot().generateAes(label, 256, true);

    assertThatThrownBy(() -> slot().generateAes(label, 128, false))
        .isInstanceOfSatisfying(
            HsmException.class, e -> assertThat(e.kind()).isEqualTo(HsmException.Kind.LABEL_EXISTS))
        .hasMessageContaining("already holds a key labelled '" + label + "'");
    assertFails(HsmException.Kind.LABEL_EXISTS, () -> slot().generateRsa(label, 2048, true));
    assertThat(slot().info(label).lengthBits()).isEqualTo(256);
  }

  @Test
  void rsaPairIsRefusedWhenItsPublicLabelIsTaken() {
    String label = label("pk-taken");
    slot().generateAes(label + "_pk", 128, true);

    assertFails(HsmException.Kind.LABEL_EXISTS, () -> slot().generateRsa(label, 2048, true));
    assertThat(slot().find(label)).isEmpty();
  }

  @Test
  void unsupportedKeyLengthsAreRefusedBeforeReachingTheToken() {
    assertFails(HsmException.Kind.INVALID_ARGUMENT, () -> slot().generateAes(label("x"), 64, true));
    assertFails(
        HsmException.Kind.INVALID_ARGUMENT, () -> slot().generateRsa(label("x"), 1024, true));
  }

  @Test
  void sensitiveKeyValuesStayInTheHsm() {
    String aes = label("sensitive-aes");
    String rsa = label("sensitive-rsa");
    slot().generateAes(aes, 256, true);
    slot().generateRsa(rsa, 2048, true);

    assertThatThrownBy(() -> slot().exportValue(aes))
        .isInstanceOfSatisfying(
            HsmException.class,
            e -> assertThat(e.kind()).isEqualTo(HsmException.Kind.NOT_EXPORTABLE))
        .hasMessage("'" + aes + "' is sensitive: its value stays in the HSM");
    assertFails(HsmException.Kind.NOT_EXPORTABLE, () -> slot().exportValue(rsa));
    // The public half is always exportable.
    assertThat(slot().exportValue(rsa + "_pk")).isEqualTo(slot().exportPublicKey(rsa + "_pk"));
  }

  @Test
  void nonSensitiveAesKeyIsExportedWithTheValueTheHsmUses() throws Exception {
    String label = label("plain-aes");
    slot().generateAes(label, 256, false);
    if (!implementation().aesGcm()) {
      assertThat(slot().exportValue(label)).hasSize(32);
      assertAesGcmRefused(() -> slot().encryptAesGcm(label, new byte[1], AAD));
      return;
    }
    AesGcmCiphertext c = slot().encryptAesGcm(label, "hello".getBytes(StandardCharsets.UTF_8), AAD);

    byte[] value = slot().exportValue(label);

    assertThat(value).hasSize(32);
    Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
    gcm.init(
        Cipher.DECRYPT_MODE, new SecretKeySpec(value, "AES"), new GCMParameterSpec(128, c.iv()));
    gcm.updateAAD(AAD);
    byte[] ctAndTag = new byte[c.ciphertext().length + 16];
    System.arraycopy(c.ciphertext(), 0, ctAndTag, 0, c.ciphertext().length);
    System.arraycopy(c.tag(), 0, ctAndTag, c.ciphertext().length, 16);
    assertThat(new String(gcm.doFinal(ctAndTag), StandardCharsets.UTF_8)).isEqualTo("hello");
  }

  @Test
  void nonSensitivePrivateKeyIsExportedAsPkcs8() throws Exception {
    String label = label("plain-rsa");
    slot().generateRsa(label, 2048, false);

    byte[] pkcs8 = slot().exportValue(label);

    var key =
        KeyFactory.getInstance("RSA")
            .generatePrivate(new java.security.spec.PKCS8EncodedKeySpec(pkcs8));
    assertThat(key.getAlgorithm()).isEqualTo("RSA");
  }

  @Test
  void publicKeyIsExportedAsSubjectPublicKeyInfoThatSoftwareCanEncryptTo() throws Exception {
    String label = label("spki");
    slot().generateRsa(label, 2048, true);
    PublicKey publicKey =
        KeyFactory.getInstance("RSA")
            .generatePublic(new X509EncodedKeySpec(slot().exportPublicKey(label + "_pk")));
    // PKCS#1 v1.5: SoftHSM2 2.6.1 did not decrypt the JDK's OAEP (SHA-1) output here; see the
    // report.
    Cipher pkcs1 = Cipher.getInstance("RSA/ECB/PKCS1Padding");
    pkcs1.init(Cipher.ENCRYPT_MODE, publicKey);
    byte[] encrypted = pkcs1.doFinal(new byte[] {9, 8, 7});

    assertThat(slot().decryptRsa(label, RsaPadding.PKCS1_V1_5, encrypted)).containsExactly(9, 8, 7);
    assertFails(HsmException.Kind.INVALID_KEY, () -> slot().exportPublicKey(label));
  }

  @Test
  void aesGcmRoundTripsAndRefusesAWrongKeyOrTag() {
    String label = label("gcm");
    String other = label("gcm-other");
    slot().generateAes(label, 256, true);
    slot().generateAes(other, 256, true);
    byte[] plaintext = new byte[64];
    if (!implementation().aesGcm()) {
      assertAesGcmRefused(() -> slot().encryptAesGcm(label, plaintext, AAD));
      assertAesGcmRefused(
          () ->
              slot()
                  .decryptAesGcm(
                      label, new AesGcmCiphertext(new byte[12], plaintext, new byte[16]), AAD));
      return;
    }

    AesGcmCiphertext c = slot().encryptAesGcm(label, plaintext, AAD);

    assertThat(c.iv()).hasSize(12);
    assertThat(c.tag()).hasSize(16);
    assertThat(c.ciphertext()).hasSize(64).isNotEqualTo(plaintext);
    assertThat(slot().decryptAesGcm(label, c, AAD)).isEqualTo(plaintext);
    assertFails(HsmException.Kind.INVALID_DATA, () -> slot().decryptAesGcm(other, c, AAD));
    assertFails(HsmException.Kind.INVALID_DATA, () -> slot().decryptAesGcm(label, c, new byte[0]));
    byte[] tag = c.tag();
    tag[0] ^= 1;
    AesGcmCiphertext tampered = new AesGcmCiphertext(c.iv(), c.ciphertext(), tag);
    assertFails(HsmException.Kind.INVALID_DATA, () -> slot().decryptAesGcm(label, tampered, AAD));
  }

  @Test
  void aesGcmOverPartsIsTheOneShotResultAndAnAbandonedStreamGivesItsSessionBack() {
    String label = label("gcm-parts");
    slot().generateAes(label, 256, true);
    byte[] first = "the first part, ".getBytes(StandardCharsets.UTF_8);
    byte[] last = "then the last".getBytes(StandardCharsets.UTF_8);
    if (!implementation().aesGcm()) {
      assertAesGcmRefused(() -> HsmStream.aesGcm(slot(), label, true, null, AAD, 16));
      assertThat(slot().openStreams()).isZero();
      return;
    }
    HsmStream stream = HsmStream.aesGcm(slot(), label, true, null, AAD, 16);
    assertThat(slot().openStreams()).isEqualTo(1);
    byte[] head = stream.update(first);
    assertThat(stream.update(new byte[0])).isEmpty();
    byte[] tail = stream.finish(last);
    assertThat(slot().openStreams()).isZero();
    byte[] iv = java.util.Objects.requireNonNull(stream.iv());
    byte[] all = java.util.Arrays.copyOf(head, head.length + tail.length);
    System.arraycopy(tail, 0, all, head.length, tail.length);
    int textBytes = first.length + last.length;
    assertThat(all).hasSize(textBytes + 16);
    AesGcmCiphertext parts =
        new AesGcmCiphertext(
            iv,
            java.util.Arrays.copyOf(all, textBytes),
            java.util.Arrays.copyOfRange(all, textBytes, all.length));
    byte[] plaintext = java.util.Arrays.copyOf(first, textBytes);
    System.arraycopy(last, 0, plaintext, first.length, last.length);
    // The one-shot decryption takes what the parts made.
    assertThat(slot().decryptAesGcm(label, parts, AAD)).isEqualTo(plaintext);

    // Decryption over parts holds the plaintext until the Final has checked the tag.
    HsmStream decrypting = HsmStream.aesGcm(slot(), label, false, iv, AAD, 16);
    byte[] early = decrypting.update(parts.ciphertext());
    byte[] rest = decrypting.finish(parts.tag());
    assertThat(early).isEmpty();
    assertThat(rest).isEqualTo(plaintext);

    // A stream dropped before its Final (expiry, a closed connection) closes its session.
    HsmStream abandoned = HsmStream.aesGcm(slot(), label, true, null, AAD, 16);
    abandoned.update(first);
    assertThat(slot().openStreams()).isEqualTo(1);
    abandoned.close();
    abandoned.close();
    assertThat(slot().openStreams()).isZero();
    assertThat(roundTrip(label, (byte) 7)).containsExactly(7);
  }

  @Test
  void rsaRoundTripsWithBothPaddingsAndRefusesAWrongKey() {
    String label = label("rsa-enc");
    String other = label("rsa-other");
    slot().generateRsa(label, 2048, true);
    slot().generateRsa(other, 2048, true);
    byte[] secret = "a 32-byte key, more or less....!".getBytes(StandardCharsets.UTF_8);

    for (RsaPadding padding : new RsaPadding[] {oaep(), RsaPadding.PKCS1_V1_5}) {
      byte[] encrypted = slot().encryptRsa(label + "_pk", padding, secret);
      assertThat(slot().decryptRsa(label, padding, encrypted)).as(padding.name()).isEqualTo(secret);
    }
    byte[] encrypted = slot().encryptRsa(label + "_pk", oaep(), secret);
    assertFails(HsmException.Kind.INVALID_DATA, () -> slot().decryptRsa(other, oaep(), encrypted));
    assertFails(HsmException.Kind.INVALID_KEY, () -> slot().encryptRsa(label, oaep(), secret));
  }

  @Test
  void kmsKeyBlobsWrapAndUnwrapUnderAesAndRsaKeys() {
    String aes = label("kek-aes");
    String rsa = label("kek-rsa");
    slot().generateAes(aes, 256, true);
    slot().generateRsa(rsa, 2048, true);
    byte[] kmsKey = new byte[32];
    new java.util.Random(7).nextBytes(kmsKey);

    byte[] underRsa = slot().wrap(rsa + "_pk", kmsKey);

    assertThat(underRsa).hasSize(256);
    assertThat(slot().unwrap(rsa, underRsa)).isEqualTo(kmsKey);
    assertFails(HsmException.Kind.INVALID_KEY, () -> slot().wrap(rsa, kmsKey));
    if (!implementation().aesGcm() && !implementation().aesKeyWrapPad()) {
      // Neither AES key wrap nor AES-GCM: an AES key cannot wrap, and says why.
      assertAesGcmRefused(() -> slot().wrap(aes, kmsKey));
      assertAesGcmRefused(() -> slot().unwrap(aes, underRsa));
      return;
    }
    byte[] underAes = slot().wrap(aes, kmsKey);
    assertThat(underAes).isNotEqualTo(kmsKey).hasSizeGreaterThan(32);
    assertThat(slot().unwrap(aes, underAes)).isEqualTo(kmsKey);
    underAes[underAes.length - 1] ^= 1;
    assertFails(HsmException.Kind.INVALID_DATA, () -> slot().unwrap(aes, underAes));
  }

  @Test
  void repeatedEncryptionsCostOneTokenCallEachAndOneLookup() {
    String label = sessionKey("count");
    roundTrip(label, (byte) 0);
    long finds = slot().calls(HsmCall.FIND);
    long encrypts = slot().calls(HsmCall.ENCRYPT);

    for (int i = 0; i < 100; i++) {
      roundTrip(label, (byte) i);
    }

    assertThat(slot().calls(HsmCall.ENCRYPT) - encrypts).isEqualTo(100);
    assertThat(slot().calls(HsmCall.FIND) - finds).isZero();
  }

  @Test
  void manyThreadsShareTheBoundedSessionPool() throws Exception {
    String label = sessionKey("threads");
    // RSA decryption costs a millisecond or so in software tokens; fewer rounds keep the test
    // short.
    int rounds = implementation().aesGcm() ? 200 : 25;
    ExecutorService pool = Executors.newFixedThreadPool(4 * maxSessions());
    try {
      List<Future<Boolean>> results = new ArrayList<>();
      for (int t = 0; t < 4 * maxSessions(); t++) {
        results.add(
            pool.submit(
                () -> {
                  for (int i = 0; i < rounds; i++) {
                    if (roundTrip(label, (byte) i)[0] != (byte) i) {
                      return false;
                    }
                  }
                  return poolSessions(slot()) <= maxSessions();
                }));
      }
      for (Future<Boolean> result : results) {
        assertThat(result.get()).isTrue();
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(poolSessions(slot())).isBetween(1L, (long) maxSessions());
  }

  @Test
  void keysStayUsableAfterTheTokenLogsTheUserOut() throws Exception {
    String label = sessionKey("logout");
    assertThat(roundTrip(label, (byte) 41)).containsExactly(41);

    slot().logoutForTest();

    assertThat(roundTrip(label, (byte) 42)).containsExactly(42);
  }

  @Test
  void keysStayUsableAfterTheTokenClosesEverySession() throws Exception {
    String label = sessionKey("closed");
    assertThat(roundTrip(label, (byte) 7)).containsExactly(7);

    slot().closeAllSessionsForTest();

    assertThat(roundTrip(label, (byte) 8)).containsExactly(8);
  }
}
