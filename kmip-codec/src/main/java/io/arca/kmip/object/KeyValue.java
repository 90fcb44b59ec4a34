package io.arca.kmip.object;

import io.arca.kmip.ProtocolVersion;
import io.arca.kmip.ResultReason;
import io.arca.kmip.Tag;
import io.arca.kmip.attribute.Attribute;
import io.arca.kmip.attribute.AttributeCodec;
import io.arca.kmip.attribute.AttributeGroup;
import io.arca.kmip.attribute.Attributes;
import io.arca.kmip.ttlv.ByteString;
import io.arca.kmip.ttlv.Fields;
import io.arca.kmip.ttlv.StructureBuilder;
import io.arca.kmip.ttlv.Ttlv;
import io.arca.kmip.ttlv.TtlvByteString;
import io.arca.kmip.ttlv.TtlvException;
import io.arca.kmip.ttlv.TtlvStructure;
import java.util.ArrayList;
import java.util.List;

/**
 * KMIP 1.4 §2.1.4, 2.1 §3.2 Key Value: the Key Material with the attributes that travel inside the
 * key block (1.x: Attribute structures; 2.x: one Attributes structure), or, when the key is wrapped
 * by encryption, the opaque bytes of the wrapped Key Value.
 */
public sealed interface KeyValue {

  /** Decodes the Key Value item of a Key Block: a structure, or a Byte String when wrapped. */
  static KeyValue decode(Ttlv item, ProtocolVersion version) {
    if (item instanceof TtlvByteString bytes) {
      return new Wrapped(bytes.value());
    }
    if (item instanceof TtlvStructure structure) {
      return Plain.decode(structure, version);
    }
    throw new TtlvException(
        ResultReason.INVALID_FIELD,
        "KeyValue type: " + item.type().xmlName() + " (expected: Structure or ByteString)",
        -1,
        "KeyBlock");
  }

  /** The Key Value item in the form of {@code version}. */
  Ttlv encode(ProtocolVersion version);

  /**
   * A Key Value in the clear (or wrapped by MAC/signature only).
   *
   * @param keyMaterial the key
   * @param attributes the attributes carried with the key; empty when none
   */
  record Plain(KeyMaterial keyMaterial, Attributes attributes) implements KeyValue {

    /** A key value with no attributes. */
    public static Plain of(KeyMaterial keyMaterial) {
      return new Plain(keyMaterial, Attributes.EMPTY);
    }

    static Plain decode(TtlvStructure structure, ProtocolVersion version) {
      Fields fields = Fields.of(structure, "KeyValue");
      Ttlv material = fields.optionalAny(Tag.KEY_MATERIAL);
      KeyMaterial keyMaterial;
      if (material instanceof TtlvByteString bytes) {
        keyMaterial = new KeyMaterial.Bytes(bytes.value());
      } else if (material instanceof TtlvStructure transparent) {
        keyMaterial = new KeyMaterial.Structured(transparent);
      } else {
        throw fields.invalid(
            material == null
                ? "KeyMaterial: missing (expected: present)"
                : "KeyMaterial type: "
                    + material.type().xmlName()
                    + " (expected: ByteString or Structure)");
      }
      Attributes attributes;
      if (version.isAtLeast(ProtocolVersion.V2_0)) {
        TtlvStructure container = fields.structure(Tag.ATTRIBUTES);
        attributes =
            container == null ? Attributes.EMPTY : AttributeCodec.decode(container, version);
      } else {
        List<Attribute> items = new ArrayList<>();
        for (TtlvStructure attribute : fields.repeated(Tag.ATTRIBUTE, TtlvStructure.class)) {
          items.add(AttributeCodec.decodeAttribute(attribute));
        }
        attributes = new Attributes(items, List.of());
      }
      fields.finish();
      return new Plain(keyMaterial, attributes);
    }

    @Override
    public TtlvStructure encode(ProtocolVersion version) {
      StructureBuilder builder = StructureBuilder.of(Tag.KEY_VALUE).add(keyMaterial.encode());
      if (attributes.items().isEmpty()) {
        return builder.build();
      }
      if (version.isAtLeast(ProtocolVersion.V2_0)) {
        return builder
            .add(AttributeCodec.encode(attributes, AttributeGroup.ATTRIBUTES, version))
            .build();
      }
      for (Attribute attribute : attributes.items()) {
        builder.add(AttributeCodec.encodeAttribute(attribute));
      }
      return builder.build();
    }
  }

  /**
   * A Key Value wrapped by encryption: the bytes of the encrypted Key Value structure (or Key
   * Material, per the Encoding Option of the Key Wrapping Data).
   */
  record Wrapped(ByteString bytes) implements KeyValue {
    @Override
    public Ttlv encode(ProtocolVersion version) {
      return new TtlvByteString(Tag.KEY_VALUE.code(), bytes);
    }
  }
}
