package io.arca.server.hsm;

import static io.arca.server.hsm.HsmRequests.assertRefused;
import static io.arca.server.hsm.HsmRequests.attribute;
import static io.arca.server.hsm.HsmRequests.createAes;
import static io.arca.server.hsm.HsmRequests.createRsa;
import static io.arca.server.hsm.HsmRequests.decrypt;
import static io.arca.server.hsm.HsmRequests.decryptRequest;
import static io.arca.server.hsm.HsmRequests.encrypt;
import static io.arca.server.hsm.HsmRequests.encryptRequest;
import static io.arca.server.hsm.HsmRequests.gcm;
import static io.arca.server.hsm.HsmRequests.get;
import static io.arca.server.hsm.HsmRequests.keyBytes;
import static io.arca.server.hsm.HsmRequests.locateByName;
import static io.arca.server.hsm.HsmRequests.oaep;
import static org.assertj.core.api.Assertions.assertThat;

import io.arca.hsm.HsmSlot;
import io.arca.hsm.TokenRestarts;
import io.arca.kmip.Operation;
import io.arca.kmip.ProtocolVersion;
import io.arca.kmip.ResultReason;
import io.arca.kmip.ResultStatus;
import io.arca.kmip.Tag;
import io.arca.kmip.attribute.Attributes;
import io.arca.kmip.message.ResponseBatchItem;
import io.arca.kmip.payload.Destroy;
import io.arca.kmip.payload.Encrypt;
import io.arca.kmip.payload.GetAttributes;
import io.arca.kmip.ttlv.ByteString;
import io.arca.kmip.ttlv.TtlvInteger;
import io.arca.server.hsm.HsmRequests.Encrypted;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a token restart or an operator's reset does to a running server, over mutual TLS, on real
 * SoftHSM2 slots. Each test has fresh tokens and its own server, since a deleted token stays broken
 * for the process that had it open.
 *
 * <p>What SoftHSM2 2.6.1 does, seen from the running process (the library is initialised once):
 * {@code softhsm2-util --init-token --slot <id>} on the existing token keeps the slot id, the
 * sessions and the login, and removes every object (their handles answer
 * CKR_OBJECT_HANDLE_INVALID); keys made afterwards are stored for good. Deleting the token and
 * initialising a new one gives a new slot id that the running process sees only after C_Initialize;
 * until then the old slot stays listed, finds no objects and fails everything else with
 * CKR_GENERAL_ERROR (HsmTokenLossIT covers a token that goes away and comes back).
 */
class HsmTokenResetIT {
  /** A little over the second a confirmed HSM handle is trusted (io.arca.hsm.KeyHandles). */
  private static final long HANDLE_RECHECK_MILLIS = 1_100;

  private static final System.Logger LOG = System.getLogger(HsmTokenResetIT.class.getName());
  private static final ProtocolVersion V2_1 = ProtocolVersion.V2_1;
  private static final byte[] AAD = "reset".getBytes(StandardCharsets.UTF_8);
  // What scripts/softhsm-test-tokens gives the first token: its label, and its SO PIN is "so-" and
  // the user PIN.
  private static final String SLOT1_LABEL = "arca-test-1";

  @TempDir Path dir;
  HsmTestServer hsm;

  @BeforeEach
  void start() throws Exception {
    hsm = HsmTestServer.start(dir);
  }

  @AfterEach
  void stop() {
    if (hsm != null) {
      hsm.close();
    }
  }

  // ---- sessions and login dropped -------------------------------------------------------------

