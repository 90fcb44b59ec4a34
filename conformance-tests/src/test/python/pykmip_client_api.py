#!/usr/bin/python3
"""What a user of PyKMIP's two clients (kmip.pie.client.ProxyKmipClient and the lower-level
kmip.services.kmip_client.KMIPProxy) does against an Arca server, one scenario per use: every
object type PyKMIP builds, key pairs with names and masks on both halves, attribute lists, Locate
by each filter the client can pass, MAC, Encrypt/Decrypt and Sign/Verify with the parameters PyKMIP
sends, the attribute operations, and the refusals with the Result Reason the spec gives.

Usage: pykmip_client_api.py HOST PORT CA CERT KEY VERSION   (VERSION: 1.0 .. 2.0)
Prints one line per scenario, "SCENARIO <name> PASS" or "SCENARIO <name> FAIL <reason>", and exits 0
whatever the scenarios did (the Java test judges them); a non-zero exit means the script itself broke.
A scenario that uses what the version does not define is not run and not reported.
"""
import datetime
import hashlib
import hmac
import time
import uuid

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import padding, rsa
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
from cryptography.x509.oid import NameOID

from kmip.core import enums, misc
from kmip.core import exceptions as core_exceptions
from kmip.core.messages import payloads
from kmip.core import objects as cobjects
from kmip.core.factories import attribute_values as attribute_value_factories
from kmip.core.factories import attributes as attribute_factories
from kmip.pie import exceptions, objects

from pykmip_common import VERSIONS, run_scenarios, run_script

ORDER = list(VERSIONS)

AES = enums.CryptographicAlgorithm.AES
RSA = enums.CryptographicAlgorithm.RSA
Attr = enums.AttributeType
Mask = enums.CryptographicUsageMask
FACTORY = attribute_factories.AttributeFactory()
VALUES = attribute_value_factories.AttributeValueFactory()


def since(version, first):
    return ORDER.index(version) >= ORDER.index(first)


def unique(label):
    return "api-%s-%s" % (label, uuid.uuid4())


def attribute(kind, value):
    return FACTORY.create_attribute(kind, value)


def values(attributes):
    found = {}
    for a in attributes:
        found.setdefault(a.attribute_name.value, []).append(a.attribute_value)
    return found


def read(client, uid, names):
    _, attributes = client.get_attributes(uid, names)
    return values(attributes)


def state(client, uid):
    return read(client, uid, ["State"])["State"][0].value


def refused_with(call, reason):
    try:
        call()
    except (exceptions.KmipOperationFailure, core_exceptions.OperationFailure) as e:
        assert e.reason == reason, "refused with %s (expected: %s): %s" % (e.reason, reason, e)
        return
    raise AssertionError("not refused (expected: %s)" % reason)


def not_found(version):
    """1.x: Item Not Found; 2.0 split it into Object Not Found and Object Destroyed."""
    return enums.ResultReason.OBJECT_NOT_FOUND if version == "2.0" else enums.ResultReason.ITEM_NOT_FOUND


def gone(client, uid, version):
    reason = enums.ResultReason.OBJECT_DESTROYED if version == "2.0" else not_found(version)
    refused_with(lambda: client.get(uid), reason)


def rsa_key():
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


def certificate_der(label):
    key = rsa_key()
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, label)])
    now = datetime.datetime.now(datetime.timezone.utc)
    return (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(days=1))
        .not_valid_after(now + datetime.timedelta(days=30))
        .sign(key, hashes.SHA256())
        .public_bytes(serialization.Encoding.DER)
    )


def register_get_destroy(client, managed, kind, version):
    uid = client.register(managed)
    fetched = client.get(uid)
    assert isinstance(fetched, kind), "got %s" % type(fetched).__name__
    assert bytes(fetched.value) == bytes(managed.value), "registered and fetched values differ"
    client.destroy(uid)
    gone(client, uid, version)
    return fetched


# --- every object type PyKMIP builds -----------------------------------------------------------


def scenario_symmetric_key(client, version):
    key = objects.SymmetricKey(AES, 256, bytes(range(32)), masks=[Mask.ENCRYPT], name=unique("sk"))
    fetched = register_get_destroy(client, key, objects.SymmetricKey, version)
    assert fetched.cryptographic_length == 256, "length %s" % fetched.cryptographic_length


def private_key(format_type):
    encoding = (
        serialization.PrivateFormat.TraditionalOpenSSL
        if format_type == enums.KeyFormatType.PKCS_1
        else serialization.PrivateFormat.PKCS8
    )
    der = rsa_key().private_bytes(
        serialization.Encoding.DER, encoding, serialization.NoEncryption()
    )
    return objects.PrivateKey(RSA, 2048, der, format_type, masks=[Mask.SIGN], name=unique("prv"))


def scenario_private_key_pkcs1(client, version):
    fetched = register_get_destroy(
        client, private_key(enums.KeyFormatType.PKCS_1), objects.PrivateKey, version
    )
    assert fetched.key_format_type == enums.KeyFormatType.PKCS_1, fetched.key_format_type


def scenario_private_key_pkcs8(client, version):
    fetched = register_get_destroy(
        client, private_key(enums.KeyFormatType.PKCS_8), objects.PrivateKey, version
    )
    assert fetched.key_format_type == enums.KeyFormatType.PKCS_8, fetched.key_format_type


def public_key(format_type):
    encoding = (
        serialization.PublicFormat.PKCS1
        if format_type == enums.KeyFormatType.PKCS_1
        else serialization.PublicFormat.SubjectPublicKeyInfo
    )
    der = rsa_key().public_key().public_bytes(serialization.Encoding.DER, encoding)
    return objects.PublicKey(RSA, 2048, der, format_type, masks=[Mask.VERIFY], name=unique("pub"))


def scenario_public_key_pkcs1(client, version):
    fetched = register_get_destroy(client, public_key(enums.KeyFormatType.PKCS_1), objects.PublicKey, version)
    assert fetched.key_format_type == enums.KeyFormatType.PKCS_1, fetched.key_format_type


