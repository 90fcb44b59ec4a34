package io.arca.kmip.ttlv.text;

import io.arca.kmip.ttlv.Ttlv;
import java.util.ArrayList;
import java.util.List;

/**
 * The KMIP XML encoding (KMIP Profiles 2.1 §5.4), both ways: one element per item, named by tag,
 * with {@code type} and {@code value} attributes. The reader is strict (unknown elements, types,
 * names and ill-fitting values raise {@link io.arca.kmip.ttlv.TtlvException}: Invalid Message for
 * the shape, Invalid Field for a value) and refuses DTDs and entities.
 */
public final class KmipXml {
  private KmipXml() {}

  /** Reads one item (the root element) with the default options. */
  public static Ttlv read(String xml) {
    return read(xml, TextOptions.DEFAULTS);
  }

  /** Reads one item (the root element). */
  public static Ttlv read(String xml, TextOptions options) {
    return read(xml, options, StandardNames.INSTANCE);
  }

  static Ttlv read(String xml, TextOptions options, NameTable table) {
    RawItem item = new XmlReader(table, options).readItem(xml);
    return new TextDecoder(table, options, false).decode(item);
  }

  /**
   * Reads the messages of an OASIS test-case file: the items under a {@code <KMIP>} (1.3 and later)
   * or {@code <KmipTestCase>} (1.0) root, in order.
   */
  public static List<Ttlv> readMessages(String xml, TextOptions options) {
    return readMessages(xml, options, StandardNames.INSTANCE);
  }

  static List<Ttlv> readMessages(String xml, TextOptions options, NameTable table) {
    TextDecoder decoder = new TextDecoder(table, options, false);
    List<Ttlv> messages = new ArrayList<>();
    for (RawItem item : new XmlReader(table, options).readItems(xml)) {
      messages.add(decoder.decode(item));
    }
    return messages;
  }

  /**
   * Writes one item as indented XML. The output holds every value, key material included: it is for
   * tests and tools, never for logs.
   */
  public static String write(Ttlv item) {
    return write(item, StandardNames.INSTANCE);
  }

  static String write(Ttlv item, NameTable table) {
    return new XmlWriter(table).item(item, 0).toString();
  }

  /** Writes messages as a test-case file under a {@code <KMIP>} root. */
  public static String writeMessages(List<? extends Ttlv> messages) {
    XmlWriter writer = new XmlWriter(StandardNames.INSTANCE).raw("<KMIP>\n\n");
    for (Ttlv message : messages) {
      writer.item(message, 0).raw("\n");
    }
    return writer.raw("</KMIP>\n").toString();
  }
}
