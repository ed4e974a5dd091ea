"""Fetching a URL for ``extract``, ``match`` and ``match --feed``: one deadline, and redirects kept in bounds.

``urllib.request.urlopen`` was not enough: its timeout bounds each read of the socket, so a server
sending a few bytes every few seconds kept a fetch (and a scheduled ``match --feed``) going for
ever, and it followed a redirect to any host, an internal address included. Here a fetch is
http.client over a socket we connect ourselves:

- **One deadline** for the whole fetch, redirects included (``DEFAULT_DEADLINE`` seconds, else
  ``$CLAIMTRACK_FETCH_TIMEOUT``): a monotonic clock is checked before every read, write and
  connection, and the socket's timeout is set to the time left each time, so no server can hold
  a fetch past it. Looking the name up (``resolve``) waits at most the time left too.
- **Redirects**: at most ``MAX_REDIRECTS``; only to http(s); never round in a loop; and never from
  a public address to one that is not (loopback, private, link-local, unspecified...): a page on
  the internet cannot send claimtrack to a service on this machine or its network. A URL you type
  may itself be on such an address. Each address is checked as resolved and then connected to, so
  the name cannot resolve differently in between.

Every failure is one ``InvalidInput`` naming the URL it is about (a redirect's target when the
redirect is what is refused). HTTP proxies (``$http_proxy``) are not used.
"""

from __future__ import annotations

import http.client
import io
import ipaddress
import math
import os
import socket
import ssl
import threading
import time
from typing import Any
from urllib.parse import quote, urljoin, urlsplit

from claimtrack.errors import InvalidInput
from claimtrack.textsafe import terminal

DEFAULT_DEADLINE = 30.0  # seconds for a whole fetch, redirects included
DEADLINE_ENV = "CLAIMTRACK_FETCH_TIMEOUT"
MAX_DEADLINE = 3600.0
MAX_REDIRECTS = 5
REDIRECTS = (301, 302, 303, 307, 308)
CHUNK = 64 * 1024
_ADVICE = "or save the page and give the file"


class _Late(Exception):
    """The deadline passed."""


def deadline_seconds() -> float:
    """The fetch deadline: ``$CLAIMTRACK_FETCH_TIMEOUT`` seconds when set, else ``DEFAULT_DEADLINE``."""
    raw = os.environ.get(DEADLINE_ENV, "").strip()
    if not raw:
        return DEFAULT_DEADLINE
    try:
        value = float(raw)
    except ValueError:
        value = math.nan
    if not 0 < value <= MAX_DEADLINE:  # also refuses nan
        raise InvalidInput(
            f"{DEADLINE_ENV}={terminal(raw)} is not a number of seconds from 0 to {MAX_DEADLINE:.0f}; "
            f"set it to one such as 30, or unset it for the default of {DEFAULT_DEADLINE:.0f} s"
        )
    return value


class _Clock:
    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.end = time.monotonic() + seconds

    def left(self) -> float:
        """Seconds left; raises ``_Late`` when none are."""
        left = self.end - time.monotonic()
        if left <= 0:
            raise _Late
        return left


# ---- which addresses a redirect may lead to ---------------------------------------------------------------


def resolve(host: str, port: int) -> list[str]:
    """The IP addresses of ``host`` (tests replace this to stand for DNS)."""
    return list(dict.fromkeys(str(info[4][0]) for info in socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)))


def is_public(address: str) -> bool:
    """Whether an IP address is on the public internet: not loopback, private, link-local,
    unspecified, reserved, multicast or shared (an IPv4 address written as IPv6 counts as itself)."""
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return ip.is_global and not ip.is_multicast


def check_redirect(came_from_public: bool, target: str, addresses: list[str]) -> None:
    """Refuse a redirect from a public address to ``target`` when any of its ``addresses`` is not public."""
    if came_from_public and not all(is_public(a) for a in addresses):
        raise InvalidInput(
            f"could not fetch {terminal(target)}: a page on the internet redirected to it, and it is "
            "on this machine or a private network, which claimtrack does not follow; give that "
            "address yourself if you mean it"
        )


def _addresses(host: str, port: int, clock: _Clock, shown: str) -> list[str]:
    """``resolve(host, port)``, waiting no longer than the deadline (a lookup cannot be interrupted:
    it runs in a thread left behind when late)."""
    found: list[Any] = []

    def run() -> None:
        try:
            found.append(resolve(host, port))
        except Exception as exc:  # reported below, in the caller's thread
            found.append(exc)

    worker = threading.Thread(target=run, daemon=True)
    worker.start()
    worker.join(clock.left())
    if not found:
        raise _Late
    if isinstance(found[0], BaseException):
        reason = found[0].strerror if isinstance(found[0], OSError) and found[0].strerror else found[0]
        raise InvalidInput(f"could not fetch {shown}: {reason}; check the address and your connection, {_ADVICE}")
    if not found[0]:
        raise InvalidInput(f"could not fetch {shown}: the name has no address; check the address, {_ADVICE}")
    return found[0]


# ---- a socket that cannot outlive the deadline --------------------------------------------------------------


class _TimedReader(io.RawIOBase):
    def __init__(self, sock: socket.socket, clock: _Clock) -> None:
        self.sock, self.clock = sock, clock

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        self.sock.settimeout(self.clock.left())
        return self.sock.recv_into(buffer)


