"""Fetch a published report (a PDF or an HTML page) from its web address, safely.

Only https addresses on the sites named in IMPORT_URL_HOSTS are fetched, on the
default port unless the entry names another. The site's name is resolved here, once:
if any of its addresses is private, loopback, link-local, multicast, reserved or
otherwise not on the public internet, nothing is fetched, and the attempt is logged.
The connection goes to the address that was checked (no second look-up a rebinding
name server could answer differently), with SNI and certificate verification for the
site's name. Redirects are followed by hand, at most MAX_REDIRECTS, and each hop is
checked like the first. One deadline (IMPORT_URL_TIMEOUT_SECONDS) covers the whole
fetch: a watchdog shuts the connection when it passes, so a server that drips bytes
or never answers cannot hold the request. The body is read in chunks and refused as
soon as it passes IMPORT_DOCUMENT_MAX_BYTES, whatever Content-Length said.

Every refusal is a FileRefused whose message is for the administrator.

Tests reach stand-in servers on loopback through IMPORT_URL_ALLOW_LOOPBACK_FOR_TESTS,
a setting never read from the environment (loopback addresses, and only those, then
pass the address check), with their own certificate authority in IMPORT_URL_CA_BUNDLE
and "localhost:port" entries in IMPORT_URL_HOSTS.
"""

import contextlib
import http.client
import ipaddress
import logging
import re
import socket
import ssl
import threading
import time
import unicodedata
from dataclasses import dataclass
from email.message import Message
from urllib.parse import quote, unquote, urljoin, urlsplit

import certifi
from django.conf import settings
from django.contrib.auth.models import User
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from urllib3.connection import HTTPSConnection
from urllib3.exceptions import HTTPError as Urllib3Error
from urllib3.exceptions import NewConnectionError
from urllib3.exceptions import SSLError as Urllib3SSLError
from urllib3.response import HTTPResponse
from urllib3.util.ssl_match_hostname import CertificateError

from .. import uploads
from .files import FileRefused

security_logger = logging.getLogger("tracker.security")

MAX_REDIRECTS = 5
REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
MAX_URL_LENGTH = 2000
CHUNK_BYTES = 64 * 1024
DEFAULT_PORT = 443
PDF = "application/pdf"
UNSTATED_TYPES = frozenset({"application/octet-stream", "binary/octet-stream"})
HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
USER_AGENT = "track-inspection-recommendations (loading a published report)"
# Well-known NAT64 prefix: its addresses stand for the IPv4 address in the last 32
# bits, which is checked as well.
NAT64 = ipaddress.IPv6Network("64:ff9b::/96")
# Whitespace, control characters and backslashes (which browsers read as "/") have
# no place in an address typed or pasted by a person.
UNSAFE_CHARACTERS = re.compile(r"[\x00-\x20\x7f\\]")


@dataclass(frozen=True)
class FetchedReport:
    data: bytes
    # "application/pdf", "text/html" or "application/xhtml+xml", as the site said.
    content_type: str
    # A safe file name ending .pdf or .html, from Content-Disposition or the path.
    name: str
    # The address the report came from, after any redirects.
    url: str

    @property
    def is_pdf(self) -> bool:
        return self.content_type == PDF


