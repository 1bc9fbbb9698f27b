"""Checking an uploaded file for viruses before it is kept.

``KINFOLK_DOCUMENT_SCANNER`` names the scanner, a class whose ``scan(content)`` returns the
name of what it found (``None`` for a clean file) or raises ``ScannerUnavailable``. Production
uses ClamAV's daemon (``ClamdScanner``); development and the tests use ``EicarStandIn``,
which finds only the EICAR test file. The Python clients of clamd on PyPI are unmaintained,
so ``ClamdScanner`` speaks clamd's ``INSTREAM`` command itself (docs/documents.md).
"""

import socket
import struct
from typing import Protocol

from django.conf import settings
from django.utils.module_loading import import_string


class ScannerUnavailable(Exception):
    """The scanner could not be asked or did not answer: the file is not kept."""


class Scanner(Protocol):
    def scan(self, content: bytes) -> str | None: ...


#: The EICAR anti-virus test file's signature, in two parts so that no file of the project
#: is itself the test file.
EICAR_SIGNATURE = "X5O!P%@AP[4\\PZX54(P^)7CC)7}$" + "EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*"


class EicarStandIn:
    """A stand-in for a virus scanner, for development and tests: it finds the EICAR test
    string anywhere in a file, and nothing else."""

    def scan(self, content: bytes) -> str | None:
        return "Eicar-Test-Signature" if EICAR_SIGNATURE.encode() in content else None


class ClamdScanner:
    """ClamAV's daemon, over its Unix socket (``KINFOLK_CLAMD_SOCKET``) or TCP
    (``KINFOLK_CLAMD_HOST`` and ``KINFOLK_CLAMD_PORT``), by the ``INSTREAM`` command: the file
    in chunks, each after its length as four bytes in network order, then a zero length."""

    CHUNK = 64 * 1024

    def connect(self) -> socket.socket:
        timeout = float(getattr(settings, "KINFOLK_CLAMD_TIMEOUT_SECONDS", 30))
        path = getattr(settings, "KINFOLK_CLAMD_SOCKET", "")
        if path:
            connection = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
            connection.settimeout(timeout)
            connection.connect(path)
            return connection
        address = (settings.KINFOLK_CLAMD_HOST, int(settings.KINFOLK_CLAMD_PORT))
        return socket.create_connection(address, timeout=timeout)

    def scan(self, content: bytes) -> str | None:
        try:
            with self.connect() as connection:
                connection.sendall(b"zINSTREAM\0")
                for start in range(0, len(content), self.CHUNK):
                    chunk = content[start : start + self.CHUNK]
                    connection.sendall(struct.pack("!L", len(chunk)) + chunk)
                connection.sendall(struct.pack("!L", 0))
                reply = b""
                while not reply.endswith(b"\0"):
                    data = connection.recv(4096)
                    if not data:
                        break
                    reply += data
        except OSError as error:
            raise ScannerUnavailable(str(error)) from error
        return parse_reply(reply.rstrip(b"\0").decode("utf-8", "replace"))


def parse_reply(reply: str) -> str | None:
    """clamd's answer to ``INSTREAM``: ``stream: OK``, ``stream: <name> FOUND``, or an
    error (``... ERROR``), which is not an answer about the file."""
    if reply.endswith(" FOUND"):
        return reply.removeprefix("stream:").removesuffix(" FOUND").strip()
    if reply.endswith(": OK"):
        return None
    raise ScannerUnavailable(reply or "no reply from clamd")


def scanner() -> Scanner:
    """The scanner the settings name."""
    scanner_class = import_string(settings.KINFOLK_DOCUMENT_SCANNER)
    instance: Scanner = scanner_class()
    return instance
