#!/usr/bin/python3
"""Drives an Arca server through PyKMIP's high-level client: one short scenario per operation.

Usage: pykmip_scenarios.py HOST PORT CA CERT KEY VERSION   (VERSION: 1.0 .. 2.0, as PyKMIP knows them)
Prints one line per scenario, "SCENARIO <name> PASS" or "SCENARIO <name> FAIL <reason>", and exits 0
whatever the scenarios did (the Java test judges them); a non-zero exit means the script itself broke.
Scenarios that need an object make their own, so each fails for its own reason.
"""
import uuid

from kmip.core import enums
from kmip.pie import objects

from pykmip_common import run_scenarios, run_script


AES = enums.CryptographicAlgorithm.AES


def create(client):
    uid = client.create(AES, 128)
    assert uid, "no unique identifier"
    return uid


def scenario_create(client):
    create(client)


def scenario_get(client):
    key = client.get(create(client))
    assert isinstance(key, objects.SymmetricKey), "got %s" % type(key).__name__
    assert key.cryptographic_length == 128, "length %s" % key.cryptographic_length
    assert len(key.value) == 16, "key of %d bytes" % len(key.value)


def scenario_get_attributes(client):
    uid = create(client)
    got_uid, attributes = client.get_attributes(uid, ["Cryptographic Algorithm", "Cryptographic Length"])
    assert got_uid == uid, "attributes of another object"
    names = sorted(a.attribute_name.value for a in attributes)
    assert names == ["Cryptographic Algorithm", "Cryptographic Length"], "attributes %s" % names


def scenario_locate(client):
    uid = create(client)
    found = client.locate()
    assert uid in found, "locate did not find the new key"


def scenario_activate(client):
    uid = create(client)
    client.activate(uid)
    _, attributes = client.get_attributes(uid, ["State"])
    state = attributes[0].attribute_value.value if attributes else None
    assert state == enums.State.ACTIVE, "state %s" % state


def scenario_revoke(client):
    uid = create(client)
    client.activate(uid)
    client.revoke(enums.RevocationReasonCode.CESSATION_OF_OPERATION, uid)
    _, attributes = client.get_attributes(uid, ["State"])
    state = attributes[0].attribute_value.value if attributes else None
    assert state == enums.State.DEACTIVATED, "state %s" % state


def scenario_destroy(client):
    uid = create(client)
    client.destroy(uid)
    try:
        client.get(uid)
    except Exception:  # PyKMIP raises KmipOperationFailure for Item Not Found
        return
    raise AssertionError("a destroyed key could still be fetched")


def scenario_register(client):
    # Names are unique among a user's live objects, and PyKMIP names every key "Symmetric Key".
    key = objects.SymmetricKey(AES, 128, bytes(range(16)), name="register-%s" % uuid.uuid4())
    uid = client.register(key)
    fetched = client.get(uid)
    assert fetched.value == key.value, "registered and fetched key differ"


def scenario_encrypt_decrypt(client):
    uid = create(client)
    client.activate(uid)
    parameters = {
        "cryptographic_algorithm": AES,
        "block_cipher_mode": enums.BlockCipherMode.CBC,
        "padding_method": enums.PaddingMethod.PKCS5,
    }
    iv = bytes(16)
    plain = b"Arca conformance"
    cipher, _ = client.encrypt(plain, uid, parameters, iv)
    assert cipher and cipher != plain, "no ciphertext"
    again = client.decrypt(cipher, uid, parameters, iv)
    assert again == plain, "decrypt did not give the plaintext back"

    # An independent AES (pyca/cryptography) with the key fetched by Get reads the ciphertext too.
    from cryptography.hazmat.primitives import padding as block_padding
    from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

    key = bytes(client.get(uid).value)
    decryptor = Cipher(algorithms.AES(key), modes.CBC(iv)).decryptor()
    padded = decryptor.update(bytes(cipher)) + decryptor.finalize()
    unpadder = block_padding.PKCS7(128).unpadder()
    local = unpadder.update(padded) + unpadder.finalize()
    assert local == plain, "a local AES-CBC does not read the server's ciphertext"


def scenario_sign_verify(client):
    """An RSA pair made by the server signs (PSS, SHA-256); the signature verifies on the server
    and locally, with pyca/cryptography and the public key fetched with Get."""
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import padding

    public_uid, private_uid = client.create_key_pair(
        enums.CryptographicAlgorithm.RSA,
        2048,
        public_usage_mask=[enums.CryptographicUsageMask.VERIFY],
        private_usage_mask=[enums.CryptographicUsageMask.SIGN],
    )
    client.activate(public_uid)
    client.activate(private_uid)
    parameters = {
        "cryptographic_algorithm": enums.CryptographicAlgorithm.RSA,
        "padding_method": enums.PaddingMethod.PSS,
        "hashing_algorithm": enums.HashingAlgorithm.SHA_256,
    }
    message = b"Arca signs this"
    signature = client.sign(message, uid=private_uid, cryptographic_parameters=parameters)
    assert signature, "no signature"
    verdict = client.signature_verify(message, signature, public_uid, parameters)
    assert verdict == enums.ValidityIndicator.VALID, "server says %s" % verdict
    tampered = client.signature_verify(message + b"!", signature, public_uid, parameters)
    assert tampered == enums.ValidityIndicator.INVALID, "tampered message: %s" % tampered

    public = client.get(public_uid)
    der = bytes(public.value)
    if public.key_format_type == enums.KeyFormatType.PKCS_1:
        import base64

        pem = b"-----BEGIN RSA PUBLIC KEY-----\n%s-----END RSA PUBLIC KEY-----\n" % (
            base64.encodebytes(der)
        )
        key = serialization.load_pem_public_key(pem)
    else:
        key = serialization.load_der_public_key(der)
    pss = padding.PSS(mgf=padding.MGF1(hashes.SHA256()), salt_length=padding.PSS.AUTO)
    key.verify(signature, message, pss, hashes.SHA256())  # raises InvalidSignature


