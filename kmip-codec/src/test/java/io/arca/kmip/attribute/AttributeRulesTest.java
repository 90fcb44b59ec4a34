package io.arca.kmip.attribute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.arca.kmip.ObjectType;
import io.arca.kmip.Operation;
import io.arca.kmip.ProtocolVersion;
import io.arca.kmip.Tag;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * attribute-rules.tsv against the spec's attribute rules tables. The spot checks were read by hand
 * from the cited tables of the KMIP 1.4, 2.0 and 2.1 specifications.
 */
class AttributeRulesTest {
  private static final AttributeRules RULES = AttributeRules.standard();
  private static final ProtocolVersion V1_4 = ProtocolVersion.V1_4;
  private static final ProtocolVersion V2_1 = ProtocolVersion.V2_1;
  private static final Pattern SOURCE =
      Pattern.compile(
          "KMIP (1\\.4|2\\.0|2\\.1) §[34](\\.[0-9]+)+"
              + " (Table [0-9]+|\\(rules table without a caption\\))");

  private static List<String> dataRows() throws IOException {
    try (InputStream in = AttributeRules.class.getResourceAsStream(AttributeRules.RESOURCE)) {
      String text = new String(Objects.requireNonNull(in).readAllBytes(), StandardCharsets.UTF_8);
      return text.lines().filter(l -> !l.startsWith("#")).skip(1).toList();
    }
  }

  private static AttributeReference ref(Tag tag) {
    return AttributeReference.tag(tag.code());
  }

  private static AttributeRule rule(Tag tag, ProtocolVersion version) {
    return RULES.rule(tag.code(), version).orElseThrow();
  }

  @Test
  void everyRowHasAllColumnsAndCitesItsTable() throws IOException {
    List<String> rows = dataRows();
    assertThat(rows).isNotEmpty();
    for (String row : rows) {
      String[] cells = row.split("\t", -1);
      assertThat(cells).as(row).hasSize(AttributeRules.COLUMNS);
      assertThat(cells[12]).as(row).matches(SOURCE);
      assertThat(cells[12]).as(row).startsWith("KMIP " + cells[2] + " ");
    }
  }

  @Test
  void everyRowNamesAKnownTag() throws IOException {
    for (String row : dataRows()) {
      String[] cells = row.split("\t", -1);
      Tag tag = Tag.byCode(Integer.parseInt(cells[1].substring(2), 16));
      assertThat(tag).as(row).isNotNull();
      assertThat(Objects.requireNonNull(tag).name()).as(row).isEqualTo(cells[0]);
    }
  }

  /**
   * 1.4 §3 has 51 attribute sections; §3.39 Custom Attribute has no tag. 2.0 §4 has 56 and 2.1 §4
   * has 63, one of them Vendor Attribute without a rules table, and §4.6 Certificate Attributes
   * governs 24 tags with one table.
   */
  @Test
  void eachVersionHasARuleForEveryAttributeSection() {
    assertThat(RULES.specVersions())
        .containsExactly(ProtocolVersion.V1_4, ProtocolVersion.V2_0, ProtocolVersion.V2_1);
    assertThat(RULES.rulesOf(V1_4)).hasSize(50);
    assertThat(RULES.rulesOf(ProtocolVersion.V2_0)).hasSize(55 - 1 + 24);
    assertThat(RULES.rulesOf(V2_1)).hasSize(62 - 1 + 24);
  }

  @ParameterizedTest
  @CsvSource({"1.4", "2.1"})
  void uniqueIdentifierIsSetByTheServerOnly(String version) {
    ProtocolVersion v = version.equals("1.4") ? V1_4 : V2_1;
    AttributeRule r = rule(Tag.UNIQUE_IDENTIFIER, v);
    assertThat(r.alwaysHasValue()).isTrue();
    assertThat(r.isSingleValued()).isTrue();
    assertThat(r.initiallySetByServer()).isTrue();
    assertThat(r.isReadOnlyForClients()).isTrue();
    assertThat(r.implicitlySetBy()).contains(Operation.CREATE, Operation.REGISTER);
    assertThat(RULES.isClientModifiable(ref(Tag.UNIQUE_IDENTIFIER), v)).isFalse();
    assertThat(RULES.isClientDeletable(ref(Tag.UNIQUE_IDENTIFIER), v)).isFalse();
  }