  @Test
  void keysStayUsableAfterTheTokenDropsEverySessionAndTheLogin() throws Exception {
    String aes = "hsm::" + hsm.tokens().slot1() + "::k";
    String rsa = "hsm::" + hsm.tokens().slot1() + "::r";
    byte[] secret = "kept across a token restart".getBytes(StandardCharsets.UTF_8);
    try (KmipTestClient client = new KmipTestClient(hsm.admin(), hsm.port(), V2_1)) {
      client.ok(Operation.CREATE, createAes(aes, 256, true, null));
      createRsa(client, rsa, 2048, true);
      Encrypted sealed = encrypt(client, aes, secret, gcm(), AAD);
      byte[] rsaSealed = encrypt(client, rsa + "_pk", secret, oaep(null), null).data;
      assertThat(decrypt(client, aes, sealed.data, gcm(), sealed.iv, sealed.tag, AAD))
          .isEqualTo(secret);
      HsmSlot slot = slot(aes);
      long recoveries = slot.recoveries();
      long staleHandles = slot.staleHandles();

      TokenRestarts.dropSessionsAndLogin(slot);

      // Decrypt first: the pool's sessions are dead and the cached handles name nothing.
      assertThat(decrypt(client, aes, sealed.data, gcm(), sealed.iv, sealed.tag, AAD))
          .isEqualTo(secret);
      assertThat(decrypt(client, rsa, rsaSealed, oaep(null), null, null)).isEqualTo(secret);
      Encrypted again = encrypt(client, aes, secret, gcm(), AAD);
      assertThat(decrypt(client, aes, again.data, gcm(), again.iv, again.tag, AAD))
          .isEqualTo(secret);
      assertThat(lengthOf(client, rsa)).isEqualTo(2048);

      // And once more, with Get Attributes and Encrypt first.
      TokenRestarts.dropSessionsAndLogin(slot);
      assertThat(lengthOf(client, aes)).isEqualTo(256);
      byte[] publicSealed = encrypt(client, rsa + "_pk", secret, oaep(null), null).data;
      assertThat(decrypt(client, rsa, publicSealed, oaep(null), null, null)).isEqualTo(secret);

      LOG.log(
          System.Logger.Level.INFO,
          "token restart: recoveries {0} -> {1}, stale handles {2} -> {3}",
          recoveries,
          slot.recoveries(),
          staleHandles,
          slot.staleHandles());
      assertThat(slot.recoveries() + slot.staleHandles())
          .as("the slot noticed the restart")
          .isGreaterThan(recoveries + staleHandles);
    }
  }

  @Test
  void requestsDuringTheDropAnswerSuccessOrAKmipErrorAndNoneHangs() throws Exception {
    String aes = "hsm::" + hsm.tokens().slot1() + "::shared";
    try (KmipTestClient client = new KmipTestClient(hsm.admin(), hsm.port(), V2_1)) {
      client.ok(Operation.CREATE, createAes(aes, 256, true, null));
    }
    HsmSlot slot = slot(aes);
    int connections = 6;
    AtomicBoolean stopping = new AtomicBoolean();
    CountDownLatch warm = new CountDownLatch(connections);
    ReentrantReadWriteLock inFlight = new ReentrantReadWriteLock();
    Map<String, AtomicLong> outcomes = new ConcurrentHashMap<>();
    ExecutorService pool = Executors.newFixedThreadPool(connections);
    try {
      List<Future<Integer>> workers = new ArrayList<>();
      for (int i = 0; i < connections; i++) {
        byte[] secret = ("connection " + i).getBytes(StandardCharsets.UTF_8);
        workers.add(
            pool.submit(
                () -> {
                  int rounds = 0;
                  try (KmipTestClient client = new KmipTestClient(hsm.admin(), hsm.port(), V2_1)) {
                    while (!stopping.get()) {
                      inFlight.readLock().lock();
                      try {
                        ResponseBatchItem sealed =
                            client.call(Operation.ENCRYPT, encryptRequest(aes, secret, gcm(), AAD));
                        tally(outcomes, "Encrypt", sealed);
                        if (sealed.resultStatus() == ResultStatus.SUCCESS) {
                          Encrypt.Response out =
                              Encrypt.Response.decode(
                                  Objects.requireNonNull(sealed.responsePayload()), V2_1);
                          ResponseBatchItem opened =
                              client.call(
                                  Operation.DECRYPT, decryptRequest(aes, encrypted(out), AAD));
                          tally(outcomes, "Decrypt", opened);
                        }
                        if (rounds % 4 == 0) {
                          tally(
                              outcomes,
                              "Get Attributes",
                              client.call(
                                  Operation.GET_ATTRIBUTES,
                                  new GetAttributes.Request(aes, List.of()).encode(V2_1)));
                        }
                      } finally {
                        inFlight.readLock().unlock();
                      }
                      if (++rounds == 3) {
                        warm.countDown();
                      }
                    }
                  }
                  return rounds;
                }));
      }
      assertThat(warm.await(60, TimeUnit.SECONDS)).as("every connection is busy").isTrue();
      for (int drop = 0; drop < 5; drop++) {
        // The login goes while requests are on the token.
        TokenRestarts.dropLogin(slot);
        Thread.sleep(50);
        // The sessions go between requests: SoftHSM2 2.6.1 frees a session closed under a call
        // still using it and the JVM dies (softhsm/SoftHSMv2#688), which says nothing of the
        // server; a real token's restart kills its sessions without touching this process.
        inFlight.writeLock().lock();
        try {
          TokenRestarts.dropSessions(slot);
        } finally {
          inFlight.writeLock().unlock();
        }
        Thread.sleep(50);
      }
      Thread.sleep(500);
      stopping.set(true);
      long rounds = 0;
      for (Future<Integer> worker : workers) {
        // A worker whose request hangs fails on its socket's 10-second read timeout.
        rounds += worker.get(60, TimeUnit.SECONDS);
      }
      LOG.log(
          System.Logger.Level.INFO,
          "requests during the drops: {0}; recoveries {1}, stale handles {2}",
          new TreeMap<>(outcomes),
          slot.recoveries(),
          slot.staleHandles());
      assertThat(rounds).isGreaterThanOrEqualTo(3L * connections);
    } finally {
      pool.shutdownNow();
    }
    // Afterwards every connection is served again.
    for (int i = 0; i < connections; i++) {
      try (KmipTestClient client = new KmipTestClient(hsm.admin(), hsm.port(), V2_1)) {
        byte[] secret = {(byte) i};
        Encrypted sealed = encrypt(client, aes, secret, gcm(), AAD);
        assertThat(decrypt(client, aes, sealed.data, gcm(), sealed.iv, sealed.tag, AAD))
            .isEqualTo(secret);
      }
    }
  }

