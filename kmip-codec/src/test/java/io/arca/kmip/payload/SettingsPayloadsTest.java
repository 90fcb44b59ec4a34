package io.arca.kmip.payload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.arca.kmip.ObjectType;
import io.arca.kmip.ProtocolVersion;
import io.arca.kmip.Tag;
import io.arca.kmip.attribute.Attribute;
import io.arca.kmip.attribute.Attributes;
import io.arca.kmip.ttlv.DecodeLimits;
import io.arca.kmip.ttlv.TtlvEnumeration;
import io.arca.kmip.ttlv.TtlvException;
import io.arca.kmip.ttlv.TtlvInteger;
import io.arca.kmip.ttlv.TtlvReader;
import io.arca.kmip.ttlv.TtlvStructure;
import io.arca.kmip.ttlv.TtlvTextString;
import io.arca.kmip.ttlv.TtlvWriter;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;

/** Set Defaults, Set Constraints and Get Constraints through the binary form and back. */
class SettingsPayloadsTest {
  private static final ProtocolVersion V = ProtocolVersion.V2_1;

  private static TtlvStructure wire(TtlvStructure payload) {
    return (TtlvStructure) TtlvReader.read(TtlvWriter.toBytes(payload), DecodeLimits.DEFAULTS);
  }

  private static Attributes lengths(int... bits) {
    Attribute[] items = new Attribute[bits.length];
    for (int i = 0; i < bits.length; i++) {
      items[i] = Attribute.of(new TtlvInteger(Tag.CRYPTOGRAPHIC_LENGTH.code(), bits[i]));
    }
    return Attributes.of(items);
  }

  @Test
  void constraintsRoundTripWithTheirScopes() {
    List<Constraint> constraints =
        List.of(
            new Constraint(
                List.of(ObjectType.SYMMETRIC_KEY.value(), ObjectType.SECRET_DATA.value()),
                List.of("payments"),
                lengths(128, 256)),
            new Constraint(List.of(), List.of(), lengths(3072)));
    SetConstraints.Request set = new SetConstraints.Request(constraints);
    assertThat(SetConstraints.Request.decode(wire(set.encode(V)), V)).isEqualTo(set);
    GetConstraints.Response got = new GetConstraints.Response(constraints);
    assertThat(GetConstraints.Response.decode(wire(got.encode(V)), V)).isEqualTo(got);
    SetConstraints.Request none = new SetConstraints.Request(List.of());
    assertThat(SetConstraints.Request.decode(wire(none.encode(V)), V)).isEqualTo(none);
  }

  @Test
  void defaultsRoundTripOneTypeOrManyAndNoneMeansNoDefaultsInformation() {
    SetDefaults.Request set =
        new SetDefaults.Request(
            List.of(
                new ObjectDefaults(
                    List.of(ObjectType.SYMMETRIC_KEY.value()), lengths(256), List.of()),
                new ObjectDefaults(
                    List.of(ObjectType.PRIVATE_KEY.value(), ObjectType.PUBLIC_KEY.value()),
                    lengths(3072),
                    List.of("payments", "hr"))));
    TtlvStructure encoded = set.encode(V);
    assertThat(SetDefaults.Request.decode(wire(encoded), V)).isEqualTo(set);
    TtlvStructure information =
        (TtlvStructure) Objects.requireNonNull(encoded.first(Tag.DEFAULTS_INFORMATION.code()));
    TtlvStructure first =
        (TtlvStructure) Objects.requireNonNull(information.first(Tag.OBJECT_DEFAULTS.code()));
    assertThat(first.first(Tag.OBJECT_TYPE.code())).isInstanceOf(TtlvEnumeration.class);

    SetDefaults.Request none = new SetDefaults.Request(List.of());
    assertThat(none.encode(V).items()).isEmpty();
    assertThat(SetDefaults.Request.decode(wire(none.encode(V)), V)).isEqualTo(none);
  }

  @Test
  void objectDefaultsWithoutAnObjectTypeOrWithStrangeFieldsAreRefused() {
    TtlvStructure noType =
        TtlvStructure.of(
            Tag.REQUEST_PAYLOAD.code(),
            TtlvStructure.of(
                Tag.DEFAULTS_INFORMATION.code(),
                TtlvStructure.of(
                    Tag.OBJECT_DEFAULTS.code(), TtlvStructure.of(Tag.ATTRIBUTES.code()))));
    assertThatThrownBy(() -> SetDefaults.Request.decode(noType, V))
        .isInstanceOf(TtlvException.class);
    TtlvStructure stray =
        TtlvStructure.of(
            Tag.REQUEST_PAYLOAD.code(),
            TtlvStructure.of(
                Tag.CONSTRAINTS.code(),
                TtlvStructure.of(
                    Tag.CONSTRAINT.code(), new TtlvTextString(Tag.OBJECT_GROUP.code(), "bare"))));
    assertThatThrownBy(() -> SetConstraints.Request.decode(stray, V))
        .isInstanceOf(TtlvException.class);
  }
}
