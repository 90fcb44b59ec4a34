package io.arca.kmip;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * Every name the OASIS test cases use resolves in the generated vocabulary: element names are tags,
 * Enumeration values are names of the tag's enumeration, non-numeric Integer values are names of
 * the tag's mask bits, and the type is one the spec gives the tag.
 */
class VocabularyMatchesOasisCasesTest {
  private static final Path CASES = Path.of("src/test/resources/kmip-testcases");

  /** Wrapper elements of the test-case files, not KMIP tags. */
  private static final Set<String> WRAPPERS = Set.of("KMIP", "KmipTestCase");

  /**
   * Names that cannot resolve and why, as "file: problem". Empty: every name in the published cases
   * resolves.
   */
  private static final Map<String, String> ALLOWED = Map.of();

  private static final Pattern NUMBER = Pattern.compile("-?(0x)?[0-9A-Fa-f]+");

  @Test
  void everyNameInTheOasisCasesResolves() throws Exception {
    List<String> problems = new ArrayList<>();
    List<Path> files = files();
    for (Path file : files) {
      Element root = parse(file).getDocumentElement();
      check(root, CASES.relativize(file).toString(), problems);
    }
    problems.removeIf(ALLOWED::containsKey);
    assertThat(files).hasSizeGreaterThan(300);
    assertThat(problems).as("unresolved names in the OASIS cases").isEmpty();
  }

  private static void check(Element e, String file, List<String> problems) {
    String name = e.getTagName();
    Tag tag = Tag.byXmlName(name);
    if (tag == null && !WRAPPERS.contains(name)) {
      problems.add(file + ": unknown tag " + name);
    }
    if (tag != null && e.hasAttribute("type")) {
      checkValue(e, tag, file, problems);
    }
    for (Node c = e.getFirstChild(); c != null; c = c.getNextSibling()) {
      if (c instanceof Element child) {
        check(child, file, problems);
      }
    }
  }

  private static void checkValue(Element e, Tag tag, String file, List<String> problems) {
    String type = e.getAttribute("type");
    String value = e.getAttribute("value");
    ItemType itemType = ItemType.byXmlName(type);
    if (itemType == null) {
      problems.add(file + ": unknown type " + type + " of " + tag.xmlName());
      return;
    }
    if (!tag.itemTypes().isEmpty() && !tag.itemTypes().contains(itemType)) {
      problems.add(file + ": " + tag.xmlName() + " as " + type + ", spec: " + tag.itemTypes());
    }
    boolean named = !value.isEmpty() && !value.startsWith("$") && !NUMBER.matcher(value).matches();
    if (!named || (itemType != ItemType.ENUMERATION && itemType != ItemType.INTEGER)) {
      return;
    }
    EnumerationType values = enumerationOf(e, tag);
    if (values == null) {
      problems.add(file + ": " + tag.xmlName() + " has no enumeration for " + value);
      return;
    }
    // An Integer value in words is a mask: its bit names, separated by spaces (some files use two).
    List<String> words =
        itemType == ItemType.INTEGER ? List.of(value.trim().split("\\s+")) : List.of(value);
    for (String w : words) {
      if (values.byXmlName(w) == null) {
        problems.add(
            file + ": " + w + " is not a " + values.xmlName() + " (" + tag.xmlName() + ")");
      }
    }
  }

  /**
   * The enumeration a value belongs to. In 1.x an Attribute Value's enumeration is named by the
   * spec name in its sibling Attribute Name; everything else follows {@link Enumerations#forTag}.
   */
  private static @Nullable EnumerationType enumerationOf(Element e, Tag tag) {
    if (tag == Tag.ATTRIBUTE_VALUE && e.getParentNode() instanceof Element parent) {
      for (Node c = parent.getFirstChild(); c != null; c = c.getNextSibling()) {
        if (c instanceof Element sibling && sibling.getTagName().equals("AttributeName")) {
          Tag attribute = Tag.bySpecName(sibling.getAttribute("value"));
          return attribute == null ? null : Enumerations.forTag(attribute.code());
        }
      }
    }
    return Enumerations.forTag(tag.code());
  }

  private static List<Path> files() throws IOException {
    try (Stream<Path> s = Files.walk(CASES)) {
      return s.filter(p -> p.toString().endsWith(".xml")).sorted().toList();
    }
  }

  private static org.w3c.dom.Document parse(Path file)
      throws ParserConfigurationException, SAXException, IOException {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    DocumentBuilder b = f.newDocumentBuilder();
    return b.parse(file.toFile());
  }
}
