package io.arca.server;

import io.arca.kmip.ItemType;
import io.arca.kmip.ProtocolVersion;
import io.arca.kmip.Tag;
import io.arca.kmip.attribute.Attribute;
import io.arca.kmip.ttlv.Ttlv;
import io.arca.kmip.ttlv.TtlvBigInteger;
import io.arca.kmip.ttlv.TtlvBoolean;
import io.arca.kmip.ttlv.TtlvByteString;
import io.arca.kmip.ttlv.TtlvDateTime;
import io.arca.kmip.ttlv.TtlvEnumeration;
import io.arca.kmip.ttlv.TtlvInteger;
import io.arca.kmip.ttlv.TtlvInterval;
import io.arca.kmip.ttlv.TtlvLongInteger;
import io.arca.kmip.ttlv.TtlvStructure;
import io.arca.kmip.ttlv.TtlvTextString;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Well-formed values of every attribute the rules tables name, for the end-to-end rules test: a
 * value per item type, and for a structure the fields its section defines. Each attribute has three
 * variants that differ from one another (0 for Create, 1 for Add and Set, 2 for Modify); Names are
 * new on every call, so that no two objects ever share one.
 */
final class AttributeSamples {
  /**
   * Attribute rows whose value this generator cannot make, with the reason. A test keeps the list
   * small: every other row of every table is run.
   */
  static final Map<Tag, String> EXCLUDED = Map.of();

  /**
   * Steps that are not the row's to show, with the reason: a 2.x Create takes a client-chosen
   * Unique Identifier as the new object's name (KMIP 2.1 §6.1.8, ChosenIdentifierHandlersTest).
   */
  static final Map<Tag, String> NOT_AT_CREATION_IN_KMIP_2 =
      Map.of(Tag.UNIQUE_IDENTIFIER, "a 2.x Create names its new object by it");

  /** Link Type Derivation Base Object Link, defined from 1.0. */
  private static final int DERIVATION_BASE_OBJECT_LINK = 0x104;

  /** Enumerations that came with 2.1, where two different values exist in every version. */
  private static final Set<Tag> TWO_VALUED_ENUMERATIONS =
      Set.of(Tag.NIST_KEY_TYPE, Tag.PROTECTION_LEVEL);

  private static final AtomicInteger NAMES = new AtomicInteger();

  private final Instant base;
  private final List<String> linkTargets;

  /**
   * Samples whose dates lie after {@code now} (whole seconds, so they read back as sent), linking
   * to the three objects {@code linkTargets}.
   */
  AttributeSamples(Instant now, List<String> linkTargets) {
    this.base = now.truncatedTo(ChronoUnit.SECONDS);
    this.linkTargets = List.copyOf(linkTargets);
  }

  /** A Name no other object has. */
  static Attribute uniqueName(String prefix) {
    return TestAttributes.name(prefix + "-" + NAMES.incrementAndGet());
  }

  /** Variant {@code variant} (0, 1 or 2) of the attribute {@code tag}. */
  Attribute sample(Tag tag, int variant) {
    return Attribute.of(value(tag, variant));
  }

