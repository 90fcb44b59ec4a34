package io.arca.hsm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKR_DATA_INVALID;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKR_DEVICE_REMOVED;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKR_GENERAL_ERROR;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKR_KEY_HANDLE_INVALID;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKR_OBJECT_HANDLE_INVALID;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKR_OPERATION_NOT_INITIALIZED;
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
import java.util.concurrent.locks.ReentrantReadWriteLock;
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
  void generalErrorOfATokenThatNoLongerAnswersMakesTheSlotUnavailable() {
    tokenAnswers.set(false);
    assertThatThrownBy(
            () ->
                caller.call(HsmCall.GENERATE, false, "generating 'k'", failing(CKR_GENERAL_ERROR)))
        .isInstanceOfSatisfying(
            HsmException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(HsmException.Kind.TOKEN_UNAVAILABLE);
              assertThat(e.ckr()).isEqualTo(CKR_GENERAL_ERROR);
            })
        .hasMessageStartingWith("HSM slot 7 unavailable");
    assertThat(caller.lost()).isTrue();
  }

  @Test
  void failedTagCheckOfAGoneTokenIsNotBlamedOnTheInput() {
    tokenAnswers.set(false);
    assertThatThrownBy(
            () -> caller.call(HsmCall.DECRYPT, true, "decrypting", failing(CKR_GENERAL_ERROR)))
        .isInstanceOfSatisfying(
            HsmException.class,
            e -> assertThat(e.kind()).isEqualTo(HsmException.Kind.TOKEN_UNAVAILABLE));
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

  // ---- a token that goes away -------------------------------------------------------------------

  private final AtomicInteger lostReports = new AtomicInteger();
  private final TokenCaller watched =
      new TokenCaller(
          7,
          new ReentrantReadWriteLock(),
          sessionsDropped::incrementAndGet,
          handlesForgotten::incrementAndGet,
          tokenAnswers::get,
          lostReports::incrementAndGet);

  @Test
  void callsOnALostTokenFailAtOnceWithoutReachingIt() {
    tokenAnswers.set(false);
    // SoftHSM2 without its token directory: the pool hides the failed C_EncryptInit.
    assertThatThrownBy(
            () ->
                watched.call(
                    HsmCall.ENCRYPT, true, "encrypting", failing(CKR_OPERATION_NOT_INITIALIZED)))
        .isInstanceOfSatisfying(
            HsmException.class,
            e -> assertThat(e.kind()).isEqualTo(HsmException.Kind.TOKEN_UNAVAILABLE))
        .hasMessageStartingWith("HSM slot 7 unavailable");
    assertThat(sessionsDropped).as("no session churn on a lost token").hasValue(0);

    AtomicInteger reached = new AtomicInteger();
    for (int i = 0; i < 100; i++) {
      assertThatThrownBy(
              () ->
                  watched.call(
                      HsmCall.DECRYPT,
                      true,
                      "decrypting",
                      () -> {
                        reached.incrementAndGet();
                        return "done";
                      }))
          .isInstanceOfSatisfying(
              HsmException.class,
              e -> assertThat(e.kind()).isEqualTo(HsmException.Kind.TOKEN_UNAVAILABLE));
    }
    assertThat(reached).as("calls that reached the token").hasValue(0);
    assertThat(lostReports).as("the loss is reported once").hasValue(1);
    assertThat(watched.losses()).isEqualTo(1);
  }

  @Test
  void lostSessionsOfATokenThatNoLongerAnswersAreNotReopened() {
    tokenAnswers.set(false);
    assertThatThrownBy(
            () -> watched.call(HsmCall.FIND, true, "finding", failing(CKR_SESSION_HANDLE_INVALID)))
        .isInstanceOfSatisfying(
            HsmException.class,
            e -> assertThat(e.kind()).isEqualTo(HsmException.Kind.TOKEN_UNAVAILABLE));
    assertThat(watched.recoveries()).isZero();
    assertThat(sessionsDropped).hasValue(0);
  }

  @Test
  void deviceRemovedFromATokenThatAnswersAgainIsRecoveredAsBefore() {
    assertThat(watched.call(HsmCall.ENCRYPT, true, "encrypting", failing(CKR_DEVICE_REMOVED)))
        .isEqualTo("done");
    assertThat(watched.lost()).isFalse();
    assertThat(watched.recoveries()).isEqualTo(1);
  }

  @Test
  void emptySearchOfALostTokenIsUnavailableNotMissing() {
    watched.confirmPresent("finding 'k'");
    tokenAnswers.set(false);
    assertThatThrownBy(() -> watched.confirmPresent("finding 'k'"))
        .isInstanceOfSatisfying(
            HsmException.class,
            e -> assertThat(e.kind()).isEqualTo(HsmException.Kind.TOKEN_UNAVAILABLE));
    assertThat(handlesForgotten).as("handles of a lost token are forgotten").hasValue(1);
  }

  @Test
  void restoredTokenTakesCallsAgain() {
    tokenAnswers.set(false);
    watched.markLost("test");
    tokenAnswers.set(true);
    watched.restored();
    assertThat(watched.call(HsmCall.ENCRYPT, true, "encrypting", failing())).isEqualTo("done");
    assertThat(watched.lost()).isFalse();
  }

  @Test
  void sessionStormOfATokenThatStillAnswersMakesItUnavailable() {
    int served = 0;
    HsmException stopped = null;
    for (int i = 0; i < 2 * TokenCaller.SESSION_STORM && stopped == null; i++) {
      try {
        watched.call(HsmCall.ENCRYPT, true, "encrypting", failing(CKR_SESSION_HANDLE_INVALID));
        served++;
      } catch (HsmException e) {
        stopped = e;
      }
    }
    assertThat(stopped)
        .isNotNull()
        .extracting(HsmException::kind)
        .isEqualTo(HsmException.Kind.TOKEN_UNAVAILABLE);
    assertThat(served).isEqualTo(TokenCaller.SESSION_STORM - 1);
    assertThat(lostReports).hasValue(1);
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
