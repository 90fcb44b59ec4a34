package io.arca.kmip.tools;

import io.arca.kmip.tools.VocabularyGenerator.Row;
import java.util.List;

/** Writes the source of the generated {@code Tag} enum. */
final class TagSource {
  private TagSource() {}

  static String of(List<Row> tags) {
    int max = tags.stream().mapToInt(Row::value).filter(v -> v >>> 16 == 0x42).max().orElseThrow();
    StringBuilder out = new StringBuilder(VocabularyGenerator.HEADER);
    out.append(
        """
        package io.arca.kmip;

        import java.util.HashMap;
        import java.util.Map;
        import java.util.Set;
        import org.jspecify.annotations.Nullable;

        /**
         * Every tag of KMIP 1.0 to 2.1 (KMIP 2.1 §11.56, KMIP 1.4 §9.1.3.1), with its spec and XML names,
         * the item types the spec gives it and the versions that define it, and Arca's own vendor
         * extension tags (0x54xxxx, from arca-extensions.tsv). The wire keeps raw tag numbers, so
         * other vendors' tags pass through without a constant here.
         */
        """);
    out.append(VocabularyGenerator.GENERATED).append('\n');
    // Set.of is immutable, but Error Prone cannot tell from the field's interface type.
    out.append("@SuppressWarnings(\"ImmutableEnumChecker\") // itemTypes is a Set.of\n");
    out.append("public enum Tag implements KmipEnumeration {\n");
    for (int i = 0; i < tags.size(); i++) {
      Row t = tags.get(i);
      List<String> args =
          VocabularyGenerator.list(
              String.format("0x%06X", t.value()),
              VocabularyGenerator.quote(t.xmlName()),
              VocabularyGenerator.quote(t.specName()),
              Integer.toString(VocabularyGenerator.versionCode(t.since())),
              Integer.toString(VocabularyGenerator.versionCode(t.until())));
      t.itemTypes().forEach(x -> args.add(VocabularyGenerator.javaType(x)));
      out.append(t.doc());
      VocabularyGenerator.constant(out, t.codeName(), args, i == tags.size() - 1);
    }
    out.append(
        """

          /** Tag codes run from 0x420001 upwards, so an array indexed by the low bits is the lookup. */
          private static final int BASE = 0x420000;

          /** Arca's few vendor tags (0x54xxxx) are looked up by code in a map of their own. */
          private static final Map<Integer, Tag> VENDOR_BY_CODE = new HashMap<>();

        """);
    out.append("  private static final Tag[] BY_CODE = new Tag[")
        .append(String.format("0x%X", max - 0x420000 + 1))
        .append("];\n");
    out.append(
        """
          private static final Map<String, Tag> BY_XML_NAME = new HashMap<>();
          private static final Map<String, Tag> BY_SPEC_NAME = new HashMap<>();

          static {
            for (Tag t : values()) {
              if (t.code >>> 16 == 0x54) {
                VENDOR_BY_CODE.put(t.code, t);
              } else {
                BY_CODE[t.code - BASE] = t;
              }
              BY_XML_NAME.put(t.xmlName, t);
              BY_SPEC_NAME.put(t.specName, t);
            }
        """);
    for (Row t : tags) {
      for (String alias : t.aliases()) {
        out.append("    BY_XML_NAME.put(")
            .append(VocabularyGenerator.quote(alias))
            .append(", ")
            .append(t.codeName())
            .append(");\n");
      }
    }
    out.append(
        """
          }

          private final int code;
          private final String xmlName;
          private final String specName;
          private final int since;
          private final int until;
          private final Set<ItemType> itemTypes;

          Tag(int code, String xmlName, String specName, int since, int until, ItemType... itemTypes) {
            this.code = code;
            this.xmlName = xmlName;
            this.specName = specName;
            this.since = since;
            this.until = until;
            this.itemTypes = Set.of(itemTypes);
          }

          /** The three-byte tag number on the wire, e.g. 0x420094. */
          public int code() {
            return code;
          }

          @Override
          public int value() {
            return code;
          }

          /** The name the KMIP XML and JSON encodings use, e.g. UniqueIdentifier. */
          @Override
          public String xmlName() {
            return xmlName;
          }

          /** The name the specification uses, e.g. "Unique Identifier". */
          public String specName() {
            return specName;
          }

          /** The item types the spec gives this tag; empty where it varies or is not stated. */
          public Set<ItemType> itemTypes() {
            return itemTypes;
          }

          /** The first version that defines this tag. */
          @Override
          public ProtocolVersion since() {
            ProtocolVersion v = ProtocolVersion.ofTableCode(since);
            if (v == null) {
              throw new IllegalStateException("no first version for " + name());
            }
            return v;
          }

          /** The last version that defines this tag, or null when 2.1 still does. */
          @Override
          public @Nullable ProtocolVersion until() {
            return ProtocolVersion.ofTableCode(until);
          }

          /** The tag with this number, or null (other vendors' extensions, unassigned numbers). */
          public static @Nullable Tag byCode(int code) {
            if (code >>> 16 == 0x54) {
              return VENDOR_BY_CODE.get(code);
            }
            int i = code - BASE;
            return i >= 0 && i < BY_CODE.length ? BY_CODE[i] : null;
          }

          /** The tag with this XML name (or an older spelling of it), or null. */
          public static @Nullable Tag byXmlName(String name) {
            return BY_XML_NAME.get(name);
          }

          /** The tag with this spec name, as 1.x Attribute Names write it, or null. */
          public static @Nullable Tag bySpecName(String name) {
            return BY_SPEC_NAME.get(name);
          }
        }
        """);
    return out.toString();
  }
}
