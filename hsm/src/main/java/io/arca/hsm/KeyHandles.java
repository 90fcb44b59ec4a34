package io.arca.hsm;

import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKA_CLASS;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKA_LABEL;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.xipki.pkcs11.wrapper.AttributeVector;
import org.xipki.pkcs11.wrapper.PKCS11Exception;
import org.xipki.pkcs11.wrapper.PKCS11Token;

/**
 * One slot's cache of object handles by label, so that a warm key costs no C_FindObjects. A handle
 * is good while the token holds its object; the token may lose it behind the server's back (an
 * operator re-initialises the token: the sessions and the login survive, every object is gone), so
 * callers that decide on existence use {@link #current}, which confirms the cached handle first,
 * and crypto calls rely on {@link TokenCaller} to forget a handle the token calls stale.
 */
final class KeyHandles {

  /**
   * How long a confirmed handle is trusted before {@link #current} reads its attributes again. The
   * read costs as much as an AES-GCM encryption on SoftHSM2 (it checks the object's file on every
   * attribute read), so confirming on every request halved HSM throughput; the database keys' cache
   * trusts an entry for the same second.
   */
  static final long RECHECK_NANOS = 1_000_000_000L;

  /** How many times an empty search is repeated after logging in again. */
  private static final int LOGIN_ROUNDS = 3;

  /** A key's handle and what it is, and when the token last confirmed it ({@code nanoTime}). */
  record Entry(long handle, HsmKeyInfo info, long confirmedAt) {}

  private final long slotId;
  private final int maxFindObjects;
  private final Supplier<PKCS11Token> token;
  private final BooleanSupplier loginRestored;
  private final ConcurrentHashMap<String, Entry> byLabel = new ConcurrentHashMap<>();
  // Moves on at every forgetAll, so that a lookup that ran across it caches nothing: after the
  // library is initialised again, the same handle number may name another object.
  private final AtomicLong generation = new AtomicLong();

  /**
   * @param token the slot's current session pool (a new one after the token came back)
   * @param loginRestored logs the user in again if the token has logged it out, and says whether it
   *     had to
   */
  KeyHandles(
      long slotId, int maxFindObjects, Supplier<PKCS11Token> token, BooleanSupplier loginRestored) {
    this.slotId = slotId;
    this.maxFindObjects = maxFindObjects;
    this.token = token;
    this.loginRestored = loginRestored;
  }

  void forget(String label) {
    byLabel.remove(label);
  }

  void forgetAll() {
    generation.incrementAndGet();
    byLabel.clear();
  }

  /**
   * The key with this label, its cached handle confirmed with one attribute read when the last
   * confirmation is over {@link #RECHECK_NANOS} old: a handle number may also come back naming
   * another object, so the label and class must still match. A token reset is thus seen within that
   * second by every caller, and at once by a crypto call, which the token refuses.
   */
  Optional<Entry> current(TokenCaller caller, String label) {
    long seen = generation.get();
    Entry cached = byLabel.get(label);
    if (cached != null) {
      long now = System.nanoTime();
      if (now - cached.confirmedAt() <= RECHECK_NANOS) {
        return Optional.of(cached);
      }
      if (stillNames(caller, cached, seen)) {
        Entry confirmed = new Entry(cached.handle(), cached.info(), now);
        byLabel.replace(label, cached, confirmed);
        return Optional.of(confirmed);
      }
      byLabel.remove(label, cached);
    }
    return lookup(caller, label);
  }

  /** The key with this label, from the cache when it is there, else found by label. */
  Optional<Entry> lookup(TokenCaller caller, String label) {
    String what = "finding '" + label + "'";
    for (int attempt = 0; ; attempt++) {
      Entry cached = byLabel.get(label);
      if (cached != null) {
        return Optional.of(cached);
      }
      long seen = generation.get();
      long[] found = search(caller, label, what);
      if (found.length == 0) {
        caller.confirmPresent(what);
        return Optional.empty();
      }
      if (found.length > 1) {
        throw new HsmException(
            HsmException.Kind.INVALID_KEY,
            "slot " + slotId + " holds " + found.length + " objects labelled '" + label + "'");
      }
      HsmKeyInfo info;
      try {
        info = KeyAttributes.read(caller, token.get(), label, found[0]);
      } catch (HsmException e) {
        Long ckr = e.ckr();
        if (ckr == null || !Pkcs11Errors.STALE_HANDLE.contains(ckr)) {
          throw e;
        }
        // Gone between the search and the read: the key destroyed, the token reset or lost, or
        // the user logged out in between (a public session cannot use a private key's handle).
        // Search again once logged in, whoever logged in: the search decides.
        if (attempt < LOGIN_ROUNDS) {
          caller.onLibrary(loginRestored);
          continue;
        }
        caller.confirmPresent(what);
        return Optional.empty();
      }
      Entry entry = new Entry(found[0], info, System.nanoTime());
      byLabel.compute(label, (k, old) -> generation.get() == seen ? entry : old);
      return Optional.of(entry);
    }
  }

  /**
   * The handles labelled {@code label}. A token that has logged the user out hides the private keys
   * from a search without an error, and xipki's pool logs in again only when a crypto call is
   * refused: log in, then the second search decides that the key is missing. A token that keeps
   * dropping the login may drop it again before that search: a few rounds, each only after a login
   * was really restored.
   */
  private long[] search(TokenCaller caller, String label, String what) {
    TokenCaller.TokenCall<long[]> search =
        () -> token.get().findObjects(new AttributeVector().label(label), maxFindObjects);
    long[] found = caller.call(HsmCall.FIND, true, what, search);
    for (int round = 0; round < LOGIN_ROUNDS && found.length == 0; round++) {
      boolean restored = caller.onLibrary(loginRestored);
      if (round > 0 && !restored) {
        break; // logged in all along since the last search: the key is missing
      }
      found = caller.call(HsmCall.FIND, true, what, search);
    }
    return found;
  }

  /**
   * Whether the cached handle still names the key, as far as the token can confirm it. A check that
   * fails with an error the token did not explain only says that the handle cannot be confirmed:
   * SoftHSM2 2.6.1 answered CKR_GENERAL_ERROR for a key of a slot that stayed while another slot's
   * token was lost and recovered. The search by label that follows decides, and fails with its own
   * error if the token really is unwell; a lost token is still refused at once.
   */
  private boolean stillNames(TokenCaller caller, Entry cached, long seen) {
    try {
      return stillNames(caller, cached) && generation.get() == seen;
    } catch (HsmException e) {
      if (e.kind() == HsmException.Kind.TOKEN_UNAVAILABLE) {
        throw e;
      }
      return false;
    }
  }

  private boolean stillNames(TokenCaller caller, Entry cached) {
    String label = cached.info().label();
    String what = "checking the handle of '" + label + "'";
    Optional<AttributeVector> now =
        caller.call(
            HsmCall.GET_ATTRIBUTES,
            true,
            what,
            () -> {
              try {
                return Optional.of(
                    token.get().getAttrValues(cached.handle(), CKA_LABEL, CKA_CLASS));
              } catch (PKCS11Exception e) {
                // Answered here rather than by the caller's retry, which would ask the same
                // handle again.
                if (Pkcs11Errors.STALE_HANDLE.contains(e.getErrorCode())) {
                  caller.staleHandle(what, e.getErrorCode());
                  return Optional.empty();
                }
                throw e;
              }
            });
    long expectedClass = KeyAttributes.objectClass(cached.info().keyClass());
    return now.filter(
            v -> label.equals(v.label()) && Long.valueOf(expectedClass).equals(v.class_()))
        .isPresent();
  }
}
