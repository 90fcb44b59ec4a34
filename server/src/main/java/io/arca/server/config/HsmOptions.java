package io.arca.server.config;

import io.arca.hsm.HsmProfile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/** The {@code --hsm-*} flags of {@link ServerOptions}, and the HSM settings they make. */
final class HsmOptions {
  @Option(
      names = "--hsm-model",
      paramLabel = "MODEL",
      description =
          "The HSM behind hsm::<slot>::<label> objects: proteccio, softhsm2, opencryptoki,"
              + " utimaco or pkcs11 (default: no HSM).")
  @Nullable String hsmModel;

  @Option(
      names = "--hsm-library",
      paramLabel = "FILE",
      description =
          "The PKCS#11 library (default: /lib/libnethsm.so for proteccio,"
              + " /usr/lib/softhsm/libsofthsm2.so for softhsm2, Debian's libopencryptoki.so.0 for"
              + " opencryptoki; required for the others).")
  @Nullable Path hsmLibrary;

  @Option(
      names = "--hsm-admin",
      paramLabel = "USER",
      description = "The user (certificate identity) who creates and manages HSM objects.")
  @Nullable String hsmAdmin;

  @Option(
      names = "--hsm-slot",
      paramLabel = "N",
      split = ",",
      description =
          "A PKCS#11 slot id the server logs in to; repeat it, one --hsm-password (or"
              + " --hsm-password-file) each, in the same order.")
  List<Long> hsmSlots = new ArrayList<>();

  @Option(
      names = "--hsm-password",
      paramLabel = "PASSWORD",
      converter = ServerOptions.PasswordConverter.class,
      description = "The user PIN of the --hsm-slot at the same position (prefer the file form).")
  List<Password> hsmPasswords = new ArrayList<>();

  @Option(
      names = "--hsm-password-file",
      paramLabel = "FILE",
      split = ",",
      description = "A file whose first line is the PIN of the --hsm-slot at the same position.")
  List<Path> hsmPasswordFiles = new ArrayList<>();

  /** The HSM settings, or null when no --hsm-model is given. */
  @Nullable HsmSettings settings() {
    if (hsmModel == null) {
      if (hsmLibrary != null
          || hsmAdmin != null
          || !hsmSlots.isEmpty()
          || !hsmPasswords.isEmpty()
          || !hsmPasswordFiles.isEmpty()) {
        throw new IllegalArgumentException("the --hsm-* settings need --hsm-model");
      }
      return null;
    }
    HsmProfile profile =
        switch (hsmModel.toLowerCase(Locale.ROOT)) {
          case "proteccio" -> HsmProfile.PROTECCIO;
          case "softhsm2" -> HsmProfile.SOFTHSM2;
          case "opencryptoki" -> HsmProfile.OPENCRYPTOKI;
          case "utimaco" -> HsmProfile.UTIMACO;
          case "pkcs11" -> HsmProfile.PKCS11;
          default ->
              throw new IllegalArgumentException(
                  "hsm-model: "
                      + hsmModel
                      + " (expected: proteccio, softhsm2, opencryptoki, utimaco or pkcs11)");
        };
    Path library = hsmLibrary;
    if (library == null) {
      String usual = profile.defaultLibrary();
      if (usual == null) {
        throw new IllegalArgumentException(
            "hsm-model " + profile.name() + " needs --hsm-library (it has no usual place)");
      }
      library = Path.of(usual);
    }
    if (hsmAdmin == null || hsmAdmin.isBlank()) {
      throw new IllegalArgumentException(
          "hsm-model needs --hsm-admin, the user who manages HSM objects");
    }
    if (!hsmPasswords.isEmpty() && !hsmPasswordFiles.isEmpty()) {
      throw new IllegalArgumentException(
          "give --hsm-password or --hsm-password-file for every slot, not a mix");
    }
    List<Password> passwords = new ArrayList<>(hsmPasswords);
    hsmPasswordFiles.forEach(file -> passwords.add(Password.fromFile(file)));
    if (hsmSlots.isEmpty() || passwords.size() != hsmSlots.size()) {
      throw new IllegalArgumentException(
          "hsm-slot: "
              + hsmSlots.size()
              + " slot(s) and "
              + passwords.size()
              + " password(s) (expected: one --hsm-password per --hsm-slot, at least one)");
    }
    Map<Long, Password> slots = new LinkedHashMap<>();
    for (int i = 0; i < hsmSlots.size(); i++) {
      if (slots.put(hsmSlots.get(i), passwords.get(i)) != null) {
        throw new IllegalArgumentException("hsm-slot " + hsmSlots.get(i) + " is given twice");
      }
    }
    return new HsmSettings(profile, library, hsmAdmin, slots);
  }
}
