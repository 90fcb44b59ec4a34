#!/usr/bin/python3
"""Asks an Arca server, through PyKMIP's own client, for DiscoverVersions and Query at one KMIP version.

Usage: pykmip_discover_query.py HOST PORT CA CERT KEY VERSION   (VERSION: 1.0 .. 2.0, as PyKMIP knows them)
Prints what PyKMIP decoded as KEY=VALUE lines (lists comma-separated), so the Java test can check it;
exits non-zero on any error.
"""
import sys

from kmip.core import enums
from kmip.services.kmip_client import KMIPProxy


def name(value, enumeration):
    """An enumeration value's name as PyKMIP knows it, or its number where PyKMIP does not know it."""
    if hasattr(value, "name"):
        return value.name
    try:
        return enumeration(value).name
    except ValueError:
        return "0x%08X" % value


def main(host, port, ca, cert, key, version):
    kmip_version = {
        "1.0": enums.KMIPVersion.KMIP_1_0,
        "1.1": enums.KMIPVersion.KMIP_1_1,
        "1.2": enums.KMIPVersion.KMIP_1_2,
        "1.3": enums.KMIPVersion.KMIP_1_3,
        "1.4": enums.KMIPVersion.KMIP_1_4,
        "2.0": enums.KMIPVersion.KMIP_2_0,
    }[version]
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
    finally:
        proxy.close()
    return {
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
    }


if __name__ == "__main__":
    for key, value in main(*sys.argv[1:7]).items():
        print("%s=%s" % (key, ",".join(value) if isinstance(value, list) else value))
