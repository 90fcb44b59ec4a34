package io.arca.hsm;

import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKR_FUNCTION_FAILED;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKR_GENERAL_ERROR;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKR_OPERATION_NOT_INITIALIZED;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.BooleanSupplier;
import org.jspecify.annotations.Nullable;
import org.xipki.pkcs11.wrapper.PKCS11Exception;
import org.xipki.pkcs11.wrapper.TokenException;

/**
 * Runs one slot's token calls: counts them, turns PKCS#11 errors into {@link HsmException}s,
 * repeats an idempotent call once when the token had dropped its sessions or its login, and repeats
 * any call once after forgetting the cached object handles when the token says a handle is stale.
 *
 * <p>The repeat works because xipki's session pool checks every session it hands out
 * (C_GetSessionInfo): a closed session is replaced by a new one, and a session whose login is gone
 * is logged in again with the stored PIN.
 */
final class TokenCaller {

  private static final System.Logger LOG = System.getLogger(HsmSlot.class.getName());

  /** A token call that may be run twice. */
  @FunctionalInterface
  interface TokenCall<T> {
    T run() throws TokenException;
  }

  private static final Set<HsmCall> CRYPTO =
      EnumSet.of(
          HsmCall.ENCRYPT,
          HsmCall.DECRYPT,
          HsmCall.WRAP,
          HsmCall.UNWRAP,
          HsmCall.SIGN,
          HsmCall.VERIFY,
          HsmCall.MAC);

  /**
   * Session losses within one second past which a token that still answers C_GetTokenInfo is taken
   * for lost all the same: it kills sessions as fast as the pool opens them.
   */
  static final int SESSION_STORM = 64;

  private final long slotId;
  private final Runnable dropAllSessions;
  private final Runnable forgetHandles;
  private final BooleanSupplier tokenAnswers;
  private final Runnable tokenLost;
  private final Map<HsmCall, AtomicLong> calls = new EnumMap<>(HsmCall.class);
  private volatile HsmCallObserver observer = HsmCallObserver.NONE;
  private final AtomicLong recoveries = new AtomicLong();
  private final AtomicLong staleHandles = new AtomicLong();
  private final AtomicLong losses = new AtomicLong();
  // Held shared by every token call of every slot of the library, and exclusively to close the
  // pool's idle sessions or to re-initialise the library.
  private final ReentrantReadWriteLock library;
  // System.nanoTime() when the token was found lost; 0 while it is available.
  private volatile long lostSince;
  private final Object stormLock = new Object();
  private long stormStart;
  private int stormCount;

  /** A caller with a library lock of its own that nobody is told about a lost token (tests). */
  TokenCaller(
      long slotId, Runnable dropAllSessions, Runnable forgetHandles, BooleanSupplier tokenAnswers) {
    this(
        slotId,
        new ReentrantReadWriteLock(),
        dropAllSessions,
        forgetHandles,
        tokenAnswers,
        () -> {});
  }

  /**
   * @param library the lock every call on the library holds shared
   * @param tokenAnswers whether the slot's token still answers (C_GetTokenInfo), asked only after a
   *     failure the token did not explain
   * @param tokenLost told once each time the token is found lost, to bring it back
   */
  TokenCaller(
      long slotId,
      ReentrantReadWriteLock library,
      Runnable dropAllSessions,
      Runnable forgetHandles,
      BooleanSupplier tokenAnswers,
      Runnable tokenLost) {
    this.slotId = slotId;
    this.library = library;
    this.dropAllSessions = dropAllSessions;
    this.forgetHandles = forgetHandles;
    this.tokenAnswers = tokenAnswers;
    this.tokenLost = tokenLost;
    for (HsmCall kind : HsmCall.values()) {
      calls.put(kind, new AtomicLong());
    }
  }

  /**
   * Runs a token call, or refuses it at once with {@link HsmException.Kind#TOKEN_UNAVAILABLE} while
   * the token is lost: a request must not cost a session on a token that is not there.
   */
  <T> T call(HsmCall kind, boolean idempotent, String what, TokenCall<T> body) {
    long started = System.nanoTime();
    @Nullable RuntimeException failure = null;
    try {
      refuseWhileLost();
      try {
        return attempt(kind, idempotent, what, body);
      } catch (HsmException e) {
        throw explained(e);
      }
    } catch (RuntimeException e) {
      failure = e;
      throw e;
    } finally {
      observer.called(slotId, kind, failure, System.nanoTime() - started);
    }
  }

  /** From now on tells {@code observer} of every call. */
  void observe(HsmCallObserver observer) {
    this.observer = observer;
  }

