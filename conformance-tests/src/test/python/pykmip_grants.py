#!/usr/bin/python3
"""PyKMIP's high-level client, as a user who does not own the key, tries what access control decides.

Usage: pykmip_grants.py HOST PORT CA CERT KEY VERSION UID NAME
Tries, in this order, to Get the key UID, to Encrypt with it (AES-CBC, PKCS#5, a zero IV), to Locate
it by its NAME and to Destroy it, and prints one line per step for the Java test to judge:
  "STEP get OK <sha-256 of the key, hex>"      or "STEP get REFUSED <Result Reason>"
  "STEP encrypt OK <ciphertext, hex>"          or "STEP encrypt REFUSED <Result Reason>"
  "STEP locate FOUND <identifiers, comma-separated, possibly none>" or "STEP locate REFUSED ..."
  "STEP destroy OK"                            or "STEP destroy REFUSED <Result Reason>"
A step that breaks some other way prints "STEP <name> ERROR <exception>". Destroy runs last so that
a wrongly allowed Destroy cannot change what the other steps see. The exit status is 0 unless the
script itself broke. Grants are Arca extension operations PyKMIP cannot send: Java makes them.
"""
import hashlib
import sys

from kmip.core import enums
from kmip.core.factories import attributes as attribute_factory
from kmip.pie.exceptions import KmipOperationFailure

from pykmip_common import open_client, run_script

CBC = {
    "cryptographic_algorithm": enums.CryptographicAlgorithm.AES,
    "block_cipher_mode": enums.BlockCipherMode.CBC,
    "padding_method": enums.PaddingMethod.PKCS5,
}
IV = bytes(16)
PLAINTEXT = b"PyKMIP as user1"


def step_get(client, uid, name):
    key = client.get(uid)
    return "OK " + hashlib.sha256(bytes(key.value)).hexdigest()


def step_encrypt(client, uid, name):
    cipher, _ = client.encrypt(PLAINTEXT, uid, CBC, IV)
    return "OK " + bytes(cipher).hex()


def step_locate(client, uid, name):
    by_name = attribute_factory.AttributeFactory().create_attribute(enums.AttributeType.NAME, name)
    return "FOUND " + ",".join(client.locate(attributes=[by_name]))


def step_destroy(client, uid, name):
    client.destroy(uid)
    return "OK"


STEPS = [
    ("get", step_get),
    ("encrypt", step_encrypt),
    ("locate", step_locate),
    ("destroy", step_destroy),
]


def main(host, port, ca, cert, key, version, uid, name):
    client = open_client(host, port, ca, cert, key, version)
    try:
        for step_name, step in STEPS:
            try:
                outcome = step(client, uid, name)
            except KmipOperationFailure as e:
                outcome = "REFUSED " + e.reason.name
            except Exception as e:  # reported for the Java test to show, not a crash
                outcome = "ERROR %s: %s" % (type(e).__name__, str(e).replace("\n", " "))
            print("STEP %s %s" % (step_name, outcome))
            sys.stdout.flush()
    finally:
        client.close()


if __name__ == "__main__":
    run_script(main, 8)
