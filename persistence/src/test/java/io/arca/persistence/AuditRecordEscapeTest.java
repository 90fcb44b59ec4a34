package io.arca.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The escaping of the canonical form, which every record's hash and the audit file depend on. */
class AuditRecordEscapeTest {
  @Test
  void theFourSeparatorCharactersArePercentEscapedAndComeBack() {
    String field = "a|b%c\rd\ne%7C";
    String escaped = AuditRecord.escape(field);

    assertThat(escaped).isEqualTo("a%7Cb%25c%0Dd%0Ae%257C");
    assertThat(AuditRecord.unescape(escaped)).isEqualTo(field);
  }

  @Test
  void aFieldWithoutThemIsKeptAsItIs() {
    String field = "01a243a0-64c1-70e9-bb3c-f0951c5e78c5 user2 Encrypt";

    assertThat(AuditRecord.escape(field)).isSameAs(field);
  }

  @Test
  void aRecordsCanonicalFormIsItsFileLineWithoutTheHash() {
    AuditEntry entry =
        new AuditEntry(1_700_000_000_000L, "a|b", "192.0.2.1:1", "Get", "id%", "Success", null);
    AuditRecord record = AuditRecord.after("node-1", null, entry, null);

    assertThat(record.canonicalForm())
        .isEqualTo(
            "node-1|1|1700000000000|a%7Cb|192.0.2.1:1|Get|id%25|Success||" + AuditRecord.GENESIS);
    assertThat(AuditRecord.parseFileLine(record.fileLine())).isEqualTo(record);
  }
}