  /** Whether the token is taken for lost (until {@link #restored}). */
  boolean lost() {
    return lostSince != 0;
  }

  /** How many times the token was found lost. */
  long losses() {
    return losses.get();
  }

  /** The token answers again, on new sessions: calls go to it again. */
  void restored() {
    synchronized (stormLock) {
      stormCount = 0;
    }
    lostSince = 0;
  }

  /**
   * Fails with {@link HsmException.Kind#TOKEN_UNAVAILABLE} if the token no longer answers: an empty
   * search on a lost token is no proof that the key is missing (SoftHSM2 finds nothing, without an
   * error, once its token directory has gone).
   */
  void confirmPresent(String what) {
    refuseWhileLost();
    if (!onLibrary(tokenAnswers)) {
      throw tokenLost(what, null, null);
    }
  }

  /**
   * Runs a question to the library (C_GetTokenInfo, a login) as a token call: never during
   * C_Finalize, which would free what it uses.
   */
  boolean onLibrary(BooleanSupplier question) {
    library.readLock().lock();
    try {
      return question.getAsBoolean();
    } finally {
      library.readLock().unlock();
    }
  }

  /** Takes the token for lost (once) without a failed call. */
  void markLost(String why) {
    tokenLost(why, null, null);
  }

  private void refuseWhileLost() {
    if (lostSince != 0) {
      throw unavailable(null, null);
    }
  }

  /**
   * A failure the token did not explain (a device error, a session lost again, a crypto failure
   * SoftHSM2 reports as CKR_GENERAL_ERROR) from a token that no longer answers at all: the token is
   * lost, not the key or the input.
   */
  private HsmException explained(HsmException e) {
    Long ckr = e.ckr();
    boolean unexplained =
        e.kind() == HsmException.Kind.DEVICE_ERROR
            || e.kind() == HsmException.Kind.SESSION_LOST
            || (e.kind() == HsmException.Kind.INVALID_DATA
                && ckr != null
                && (ckr == CKR_GENERAL_ERROR || ckr == CKR_FUNCTION_FAILED));
    if (!unexplained || lostSince != 0) {
      return lostSince != 0 && unexplained ? unavailable(ckr, e) : e;
    }
    if (onLibrary(tokenAnswers)) {
      return e;
    }
    return tokenLost(String.valueOf(e.getMessage()), ckr, e);
  }

  /** Takes the token for lost, once, and says so. */
  private HsmException tokenLost(String what, @Nullable Long ckr, @Nullable Throwable cause) {
    boolean first;
    synchronized (stormLock) {
      first = lostSince == 0;
      if (first) {
        lostSince = System.nanoTime();
      }
    }
    if (first) {
      losses.incrementAndGet();
      forgetHandles.run();
      LOG.log(
          System.Logger.Level.WARNING,
          "slot {0}: the token no longer answers ({1}); refusing its requests until it is back",
          slotId,
          what);
      tokenLost.run();
    }
    return unavailable(ckr, cause);
  }

  private HsmException unavailable(@Nullable Long ckr, @Nullable Throwable cause) {
    return new HsmException(
        HsmException.Kind.TOKEN_UNAVAILABLE,
        "HSM slot "
            + slotId
            + " unavailable: its token does not answer (removed or failed); the server tries to"
            + " open it again",
        ckr,
        cause);
  }

