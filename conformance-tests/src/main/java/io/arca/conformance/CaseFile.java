package io.arca.conformance;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * One KMIP test-case file. OASIS names its files {@code PROFILE-M-N-VV.xml} (mandatory) or {@code
 * PROFILE-O-N-VV.xml} (optional), and then the profile, the test number and the KMIP version come
 * from the name. A file named otherwise is its own profile, mandatory, with the version of its
 * first request's header.
 *
 * @param path the file
 * @param name the file name without {@code .xml}, e.g. {@code SKLC-M-1-21}
 * @param profile the name's prefix before {@code -M-} or {@code -O-}, e.g. {@code CS-BC} (the whole
 *     name for a file named otherwise)
 * @param mandatory whether the case is mandatory for its profile
 * @param test the test's name within the profile: its number, sometimes with a variant, e.g. {@code
 *     3}, {@code OAEP-1}, {@code 4-12-3DES}
 * @param version the KMIP version, e.g. {@code 2.1}
 */
public record CaseFile(
    Path path, String name, String profile, boolean mandatory, String test, String version) {
  private static final Pattern NAME = Pattern.compile("(.+?)-([MO])-(.+)-(\\d)(\\d)");

  private static final Pattern DIGITS = Pattern.compile("\\d{1,9}");

  /** The first request's protocol version in a file's KMIP XML. */
  private static final Pattern HEADER_VERSION =
      Pattern.compile(
          "<ProtocolVersionMajor\\s[^>]*value=\"(\\d{1,3})\"[^>]*>\\s*"
              + "<ProtocolVersionMinor\\s[^>]*value=\"(\\d{1,3})\"");

  /** How much of a file is read to find its version: the first header is near the start. */
  private static final int HEADER_CHARS = 64 * 1024;

  /**
   * Orders a profile's cases as they must run: by version, its SETUP files first (they make what
   * the other cases use), mandatory before optional, then by number.
   */
  public static final Comparator<CaseFile> RUN_ORDER =
      Comparator.comparing(CaseFile::version)
          .thenComparing(CaseFile::profile)
          .thenComparing(c -> !c.isSetup())
          .thenComparing(c -> !c.mandatory())
          .thenComparing(c -> c.test().replaceAll("\\d+", "").strip())
          .thenComparingInt(CaseFile::number)
          .thenComparing(CaseFile::name);

  /**
   * The case in this file: described by its name when that follows the OASIS pattern, else by its
   * content (version {@code ?} when no request header can be found).
   */
  public static CaseFile of(Path path) {
    String file = String.valueOf(path.getFileName());
    String name = file.endsWith(".xml") ? file.substring(0, file.length() - 4) : file;
    Matcher matcher = NAME.matcher(name);
    if (!matcher.matches()) {
      return new CaseFile(path, name, name, true, name, headerVersion(path));
    }
    return new CaseFile(
        path,
        name,
        matcher.group(1),
        matcher.group(2).equals("M"),
        matcher.group(3),
        matcher.group(4) + "." + matcher.group(5));
  }

  /** The protocol version of the file's first message header, or {@code ?}. */
  private static String headerVersion(Path path) {
    char[] start = new char[HEADER_CHARS];
    int filled = 0;
    try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
      while (filled < start.length) {
        int read = reader.read(start, filled, start.length - filled);
        if (read < 0) {
          break;
        }
        filled += read;
      }
    } catch (IOException | RuntimeException e) {
      return "?"; // the runner reports why it cannot read the file when it runs it
    }
    Matcher version = HEADER_VERSION.matcher(new String(start, 0, filled));
    return version.find() ? version.group(1) + "." + version.group(2) : "?";
  }

  /** Whether the file prepares what other cases of its profile use (its test names SETUP). */
  public boolean isSetup() {
    return test.toUpperCase(Locale.ROOT).contains("SETUP");
  }

  /** Every {@code .xml} file in these files and directories (recursively), in run order. */
  public static List<CaseFile> find(List<Path> roots) throws IOException {
    List<CaseFile> cases = new ArrayList<>();
    for (Path root : roots) {
      if (Files.isDirectory(root)) {
        try (Stream<Path> files = Files.walk(root)) {
          files
              .filter(Files::isRegularFile)
              .filter(file -> String.valueOf(file.getFileName()).endsWith(".xml"))
              .forEach(file -> cases.add(of(file)));
        }
      } else {
        cases.add(of(root));
      }
    }
    cases.sort(RUN_ORDER);
    return cases;
  }

  /**
   * The cases grouped by version and profile, each group in run order: a group's files depend on
   * each other (a later file may find what an earlier one registered), so a group runs in order on
   * one server.
   */
  public static Map<String, List<CaseFile>> groups(List<CaseFile> cases) {
    Map<String, List<CaseFile>> groups = new LinkedHashMap<>();
    cases.stream()
        .sorted(RUN_ORDER)
        .forEach(c -> groups.computeIfAbsent(c.group(), k -> new ArrayList<>()).add(c));
    return groups;
  }

  /** The first number in the test's name (0 if none), to order 2 before 10. */
  public int number() {
    Matcher digits = DIGITS.matcher(test);
    return digits.find() ? Integer.parseInt(digits.group()) : 0;
  }

  /** The group this case belongs to, e.g. {@code 2.1 SKLC}. */
  public String group() {
    return version + " " + profile;
  }
}
