package io.arca.conformance;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The spellings of enumeration and mask names that published test-case files use where the
 * specification's XML names differ: a shortened name ({@code ContentCommitment}), an older word
 * ({@code NotAuthorized}), or a name whose superscript was written out ({@code
 * PolynomialSharingGF2_16}, where Arca's vocabulary, extracted from the spec's tables, has lost the
 * superscript). A file is read with each of them in the vocabulary's spelling, so that the server
 * is sent, and the runner writes, the spec's names; only the value of an element whose tag the
 * spelling belongs to is changed, never a text.
 */
final class PublishedSpellings {
  private PublishedSpellings() {}

  /** By element (tag XML name), the published spelling and the vocabulary's. */
  private static final Map<String, Map<String, String>> BY_TAG =
      Map.of(
          "CryptographicUsageMask", Map.of("ContentCommitment", "ContentCommitmentNonRepudiation"),
          // KMIP's refusal of an operation the caller is not allowed (1.4 §11, 2.1 §11.46).
          "ResultReason", Map.of("NotAuthorized", "PermissionDenied"),
          "SplitKeyMethod",
              Map.of(
                  "PolynomialSharingGF2_16", "PolynomialSharingGF216",
                  "PolynomialSharingGF2^16", "PolynomialSharingGF216",
                  "PolynomialSharingGF2_8", "PolynomialSharingGF28",
                  "PolynomialSharingGF2^8", "PolynomialSharingGF28"));

  /** An element's tag, what stands between it and its value attribute, and the value. */
  private static final Pattern ELEMENT =
      Pattern.compile("<([A-Za-z_][\\w.]*)(\\s[^<>]*?)?\\svalue=\"([^\"<>]*)\"");

  /** A mask's parts are separated by spaces (bars in some files); an enumeration is one part. */
  private static final Pattern PART = Pattern.compile("[^\\s|]+");

  /** {@code xml} with every published spelling in a known element replaced by the spec's. */
  static String normalized(String xml) {
    Matcher element = ELEMENT.matcher(xml);
    StringBuilder out = new StringBuilder(xml.length());
    while (element.find()) {
      Map<String, String> spellings = BY_TAG.get(element.group(1));
      String replaced = element.group();
      if (spellings != null) {
        String value = element.group(3);
        String respelt = respelt(value, spellings);
        if (!respelt.equals(value)) {
          replaced =
              xml.substring(element.start(), element.start(3))
                  + respelt
                  + xml.substring(element.end(3), element.end());
        }
      }
      element.appendReplacement(out, Matcher.quoteReplacement(replaced));
    }
    element.appendTail(out);
    return out.toString();
  }

  private static String respelt(String value, Map<String, String> spellings) {
    Matcher part = PART.matcher(value);
    StringBuilder out = new StringBuilder(value.length());
    while (part.find()) {
      part.appendReplacement(
          out, Matcher.quoteReplacement(spellings.getOrDefault(part.group(), part.group())));
    }
    part.appendTail(out);
    return out.toString();
  }
}
