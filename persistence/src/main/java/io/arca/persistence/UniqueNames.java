package io.arca.persistence;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Which attribute's text values the database keeps unique among one owner's objects (the {@code
 * object_names} table and its unique index), and in which states an object no longer holds its
 * values: the server's rule for KMIP Names, which the module does not otherwise interpret.
 *
 * @param attribute the attribute whose values are unique, or null when none are
 * @param releasedIn the states in which an object's values are free for others (destroyed)
 */
public record UniqueNames(@Nullable String attribute, Set<String> releasedIn) {
  private static final UniqueNames NONE = new UniqueNames(null, Set.of());

  public UniqueNames {
    releasedIn = Set.copyOf(releasedIn);
  }

  /** No value is unique: the database lets every name repeat. */
  public static UniqueNames none() {
    return NONE;
  }

  /**
   * The values of {@code attribute} are unique per owner among objects not in {@code releasedIn}.
   */
  public static UniqueNames of(String attribute, Set<String> releasedIn) {
    return new UniqueNames(attribute, releasedIn);
  }

  /** The digests of the values {@code object} holds exclusively, without repeats. */
  Set<String> digestsOf(StoredObject object) {
    if (attribute == null || releasedIn.contains(object.state())) {
      return Set.of();
    }
    Set<String> digests = new LinkedHashSet<>();
    for (ObjectAttribute a : object.attributes()) {
      if (a.name().equals(attribute) && a.text() != null) {
        digests.add(digest(a.text()));
      }
    }
    return digests;
  }

  /** The SHA-256 of the value's UTF-8 text, in lower-case hex: what {@code name_digest} holds. */
  static String digest(String value) {
    try {
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(sha256.digest(value.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }
}
