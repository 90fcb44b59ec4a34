package io.arca.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.arca.kmip.ProfileName;
import io.arca.server.op.ClaimedProfiles;
import java.io.IOException;
import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The profiles Query Profiles claims are exactly those whose mandatory OASIS cases all pass at a
 * version: the server's claimed-profiles.tsv against the case files and passing-cases.txt (which
 * OasisConformanceTest holds to the real results), so the claims cannot drift from the runs.
 */
class ClaimedProfilesTest {
  /** The server profile each OASIS case prefix tests (KMIP Profiles 2.1 §5, 1.4 §5). */
  private static final Map<String, String> SERVER_PROFILE =
      Map.ofEntries(
          Map.entry("AKLC", "AsymmetricKeyLifecycleServer"),
          Map.entry("SKLC", "SymmetricKeyLifecycleServer"),
          Map.entry("SKFF", "SymmetricKeyFoundryServer"),
          Map.entry("OMOS", "OpaqueManagedObjectStoreServer"),
          Map.entry("CS-BC", "BasicCryptographicServer"),
          Map.entry("CS-AC", "AdvancedCryptographicServer"),
          Map.entry("CS-RNG", "RNGCryptographicServer"),
          Map.entry("SASED", "StorageArrayWithSelfEncryptingDriveServer"),
          Map.entry("TL", "TapeLibraryServer"),
          Map.entry("SUITEB_128", "SuiteBMinLOS_128Server"),
          Map.entry("SUITEB_192", "SuiteBMinLOS_192Server"),
          Map.entry("AX", "AESXTSServer"),
          Map.entry("QS", "QuantumSafeServer"),
          Map.entry("PKCS11", "PKCS_11Server"),
          Map.entry("BL", "BaselineServer"),
          Map.entry("MSGENC-HTTPS", "HTTPSServer"),
          Map.entry("MSGENC-JSON", "JSONServer"),
          Map.entry("MSGENC-XML", "XMLServer"));

  @Test
  void theClaimedProfilesAreThoseWhoseMandatoryCasesAllPass() throws IOException {
    Ratchet passing = Ratchet.load("/passing-cases.txt");
    Map<String, Boolean> allPass = new HashMap<>();
    URI uri =
        URI.create(
            Objects.requireNonNull(ClaimedProfilesTest.class.getResource("/kmip-testcases"))
                .toString());
    // The cases come from kmip-codec's test jar in a reactor build, from its directory otherwise.
    try (FileSystem jar =
        uri.getScheme().equals("jar") ? FileSystems.newFileSystem(uri, Map.of()) : null) {
      Path root = jar == null ? Path.of(uri) : jar.getPath("/kmip-testcases");
      for (CaseFile file : CaseFile.find(List.of(root))) {
        if (file.mandatory()) {
          allPass.merge(
              file.version() + " " + file.profile(),
              passing.listed(file.name()),
              Boolean::logicalAnd);
        }
      }
    }
    Set<String> earned = new TreeSet<>();
    allPass.forEach(
        (key, passes) -> {
          String[] parts = key.split(" ", 2);
          String stem =
              Objects.requireNonNull(
                  SERVER_PROFILE.get(parts[1]), "the server profile of case prefix " + parts[1]);
          // 1.x names carry the KMIP version; 2.x names do not (a Profile Version says it).
          String name = parts[0].startsWith("1.") ? stem + "KMIPV1_" + parts[0].charAt(2) : stem;
          if (passes && ProfileName.byXmlName(name) != null) {
            earned.add(parts[0] + " " + parts[1] + " " + name);
          }
        });

    Set<String> claimed = new TreeSet<>();
    for (ClaimedProfiles.Claim claim : ClaimedProfiles.standard().claims()) {
      claimed.add(claim.version() + " " + claim.caseProfile() + " " + claim.profile().xmlName());
    }

    assertThat(claimed)
        .as("server/src/main/resources/io/arca/server/op/claimed-profiles.tsv")
        .isEqualTo(earned);
  }
}
