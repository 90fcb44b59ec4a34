package io.arca.hsm;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.jspecify.annotations.Nullable;
import org.xipki.pkcs11.wrapper.PKCS11Exception;
import org.xipki.pkcs11.wrapper.PKCS11Module;
import org.xipki.pkcs11.wrapper.PKCS11Token;
import org.xipki.pkcs11.wrapper.Slot;
import org.xipki.pkcs11.wrapper.StaticLogger;
import org.xipki.pkcs11.wrapper.Token;
import org.xipki.pkcs11.wrapper.TokenException;

/**
 * A loaded PKCS#11 library and the slots opened on it. {@link #open} either returns a module with
 * every configured slot logged in, or fails with one clear message and leaves nothing open.
 */
public final class HsmModule implements AutoCloseable {

  static {
    StaticLogger.setLogger(new WrapperLog());
  }

  private static final System.Logger LOG = System.getLogger(HsmModule.class.getName());

  /** A slot as the library lists it, before any login. */
  public record SlotDescription(long id, boolean tokenPresent, @Nullable String tokenLabel) {}

  private final Path library;
  private final HsmProfile profile;
  private final PKCS11Module module;
  private final boolean finalizeOnClose;
  private final SecureRandom random = new SecureRandom();
  private final Map<Long, HsmSlot> slots = Collections.synchronizedMap(new LinkedHashMap<>());
  // Held shared by every token call of every slot, exclusively to re-initialise the library.
  private final ReentrantReadWriteLock calls = new ReentrantReadWriteLock();
  private final TokenRecovery recovery;
  private final AtomicLong reinitialisations = new AtomicLong();

  private HsmModule(
      Path library, HsmProfile profile, PKCS11Module module, boolean finalizeOnClose) {
    this.library = library;
    this.profile = profile;
    this.module = module;
    this.finalizeOnClose = finalizeOnClose;
    this.recovery = new TokenRecovery(library.getFileName().toString(), this::probe);
  }

  /** Loads and initialises the library without opening any slot. */
  public static HsmModule load(Path library, HsmProfile profile) {
    if (!Files.isRegularFile(library)) {
      throw new HsmException(
          HsmException.Kind.LIBRARY_UNAVAILABLE,
          "PKCS#11 library not found: " + library + " (profile " + profile.name() + ")");
    }
    PKCS11Module module;
    try {
      module = PKCS11Module.getInstance(library.toString());
    } catch (IOException | RuntimeException | UnsatisfiedLinkError e) {
      throw new HsmException(
          HsmException.Kind.LIBRARY_UNAVAILABLE, "cannot load PKCS#11 library " + library, null, e);
    }
    boolean owner = true;
    try {
      module.initialize();
    } catch (PKCS11Exception e) {
      if (e.getErrorCode()
          != org.xipki.pkcs11.wrapper.PKCS11Constants.CKR_CRYPTOKI_ALREADY_INITIALIZED) {
        throw new HsmException(
            HsmException.Kind.LIBRARY_UNAVAILABLE,
            "cannot initialise PKCS#11 library " + library,
            e.getErrorCode(),
            e);
      }
      // Another module object in this process initialised it first; that one finalises it.
      owner = false;
    }
    return new HsmModule(library, profile, module, owner);
  }

  /**
   * Loads the library and logs in to every slot in {@code pins} (slot id to user PIN). The PIN
   * arrays are wiped whether or not this succeeds.
   */
  public static HsmModule open(Path library, HsmProfile profile, Map<Long, char[]> pins) {
    try {
      HsmModule hsm = load(library, profile);
      try {
        for (Map.Entry<Long, char[]> slot : pins.entrySet()) {
          hsm.openSlot(slot.getKey(), slot.getValue());
        }
        return hsm;
      } catch (RuntimeException e) {
        hsm.close();
        throw e;
      }
    } finally {
      pins.values().forEach(pin -> Arrays.fill(pin, '\0'));
    }
  }

