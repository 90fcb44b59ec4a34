package io.arca.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.arca.persistence.DatabaseConfig;
import io.arca.server.audit.AuditVerifier;
import io.arca.server.store.LocalKek;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.security.SecureRandom;

/** {@code audit verify} over a test server's embedded database, which must say intact. */
final class AuditVerifierCheck {
  private AuditVerifierCheck() {}

  static void assertIntact(Path dataDir) throws Exception {
    StringWriter out = new StringWriter();
    boolean intact =
        AuditVerifier.verify(
            DatabaseConfig.sqlite(dataDir),
            LocalKek.openOrCreate(dataDir.resolve("kek"), new SecureRandom()),
            null,
            new PrintWriter(out));
    assertThat(intact).as(out.toString()).isTrue();
    assertThat(out.toString()).contains("chain intact");
  }
}
