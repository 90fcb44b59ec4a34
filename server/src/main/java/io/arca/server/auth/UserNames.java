package io.arca.server.auth;

import java.text.Normalizer;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What a user name may be. The database compares names byte for byte, so two names that print alike
 * must not both be possible: a name has no white space at either end, no control, format, private
 * use, unassigned or unpaired surrogate character, no space other than U+0020, no {@code *} (the
 * grantee that means every user) and is in Unicode normal form C.
 */
public final class UserNames {
  /**
   * The longest name, in UTF-16 units: {@code access_grants.user_name} is {@code VARCHAR(191)} on
   * MariaDB (an index of 191 four-byte characters fits InnoDB's key limit).
   */
  public static final int MAX_LENGTH = 191;

  private UserNames() {}

  /**
   * Why {@code name} cannot be a user name, or empty when it can. The reason names code points
   * (U+0009), never the name, so that it can be logged as it is.
   */
  public static Optional<String> problem(String name) {
    if (name.isEmpty()) {
      return Optional.of("is empty");
    }
    if (name.length() > MAX_LENGTH) {
      return Optional.of("is longer than " + MAX_LENGTH + " characters");
    }
    if (name.indexOf('*') >= 0) {
      return Optional.of("contains '*', which stands for every user in grants");
    }
    int first = name.codePointAt(0);
    int last = name.codePointBefore(name.length());
    if (isWhiteSpace(first) || isWhiteSpace(last)) {
      return Optional.of("begins or ends with white space");
    }
    for (int i = 0; i < name.length(); ) {
      int c = name.codePointAt(i);
      String kind = invisible(c);
      if (kind != null) {
        return Optional.of("contains " + codePoint(c) + " (" + kind + ") at index " + i);
      }
      i += Character.charCount(c);
    }
    if (!Normalizer.isNormalized(name, Normalizer.Form.NFC)) {
      return Optional.of("is not in Unicode normal form C");
    }
    return Optional.empty();
  }

  private static boolean isWhiteSpace(int c) {
    return Character.isWhitespace(c) || Character.isSpaceChar(c);
  }

  /** What makes {@code c} unfit for a name, or null when it is fit. */
  private static @Nullable String invisible(int c) {
    return switch (Character.getType(c)) {
      case Character.CONTROL -> "a control character";
      case Character.FORMAT -> "a format character";
      case Character.SURROGATE -> "an unpaired surrogate";
      case Character.PRIVATE_USE -> "a private use character";
      case Character.UNASSIGNED -> "an unassigned code point";
      case Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR -> "a line break";
      case Character.SPACE_SEPARATOR -> c == ' ' ? null : "a space other than U+0020";
      default -> null;
    };
  }

  private static String codePoint(int c) {
    return String.format("U+%04X", c);
  }
}
