package io.arca.server.config;

import io.arca.hsm.HsmProfile;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The HSM: a PKCS#11 library, the vendor profile that says how it behaves, the user who administers
 * its keys and the slots the server logs in to.
 *
 * @param profile the vendor profile (proteccio, softhsm2, utimaco, pkcs11)
 * @param library the PKCS#11 library
 * @param admin the user (certificate identity) who creates and manages {@code hsm::} objects
 * @param slotPasswords the user PIN of each slot, by PKCS#11 slot id, in the order given
 */
public record HsmSettings(
    HsmProfile profile, Path library, String admin, Map<Long, Password> slotPasswords) {
  public HsmSettings {
    Objects.requireNonNull(profile, "profile");
    Objects.requireNonNull(library, "library");
    Objects.requireNonNull(admin, "admin");
    if (slotPasswords.isEmpty()) {
      throw new IllegalArgumentException(
          "hsm-slot: none given (expected: --hsm-slot N --hsm-password P for each slot)");
    }
    slotPasswords = Collections.unmodifiableMap(new LinkedHashMap<>(slotPasswords));
  }

  /** The PINs as arrays that {@link io.arca.hsm.HsmModule#open} wipes after login. */
  public Map<Long, char[]> pins() {
    Map<Long, char[]> pins = new LinkedHashMap<>();
    slotPasswords.forEach((slot, password) -> pins.put(slot, password.toCharArray()));
    return pins;
  }

  /** Wipes every slot password, once the slots are logged in. */
  public void wipePasswords() {
    slotPasswords.values().forEach(Password::wipe);
  }

  @Override
  public String toString() {
    return "HsmSettings["
        + profile.name()
        + " "
        + library
        + ", admin "
        + admin
        + ", slots "
        + slotPasswords.keySet()
        + "]";
  }
}