class _TimedSocket:
    """What http.client sees of the socket: every read and write gets the time left, no more."""

    def __init__(self, sock: socket.socket, clock: _Clock) -> None:
        self.sock, self.clock = sock, clock

    def makefile(self, mode: str = "rb", *args: Any, **kwargs: Any) -> io.BufferedReader:
        return io.BufferedReader(_TimedReader(self.sock, self.clock))

    def sendall(self, data: bytes) -> None:
        self.sock.settimeout(self.clock.left())
        self.sock.sendall(data)

    def close(self) -> None:
        pass  # http.client closes its side as soon as it has the response; the fetch closes the socket

    def __getattr__(self, name: str) -> Any:
        return getattr(self.sock, name)


def _connect(addresses: list[str], port: int, clock: _Clock) -> socket.socket:
    error: OSError | None = None
    for address in addresses:
        family = socket.AF_INET6 if ":" in address else socket.AF_INET
        sock = socket.socket(family, socket.SOCK_STREAM)
        try:
            sock.settimeout(clock.left())
            sock.connect((address, port))
            return sock
        except OSError as exc:
            sock.close()
            if isinstance(exc, TimeoutError):
                raise
            error = exc
    assert error is not None
    raise error


# ---- the fetch ----------------------------------------------------------------------------------------------


def fetch(url: str, max_bytes: int, user_agent: str) -> tuple[bytes, str | None, str]:
    """The body of an http(s) ``url`` (at most ``max_bytes`` + 1 bytes are read), its content type
    and the address it ended at, within one deadline."""
    shown = terminal(url)
    seconds = deadline_seconds()
    clock = _Clock(seconds)
    current, public, seen = url, False, {url}
    try:
        for hop in range(MAX_REDIRECTS + 1):
            here_public, content_type, location, body = _one(current, clock, max_bytes, user_agent, public)
            public = public or here_public
            if location is None:
                return body, content_type, current
            try:
                target = urljoin(current, location)
                scheme = urlsplit(target).scheme.lower()
            except ValueError as exc:
                raise InvalidInput(
                    f"could not fetch {terminal(current)}: it redirects to "
                    f"{terminal(location)}, which is not an address ({exc})"
                ) from None
            if scheme not in ("http", "https"):
                raise InvalidInput(
                    f"could not fetch {terminal(target)}: {terminal(current)} redirected to it, and "
                    "claimtrack only follows http and https addresses"
                )
            if target in seen:
                raise InvalidInput(
                    f"could not fetch {shown}: it redirects in a loop (back to {terminal(target)}); "
                    f"open it in a browser to see where it leads, {_ADVICE}"
                )
            if hop == MAX_REDIRECTS:
                break
            seen.add(target)
            current = target
        raise InvalidInput(
            f"could not fetch {shown}: more than {MAX_REDIRECTS} redirects (the last to "
            f"{terminal(target)}); give the address it ends at, {_ADVICE}"
        )
    except (_Late, TimeoutError):
        raise InvalidInput(
            f"could not fetch {shown}: no complete answer within {seconds:g} s (the deadline of a "
            f"fetch; ${DEADLINE_ENV} sets it); check your connection, {_ADVICE}"
        ) from None


def _one(
    url: str, clock: _Clock, max_bytes: int, user_agent: str, came_from_public: bool
) -> tuple[bool, str | None, str | None, bytes]:
    """One request: (whether the server's address is public, the content type, the redirect's
    Location or None, the body when not a redirect)."""
    shown = terminal(url)
    try:
        parts = urlsplit(url)
        host, port = parts.hostname, parts.port
    except ValueError as exc:
        raise InvalidInput(f"could not fetch {shown}: {exc}; check the address") from None
    if not host:
        raise InvalidInput(f"could not fetch {shown}: it names no host; check the address")
    https = parts.scheme.lower() == "https"
    port = port or (443 if https else 80)
    addresses = _addresses(host, port, clock, shown)
    check_redirect(came_from_public, url, addresses)
    target = quote((parts.path or "/") + (f"?{parts.query}" if parts.query else ""), safe="!#$%&'()*+,/:;=?@[]~")
    sock: socket.socket | None = None
    try:
        sock = _connect(addresses, port, clock)
        public = is_public(sock.getpeername()[0])
        if https:
            sock.settimeout(clock.left())
            sock = ssl.create_default_context().wrap_socket(sock, server_hostname=host)
        connection = (http.client.HTTPSConnection if https else http.client.HTTPConnection)(host, port)
        connection.sock = _TimedSocket(sock, clock)
        connection.request(
            "GET",
            target,
            headers={"User-Agent": user_agent, "Connection": "close", "Accept": "text/html, text/plain, */*"},
        )
        response = connection.getresponse()
        content_type = response.msg.get_content_type() if response.msg else None
        if response.status in REDIRECTS:
            location = response.getheader("Location")
            if not location:
                raise InvalidInput(
                    f"could not fetch {shown}: the server answered {response.status} (a redirect) "
                    "without saying where to"
                )
            return public, content_type, location.strip(), b""
        if not 200 <= response.status < 300:
            raise InvalidInput(
                f"could not fetch {shown}: the server answered {response.status} {terminal(response.reason)}"
            )
        chunks, size = [], 0
        while size <= max_bytes:
            clock.left()
            chunk = response.read1(CHUNK)
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
        return public, content_type, None, b"".join(chunks)
    except (_Late, TimeoutError, InvalidInput):
        raise
    except ssl.SSLError as exc:
        reason = getattr(exc, "verify_message", None) or exc.reason or exc  # "certificate verify failed: ..."
        raise InvalidInput(f"could not fetch {shown}: {reason}; check the address, {_ADVICE}") from None
    except (http.client.HTTPException, OSError, ValueError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else (str(exc) or type(exc).__name__)
        raise InvalidInput(
            f"could not fetch {shown}: {reason}; check the address and your connection, {_ADVICE}"
        ) from None
    finally:
        if sock is not None:
            sock.close()
