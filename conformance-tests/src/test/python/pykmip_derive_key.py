#!/usr/bin/python3
"""PyKMIP's high-level client derives keys and secrets with every Derivation Method it can express
(PyKMIP sends one Derivation Data item, so AWS Signature Version 4 is not among them), reads the
result back with Get and compares it with the value Python's hashlib, hmac and pyca/cryptography
give; a PBKDF2 request without its salt must be refused with Invalid Field.

Usage: pykmip_derive_key.py HOST PORT CA CERT KEY VERSION   (VERSION: 1.0 .. 2.0)
Prints one line per scenario, "SCENARIO <name> PASS" or "SCENARIO <name> FAIL <reason>", and exits 0
whatever the scenarios did (the Java test judges them); a non-zero exit means the script itself broke.
"""
import hashlib
import hmac
import struct
import uuid

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from kmip.core import enums
from kmip.pie import exceptions, objects

from pykmip_common import run_scenarios, run_script


AES = enums.CryptographicAlgorithm.AES
HMAC_SHA256 = enums.CryptographicAlgorithm.HMAC_SHA256
DERIVE = [enums.CryptographicUsageMask.DERIVE_KEY]
SHA256 = {"hashing_algorithm": enums.HashingAlgorithm.SHA_256}
KEY = bytes(range(32))
FIXED = b"pykmip-label\x00pykmip-context"
IV = bytes(range(0xF0, 0x100))
M = enums.DerivationMethod


def unique_name():
    # PyKMIP names every object of a type alike; Arca keeps an owner's Names unique by default.
    return "pykmip-derive-%s" % uuid.uuid4()


def active_key(client, value, algorithm=HMAC_SHA256):
    uid = client.register(objects.SymmetricKey(
        algorithm, len(value) * 8, value, masks=DERIVE, name=unique_name()))
    client.activate(uid)
    return uid


def active_secret(client, value):
    uid = client.register(
        objects.SecretData(value, enums.SecretDataType.PASSWORD, masks=DERIVE, name=unique_name()))
    client.activate(uid)
    return uid


def derived(client, uids, method, parameters, length, object_type=enums.ObjectType.SYMMETRIC_KEY):
    attributes = {"cryptographic_length": length * 8}
    if object_type == enums.ObjectType.SYMMETRIC_KEY:
        attributes["cryptographic_algorithm"] = AES
    uid = client.derive_key(object_type, uids, method, parameters, **attributes)
    return bytes(client.get(uid).value)


def prf(data):
    return hmac.new(KEY, data, hashlib.sha256).digest()


def check(got, expected):
    assert got == expected, "derived %s, expected %s" % (got.hex(), expected.hex())


def scenario_pbkdf2(client, version):
    base = active_key(client, b"pykmip password")
    got = derived(client, [base], M.PBKDF2,
                  {"cryptographic_parameters": SHA256, "salt": b"pykmip salt",
                   "iteration_count": 1000}, 32)
    check(got, hashlib.pbkdf2_hmac("sha256", b"pykmip password", b"pykmip salt", 1000, 32))


def scenario_hash(client, version):
    base = active_key(client, KEY)
    got = derived(client, [base], M.HASH, {"cryptographic_parameters": SHA256}, 32)
    check(got, hashlib.sha256(KEY).digest())


def scenario_hmac(client, version):
    base = active_key(client, KEY)
    got = derived(client, [base], M.HMAC, {"derivation_data": FIXED}, 16)
    check(got, prf(FIXED)[:16])


def scenario_hmac_keyed_by_secret_data(client, version):
    base = active_secret(client, b"a shared secret")
    got = derived(client, [base], M.HMAC,
                  {"cryptographic_parameters": SHA256, "derivation_data": FIXED}, 32,
                  enums.ObjectType.SECRET_DATA)
    check(got, hmac.new(b"a shared secret", FIXED, hashlib.sha256).digest())


def scenario_encrypt(client, version):
    aes_key = bytes(range(16))
    base = active_key(client, aes_key, AES)
    data = bytes(range(32))
    got = derived(client, [base], M.ENCRYPT,
                  {"cryptographic_parameters": {
                      "block_cipher_mode": enums.BlockCipherMode.ECB,
                      "padding_method": enums.PaddingMethod.NONE},
                   "derivation_data": data}, 32)
    encryptor = Cipher(algorithms.AES(aes_key), modes.ECB()).encryptor()
    check(got, encryptor.update(data) + encryptor.finalize())


def scenario_nist800_108_counter(client, version):
    base = active_key(client, KEY)
    got = derived(client, [base], M.NIST800_108_C,
                  {"cryptographic_parameters": SHA256, "derivation_data": FIXED}, 48,
                  enums.ObjectType.SECRET_DATA)
    check(got, (prf(struct.pack(">I", 1) + FIXED) + prf(struct.pack(">I", 2) + FIXED))[:48])


def scenario_nist800_108_feedback(client, version):
    base = active_key(client, KEY)
    got = derived(client, [base], M.NIST800_108_F,
                  {"cryptographic_parameters": SHA256, "derivation_data": FIXED,
                   "initialization_vector": IV}, 32)
    check(got, prf(IV + struct.pack(">I", 1) + FIXED))


def scenario_nist800_108_double_pipeline(client, version):
    base = active_key(client, KEY)
    got = derived(client, [base], M.NIST800_108_DPI,
                  {"cryptographic_parameters": SHA256, "derivation_data": FIXED}, 32)
    check(got, prf(prf(FIXED) + struct.pack(">I", 1) + FIXED))


def scenario_derivation_data_from_secret_data(client, version):
    base = active_key(client, KEY)
    data = active_secret(client, FIXED)
    got = derived(client, [base, data], M.NIST800_108_C, {"cryptographic_parameters": SHA256}, 32)
    check(got, prf(struct.pack(">I", 1) + FIXED))


def scenario_hkdf(client, version):
    base = active_secret(client, KEY)
    got = derived(client, [base], M.HKDF,
                  {"cryptographic_parameters": SHA256, "salt": b"pykmip salt",
                   "derivation_data": FIXED}, 64, enums.ObjectType.SECRET_DATA)
    check(got, HKDF(hashes.SHA256(), 64, b"pykmip salt", FIXED).derive(KEY))


def scenario_pbkdf2_without_salt_is_invalid(client, version):
    base = active_key(client, b"pykmip password")
    try:
        client.derive_key(enums.ObjectType.SYMMETRIC_KEY, [base], M.PBKDF2,
                          {"cryptographic_parameters": SHA256, "iteration_count": 1000},
                          cryptographic_algorithm=AES, cryptographic_length=128)
    except exceptions.KmipOperationFailure as e:
        assert e.reason == enums.ResultReason.INVALID_FIELD, "refused with %s" % e.reason
        return
    raise AssertionError("PBKDF2 without a salt was accepted")


SINCE_2_0 = {"hkdf"}  # HKDF is a KMIP 2.0 method
SCENARIOS = [(name[len("scenario_"):], f) for name, f in sorted(globals().items())
             if name.startswith("scenario_")]


def main(host, port, ca, cert, key, version):
    # a scenario not run is not reported: nothing passes without running
    wanted = [(name, s) for name, s in SCENARIOS if name not in SINCE_2_0 or version == "2.0"]
    run_scenarios(host, port, ca, cert, key, version, wanted)


if __name__ == "__main__":
    run_script(main, 6)
