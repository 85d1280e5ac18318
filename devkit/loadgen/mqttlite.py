"""A deliberately tiny asyncio MQTT v5 client for the fleet simulator: CONNECT (user/password, last will),
PUBLISH QoS 0/1 (optionally with the ``sent_at`` user property, as real seats send it), PUBACK with reason
codes, PINGREQ, DISCONNECT.

Why not paho per simulated seat: a paho client is a socket plus a thread (or a select loop) plus ~100 KiB of
Python state; ten thousand of them do not fit two shared cores. One asyncio loop multiplexes thousands of TLS
connections, each a real MQTT v5 session with its own account, exactly what the broker sees from real seats.
Not for production: no QoS 2, no inbound publishes, no session resumption.
"""

from __future__ import annotations

import asyncio
import contextlib
import ssl
import struct
import time
from collections.abc import Callable


class MqttError(RuntimeError):
    pass


def _varint(n: int) -> bytes:
    out = bytearray()
    while True:
        byte, n = n % 128, n // 128
        out.append(byte | (0x80 if n else 0))
        if not n:
            return bytes(out)


def _str(s: str | bytes) -> bytes:
    b = s.encode() if isinstance(s, str) else s
    return struct.pack("!H", len(b)) + b


def _packet(first: int, body: bytes) -> bytes:
    return bytes([first]) + _varint(len(body)) + body


def connect_packet(
    client_id: str, username: str, password: str, keepalive_s: int = 60, will: tuple[str, bytes] | None = None
) -> bytes:
    flags = 0x80 | 0x40 | 0x02  # username, password, clean start
    payload = _str(client_id)
    if will:
        flags |= 0x04 | (1 << 3) | 0x20  # will, will QoS 1, will retain
        payload += b"\x00" + _str(will[0]) + _str(will[1])
    payload += _str(username) + _str(password)
    var = _str("MQTT") + bytes([5, flags]) + struct.pack("!H", keepalive_s) + b"\x00"
    return _packet(0x10, var + payload)


def publish_packet(
    topic: str, payload: bytes, mid: int, qos: int = 1, retain: bool = False, sent_at: float | None = None
) -> bytes:
    first = 0x30 | (qos << 1) | int(retain)
    props = b"" if sent_at is None else b"\x26" + _str("sent_at") + _str(f"{sent_at:.3f}")  # user property
    var = _str(topic) + (struct.pack("!H", mid) if qos else b"") + _varint(len(props)) + props
    return _packet(first, var + payload)


class LiteClient:
    """One MQTT v5 connection. ``on_ack(client, mid, reason, t)`` is called for every PUBACK."""

    def __init__(self, on_ack: Callable[[LiteClient, int, int, float], None]) -> None:
        self._on_ack = on_ack
        self._reader: asyncio.StreamReader | None = None
        self._writer: asyncio.StreamWriter | None = None
        self._mid = 0
        self._task: asyncio.Task[None] | None = None
        self.connected = False

    async def connect(
        self,
        host: str,
        port: int,
        ssl_ctx: ssl.SSLContext | None,
        client_id: str,
        username: str,
        password: str,
        will: tuple[str, bytes] | None = None,
        keepalive_s: int = 120,
        timeout_s: float = 30.0,
    ) -> None:
        reader, writer = await asyncio.wait_for(
            asyncio.open_connection(host, port, ssl=ssl_ctx, server_hostname=host if ssl_ctx else None),
            timeout_s,
        )
        self._reader, self._writer = reader, writer
        writer.write(connect_packet(client_id, username, password, keepalive_s, will))
        first, body = await asyncio.wait_for(self._read_packet(), timeout_s)
        if first >> 4 != 2 or len(body) < 2 or body[1] >= 0x80:
            raise MqttError(
                f"connection refused: CONNACK reason 0x{body[1]:02x}" if len(body) > 1 else "bad CONNACK"
            )
        self.connected = True
        self._task = asyncio.create_task(self._read_loop(keepalive_s))

    async def _read_packet(self) -> tuple[int, bytes]:
        assert self._reader is not None
        first = (await self._reader.readexactly(1))[0]
        mult, length = 1, 0
        for _ in range(4):
            b = (await self._reader.readexactly(1))[0]
            length += (b & 0x7F) * mult
            mult *= 128
            if not b & 0x80:
                break
        return first, await self._reader.readexactly(length) if length else b""

    async def _read_loop(self, keepalive_s: int) -> None:
        try:
            while True:
                try:
                    first, body = await asyncio.wait_for(self._read_packet(), keepalive_s / 2)
                except TimeoutError:
                    self._send(b"\xc0\x00")  # PINGREQ
                    continue
                if first >> 4 == 4:  # PUBACK
                    mid = struct.unpack("!H", body[:2])[0]
                    self._on_ack(self, mid, body[2] if len(body) > 2 else 0, time.time())
        except (asyncio.IncompleteReadError, ConnectionError, OSError):
            pass
        finally:
            self.connected = False

    def _send(self, data: bytes) -> None:
        if self._writer is None or self._writer.is_closing():
            raise MqttError("not connected")
        self._writer.write(data)

    def publish(
        self, topic: str, payload: bytes, qos: int = 1, retain: bool = False, sent_at: float | None = None
    ) -> int:
        self._mid = self._mid % 65535 + 1
        self._send(publish_packet(topic, payload, self._mid, qos, retain, sent_at))
        return self._mid

    async def close(self, clean: bool = True) -> None:
        if self._writer is not None and not self._writer.is_closing():
            if clean:
                self._writer.write(b"\xe0\x00")  # DISCONNECT: no will
            self._writer.close()
            with contextlib.suppress(TimeoutError, OSError, ssl.SSLError):
                await asyncio.wait_for(self._writer.wait_closed(), 2)
        if self._task:
            self._task.cancel()
