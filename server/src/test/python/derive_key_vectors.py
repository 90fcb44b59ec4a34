#!/usr/bin/python3
"""The expected values of DeriveKeyHandlerTest and DeriveKeyEndToEndTest for the SP 800-108 KDFs,
computed apart from Arca's code: counter mode with pyca/cryptography's KBKDF (HMAC and CMAC),
feedback and double-pipeline iteration with Python's hmac, written out from SP 800-108 §5.2-5.3
(a 32-bit counter; KMIP's Derivation Data as the fixed input). Run: python3 derive_key_vectors.py
"""
import hashlib
import hmac
import struct

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers import algorithms
from cryptography.hazmat.primitives.kdf.kbkdf import KBKDFCMAC, KBKDFHMAC, CounterLocation, Mode

KEY = bytes(range(32))
FIXED = b"arca-label\x00arca-context"
IV = bytes(range(0xF0, 0x100))
LENGTH = 40


def prf(data):
    return hmac.new(KEY, data, hashlib.sha256).digest()


def counter(i):
    return struct.pack(">I", i)


def main():
    kbkdf = dict(rlen=4, llen=None, location=CounterLocation.BeforeFixed, label=None,
                 context=None, fixed=FIXED)
    print("counter HMAC-SHA256",
          KBKDFHMAC(hashes.SHA256(), Mode.CounterMode, LENGTH, **kbkdf).derive(KEY).hex())
    print("counter CMAC-AES128",
          KBKDFCMAC(algorithms.AES, Mode.CounterMode, 32, **kbkdf).derive(KEY[:16]).hex())
    out, previous, i = b"", IV, 1
    while len(out) < LENGTH:
        previous = prf(previous + counter(i) + FIXED)
        out, i = out + previous, i + 1
    print("feedback HMAC-SHA256", out[:LENGTH].hex())
    out, a, i = b"", FIXED, 1
    while len(out) < LENGTH:
        a = prf(a)
        out, i = out + prf(a + counter(i) + FIXED), i + 1
    print("double-pipeline HMAC-SHA256", out[:LENGTH].hex())


if __name__ == "__main__":
    main()
