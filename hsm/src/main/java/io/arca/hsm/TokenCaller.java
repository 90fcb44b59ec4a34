package io.arca.hsm;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.xipki.pkcs11.wrapper.PKCS11Exception;
import org.xipki.pkcs11.wrapper.TokenException;

/**
 * Runs one slot's token calls: counts them, turns PKCS#11 errors into {@link HsmException}s, and
 * repeats an idempotent call once when the token had dropped its sessions or its login.
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

  private final long slotId;
  private final Runnable dropAllSessions;
  private final Map<HsmCall, AtomicLong> calls = new EnumMap<>(HsmCall.class);
  private final AtomicLong recoveries = new AtomicLong();

  TokenCaller(long slotId, Runnable dropAllSessions) {
    this.slotId = slotId;
    this.dropAllSessions = dropAllSessions;
    for (HsmCall kind : HsmCall.values()) {
      calls.put(kind, new AtomicLong());
    }
  }

  <T> T call(HsmCall kind, boolean idempotent, String what, TokenCall<T> body) {
    count(kind).incrementAndGet();
    try {
      return body.run();
    } catch (PKCS11Exception e) {
      long code = e.getErrorCode();
      if (!Pkcs11Errors.RECOVERABLE.contains(code)) {
        throw Pkcs11Errors.translate(what, e);
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
        return body.run();
      } catch (TokenException again) {
        throw Pkcs11Errors.translate(what, again);
      }
    } catch (TokenException e) {
      throw Pkcs11Errors.translate(what, e);
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

  private void recover(long code) {
    recoveries.incrementAndGet();
    LOG.log(
        System.Logger.Level.WARNING,
        "slot {0}: the token answered {1}; using a new session, logged in again",
        slotId,
        HsmException.ckrName(code));
    if (Pkcs11Errors.SLOT_WIDE.contains(code)) {
      dropAllSessions.run();
    }
  }
}
