package io.arca.server.op;

import io.arca.kmip.ProtocolVersion;
import io.arca.kmip.Tag;
import io.arca.kmip.payload.Activate;
import io.arca.kmip.payload.AddAttribute;
import io.arca.kmip.payload.AdjustAttribute;
import io.arca.kmip.payload.Archive;
import io.arca.kmip.payload.Cancel;
import io.arca.kmip.payload.Certify;
import io.arca.kmip.payload.Check;
import io.arca.kmip.payload.Create;
import io.arca.kmip.payload.CreateKeyPair;
import io.arca.kmip.payload.CreateSplitKey;
import io.arca.kmip.payload.Decrypt;
import io.arca.kmip.payload.DelegatedLogin;
import io.arca.kmip.payload.DeleteAttribute;
import io.arca.kmip.payload.DenyCertificate;
import io.arca.kmip.payload.DeriveKey;
import io.arca.kmip.payload.Destroy;
import io.arca.kmip.payload.DiscoverVersions;
import io.arca.kmip.payload.Encrypt;
import io.arca.kmip.payload.Export;
import io.arca.kmip.payload.Get;
import io.arca.kmip.payload.GetAttributeList;
import io.arca.kmip.payload.GetAttributes;
import io.arca.kmip.payload.GetConstraints;
import io.arca.kmip.payload.GetUsageAllocation;
import io.arca.kmip.payload.GrantAccess;
import io.arca.kmip.payload.Hash;
import io.arca.kmip.payload.Import;
import io.arca.kmip.payload.Interop;
import io.arca.kmip.payload.JoinSplitKey;
import io.arca.kmip.payload.KekStatus;
import io.arca.kmip.payload.ListAccess;
import io.arca.kmip.payload.Locate;
import io.arca.kmip.payload.Login;
import io.arca.kmip.payload.Logout;
import io.arca.kmip.payload.Mac;
import io.arca.kmip.payload.MacVerify;
import io.arca.kmip.payload.ModifyAttribute;
import io.arca.kmip.payload.ObtainLease;
import io.arca.kmip.payload.Ping;
import io.arca.kmip.payload.Pkcs11;
import io.arca.kmip.payload.Poll;
import io.arca.kmip.payload.Query;
import io.arca.kmip.payload.ReCertify;
import io.arca.kmip.payload.ReKey;
import io.arca.kmip.payload.ReKeyKeyPair;
import io.arca.kmip.payload.Recover;
import io.arca.kmip.payload.Register;
import io.arca.kmip.payload.Reload;
import io.arca.kmip.payload.Revoke;
import io.arca.kmip.payload.RevokeAccess;
import io.arca.kmip.payload.RngRetrieve;
import io.arca.kmip.payload.RngSeed;
import io.arca.kmip.payload.RotateKek;
import io.arca.kmip.payload.SetAttribute;
import io.arca.kmip.payload.SetConstraints;
import io.arca.kmip.payload.SetDefaults;
import io.arca.kmip.payload.SetEndpointRole;
import io.arca.kmip.payload.Sign;
import io.arca.kmip.payload.SignatureVerify;
import io.arca.kmip.payload.Validate;
import io.arca.kmip.ttlv.Fields;
import io.arca.kmip.ttlv.TtlvStructure;
import io.arca.server.batch.PayloadCodec;

/**
 * The payload codec of every operation the server carries out, one constant each, named after the
 * {@link io.arca.kmip.Operation} it serves: the codec's payload classes in {@code kmip-codec} read
 * the request in the message's protocol version and write the response in it. {@code
 * ServerHandlers} registers each handler with its constant, so the types of the two must agree.
 */
public final class PayloadCodecs {
  /** Discover Versions: the same form in every version. */
  public static final PayloadCodec<DiscoverVersions.Request, DiscoverVersions.Response>
      DISCOVER_VERSIONS =
          new PayloadCodec<>(
              (payload, version) -> DiscoverVersions.Request.decode(payload),
              (response, version) -> response.encode());

  /** Query: the same form in every version. */
  public static final PayloadCodec<Query.Request, Query.Response> QUERY =
      new PayloadCodec<>(
          (payload, version) -> Query.Request.decode(payload),
          (response, version) -> response.encode());

