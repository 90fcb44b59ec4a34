package io.arca.server.op;

import io.arca.kmip.KmipException;
import io.arca.kmip.ProtocolVersion;
import io.arca.kmip.ResultReason;
import io.arca.kmip.attribute.Attribute;
import io.arca.kmip.attribute.Attributes;
import io.arca.kmip.ttlv.TtlvTextString;
import io.arca.server.batch.RequestContext;
import io.arca.server.store.ObjectStore;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The Unique Identifier a KMIP 2.x client may choose for a new database object (Create, Create Key
 * Pair, Register, Derive Key), as operators name keys in the HSM guide ({@code my_sym_key}). KMIP
 * says the server assigns identifiers; choosing one is an extension, as in Cosmian KMS. 1.x
 * requests have no such attribute: one that sends it is refused as for any attribute the server
 * sets (Permission Denied, the 1.x form of Attribute Read Only), and so is Re-key in any version.
 *
 * <p>A chosen identifier is 1 to {@value #MAX_LENGTH} ASCII letters, digits and {@code - _ . : @},
 * starting with a letter or a digit (so that it never reads as a command-line option), without
 * {@code ::}, which names a store the server routes to ({@code hsm::<slot>::<label>}, served by the
 * HSM before these handlers). Case matters. An identifier stays taken while its object exists,
 * destroyed or not; the database's primary key decides between two requests choosing the same one
 * at once, so exactly one wins and the other is answered Object Already Exists.
 */
final class ChosenIdentifiers {
  private ChosenIdentifiers() {}

  /** The longest identifier a client may choose (the database column holds 255 characters). */
  static final int MAX_LENGTH = 128;

  /** The suffix of a key pair's public key named after its private key, as for HSM key pairs. */
  static final String PUBLIC_KEY_SUFFIX = "_pk";

  /** Characters allowed after the first, besides ASCII letters and digits. */
  private static final String PUNCTUATION = "-_.:@";

  /**
   * The identifier a 2.x client chose in {@code given} (its Unique Identifier attribute), checked
   * and free, or null when it chose none (and always in 1.x, where {@link
   * NewObjects#clientAttributes} refuses the attribute).
   *
   * @throws KmipException Attribute Single Valued for two of them, Invalid Attribute Value for one
   *     that is not valid text, Object Already Exists for one that is taken
   */
  static @Nullable String chosen(Attributes given, ObjectStore store, RequestContext context) {
    if (!context.protocolVersion().isAtLeast(ProtocolVersion.V2_0)) {
      return null;
    }
    List<Attribute> chosen = new AttributeView(given).uniqueIdentifiers();
    if (chosen.isEmpty()) {
      return null;
    }
    if (chosen.size() > 1) {
      throw new KmipException(
          ResultReason.ATTRIBUTE_SINGLE_VALUED,
          "UniqueIdentifier: a new object has one (got " + chosen.size() + ")");
    }
    if (!(chosen.get(0).value() instanceof TtlvTextString text)) {
      throw new KmipException(
          ResultReason.INVALID_ATTRIBUTE_VALUE,
          "UniqueIdentifier: a chosen identifier is a Text String");
    }
    String uid = text.value();
    check(uid);
    checkFree(uid, store);
    return uid;
  }

  /** The chosen identifier, else a fresh random one. */
  static String chosenOrNew(Attributes given, ObjectStore store, RequestContext context) {
    String uid = chosen(given, store, context);
    return uid != null ? uid : ObjectAccess.newUid();
  }

  /**
   * Refuses an identifier a client may not choose.
   *
   * @throws KmipException Invalid Attribute Value, saying which rule it breaks
   */
  static void check(String uid) {
    if (uid.isEmpty() || uid.length() > MAX_LENGTH) {
      throw invalid("has " + uid.length() + " characters (expected: 1 to " + MAX_LENGTH + ")", uid);
    }
    if (!isLetterOrDigit(uid.charAt(0))) {
      throw invalid("must start with a letter or a digit", uid);
    }
    for (int i = 1; i < uid.length(); i++) {
      char c = uid.charAt(i);
      if (!isLetterOrDigit(c) && PUNCTUATION.indexOf(c) < 0) {
        throw invalid(
            "contains "
                + (c < 0x20 || c == 0x7f || c > 0x7e
                    ? String.format("U+%04X", (int) c)
                    : "'" + c + "'")
                + " (allowed: ASCII letters, digits and "
                + PUNCTUATION
                + ")",
            uid);
      }
    }
    if (uid.contains("::")) {
      throw invalid(
          "contains '::', which names a routed store such as hsm::<slot>::<label> (an HSM key is"
              + " created by the HSM administrator with such an identifier)",
          uid);
    }
  }

  /**
   * Refuses an identifier some object already has, whoever owns it: the answer says no more than
   * that it is taken (not whose, nor what). The store's primary key makes this final when two
   * requests race; this early look only spares generating a key for nothing.
   */
  static void checkFree(String uid, ObjectStore store) {
    if (store.find(uid).isPresent()) {
      throw alreadyExists(uid);
    }
  }

  /** The answer for an identifier already taken. */
  static KmipException alreadyExists(String uid) {
    return new KmipException(
        ResultReason.OBJECT_ALREADY_EXISTS, "UniqueIdentifier: " + uid + " is already taken");
  }

  private static boolean isLetterOrDigit(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  }

  private static KmipException invalid(String why, String uid) {
    // The message echoes at most the identifier's start, and only when it is printable, so that it
    // stays one readable line in the client's answer and in logs.
    String start = uid.length() > 40 ? uid.substring(0, 40) + "..." : uid;
    String shown = start.chars().allMatch(c -> c >= 0x20 && c < 0x7f) ? start : "(unprintable)";
    return new KmipException(
        ResultReason.INVALID_ATTRIBUTE_VALUE, "UniqueIdentifier " + shown + ": " + why);
  }
}
