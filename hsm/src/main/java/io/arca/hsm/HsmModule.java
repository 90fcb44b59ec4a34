package io.arca.hsm;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

  /** A slot as the library lists it, before any login. */
  public record SlotDescription(long id, boolean tokenPresent, @Nullable String tokenLabel) {}

  private final Path library;
  private final HsmProfile profile;
  private final PKCS11Module module;
  private final boolean finalizeOnClose;
  private final SecureRandom random = new SecureRandom();
  private final Map<Long, HsmSlot> slots = Collections.synchronizedMap(new LinkedHashMap<>());

  private HsmModule(
      Path library, HsmProfile profile, PKCS11Module module, boolean finalizeOnClose) {
    this.library = library;
    this.profile = profile;
    this.module = module;
    this.finalizeOnClose = finalizeOnClose;
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
      Token token;
      try {
        token = slot.getNullableToken();
      } catch (PKCS11Exception e) {
        throw Pkcs11Errors.translate("reading the token of slot " + slotId, e);
      }
      if (token == null) {
        throw new HsmException(
            HsmException.Kind.NO_SUCH_SLOT, "slot " + slotId + " holds no token");
      }
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
      pool.setMaxMessageSize(16 << 20);
      HsmSlot opened = new HsmSlot(slotId, profile, pool, kept, random);
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

  /** Closes every slot's sessions and finalises the library. */
  @Override
  public void close() {
    synchronized (slots) {
      slots.values().forEach(HsmSlot::close);
      slots.clear();
    }
    if (finalizeOnClose) {
      try {
        module.finalize(null);
      } catch (PKCS11Exception e) {
        System.getLogger(HsmModule.class.getName())
            .log(System.Logger.Level.WARNING, "finalising " + library + ": " + e.getErrorName());
      }
    }
  }

  @Override
  public String toString() {
    return "HsmModule[" + profile.name() + " " + library + ", slots " + slots.keySet() + "]";
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