  private <T> T attempt(HsmCall kind, boolean idempotent, String what, TokenCall<T> body) {
    count(kind).incrementAndGet();
    try {
      return runOnToken(body);
    } catch (PKCS11Exception e) {
      long code = e.getErrorCode();
      if (Pkcs11Errors.LOSS_SIGNS.contains(code) && !onLibrary(tokenAnswers)) {
        // Asked before any recovery: dropping and re-opening sessions on a token that is not
        // there is how one request after another opened thousands of sessions.
        throw tokenLost(what + " (" + HsmException.ckrName(code) + ")", code, e);
      }
      if (Pkcs11Errors.STALE_HANDLE.contains(code)) {
        // The token refused the handle before doing anything with it, so even a destroy may run
        // again: the body looks its key up by label anew and finds it missing, or finds the key
        // that
        // now carries the label (an operator re-initialised the token and made it again).
        staleHandle(what, code);
        count(kind).incrementAndGet();
        try {
          return runOnToken(body);
        } catch (TokenException again) {
          throw Pkcs11Errors.translate(what, again, CRYPTO.contains(kind));
        }
      }
      if (code == CKR_OPERATION_NOT_INITIALIZED && CRYPTO.contains(kind) && idempotent) {
        // xipki's pool (1.0.9) ignores a failed C_*Init, so a session the token had already logged
        // out, closed or
        // left busy answers this instead: drop the idle sessions and try once more on a fresh one.
        recoveries.incrementAndGet();
        dropIdleSessions();
        count(kind).incrementAndGet();
        try {
          return runOnToken(body);
        } catch (TokenException again) {
          throw Pkcs11Errors.translate(what, again, true);
        }
      }
      if (!Pkcs11Errors.RECOVERABLE.contains(code)) {
        if (CRYPTO.contains(kind)) {
          // SoftHSM2 can leave a failed decryption active on its session, and xipki's pool (1.0.9)
          // ignores the
          // CKR_OPERATION_ACTIVE of the next C_*Init on it, so the next call would run the stale
          // operation.
          // The failed session is back in the pool by now: closing the idle sessions throws it
          // away.
          dropIdleSessions();
        }
        throw Pkcs11Errors.translate(what, e, CRYPTO.contains(kind));
      }
      recover(code);
      if (!idempotent) {
        // A generate or destroy may have happened before the session died; repeating it blindly
        // could
        // create a second key or report a false failure, so the caller decides.
        throw new HsmException(
            HsmException.Kind.SESSION_LOST,
            what
                + " was interrupted by the token and is not repeated: it may or may not have happened",
            code,
            e);
      }
      count(kind).incrementAndGet();
      try {
        return runOnToken(body);
      } catch (TokenException again) {
        throw Pkcs11Errors.translate(what, again, CRYPTO.contains(kind));
      }
    } catch (TokenException e) {
      // The wrapper's own failure (no session could be opened or borrowed): no CKR to judge.
      if (!onLibrary(tokenAnswers)) {
        throw tokenLost(what + " (" + e.getMessage() + ")", null, e);
      }
      throw Pkcs11Errors.translate(what, e);
    }
  }

  /** Runs a token call as one of those {@link #dropIdleSessions} and re-initialising wait for. */
  private <T> T runOnToken(TokenCall<T> body) throws TokenException {
    library.readLock().lock();
    try {
      return body.run();
    } finally {
      library.readLock().unlock();
    }
  }

  /**
   * Closes the pool's idle sessions once no other call is on the token. xipki closes the sessions
   * it finds in its queue while other threads may take one from it, and closing a session in use
   * makes SoftHSM2 2.6.1 read freed memory (softhsm/SoftHSMv2#688: the JVM dies). A call nested in
   * another (a lookup inside a crypto call) cannot wait for its own outer call, so it leaves the
   * sessions to the pool, which checks each one it hands out.
   */
  private void dropIdleSessions() {
    if (library.getReadHoldCount() > 0) {
      forgetHandles.run();
      return;
    }
    library.writeLock().lock();
    try {
      dropAllSessions.run();
    } finally {
      library.writeLock().unlock();
    }
  }

  /** Counts a session loss; true when there were {@link #SESSION_STORM} within a second. */
  private boolean sessionStorm() {
    long now = System.nanoTime();
    synchronized (stormLock) {
      if (now - stormStart > 1_000_000_000L) {
        stormStart = now;
        stormCount = 0;
      }
      return ++stormCount >= SESSION_STORM;
    }
  }

  AtomicLong count(HsmCall kind) {
    AtomicLong n = calls.get(kind);
    if (n == null) {
      throw new IllegalStateException("no counter for " + kind);
    }
    return n;
  }

  long recoveries() {
    return recoveries.get();
  }

  long staleHandles() {
    return staleHandles.get();
  }

  /**
   * Forgets every cached handle after the token called one stale: whatever made one stale (most
   * often a re-initialised token) is likely to have made the others stale too.
   */
  void staleHandle(String what, long code) {
    LOG.log(
        System.Logger.Level.INFO,
        "slot {0}: {1} met a stale object handle ({2}); looking the key up again by label",
        slotId,
        what,
        HsmException.ckrName(code));
    staleHandles.incrementAndGet();
    forgetHandles.run();
  }

  private void recover(long code) {
    recoveries.incrementAndGet();
    if (sessionStorm()) {
      throw tokenLost(
          SESSION_STORM + " sessions lost within a second (" + HsmException.ckrName(code) + ")",
          code,
          null);
    }
    LOG.log(
        System.Logger.Level.WARNING,
        "slot {0}: the token answered {1}; using a new session, logged in again",
        slotId,
        HsmException.ckrName(code));
    // SoftHSM2 forgets the handles of private objects once the user is logged out or every session
    // is closed.
    forgetHandles.run();
    if (Pkcs11Errors.SLOT_WIDE.contains(code)) {
      dropIdleSessions();
    }
  }
}