  // ---- the token re-initialised ---------------------------------------------------------------

  @Test
  void tokenReinitialisedInPlaceForgetsItsKeysAndTakesNewOnesWithoutARestart() throws Exception {
    long slot1 = hsm.tokens().slot1();
    String aes = "hsm::" + slot1 + "::k";
    String plain = "hsm::" + slot1 + "::plain";
    String rsa = "hsm::" + slot1 + "::r";
    String elsewhere = "hsm::" + hsm.tokens().slot2() + "::k";
    byte[] secret = "sealed before the reset".getBytes(StandardCharsets.UTF_8);
    try (KmipTestClient client = new KmipTestClient(hsm.admin(), hsm.port(), V2_1)) {
      client.ok(Operation.CREATE, createAes(aes, 256, true, null));
      client.ok(Operation.CREATE, createAes(plain, 128, false, null));
      createRsa(client, rsa, 2048, true);
      client.ok(Operation.CREATE, createAes(elsewhere, 256, true, null));
      // Warm every cache: handles of all four keys, sessions in the pool.
      Encrypted sealed = encrypt(client, aes, secret, gcm(), AAD);
      byte[] rsaSealed = encrypt(client, rsa + "_pk", secret, oaep(null), null).data;
      assertThat(decrypt(client, rsa, rsaSealed, oaep(null), null, null)).isEqualTo(secret);
      assertThat(keyBytes(client.ok(Operation.GET, get(plain, null)))).hasSize(16);
      assertThat(lengthOf(client, aes)).isEqualTo(256);
      Encrypted sealedElsewhere = encrypt(client, elsewhere, secret, gcm(), AAD);
      long staleHandles = slot(aes).staleHandles();

      String reset =
          softhsm2Util(
              "--init-token",
              "--slot",
              Long.toString(slot1),
              "--label",
              SLOT1_LABEL,
              "--so-pin",
              "so-" + hsm.tokens().pin1(),
              "--pin",
              hsm.tokens().pin1());
      assertThat(reset).contains("initialized on slot " + slot1);
      // The server trusts a confirmed HSM handle for a second (crypto calls see a reset at once):
      // past it, every request reads the token again.
      Thread.sleep(HANDLE_RECHECK_MILLIS);

      // The old keys are gone: every request for them is told so, whatever it asks.
      for (String uid : List.of(aes, plain, rsa, rsa + "_pk")) {
        assertRefused(
            client,
            Operation.GET_ATTRIBUTES,
            new GetAttributes.Request(uid, List.of()).encode(V2_1),
            ResultReason.OBJECT_NOT_FOUND,
            uid);
        assertRefused(client, Operation.GET, get(uid, null), ResultReason.OBJECT_NOT_FOUND, uid);
      }
      assertRefused(
          client,
          Operation.ENCRYPT,
          encryptRequest(aes, secret, gcm(), AAD),
          ResultReason.OBJECT_NOT_FOUND,
          aes);
      assertRefused(
          client,
          Operation.DECRYPT,
          decryptRequest(aes, sealed, AAD),
          ResultReason.OBJECT_NOT_FOUND,
          aes);
      assertRefused(
          client,
          Operation.ENCRYPT,
          encryptRequest(rsa + "_pk", secret, oaep(null), null),
          ResultReason.OBJECT_NOT_FOUND,
          rsa + "_pk");
      assertRefused(
          client,
          Operation.DESTROY,
          new Destroy.Request(rsa).encode(V2_1),
          ResultReason.OBJECT_NOT_FOUND,
          rsa);
      assertThat(locateByName(client, aes)).isEmpty();
      assertThat(slot(aes).staleHandles()).isGreaterThan(staleHandles);

      // The other slot never noticed.
      assertThat(
              decrypt(
                  client,
                  elsewhere,
                  sealedElsewhere.data,
                  gcm(),
                  sealedElsewhere.iv,
                  sealedElsewhere.tag,
                  AAD))
          .isEqualTo(secret);

      // The admin makes the keys again under the same labels and uses them at once.
      client.ok(Operation.CREATE, createAes(aes, 128, true, null));
      assertThat(lengthOf(client, aes))
          .as("the new key's attributes, not the cached ones")
          .isEqualTo(128);
      Encrypted fresh = encrypt(client, aes, secret, gcm(), AAD);
      assertThat(decrypt(client, aes, fresh.data, gcm(), fresh.iv, fresh.tag, AAD))
          .isEqualTo(secret);
      // What the old key sealed stays sealed: the new key is another key.
      assertRefused(
          client,
          Operation.DECRYPT,
          decryptRequest(aes, sealed, AAD),
          ResultReason.CRYPTOGRAPHIC_FAILURE,
          aes);
      createRsa(client, rsa, 2048, true);
      byte[] again = encrypt(client, rsa + "_pk", secret, oaep(null), null).data;
      assertThat(decrypt(client, rsa, again, oaep(null), null, null)).isEqualTo(secret);
    }
    // A KMIP 1.4 client is told Item Not Found.
    try (KmipTestClient v14 = new KmipTestClient(hsm.admin(), hsm.port(), ProtocolVersion.V1_4)) {
      String gone = plain;
      ResponseBatchItem answer =
          v14.call(
              Operation.GET_ATTRIBUTES,
              new GetAttributes.Request(gone, List.of()).encode(ProtocolVersion.V1_4));
      assertThat(answer.resultReason()).isEqualTo(ResultReason.ITEM_NOT_FOUND.value());
    }
  }