def scenario_public_key_x509(client, version):
    fetched = register_get_destroy(client, public_key(enums.KeyFormatType.X_509), objects.PublicKey, version)
    assert fetched.key_format_type == enums.KeyFormatType.X_509, fetched.key_format_type


def get_as(client, uid, format_type):
    """The lower-level client's Get with a Key Format Type: the key bytes and their format."""
    result = client.proxy.get(uid, key_format_type=misc.KeyFormatType(format_type))
    assert result.result_status.value == enums.ResultStatus.SUCCESS, "%s: %s" % (
        result.result_reason,
        result.result_message,
    )
    block = result.secret.key_block
    return bytes(block.key_value.key_material.value), block.key_format_type.value


def scenario_private_key_got_as_pkcs8(client, version):
    registered = private_key(enums.KeyFormatType.PKCS_1)
    uid = client.register(registered)
    der, format_type = get_as(client, uid, enums.KeyFormatType.PKCS_8)
    assert format_type == enums.KeyFormatType.PKCS_8, format_type
    original = serialization.load_der_private_key(bytes(registered.value), None)
    converted = serialization.load_der_private_key(der, None)
    assert converted.private_numbers() == original.private_numbers(), "another key"


def scenario_public_key_got_as_x509(client, version):
    registered = public_key(enums.KeyFormatType.PKCS_1)
    uid = client.register(registered)
    der, format_type = get_as(client, uid, enums.KeyFormatType.X_509)
    assert format_type == enums.KeyFormatType.X_509, format_type
    assert serialization.load_der_public_key(der).public_numbers() == serialization.load_der_public_key(
        rsa_public_spki(bytes(registered.value))
    ).public_numbers(), "another key"


def scenario_certificate(client, version):
    certificate = objects.X509Certificate(certificate_der(unique("cert")), name=unique("cert"))
    register_get_destroy(client, certificate, objects.X509Certificate, version)


def scenario_secret_data(client, version):
    secret = objects.SecretData(b"a seed", enums.SecretDataType.SEED, name=unique("seed"))
    fetched = register_get_destroy(client, secret, objects.SecretData, version)
    assert fetched.data_type == enums.SecretDataType.SEED, fetched.data_type


def scenario_opaque_object(client, version):
    opaque = objects.OpaqueObject(b"opaque bytes", enums.OpaqueDataType.NONE, name=unique("opq"))
    fetched = register_get_destroy(client, opaque, objects.OpaqueObject, version)
    assert fetched.opaque_type == enums.OpaqueDataType.NONE, fetched.opaque_type


def scenario_split_key(client, version):
    split = objects.SplitKey(
        cryptographic_algorithm=AES,
        cryptographic_length=128,
        key_value=bytes(range(16)),
        cryptographic_usage_masks=[Mask.ENCRYPT],
        name=unique("split"),
        split_key_parts=3,
        key_part_identifier=1,
        split_key_threshold=2,
        split_key_method=enums.SplitKeyMethod.XOR,
    )
    fetched = register_get_destroy(client, split, objects.SplitKey, version)
    assert fetched.split_key_parts == 3 and fetched.split_key_threshold == 2, "parts %s/%s" % (
        fetched.split_key_parts,
        fetched.split_key_threshold,
    )
    assert fetched.split_key_method == enums.SplitKeyMethod.XOR, fetched.split_key_method


# --- key pairs, attribute lists and reads --------------------------------------------------------


def scenario_key_pair_names_and_masks(client, version):
    name = unique("pair")
    public, private = client.create_key_pair(
        RSA,
        2048,
        public_name=name + "-public",
        public_usage_mask=[Mask.VERIFY],
        private_name=name + "-private",
        private_usage_mask=[Mask.SIGN],
    )
    for uid, suffix, mask, kind in (
        (public, "-public", Mask.VERIFY, enums.ObjectType.PUBLIC_KEY),
        (private, "-private", Mask.SIGN, enums.ObjectType.PRIVATE_KEY),
    ):
        # Not the Link: PyKMIP's client cannot decode a Link attribute.
        got = read(client, uid, ["Name", "Cryptographic Usage Mask", "Object Type"])
        assert [n.name_value.value for n in got["Name"]] == [name + suffix], got["Name"]
        assert got["Cryptographic Usage Mask"][0].value == mask.value, "mask %s" % (
            got["Cryptographic Usage Mask"][0].value
        )
        assert got["Object Type"][0].value == kind, got["Object Type"][0].value


def decodable(name):
    """Whether PyKMIP's client can decode a value of this attribute (it cannot read a Link, a
    Revocation Reason, the certificate identifier forms and a few more)."""
    try:
        kind = enums.AttributeType[name.replace(".", "_").replace(" ", "_").upper()]
        return VALUES.create_attribute_value(kind, None) is not None
    except Exception:
        return False


def attribute_list_then_read(client, version, uid, unreadable=()):
    listed = client.get_attribute_list(uid)
    for required in ("Unique Identifier", "Object Type", "Initial Date"):
        assert required in listed, "%s not listed: %s" % (required, listed)
    if version == "1.0":
        # A 1.0 Digest has no Key Format Type (it came with 1.1), which PyKMIP reads as required.
        unreadable += ("Digest",)
    if version == "2.0":
        unreadable += ("Certificate Type",)  # PyKMIP cannot decode the 2.0 attribute
    wanted = [name for name in listed if decodable(name) and name not in unreadable]
    got = read(client, uid, wanted)
    missing = sorted(set(wanted) - set(got))
    assert not missing, "listed but not returned: %s" % missing


def scenario_attribute_list_symmetric_key(client, version):
    attribute_list_then_read(client, version, client.create(AES, 128, name=unique("list")))


def scenario_attribute_list_key_pair(client, version):
    public, private = client.create_key_pair(RSA, 2048)
    attribute_list_then_read(client, version, public)
    attribute_list_then_read(client, version, private)


def scenario_attribute_list_certificate(client, version):
    uid = client.register(objects.X509Certificate(certificate_der("list"), name=unique("cert")))
    # PyKMIP reads a Digest's Key Format Type as required; a certificate's has none (1.4 §3.17).
    attribute_list_then_read(client, version, uid, unreadable=("Digest",))


