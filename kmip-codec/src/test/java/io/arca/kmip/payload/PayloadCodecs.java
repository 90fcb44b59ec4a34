package io.arca.kmip.payload;

import io.arca.kmip.Operation;
import io.arca.kmip.ProtocolVersion;
import io.arca.kmip.ttlv.TtlvStructure;
import java.util.EnumMap;
import java.util.Map;

/** Decode-then-encode of the request and response payloads of each managed-object operation. */
final class PayloadCodecs {
  private PayloadCodecs() {}

  /** Decodes a payload in a version and encodes the record back in the same version. */
  interface RoundTrip {
    TtlvStructure apply(TtlvStructure payload, ProtocolVersion version);
  }

  /** The two round trips of one operation. */
  record Codec(RoundTrip request, RoundTrip response) {}

  static final Map<Operation, Codec> CODECS = new EnumMap<>(Operation.class);

  static {
    CODECS.put(
        Operation.CREATE,
        new Codec(
            (p, v) -> Create.Request.decode(p, v).encode(v),
            (p, v) -> Create.Response.decode(p, v).encode(v)));
    CODECS.put(
        Operation.CREATE_KEY_PAIR,
        new Codec(
            (p, v) -> CreateKeyPair.Request.decode(p, v).encode(v),
            (p, v) -> CreateKeyPair.Response.decode(p, v).encode(v)));
    CODECS.put(
        Operation.REGISTER,
        new Codec(
            (p, v) -> Register.Request.decode(p, v).encode(v),
            (p, v) -> Register.Response.decode(p, v).encode(v)));
    CODECS.put(
        Operation.GET,
        new Codec(
            (p, v) -> Get.Request.decode(p, v).encode(v),
            (p, v) -> Get.Response.decode(p, v).encode(v)));
    CODECS.put(
        Operation.GET_ATTRIBUTES,
        new Codec(
            (p, v) -> GetAttributes.Request.decode(p, v).encode(v),
            (p, v) -> GetAttributes.Response.decode(p, v).encode(v)));
    CODECS.put(
        Operation.GET_ATTRIBUTE_LIST,
        new Codec(
            (p, v) -> GetAttributeList.Request.decode(p, v).encode(v),
            (p, v) -> GetAttributeList.Response.decode(p, v).encode(v)));
    CODECS.put(
        Operation.ADD_ATTRIBUTE,
        new Codec(
            (p, v) -> AddAttribute.Request.decode(p, v).encode(v),
            (p, v) -> AddAttribute.Response.decode(p, v).encode(v)));
    CODECS.put(
        Operation.MODIFY_ATTRIBUTE,
        new Codec(
            (p, v) -> ModifyAttribute.Request.decode(p, v).encode(v),
            (p, v) -> ModifyAttribute.Response.decode(p, v).encode(v)));
    CODECS.put(
        Operation.DELETE_ATTRIBUTE,
        new Codec(
            (p, v) -> DeleteAttribute.Request.decode(p, v).encode(v),
            (p, v) -> DeleteAttribute.Response.decode(p, v).encode(v)));
    CODECS.put(
        Operation.SET_ATTRIBUTE,
        new Codec(
            (p, v) -> SetAttribute.Request.decode(p, v).encode(v),
            (p, v) -> SetAttribute.Response.decode(p, v).encode(v)));
    CODECS.put(
        Operation.LOCATE,
        new Codec(
            (p, v) -> Locate.Request.decode(p, v).encode(v),
            (p, v) -> Locate.Response.decode(p, v).encode(v)));
    CODECS.put(
        Operation.ACTIVATE,
        new Codec(
            (p, v) -> Activate.Request.decode(p, v).encode(v),
            (p, v) -> Activate.Response.decode(p, v).encode(v)));
    CODECS.put(
        Operation.REVOKE,
        new Codec(
            (p, v) -> Revoke.Request.decode(p, v).encode(v),
            (p, v) -> Revoke.Response.decode(p, v).encode(v)));
    CODECS.put(
        Operation.DESTROY,
        new Codec(
            (p, v) -> Destroy.Request.decode(p, v).encode(v),
            (p, v) -> Destroy.Response.decode(p, v).encode(v)));
    CODECS.put(
        Operation.RE_KEY,
        new Codec(
            (p, v) -> ReKey.Request.decode(p, v).encode(v),
            (p, v) -> ReKey.Response.decode(p, v).encode(v)));
    CODECS.put(
        Operation.RE_KEY_KEY_PAIR,
        new Codec(
            (p, v) -> ReKeyKeyPair.Request.decode(p, v).encode(v),
            (p, v) -> ReKeyKeyPair.Response.decode(p, v).encode(v)));
    CODECS.put(
        Operation.CHECK,
        new Codec(
            (p, v) -> Check.Request.decode(p, v).encode(v),
            (p, v) -> Check.Response.decode(p, v).encode(v)));
    CODECS.put(
        Operation.GET_USAGE_ALLOCATION,
        new Codec(
            (p, v) -> GetUsageAllocation.Request.decode(p, v).encode(v),
            (p, v) -> GetUsageAllocation.Response.decode(p, v).encode(v)));
    CODECS.put(
        Operation.OBTAIN_LEASE,
        new Codec(
            (p, v) -> ObtainLease.Request.decode(p, v).encode(v),
            (p, v) -> ObtainLease.Response.decode(p, v).encode(v)));
    CODECS.put(
        Operation.ARCHIVE,
        new Codec(
            (p, v) -> Archive.Request.decode(p, v).encode(v),
            (p, v) -> Archive.Response.decode(p, v).encode(v)));
    CODECS.put(
        Operation.CANCEL,
        new Codec(
            (p, v) -> Cancel.Request.decode(p, v).encode(v),
            (p, v) -> Cancel.Response.decode(p, v).encode(v)));
    CODECS.put(
        Operation.RECOVER,
        new Codec(
            (p, v) -> Recover.Request.decode(p, v).encode(v),
            (p, v) -> Recover.Response.decode(p, v).encode(v)));
    CODECS.put(
        Operation.EXPORT,
        new Codec(
            (p, v) -> Export.Request.decode(p, v).encode(v),
            (p, v) -> Export.Response.decode(p, v).encode(v)));
    CODECS.put(
        Operation.IMPORT,
        new Codec(
            (p, v) -> Import.Request.decode(p, v).encode(v),
            (p, v) -> Import.Response.decode(p, v).encode(v)));
    CODECS.put(
        Operation.SIGN,
        new Codec(
            (p, v) -> Sign.Request.decode(p, v).encode(v),
            (p, v) -> Sign.Response.decode(p, v).encode(v)));
    CODECS.put(
        Operation.SIGNATURE_VERIFY,
        new Codec(
            (p, v) -> SignatureVerify.Request.decode(p, v).encode(v),
            (p, v) -> SignatureVerify.Response.decode(p, v).encode(v)));
    CODECS.put(
        Operation.MAC,
        new Codec(
            (p, v) -> Mac.Request.decode(p, v).encode(v),
            (p, v) -> Mac.Response.decode(p, v).encode(v)));
    CODECS.put(
        Operation.MAC_VERIFY,
        new Codec(
            (p, v) -> MacVerify.Request.decode(p, v).encode(v),
            (p, v) -> MacVerify.Response.decode(p, v).encode(v)));
    CODECS.put(
        Operation.HASH,
        new Codec(
            (p, v) -> Hash.Request.decode(p, v).encode(v),
            (p, v) -> Hash.Response.decode(p, v).encode(v)));
    CODECS.put(
        Operation.RNG_RETRIEVE,
        new Codec(
            (p, v) -> RngRetrieve.Request.decode(p, v).encode(v),
            (p, v) -> RngRetrieve.Response.decode(p, v).encode(v)));
    CODECS.put(
        Operation.RNG_SEED,
        new Codec(
            (p, v) -> RngSeed.Request.decode(p, v).encode(v),
            (p, v) -> RngSeed.Response.decode(p, v).encode(v)));
    CODECS.put(
        Operation.DERIVE_KEY,
        new Codec(
            (p, v) -> DeriveKey.Request.decode(p, v).encode(v),
            (p, v) -> DeriveKey.Response.decode(p, v).encode(v)));
  }
}
