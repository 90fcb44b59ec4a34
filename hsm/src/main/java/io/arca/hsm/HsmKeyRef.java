package io.arca.hsm;

/**
 * A key held in an HSM, named by slot and label; its text form {@code hsm::<slot>::<label>} is
 * parsed and printed only here.
 *
 * @param slot the PKCS#11 slot id, as the token reports it (SoftHSM2 uses large random ids)
 * @param label the key's CKA_LABEL; an RSA public key is labelled {@code <label>_pk}
 */
public record HsmKeyRef(long slot, String label) {

  /** The prefix that routes an identifier to the HSM. */
  public static final String PREFIX = "hsm::";

  private static final int MAX_LABEL_LENGTH = 255;

  public HsmKeyRef {
    if (slot < 0) {
      throw invalid("slot: " + slot + " (expected: 0 or more)");
    }
    checkLabel(label);
  }

  /** Whether an identifier is meant for the HSM, so a router can decide before parsing. */
  public static boolean isHsmId(String id) {
    return id.startsWith(PREFIX);
  }

  /**
   * Parses {@code hsm::<slot>::<label>}, refusing anything else with a message that says which part
   * is wrong.
   */
  public static HsmKeyRef parse(String id) {
    if (!id.startsWith(PREFIX)) {
      throw invalid("HSM key id does not start with '" + PREFIX + "'");
    }
    String rest = id.substring(PREFIX.length());
    int sep = rest.indexOf("::");
    if (sep < 0) {
      throw invalid(
          "HSM key id has no '::' between slot and label (expected: hsm::<slot>::<label>)");
    }
    String slotText = rest.substring(0, sep);
    if (slotText.isEmpty()
        || slotText.length() > 19
        || !slotText.chars().allMatch(c -> c >= '0' && c <= '9')) {
      throw invalid("HSM key id slot: '" + slotText + "' (expected: a decimal number)");
    }
    long slot;
    try {
      slot = Long.parseLong(slotText);
    } catch (NumberFormatException e) {
      throw invalid("HSM key id slot: '" + slotText + "' (expected: a decimal number below 2^63)");
    }
    return new HsmKeyRef(slot, rest.substring(sep + 2));
  }

  /** The RSA public key that belongs to this private key. */
  public HsmKeyRef publicKey() {
    return new HsmKeyRef(slot, label + HsmSlot.PUBLIC_KEY_SUFFIX);
  }

  @Override
  public String toString() {
    return PREFIX + slot + "::" + label;
  }

  static void checkLabel(String label) {
    if (label.isEmpty() || label.length() > MAX_LABEL_LENGTH) {
      throw invalid(
          "HSM key label length: " + label.length() + " (expected: 1-" + MAX_LABEL_LENGTH + ")");
    }
    if (label.contains("::")) {
      throw invalid("HSM key label contains '::'");
    }
    if (label.chars().anyMatch(Character::isISOControl)) {
      throw invalid("HSM key label contains a control character");
    }
  }

  private static HsmException invalid(String message) {
    return new HsmException(HsmException.Kind.INVALID_ARGUMENT, message);
  }
}