def scenario_secret_data(client):
    secret = objects.SecretData(
        b"an Arca password", enums.SecretDataType.PASSWORD, name="secret-%s" % uuid.uuid4()
    )
    uid = client.register(secret)
    fetched = client.get(uid)
    assert isinstance(fetched, objects.SecretData), "got %s" % type(fetched).__name__
    assert fetched.value == secret.value, "registered and fetched secret differ"
    assert fetched.data_type == enums.SecretDataType.PASSWORD, "type %s" % fetched.data_type


def wrapping_key(client):
    """An active AES-256 key that may wrap and unwrap, registered with bytes the test knows."""
    kek = bytes(range(32, 64))
    uid = client.register(
        objects.SymmetricKey(
            AES,
            256,
            kek,
            masks=[enums.CryptographicUsageMask.WRAP_KEY, enums.CryptographicUsageMask.UNWRAP_KEY],
            name="kek-%s" % uuid.uuid4(),
        )
    )
    client.activate(uid)
    return uid, kek


def wrapping(kek_uid):
    return {
        "wrapping_method": enums.WrappingMethod.ENCRYPT,
        "encryption_key_information": {
            "unique_identifier": kek_uid,
            "cryptographic_parameters": {"block_cipher_mode": enums.BlockCipherMode.NIST_KEY_WRAP},
        },
        "encoding_option": enums.EncodingOption.NO_ENCODING,
    }


def scenario_get_wrapped(client):
    """Get with a Key Wrapping Specification (No Encoding): the Key Material is the key wrapped by
    RFC 3394 under the wrapping key, which pyca/cryptography unwraps to the key Get gives in clear."""
    from cryptography.hazmat.primitives.keywrap import aes_key_unwrap

    kek_uid, kek = wrapping_key(client)
    uid = create(client)
    clear = bytes(client.get(uid).value)
    wrapped = client.get(uid, key_wrapping_specification=wrapping(kek_uid))
    assert isinstance(wrapped, objects.SymmetricKey), "got %s" % type(wrapped).__name__
    data = wrapped.key_wrapping_data
    assert data and data.get("encoding_option") == enums.EncodingOption.NO_ENCODING, "data %s" % data
    assert bytes(wrapped.value) != clear, "the key came back in the clear"
    assert aes_key_unwrap(kek, bytes(wrapped.value)) == clear, "unwrapped bytes differ"


def scenario_register_wrapped(client):
    """A key wrapped by the client (RFC 3394, No Encoding) is registered and comes back as
    registered, with its Key Wrapping Data."""
    from cryptography.hazmat.primitives.keywrap import aes_key_wrap

    kek_uid, kek = wrapping_key(client)
    key = bytes(range(100, 116))
    wrapped = aes_key_wrap(kek, key)
    uid = client.register(
        objects.SymmetricKey(
            AES,
            128,
            wrapped,
            masks=[enums.CryptographicUsageMask.ENCRYPT],
            name="wrapped-%s" % uuid.uuid4(),
            key_wrapping_data=wrapping(kek_uid),
        )
    )
    fetched = client.get(uid)
    assert bytes(fetched.value) == wrapped, "the registered wrapped key changed"
    data = fetched.key_wrapping_data
    assert data and data.get("wrapping_method") == enums.WrappingMethod.ENCRYPT, "data %s" % data
    assert data.get("encoding_option") == enums.EncodingOption.NO_ENCODING, "data %s" % data


SCENARIOS = [
    ("create", scenario_create),
    ("get", scenario_get),
    ("get_attributes", scenario_get_attributes),
    ("locate", scenario_locate),
    ("activate", scenario_activate),
    ("revoke", scenario_revoke),
    ("destroy", scenario_destroy),
    ("register", scenario_register),
    ("encrypt_decrypt", scenario_encrypt_decrypt),
    ("sign_verify", scenario_sign_verify),
    ("secret_data", scenario_secret_data),
    ("get_wrapped", scenario_get_wrapped),
    ("register_wrapped", scenario_register_wrapped),
]


def main(host, port, ca, cert, key, version):
    # These scenarios take the client alone.
    wanted = [(name, lambda client, version, s=s: s(client)) for name, s in SCENARIOS]
    run_scenarios(host, port, ca, cert, key, version, wanted)


if __name__ == "__main__":
    run_script(main, 6)
