package io.arca.client.cli;

import io.arca.kmip.NameType;
import io.arca.kmip.Tag;
import io.arca.kmip.attribute.Attribute;
import io.arca.kmip.ttlv.TtlvBoolean;
import io.arca.kmip.ttlv.TtlvEnumeration;
import io.arca.kmip.ttlv.TtlvStructure;
import io.arca.kmip.ttlv.TtlvTextString;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/**
 * The options every key creation shares, and the attributes they become. Tags are the multi-valued
 * vendor attribute {@code arca:tag} (one instance per tag), which Locate matches by equal value, so
 * {@code arca locate --tag T} finds what {@code --tag T} labelled.
 */
final class NewKeyOptions {
  /** The vendor identification of Arca's own attributes. */
  static final String VENDOR = "arca";

  @Option(
      names = "--sensitive",
      description = "The private or secret key may never be exported in the clear.")
  boolean sensitive;

  @Option(
      names = "--wrapping-key-id",
      paramLabel = "ID",
      description = "Keep the new key wrapped at rest by this key instead of the server KEK.")
  @Nullable String wrappingKeyId;

  @Option(
      names = {"--tag", "-t"},
      paramLabel = "TAG",
      description = "A tag to find the key by (repeatable).")
  List<String> tags = new ArrayList<>();

  @Option(names = "--name", paramLabel = "NAME", description = "A Name for the key.")
  @Nullable String name;

  /** The attributes shared by a key pair's two halves (or a symmetric key's). */
  List<Attribute> common() {
    List<Attribute> attributes = new ArrayList<>();
    for (String tag : tags) {
      attributes.add(tag(tag));
    }
    if (wrappingKeyId != null) {
      attributes.add(
          Attribute.vendor(
              VENDOR,
              "wrapping-key-id",
              new TtlvTextString(Tag.ATTRIBUTE_VALUE.code(), wrappingKeyId)));
    }
    return attributes;
  }

  /** The attributes of the secret half only: its Name, requested identifier, Sensitive. */
  List<Attribute> secret(@Nullable String requestedId) {
    List<Attribute> attributes = new ArrayList<>();
    if (requestedId != null) {
      attributes.add(Attribute.of(new TtlvTextString(Tag.UNIQUE_IDENTIFIER.code(), requestedId)));
    }
    if (name != null) {
      attributes.add(name(name));
    }
    if (sensitive) {
      attributes.add(Attribute.of(new TtlvBoolean(Tag.SENSITIVE.code(), true)));
    }
    return attributes;
  }

  static Attribute tag(String tag) {
    return Attribute.vendor(VENDOR, "tag", new TtlvTextString(Tag.ATTRIBUTE_VALUE.code(), tag));
  }

  static Attribute name(String name) {
    return Attribute.of(
        TtlvStructure.of(
            Tag.NAME.code(),
            new TtlvTextString(Tag.NAME_VALUE.code(), name),
            new TtlvEnumeration(Tag.NAME_TYPE.code(), NameType.UNINTERPRETED_TEXT_STRING.value())));
  }

  /**
   * Activates a new key, unless it lives in an HSM: an {@code hsm::} key is usable from its
   * creation and its state is the HSM's, so the server refuses Activate on it.
   */
  static void activate(io.arca.client.KmipClient client, String uniqueIdentifier)
      throws java.io.IOException {
    if (!uniqueIdentifier.startsWith("hsm::")) {
      client.activate(uniqueIdentifier);
    }
  }
}
