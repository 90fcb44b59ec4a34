package io.arca.server.op;

import static org.assertj.core.api.Assertions.assertThat;

import io.arca.kmip.CryptographicAlgorithm;
import io.arca.kmip.HashingAlgorithm;
import io.arca.kmip.KeyFormatType;
import io.arca.kmip.Tag;
import io.arca.kmip.attribute.Attribute;
import io.arca.kmip.attribute.Attributes;
import io.arca.kmip.object.KeyBlock;
import io.arca.kmip.object.KeyMaterial;
import io.arca.kmip.object.KeyValue;
import io.arca.kmip.object.SymmetricKey;
import io.arca.kmip.ttlv.TtlvByteString;
import io.arca.kmip.ttlv.TtlvEnumeration;
import io.arca.kmip.ttlv.TtlvStructure;
import io.arca.kmip.ttlv.TtlvWriter;
import java.security.MessageDigest;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The Digest a registered key gets (KMIP 1.4 §3.17, 2.1 §4.21): over the Key Material's Byte
 * String, or over the TTLV encoding of a Key Material structure (a transparent key).
 */
class RegisteredDigestTest {
  @Test
  void aTransparentKeysDigestIsTakenOverItsKeyMaterialsTtlvEncoding() throws Exception {
    TtlvStructure material =
        TtlvStructure.of(
            Tag.KEY_MATERIAL.code(),
            TtlvByteString.of(
                Tag.KEY.code(),
                new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16}));
    SymmetricKey key =
        new SymmetricKey(
            new KeyBlock(
                KeyFormatType.TRANSPARENT_SYMMETRIC_KEY.value(),
                null,
                KeyValue.Plain.of(new KeyMaterial.Structured(material)),
                CryptographicAlgorithm.AES.value(),
                128,
                null));

    List<Attribute> implied = RegisterHandler.implied(key, Attributes.EMPTY);

    byte[] expected = MessageDigest.getInstance("SHA-256").digest(TtlvWriter.toBytes(material));
    assertThat(implied.stream().map(Attribute::value))
        .contains(
            TtlvStructure.of(
                Tag.DIGEST.code(),
                new TtlvEnumeration(Tag.HASHING_ALGORITHM.code(), HashingAlgorithm.SHA_256.value()),
                TtlvByteString.of(Tag.DIGEST_VALUE.code(), expected),
                new TtlvEnumeration(
                    Tag.KEY_FORMAT_TYPE.code(), KeyFormatType.TRANSPARENT_SYMMETRIC_KEY.value())));
  }
}
