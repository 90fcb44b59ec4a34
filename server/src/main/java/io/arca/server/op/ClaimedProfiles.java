package io.arca.server.op;

import io.arca.kmip.ProfileName;
import io.arca.kmip.ProtocolVersion;
import io.arca.kmip.Tag;
import io.arca.kmip.ttlv.Ttlv;
import io.arca.kmip.ttlv.TtlvEnumeration;
import io.arca.kmip.ttlv.TtlvInteger;
import io.arca.kmip.ttlv.TtlvStructure;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

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
   * The Profile Information structures for a client of {@code version}: the claims of that version
   * and earlier ones whose Profile Name the version defines.
   */
  public List<TtlvStructure> answer(ProtocolVersion version) {
    List<TtlvStructure> answer = new ArrayList<>();
    for (Claim claim : claims) {
      if (version.isAtLeast(claim.version()) && claim.profile().isDefinedIn(version)) {
        List<Ttlv> fields = new ArrayList<>();
        fields.add(new TtlvEnumeration(Tag.PROFILE_NAME.code(), claim.profile().value()));
        if (Tag.PROFILE_VERSION.isDefinedIn(version)) {
          fields.add(
              TtlvStructure.of(
                  Tag.PROFILE_VERSION.code(),
                  new TtlvInteger(Tag.PROFILE_VERSION_MAJOR.code(), claim.version().major()),
                  new TtlvInteger(Tag.PROFILE_VERSION_MINOR.code(), claim.version().minor())));
        }
        answer.add(new TtlvStructure(Tag.PROFILE_INFORMATION.code(), fields));
      }
    }
    return List.copyOf(answer);
  }
}
