package io.arca.kmip.object;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.arca.kmip.KeyFormatType;
import io.arca.kmip.ResultReason;
import io.arca.kmip.Tag;
import io.arca.kmip.ttlv.ByteString;
import io.arca.kmip.ttlv.Ttlv;
import io.arca.kmip.ttlv.TtlvEnumeration;
import io.arca.kmip.ttlv.TtlvException;
import io.arca.kmip.ttlv.TtlvStructure;
import io.arca.kmip.ttlv.text.KmipXml;
import io.arca.kmip.ttlv.text.TextOptions;
import java.io.IOException;
import java.math.BigInteger;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The typed views of transparent key material read and write the wire form exactly. */
class TransparentKeyTest {
  private static final BigInteger SECRET = new BigInteger(1, ManagedObjectTest.SECRET);

  /** Every Key Block under {@code item} whose Key Material is a structure. */
  private static void keyBlocks(Ttlv item, List<TtlvStructure> found) {
    if (!(item instanceof TtlvStructure structure)) {
      return;
    }
    if (structure.tag() == Tag.KEY_BLOCK.code()
        && structure.first(Tag.KEY_VALUE.code()) instanceof TtlvStructure value
        && value.first(Tag.KEY_MATERIAL.code()) instanceof TtlvStructure) {
      found.add(structure);
    }
    for (Ttlv child : structure.items()) {
      keyBlocks(child, found);
    }
  }

  @Test
  void everyTransparentKeyOfTheOasisCasesReadsAndWritesBack()
      throws IOException, URISyntaxException {
    Path root =
        Paths.get(
            Objects.requireNonNull(TransparentKeyTest.class.getResource("/kmip-testcases"))
                .toURI());
    TextOptions options = TextOptions.DEFAULTS.withNow(Instant.EPOCH);
    List<TtlvStructure> blocks = new ArrayList<>();
    try (Stream<Path> files = Files.walk(root)) {
      for (Path file : files.filter(p -> p.toString().endsWith(".xml")).toList()) {
        String xml = Files.readString(file, StandardCharsets.UTF_8);
        if (xml.contains("<KeyMaterial>")) {
          KmipXml.readMessages(xml, options).forEach(m -> keyBlocks(m, blocks));
        }
      }
    }

    assertThat(blocks).hasSize(7);
    for (TtlvStructure block : blocks) {
      int format =
          ((TtlvEnumeration) Objects.requireNonNull(block.first(Tag.KEY_FORMAT_TYPE.code())))
              .value();
      TtlvStructure value =
          (TtlvStructure) Objects.requireNonNull(block.first(Tag.KEY_VALUE.code()));
      KeyMaterial.Structured material =
          new KeyMaterial.Structured(
              (TtlvStructure) Objects.requireNonNull(value.first(Tag.KEY_MATERIAL.code())));

      assertThat(TransparentKey.decode(format, material).encode()).isEqualTo(material);
    }
  }

  @Test
  void everyViewRoundTripsAndPrintsNoNumber() {
    ByteString bytes = ManagedObjectTest.secret();
    List<Object[]> views =
        List.of(
            new Object[] {
              KeyFormatType.TRANSPARENT_SYMMETRIC_KEY, new TransparentKey.Symmetric(bytes)
            },
            new Object[] {
              KeyFormatType.TRANSPARENT_RSA_PUBLIC_KEY,
              new TransparentKey.RSAPublic(SECRET, BigInteger.valueOf(65537))
            },
            new Object[] {
              KeyFormatType.TRANSPARENT_RSA_PRIVATE_KEY,
              new TransparentKey.RSAPrivate(
                  SECRET, SECRET, null, SECRET, SECRET, SECRET, SECRET, SECRET)
            },
            new Object[] {
              KeyFormatType.TRANSPARENT_DSA_PUBLIC_KEY,
              new TransparentKey.DSAPublic(SECRET, SECRET, SECRET, SECRET)
            },
            new Object[] {
              KeyFormatType.TRANSPARENT_DSA_PRIVATE_KEY,
              new TransparentKey.DSAPrivate(SECRET, SECRET, SECRET, SECRET)
            },
            new Object[] {
              KeyFormatType.TRANSPARENT_DH_PRIVATE_KEY,
              new TransparentKey.DH(true, SECRET, null, SECRET, SECRET, SECRET)
            },
            new Object[] {
              KeyFormatType.TRANSPARENT_DH_PUBLIC_KEY,
              new TransparentKey.DH(false, SECRET, SECRET, SECRET, null, SECRET)
            },
            new Object[] {
              KeyFormatType.TRANSPARENT_EC_PUBLIC_KEY, new TransparentKey.ECPublic(3, bytes)
            },
            new Object[] {
              KeyFormatType.TRANSPARENT_ECDSA_PRIVATE_KEY, new TransparentKey.ECPrivate(3, SECRET)
            });
    for (Object[] view : views) {
      TransparentKey key = (TransparentKey) view[1];
      int format = ((KeyFormatType) view[0]).value();

      assertThat(TransparentKey.decode(format, key.encode())).isEqualTo(key);
      assertThat(key.toString())
          .doesNotContain(SECRET.toString())
          .doesNotContain(SECRET.toString(16))
          .doesNotContain("19, 55");
    }
  }

  @Test
  void aFormatThatIsNotTransparentOrAMissingPartIsInvalidField() {
    KeyMaterial.Structured rsa =
        new TransparentKey.RSAPublic(SECRET, BigInteger.valueOf(65537)).encode();

    assertThatThrownBy(() -> TransparentKey.decode(KeyFormatType.RAW.value(), rsa))
        .isInstanceOfSatisfying(
            TtlvException.class, e -> assertThat(e.reason()).isEqualTo(ResultReason.INVALID_FIELD))
        .hasMessageContaining("Raw is not a transparent format");
    assertThatThrownBy(
            () -> TransparentKey.decode(KeyFormatType.TRANSPARENT_DSA_PUBLIC_KEY.value(), rsa))
        .isInstanceOfSatisfying(
            TtlvException.class, e -> assertThat(e.reason()).isEqualTo(ResultReason.INVALID_FIELD))
        .hasMessageContaining("P: missing");
  }
}
