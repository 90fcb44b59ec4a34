package io.arca.kmip.ttlv.text;

import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * How the XML and JSON readers treat placeholders and how much input they accept.
 *
 * @param now the instant {@code $NOW}, {@code $NOW+n} and {@code $NOW-n} mean in Date-Time values,
 *     or null to refuse them
 * @param placeholders what other {@code $NAME} values become outside Text Strings
 * @param maxChars the longest input accepted, in characters
 * @param maxDepth the deepest nesting of structures accepted
 */
public record TextOptions(
    @Nullable Instant now, Placeholders placeholders, int maxChars, int maxDepth) {
  /** No clock, no placeholders, 16 Mi characters, depth 32 (as the binary reader). */
  public static final TextOptions DEFAULTS =
      new TextOptions(null, Placeholders.REFUSE, 16 << 20, 32);

  public TextOptions {
    Objects.requireNonNull(placeholders, "placeholders");
    if (maxChars <= 0 || maxDepth <= 0) {
      throw new IllegalArgumentException(
          "maxChars: " + maxChars + ", maxDepth: " + maxDepth + " (expected: > 0)");
    }
  }

  /** These options with {@code $NOW} meaning {@code now}. */
  public TextOptions withNow(Instant now) {
    return new TextOptions(Objects.requireNonNull(now, "now"), placeholders, maxChars, maxDepth);
  }

  /** These options with other placeholders resolved by {@code placeholders}. */
  public TextOptions withPlaceholders(Placeholders placeholders) {
    return new TextOptions(now, placeholders, maxChars, maxDepth);
  }
}