  @ParameterizedTest
  @CsvSource({"1.4", "2.1"})
  void nameIsClientOwnedAndMultiValued(String version) {
    ProtocolVersion v = version.equals("1.4") ? V1_4 : V2_1;
    AttributeReference name = ref(Tag.NAME);
    assertThat(RULES.isSingleValued(name, v)).isFalse();
    assertThat(RULES.isClientModifiable(name, v)).isTrue();
    assertThat(RULES.isClientDeletable(name, v)).isTrue();
    assertThat(RULES.isClientSettableAtCreation(name, v)).isTrue();
    assertThat(RULES.isReadOnlyForClients(name, v)).isFalse();
  }

  @Test
  void cryptographicAlgorithmCannotBeChangedByClientsAndNarrowsTypesIn14Only() {
    AttributeReference alg = ref(Tag.CRYPTOGRAPHIC_ALGORITHM);
    assertThat(RULES.isClientModifiable(alg, V1_4)).isFalse();
    assertThat(RULES.isClientModifiable(alg, V2_1)).isFalse();
    assertThat(RULES.isSingleValued(alg, V2_1)).isTrue();
    // 1.4 Table 62: keys, certificates, templates; 2.1 Table 54: all objects.
    assertThat(RULES.appliesTo(alg, ObjectType.SYMMETRIC_KEY, V1_4)).isTrue();
    assertThat(RULES.appliesTo(alg, ObjectType.TEMPLATE, V1_4)).isTrue();
    assertThat(RULES.appliesTo(alg, ObjectType.SECRET_DATA, V1_4)).isFalse();
    assertThat(RULES.appliesTo(alg, ObjectType.OPAQUE_OBJECT, V1_4)).isFalse();
    assertThat(RULES.appliesTo(alg, ObjectType.SECRET_DATA, V2_1)).isTrue();
    // 2.1: "always has a value" except for two object types, which the token leaves out.
    assertThat(rule(Tag.CRYPTOGRAPHIC_ALGORITHM, V2_1).isQualified("always_has_value")).isTrue();
  }

  @Test
  void objectGroupAllowsSeveralInstances() {
    assertThat(RULES.isSingleValued(ref(Tag.OBJECT_GROUP), V1_4)).isFalse();
    assertThat(RULES.isSingleValued(ref(Tag.OBJECT_GROUP), V2_1)).isFalse();
  }

  @Test
  void activationDateIsSingleAndClientModifiableUnderAStateCondition() {
    AttributeRule r = rule(Tag.ACTIVATION_DATE, V2_1);
    assertThat(r.isSingleValued()).isTrue();
    assertThat(r.modifiableByClient()).isTrue();
    assertThat(r.deletableByClient()).isFalse();
    assertThat(r.isQualified("modifiable_by_client")).isTrue();
    assertThat(r.source()).isEqualTo("KMIP 2.1 §4.1 Table 30");
  }

  @Test
  void certificateAttributesShareOneTableIn2x() {
    AttributeRule cn = rule(Tag.CERTIFICATE_SUBJECT_CN, V2_1);
    assertThat(cn.source()).isEqualTo(rule(Tag.CERTIFICATE_ISSUER_DN_QUALIFIER, V2_1).source());
    assertThat(cn.multipleInstances()).isTrue();
    assertThat(cn.appliesTo(ObjectType.CERTIFICATE)).isTrue();
    assertThat(cn.appliesTo(ObjectType.SYMMETRIC_KEY)).isFalse();
    assertThat(RULES.isAttribute(ref(Tag.CERTIFICATE_SUBJECT_CN), V1_4)).isFalse();
  }

  @Test
  void eventsStandInForOperationsWhereTheTableNamesNone() {
    assertThat(rule(Tag.SENSITIVE, V2_1).implicitlySetWhen()).containsExactly("creation");
    assertThat(rule(Tag.ALWAYS_SENSITIVE, V2_1).implicitlySetWhen())
        .containsExactly("change-of:SENSITIVE");
    assertThat(rule(Tag.SENSITIVE, V2_1).implicitlySetBy()).isEmpty();
  }