  public Path library() {
    return library;
  }

  public HsmProfile profile() {
    return profile;
  }

  /** The slots the library reports, with or without a token. */
  public List<SlotDescription> listSlots() {
    try {
      List<SlotDescription> out = new ArrayList<>();
      for (Slot slot : module.getSlotList(false)) {
        Token token = slot.getNullableToken();
        String label = token == null ? null : token.getTokenInfo().getLabel().trim();
        out.add(new SlotDescription(slot.getSlotID(), token != null, label));
      }
      return out;
    } catch (PKCS11Exception e) {
      throw Pkcs11Errors.translate("listing the slots of " + library, e);
    }
  }

  /**
   * Opens a slot and logs its user in; the PIN is wiped afterwards. Opening an open slot returns
   * it.
   */
  public HsmSlot openSlot(long slotId, char[] pin) {
    try {
      HsmSlot open = slots.get(slotId);
      if (open != null) {
        return open;
      }
      Slot slot = findSlot(slotId);
      try {
        if (slot.getNullableToken() == null) {
          throw new HsmException(
              HsmException.Kind.NO_SUCH_SLOT, "slot " + slotId + " holds no token");
        }
      } catch (PKCS11Exception e) {
        throw Pkcs11Errors.translate("reading the token of slot " + slotId, e);
      }
      AtomicLong sessionsOpened = new AtomicLong();
      Token token = new CountedToken(slot, sessionsOpened);
      // The pool keeps the PIN array it is given to log in again after the token logs it out, so it
      // gets a
      // copy that the slot wipes when it closes; the caller's array is wiped below.
      char[] kept = pin.clone();
      PKCS11Token pool;
      try {
        pool = new PKCS11Token(token, false, kept, profile.maxSessions());
      } catch (TokenException e) {
        Arrays.fill(kept, '\0');
        HsmException failure = Pkcs11Errors.translate("logging in to slot " + slotId, e);
        if (failure.kind() == HsmException.Kind.LOGIN_FAILED) {
          throw new HsmException(
              HsmException.Kind.LOGIN_FAILED,
              "login to slot " + slotId + " (" + label(token) + ") refused: check the slot's PIN",
              failure.ckr(),
              e);
        }
        throw failure;
      }
      pool.setMaxMessageSize(HsmSlot.MAX_MESSAGE_BYTES);
      HsmSlot opened =
          new HsmSlot(
              slotId, profile, pool, kept, random, sessionsOpened, calls, recovery::tokenLost);
      slots.put(slotId, opened);
      return opened;
    } finally {
      Arrays.fill(pin, '\0');
    }
  }

  /** An open slot, or {@link HsmException.Kind#NO_SUCH_SLOT}. */
  public HsmSlot slot(long slotId) {
    HsmSlot slot = slots.get(slotId);
    if (slot == null) {
      throw new HsmException(
          HsmException.Kind.NO_SUCH_SLOT,
          "slot " + slotId + " is not configured (open: " + slots.keySet() + ")");
    }
    return slot;
  }

  /** The slots opened, in the order they were opened. */
  public List<HsmSlot> openSlots() {
    synchronized (slots) {
      return List.copyOf(slots.values());
    }
  }

  /**
   * The library's read-only information functions, over the slots open now (the configured ones):
   * what the KMIP PKCS#11 operation may ask of the token.
   */
  public TokenInformation information() {
    synchronized (slots) {
      return new TokenInformation(module, slots.keySet(), calls.readLock());
    }
  }

  /** How many times the library was finalised and initialised again to find a lost token. */
  public long reinitialisations() {
    return reinitialisations.get();
  }

  /** Closes every slot's sessions and finalises the library. */
  @Override
  public void close() {
    recovery.close();
    synchronized (slots) {
      slots.values().forEach(HsmSlot::close);
      slots.clear();
    }
    if (finalizeOnClose) {
      try {
        module.finalize(null);
      } catch (PKCS11Exception e) {
        LOG.log(System.Logger.Level.WARNING, "finalising " + library + ": " + e.getErrorName());
      }
    }
  }

