#!/usr/bin/python3
"""PyKMIP's high-level client sends a Username and Password credential with every request.

Usage: pykmip_credentials.py HOST PORT CA CERT KEY VERSION USERNAME PASSWORD
Creates an AES-256 key with the credential in each request header (PyKMIP's username/password
arguments) and prints one line for the Java test to judge:
  "RESULT OK <unique identifier>"  or  "RESULT REFUSED <Result Reason>"
Anything else breaking prints "RESULT ERROR <exception>". The exit status is 0 unless the script
itself broke. The password is never printed.
"""
import sys

from kmip.core import enums
from kmip.pie.exceptions import KmipOperationFailure

from pykmip_common import open_client, run_script


def main(host, port, ca, cert, key, version, username, password):
    client = open_client(host, port, ca, cert, key, version, username=username, password=password)
    try:
        try:
            outcome = "OK " + client.create(enums.CryptographicAlgorithm.AES, 256)
        except KmipOperationFailure as e:
            outcome = "REFUSED " + e.reason.name
        except Exception as e:  # reported for the Java test to show, not a crash
            outcome = "ERROR %s" % type(e).__name__
        print("RESULT " + outcome)
        sys.stdout.flush()
    finally:
        client.close()


if __name__ == "__main__":
    run_script(main, 8)
