#!/usr/bin/python3
"""A device enrols with Arca through PyKMIP's client (Debian's python3-pykmip), in three phases:

  ca     (as the admin) a CA key pair in Arca and its self-signed certificate, granted to DEVICE for
         Certify; prints "CA <certificate uid> <private key uid>" and writes WORKDIR/arca-ca.pem
  enrol  (as the device, with its bootstrap certificate) a key pair in Arca, certified by the CA;
         writes WORKDIR/device.pem and WORKDIR/device.key
  use    (as the device, with the certificate Arca issued) creates and reads a key

PyKMIP's client has no Certify (nor Arca's Grant Access): those requests are written here in TTLV
by hand and sent over the client's own TLS connection and framing (KMIPProxy.protocol).

Usage: pykmip_device_enrolment.py HOST PORT CA CERT KEY VERSION PHASE WORKDIR [DEVICE | CA_CERT]
Prints "SCENARIO <name> PASS|FAIL <reason>" lines; exits 0 unless the script itself broke.
"""
import base64
import os
import struct
import sys
import traceback

from kmip.core import enums

from pykmip_common import open_client

STRUCTURE, INTEGER, ENUMERATION, TEXT = 0x01, 0x02, 0x05, 0x07
CERTIFY, GRANT_ACCESS = 0x00000006, 0x80000001
CERTIFICATE_LINK = 0x00000101


def item(tag, kind, value):
    if kind == STRUCTURE:
        body = b"".join(value)
    elif kind in (INTEGER, ENUMERATION):
        body = struct.pack(">i", value) if kind == INTEGER else struct.pack(">I", value)
    else:
        body = value.encode("utf-8")
    padded = body + b"\0" * (-len(body) % 8)
    return struct.pack(">I", tag)[1:] + bytes([kind]) + struct.pack(">I", len(body)) + padded


def items(data):
    """(tag, type, value bytes) of each item at this level."""
    out, at = [], 0
    while at < len(data):
        tag = int.from_bytes(data[at:at + 3], "big")
        kind = data[at + 3]
        length = int.from_bytes(data[at + 4:at + 8], "big")
        out.append((tag, kind, data[at + 8:at + 8 + length]))
        at += 8 + length + (-length % 8 if kind in (STRUCTURE, TEXT, 0x08) else 0)
        if kind in (INTEGER, ENUMERATION, 0x0A):
            at += 4
    return out


def find(data, wanted):
    for tag, kind, value in items(data):
        if tag == wanted:
            return kind, value
        if kind == STRUCTURE:
            found = find(value, wanted)
            if found:
                return found
    return None


def call(client, version, operation, payload):
    """Sends one batch item in TTLV written here; returns the response payload's bytes."""
    major, minor = (int(p) for p in version.split("."))
    message = item(0x420078, STRUCTURE, [
        item(0x420077, STRUCTURE, [
            item(0x420069, STRUCTURE, [item(0x42006A, INTEGER, major), item(0x42006B, INTEGER, minor)]),
            item(0x42000D, INTEGER, 1)]),
        item(0x42000F, STRUCTURE, [
            item(0x42005C, ENUMERATION, operation),
            item(0x420079, STRUCTURE, payload)])])
    client.proxy.protocol.write(message)
    answer = bytes(client.proxy.protocol.read().buffer)
    status = find(answer, 0x42007F)
    if status is None or int.from_bytes(status[1][:4], "big") != 0:
        reason = find(answer, 0x42007E)
        text = find(answer, 0x42007D)
        raise AssertionError("operation 0x%x failed: reason %s, %s" % (
            operation,
            None if reason is None else int.from_bytes(reason[1][:4], "big"),
            None if text is None else text[1].decode()))
    return find(answer, 0x42007C)[1]


def certify(client, version, public_key, issuer):
    payload = [item(0x420094, TEXT, public_key)]
    if issuer:
        link = [item(0x42004B, ENUMERATION, CERTIFICATE_LINK), item(0x42004C, TEXT, issuer)]
        if version == "2.0":
            payload.append(item(0x420125, STRUCTURE, [item(0x42004A, STRUCTURE, link)]))
        else:
            payload.append(item(0x420091, STRUCTURE, [item(0x420008, STRUCTURE, [
                item(0x42000A, TEXT, "Link"), item(0x42000B, STRUCTURE, link)])]))
    kind, uid = find(call(client, version, CERTIFY, payload), 0x420094)
    return uid.decode()


def grant(client, version, user, uid, operation):
    # The payload holds ArcaUser, Unique Identifier and Operation directly (docs/ACCESS.md).
    call(client, version, GRANT_ACCESS, [
        item(0x540001, TEXT, user), item(0x420094, TEXT, uid),
        item(0x42005C, ENUMERATION, operation)])


def pem(label, der):
    body = base64.encodebytes(der).decode().replace("\n", "")
    lines = [body[i:i + 64] for i in range(0, len(body), 64)]
    return "-----BEGIN %s-----\n%s\n-----END %s-----\n" % (label, "\n".join(lines), label)


def key_pair(client, name, private_usage):
    public, private = client.create_key_pair(
        enums.CryptographicAlgorithm.RSA, 2048,
        public_name=name, private_name=name + "-private",
        public_usage_mask=[enums.CryptographicUsageMask.VERIFY],
        private_usage_mask=private_usage)
    client.activate(public)
    client.activate(private)
    return public, private


def phase_ca(client, version, workdir, device):
    public, private = key_pair(client, "pykmip-ca-" + version, [enums.CryptographicUsageMask.SIGN])
    certificate = certify(client, version, public, None)
    with open(os.path.join(workdir, "arca-ca.pem"), "w") as f:
        f.write(pem("CERTIFICATE", client.get(certificate).value))
    grant(client, version, device, certificate, CERTIFY)
    grant(client, version, device, private, CERTIFY)
    print("CA %s %s" % (certificate, private))


def phase_enrol(client, version, workdir, ca_certificate, device):
    public, private = key_pair(client, device, [enums.CryptographicUsageMask.SIGN])
    certificate = certify(client, version, public, ca_certificate)
    with open(os.path.join(workdir, "device.pem"), "w") as f:
        f.write(pem("CERTIFICATE", client.get(certificate).value))
    key = client.get(private)
    label = ("RSA PRIVATE KEY" if key.key_format_type == enums.KeyFormatType.PKCS_1
             else "PRIVATE KEY")
    with open(os.path.join(workdir, "device.key"), "w") as f:
        f.write(pem(label, key.value))
    os.chmod(os.path.join(workdir, "device.key"), 0o600)


def phase_use(client, version):
    uid = client.create(enums.CryptographicAlgorithm.AES, 256)
    assert client.get(uid).value, "no key value"


def main():
    host, port, ca, cert, key, version, phase, workdir = sys.argv[1:9]
    extra = sys.argv[9:]
    client = open_client(host, port, ca, cert, key, version)
    try:
        try:
            if phase == "ca":
                phase_ca(client, version, workdir, extra[0])
            elif phase == "enrol":
                phase_enrol(client, version, workdir, extra[0], extra[1])
            else:
                phase_use(client, version)
            print("SCENARIO %s PASS" % phase)
        except Exception as e:  # noqa: BLE001 - every failure is the scenario's verdict
            print("SCENARIO %s FAIL %s" % (phase, repr(e)))
            traceback.print_exc(file=sys.stdout)
    finally:
        client.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