  @Override
  public String toString() {
    return "HsmModule[" + profile.name() + " " + library + ", slots " + slots.keySet() + "]";
  }

  /**
   * One attempt to bring the lost slots back, with no call on the library meanwhile: a token that
   * answers again gets a new session pool; if some still do not, the library is finalised and
   * initialised again (SoftHSM2 may read a returned token directory only then) and every slot is
   * opened and logged in again, since C_Finalize ends every session. True when no slot is lost any
   * more.
   */
  private boolean probe() {
    if (TokenRecovery.lost(openSlots()).isEmpty()) {
      return true;
    }
    calls.writeLock().lock();
    try {
      for (HsmSlot slot : TokenRecovery.lost(openSlots())) {
        if (slot.tokenAnswers()) {
          reopen(slot, listed().get(slot.id()));
        }
      }
      List<HsmSlot> lost = TokenRecovery.lost(openSlots());
      if (lost.isEmpty()) {
        return true;
      }
      if (!finalizeOnClose) {
        return false; // another module object in this process owns the library's initialisation
      }
      reinitialise();
      return TokenRecovery.lost(openSlots()).isEmpty();
    } finally {
      calls.writeLock().unlock();
    }
  }

  /** C_Finalize and C_Initialize, then every slot opened on its new session pool. */
  private void reinitialise() {
    List<HsmSlot> open = openSlots();
    // Before C_Finalize: after C_Initialize, the old session handles may name new sessions.
    open.forEach(HsmSlot::closeSessions);
    try {
      module.finalize(null);
    } catch (PKCS11Exception e) {
      LOG.log(System.Logger.Level.WARNING, "finalising " + library + ": " + e.getErrorName());
    }
    try {
      module.initialize();
    } catch (PKCS11Exception e) {
      LOG.log(System.Logger.Level.WARNING, "initialising " + library + ": " + e.getErrorName());
      open.forEach(slot -> slot.markLost("the library could not be initialised again"));
      return;
    }
    reinitialisations.incrementAndGet();
    Map<Long, Slot> listed = listed();
    for (HsmSlot slot : open) {
      reopen(slot, listed.get(slot.id()));
    }
  }

  private void reopen(HsmSlot slot, @Nullable Slot listed) {
    if (listed == null) {
      slot.markLost("the library lists no slot " + slot.id());
      return;
    }
    try {
      slot.reopen(listed);
      LOG.log(System.Logger.Level.INFO, "slot " + slot.id() + ": token open again, logged in");
    } catch (TokenException e) {
      slot.markLost("opening slot " + slot.id() + " again: " + e.getMessage());
    }
  }

  /** The slots the library lists now, by id; empty if it cannot list them. */
  private Map<Long, Slot> listed() {
    Map<Long, Slot> out = new HashMap<>();
    try {
      for (Slot slot : module.getSlotList(false)) {
        out.put(slot.getSlotID(), slot);
      }
    } catch (PKCS11Exception e) {
      LOG.log(
          System.Logger.Level.WARNING, "listing the slots of " + library + ": " + e.getErrorName());
    }
    return out;
  }

  private Slot findSlot(long slotId) {
    List<Long> known = new ArrayList<>();
    try {
      for (Slot slot : module.getSlotList(false)) {
        if (slot.getSlotID() == slotId) {
          return slot;
        }
        known.add(slot.getSlotID());
      }
    } catch (PKCS11Exception e) {
      throw Pkcs11Errors.translate("listing the slots of " + library, e);
    }
    throw new HsmException(
        HsmException.Kind.NO_SUCH_SLOT,
        "no slot " + slotId + " in " + library + " (slots: " + known + ")");
  }

  private static String label(Token token) {
    try {
      return "token '" + token.getTokenInfo().getLabel().trim() + "'";
    } catch (PKCS11Exception e) {
      return "token label unreadable";
    }
  }
}