  @Test
  void tokenDeletedAndMadeAgainUnderANewSlotIdIsAnsweredUnavailable() throws Exception {
    long slot1 = hsm.tokens().slot1();
    String aes = "hsm::" + slot1 + "::k";
    String elsewhere = "hsm::" + hsm.tokens().slot2() + "::k";
    byte[] secret = "the token went away".getBytes(StandardCharsets.UTF_8);
    try (KmipTestClient client = new KmipTestClient(hsm.admin(), hsm.port(), V2_1)) {
      client.ok(Operation.CREATE, createAes(aes, 256, true, null));
      client.ok(Operation.CREATE, createAes(elsewhere, 256, true, null));
      Encrypted sealed = encrypt(client, aes, secret, gcm(), AAD);

      softhsm2Util("--delete-token", "--token", SLOT1_LABEL);
      String made =
          softhsm2Util(
              "--init-token",
              "--free",
              "--label",
              SLOT1_LABEL,
              "--so-pin",
              "so-" + hsm.tokens().pin1(),
              "--pin",
              hsm.tokens().pin1());
      Matcher reassigned = Pattern.compile("reassigned to slot (\\d+)").matcher(made);
      assertThat(reassigned.find()).as(made).isTrue();
      long newSlot = Long.parseLong(reassigned.group(1));
      assertThat(newSlot).isNotEqualTo(slot1);
      Thread.sleep(HANDLE_RECHECK_MILLIS);

      // The configured slot's token is gone: that says nothing of its keys, so every request is
      // told that the slot is unavailable, never that the key does not exist.
      String unavailable = "HSM slot " + slot1 + " unavailable";
      for (ResponseBatchItem answer :
          List.of(
              client.call(
                  Operation.GET_ATTRIBUTES, new GetAttributes.Request(aes, List.of()).encode(V2_1)),
              client.call(Operation.DECRYPT, decryptRequest(aes, sealed, AAD)),
              client.call(Operation.CREATE, createAes(aes, 256, true, null)))) {
        assertThat(answer.resultStatus()).isEqualTo(ResultStatus.OPERATION_FAILED);
        assertThat(answer.resultReason()).isEqualTo(ResultReason.GENERAL_FAILURE.value());
        assertThat(answer.resultMessage()).contains(unavailable);
      }
      // The new token's slot is not the server's: it needs the new slot id and a restart.
      String moved = "hsm::" + newSlot + "::k";
      ResponseBatchItem elsewhereCreate =
          client.call(Operation.CREATE, createAes(moved, 256, true, null));
      assertThat(elsewhereCreate.resultReason()).isEqualTo(ResultReason.INVALID_FIELD.value());
      assertThat(elsewhereCreate.resultMessage())
          .contains("slot " + newSlot + " is not configured");
      assertRefused(
          client,
          Operation.GET_ATTRIBUTES,
          new GetAttributes.Request(moved, List.of()).encode(V2_1),
          ResultReason.OBJECT_NOT_FOUND,
          moved);

      // The other slot serves on.
      Encrypted other = encrypt(client, elsewhere, secret, gcm(), AAD);
      assertThat(decrypt(client, elsewhere, other.data, gcm(), other.iv, other.tag, AAD))
          .isEqualTo(secret);
    }
  }