def scenario_attribute_list_secret_data(client, version):
    uid = client.register(
        objects.SecretData(b"pw", enums.SecretDataType.PASSWORD, name=unique("pw"))
    )
    attribute_list_then_read(client, version, uid)


def scenario_attribute_list_opaque_object(client, version):
    uid = client.register(
        objects.OpaqueObject(b"x", enums.OpaqueDataType.NONE, name=unique("opq"))
    )
    # As for a certificate: an Opaque Object's Digest has no Key Format Type (1.4 §3.17).
    attribute_list_then_read(client, version, uid, unreadable=("Digest",))


def scenario_get_attributes_explicit_names(client, version):
    uid = client.create(
        AES, 192, name=unique("explicit"), cryptographic_usage_mask=[Mask.MAC_GENERATE]
    )
    got = read(
        client,
        uid,
        ["Cryptographic Algorithm", "Cryptographic Length", "Cryptographic Usage Mask", "State"],
    )
    assert got["Cryptographic Algorithm"][0].value == AES, got
    assert got["Cryptographic Length"][0].value == 192, got
    # PyKMIP's create adds Encrypt and Decrypt to whatever mask it is given.
    wanted = Mask.ENCRYPT.value | Mask.DECRYPT.value | Mask.MAC_GENERATE.value
    assert got["Cryptographic Usage Mask"][0].value == wanted, got
    assert got["State"][0].value == enums.State.PRE_ACTIVE, got


def create_with(client, *extra):
    """Create through the lower-level client, with attributes beside the key's own."""
    template = cobjects.TemplateAttribute(
        attributes=[
            attribute(Attr.CRYPTOGRAPHIC_ALGORITHM, AES),
            attribute(Attr.CRYPTOGRAPHIC_LENGTH, 128),
            attribute(Attr.CRYPTOGRAPHIC_USAGE_MASK, [Mask.ENCRYPT, Mask.DECRYPT]),
        ]
        + list(extra)
    )
    result = client.proxy.create(enums.ObjectType.SYMMETRIC_KEY, template)
    assert result.result_status.value == enums.ResultStatus.SUCCESS, "%s: %s" % (
        result.result_reason,
        result.result_message,
    )
    return getattr(result.uuid, "value", result.uuid)


def scenario_contact_information(client, version):
    uid = create_with(client, attribute(Attr.CONTACT_INFORMATION, "security@example.com"))
    got = read(client, uid, ["Contact Information"])
    assert got["Contact Information"][0].value == "security@example.com", got
    found = client.locate(attributes=[attribute(Attr.CONTACT_INFORMATION, "security@example.com")])
    assert uid in found, "not found by Contact Information"


def scenario_application_specific_information(client, version):
    info = {"application_namespace": "arca", "application_data": unique("app")}
    uid = create_with(client, attribute(Attr.APPLICATION_SPECIFIC_INFORMATION, info))
    got = read(client, uid, ["Application Specific Information"])
    value = got["Application Specific Information"][0]
    assert value.application_namespace == "arca", value
    assert value.application_data == info["application_data"], value


def scenario_custom_attribute(client, version):
    text = unique("custom")
    uid = create_with(client, FACTORY.create_attribute("x-arca-purpose", text))
    _, attributes = client.get_attributes(uid, ["x-arca-purpose"])
    got = values(attributes)
    assert [v.value for v in got.get("x-arca-purpose", [])] == [text], got
    assert client.locate(attributes=[FACTORY.create_attribute("x-arca-purpose", text)]) == [uid]


def scenario_get_attributes_of_unknown_object(client, version):
    refused_with(
        lambda: client.get_attributes(str(uuid.uuid4()), ["State"]), not_found(version)
    )


# --- Locate ---------------------------------------------------------------------------------------


def scenario_locate_maximum_items(client, version):
    for _ in range(3):
        client.create(AES, 128)
    found = client.locate(maximum_items=2)
    assert len(found) == 2, "%d identifiers for Maximum Items 2" % len(found)


def scenario_locate_offset_items(client, version):
    group = unique("offset")
    made = [create_in_group(client, group) for _ in range(3)]
    by_group = [attribute(Attr.OBJECT_GROUP, group)]
    everything = client.locate(attributes=by_group)
    assert sorted(everything) == sorted(made), "group holds %s" % everything
    rest = client.locate(attributes=by_group, offset_items=1)
    assert len(rest) == 2 and set(rest) <= set(made), "after an offset of 1: %s" % rest


def create_in_group(client, group):
    template = cobjects.TemplateAttribute(
        attributes=[
            attribute(Attr.CRYPTOGRAPHIC_ALGORITHM, AES),
            attribute(Attr.CRYPTOGRAPHIC_LENGTH, 128),
            attribute(Attr.CRYPTOGRAPHIC_USAGE_MASK, [Mask.ENCRYPT, Mask.DECRYPT]),
            attribute(Attr.OBJECT_GROUP, group),
        ]
    )
    result = client.proxy.create(enums.ObjectType.SYMMETRIC_KEY, template)
    assert result.result_status.value == enums.ResultStatus.SUCCESS, result.result_message
    return getattr(result.uuid, "value", result.uuid)


def scenario_locate_by_name(client, version):
    name = unique("byname")
    uid = client.create(AES, 128, name=name)
    assert client.locate(attributes=[attribute(Attr.NAME, name)]) == [uid]


def scenario_locate_by_object_type(client, version):
    uid = client.register(
        objects.SecretData(b"pw", enums.SecretDataType.PASSWORD, name=unique("type"))
    )
    found = client.locate(attributes=[attribute(Attr.OBJECT_TYPE, enums.ObjectType.SECRET_DATA)])
    assert uid in found, "not found by Object Type"
    keys = client.locate(attributes=[attribute(Attr.OBJECT_TYPE, enums.ObjectType.SYMMETRIC_KEY)])
    assert uid not in keys, "a secret found as a symmetric key"


