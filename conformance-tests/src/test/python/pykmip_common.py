"""What the PyKMIP scripts here share: the protocol versions by name, a client connected the way
the Java tests ask (PyKmip.java), the loop that runs scenarios and prints one result line each, and
the exit code that tells a broken script from failed scenarios.
"""
import sys
import traceback

from kmip.core import enums
from kmip.pie.client import ProxyKmipClient

VERSIONS = {
    "1.0": enums.KMIPVersion.KMIP_1_0,
    "1.1": enums.KMIPVersion.KMIP_1_1,
    "1.2": enums.KMIPVersion.KMIP_1_2,
    "1.3": enums.KMIPVersion.KMIP_1_3,
    "1.4": enums.KMIPVersion.KMIP_1_4,
    "2.0": enums.KMIPVersion.KMIP_2_0,
}


def open_client(host, port, ca, cert, key, version, **more):
    """An open ProxyKmipClient speaking VERSION; MORE (username, password) go to its constructor."""
    client = ProxyKmipClient(
        hostname=host,
        port=int(port),
        ca=ca,
        cert=cert,
        key=key,
        config_file="/dev/null",
        kmip_version=VERSIONS[version],
        **more
    )
    client.open()
    return client


def run_scenarios(host, port, ca, cert, key, version, scenarios):
    """Runs each (name, scenario) in turn as scenario(client, version) on one connection and prints
    "SCENARIO <name> PASS" or "SCENARIO <name> FAIL <reason>": the Java test judges them."""
    client = open_client(host, port, ca, cert, key, version)
    try:
        for name, scenario in scenarios:
            try:
                scenario(client, version)
                print("SCENARIO %s PASS" % name)
            except Exception as e:  # every failure is a result to report, not a crash
                reason = (str(e) or type(e).__name__).replace("\n", " ")
                print("SCENARIO %s FAIL %s: %s" % (name, type(e).__name__, reason))
            sys.stdout.flush()
    finally:
        client.close()


def run_script(main, arguments):
    """Calls main with the first ARGUMENTS command-line arguments; a script that breaks exits 1."""
    try:
        main(*sys.argv[1 : 1 + arguments])
    except Exception:
        traceback.print_exc()
        sys.exit(1)
