#!/usr/bin/python3
"""PyKMIP's client re-keys symmetric keys and key pairs on an Arca server (KMIP 1.4 §4.4-4.5,
2.0 §6.1.42-43): the replacement takes over the Names, an Offset sets its Activation Date, and the
spec's refusals come with the spec's Result Reason.

Usage: pykmip_rekey.py HOST PORT CA CERT KEY VERSION   (VERSION: 1.0 .. 1.4)
Prints one line per scenario, "SCENARIO <name> PASS" or "SCENARIO <name> FAIL <reason>", and exits 0
whatever the scenarios did (the Java test judges them); a non-zero exit means the script itself broke.
"""
import time
import uuid

from kmip.core import attributes as core_attributes
from kmip.core import enums
from kmip.core.factories import attributes as attribute_factories
from kmip.pie import exceptions

from pykmip_common import run_scenarios, run_script


AES = enums.CryptographicAlgorithm.AES
FACTORY = attribute_factories.AttributeFactory()


def values(attributes):
    found = {}
    for a in attributes:
        found.setdefault(a.attribute_name.value, []).append(a.attribute_value)
    return found


def names(client, uid):
    _, attributes = client.get_attributes(uid, ["Name"])
    return [n.name_value.value for n in values(attributes).get("Name", [])]


def locate_by_name(client, name):
    return client.locate(attributes=[FACTORY.create_attribute(enums.AttributeType.NAME, name)])


def refused_with(call, reason):
    try:
        call()
    except exceptions.KmipOperationFailure as e:
        assert e.reason == reason, "refused with %s (expected: %s): %s" % (e.reason, reason, e)
        return
    raise AssertionError("not refused (expected: %s)" % reason)


def scenario_rekey_takes_over_the_name(client, version):
    name = "pykmip-rekey-%s" % uuid.uuid4()
    old = client.create(AES, 256, name=name)
    new = client.rekey(uid=old)
    assert new != old, "the replacement has the old identifier"
    assert names(client, new) == [name], "the replacement's names: %s" % names(client, new)
    assert names(client, old) == [], "the old key kept %s" % names(client, old)
    assert locate_by_name(client, name) == [new], "Locate by the name: %s" % locate_by_name(
        client, name
    )


def scenario_rekey_offset_sets_the_activation_date(client, version):
    old = client.create(AES, 128)
    new = client.rekey(uid=old, offset=3600)
    _, attributes = client.get_attributes(new, ["Initial Date", "Activation Date", "State"])
    got = values(attributes)
    initial = got["Initial Date"][0].value
    activation = got["Activation Date"][0].value
    assert activation == initial + 3600, "Activation Date %s, Initial Date %s" % (
        activation,
        initial,
    )
    assert got["State"][0].value == enums.State.PRE_ACTIVE, "state %s" % got["State"][0].value


def scenario_rekey_offset_beside_a_date_is_invalid_message(client, version):
    old = client.create(AES, 128)
    refused_with(
        lambda: client.rekey(uid=old, offset=60, activation_date=int(time.time()) + 86400),
        enums.ResultReason.INVALID_MESSAGE,
    )


def scenario_rekey_of_a_destroyed_key_is_refused(client, version):
    old = client.create(AES, 128)
    client.destroy(old)
    # Key Value Not Present from KMIP 1.2; before, "not able to be re-keyed": Permission Denied.
    reason = (
        enums.ResultReason.PERMISSION_DENIED
        if version in ("1.0", "1.1")
        else enums.ResultReason.KEY_VALUE_NOT_PRESENT
    )
    refused_with(lambda: client.rekey(uid=old), reason)


def scenario_rekey_key_pair_takes_over_both_names(client, version):
    name = "pykmip-pair-%s" % uuid.uuid4()
    public, private = client.create_key_pair(
        enums.CryptographicAlgorithm.RSA,
        2048,
        public_name=name + "-public",
        private_name=name + "-private",
    )
    # The high-level client has no Re-key Key Pair: its proxy's takes the identifier as a field.
    result = client.proxy.rekey_key_pair(
        private_key_uuid=core_attributes.PrivateKeyUniqueIdentifier(private)
    )
    assert result.result_status.value == enums.ResultStatus.SUCCESS, result.result_message
    new_private = getattr(result.private_key_uuid, "value", result.private_key_uuid)
    new_public = getattr(result.public_key_uuid, "value", result.public_key_uuid)
    assert names(client, new_private) == [name + "-private"], names(client, new_private)
    assert names(client, new_public) == [name + "-public"], names(client, new_public)
    assert names(client, private) == [] and names(client, public) == [], "old names kept"


SCENARIOS = [
    ("rekey_takes_over_the_name", scenario_rekey_takes_over_the_name),
    ("rekey_offset_sets_the_activation_date", scenario_rekey_offset_sets_the_activation_date),
    (
        "rekey_offset_beside_a_date_is_invalid_message",
        scenario_rekey_offset_beside_a_date_is_invalid_message,
    ),
    ("rekey_of_a_destroyed_key_is_refused", scenario_rekey_of_a_destroyed_key_is_refused),
    ("rekey_key_pair_takes_over_both_names", scenario_rekey_key_pair_takes_over_both_names),
]


def main(host, port, ca, cert, key, version):
    # Re-key Key Pair is KMIP 1.1+: not run at 1.0, so not reported
    wanted = [(name, s) for name, s in SCENARIOS
              if not (name.startswith("rekey_key_pair") and version == "1.0")]
    run_scenarios(host, port, ca, cert, key, version, wanted)


if __name__ == "__main__":
    run_script(main, 6)
