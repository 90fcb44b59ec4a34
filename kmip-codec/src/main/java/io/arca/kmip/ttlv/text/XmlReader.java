package io.arca.kmip.ttlv.text;

import io.arca.kmip.ItemType;
import io.arca.kmip.ResultReason;
import io.arca.kmip.ttlv.TtlvException;
import io.arca.kmip.ttlv.text.RawItem.ValueKind;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.jspecify.annotations.Nullable;

/**
 * Parses the KMIP XML encoding into {@link RawItem}s with a StAX reader that refuses DTDs and
 * entities (no XXE, no entity expansion) and bounds nesting and input size.
 */
final class XmlReader {
  private static final String VENDOR_ELEMENT = "TTLV";
  private static final int MAX_NAME_IN_MESSAGE = 64;
  // Made and configured once per thread rather than once per document; StAX does not promise that
  // a factory may be shared between threads.
  private static final ThreadLocal<XMLInputFactory> FACTORY =
      ThreadLocal.withInitial(XmlReader::factory);

  private final NameTable table;
  private final TextOptions options;

  XmlReader(NameTable table, TextOptions options) {
    this.table = table;
    this.options = options;
  }

  /** The one item of a document whose root element is that item. */
  RawItem readItem(String xml) {
    return parse(xml, false).get(0);
  }

  /** The items under a {@code <KMIP>} or {@code <KmipTestCase>} root, in order. */
  List<RawItem> readItems(String xml) {
    return parse(xml, true);
  }

  private List<RawItem> parse(String xml, boolean document) {
    if (xml.length() > options.maxChars()) {
      throw malformed("XML input of " + xml.length() + " characters is too long", "");
    }
    XMLStreamReader reader = null;
    try {
      reader = FACTORY.get().createXMLStreamReader(new StringReader(xml));
      List<RawItem> items = new ArrayList<>();
      toStartElement(reader);
      if (document) {
        String root = reader.getLocalName();
        if (!root.equals("KMIP") && !root.equals("KmipTestCase")) {
          throw malformed(
              "root element <" + shorten(root) + "> (expected: KMIP or KmipTestCase)", "");
        }
        if (reader.getAttributeCount() != 0) {
          throw malformed("root element has attributes", root);
        }
        while (nextChild(reader, root)) {
          items.add(element(reader, "", 1));
        }
      } else {
        items.add(element(reader, "", 1));
      }
      while (reader.hasNext()) {
        int event = reader.next();
        if (event == XMLStreamConstants.START_ELEMENT) {
          throw malformed("more than one root element", "");
        }
        checkIgnorable(reader, event, "");
      }
      return items;
    } catch (XMLStreamException e) {
      // The parser's message may quote the input; keep only where it happened.
      String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNumber();
      throw malformed("XML not well-formed" + where, "");
    } finally {
      close(reader);
    }
  }

  private static XMLInputFactory factory() {
    XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
    factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
    return factory;
  }

  private static void close(@Nullable XMLStreamReader reader) {
    if (reader != null) {
      try {
        reader.close();
      } catch (XMLStreamException e) {
        // Nothing is held open: the input is a string.
      }
    }
  }

  private static void toStartElement(XMLStreamReader reader) throws XMLStreamException {
    int event = reader.getEventType();
    while (event != XMLStreamConstants.START_ELEMENT) {
      checkIgnorable(reader, event, "");
      if (!reader.hasNext()) {
        throw malformed("XML has no element", "");
      }
      event = reader.next();
    }
  }

  /** Advances to the next child start element (true) or to the parent's end (false). */
  private static boolean nextChild(XMLStreamReader reader, String path) throws XMLStreamException {
    while (true) {
      int event = reader.next();
      if (event == XMLStreamConstants.START_ELEMENT) {
        return true;
      }
      if (event == XMLStreamConstants.END_ELEMENT) {
        return false;
      }
      checkIgnorable(reader, event, path);
    }
  }

