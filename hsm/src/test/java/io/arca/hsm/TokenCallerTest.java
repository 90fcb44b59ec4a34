package io.arca.hsm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKR_DATA_INVALID;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKR_GENERAL_ERROR;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKR_KEY_HANDLE_INVALID;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKR_OBJECT_HANDLE_INVALID;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKR_SESSION_HANDLE_INVALID;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.xipki.pkcs11.wrapper.PKCS11Exception;

/**
 * What {@link TokenCaller} does with each kind of token failure, with scripted token answers (the
 * token itself is exercised by SoftHsm2SlotIT).
 */
class TokenCallerTest {

  private final AtomicInteger sessionsDropped = new AtomicInteger();
  private final AtomicInteger handlesForgotten = new AtomicInteger();
  private final AtomicBoolean tokenAnswers = new AtomicBoolean(true);
  private final TokenCaller caller =
      new TokenCaller(
          7,
          sessionsDropped::incrementAndGet,
          handlesForgotten::incrementAndGet,
          tokenAnswers::get);

  /** A token call that fails with the given CKR values in turn, then answers "done". */
  private static TokenCaller.TokenCall<String> failing(long... codes) {
    Deque<Long> left = new ArrayDeque<>();
    for (long code : codes) {
      left.add(code);
    }
    return () -> {
      Long code = left.poll();
      if (code != null) {
        throw new PKCS11Exception(code);
      }
      return "done";
    };
  }

  @Test
  void staleObjectHandleIsForgottenAndTheCallRunsOnceMore() {
    String out =
        caller.call(HsmCall.ENCRYPT, true, "encrypting", failing(CKR_OBJECT_HANDLE_INVALID));

    assertThat(out).isEqualTo("done");
    assertThat(handlesForgotten).hasValue(1);
    assertThat(sessionsDropped).hasValue(0);
    assertThat(caller.staleHandles()).isEqualTo(1);
    assertThat(caller.recoveries()).isZero();
    assertThat(caller.count(HsmCall.ENCRYPT).get()).isEqualTo(2);
  }

  @Test
  void staleKeyHandleCountsAsStaleToo() {
    assertThat(caller.call(HsmCall.DECRYPT, true, "decrypting", failing(CKR_KEY_HANDLE_INVALID)))
        .isEqualTo("done");
    assertThat(caller.staleHandles()).isEqualTo(1);
  }

  @Test
  void destroyIsRepeatedAfterAStaleHandleSinceTheTokenDidNothing() {
    assertThat(
            caller.call(HsmCall.DESTROY, false, "destroying", failing(CKR_OBJECT_HANDLE_INVALID)))
        .isEqualTo("done");
    assertThat(caller.count(HsmCall.DESTROY).get()).isEqualTo(2);
  }

