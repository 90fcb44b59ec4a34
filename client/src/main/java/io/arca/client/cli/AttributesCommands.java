package io.arca.client.cli;

import io.arca.client.KmipClient;
import io.arca.kmip.Tag;
import io.arca.kmip.TagNames;
import io.arca.kmip.attribute.Attribute;
import io.arca.kmip.attribute.AttributeReference;
import io.arca.kmip.attribute.Attributes;
import io.arca.kmip.ttlv.Ttlv;
import io.arca.kmip.ttlv.TtlvBoolean;
import io.arca.kmip.ttlv.TtlvInteger;
import io.arca.kmip.ttlv.TtlvLongInteger;
import io.arca.kmip.ttlv.TtlvStructure;
import io.arca.kmip.ttlv.TtlvTextString;
import io.arca.kmip.ttlv.text.KmipJson;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code arca attributes get|set|delete}. Attributes are named by their KMIP name (e.g. {@code
 * CryptographicAlgorithm}) or, for vendor attributes, {@code vendor:name} (e.g. {@code arca:tag});
 * {@code set} and {@code delete} take the tags and names the CLI itself writes, and text vendor
 * attributes.
 */
@Command(
    name = "attributes",
    mixinStandardHelpOptions = true,
    description = "Read, set and delete the attributes of an object.",
    subcommands = {
      AttributesCommands.GetAttributes.class,
      AttributesCommands.SetAttributes.class,
      AttributesCommands.DeleteAttributes.class
    })
final class AttributesCommands extends CommandGroup {

  /** A standard attribute by its KMIP name, or a vendor attribute as {@code vendor:name}. */
  static AttributeReference reference(String name) {
    int colon = name.indexOf(':');
    if (colon > 0) {
      return AttributeReference.vendor(name.substring(0, colon), name.substring(colon + 1));
    }
    Tag tag = Tag.byXmlName(name.replace(" ", ""));
    if (tag == null) {
      throw new IllegalArgumentException(
          "--attribute " + name + ": not a KMIP attribute name (e.g. CryptographicAlgorithm)");
    }
    return AttributeReference.tag(tag.code());
  }

  static String nameOf(AttributeReference reference) {
    if (reference instanceof AttributeReference.Vendor vendor) {
      return vendor.vendorIdentification() + ":" + vendor.attributeName();
    }
    return TagNames.of(((AttributeReference.Tagged) reference).tag());
  }

  /**
   * A value as a person reads it: text, numbers and booleans as they are; enumerations, dates,
   * intervals and byte strings as KMIP JSON spells their value; structures as one line of KMIP
   * JSON.
   */
  static String valueOf(Ttlv value) {
    if (value instanceof TtlvTextString text) {
      return text.value();
    }
    if (value instanceof TtlvInteger integer) {
      return String.valueOf(integer.value());
    }
    if (value instanceof TtlvLongInteger integer) {
      return String.valueOf(integer.value());
    }
    if (value instanceof TtlvBoolean bool) {
      return String.valueOf(bool.value());
    }
    String json = KmipJson.write(value).strip().replaceAll("\\s*\\n\\s*", " ");
    if (!(value instanceof TtlvStructure)) {
      Matcher scalar = SCALAR.matcher(json);
      if (scalar.matches()) {
        return scalar.group(2);
      }
    }
    return json;
  }

  private static final Pattern SCALAR = Pattern.compile(".*\"value\": (\"?)(.*)\\1\\}$");

  /** {@code attributes get --id ID [--attribute NAME]...}: one "name: value" line each. */
  @Command(
      name = "get",
      mixinStandardHelpOptions = true,
      description = "Print an object's attributes (all, or those named).")
  static final class GetAttributes extends ServerCommand {
    @Option(
        names = {"--id", "-i"},
        required = true,
        paramLabel = "ID",
        description = "The object.")
    String id = "";

    @Option(
        names = {"--attribute", "-a"},
        paramLabel = "NAME",
        description = "An attribute to read (repeatable; default: all).")
    List<String> names = new ArrayList<>();