def scenario_locate_by_algorithm_and_length(client, version):
    uid = client.create(AES, 192)
    found = client.locate(
        attributes=[
            attribute(Attr.CRYPTOGRAPHIC_ALGORITHM, AES),
            attribute(Attr.CRYPTOGRAPHIC_LENGTH, 192),
        ]
    )
    assert uid in found, "not found by algorithm and length"
    other = client.locate(attributes=[attribute(Attr.CRYPTOGRAPHIC_LENGTH, 256)])
    assert uid not in other, "found by another length"


def scenario_locate_by_state(client, version):
    uid = client.create(AES, 128)
    client.activate(uid)
    assert uid in client.locate(attributes=[attribute(Attr.STATE, enums.State.ACTIVE)])
    assert uid not in client.locate(attributes=[attribute(Attr.STATE, enums.State.PRE_ACTIVE)])


def scenario_locate_by_initial_date_range(client, version):
    start = int(time.time()) - 1
    uid = client.create(AES, 128)
    end = int(time.time()) + 1
    found = client.locate(
        attributes=[attribute(Attr.INITIAL_DATE, start), attribute(Attr.INITIAL_DATE, end)]
    )
    assert uid in found, "not found in its Initial Date range"
    before = client.locate(
        attributes=[attribute(Attr.INITIAL_DATE, start - 7200), attribute(Attr.INITIAL_DATE, start - 3600)]
    )
    assert uid not in before, "found in an earlier range"


def scenario_locate_by_activation_date_range(client, version):
    start = int(time.time()) - 1
    uid = client.create(AES, 128)
    client.activate(uid)
    end = int(time.time()) + 1
    found = client.locate(
        attributes=[attribute(Attr.ACTIVATION_DATE, start), attribute(Attr.ACTIVATION_DATE, end)]
    )
    assert uid in found, "not found in its Activation Date range"


def scenario_locate_by_object_group(client, version):
    group = unique("group")
    uid = create_in_group(client, group)
    assert client.locate(attributes=[attribute(Attr.OBJECT_GROUP, group)]) == [uid]


def scenario_locate_group_member_fresh(client, version):
    """1.4 §3.34, §4.9: an object served by Get is no longer Fresh, and Locate of the group's
    fresh members leaves it out."""
    group = unique("fresh")
    served = create_in_group(client, group)
    fresh = create_in_group(client, group)
    client.get(served)
    assert read(client, served, ["Fresh"])["Fresh"][0].value is False, "still Fresh after Get"
    assert read(client, fresh, ["Fresh"])["Fresh"][0].value is True, "not Fresh before Get"
    found = client.locate(
        object_group_member=enums.ObjectGroupMember.GROUP_MEMBER_FRESH,
        attributes=[attribute(Attr.OBJECT_GROUP, group)],
    )
    assert found == [fresh], "fresh members %s (served %s, fresh %s)" % (found, served, fresh)


def scenario_locate_by_unique_identifier(client, version):
    uid = client.create(AES, 128)
    assert client.locate(attributes=[attribute(Attr.UNIQUE_IDENTIFIER, uid)]) == [uid]


def scenario_locate_by_certificate_type(client, version):
    uid = client.register(objects.X509Certificate(certificate_der("bytype"), name=unique("cert")))
    found = client.locate(
        attributes=[attribute(Attr.CERTIFICATE_TYPE, enums.CertificateType.X_509)]
    )
    assert uid in found, "not found by Certificate Type"


def scenario_locate_by_usage_mask(client, version):
    uid = client.create(AES, 128, cryptographic_usage_mask=[Mask.MAC_GENERATE, Mask.ENCRYPT])
    found = client.locate(attributes=[attribute(Attr.CRYPTOGRAPHIC_USAGE_MASK, [Mask.MAC_GENERATE])])
    assert uid in found, "not found by a bit of its usage mask"


def scenario_locate_by_operation_policy_name(client, version):
    policy = "default"
    uid = client.create(AES, 128, operation_policy_name=policy, name=unique("policy"))
    got = read(client, uid, ["Operation Policy Name"])
    assert got["Operation Policy Name"][0].value == policy, got
    found = client.locate(attributes=[attribute(Attr.OPERATION_POLICY_NAME, policy)])
    assert uid in found, "not found by Operation Policy Name"


def scenario_locate_storage_status_mask(client, version):
    uid = client.create(AES, 128)
    online = enums.StorageStatusMask.ONLINE_STORAGE.value
    archived = enums.StorageStatusMask.ARCHIVAL_STORAGE.value
    assert uid in client.locate(storage_status_mask=online), "not found on-line"
    assert uid not in client.locate(storage_status_mask=archived), "found in the archive"


# --- cryptography ---------------------------------------------------------------------------------


def active_key(client, algorithm, length, masks):
    uid = client.create(algorithm, length, cryptographic_usage_mask=masks)
    client.activate(uid)
    return uid, bytes(client.get(uid).value)


def scenario_mac_hmac_sha256(client, version):
    uid, key = active_key(client, enums.CryptographicAlgorithm.HMAC_SHA256, 256, [Mask.MAC_GENERATE])
    data = b"Arca MACs this"
    got_uid, mac = client.mac(data, uid, enums.CryptographicAlgorithm.HMAC_SHA256)
    assert got_uid == uid, "MAC by another key"
    assert bytes(mac) == hmac.new(key, data, hashlib.sha256).digest(), "another HMAC-SHA-256"


def scenario_mac_hmac_sha512(client, version):
    uid, key = active_key(client, enums.CryptographicAlgorithm.HMAC_SHA512, 512, [Mask.MAC_GENERATE])
    data = b"Arca MACs this too"
    _, mac = client.mac(data, uid, enums.CryptographicAlgorithm.HMAC_SHA512)
    assert bytes(mac) == hmac.new(key, data, hashlib.sha512).digest(), "another HMAC-SHA-512"