  @Test
  void versionsUseTheirFamilysTables() {
    assertThat(AttributeRules.tableFor(ProtocolVersion.V1_0)).isEqualTo(V1_4);
    assertThat(AttributeRules.tableFor(ProtocolVersion.V1_4)).isEqualTo(V1_4);
    assertThat(AttributeRules.tableFor(ProtocolVersion.V2_0)).isEqualTo(ProtocolVersion.V2_0);
    assertThat(AttributeRules.tableFor(V2_1)).isEqualTo(V2_1);
    assertThat(AttributeRules.tableFor(new ProtocolVersion(2, 2))).isEqualTo(V2_1);
    // Operation Policy Name left with 1.x; the Rotate attributes came with 2.1.
    assertThat(RULES.isAttribute(ref(Tag.OPERATION_POLICY_NAME), ProtocolVersion.V1_2)).isTrue();
    assertThat(RULES.isAttribute(ref(Tag.OPERATION_POLICY_NAME), V2_1)).isFalse();
    assertThat(RULES.isAttribute(ref(Tag.ROTATE_DATE), ProtocolVersion.V2_0)).isFalse();
    assertThat(RULES.isAttribute(ref(Tag.ROTATE_DATE), V2_1)).isTrue();
  }

  @Test
  void customAndVendorAttributesAreTheClientsToManage() {
    AttributeReference custom = AttributeReference.fromName("x-Purpose");
    AttributeReference vendorTag = AttributeReference.tag(0x540001);
    for (AttributeReference a : List.of(custom, vendorTag)) {
      for (ProtocolVersion v : List.of(ProtocolVersion.V1_0, V2_1)) {
        assertThat(RULES.isAttribute(a, v)).isTrue();
        assertThat(RULES.isClientSettableAtCreation(a, v)).isTrue();
        assertThat(RULES.isClientModifiable(a, v)).isTrue();
        assertThat(RULES.isClientDeletable(a, v)).isTrue();
        assertThat(RULES.isSingleValued(a, v)).isFalse();
        assertThat(RULES.appliesTo(a, ObjectType.OPAQUE_OBJECT, v)).isTrue();
      }
    }
  }

  @Test
  void aTagThatIsNoAttributeIsRefusedByEveryQuestion() {
    AttributeReference batchCount = ref(Tag.BATCH_COUNT);
    assertThat(RULES.rule(Tag.BATCH_COUNT.code(), V2_1)).isEmpty();
    assertThat(RULES.rule(0x010203, V2_1)).isEmpty();
    assertThat(RULES.isAttribute(batchCount, V2_1)).isFalse();
    assertThat(RULES.isClientSettableAtCreation(batchCount, V2_1)).isFalse();
    assertThat(RULES.isClientModifiable(batchCount, V2_1)).isFalse();
    assertThat(RULES.isClientDeletable(batchCount, V2_1)).isFalse();
    assertThat(RULES.isReadOnlyForClients(batchCount, V2_1)).isTrue();
    assertThat(RULES.isSingleValued(batchCount, V2_1)).isTrue();
    assertThat(RULES.appliesTo(batchCount, ObjectType.SYMMETRIC_KEY, V2_1)).isFalse();
  }

  @Test
  void malformedRowsAreRefused() {
    String good =
        "NAME\t0x00420053\t2.1\tno\tclient\tyes\tyes\tyes\tyes\tRE_KEY\tall\t\tKMIP 2.1 §4.32 Table 94";
    assertThat(AttributeRules.parseRow(good).tag()).isEqualTo(Tag.NAME);
    assertThatThrownBy(() -> AttributeRules.parseRow(good.replace("\tall", "")))
        .hasMessageContaining("12 cells (expected: 13)");
    assertThatThrownBy(() -> AttributeRules.parseRow(good.replace("\tno\t", "\tmaybe\t")))
        .hasMessageContaining("expected: yes or no");
    assertThatThrownBy(() -> AttributeRules.parseRow(good.replace("NAME", "NAMES")))
        .hasMessageContaining("no known tag");
    assertThatThrownBy(() -> AttributeRules.parseRow(good.replace("KMIP 2.1 §4.32 Table 94", "")))
        .hasMessageContaining("no source");
    assertThatThrownBy(() -> AttributeRules.parse(List.of("header", good, good)))
        .hasMessageContaining("a second row");
  }

  @Test
  void rulesOfAVersionAreKeyedByTheirOwnTag() {
    for (ProtocolVersion v : RULES.specVersions()) {
      for (Map.Entry<Integer, AttributeRule> e : RULES.rulesOf(v).entrySet()) {
        Tag tag = Objects.requireNonNull(e.getValue().tag());
        assertThat(tag.code()).isEqualTo(e.getKey());
        assertThat(e.getValue().specVersion()).isEqualTo(v);
        // The vocabulary's own versions agree: no table governs a tag its version lacks.
        assertThat(tag.isDefinedIn(v)).as("%s in %s", tag, v).isTrue();
      }
    }
  }
}
