package io.arca.hsm;

/**
 * The version of an HSM key as its label spells it, for Re-key: {@code label} is version 1, {@code
 * label.v2} version 2, and so on ({@code .v} and a decimal without leading zeros, 2 or more). A
 * pair's public key follows its private key ({@code label.v2_pk}). The scheme keeps every version a
 * plain label, so any version can be named as {@code hsm::<slot>::<label>}, and the label of the
 * first version is the base of every later one. A label that happens to end in {@code .v<N>} is
 * read as version N of what precedes it.
 *
 * @param base the label of version 1
 * @param version 1 or more
 */
public record HsmKeyVersion(String base, int version) {

  /** How many existing later versions {@link HsmSlot#rekey} steps over before it gives up. */
  static final int MAX_SKIPPED = 1000;

  private static final String SEPARATOR = ".v";

  public HsmKeyVersion {
    HsmKeyRef.checkLabel(base);
    if (version < 1) {
      throw new HsmException(
          HsmException.Kind.INVALID_ARGUMENT, "key version: " + version + " (expected: 1 or more)");
    }
  }

  /** The version a label names. */
  public static HsmKeyVersion of(String label) {
    HsmKeyRef.checkLabel(label);
    int at = label.lastIndexOf(SEPARATOR);
    if (at <= 0) {
      return new HsmKeyVersion(label, 1);
    }
    String digits = label.substring(at + SEPARATOR.length());
    boolean number =
        !digits.isEmpty()
            && digits.length() <= 9
            && digits.charAt(0) != '0'
            && digits.chars().allMatch(c -> c >= '0' && c <= '9');
    if (!number || Integer.parseInt(digits) < 2) {
      return new HsmKeyVersion(label, 1);
    }
    return new HsmKeyVersion(label.substring(0, at), Integer.parseInt(digits));
  }

  /** The label of this version: the base for version 1, else {@code base.v<version>}. */
  public String label() {
    return version == 1 ? base : base + SEPARATOR + version;
  }

  /** The version after this one. */
  public HsmKeyVersion next() {
    return new HsmKeyVersion(base, version + 1);
  }
}
