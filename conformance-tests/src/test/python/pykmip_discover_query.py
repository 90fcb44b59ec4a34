#!/usr/bin/python3
"""Asks an Arca server, through PyKMIP's own client, for DiscoverVersions and Query at one KMIP version.

Usage: pykmip_discover_query.py HOST PORT CA CERT KEY VERSION   (VERSION: 1.0 .. 2.0, as PyKMIP knows them)
Prints what PyKMIP decoded as KEY=VALUE lines (lists comma-separated), so the Java test can check it;
exits non-zero on any error.
"""
import sys

from kmip.core import enums
from kmip.services.kmip_client import KMIPProxy

from pykmip_common import VERSIONS


def name(value, enumeration):
    """An enumeration value's name as PyKMIP knows it, or its number where PyKMIP does not know it."""
    if hasattr(value, "name"):
        return value.name
    try:
        return enumeration(value).name
    except ValueError:
        return "0x%08X" % value


def main(host, port, ca, cert, key, version):
    kmip_version = VERSIONS[version]
    proxy = KMIPProxy(
        host=host,
        port=int(port),
        ca_certs=ca,
        certfile=cert,
        keyfile=key,
        cert_reqs="CERT_REQUIRED",
        ssl_version="PROTOCOL_TLS",
        kmip_version=kmip_version,
        config_file="/dev/null",
    )
    proxy.open()
    try:
        try:
            discovered = proxy.discover_versions()
        except Exception as e:  # a 1.0 server does not serve Discover Versions (KMIP 1.1 added it)
            discovered = None
            refused = type(e).__name__
        query = proxy.query(
            query_functions=[
                enums.QueryFunction.QUERY_OPERATIONS,
                enums.QueryFunction.QUERY_OBJECTS,
                enums.QueryFunction.QUERY_SERVER_INFORMATION,
            ]
        )
        everything = query_everything(proxy, kmip_version)
    finally:
        proxy.close()
    return dict(everything, **{
        "discover_status": (
            discovered.result_status.value.name if discovered else "REFUSED " + refused
        ),
        "versions": [
            "%d.%d" % (v.major, v.minor)
            for v in ((discovered.protocol_versions if discovered else None) or [])
        ],
        "query_status": query.result_status.value.name,
        "operations": sorted(name(op.value, enums.Operation) for op in (query.operations or [])),
        "object_types": sorted(name(t.value, enums.ObjectType) for t in (query.object_types or [])),
        "vendor": getattr(query.vendor_identification, "value", query.vendor_identification),
    })


def query_everything(proxy, kmip_version):
    """Asks in one Query for every function the version defines and PyKMIP can decode, and returns
    what PyKMIP's own payload decoder made of the answer. PyKMIP's QueryResult keeps only the 1.0
    fields, so the request goes through the proxy's message layer and the payload is read whole.

    Left out at 2.0, where PyKMIP departs from the specification: Query Extension Map (PyKMIP reads
    Extension Type as an Integer, KMIP 2.0 §7.9 makes it an Item Type Enumeration) and Query Storage
    Protection Masks (PyKMIP reads bare Protection Storage Mask integers, KMIP 2.0 Table 260 a
    Protection Storage Masks structure); and Query Defaults Information, whose Attributes hold
    Fresh, Sensitive and Extractable, attributes PyKMIP's 2.0 decoder does not know
    (QueryEndToEndTest checks the defaults)."""
    functions = [
        enums.QueryFunction.QUERY_OPERATIONS,
        enums.QueryFunction.QUERY_APPLICATION_NAMESPACES,
    ]
    if kmip_version >= enums.KMIPVersion.KMIP_1_1:
        functions.append(enums.QueryFunction.QUERY_EXTENSION_LIST)
        if kmip_version < enums.KMIPVersion.KMIP_2_0:
            functions.append(enums.QueryFunction.QUERY_EXTENSION_MAP)
    if kmip_version >= enums.KMIPVersion.KMIP_1_2:
        functions.append(enums.QueryFunction.QUERY_ATTESTATION_TYPES)
    if kmip_version >= enums.KMIPVersion.KMIP_1_3:
        functions += [
            enums.QueryFunction.QUERY_RNGS,
            enums.QueryFunction.QUERY_VALIDATIONS,
            enums.QueryFunction.QUERY_PROFILES,
            enums.QueryFunction.QUERY_CAPABILITIES,
            enums.QueryFunction.QUERY_CLIENT_REGISTRATION_METHODS,
        ]
    request = proxy._build_request_message(None, [proxy._build_query_batch_item(functions)])
    item = proxy._send_and_receive_message(request).batch_items[0]
    status = item.result_status.value.name
    if status != "SUCCESS":
        return {"full_status": status, "full_reason": item.result_message.value}
    payload = item.response_payload

    def values(things):
        return things or []

    answer = {
        "full_status": status,
        "full_functions": str(len(functions)),
        "full_operations": str(len(values(payload.operations))),
        "application_namespaces": list(values(payload.application_namespaces)),
        "extension_names": [e.extension_name.value for e in values(payload.extension_information)],
        "extension_tags": [
            "0x%06X" % e.extension_tag.value
            for e in values(payload.extension_information)
            if e.extension_tag is not None
        ],
        "attestation_types": [t.name for t in values(payload.attestation_types)],
        "validations": [str(v) for v in values(payload.validation_information)],
        "client_registration_methods": [
            m.name for m in values(payload.client_registration_methods)
        ],
    }
    if kmip_version >= enums.KMIPVersion.KMIP_1_3:
        answer["rng_algorithms"] = [r.rng_algorithm.name for r in values(payload.rng_parameters)]
        answer["drbg_algorithms"] = [
            r.drbg_algorithm.name for r in values(payload.rng_parameters) if r.drbg_algorithm
        ]
        answer["profiles"] = [p.profile_name.name for p in values(payload.profile_information)]
        capabilities = values(payload.capability_information)
        answer["streaming"] = [str(c.streaming_capability) for c in capabilities]
        answer["asynchronous"] = [str(c.asynchronous_capability) for c in capabilities]
        answer["unwrap_mode"] = [c.unwrap_mode.name for c in capabilities if c.unwrap_mode]
    return answer


if __name__ == "__main__":
    for key, value in main(*sys.argv[1:7]).items():
        print("%s=%s" % (key, ",".join(value) if isinstance(value, list) else value))