def aes_round_trip(client, mode, padding_method, iv, local_mode):
    uid, key = active_key(client, AES, 128, [Mask.ENCRYPT, Mask.DECRYPT])
    parameters = {"cryptographic_algorithm": AES, "block_cipher_mode": mode}
    if padding_method is not None:
        parameters["padding_method"] = padding_method
    plain = bytes(range(32))  # two blocks: no padding needed
    cipher, _ = client.encrypt(plain, uid, parameters, iv)
    assert client.decrypt(cipher, uid, parameters, iv) == plain, "decrypt differs"
    local = Cipher(algorithms.AES(key), local_mode).encryptor()
    assert bytes(cipher)[:32] == local.update(plain) + local.finalize(), "not what AES gives"


def scenario_encrypt_decrypt_ecb(client, version):
    aes_round_trip(client, enums.BlockCipherMode.ECB, enums.PaddingMethod.NONE, None, modes.ECB())


def scenario_encrypt_decrypt_cbc_iv(client, version):
    iv = bytes(range(16))
    aes_round_trip(client, enums.BlockCipherMode.CBC, enums.PaddingMethod.NONE, iv, modes.CBC(iv))


def scenario_encrypt_decrypt_ctr(client, version):
    nonce = bytes(range(16, 32))
    aes_round_trip(client, enums.BlockCipherMode.CTR, None, nonce, modes.CTR(nonce))


def scenario_encrypt_random_iv(client, version):
    uid, key = active_key(client, AES, 128, [Mask.ENCRYPT, Mask.DECRYPT])
    parameters = {
        "cryptographic_algorithm": AES,
        "block_cipher_mode": enums.BlockCipherMode.CBC,
        "padding_method": enums.PaddingMethod.PKCS5,
        "random_iv": True,
    }
    cipher, iv = client.encrypt(b"a random IV", uid, parameters)
    assert iv and len(iv) == 16, "no IV returned: %s" % iv
    assert client.decrypt(cipher, uid, parameters, iv) == b"a random IV", "decrypt differs"


def scenario_encrypt_rsa_oaep(client, version):
    public, private = client.create_key_pair(
        RSA, 2048, public_usage_mask=[Mask.ENCRYPT], private_usage_mask=[Mask.DECRYPT]
    )
    client.activate(public)
    client.activate(private)
    parameters = {
        "cryptographic_algorithm": RSA,
        "padding_method": enums.PaddingMethod.OAEP,
        "hashing_algorithm": enums.HashingAlgorithm.SHA_1,
    }
    cipher, _ = client.encrypt(b"for the private key", public, parameters)
    assert client.decrypt(cipher, private, parameters) == b"for the private key", "decrypt"


def scenario_encrypt_decrypt_3des_cbc(client, version):
    uid, key = active_key(
        client, enums.CryptographicAlgorithm.TRIPLE_DES, 192, [Mask.ENCRYPT, Mask.DECRYPT]
    )
    iv = bytes(range(8))
    parameters = {
        "cryptographic_algorithm": enums.CryptographicAlgorithm.TRIPLE_DES,
        "block_cipher_mode": enums.BlockCipherMode.CBC,
        "padding_method": enums.PaddingMethod.PKCS5,
    }
    cipher, _ = client.encrypt(b"three times DES", uid, parameters, iv)
    assert client.decrypt(cipher, uid, parameters, iv) == b"three times DES", "decrypt differs"


def scenario_mac_hmac_sha1(client, version):
    uid, key = active_key(client, enums.CryptographicAlgorithm.HMAC_SHA1, 160, [Mask.MAC_GENERATE])
    _, mac = client.mac(b"sha-1", uid, enums.CryptographicAlgorithm.HMAC_SHA1)
    assert bytes(mac) == hmac.new(key, b"sha-1", hashlib.sha1).digest(), "another HMAC-SHA-1"


def scenario_sign_verify_ecdsa(client, version):
    public, private = client.create_key_pair(
        enums.CryptographicAlgorithm.ECDSA,
        256,
        public_usage_mask=[Mask.VERIFY],
        private_usage_mask=[Mask.SIGN],
    )
    client.activate(public)
    client.activate(private)
    parameters = {
        "digital_signature_algorithm": enums.DigitalSignatureAlgorithm.ECDSA_WITH_SHA256,
        "hashing_algorithm": enums.HashingAlgorithm.SHA_256,
    }
    signature = client.sign(b"elliptic", uid=private, cryptographic_parameters=parameters)
    verdict = client.signature_verify(b"elliptic", signature, public, parameters)
    assert verdict == enums.ValidityIndicator.VALID, "server says %s" % verdict


def scenario_sign_verify_pkcs1_sha256(client, version):
    public, private = client.create_key_pair(
        RSA, 2048, public_usage_mask=[Mask.VERIFY], private_usage_mask=[Mask.SIGN]
    )
    client.activate(public)
    client.activate(private)
    parameters = {
        "digital_signature_algorithm": enums.DigitalSignatureAlgorithm.SHA256_WITH_RSA_ENCRYPTION,
        "cryptographic_algorithm": RSA,
        "padding_method": enums.PaddingMethod.PKCS1v15,
        "hashing_algorithm": enums.HashingAlgorithm.SHA_256,
    }
    message = b"signed the PKCS#1 v1.5 way"
    signature = client.sign(message, uid=private, cryptographic_parameters=parameters)
    verdict = client.signature_verify(message, signature, public, parameters)
    assert verdict == enums.ValidityIndicator.VALID, "server says %s" % verdict
    der = bytes(client.get(public).value)
    try:
        key = serialization.load_der_public_key(der)
    except ValueError:
        key = serialization.load_der_public_key(
            rsa_public_spki(der)
        )
    key.verify(signature, message, padding.PKCS1v15(), hashes.SHA256())