  private Ttlv value(Tag tag, int variant) {
    int code = tag.code();
    int n = variant + 1;
    return switch (tag) {
      case NAME -> uniqueName("rule").value();
      case ROTATE_NAME ->
          TtlvStructure.of(
              code,
              new TtlvTextString(Tag.ROTATE_NAME_VALUE.code(), "rotation-" + n),
              new TtlvEnumeration(Tag.ROTATE_NAME_TYPE.code(), 1));
      case ALTERNATIVE_NAME ->
          TtlvStructure.of(
              code,
              new TtlvTextString(Tag.ALTERNATIVE_NAME_VALUE.code(), "alternative-" + n),
              new TtlvEnumeration(Tag.ALTERNATIVE_NAME_TYPE.code(), 1));
      case APPLICATION_SPECIFIC_INFORMATION ->
          TtlvStructure.of(
              code,
              new TtlvTextString(Tag.APPLICATION_NAMESPACE.code(), "ssl"),
              new TtlvTextString(Tag.APPLICATION_DATA.code(), "host" + n + ".example.com"));
      // Block Cipher Mode CBC, ECB, PCBC: all of 1.0.
      case CRYPTOGRAPHIC_PARAMETERS ->
          TtlvStructure.of(code, new TtlvEnumeration(Tag.BLOCK_CIPHER_MODE.code(), n));
      case CRYPTOGRAPHIC_DOMAIN_PARAMETERS ->
          TtlvStructure.of(code, new TtlvInteger(Tag.QLENGTH.code(), 192 + 32 * n));
      case LINK ->
          TtlvStructure.of(
              code,
              new TtlvEnumeration(Tag.LINK_TYPE.code(), DERIVATION_BASE_OBJECT_LINK),
              new TtlvTextString(Tag.LINKED_OBJECT_IDENTIFIER.code(), linkTargets.get(variant)));
      case USAGE_LIMITS -> TestAttributes.usageLimits(1000L * n, 1000L * n).value();
      case DIGEST ->
          TtlvStructure.of(
              code,
              new TtlvEnumeration(Tag.HASHING_ALGORITHM.code(), 6),
              TtlvByteString.of(Tag.DIGEST_VALUE.code(), bytes(32, n)));
      case KEY_VALUE_LOCATION ->
          TtlvStructure.of(
              code,
              new TtlvTextString(Tag.KEY_VALUE_LOCATION_VALUE.code(), "vault " + n),
              new TtlvEnumeration(Tag.KEY_VALUE_LOCATION_TYPE.code(), 1));
      // RNG Algorithm Unspecified, FIPS 186-2, DRBG: all of 1.3, where the attribute came.
      case RANDOM_NUMBER_GENERATOR ->
          TtlvStructure.of(code, new TtlvEnumeration(Tag.RNG_ALGORITHM.code(), n));
      case REVOCATION_REASON ->
          TtlvStructure.of(code, new TtlvEnumeration(Tag.REVOCATION_REASON_CODE.code(), 1));
      case X_509_CERTIFICATE_IDENTIFIER ->
          TtlvStructure.of(
              code,
              TtlvByteString.of(Tag.ISSUER_DISTINGUISHED_NAME.code(), bytes(16, n)),
              TtlvByteString.of(Tag.CERTIFICATE_SERIAL_NUMBER.code(), bytes(8, n)));
      case X_509_CERTIFICATE_SUBJECT ->
          TtlvStructure.of(
              code, TtlvByteString.of(Tag.SUBJECT_DISTINGUISHED_NAME.code(), bytes(16, n)));
      case X_509_CERTIFICATE_ISSUER ->
          TtlvStructure.of(
              code, TtlvByteString.of(Tag.ISSUER_DISTINGUISHED_NAME.code(), bytes(16, n)));
      case CERTIFICATE_IDENTIFIER ->
          TtlvStructure.of(
              code,
              new TtlvTextString(Tag.ISSUER.code(), "CN=Issuer " + n),
              new TtlvTextString(Tag.SERIAL_NUMBER.code(), Integer.toString(n)));
      case CERTIFICATE_SUBJECT ->
          TtlvStructure.of(
              code,
              new TtlvTextString(Tag.CERTIFICATE_SUBJECT_DISTINGUISHED_NAME.code(), "CN=S" + n));
      case CERTIFICATE_ISSUER ->
          TtlvStructure.of(
              code,
              new TtlvTextString(Tag.CERTIFICATE_ISSUER_DISTINGUISHED_NAME.code(), "CN=I" + n));
      case OBJECT_GROUP, COMMENT -> new TtlvTextString(code, tag.xmlName() + " " + n);
      case ALWAYS_SENSITIVE -> new TtlvBoolean(code, variant != 1);
      // AES (the key's own), then 3DES and DES.
      case CRYPTOGRAPHIC_ALGORITHM -> new TtlvEnumeration(code, 3 - variant);
      // The key's own 256 bits, then 192 and 128.
      case CRYPTOGRAPHIC_LENGTH -> new TtlvInteger(code, 256 - 64 * variant);
      // Encrypt and Decrypt, then Encrypt, then Decrypt.
      case CRYPTOGRAPHIC_USAGE_MASK -> new TtlvInteger(code, variant == 0 ? 12 : 4 * variant);
      case OPAQUE_DATA_TYPE -> new TtlvEnumeration(code, 0x80000000 + variant);
      case PROTECTION_STORAGE_MASK -> new TtlvInteger(code, 1 << variant);
      case UNIQUE_IDENTIFIER -> new TtlvTextString(code, "chosen-" + NAMES.incrementAndGet());
      default -> byType(tag, variant);
    };
  }

  private Ttlv byType(Tag tag, int variant) {
    int code = tag.code();
    int n = variant + 1;
    Set<ItemType> types = tag.itemTypes();
    if (types.size() != 1) {
      throw new IllegalStateException(tag + ": no sample for item types " + types);
    }
    return switch (types.iterator().next()) {
      case DATE_TIME -> TtlvDateTime.of(code, base.plus(Duration.ofDays(n)));
      case INTERVAL -> new TtlvInterval(code, 3600L * n);
      case BOOLEAN -> new TtlvBoolean(code, variant != 1);
      case INTEGER -> new TtlvInteger(code, 1000 + n);
      case LONG_INTEGER -> new TtlvLongInteger(code, 1000L + n);
      case BIG_INTEGER -> new TtlvBigInteger(code, BigInteger.valueOf(1000L + n));
      case TEXT_STRING -> new TtlvTextString(code, tag.xmlName() + " " + n);
      case BYTE_STRING -> TtlvByteString.of(code, bytes(8, n));
      // Server-set enumerations take their first value, defined wherever the tag is.
      case ENUMERATION ->
          new TtlvEnumeration(code, TWO_VALUED_ENUMERATIONS.contains(tag) ? variant % 2 + 1 : 1);
      default -> throw new IllegalStateException(tag + ": no sample for " + types);
    };
  }

  /** Whether Adjust Attribute can move a value of this attribute's type. */
  static boolean adjustable(Tag tag) {
    Set<ItemType> types = tag.itemTypes();
    return types.size() == 1
        && Set.of(
                ItemType.INTEGER,
                ItemType.LONG_INTEGER,
                ItemType.BIG_INTEGER,
                ItemType.INTERVAL,
                ItemType.DATE_TIME,
                ItemType.BOOLEAN)
            .contains(types.iterator().next());
  }

  /** Whether the attribute's only item type is {@code type}. */
  static boolean isOnly(Tag tag, ItemType type) {
    return tag.itemTypes().equals(Set.of(type));
  }

  /** The version's rows whose values this generator makes. */
  static boolean covered(Tag tag, ProtocolVersion version) {
    return !EXCLUDED.containsKey(tag) && tag.isDefinedIn(version);
  }

  private static byte[] bytes(int length, int fill) {
    byte[] bytes = new byte[length];
    Arrays.fill(bytes, (byte) fill);
    return bytes;
  }
}