  // ---- helpers ---------------------------------------------------------------------------------

  private HsmSlot slot(String uid) {
    return hsm.slot(uid);
  }

  private static int lengthOf(KmipTestClient client, String uid) throws Exception {
    Attributes attributes =
        GetAttributes.Response.decode(
                client.ok(
                    Operation.GET_ATTRIBUTES,
                    new GetAttributes.Request(uid, List.of()).encode(V2_1)),
                V2_1)
            .attributes();
    return ((TtlvInteger) attribute(attributes, Tag.CRYPTOGRAPHIC_LENGTH).value()).value();
  }

  private static Encrypted encrypted(Encrypt.Response out) {
    ByteString iv = out.ivCounterNonce();
    ByteString tag = out.tag();
    return new Encrypted(
        Objects.requireNonNull(out.data()).toByteArray(),
        iv == null ? null : iv.toByteArray(),
        tag == null ? null : tag.toByteArray());
  }

  /**
   * Counts an answer by operation and outcome; anything but a KMIP answer fails the worker, and so
   * does Object Not Found, since the key exists throughout.
   */
  private static void tally(Map<String, AtomicLong> outcomes, String what, ResponseBatchItem item) {
    String outcome =
        item.resultStatus() == ResultStatus.SUCCESS
            ? "success"
            : "reason " + item.resultReason() + " (" + item.resultMessage() + ")";
    if (item.resultStatus() != ResultStatus.SUCCESS) {
      // A lost session may fail a request; it must not tell the client that the key is gone.
      assertThat(item.resultReason())
          .as("%s: %s", what, item.resultMessage())
          .isNotNull()
          .isNotEqualTo(ResultReason.OBJECT_NOT_FOUND.value());
    }
    outcomes.computeIfAbsent(what + ": " + outcome, k -> new AtomicLong()).incrementAndGet();
  }

  /** Runs softhsm2-util on the test tokens (SOFTHSM2_CONF is inherited) and returns its output. */
  private static String softhsm2Util(String... arguments) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add("softhsm2-util");
    command.addAll(List.of(arguments));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("softhsm2-util returns").isTrue();
    assertThat(process.exitValue()).as(output).isZero();
    return output;
  }
}
