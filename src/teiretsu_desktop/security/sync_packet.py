"""The change packet file: what travels through the folder (docs/sync.md has the format).

    MAGIC | u32 header length | header (canonical JSON) | u64 body length | body | Ed25519 signature

The header is readable without the key (center, sending device, key generation, its version vector,
the authority-signed device entries and sealed sync keys) and holds no personal data. The body is the
compressed JSON payload — writes and audit entries — encrypted with AES-256-GCM under the center's
sync key, with the header as associated data. The signature covers everything before it.
"""

from __future__ import annotations

import json
import os
import struct
import zlib
from dataclasses import dataclass
from typing import Any, BinaryIO

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from teiretsu_desktop.security.devices import DeviceIdentity, b64, canonical, unb64

MAGIC = b"TEIRETSU-SYNC-1\n"
FORMAT = "teiretsu-sync-packet"
VERSION = 1
SUFFIX = ".tsync"
MAX_HEADER = 4 * 1024 * 1024
MAX_BODY = 256 * 1024 * 1024  # a day's packet is kilobytes; a first full sync is a copy, not a packet
MAX_PAYLOAD = 512 * 1024 * 1024  # after decompression: a zip bomb stops here
SIGNATURE = 64


class PacketFormatError(ValueError):
    pass


@dataclass(frozen=True)
class Envelope:
    header: dict[str, Any]
    header_bytes: bytes
    body: bytes
    signed: bytes
    signature: bytes


def encode(header: dict[str, Any], payload: dict[str, Any], key: bytes, identity: DeviceIdentity) -> bytes:
    nonce = os.urandom(12)
    header = {**header, "format": FORMAT, "version": VERSION, "nonce": b64(nonce)}
    header_bytes = canonical(header)
    compressed = zlib.compress(canonical(payload), 6)
    body = AESGCM(key).encrypt(nonce, compressed, header_bytes)
    signed = MAGIC + struct.pack(">I", len(header_bytes)) + header_bytes + struct.pack(">Q", len(body)) + body
    return signed + identity.sign(signed)


def decode(data: bytes) -> Envelope:
    """The packet's parts; anything that is not a well-formed packet raises PacketFormatError."""
    try:
        if not data.startswith(MAGIC):
            raise PacketFormatError("magic")
        at = len(MAGIC)
        (header_len,) = struct.unpack_from(">I", data, at)
        if header_len > MAX_HEADER:
            raise PacketFormatError("header size")
        at += 4
        header_bytes = data[at : at + header_len]
        at += header_len
        (body_len,) = struct.unpack_from(">Q", data, at)
        if body_len > MAX_BODY:
            raise PacketFormatError("body size")
        at += 8
        body = data[at : at + body_len]
        at += body_len
        signature = data[at:]
        if len(header_bytes) != header_len or len(body) != body_len or len(signature) != SIGNATURE:
            raise PacketFormatError("truncated")
    except struct.error as exc:
        raise PacketFormatError(type(exc).__name__) from None
    header = _parsed_header(header_bytes)
    return Envelope(header, header_bytes, body, data[: len(data) - SIGNATURE], signature)


def read_header(handle: BinaryIO) -> dict[str, Any]:
    """Only the header of the packet file open in `handle`, without reading its body (a first pass over
    a folder needs the device entries alone); PacketFormatError as `decode` would raise it."""
    head = handle.read(len(MAGIC) + 4)
    if len(head) != len(MAGIC) + 4 or not head.startswith(MAGIC):
        raise PacketFormatError("magic")
    (header_len,) = struct.unpack_from(">I", head, len(MAGIC))
    if header_len > MAX_HEADER:
        raise PacketFormatError("header size")
    header_bytes = handle.read(header_len)
    if len(header_bytes) != header_len:
        raise PacketFormatError("truncated")
    return _parsed_header(header_bytes)


def _parsed_header(header_bytes: bytes) -> dict[str, Any]:
    try:
        header = json.loads(header_bytes.decode("utf-8"))
    except (ValueError, TypeError, OverflowError, RecursionError) as exc:  # JSON errors too
        raise PacketFormatError(type(exc).__name__) from None
    if not isinstance(header, dict) or header.get("format") != FORMAT or header.get("version") != VERSION:
        raise PacketFormatError("header")
    for name, kind in (("center", str), ("device", str), ("packet_id", str), ("key_generation", int),
                       ("vv", dict), ("devices", list), ("envelopes", list), ("nonce", str),
                       ("audit_seen", dict)):  # fmt: skip
        if not isinstance(header.get(name), kind):
            raise PacketFormatError(f"header {name}")
    return header


def decrypt(envelope: Envelope, key: bytes) -> dict[str, Any]:
    """The payload, or PacketFormatError when the key does not open it or its content is malformed."""
    try:
        compressed = AESGCM(key).decrypt(
            unb64(str(envelope.header["nonce"])), envelope.body, envelope.header_bytes
        )
    except (InvalidTag, ValueError):
        raise PacketFormatError("decrypt") from None
    inflater = zlib.decompressobj()
    try:
        raw = inflater.decompress(compressed, MAX_PAYLOAD)
    except zlib.error:
        raise PacketFormatError("compression") from None
    if inflater.unconsumed_tail:
        raise PacketFormatError("payload size")
    try:
        payload = json.loads(raw.decode("utf-8"))
    except (ValueError, TypeError, OverflowError, RecursionError):  # a 5,000-digit number is a ValueError
        raise PacketFormatError("payload") from None
    if not isinstance(payload, dict) or not isinstance(payload.get("writes"), list):
        raise PacketFormatError("payload")
    if not isinstance(payload.get("audit"), list):
        raise PacketFormatError("payload")
    return payload