  /** Interop: the request names a test case; the response is empty. */
  public static final PayloadCodec<Interop.Request, TtlvStructure> INTEROP =
      new PayloadCodec<>(
          (payload, version) -> Interop.Request.decode(payload), (response, version) -> response);

  /** Log: the request is one Log Message, the response empty. */
  public static final PayloadCodec<String, TtlvStructure> LOG =
      new PayloadCodec<>(PayloadCodecs::logMessage, (response, version) -> response);

  // The versions an operation exists in are the batch's version gate's to decide, from the
  // vocabulary's dates (Export and Import from 1.4, Set Attribute from 2.0), before any codec runs.
  public static final PayloadCodec<Export.Request, Export.Response> EXPORT =
      new PayloadCodec<>(Export.Request::decode, Export.Response::encode);

  public static final PayloadCodec<Import.Request, Import.Response> IMPORT =
      new PayloadCodec<>(Import.Request::decode, Import.Response::encode);

  public static final PayloadCodec<SetAttribute.Request, SetAttribute.Response> SET_ATTRIBUTE =
      new PayloadCodec<>(SetAttribute.Request::decode, SetAttribute.Response::encode);

  public static final PayloadCodec<Activate.Request, Activate.Response> ACTIVATE =
      new PayloadCodec<>(Activate.Request::decode, Activate.Response::encode);

  public static final PayloadCodec<AddAttribute.Request, AddAttribute.Response> ADD_ATTRIBUTE =
      new PayloadCodec<>(AddAttribute.Request::decode, AddAttribute.Response::encode);

  public static final PayloadCodec<AdjustAttribute.Request, AdjustAttribute.Response>
      ADJUST_ATTRIBUTE =
          new PayloadCodec<>(AdjustAttribute.Request::decode, AdjustAttribute.Response::encode);

  public static final PayloadCodec<Archive.Request, Archive.Response> ARCHIVE =
      new PayloadCodec<>(Archive.Request::decode, Archive.Response::encode);

  public static final PayloadCodec<Cancel.Request, Cancel.Response> CANCEL =
      new PayloadCodec<>(Cancel.Request::decode, Cancel.Response::encode);

  /** Poll's answer is never a payload of its own ({@link PollHandler}): nothing is encoded. */
  public static final PayloadCodec<Poll.Request, Void> POLL =
      new PayloadCodec<>(
          Poll.Request::decode,
          (response, version) -> {
            throw new IllegalStateException("Poll has no response payload of its own");
          });

  public static final PayloadCodec<Recover.Request, Recover.Response> RECOVER =
      new PayloadCodec<>(Recover.Request::decode, Recover.Response::encode);

  public static final PayloadCodec<CreateSplitKey.Request, CreateSplitKey.Response>
      CREATE_SPLIT_KEY =
          new PayloadCodec<>(CreateSplitKey.Request::decode, CreateSplitKey.Response::encode);

  public static final PayloadCodec<JoinSplitKey.Request, JoinSplitKey.Response> JOIN_SPLIT_KEY =
      new PayloadCodec<>(JoinSplitKey.Request::decode, JoinSplitKey.Response::encode);

  public static final PayloadCodec<Check.Request, Check.Response> CHECK =
      new PayloadCodec<>(Check.Request::decode, Check.Response::encode);

  public static final PayloadCodec<Create.Request, Create.Response> CREATE =
      new PayloadCodec<>(Create.Request::decode, Create.Response::encode);

  public static final PayloadCodec<CreateKeyPair.Request, CreateKeyPair.Response> CREATE_KEY_PAIR =
      new PayloadCodec<>(CreateKeyPair.Request::decode, CreateKeyPair.Response::encode);

  public static final PayloadCodec<Decrypt.Request, Decrypt.Response> DECRYPT =
      new PayloadCodec<>(Decrypt.Request::decode, Decrypt.Response::encode);

  public static final PayloadCodec<DeleteAttribute.Request, DeleteAttribute.Response>
      DELETE_ATTRIBUTE =
          new PayloadCodec<>(DeleteAttribute.Request::decode, DeleteAttribute.Response::encode);