def rsa_public_spki(pkcs1):
    """A PKCS#1 RSAPublicKey wrapped in a SubjectPublicKeyInfo (rsaEncryption, NULL)."""
    def der(tag, body):
        n = len(body)
        if n < 128:
            return bytes([tag, n]) + body
        size = n.to_bytes((n.bit_length() + 7) // 8, "big")
        return bytes([tag, 0x80 | len(size)]) + size + body

    algorithm = bytes.fromhex("300d06092a864886f70d0101010500")
    return der(0x30, algorithm + der(0x03, b"\x00" + pkcs1))


def scenario_check_usage_mask(client, version):
    uid = client.create(AES, 128)  # PyKMIP's default mask: Encrypt and Decrypt
    assert client.check(uid, cryptographic_usage_mask=[Mask.ENCRYPT]) == uid
    # 1.x: Permission Denied (1.4 §4.10); 2.0 names Incompatible Cryptographic Usage Mask. PyKMIP's
    # check() fails on its own reading a refusal, so the request goes through its proxy's sender.
    reason = (
        enums.ResultReason.INCOMPATIBLE_CRYPTOGRAPHIC_USAGE_MASK
        if version == "2.0"
        else enums.ResultReason.PERMISSION_DENIED
    )
    request = payloads.CheckRequestPayload(
        unique_identifier=uid, cryptographic_usage_mask=Mask.SIGN.value
    )
    refused_with(lambda: client.proxy.send_request_payload(enums.Operation.CHECK, request), reason)


# --- attribute operations -------------------------------------------------------------------------


def scenario_modify_name(client, version):
    old, new = unique("before"), unique("after")
    uid = client.create(AES, 128, name=old)
    if version == "2.0":
        client.modify_attribute(
            unique_identifier=uid,
            current_attribute=cobjects.CurrentAttribute(attribute=name_value(old)),
            new_attribute=cobjects.NewAttribute(attribute=name_value(new)),
        )
    else:
        client.modify_attribute(
            unique_identifier=uid,
            attribute=cobjects.Attribute(
                attribute_name=cobjects.Attribute.AttributeName("Name"),
                attribute_index=cobjects.Attribute.AttributeIndex(0),
                attribute_value=attribute(Attr.NAME, new).attribute_value,
            ),
        )
    names = [n.name_value.value for n in read(client, uid, ["Name"])["Name"]]
    assert names == [new], "names %s" % names
    assert client.locate(attributes=[attribute(Attr.NAME, new)]) == [uid], "not found by new name"


def name_value(text):
    """A Name as the 2.0 Current and New Attribute carry it: tagged Name, not Attribute Value."""
    value = attribute(Attr.NAME, text).attribute_value
    value.tag = enums.Tags.NAME
    return value


def scenario_delete_name(client, version):
    name = unique("deleted")
    uid = client.create(AES, 128, name=name)
    if version == "2.0":
        client.delete_attribute(
            unique_identifier=uid,
            current_attribute=cobjects.CurrentAttribute(attribute=name_value(name)),
        )
    else:
        client.delete_attribute(unique_identifier=uid, attribute_name="Name", attribute_index=0)
    assert "Name" not in read(client, uid, ["Name"]), "the Name is still there"
    assert client.locate(attributes=[attribute(Attr.NAME, name)]) == [], "found by a deleted name"


def scenario_delete_by_vendor_reference_to_a_standard_attribute(client, version):
    """PyKMIP names a standard attribute in the Attribute Reference structure with an empty Vendor
    Identification; 2.0 §5.5 names standard attributes by their tag and keeps the structure for
    Vendor Attributes, whose Vendor Identification identifies a vendor: the server refuses it as a
    malformed reference and keeps the Name."""
    name = unique("reference")
    uid = client.create(AES, 128, name=name)
    refused_with(
        lambda: client.delete_attribute(
            unique_identifier=uid,
            attribute_reference=cobjects.AttributeReference(
                vendor_identification="", attribute_name="Name"
            ),
        ),
        enums.ResultReason.INVALID_MESSAGE,
    )
    names = [n.name_value.value for n in read(client, uid, ["Name"])["Name"]]
    assert names == [name], "names %s" % names


def scenario_set_attribute(client, version):
    uid = client.create(AES, 128)
    client.set_attribute(unique_identifier=uid, attribute_name="Sensitive", attribute_value=True)
    assert read(client, uid, ["Sensitive"])["Sensitive"][0].value is True, "Sensitive not set"


def scenario_set_server_attribute_refused(client, version):
    # 2.0 Set Attribute's error table names Read Only Attribute; Attribute Read Only is Modify's
    # and Delete's.
    uid = client.create(AES, 128)
    refused_with(
        lambda: client.set_attribute(
            unique_identifier=uid, attribute_name="Initial Date", attribute_value=1
        ),
        enums.ResultReason.READ_ONLY_ATTRIBUTE,
    )


# --- life cycle and refusals ----------------------------------------------------------------------


COMPROMISES = (enums.RevocationReasonCode.KEY_COMPROMISE, enums.RevocationReasonCode.CA_COMPROMISE)


def revoke_with(client, reason, active=True):
    uid = client.create(AES, 128)
    if active:
        client.activate(uid)
    if reason in COMPROMISES:
        client.revoke(reason, uid, "lost", int(time.time()) - 60)
        assert state(client, uid) == enums.State.COMPROMISED, "state %s" % state(client, uid)
    else:
        client.revoke(reason, uid, "done")
        expected = enums.State.DEACTIVATED if active else enums.State.PRE_ACTIVE
        assert state(client, uid) == expected, "state %s" % state(client, uid)
    # Not the Revocation Reason: PyKMIP's client cannot decode that attribute.


def scenario_revoke_each_reason(client, version):
    for reason in enums.RevocationReasonCode:
        revoke_with(client, reason)


def scenario_revoke_compromise_of_a_pre_active_key(client, version):
    revoke_with(client, enums.RevocationReasonCode.KEY_COMPROMISE, active=False)


def scenario_state_transitions_by_revoke_and_destroy(client, version):
    """The transitions 1.4 §3.22 lets a client cause with Revoke and Destroy, and only those."""
    R = enums.RevocationReasonCode
    S = enums.State
    pre_active = client.create(AES, 128)
    refused_with(  # Pre-Active to Deactivated is no transition of the spec's list
        lambda: client.revoke(R.CESSATION_OF_OPERATION, pre_active),
        enums.ResultReason.PERMISSION_DENIED,
    )
    client.revoke(R.KEY_COMPROMISE, pre_active)  # 3: Pre-Active to Compromised
    assert state(client, pre_active) == S.COMPROMISED, state(client, pre_active)
    client.destroy(pre_active)  # 9: Compromised to Destroyed Compromised
    assert state(client, pre_active) == S.DESTROYED_COMPROMISED, state(client, pre_active)

    deactivated = client.create(AES, 128)
    client.activate(deactivated)
    client.revoke(R.SUPERSEDED, deactivated)  # 6: Active to Deactivated
    refused_with(
        lambda: client.revoke(R.SUPERSEDED, deactivated), enums.ResultReason.PERMISSION_DENIED
    )
    client.revoke(R.CA_COMPROMISE, deactivated, None, 1000)  # 8: Deactivated to Compromised
    assert state(client, deactivated) == S.COMPROMISED, state(client, deactivated)

    destroyed = client.create(AES, 128)
    client.destroy(destroyed)  # 2: Pre-Active to Destroyed
    assert state(client, destroyed) == S.DESTROYED, state(client, destroyed)
    client.revoke(R.KEY_COMPROMISE, destroyed)  # 10: Destroyed to Destroyed Compromised
    assert state(client, destroyed) == S.DESTROYED_COMPROMISED, state(client, destroyed)


def scenario_compromise_occurrence_date_defaults_to_the_initial_date(client, version):
    uid = client.create(AES, 128)
    client.activate(uid)
    time.sleep(1.1)  # a second boundary between the Initial Date and now
    client.revoke(enums.RevocationReasonCode.KEY_COMPROMISE, uid)
    got = read(client, uid, ["Initial Date", "Compromise Occurrence Date"])
    initial = got["Initial Date"][0].value
    occurred = got["Compromise Occurrence Date"][0].value
    assert occurred == initial, "Compromise Occurrence Date %s, Initial Date %s" % (occurred, initial)


def scenario_activation_date_in_the_past_activates(client, version):
    """1.4 §3.22 transitions 1 and 4: an Activation Date that has passed makes the object Active,
    given at creation or by Modify Attribute while it is Pre-Active; once Active it stays."""
    now = int(time.time())
    at_creation = create_with(client, attribute(Attr.ACTIVATION_DATE, now - 3600))
    assert state(client, at_creation) == enums.State.ACTIVE, state(client, at_creation)
    later = create_with(client, attribute(Attr.ACTIVATION_DATE, now + 3600))
    assert state(client, later) == enums.State.PRE_ACTIVE, state(client, later)
    old = attribute(Attr.ACTIVATION_DATE, now + 3600).attribute_value
    new = attribute(Attr.ACTIVATION_DATE, now - 5).attribute_value
    if version == "2.0":
        old.tag = new.tag = enums.Tags.ACTIVATION_DATE
        client.modify_attribute(
            unique_identifier=later,
            current_attribute=cobjects.CurrentAttribute(attribute=old),
            new_attribute=cobjects.NewAttribute(attribute=new),
        )
    else:
        client.modify_attribute(
            unique_identifier=later,
            attribute=cobjects.Attribute(
                attribute_name=cobjects.Attribute.AttributeName("Activation Date"),
                attribute_index=cobjects.Attribute.AttributeIndex(0),
                attribute_value=new,
            ),
        )
    assert state(client, later) == enums.State.ACTIVE, state(client, later)


def scenario_activate_twice_is_refused(client, version):
    uid = client.create(AES, 128)
    client.activate(uid)
    refused_with(lambda: client.activate(uid), enums.ResultReason.PERMISSION_DENIED)


def scenario_destroy_of_an_active_key_is_refused(client, version):
    uid = client.create(AES, 128)
    client.activate(uid)
    refused_with(lambda: client.destroy(uid), enums.ResultReason.PERMISSION_DENIED)
    assert bytes(client.get(uid).value), "the active key lost its value"
    client.revoke(enums.RevocationReasonCode.CESSATION_OF_OPERATION, uid)
    client.destroy(uid)
    gone(client, uid, version)


def scenario_get_of_a_destroyed_key(client, version):
    uid = client.create(AES, 128)
    client.destroy(uid)
    gone(client, uid, version)


def scenario_encrypt_with_a_pre_active_key_is_refused(client, version):
    uid = client.create(AES, 128)
    refused_with(
        lambda: client.encrypt(
            bytes(16),
            uid,
            {"cryptographic_algorithm": AES, "block_cipher_mode": enums.BlockCipherMode.ECB},
        ),
        enums.ResultReason.PERMISSION_DENIED,
    )


def scenario_proxy_query_and_discover(client, version):
    result = client.proxy.query(
        query_functions=[
            enums.QueryFunction.QUERY_OPERATIONS,
            enums.QueryFunction.QUERY_OBJECTS,
        ]
    )
    assert result.result_status.value == enums.ResultStatus.SUCCESS, result.result_message
    operations = [getattr(op, "value", op) for op in result.operations]
    operations = [getattr(op, "value", op) for op in operations]  # a wrapper, then the enum
    for op in (enums.Operation.CREATE.value, enums.Operation.GET.value, enums.Operation.LOCATE.value):
        assert op in operations, "%s not listed: %s" % (op, operations)
    if since(version, "1.1"):
        result = client.proxy.discover_versions()
        assert result.result_status.value == enums.ResultStatus.SUCCESS, result.result_message
        assert result.protocol_versions, "no protocol versions"


# name, function, first version that defines what it uses[, last version that has it]
SCENARIOS = [
    ("api_symmetric_key", scenario_symmetric_key, "1.0"),
    ("api_private_key_pkcs1", scenario_private_key_pkcs1, "1.0"),
    ("api_private_key_pkcs8", scenario_private_key_pkcs8, "1.0"),
    ("api_public_key_pkcs1", scenario_public_key_pkcs1, "1.0"),
    ("api_public_key_x509", scenario_public_key_x509, "1.0"),
    ("api_private_key_got_as_pkcs8", scenario_private_key_got_as_pkcs8, "1.0"),
    ("api_public_key_got_as_x509", scenario_public_key_got_as_x509, "1.0"),
    ("api_certificate", scenario_certificate, "1.0"),
    ("api_secret_data", scenario_secret_data, "1.0"),
    ("api_opaque_object", scenario_opaque_object, "1.0"),
    ("api_split_key", scenario_split_key, "1.0"),
    ("api_key_pair_names_and_masks", scenario_key_pair_names_and_masks, "1.0"),
    ("api_attribute_list_symmetric_key", scenario_attribute_list_symmetric_key, "1.0"),
    ("api_attribute_list_key_pair", scenario_attribute_list_key_pair, "1.0"),
    ("api_attribute_list_certificate", scenario_attribute_list_certificate, "1.0"),
    ("api_attribute_list_secret_data", scenario_attribute_list_secret_data, "1.0"),
    ("api_attribute_list_opaque_object", scenario_attribute_list_opaque_object, "1.0"),
    ("api_get_attributes_explicit_names", scenario_get_attributes_explicit_names, "1.0"),
    ("api_get_attributes_of_unknown_object", scenario_get_attributes_of_unknown_object, "1.0"),
    ("api_contact_information", scenario_contact_information, "1.0"),
    ("api_application_specific_information", scenario_application_specific_information, "1.0"),
    # PyKMIP cannot write an x- attribute in a 2.0 request (it has no tag for it).
    ("api_custom_attribute", scenario_custom_attribute, "1.0", "1.4"),
    ("api_locate_maximum_items", scenario_locate_maximum_items, "1.0"),
    ("api_locate_offset_items", scenario_locate_offset_items, "1.3"),
    ("api_locate_by_name", scenario_locate_by_name, "1.0"),
    ("api_locate_by_object_type", scenario_locate_by_object_type, "1.0"),
    ("api_locate_by_algorithm_and_length", scenario_locate_by_algorithm_and_length, "1.0"),
    ("api_locate_by_state", scenario_locate_by_state, "1.0"),
    ("api_locate_by_initial_date_range", scenario_locate_by_initial_date_range, "1.0"),
    ("api_locate_by_activation_date_range", scenario_locate_by_activation_date_range, "1.0"),
    ("api_locate_by_object_group", scenario_locate_by_object_group, "1.0"),
    ("api_locate_group_member_fresh", scenario_locate_group_member_fresh, "1.1"),
    ("api_locate_by_unique_identifier", scenario_locate_by_unique_identifier, "1.0"),
    ("api_locate_by_certificate_type", scenario_locate_by_certificate_type, "1.0"),
    ("api_locate_by_usage_mask", scenario_locate_by_usage_mask, "1.0"),
    ("api_locate_by_operation_policy_name", scenario_locate_by_operation_policy_name, "1.0", "1.4"),
    ("api_locate_storage_status_mask", scenario_locate_storage_status_mask, "1.1"),
    ("api_mac_hmac_sha1", scenario_mac_hmac_sha1, "1.2"),
    ("api_mac_hmac_sha256", scenario_mac_hmac_sha256, "1.2"),
    ("api_mac_hmac_sha512", scenario_mac_hmac_sha512, "1.2"),
    ("api_encrypt_decrypt_ecb", scenario_encrypt_decrypt_ecb, "1.2"),
    ("api_encrypt_decrypt_cbc_iv", scenario_encrypt_decrypt_cbc_iv, "1.2"),
    ("api_encrypt_decrypt_ctr", scenario_encrypt_decrypt_ctr, "1.2"),
    ("api_encrypt_random_iv", scenario_encrypt_random_iv, "1.2"),
    ("api_encrypt_rsa_oaep", scenario_encrypt_rsa_oaep, "1.2"),
    ("api_encrypt_decrypt_3des_cbc", scenario_encrypt_decrypt_3des_cbc, "1.2"),
    ("api_sign_verify_pkcs1_sha256", scenario_sign_verify_pkcs1_sha256, "1.2"),
    ("api_sign_verify_ecdsa", scenario_sign_verify_ecdsa, "1.2"),
    ("api_check_usage_mask", scenario_check_usage_mask, "1.0"),
    ("api_modify_name", scenario_modify_name, "1.0"),
    ("api_delete_name", scenario_delete_name, "1.0"),
    (
        "api_delete_by_vendor_reference_to_a_standard_attribute",
        scenario_delete_by_vendor_reference_to_a_standard_attribute,
        "2.0",
    ),
    ("api_set_attribute", scenario_set_attribute, "2.0"),
    ("api_set_server_attribute_refused", scenario_set_server_attribute_refused, "2.0"),
    ("api_revoke_each_reason", scenario_revoke_each_reason, "1.0"),
    (
        "api_revoke_compromise_of_a_pre_active_key",
        scenario_revoke_compromise_of_a_pre_active_key,
        "1.0",
    ),
    (
        "api_state_transitions_by_revoke_and_destroy",
        scenario_state_transitions_by_revoke_and_destroy,
        "1.0",
    ),
    (
        "api_compromise_occurrence_date_defaults_to_the_initial_date",
        scenario_compromise_occurrence_date_defaults_to_the_initial_date,
        "1.0",
    ),
    (
        "api_activation_date_in_the_past_activates",
        scenario_activation_date_in_the_past_activates,
        "1.0",
    ),
    ("api_activate_twice_is_refused", scenario_activate_twice_is_refused, "1.0"),
    ("api_destroy_of_an_active_key_is_refused", scenario_destroy_of_an_active_key_is_refused, "1.0"),
    ("api_get_of_a_destroyed_key", scenario_get_of_a_destroyed_key, "1.0"),
    (
        "api_encrypt_with_a_pre_active_key_is_refused",
        scenario_encrypt_with_a_pre_active_key_is_refused,
        "1.2",
    ),
    ("api_proxy_query_and_discover", scenario_proxy_query_and_discover, "1.0"),
]


def main(host, port, ca, cert, key, version, only=None):
    wanted = [
        (name, scenario)
        for name, scenario, first, *last in SCENARIOS
        if since(version, first)
        and not (last and since(version, last[0]) and version != last[0])
        and (not only or name == only)
    ]
    run_scenarios(host, port, ca, cert, key, version, wanted)


if __name__ == "__main__":
    run_script(main, 7)
