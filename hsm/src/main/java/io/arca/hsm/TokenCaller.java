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
      EnumSet.of(HsmCall.ENCRYPT, HsmCall.DECRYPT, HsmCall.WRAP, HsmCall.UNWRAP);

  private final long slotId;
  private final Runnable dropAllSessions;
  private final Runnable forgetHandles;
  private final BooleanSupplier tokenAnswers;
  private final Map<HsmCall, AtomicLong> calls = new EnumMap<>(HsmCall.class);
  private final AtomicLong recoveries = new AtomicLong();
  private final AtomicLong staleHandles = new AtomicLong();
  // Held shared by every token call, and exclusively to close the pool's idle sessions.
  private final ReentrantReadWriteLock onToken = new ReentrantReadWriteLock();

  /**
   * @param tokenAnswers whether the slot's token still answers (C_GetTokenInfo), asked only after a
   *     failure the token did not explain
   */
  TokenCaller(
      long slotId, Runnable dropAllSessions, Runnable forgetHandles, BooleanSupplier tokenAnswers) {
    this.slotId = slotId;
    this.dropAllSessions = dropAllSessions;
    this.forgetHandles = forgetHandles;
    this.tokenAnswers = tokenAnswers;
    for (HsmCall kind : HsmCall.values()) {
      calls.put(kind, new AtomicLong());
    }
  }

  <T> T call(HsmCall kind, boolean idempotent, String what, TokenCall<T> body) {
    try {
      return attempt(kind, idempotent, what, body);
    } catch (HsmException e) {
      throw explained(what, e);
    }
  }

  /**
   * A device error, or a crypto failure SoftHSM2 reports as CKR_GENERAL_ERROR, with a token that no
   * longer answers at all: say so, since the operator has to act (a deleted token made again gets
   * another slot id, which a running process never sees).
   */
  private HsmException explained(String what, HsmException e) {
    Long ckr = e.ckr();
    boolean unexplained =
        e.kind() == HsmException.Kind.DEVICE_ERROR
            || (e.kind() == HsmException.Kind.INVALID_DATA
                && ckr != null
                && (ckr == CKR_GENERAL_ERROR || ckr == CKR_FUNCTION_FAILED));
    if (!unexplained || tokenAnswers.getAsBoolean()) {
      return e;
    }
    return new HsmException(
        HsmException.Kind.TOKEN_GONE,
        what
            + " failed: the token of slot "
            + slotId
            + " no longer answers (removed, deleted, or initialised again under another slot id;"
            + " restart the server with the token's slot)",
        ckr,
        e);
  }

  private <T> T attempt(HsmCall kind, boolean idempotent, String what, TokenCall<T> body) {
    count(kind).incrementAndGet();
    try {
      return runOnToken(body);
    } catch (PKCS11Exception e) {
      long code = e.getErrorCode();
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
      throw Pkcs11Errors.translate(what, e);
    }
  }

  /** Runs a token call as one of those {@link #dropIdleSessions} waits for. */
  private <T> T runOnToken(TokenCall<T> body) throws TokenException {
    onToken.readLock().lock();
    try {
      return body.run();
    } finally {
      onToken.readLock().unlock();
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
    if (onToken.getReadHoldCount() > 0) {
      forgetHandles.run();
      return;
    }
    onToken.writeLock().lock();
    try {
      dropAllSessions.run();
    } finally {
      onToken.writeLock().unlock();
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