    @Override
    Output run(KmipClient client) throws IOException {
      List<AttributeReference> references = new ArrayList<>();
      for (String name : names) {
        references.add(reference(name));
      }
      Attributes attributes = client.getAttributes(id, references);
      Output output = new Output().field("unique_identifier", id);
      List<String> json = new ArrayList<>();
      for (Attribute attribute : attributes.items()) {
        String line = nameOf(attribute.reference()) + ": " + valueOf(attribute.value());
        output.line(line);
        json.add(line);
      }
      return output.field("attributes", json);
    }
  }

  /** {@code attributes set --id ID [--tag T]... [--name N] [--vendor-attribute V:N=TEXT]...}. */
  @Command(
      name = "set",
      mixinStandardHelpOptions = true,
      description = "Add tags or a Name to an object, or set a text vendor attribute.")
  static final class SetAttributes extends ServerCommand {
    @Option(
        names = {"--id", "-i"},
        required = true,
        paramLabel = "ID",
        description = "The object.")
    String id = "";

    @Option(
        names = {"--tag", "-t"},
        paramLabel = "TAG",
        description = "A tag to add (repeatable).")
    List<String> tags = new ArrayList<>();

    @Option(names = "--name", paramLabel = "NAME", description = "A Name to add.")
    @Nullable String name;

    @Option(
        names = "--vendor-attribute",
        paramLabel = "VENDOR:NAME=TEXT",
        description = "A text vendor attribute to set (repeatable).")
    List<String> vendorAttributes = new ArrayList<>();

    @Override
    Output run(KmipClient client) throws IOException {
      if (tags.isEmpty() && name == null && vendorAttributes.isEmpty()) {
        throw new IllegalArgumentException(
            "nothing to set: give --tag, --name or --vendor-attribute");
      }
      for (String tag : tags) {
        client.addAttribute(id, NewKeyOptions.tag(tag));
      }
      if (name != null) {
        client.addAttribute(id, NewKeyOptions.name(name));
      }
      for (String given : vendorAttributes) {
        int colon = given.indexOf(':');
        int equals = given.indexOf('=');
        if (colon <= 0 || equals < colon + 2) {
          throw new IllegalArgumentException(
              "--vendor-attribute " + given + ": expected VENDOR:NAME=TEXT");
        }
        client.setAttribute(
            id,
            Attribute.vendor(
                given.substring(0, colon),
                given.substring(colon + 1, equals),
                new TtlvTextString(Tag.ATTRIBUTE_VALUE.code(), given.substring(equals + 1))));
      }
      return new Output()
          .line("The attributes were successfully set.")
          .line("Unique identifier: " + id)
          .field("unique_identifier", id);
    }
  }

  /** {@code attributes delete --id ID [--tag T]... [--attribute NAME]...}. */
  @Command(
      name = "delete",
      mixinStandardHelpOptions = true,
      description = "Remove tags, or the first instance of named attributes, from an object.")
  static final class DeleteAttributes extends ServerCommand {
    @Option(
        names = {"--id", "-i"},
        required = true,
        paramLabel = "ID",
        description = "The object.")
    String id = "";

    @Option(
        names = {"--tag", "-t"},
        paramLabel = "TAG",
        description = "A tag to remove (repeatable).")
    List<String> tags = new ArrayList<>();

    @Option(
        names = {"--attribute", "-a"},
        paramLabel = "NAME",
        description = "An attribute to remove (repeatable; vendor attributes as vendor:name).")
    List<String> names = new ArrayList<>();

    @Override
    Output run(KmipClient client) throws IOException {
      if (tags.isEmpty() && names.isEmpty()) {
        throw new IllegalArgumentException("nothing to delete: give --tag or --attribute");
      }
      for (String tag : tags) {
        Attribute instance = NewKeyOptions.tag(tag);
        client.deleteAttribute(id, instance.reference(), instance);
      }
      for (String name : names) {
        client.deleteAttribute(id, reference(name), null);
      }
      return new Output()
          .line("The attributes were successfully deleted.")
          .line("Unique identifier: " + id)
          .field("unique_identifier", id);
    }
  }
}