  public static final PayloadCodec<DeriveKey.Request, DeriveKey.Response> DERIVE_KEY =
      new PayloadCodec<>(DeriveKey.Request::decode, DeriveKey.Response::encode);

  public static final PayloadCodec<Destroy.Request, Destroy.Response> DESTROY =
      new PayloadCodec<>(Destroy.Request::decode, Destroy.Response::encode);

  public static final PayloadCodec<Encrypt.Request, Encrypt.Response> ENCRYPT =
      new PayloadCodec<>(Encrypt.Request::decode, Encrypt.Response::encode);

  public static final PayloadCodec<Get.Request, Get.Response> GET =
      new PayloadCodec<>(Get.Request::decode, Get.Response::encode);

  public static final PayloadCodec<GetAttributeList.Request, GetAttributeList.Response>
      GET_ATTRIBUTE_LIST =
          new PayloadCodec<>(GetAttributeList.Request::decode, GetAttributeList.Response::encode);

  public static final PayloadCodec<GetAttributes.Request, GetAttributes.Response> GET_ATTRIBUTES =
      new PayloadCodec<>(GetAttributes.Request::decode, GetAttributes.Response::encode);

  public static final PayloadCodec<GetUsageAllocation.Request, GetUsageAllocation.Response>
      GET_USAGE_ALLOCATION =
          new PayloadCodec<>(
              GetUsageAllocation.Request::decode, GetUsageAllocation.Response::encode);

  public static final PayloadCodec<RotateKek.Request, RotateKek.Response> ROTATE_KEK =
      new PayloadCodec<>(RotateKek.Request::decode, RotateKek.Response::encode);

  public static final PayloadCodec<KekStatus.Request, KekStatus.Response> KEK_STATUS =
      new PayloadCodec<>(KekStatus.Request::decode, KekStatus.Response::encode);

  /** Deny Certificate and Allow Certificate: the same payloads. */
  public static final PayloadCodec<DenyCertificate.Request, DenyCertificate.Response>
      DENY_LIST_CHANGE =
          new PayloadCodec<>(DenyCertificate.Request::decode, DenyCertificate.Response::encode);

  public static final PayloadCodec<Reload.Request, Reload.Response> RELOAD =
      new PayloadCodec<>(Reload.Request::decode, Reload.Response::encode);

  public static final PayloadCodec<GrantAccess.Request, GrantAccess.Response> GRANT_ACCESS =
      new PayloadCodec<>(GrantAccess.Request::decode, GrantAccess.Response::encode);

  public static final PayloadCodec<Hash.Request, Hash.Response> HASH =
      new PayloadCodec<>(Hash.Request::decode, Hash.Response::encode);

  public static final PayloadCodec<ListAccess.Request, ListAccess.Response> LIST_ACCESS =
      new PayloadCodec<>(ListAccess.Request::decode, ListAccess.Response::encode);

  public static final PayloadCodec<Locate.Request, Locate.Response> LOCATE =
      new PayloadCodec<>(Locate.Request::decode, Locate.Response::encode);

  public static final PayloadCodec<Mac.Request, Mac.Response> MAC =
      new PayloadCodec<>(Mac.Request::decode, Mac.Response::encode);

  public static final PayloadCodec<MacVerify.Request, MacVerify.Response> MAC_VERIFY =
      new PayloadCodec<>(MacVerify.Request::decode, MacVerify.Response::encode);

  public static final PayloadCodec<ModifyAttribute.Request, ModifyAttribute.Response>
      MODIFY_ATTRIBUTE =
          new PayloadCodec<>(ModifyAttribute.Request::decode, ModifyAttribute.Response::encode);

  public static final PayloadCodec<ObtainLease.Request, ObtainLease.Response> OBTAIN_LEASE =
      new PayloadCodec<>(ObtainLease.Request::decode, ObtainLease.Response::encode);

  public static final PayloadCodec<Login.Request, Login.Response> LOGIN =
      new PayloadCodec<>(Login.Request::decode, Login.Response::encode);

  public static final PayloadCodec<Logout.Request, Logout.Response> LOGOUT =
      new PayloadCodec<>(Logout.Request::decode, Logout.Response::encode);