  @Test
  void handleStaleTwiceIsAnInvalidKeyNotALoop() {
    assertThatThrownBy(
            () ->
                caller.call(
                    HsmCall.GET_ATTRIBUTES,
                    true,
                    "reading 'k'",
                    failing(CKR_OBJECT_HANDLE_INVALID, CKR_OBJECT_HANDLE_INVALID)))
        .isInstanceOfSatisfying(
            HsmException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(HsmException.Kind.INVALID_KEY);
              assertThat(e.ckr()).isEqualTo(CKR_OBJECT_HANDLE_INVALID);
            });
    assertThat(caller.count(HsmCall.GET_ATTRIBUTES).get()).isEqualTo(2);
  }

  @Test
  void droppedSessionOfANonIdempotentCallIsReportedNotRepeated() {
    assertThatThrownBy(
            () ->
                caller.call(
                    HsmCall.GENERATE, false, "generating", failing(CKR_SESSION_HANDLE_INVALID)))
        .isInstanceOfSatisfying(
            HsmException.class,
            e -> assertThat(e.kind()).isEqualTo(HsmException.Kind.SESSION_LOST));
    assertThat(caller.count(HsmCall.GENERATE).get()).isEqualTo(1);
    assertThat(caller.recoveries()).isEqualTo(1);
    assertThat(handlesForgotten).hasValue(1);
  }

  @Test
  void refusedInputIsNeitherRepeatedNorAStaleHandle() {
    assertThatThrownBy(
            () -> caller.call(HsmCall.DECRYPT, true, "decrypting", failing(CKR_DATA_INVALID)))
        .isInstanceOfSatisfying(
            HsmException.class,
            e -> assertThat(e.kind()).isEqualTo(HsmException.Kind.INVALID_DATA));
    assertThat(caller.count(HsmCall.DECRYPT).get()).isEqualTo(1);
    assertThat(caller.staleHandles()).isZero();
    assertThat(handlesForgotten).hasValue(0);
  }

  @Test
  void generalErrorOfATokenThatStillAnswersStaysADeviceError() {
    assertThatThrownBy(
            () ->
                caller.call(HsmCall.GENERATE, false, "generating 'k'", failing(CKR_GENERAL_ERROR)))
        .isInstanceOfSatisfying(
            HsmException.class,
            e -> assertThat(e.kind()).isEqualTo(HsmException.Kind.DEVICE_ERROR));
  }

  @Test
  void generalErrorOfATokenThatNoLongerAnswersSaysTheTokenIsGone() {
    tokenAnswers.set(false);
    assertThatThrownBy(
            () ->
                caller.call(HsmCall.GENERATE, false, "generating 'k'", failing(CKR_GENERAL_ERROR)))
        .isInstanceOfSatisfying(
            HsmException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(HsmException.Kind.TOKEN_GONE);
              assertThat(e.ckr()).isEqualTo(CKR_GENERAL_ERROR);
            })
        .hasMessageContaining("generating 'k' failed: the token of slot 7 no longer answers");
  }

  @Test
  void failedTagCheckOfAGoneTokenIsNotBlamedOnTheInput() {
    tokenAnswers.set(false);
    assertThatThrownBy(
            () -> caller.call(HsmCall.DECRYPT, true, "decrypting", failing(CKR_GENERAL_ERROR)))
        .isInstanceOfSatisfying(
            HsmException.class, e -> assertThat(e.kind()).isEqualTo(HsmException.Kind.TOKEN_GONE));
  }

  @Test
  void refusedInputOfAGoneTokenIsNotReexplained() {
    tokenAnswers.set(false);
    assertThatThrownBy(
            () -> caller.call(HsmCall.DECRYPT, true, "decrypting", failing(CKR_DATA_INVALID)))
        .isInstanceOfSatisfying(
            HsmException.class,
            e -> assertThat(e.kind()).isEqualTo(HsmException.Kind.INVALID_DATA));
  }

  @Test
  void idleSessionsAreClosedOnlyOnceNoOtherCallIsOnTheToken() throws Exception {
    CountDownLatch inside = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    ExecutorService threads = Executors.newFixedThreadPool(2);
    try {
      Future<String> busy =
          threads.submit(
              () ->
                  caller.call(
                      HsmCall.ENCRYPT,
                      true,
                      "encrypting",
                      () -> {
                        inside.countDown();
                        awaitQuietly(release);
                        return "busy";
                      }));
      assertThat(inside.await(30, TimeUnit.SECONDS)).isTrue();
      // A failed decryption closes the idle sessions (SoftHSM2 may leave the operation active).
      Future<HsmException> failed =
          threads.submit(
              () -> {
                try {
                  caller.call(HsmCall.DECRYPT, true, "decrypting", failing(CKR_DATA_INVALID));
                  throw new AssertionError("the decryption should have failed");
                } catch (HsmException e) {
                  return e;
                }
              });
      Thread.sleep(200);
      assertThat(sessionsDropped).as("closing waits for the call on the token").hasValue(0);

      release.countDown();

      assertThat(busy.get(30, TimeUnit.SECONDS)).isEqualTo("busy");
      assertThat(failed.get(30, TimeUnit.SECONDS).kind()).isEqualTo(HsmException.Kind.INVALID_DATA);
      assertThat(sessionsDropped).hasValue(1);
    } finally {
      threads.shutdownNow();
    }
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      if (!latch.await(30, TimeUnit.SECONDS)) {
        throw new IllegalStateException("never released");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
