package io.arca.server.auth;

import io.arca.kmip.AttestationType;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One user or device the administrator allows to authenticate with a KMIP Credential: its name (the
 * user it becomes), what a Device credential must present, and its password's Argon2id hash. The
 * hash is no secret that opens anything, but {@link #toString()} leaves it out all the same.
 *
 * @param kind a user (Username and Password), a device (Device) or an attested platform
 *     (Attestation)
 * @param user the user name the credential authenticates as
 * @param fields the identifiers a Device credential must present, or an Attestation's type and
 *     measurement digest; empty for a user
 * @param passwordHash the Argon2id PHC string of its password, or null (a device without one)
 */
public record CredentialEntry(
    Kind kind, String user, Map<Field, String> fields, @Nullable String passwordHash) {

  /** What an entry is. */
  public enum Kind {
    USER("user"),
    DEVICE("device"),
    ATTESTATION("attestation");

    private final String word;

    Kind(String word) {
      this.word = word;
    }

    /** The word the credentials file uses. */
    public String word() {
      return word;
    }
  }

  /** The identifiers of a Device credential (KMIP 1.4 §2.1.2 Table 5) and an attestation's. */
  public enum Field {
    SERIAL("serial"),
    DEVICE_ID("device-id"),
    NETWORK_ID("network-id"),
    MACHINE_ID("machine-id"),
    MEDIA_ID("media-id"),
    ATTESTATION_TYPE("type"),
    MEASUREMENT_SHA256("measurement-sha256");

    private final String word;

    Field(String word) {
      this.word = word;
    }

    /** The key the credentials file uses. */
    public String word() {
      return word;
    }

    /** The field of this key, or null. */
    public static @Nullable Field byWord(String word) {
      for (Field field : values()) {
        if (field.word.equals(word)) {
          return field;
        }
      }
      return null;
    }
  }

  public CredentialEntry {
    Objects.requireNonNull(kind, "kind");
    UserNames.problem(user)
        .ifPresent(
            why -> {
              throw new IllegalArgumentException("user name: " + why);
            });
    fields = fields.isEmpty() ? Map.of() : Collections.unmodifiableMap(new EnumMap<>(fields));
    if (passwordHash != null) {
      PasswordHashes.check(passwordHash);
    }
    switch (kind) {
      case USER -> {
        if (passwordHash == null || !fields.isEmpty()) {
          throw new IllegalArgumentException("a user has a password and no identifiers");
        }
      }
      case DEVICE -> {
        if (fields.isEmpty()
            || fields.containsKey(Field.ATTESTATION_TYPE)
            || fields.containsKey(Field.MEASUREMENT_SHA256)) {
          throw new IllegalArgumentException("a device needs at least one device identifier");
        }
      }
      case ATTESTATION -> {
        if (fields.size() != 2
            || AttestationType.byXmlName(fields.getOrDefault(Field.ATTESTATION_TYPE, "")) == null
            || !fields.getOrDefault(Field.MEASUREMENT_SHA256, "").matches("[0-9a-f]{64}")
            || passwordHash != null) {
          throw new IllegalArgumentException(
              "an attestation needs type= (an Attestation Type: TPMQuote, TCGIntegrityReport,"
                  + " SAMLAssertion) and measurement-sha256= (64 lower-case hex digits)");
        }
      }
    }
  }

  @Override
  public String toString() {
    return kind.word
        + " "
        + user
        + (fields.isEmpty() ? "" : " " + fields)
        + (passwordHash == null ? "" : " (password set)");
  }
}