  /** Comments and whitespace may appear anywhere; text, DTDs and entities may not. */
  private static void checkIgnorable(XMLStreamReader reader, int event, String path) {
    switch (event) {
      case XMLStreamConstants.COMMENT,
          XMLStreamConstants.SPACE,
          XMLStreamConstants.START_DOCUMENT,
          XMLStreamConstants.END_DOCUMENT -> {}
      case XMLStreamConstants.CHARACTERS -> {
        if (!reader.isWhiteSpace()) {
          throw malformed("text content in an element", path);
        }
      }
      case XMLStreamConstants.DTD -> throw malformed("XML has a DTD (not allowed)", path);
      case XMLStreamConstants.ENTITY_REFERENCE ->
          throw malformed("XML has an entity reference", path);
      default -> throw malformed("unexpected XML content (event " + event + ")", path);
    }
  }

  private RawItem element(XMLStreamReader reader, String parentPath, int depth)
      throws XMLStreamException {
    String name = reader.getLocalName();
    String path = parentPath.isEmpty() ? shorten(name) : parentPath + "/" + shorten(name);
    if (!reader.getPrefix().isEmpty() || !isEmpty(reader.getNamespaceURI())) {
      throw malformed("element in a namespace", path);
    }
    String tagText = null;
    String typeText = null;
    String value = null;
    for (int i = 0; i < reader.getAttributeCount(); i++) {
      String attribute = reader.getAttributeLocalName(i);
      String attributeValue = reader.getAttributeValue(i);
      switch (attribute) {
        case "tag" -> tagText = attributeValue;
        case "type" -> typeText = attributeValue;
        case "value" -> value = attributeValue;
        default -> throw malformed("unknown attribute " + shorten(attribute), path);
      }
    }
    int tag = tag(name, tagText, path);
    ItemType type = typeText == null ? ItemType.STRUCTURE : ItemType.byXmlName(typeText);
    if (type == null) {
      throw malformed("unknown type attribute", path);
    }
    if (type == ItemType.STRUCTURE) {
      if (value != null) {
        throw malformed("Structure has a value attribute", path);
      }
      if (depth > options.maxDepth()) {
        throw malformed("nesting deeper than " + options.maxDepth(), path);
      }
      List<RawItem> children = new ArrayList<>();
      while (nextChild(reader, path)) {
        children.add(element(reader, path, depth + 1));
      }
      return new RawItem(tag, type, "", ValueKind.STRUCTURE, children, path);
    }
    if (value == null) {
      throw malformed(type.xmlName() + " has no value attribute", path);
    }
    if (nextChild(reader, path)) {
      throw malformed(type.xmlName() + " has child elements", path);
    }
    return new RawItem(tag, type, value, ValueKind.STRING, List.of(), path);
  }

  private int tag(String name, @Nullable String tagText, String path) {
    if (name.equals(VENDOR_ELEMENT)) {
      if (tagText == null) {
        throw malformed("TTLV element has no tag attribute", path);
      }
      return parseTag(tagText, path);
    }
    if (tagText != null) {
      throw malformed("tag attribute on a named element", path);
    }
    int tag = table.tagCode(name);
    if (tag < 0) {
      throw malformed("unknown element <" + shorten(name) + ">", path);
    }
    return tag;
  }

  /** A tag in hex, {@code 0x} and six digits, as the text forms write unnamed tags. */
  static int parseTag(String text, String path) {
    if (text.length() != 8 || !text.startsWith("0x") || !TextValues.isHex(text.substring(2))) {
      throw malformed("tag is not 0x and six hex digits", path);
    }
    return Integer.parseInt(text.substring(2), 16);
  }

  private static boolean isEmpty(@Nullable String text) {
    return text == null || text.isEmpty();
  }

  static String shorten(String name) {
    return name.length() <= MAX_NAME_IN_MESSAGE
        ? name
        : name.substring(0, MAX_NAME_IN_MESSAGE) + "...";
  }

  static TtlvException malformed(String detail, String path) {
    return new TtlvException(ResultReason.INVALID_MESSAGE, detail, -1, path);
  }
}
