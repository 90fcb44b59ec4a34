package io.arca.server.op;

import io.arca.kmip.ProfileName;
import io.arca.kmip.ProtocolVersion;
import io.arca.kmip.Tag;
import io.arca.kmip.ttlv.TtlvEnumeration;
import io.arca.kmip.ttlv.TtlvStructure;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The server profiles Query Profiles claims, from {@code claimed-profiles.tsv}: those whose
 * mandatory OASIS test cases pass at a KMIP version (conformance-tests holds the list to the cases'
 * real results). A client hears of the profiles of its own version and earlier ones, under the
 * names its version defines: the 1.3 and 1.4 names carry the KMIP version, the 2.x names a Profile
 * Version structure instead.
 */
public final class ClaimedProfiles {
  /** The resource, beside this class. */
  public static final String RESOURCE = "claimed-profiles.tsv";

  /** The prefix of the case profiles whose cases run over the HTTPS port. */
  private static final String HTTPS_ONLY = "MSGENC-";

  /**
   * One claim.
   *
   * @param version the KMIP version whose test cases pass
   * @param caseProfile the OASIS test cases' profile prefix, e.g. {@code SKLC}
   * @param profile the Profile Name claimed
   */
  public record Claim(ProtocolVersion version, String caseProfile, ProfileName profile) {}

  private final List<Claim> claims;

  private ClaimedProfiles(List<Claim> claims) {
    this.claims = List.copyOf(claims);
  }

  /** The claims of the checked-in table. */
  public static ClaimedProfiles standard() {
    try (InputStream in = ClaimedProfiles.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + RESOURCE);
      }
      return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static ClaimedProfiles parse(String table) {
    List<Claim> claims = new ArrayList<>();
    boolean header = true;
    for (String line : table.split("\n", -1)) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      if (header) {
        header = false; // the column names
        continue;
      }
      String[] cells = line.split("\t", -1);
      ProfileName profile = cells.length == 3 ? ProfileName.byXmlName(cells[2]) : null;
      if (profile == null) {
        throw new IllegalStateException(
            RESOURCE + ": not a version, case profile, profile: " + line);
      }
      claims.add(new Claim(version(cells[0]), cells[1], profile));
    }
    return new ClaimedProfiles(claims);
  }

  private static ProtocolVersion version(String cell) {
    String[] parts = cell.split("\\.", -1);
    if (parts.length != 2) {
      throw new IllegalStateException(RESOURCE + ": version " + cell);
    }
    return new ProtocolVersion(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]));
  }

  /** Every row. */
  public List<Claim> claims() {
    return claims;
  }

  /**
   * The claims of a server whose HTTPS port is on or off: the message-encoding profiles (the
   * MSGENC-HTTPS, -JSON and -XML cases) are served over HTTPS alone, so without the port they are
   * not claimed.
   */
  public ClaimedProfiles served(boolean https) {
    return https
        ? this
        : new ClaimedProfiles(
            claims.stream().filter(c -> !c.caseProfile().startsWith(HTTPS_ONLY)).toList());
  }

  /**
   * The Profile Information structures for a client of {@code version}: the profiles claimed at
   * that version or an earlier one whose Profile Name the version defines, each once. The 2.x names
   * no longer carry a KMIP version, and the optional Profile Version is left out: PyKMIP's decoder
   * (0.10) refuses a Profile Information that holds one.
   */
  public List<TtlvStructure> answer(ProtocolVersion version) {
    Set<ProfileName> names = new LinkedHashSet<>();
    for (Claim claim : claims) {
      if (version.isAtLeast(claim.version()) && claim.profile().isDefinedIn(version)) {
        names.add(claim.profile());
      }
    }
    List<TtlvStructure> answer = new ArrayList<>();
    for (ProfileName name : names) {
      answer.add(
          TtlvStructure.of(
              Tag.PROFILE_INFORMATION.code(),
              new TtlvEnumeration(Tag.PROFILE_NAME.code(), name.value())));
    }
    return List.copyOf(answer);
  }
}