  public static final PayloadCodec<DelegatedLogin.Request, DelegatedLogin.Response>
      DELEGATED_LOGIN =
          new PayloadCodec<>(DelegatedLogin.Request::decode, DelegatedLogin.Response::encode);

  public static final PayloadCodec<Pkcs11.Request, Pkcs11.Response> PKCS_11 =
      new PayloadCodec<>(Pkcs11.Request::decode, Pkcs11.Response::encode);

  public static final PayloadCodec<SetDefaults.Request, SetDefaults.Response> SET_DEFAULTS =
      new PayloadCodec<>(SetDefaults.Request::decode, SetDefaults.Response::encode);

  public static final PayloadCodec<SetConstraints.Request, SetConstraints.Response>
      SET_CONSTRAINTS =
          new PayloadCodec<>(SetConstraints.Request::decode, SetConstraints.Response::encode);

  public static final PayloadCodec<GetConstraints.Request, GetConstraints.Response>
      GET_CONSTRAINTS =
          new PayloadCodec<>(GetConstraints.Request::decode, GetConstraints.Response::encode);

  public static final PayloadCodec<SetEndpointRole.Request, SetEndpointRole.Response>
      SET_ENDPOINT_ROLE =
          new PayloadCodec<>(SetEndpointRole.Request::decode, SetEndpointRole.Response::encode);

  public static final PayloadCodec<Ping.Request, Ping.Response> PING =
      new PayloadCodec<>(Ping.Request::decode, Ping.Response::encode);

  public static final PayloadCodec<Certify.Request, Certify.Response> CERTIFY =
      new PayloadCodec<>(Certify.Request::decode, Certify.Response::encode);

  public static final PayloadCodec<ReCertify.Request, Certify.Response> RE_CERTIFY =
      new PayloadCodec<>(ReCertify.Request::decode, Certify.Response::encode);

  public static final PayloadCodec<Validate.Request, Validate.Response> VALIDATE =
      new PayloadCodec<>(Validate.Request::decode, Validate.Response::encode);

  public static final PayloadCodec<ReKey.Request, ReKey.Response> RE_KEY =
      new PayloadCodec<>(ReKey.Request::decode, ReKey.Response::encode);

  public static final PayloadCodec<ReKeyKeyPair.Request, ReKeyKeyPair.Response> RE_KEY_KEY_PAIR =
      new PayloadCodec<>(ReKeyKeyPair.Request::decode, ReKeyKeyPair.Response::encode);

  public static final PayloadCodec<Register.Request, Register.Response> REGISTER =
      new PayloadCodec<>(Register.Request::decode, Register.Response::encode);

  public static final PayloadCodec<Revoke.Request, Revoke.Response> REVOKE =
      new PayloadCodec<>(Revoke.Request::decode, Revoke.Response::encode);

  public static final PayloadCodec<RevokeAccess.Request, RevokeAccess.Response> REVOKE_ACCESS =
      new PayloadCodec<>(RevokeAccess.Request::decode, RevokeAccess.Response::encode);

  public static final PayloadCodec<RngRetrieve.Request, RngRetrieve.Response> RNG_RETRIEVE =
      new PayloadCodec<>(RngRetrieve.Request::decode, RngRetrieve.Response::encode);

  public static final PayloadCodec<RngSeed.Request, RngSeed.Response> RNG_SEED =
      new PayloadCodec<>(RngSeed.Request::decode, RngSeed.Response::encode);

  public static final PayloadCodec<Sign.Request, Sign.Response> SIGN =
      new PayloadCodec<>(Sign.Request::decode, Sign.Response::encode);

  public static final PayloadCodec<SignatureVerify.Request, SignatureVerify.Response>
      SIGNATURE_VERIFY =
          new PayloadCodec<>(SignatureVerify.Request::decode, SignatureVerify.Response::encode);

  private PayloadCodecs() {}

  private static String logMessage(TtlvStructure payload, ProtocolVersion version) {
    Fields fields = Fields.of(payload, "Log");
    String message = fields.requiredText(Tag.LOG_MESSAGE);
    fields.finish();
    return message;
  }
}
