#!/usr/bin/python3
"""PyKMIP's high-level client registers certificates and reuses names, against an Arca server that
runs with --allow-duplicate-names (PyKMIP names every object of a kind alike).

Usage: pykmip_certificates_names.py HOST PORT CA CERT KEY VERSION   (VERSION: 1.0 .. 2.0)
Prints one line per scenario, "SCENARIO <name> PASS" or "SCENARIO <name> FAIL <reason>", and exits 0
whatever the scenarios did (the Java test judges them); a non-zero exit means the script itself broke.
"""
import datetime
import uuid

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from kmip.core import enums
from kmip.core.factories import attributes as attribute_factories
from kmip.pie import objects

from pykmip_common import run_scenarios, run_script


AES = enums.CryptographicAlgorithm.AES
FACTORY = attribute_factories.AttributeFactory()


def certificate_der(label):
    """A self-signed certificate of a new EC P-256 key, signed with ECDSA and SHA-256."""
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, label)])
    now = datetime.datetime.now(datetime.timezone.utc)
    certificate = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(days=1))
        .not_valid_after(now + datetime.timedelta(days=30))
        .sign(key, hashes.SHA256())
    )
    return certificate.public_bytes(serialization.Encoding.DER)


def values(attributes):
    return {a.attribute_name.value: a.attribute_value for a in attributes}


def scenario_certificate_register_get(client, version):
    der = certificate_der("pykmip-%s" % uuid.uuid4())
    uid = client.register(objects.X509Certificate(der))
    fetched = client.get(uid)
    assert isinstance(fetched, objects.X509Certificate), "got %s" % type(fetched).__name__
    assert bytes(fetched.value) == der, "registered and fetched certificate differ"


def scenario_certificate_attributes(client, version):
    der = certificate_der("pykmip-%s" % uuid.uuid4())
    uid = client.register(objects.X509Certificate(der))
    # Not the Digest: PyKMIP reads a Digest's Key Format Type as required, and a certificate's
    # Digest has none (1.4 §3.17); CertificateAttributesEndToEndTest checks it.
    names = ["Cryptographic Length"]
    if version != "1.0":  # EC is no KMIP 1.0 algorithm: a 1.0 client is not told it
        names.append("Cryptographic Algorithm")
    if version != "2.0":  # PyKMIP cannot read a 2.0 Certificate Type attribute
        names.append("Certificate Type")
    if version != "1.0":  # Certificate Length is KMIP 1.1+
        names.append("Certificate Length")
    _, attributes = client.get_attributes(uid, names)
    got = values(attributes)
    assert sorted(got) == sorted(names), "attributes %s" % sorted(got)
    if "Cryptographic Algorithm" in got:
        assert got["Cryptographic Algorithm"].value == enums.CryptographicAlgorithm.EC, got
    assert got["Cryptographic Length"].value == 256, got["Cryptographic Length"].value
    if "Certificate Type" in got:
        assert got["Certificate Type"].value == enums.CertificateType.X_509, got
    if "Certificate Length" in got:
        assert got["Certificate Length"].value == len(der), got["Certificate Length"].value


def scenario_certificate_locate(client, version):
    der = certificate_der("pykmip-%s" % uuid.uuid4())
    uid = client.register(objects.X509Certificate(der))
    by_type = client.locate(
        attributes=[
            FACTORY.create_attribute(
                enums.AttributeType.CERTIFICATE_TYPE, enums.CertificateType.X_509
            )
        ]
    )
    assert uid in by_type, "Locate by Certificate Type did not find it"
    if version != "1.0":
        by_length = client.locate(
            attributes=[FACTORY.create_attribute(enums.AttributeType.CERTIFICATE_LENGTH, len(der))]
        )
        assert uid in by_length, "Locate by Certificate Length did not find it"
    if version == "1.0":
        return  # EC is no KMIP 1.0 algorithm: a 1.0 request cannot name it
    by_algorithm = client.locate(
        attributes=[
            FACTORY.create_attribute(enums.AttributeType.OBJECT_TYPE, enums.ObjectType.CERTIFICATE),
            FACTORY.create_attribute(
                enums.AttributeType.CRYPTOGRAPHIC_ALGORITHM, enums.CryptographicAlgorithm.EC
            ),
        ]
    )
    assert uid in by_algorithm, "Locate by Cryptographic Algorithm did not find it"


def scenario_duplicate_names(client, version):
    name = "pykmip-twice-%s" % uuid.uuid4()
    first = client.create(AES, 128, name=name)
    second = client.create(AES, 128, name=name)
    assert first != second, "one object for two creates"
    found = client.locate(attributes=[FACTORY.create_attribute(enums.AttributeType.NAME, name)])
    assert sorted(found) == sorted([first, second]), "Locate by the name found %s" % found


def scenario_duplicate_names_register(client, version):
    # PyKMIP names every registered key "Symmetric Key": two registrations reuse it.
    one = client.register(objects.SymmetricKey(AES, 128, bytes(range(16))))
    two = client.register(objects.SymmetricKey(AES, 128, bytes(range(16, 32))))
    assert one != two, "one object for two registrations"
    assert bytes(client.get(two).value) == bytes(range(16, 32)), "the second key differs"


def scenario_name_attribute_index(client, version):
    name = "pykmip-indexed-%s" % uuid.uuid4()
    uid = client.create(AES, 128, name=name)
    _, attributes = client.get_attributes(uid, ["Name"])
    assert len(attributes) == 1, "%d Name attributes" % len(attributes)
    attribute = attributes[0]
    assert attribute.attribute_value.name_value.value == name, "another name"
    if version != "2.0":  # 2.0 has no Attribute Index: the instance is named by its value
        index = attribute.attribute_index
        assert index is not None, "no Attribute Index on the Name"
        assert index.value == 0, "Attribute Index %s" % index.value


SCENARIOS = [
    ("certificate_register_get", scenario_certificate_register_get),
    ("certificate_attributes", scenario_certificate_attributes),
    ("certificate_locate", scenario_certificate_locate),
    ("duplicate_names", scenario_duplicate_names),
    ("duplicate_names_register", scenario_duplicate_names_register),
    ("name_attribute_index", scenario_name_attribute_index),
]


def main(host, port, ca, cert, key, version):
    run_scenarios(host, port, ca, cert, key, version, SCENARIOS)


if __name__ == "__main__":
    run_script(main, 6)