@dataclass(frozen=True)
class _Target:
    url: str
    host: str
    port: int
    # The request target: path and query, percent-encoded.
    path: str

    @property
    def host_header(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        return host if self.port == DEFAULT_PORT else f"{host}:{self.port}"


class _TimedOut(Exception):
    """The fetch's deadline passed."""


def enabled() -> bool:
    """Whether reports may be loaded from a web address (IMPORT_URL_HOSTS not empty)."""
    return bool(_allowed_hosts())


def fetch_report(url: str, *, actor: User | None = None) -> FetchedReport:
    """The report at `url` (a PDF or HTML page on an allowed site), or FileRefused."""
    if not enabled():
        raise FileRefused(
            _("Loading a report from its web address is switched off on this service.")
        )
    deadline = _Deadline(settings.IMPORT_URL_TIMEOUT_SECONDS)
    try:
        return _fetch(url, deadline=deadline, actor=actor)
    except _TimedOut:
        raise FileRefused(
            _(
                "The site did not send the report within %(seconds)s seconds. Try "
                "again later, or download the file and upload it."
            )
            % {"seconds": settings.IMPORT_URL_TIMEOUT_SECONDS}
        ) from None
    finally:
        deadline.close()


def _fetch(url: str, *, deadline: "_Deadline", actor: User | None) -> FetchedReport:
    target = _check_url(url)
    for hop in range(MAX_REDIRECTS + 1):
        connection, response = _request(target, deadline=deadline, actor=actor)
        try:
            if response.status in REDIRECT_STATUSES:
                location = response.headers.get("Location", "")
                if not location:
                    raise FileRefused(
                        _("The site redirected the address without saying where to.")
                    )
                if hop == MAX_REDIRECTS:
                    raise FileRefused(
                        _(
                            "The address redirects more than %(count)d times. Give "
                            "the address of the report itself."
                        )
                        % {"count": MAX_REDIRECTS}
                    )
                target = _check_redirect(urljoin(target.url, location.strip()))
                continue
            if response.status != 200:
                raise FileRefused(
                    _("The site answered “%(status)s %(reason)s” for %(url)s.")
                    % {
                        "status": response.status,
                        "reason": response.reason or "",
                        "url": _shown(target.url),
                    }
                )
            return _read_report(target, response, deadline=deadline)
        finally:
            response.close()
            connection.close()
    raise AssertionError("unreachable: the loop returns or raises")  # pragma: no cover


# The address ---------------------------------------------------------------


def _allowed_hosts() -> frozenset[tuple[str, int]]:
    """(host, port) pairs from IMPORT_URL_HOSTS; an entry without a port means 443."""
    allowed = set()
    for entry in settings.IMPORT_URL_HOSTS:
        try:
            parts = urlsplit("//" + entry.strip())
            host, port = parts.hostname, parts.port
        except ValueError:
            continue
        if host and not parts.username and not parts.path:
            allowed.add((host, port or DEFAULT_PORT))
    return frozenset(allowed)


def _shown(url: str) -> str:
    return url if len(url) <= 200 else url[:199] + "…"


def _check_url(url: str) -> _Target:
    url = url.strip()
    if len(url) > MAX_URL_LENGTH or UNSAFE_CHARACTERS.search(url):
        raise FileRefused(_("The web address is not a valid address."))
    try:
        parts = urlsplit(url)
        host, port = parts.hostname, parts.port
    except ValueError:
        raise FileRefused(_("The web address is not a valid address.")) from None
    if parts.scheme.lower() != "https":
        raise FileRefused(
            _("The web address must start with https:// (a secure address).")
        )
    if "@" in parts.netloc:
        raise FileRefused(
            _("The web address must not contain a user name or password (an “@”).")
        )
    if not host:
        raise FileRefused(_("The web address is not a valid address."))
    port = port or DEFAULT_PORT
    allowed = _allowed_hosts()
    if (host, port) not in allowed:
        names = sorted(
            name if p == DEFAULT_PORT else f"{name}:{p}" for name, p in allowed
        )
        shown = host if port == DEFAULT_PORT else f"{host}:{port}"
        raise FileRefused(
            _(
                "Reports can only be loaded from these sites: %(sites)s. "
                "%(host)s is not one of them."
            )
            % {"sites": ", ".join(names), "host": shown}
        )
    # Characters a person may paste unencoded (spaces were refused above) are
    # percent-encoded; what is already encoded stays as it is.
    path = quote(parts.path or "/", safe="/%:@!$&'()*+,;=-._~")
    if parts.query:
        path += "?" + quote(parts.query, safe="/%:@!$&'()*+,;=-._~?")
    return _Target(url=url, host=host, port=port, path=path)


def _check_redirect(url: str) -> _Target:
    try:
        return _check_url(url)
    except FileRefused as refused:
        raise FileRefused(
            _("The address redirects to %(url)s, which is refused: %(reason)s")
            % {"url": _shown(url), "reason": refused.args[0]}
        ) from None


# The network address -------------------------------------------------------


def _resolve(host: str, port: int) -> list[str]:
    """The host's addresses, in the order the resolver gives them."""
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return list(dict.fromkeys(str(info[4][0]) for info in infos))


def _resolve_within(target: _Target, deadline: "_Deadline") -> list[str]:
    try:
        return [str(ipaddress.ip_address(target.host))]
    except ValueError:
        pass  # a name, to be looked up
    # getaddrinfo cannot be given a time-out: it runs in a thread that is waited
    # for until the deadline, and abandoned (it ends with the resolver's own
    # time-out) if the deadline passes first.
    found: list[list[str]] = []
    failed: list[OSError] = []

    def look_up() -> None:
        try:
            found.append(_resolve(target.host, target.port))
        except OSError as error:
            failed.append(error)

    worker = threading.Thread(target=look_up, name="fetch-resolve", daemon=True)
    worker.start()
    worker.join(deadline.remaining())
    if worker.is_alive():
        raise _TimedOut
    if failed or not found or not found[0]:
        raise FileRefused(
            _("The site %(host)s could not be found.") % {"host": target.host}
        )
    return found[0]


def _is_public(address: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
    if isinstance(address, ipaddress.IPv6Address):
        if address.ipv4_mapped is not None or address.is_site_local:
            return False
        teredo = address.teredo
        embedded = [
            address.sixtofour,
            teredo[1] if teredo else None,
            ipaddress.IPv4Address(int(address) & 0xFFFFFFFF)
            if address in NAT64
            else None,
        ]
        if any(v4 is not None and not _is_public(v4) for v4 in embedded):
            return False
    return address.is_global and not (
        address.is_private
        or address.is_loopback
        or address.is_link_local
        or address.is_multicast
        or address.is_reserved
        or address.is_unspecified
    )


def _is_allowed_address(text: str) -> bool:
    try:
        address = ipaddress.ip_address(text)
    except ValueError:
        return False
    if settings.IMPORT_URL_ALLOW_LOOPBACK_FOR_TESTS and address.is_loopback:
        # Loopback itself (127.0.0.0/8, ::1), never ::ffff:127.0.0.1 or a private
        # network: the stand-in servers of the tests, and nothing else.
        return True
    return _is_public(address)


def _checked_addresses(
    target: _Target, *, deadline: "_Deadline", actor: User | None
) -> list[str]:
    addresses = _resolve_within(target, deadline)
    refused = [a for a in addresses if not _is_allowed_address(a)]
    if refused:
        security_logger.warning(
            "report_fetch_refused",
            extra={
                "security": {
                    "event": "report_fetch_refused",
                    "user": None,
                    "ip": None,
                    "path": None,
                    "actor": actor.get_username() if actor is not None else None,
                    "url": target.url,
                    "host": target.host,
                    "addresses": addresses,
                    "refused": refused,
                }
            },
        )
        raise FileRefused(
            _(
                "The site %(host)s is on a private or local network address, so "
                "the report cannot be fetched from it."
            )
            % {"host": target.host}
        )
    return addresses


# The connection ------------------------------------------------------------


class _Deadline:
    """One deadline for the whole fetch; when it passes, every connection the fetch
    opened is shut, which wakes any read or handshake waiting on it."""

    def __init__(self, seconds: float) -> None:
        self._at = time.monotonic() + seconds
        self._lock = threading.Lock()
        self._expired = False
        # Duplicates of the connections' sockets: shutting one down shuts the
        # connection (even while TLS wraps the original), closing it does not.
        self._sockets: list[socket.socket] = []
        self._timer = threading.Timer(seconds, self._expire)
        self._timer.name = "fetch-deadline"
        self._timer.daemon = True
        self._timer.start()

    @property
    def expired(self) -> bool:
        return self._expired or time.monotonic() >= self._at

    def remaining(self) -> float:
        left = self._at - time.monotonic()
        if left <= 0 or self._expired:
            raise _TimedOut
        return left

    def watch(self, sock: socket.socket) -> None:
        duplicate = sock.dup()
        with self._lock:
            self._sockets.append(duplicate)
            if self._expired:
                self._shut(duplicate)

    def _expire(self) -> None:
        with self._lock:
            self._expired = True
            for sock in self._sockets:
                self._shut(sock)

    @staticmethod
    def _shut(sock: socket.socket) -> None:
        # OSError: the other end closed it already.
        with contextlib.suppress(OSError):
            sock.shutdown(socket.SHUT_RDWR)

    def close(self) -> None:
        self._timer.cancel()
        with self._lock:
            for sock in self._sockets:
                sock.close()
            self._sockets.clear()


class _PinnedConnection(HTTPSConnection):
    """An HTTPS connection to an address already checked, handing its socket to the
    deadline as soon as it is connected (before the TLS handshake)."""

    deadline: _Deadline

    def _new_conn(self) -> socket.socket:
        sock = super()._new_conn()
        self.deadline.watch(sock)
        return sock


def _request(
    target: _Target, *, deadline: _Deadline, actor: User | None
) -> tuple[_PinnedConnection, HTTPResponse]:
    addresses = _checked_addresses(target, deadline=deadline, actor=actor)
    unreachable: NewConnectionError | None = None
    for address in addresses:
        connection = _PinnedConnection(
            host=address,
            port=target.port,
            timeout=deadline.remaining(),
            cert_reqs="CERT_REQUIRED",
            ca_certs=settings.IMPORT_URL_CA_BUNDLE or certifi.where(),
            server_hostname=target.host,
            assert_hostname=target.host,
        )
        connection.deadline = deadline
        try:
            connection.request(
                "GET",
                target.path,
                headers={
                    "Host": target.host_header,
                    "Accept": "application/pdf, text/html, application/xhtml+xml",
                    "User-Agent": USER_AGENT,
                },
                preload_content=False,
                decode_content=False,
            )
            response = connection.getresponse()
        except NewConnectionError as error:
            connection.close()
            if deadline.expired:
                raise _TimedOut from error
            unreachable = error
            continue  # the next of the host's addresses
        except (Urllib3SSLError, ssl.SSLError, CertificateError) as error:
            connection.close()
            if deadline.expired:
                raise _TimedOut from error
            raise FileRefused(
                _(
                    "The secure connection to %(host)s could not be verified, so "
                    "nothing was fetched."
                )
                % {"host": target.host}
            ) from error
        except (Urllib3Error, http.client.HTTPException, OSError) as error:
            connection.close()
            if deadline.expired:
                raise _TimedOut from error
            raise FileRefused(
                _("The site %(host)s did not answer properly.") % {"host": target.host}
            ) from error
        if deadline.expired:
            # Shut mid-headers, http.client takes what came as the whole answer.
            connection.close()
            raise _TimedOut
        return connection, response
    raise FileRefused(
        _("The site %(host)s could not be reached.") % {"host": target.host}
    ) from unreachable


# The answer ----------------------------------------------------------------


def _header_params(name: str, value: str) -> Message:
    message = Message()
    message[name] = value
    return message


def _read_report(
    target: _Target, response: HTTPResponse, *, deadline: _Deadline
) -> FetchedReport:
    limit = settings.IMPORT_DOCUMENT_MAX_BYTES
    too_large = FileRefused(
        _("The file at that address is larger than %(limit)s, the most allowed.")
        % {"limit": filesizeformat(limit)}
    )
    declared_type = response.headers.get("Content-Type", "")
    if not declared_type.strip():
        raise FileRefused(_("The site did not say what kind of file it sent."))
    content_type = _header_params("Content-Type", declared_type).get_content_type()
    # Object stores behind the inspectorate's CDN can send a PDF as bytes of no
    # stated kind: kept only if the bytes are a PDF (checked once read).
    unstated = content_type in UNSTATED_TYPES
    if content_type != PDF and content_type not in HTML_TYPES and not unstated:
        raise FileRefused(
            _(
                "The address gives a file of type “%(type)s”. Give the address of "
                "the report's web page or of its PDF."
            )
            % {"type": declared_type.split(";")[0].strip()[:100]}
        )
    encoding = response.headers.get("Content-Encoding", "").strip().lower()
    if encoding not in {"", "identity"}:
        raise FileRefused(
            _("The site sent the file compressed (%(encoding)s), which is not read.")
            % {"encoding": encoding[:50]}
        )
    length = response.headers.get("Content-Length", "").strip()
    if length.isdigit() and int(length) > limit:
        raise too_large
    data = bytearray()
    try:
        while True:
            chunk = response.read(CHUNK_BYTES)
            if not chunk:
                break
            data += chunk
            if len(data) > limit:
                raise too_large
            deadline.remaining()
    except (Urllib3Error, http.client.HTTPException, OSError) as error:
        if deadline.expired:
            raise _TimedOut from error
        raise FileRefused(
            _("The site %(host)s stopped before sending the whole file.")
            % {"host": target.host}
        ) from error
    # A shut connection can look like the end of a body without a length.
    if deadline.expired:
        raise _TimedOut
    if not data:
        raise FileRefused(_("The file at that address is empty."))
    kind = uploads.sniff(bytes(data[: uploads.HEAD_BYTES]))
    if unstated:
        if kind != "pdf":
            raise FileRefused(
                _(
                    "The address gives a file of type “%(type)s” that is not a PDF. "
                    "Give the address of the report's web page or of its PDF."
                )
                % {"type": declared_type.split(";")[0].strip()[:100]}
            )
        content_type = PDF
    if content_type == PDF and kind != "pdf":
        raise FileRefused(_("The site said the file is a PDF, but it is not one."))
    if content_type in HTML_TYPES and (
        kind or not uploads.is_text(bytes(data[: uploads.HEAD_BYTES]))
    ):
        raise FileRefused(_("The site said the file is a web page, but it is not."))
    disposition = response.headers.get("Content-Disposition", "")
    given = _header_params("Content-Disposition", disposition).get_filename() or ""
    return FetchedReport(
        data=bytes(data),
        content_type=content_type,
        name=_file_name(given, target.path, pdf=content_type == PDF),
        url=target.url,
    )


def _file_name(given: str, path: str, *, pdf: bool) -> str:
    """A name safe to show and store: the last part of the given name or the path,
    letters, digits, dots, hyphens and underscores only, with the right extension."""
    candidate = given or next(
        (part for part in reversed(path.split("?")[0].split("/")) if part), ""
    )
    candidate = unquote(candidate).replace("\\", "/").rsplit("/", 1)[-1]
    # "été" becomes "ete", not "-t-".
    candidate = (
        unicodedata.normalize("NFKD", candidate).encode("ascii", "ignore").decode()
    )
    cleaned = re.sub(r"[^A-Za-z0-9._-]+", "-", candidate).strip(".-_")[:100]
    stem = re.sub(r"\.(pdf|html?|xhtml)$", "", cleaned, flags=re.IGNORECASE)
    return (stem.strip(".-_") or "report") + (".pdf" if pdf else ".html")
