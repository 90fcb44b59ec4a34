package io.arca.client.cli;

import io.arca.client.KmipClient;
import io.arca.kmip.CryptographicAlgorithm;
import io.arca.kmip.ObjectType;
import io.arca.kmip.Tag;
import io.arca.kmip.attribute.Attribute;
import io.arca.kmip.attribute.Attributes;
import io.arca.kmip.ttlv.TtlvEnumeration;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code arca locate}: the identifiers of the caller's objects that match every criterion. */
@Command(
    name = "locate",
    mixinStandardHelpOptions = true,
    description = "Find objects by tag, algorithm, type or name; prints one identifier per line.")
final class LocateCommand extends ServerCommand {
  @Option(
      names = {"--tag", "-t"},
      paramLabel = "TAG",
      description = "A tag the object must carry (repeatable: all must match).")
  List<String> tags = new ArrayList<>();

  @Option(
      names = {"--algorithm", "-a"},
      paramLabel = "ALGORITHM",
      description = "aes, rsa, ec, ... (a KMIP Cryptographic Algorithm).")
  @Nullable String algorithm;

  @Option(
      names = "--type",
      paramLabel = "TYPE",
      description = "symmetric-key, private-key, public-key, secret-data, certificate, ...")
  @Nullable String type;

  @Option(names = "--name", paramLabel = "NAME", description = "The object's Name.")
  @Nullable String name;

  @Override
  Output run(KmipClient client) throws IOException {
    List<Attribute> criteria = new ArrayList<>();
    if (type != null) {
      criteria.add(
          Attribute.of(new TtlvEnumeration(Tag.OBJECT_TYPE.code(), objectType(type).value())));
    }
    if (algorithm != null) {
      criteria.add(
          Attribute.of(
              new TtlvEnumeration(
                  Tag.CRYPTOGRAPHIC_ALGORITHM.code(), algorithm(algorithm).value())));
    }
    if (name != null) {
      criteria.add(NewKeyOptions.name(name));
    }
    for (String tag : tags) {
      criteria.add(NewKeyOptions.tag(tag));
    }
    List<String> found = client.locate(new Attributes(criteria, List.of()));
    Output output = new Output().field("unique_identifiers", found);
    found.forEach(output::line);
    return output;
  }

  /** {@code private-key} to Private Key: the KMIP name without its separators. */
  static ObjectType objectType(String given) {
    for (ObjectType candidate : ObjectType.values()) {
      if (squeeze(candidate.xmlName()).equals(squeeze(given))) {
        return candidate;
      }
    }
    throw new IllegalArgumentException(
        "--type " + given + ": not a KMIP object type (e.g. symmetric-key, private-key)");
  }

  static CryptographicAlgorithm algorithm(String given) {
    for (CryptographicAlgorithm candidate : CryptographicAlgorithm.values()) {
      if (squeeze(candidate.xmlName()).equals(squeeze(given))) {
        return candidate;
      }
    }
    throw new IllegalArgumentException(
        "--algorithm " + given + ": not a KMIP cryptographic algorithm (e.g. aes, rsa, ec)");
  }

  private static String squeeze(String name) {
    return name.replaceAll("[^A-Za-z0-9]", "").toLowerCase(Locale.ROOT);
  }
}
