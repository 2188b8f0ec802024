"""Fetching a report from its web address, against stand-in HTTPS servers on loopback.

Real sockets and real TLS throughout: the servers run in threads with a certificate
from a test authority made here. The only thing ever replaced is the module's name
resolution (`fetch._resolve`), the boundary with DNS, to make a name stand for an
address.
"""

import datetime as dt
import ipaddress
import logging
import socket
import socketserver
import ssl
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID
from django.core.exceptions import ImproperlyConfigured

from config.settings import env_hosts
from recommendations.loading import fetch
from recommendations.loading.fetch import enabled, fetch_report
from recommendations.loading.files import FileRefused

PDF_BYTES = b"%PDF-1.7\n" + b"1 0 obj << /Type /Catalog >> endobj\n" * 50 + b"%%EOF\n"
HTML_BYTES = (
    b"<!DOCTYPE html><html><head><title>Safe to share?</title></head>"
    b"<body><h1>Recommendations</h1></body></html>"
)
INSPECTORATE = "www.justiceinspectorates.gov.uk"
PDF = "application/pdf"


# The certificates ----------------------------------------------------------


@dataclass(frozen=True)
class Certificates:
    ca_file: str
    cert_file: str
    key_file: str


def _name(common: str) -> x509.Name:
    return x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, common)])


@pytest.fixture(scope="session")
def certificates(tmp_path_factory: pytest.TempPathFactory) -> Certificates:
    folder = tmp_path_factory.mktemp("tls")
    now = dt.datetime.now(dt.UTC)
    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca = (
        x509.CertificateBuilder()
        .subject_name(_name("Test authority"))
        .issuer_name(_name("Test authority"))
        .public_key(ca_key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=1))
        .not_valid_after(now + dt.timedelta(days=7))
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=True,
                key_cert_sign=True,
                crl_sign=True,
                content_commitment=False,
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .add_extension(
            x509.SubjectKeyIdentifier.from_public_key(ca_key.public_key()),
            critical=False,
        )
        .sign(ca_key, hashes.SHA256())
    )
    key = ec.generate_private_key(ec.SECP256R1())
    cert = (
        x509.CertificateBuilder()
        .subject_name(_name("localhost"))
        .issuer_name(ca.subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=1))
        .not_valid_after(now + dt.timedelta(days=7))
        .add_extension(
            x509.SubjectAlternativeName(
                [
                    x509.DNSName("localhost"),
                    x509.DNSName("reports.test"),
                    x509.IPAddress(ipaddress.IPv4Address("127.0.0.1")),
                ]
            ),
            critical=False,
        )
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), True)
        .add_extension(
            x509.ExtendedKeyUsage([x509.oid.ExtendedKeyUsageOID.SERVER_AUTH]),
            critical=False,
        )
        .add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_public_key(ca_key.public_key()),
            critical=False,
        )
        .sign(ca_key, hashes.SHA256())
    )
    ca_file = folder / "ca.pem"
    ca_file.write_bytes(ca.public_bytes(serialization.Encoding.PEM))
    cert_file = folder / "server.pem"
    cert_file.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_file = folder / "server.key"
    key_file.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    return Certificates(str(ca_file), str(cert_file), str(key_file))


# The stand-in servers ------------------------------------------------------

Route = Callable[[ssl.SSLSocket, threading.Event], None]


@dataclass
class Seen:
    path: str
    headers: dict[str, str]


@dataclass
class StandIn:
    """An HTTPS server on 127.0.0.1 whose routes write raw bytes, so each test says
    exactly what goes over the wire (lengths that lie, drips, endless bodies)."""

    port: int
    routes: dict[str, Route] = field(default_factory=dict)
    seen: list[Seen] = field(default_factory=list)
    stop: threading.Event = field(default_factory=threading.Event)

    def url(self, path: str, host: str = "localhost") -> str:
        return f"https://{host}:{self.port}{path}"

    def answer(
        self,
        path: str,
        body: bytes = b"",
        *,
        status: str = "200 OK",
        headers: dict[str, str] | None = None,
    ) -> None:
        lines = [f"HTTP/1.1 {status}"]
        given = {"Content-Length": str(len(body)), "Connection": "close"}
        given.update(headers or {})
        lines += [f"{name}: {value}" for name, value in given.items()]
        raw = ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1") + body
        self.routes[path] = lambda sock, stop: sock.sendall(raw)

    def redirect(self, path: str, location: str, status: str = "302 Found") -> None:
        self.answer(path, status=status, headers={"Location": location})


def _read_head(sock: ssl.SSLSocket) -> bytes:
    head = b""
    while b"\r\n\r\n" not in head and len(head) < 65536:
        chunk = sock.recv(4096)
        if not chunk:
            break
        head += chunk
    return head


@pytest.fixture
def stand_in(certificates: Certificates) -> Iterator[StandIn]:
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(certificates.cert_file, certificates.key_file)

    class Handler(socketserver.BaseRequestHandler):
        def handle(self) -> None:
            self.request.settimeout(10)
            try:
                sock = context.wrap_socket(self.request, server_side=True)
            except (ssl.SSLError, OSError):
                return  # the client gave up on the handshake (a refused certificate)
            try:
                head = _read_head(sock).decode("latin-1")
                if not head:
                    return  # the client closed after the handshake
                request_line, *header_lines = head.split("\r\n\r\n")[0].split("\r\n")
                path = request_line.split(" ")[1] if " " in request_line else ""
                headers = dict(
                    line.split(": ", 1) for line in header_lines if ": " in line
                )
                server.stand_in.seen.append(Seen(path, headers))
                route = server.stand_in.routes.get(path)
                if route is None:
                    sock.sendall(
                        b"HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n"
                        b"Connection: close\r\n\r\n"
                    )
                else:
                    route(sock, server.stand_in.stop)
            except OSError:
                pass  # the client shut the connection: what several tests do
            finally:
                sock.close()

    class Server(socketserver.ThreadingTCPServer):
        daemon_threads = True
        allow_reuse_address = True
        stand_in: StandIn

    server = Server(("127.0.0.1", 0), Handler)
    server.stand_in = StandIn(port=server.server_address[1])
    thread = threading.Thread(
        target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
    )
    thread.start()
    yield server.stand_in
    server.stand_in.stop.set()
    server.shutdown()
    server.server_close()


@pytest.fixture
def silent_server() -> Iterator[int]:
    """Accepts connections and never says a word (not even the TLS handshake)."""
    listener = socket.create_server(("127.0.0.1", 0))
    held: list[socket.socket] = []
    stop = threading.Event()

    def accept() -> None:
        listener.settimeout(0.1)
        while not stop.is_set():
            try:
                held.append(listener.accept()[0])
            except TimeoutError:
                continue
            except OSError:
                return

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    yield listener.getsockname()[1]
    stop.set()
    thread.join(2)
    for sock in held:
        sock.close()
    listener.close()


@pytest.fixture
def loopback(settings, stand_in: StandIn, certificates: Certificates) -> StandIn:
    """The test-only settings that let the fetch reach the stand-in server."""
    settings.IMPORT_URL_HOSTS = [
        f"localhost:{stand_in.port}",
        f"127.0.0.1:{stand_in.port}",
        INSPECTORATE,
    ]
    settings.IMPORT_URL_ALLOW_LOOPBACK_FOR_TESTS = True
    settings.IMPORT_URL_CA_BUNDLE = certificates.ca_file
    return stand_in


@pytest.fixture
def no_lookups(monkeypatch) -> Iterator[None]:
    """Fails the test if the fetch asks DNS anything (it should refuse before)."""
    asked: list[str] = []

    def refuse(host: str, port: int) -> list[str]:
        asked.append(host)
        raise socket.gaierror(socket.EAI_NONAME, "not looked up in this test")

    monkeypatch.setattr(fetch, "_resolve", refuse)
    yield
    assert asked == []


def _refusal(url: str) -> str:
    with pytest.raises(FileRefused) as refused:
        fetch_report(url)
    return str(refused.value)


def _events(caplog) -> list[dict]:
    return [
        record.security
        for record in caplog.records
        if record.name == "tracker.security"
        and record.security["event"] == "report_fetch_refused"
    ]


# What is fetched -----------------------------------------------------------


def test_a_pdf_is_fetched_with_its_type_name_and_address(loopback):
    loopback.answer(
        "/uploads/safe-to-share.pdf", PDF_BYTES, headers={"Content-Type": PDF}
    )
    report = fetch_report(loopback.url("/uploads/safe-to-share.pdf"))
    assert report.data == PDF_BYTES
    assert report.content_type == "application/pdf"
    assert report.is_pdf
    assert report.name == "safe-to-share.pdf"
    assert report.url == loopback.url("/uploads/safe-to-share.pdf")
    [request] = loopback.seen
    assert request.headers["Host"] == f"localhost:{loopback.port}"


def test_an_html_page_is_fetched_and_named_after_its_path(loopback):
    loopback.answer(
        "/publications/safe-to-share/",
        HTML_BYTES,
        headers={"Content-Type": "text/html; charset=UTF-8"},
    )
    report = fetch_report(loopback.url("/publications/safe-to-share/"))
    assert report.data == HTML_BYTES
    assert report.content_type == "text/html"
    assert not report.is_pdf
    assert report.name == "safe-to-share.html"


def test_an_xhtml_page_is_fetched(loopback):
    loopback.answer(
        "/page", HTML_BYTES, headers={"Content-Type": "application/xhtml+xml"}
    )
    assert fetch_report(loopback.url("/page")).content_type == "application/xhtml+xml"


def test_a_body_of_exactly_the_limit_is_fetched(loopback, settings):
    settings.IMPORT_DOCUMENT_MAX_BYTES = len(PDF_BYTES)
    loopback.answer("/r.pdf", PDF_BYTES, headers={"Content-Type": PDF})
    assert fetch_report(loopback.url("/r.pdf")).data == PDF_BYTES


@pytest.mark.parametrize(
    ("disposition", "name"),
    [
        ('attachment; filename="../../etc/Safe to share?.pdf"', "Safe-to-share.pdf"),
        ("attachment; filename*=UTF-8''Rapport%20%C3%A9t%C3%A9.pdf", "Rapport-ete.pdf"),
        ('inline; filename="..\\\\windows\\\\report.exe"', "report.exe.pdf"),
        ('attachment; filename="..."', "report.pdf"),
    ],
)
def test_the_file_name_comes_from_content_disposition_made_safe(
    loopback, disposition, name
):
    loopback.answer(
        "/download",
        PDF_BYTES,
        headers={"Content-Type": PDF, "Content-Disposition": disposition},
    )
    assert fetch_report(loopback.url("/download")).name == name


def test_an_address_with_unencoded_characters_is_sent_encoded(loopback):
    loopback.answer(
        "/uploads/r%C3%A9port.pdf", PDF_BYTES, headers={"Content-Type": PDF}
    )
    report = fetch_report(loopback.url("/uploads/réport.pdf"))
    assert report.data == PDF_BYTES
    assert loopback.seen[0].path == "/uploads/r%C3%A9port.pdf"


# Which addresses ------------------------------------------------------------


def test_the_feature_is_on_by_default_for_the_inspectorate_sites(settings):
    assert enabled()
    assert set(settings.IMPORT_URL_HOSTS) == {
        "www.justiceinspectorates.gov.uk",
        "hmicfrs.justiceinspectorates.gov.uk",
        "assets-hmicfrs.justiceinspectorates.gov.uk",
    }


def test_an_empty_list_switches_the_feature_off(settings, no_lookups):
    settings.IMPORT_URL_HOSTS = []
    assert not enabled()
    assert "switched off" in _refusal(f"https://{INSPECTORATE}/hmicfrs/report.pdf")


def test_a_host_not_on_the_list_is_refused_naming_the_list(no_lookups):
    message = _refusal("https://example.org/report.pdf")
    assert "example.org is not one of them" in message
    assert "hmicfrs.justiceinspectorates.gov.uk" in message


def test_http_is_refused(no_lookups):
    assert "https://" in _refusal(f"http://{INSPECTORATE}/hmicfrs/report.pdf")


@pytest.mark.parametrize(
    "url",
    [
        "https://www.justiceinspectorates.gov.uk.evil.com/report.pdf",
        "https://evil.com/www.justiceinspectorates.gov.uk",
        "https://evil.com/?www.justiceinspectorates.gov.uk",
        "https://evil.com#@www.justiceinspectorates.gov.uk/",
        "https://justiceinspectorates.gov.uk/report.pdf",
        "https://evil-www.justiceinspectorates.gov.uk/report.pdf",
        "https://www.justiceinspectorates.gov.uk./report.pdf",
        "https://www.justiceinspectorates.gov.uk:8443/report.pdf",
        "https://www.justiceinspectorates.gov.uk:443:80/report.pdf",
    ],
)
def test_suffix_path_and_port_tricks_are_refused(url, no_lookups):
    _refusal(url)


@pytest.mark.parametrize(
    "url",
    [
        "https://www.justiceinspectorates.gov.uk@evil.com/",
        "https://user:secret@www.justiceinspectorates.gov.uk/report.pdf",
        "https://evil.com\\@www.justiceinspectorates.gov.uk/",
        "https://www.justiceinspectorates.gov.uk%40evil.com/",
    ],
)
def test_user_names_and_backslashes_are_refused(url, no_lookups):
    _refusal(url)


@pytest.mark.parametrize(
    "url",
    [
        "",
        "report.pdf",
        "//www.justiceinspectorates.gov.uk/report.pdf",
        "https:///report.pdf",
        "https://www.justiceinspectorates.gov.uk/a report.pdf",
        "https://www.justiceinspectorates.gov.uk/\r\nX-Injected: 1",
        "javascript:alert(1)",
        "file:///etc/passwd",
        "https://[::1/",
        "https://www.justiceinspectorates.gov.uk/" + "a" * 2001,
    ],
)
def test_what_is_no_web_address_is_refused(url, no_lookups):
    _refusal(url)


def test_the_host_matches_whatever_its_case(monkeypatch):
    # Matched, so the name is looked up; the answer is private, so it stops there.
    monkeypatch.setattr(fetch, "_resolve", lambda host, port: ["127.0.0.1"])
    assert "private or local" in _refusal("https://WWW.JusticeInspectorates.GOV.uk/")


# Private addresses ---------------------------------------------------------


@pytest.mark.parametrize(
    "host",
    [
        "127.0.0.1",
        "127.1.2.3",
        "10.0.0.1",
        "172.16.5.4",
        "192.168.1.1",
        "169.254.169.254",
        "100.64.0.1",
        "0.0.0.0",  # noqa: S104 (an address refused, not bound)
        "224.0.0.1",
        "240.0.0.1",
        "255.255.255.255",
        "[::1]",
        "[::]",
        "[::ffff:127.0.0.1]",
        "[::ffff:10.0.0.1]",
        "[fe80::1]",
        "[fc00::1]",
        "[fec0::1]",
        "[ff02::1]",
        "[64:ff9b::a00:1]",
        "[2002:a00:1::]",
        "[2001:db8::1]",
    ],
)
def test_a_private_address_is_refused_even_on_the_list(settings, caplog, host):
    caplog.set_level(logging.INFO, logger="tracker.security")
    settings.IMPORT_URL_HOSTS = [host]
    assert "private or local" in _refusal(f"https://{host}/report.pdf")
    [event] = _events(caplog)
    assert event["host"] == host.strip("[]")


def test_localhost_by_name_is_refused_on_the_list(settings, stand_in):
    settings.IMPORT_URL_HOSTS = [f"localhost:{stand_in.port}"]
    assert "private or local" in _refusal(stand_in.url("/report.pdf"))
    assert stand_in.seen == []


def test_a_real_loopback_server_is_refused_without_the_test_setting(loopback, settings):
    loopback.answer("/r.pdf", PDF_BYTES, headers={"Content-Type": PDF})
    settings.IMPORT_URL_ALLOW_LOOPBACK_FOR_TESTS = False
    assert "private or local" in _refusal(loopback.url("/r.pdf", host="127.0.0.1"))
    assert loopback.seen == []


@pytest.mark.parametrize(
    "address",
    ["10.0.0.1", "169.254.169.254", "::ffff:127.0.0.1", "fd00::1", "100.64.0.1"],
)
def test_the_test_setting_lets_only_loopback_through(loopback, monkeypatch, address):
    monkeypatch.setattr(fetch, "_resolve", lambda host, port: [address])
    assert "private or local" in _refusal(f"https://{INSPECTORATE}/report.pdf")


def test_any_private_address_among_a_names_addresses_refuses_it(
    monkeypatch, caplog, administrator
):
    caplog.set_level(logging.INFO, logger="tracker.security")
    monkeypatch.setattr(
        fetch, "_resolve", lambda host, port: ["151.101.0.10", "10.1.2.3"]
    )
    with pytest.raises(FileRefused, match="private or local"):
        fetch_report(f"https://{INSPECTORATE}/hmicfrs/report.pdf", actor=administrator)
    [event] = _events(caplog)
    assert event["addresses"] == ["151.101.0.10", "10.1.2.3"]
    assert event["refused"] == ["10.1.2.3"]
    assert event["actor"] == administrator.get_username()
    assert event["url"] == f"https://{INSPECTORATE}/hmicfrs/report.pdf"


def test_a_name_that_does_not_resolve_is_refused(monkeypatch):
    def unknown(host: str, port: int) -> list[str]:
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")

    monkeypatch.setattr(fetch, "_resolve", unknown)
    message = _refusal(f"https://{INSPECTORATE}/r.pdf")
    assert f"{INSPECTORATE} could not be found" in message


def test_an_address_literal_is_not_looked_up(loopback, no_lookups):
    loopback.answer("/r.pdf", PDF_BYTES, headers={"Content-Type": PDF})
    assert fetch_report(loopback.url("/r.pdf", host="127.0.0.1")).data == PDF_BYTES


# Connecting to the checked address ------------------------------------------


def test_the_connection_goes_to_the_checked_address_with_the_name_verified(
    loopback, settings, monkeypatch
):
    # reports.test exists in no DNS: the fetch can only reach the server through
    # the address its one look-up returned, and the certificate is checked for it.
    settings.IMPORT_URL_HOSTS = [f"reports.test:{loopback.port}"]
    lookups = []

    def resolve(host: str, port: int) -> list[str]:
        lookups.append((host, port))
        return ["127.0.0.1"]

    monkeypatch.setattr(fetch, "_resolve", resolve)
    loopback.answer("/r.pdf", PDF_BYTES, headers={"Content-Type": PDF})
    report = fetch_report(loopback.url("/r.pdf", host="reports.test"))
    assert report.data == PDF_BYTES
    assert lookups == [("reports.test", loopback.port)]
    assert loopback.seen[0].headers["Host"] == f"reports.test:{loopback.port}"


def test_a_certificate_for_another_name_is_refused(loopback, settings, monkeypatch):
    settings.IMPORT_URL_HOSTS = [f"other.test:{loopback.port}"]
    monkeypatch.setattr(fetch, "_resolve", lambda host, port: ["127.0.0.1"])
    loopback.answer("/r.pdf", PDF_BYTES, headers={"Content-Type": PDF})
    message = _refusal(loopback.url("/r.pdf", host="other.test"))
    assert "could not be verified" in message
    assert loopback.seen == []


def test_a_certificate_from_an_unknown_authority_is_refused(loopback, settings):
    settings.IMPORT_URL_CA_BUNDLE = None
    loopback.answer("/r.pdf", PDF_BYTES, headers={"Content-Type": PDF})
    assert "could not be verified" in _refusal(loopback.url("/r.pdf"))
    assert loopback.seen == []


def test_a_closed_port_is_refused(loopback, settings):
    with socket.create_server(("127.0.0.1", 0)) as probe:
        closed = probe.getsockname()[1]
    settings.IMPORT_URL_HOSTS = [f"127.0.0.1:{closed}"]
    assert "could not be reached" in _refusal(f"https://127.0.0.1:{closed}/r.pdf")


# Redirects -----------------------------------------------------------------


def test_a_redirect_to_an_allowed_host_is_followed(loopback):
    final = loopback.url("/uploads/r.pdf", host="127.0.0.1")
    loopback.redirect("/publications/r/", final, status="301 Moved Permanently")
    loopback.answer("/uploads/r.pdf", PDF_BYTES, headers={"Content-Type": PDF})
    report = fetch_report(loopback.url("/publications/r/"))
    assert report.data == PDF_BYTES
    assert report.url == final
    assert [seen.headers["Host"] for seen in loopback.seen] == [
        f"localhost:{loopback.port}",
        f"127.0.0.1:{loopback.port}",
    ]


def test_a_relative_redirect_is_followed_on_the_same_site(loopback):
    loopback.redirect("/old", "../uploads/r.pdf", status="308 Permanent Redirect")
    loopback.answer("/uploads/r.pdf", PDF_BYTES, headers={"Content-Type": PDF})
    report = fetch_report(loopback.url("/old"))
    assert report.url == loopback.url("/uploads/r.pdf")


@pytest.mark.parametrize(
    "location",
    [
        "https://evil.example/r.pdf",
        "http://localhost:{port}/r.pdf",
        "https://localhost:{port}@evil.example/r.pdf",
        "https://localhost:1/r.pdf",
    ],
)
def test_a_redirect_off_the_list_is_refused(loopback, location, no_lookups):
    # The first hop is an address literal, never looked up; the redirect must be
    # refused before any look-up.
    loopback.redirect("/r", location.format(port=loopback.port))
    message = _refusal(loopback.url("/r", host="127.0.0.1"))
    assert "redirects to" in message
    assert len(loopback.seen) == 1


def test_a_redirect_to_a_private_address_is_refused(loopback, settings, caplog):
    caplog.set_level(logging.INFO, logger="tracker.security")
    settings.IMPORT_URL_HOSTS = [*settings.IMPORT_URL_HOSTS, "169.254.169.254"]
    loopback.redirect("/r", "https://169.254.169.254/latest/meta-data/")
    message = _refusal(loopback.url("/r", host="127.0.0.1"))
    assert "169.254.169.254 is on a private or local network" in message
    assert len(loopback.seen) == 1
    [event] = _events(caplog)
    assert event["host"] == "169.254.169.254"


def test_more_than_five_redirects_are_refused(loopback):
    for hop in range(10):
        loopback.redirect(f"/hop/{hop}", f"/hop/{hop + 1}")
    message = _refusal(loopback.url("/hop/0"))
    assert "more than 5 times" in message
    assert len(loopback.seen) == 6


def test_five_redirects_are_followed(loopback):
    for hop in range(5):
        loopback.redirect(f"/hop/{hop}", f"/hop/{hop + 1}")
    loopback.answer("/hop/5", PDF_BYTES, headers={"Content-Type": PDF})
    assert fetch_report(loopback.url("/hop/0")).data == PDF_BYTES


def test_a_redirect_without_a_location_is_refused(loopback):
    loopback.answer("/r", status="302 Found")
    assert "without saying where" in _refusal(loopback.url("/r"))


def test_an_error_answer_is_refused_with_its_status(loopback):
    assert "404 Not Found" in _refusal(loopback.url("/missing.pdf"))


# Sizes ---------------------------------------------------------------------


def _endless(chunk: bytes) -> Route:
    def send(sock: ssl.SSLSocket, stop: threading.Event) -> None:
        started = time.monotonic()
        while not stop.is_set() and time.monotonic() - started < 15:
            sock.sendall(chunk)

    return send


def _head(lines: list[str]) -> bytes:
    return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1")


def test_a_declared_length_over_the_limit_is_refused_before_reading(loopback, settings):
    settings.IMPORT_DOCUMENT_MAX_BYTES = 100_000
    settings.IMPORT_URL_TIMEOUT_SECONDS = 5

    def declare_and_wait(sock: ssl.SSLSocket, stop: threading.Event) -> None:
        sock.sendall(
            _head(
                ["HTTP/1.1 200 OK", f"Content-Type: {PDF}", "Content-Length: 10000000"]
            )
            + b"%PDF-"
        )
        stop.wait(10)  # sends no more: reading the body would wait out the deadline

    loopback.routes["/big.pdf"] = declare_and_wait
    started = time.monotonic()
    assert "larger than" in _refusal(loopback.url("/big.pdf"))
    assert time.monotonic() - started < 4


def test_an_endless_body_without_a_length_is_cut_at_the_limit(loopback, settings):
    settings.IMPORT_DOCUMENT_MAX_BYTES = 200_000
    head = _head(["HTTP/1.1 200 OK", f"Content-Type: {PDF}", "Connection: close"])
    body = _endless(b"%PDF-" + b"x" * 65531)

    def send(sock: ssl.SSLSocket, stop: threading.Event) -> None:
        sock.sendall(head)
        body(sock, stop)

    loopback.routes["/endless.pdf"] = send
    assert "larger than" in _refusal(loopback.url("/endless.pdf"))


def test_a_small_declared_length_over_a_chunked_endless_body_is_cut(loopback, settings):
    # Content-Length says 10 bytes, but the body is chunked (which wins) and
    # endless: the count of what arrives decides, not the header.
    settings.IMPORT_DOCUMENT_MAX_BYTES = 200_000
    head = _head(
        [
            "HTTP/1.1 200 OK",
            f"Content-Type: {PDF}",
            "Content-Length: 10",
            "Transfer-Encoding: chunked",
        ]
    )
    data = b"%PDF-" + b"x" * 8187
    chunk = b"%x\r\n" % len(data) + data + b"\r\n"

    def send(sock: ssl.SSLSocket, stop: threading.Event) -> None:
        sock.sendall(head)
        _endless(chunk)(sock, stop)

    loopback.routes["/liar.pdf"] = send
    assert "larger than" in _refusal(loopback.url("/liar.pdf"))


def test_a_body_one_byte_over_the_limit_is_refused(loopback, settings):
    settings.IMPORT_DOCUMENT_MAX_BYTES = len(PDF_BYTES) - 1
    loopback.answer("/r.pdf", PDF_BYTES, headers={"Content-Type": PDF})
    assert "larger than" in _refusal(loopback.url("/r.pdf"))


def test_a_body_shorter_than_its_length_is_refused(loopback):
    def short(sock: ssl.SSLSocket, stop: threading.Event) -> None:
        sock.sendall(
            _head(["HTTP/1.1 200 OK", f"Content-Type: {PDF}", "Content-Length: 5000"])
            + PDF_BYTES[:100]
        )

    loopback.routes["/short.pdf"] = short
    assert "stopped before sending the whole file" in _refusal(
        loopback.url("/short.pdf")
    )


# Time ----------------------------------------------------------------------


def _drip(head: bytes, then: bytes = b"x") -> Route:
    def send(sock: ssl.SSLSocket, stop: threading.Event) -> None:
        for byte in head:
            if stop.wait(0.02):
                return
            sock.sendall(bytes([byte]))
        started = time.monotonic()
        while not stop.wait(0.05) and time.monotonic() - started < 15:
            sock.sendall(then)

    return send


def test_a_body_dripping_past_the_deadline_is_refused_in_time(loopback, settings):
    # Each byte comes well within any per-read time-out; only a deadline for the
    # whole fetch stops it.
    settings.IMPORT_URL_TIMEOUT_SECONDS = 1
    head = _head(["HTTP/1.1 200 OK", f"Content-Type: {PDF}", "Connection: close"])

    def send(sock: ssl.SSLSocket, stop: threading.Event) -> None:
        sock.sendall(head + b"%PDF-")
        _drip(b"")(sock, stop)

    loopback.routes["/drip.pdf"] = send
    started = time.monotonic()
    assert "within 1 seconds" in _refusal(loopback.url("/drip.pdf"))
    assert time.monotonic() - started < 3


def test_headers_dripping_past_the_deadline_are_refused_in_time(loopback, settings):
    settings.IMPORT_URL_TIMEOUT_SECONDS = 1
    endless_header = b"HTTP/1.1 200 OK\r\nX-Slow: "
    loopback.routes["/drip.pdf"] = _drip(endless_header)
    started = time.monotonic()
    assert "within 1 seconds" in _refusal(loopback.url("/drip.pdf"))
    assert time.monotonic() - started < 3


def test_the_deadline_covers_every_redirect_together(loopback, settings):
    settings.IMPORT_URL_TIMEOUT_SECONDS = 1

    def slow_redirect(hop: int) -> Route:
        raw = _head(
            ["HTTP/1.1 302 Found", f"Location: /slow/{hop + 1}", "Content-Length: 0"]
        )

        def send(sock: ssl.SSLSocket, stop: threading.Event) -> None:
            if not stop.wait(0.4):
                sock.sendall(raw)

        return send

    for hop in range(5):
        loopback.routes[f"/slow/{hop}"] = slow_redirect(hop)
    started = time.monotonic()
    assert "within 1 seconds" in _refusal(loopback.url("/slow/0"))
    assert time.monotonic() - started < 3


def test_a_server_that_never_answers_is_refused_in_time(
    settings, silent_server, certificates
):
    settings.IMPORT_URL_HOSTS = [f"127.0.0.1:{silent_server}"]
    settings.IMPORT_URL_ALLOW_LOOPBACK_FOR_TESTS = True
    settings.IMPORT_URL_CA_BUNDLE = certificates.ca_file
    settings.IMPORT_URL_TIMEOUT_SECONDS = 1
    started = time.monotonic()
    assert "within 1 seconds" in _refusal(f"https://127.0.0.1:{silent_server}/r.pdf")
    assert time.monotonic() - started < 3


def test_a_fetch_leaves_no_watchdog_behind(loopback):
    loopback.answer("/r.pdf", PDF_BYTES, headers={"Content-Type": PDF})
    fetch_report(loopback.url("/r.pdf"))
    time.sleep(0.1)
    assert [t for t in threading.enumerate() if t.name.startswith("fetch-")] == []


# What kind of file ---------------------------------------------------------


@pytest.mark.parametrize(
    "content_type",
    [
        "application/zip",
        "text/plain; charset=utf-8",
        "image/svg+xml",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ],
)
def test_another_kind_of_file_is_refused_naming_it(loopback, content_type):
    loopback.answer("/file", PDF_BYTES, headers={"Content-Type": content_type})
    assert f"“{content_type.split(';')[0]}”" in _refusal(loopback.url("/file"))


@pytest.mark.parametrize(
    "unstated", ["application/octet-stream", "binary/octet-stream"]
)
def test_bytes_of_no_stated_kind_are_read_only_if_they_are_a_pdf(loopback, unstated):
    loopback.answer("/r.pdf", PDF_BYTES, headers={"Content-Type": unstated})
    report = fetch_report(loopback.url("/r.pdf"))
    assert report.is_pdf and report.data == PDF_BYTES
    loopback.answer("/r.html", HTML_BYTES, headers={"Content-Type": unstated})
    assert f"“{unstated}” that is not a PDF" in _refusal(loopback.url("/r.html"))


def test_an_answer_without_a_type_is_refused(loopback):
    loopback.answer("/file", PDF_BYTES)
    assert "did not say what kind" in _refusal(loopback.url("/file"))


def test_a_pdf_that_is_not_one_is_refused(loopback):
    loopback.answer("/r.pdf", HTML_BYTES, headers={"Content-Type": PDF})
    assert "not one" in _refusal(loopback.url("/r.pdf"))


def test_a_web_page_that_is_a_pdf_or_binary_is_refused(loopback):
    loopback.answer("/a", PDF_BYTES, headers={"Content-Type": "text/html"})
    loopback.answer("/b", b"<html>\x00\x01", headers={"Content-Type": "text/html"})
    assert "web page, but it is not" in _refusal(loopback.url("/a"))
    assert "web page, but it is not" in _refusal(loopback.url("/b"))


def test_a_compressed_answer_is_refused(loopback):
    loopback.answer(
        "/r.pdf", PDF_BYTES, headers={"Content-Type": PDF, "Content-Encoding": "gzip"}
    )
    assert "compressed (gzip)" in _refusal(loopback.url("/r.pdf"))


def test_an_empty_answer_is_refused(loopback):
    loopback.answer("/r.pdf", b"", headers={"Content-Type": PDF})
    assert "empty" in _refusal(loopback.url("/r.pdf"))


# Settings ------------------------------------------------------------------


def test_the_host_setting_unset_gives_the_default(monkeypatch):
    monkeypatch.delenv("TRACKER_TEST_HOSTS", raising=False)
    assert env_hosts("TRACKER_TEST_HOSTS", ["a.example"]) == ["a.example"]


def test_the_host_setting_set_empty_gives_none(monkeypatch):
    monkeypatch.setenv("TRACKER_TEST_HOSTS", "")
    assert env_hosts("TRACKER_TEST_HOSTS", ["a.example"]) == []


def test_the_host_setting_reads_names_and_ports_in_lower_case(monkeypatch):
    monkeypatch.setenv("TRACKER_TEST_HOSTS", " Reports.Example , b.example:8443,")
    assert env_hosts("TRACKER_TEST_HOSTS", []) == ["reports.example", "b.example:8443"]


@pytest.mark.parametrize(
    "value",
    [
        "https://a.example",
        "a.example/path",
        "user@a.example",
        "*.example",
        "a.example:port",
        "a b.example",
    ],
)
def test_the_host_setting_refuses_anything_but_names(monkeypatch, value):
    monkeypatch.setenv("TRACKER_TEST_HOSTS", value)
    with pytest.raises(ImproperlyConfigured, match="is not a site name"):
        env_hosts("TRACKER_TEST_HOSTS", [])


# The loading page's "read the report from this link" -----------------------------


@pytest.mark.django_db
def test_the_loading_page_reads_a_report_from_its_link(
    loopback, client_for, administrator
):
    from django.urls import reverse

    from .pdfs import build_pdf

    pdf = build_pdf(
        [
            ("h2", "Recommendations"),
            ("h3", "Recommendation 1"),
            ("p", "By 31 March 2023, chief constables should review vetting."),
        ]
    )
    loopback.answer("/uploads/vetting.pdf", pdf, headers={"Content-Type": PDF})
    client = client_for(administrator)
    response = client.post(
        reverse("recommendations:loading_paste"),
        {
            "title": "Vetting",
            "kind": "national_thematic",
            "published_on": "2022-11-02",
            "inspectorates": ["hmicfrs"],
            "scope": "national",
            "url": loopback.url("/uploads/vetting.pdf"),
            "read_link": "on",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    draft = client.session["report_import"]
    assert [row["reference"] for row in draft["rows"]] == ["1"]
    assert draft["source"] == loopback.url("/uploads/vetting.pdf")


@pytest.mark.django_db
def test_a_link_off_the_list_is_a_form_error_on_the_link(
    settings, client_for, administrator, no_lookups
):
    from django.urls import reverse

    response = client_for(administrator).post(
        reverse("recommendations:loading_paste"),
        {
            "title": "Vetting",
            "kind": "national_thematic",
            "published_on": "2022-11-02",
            "inspectorates": ["hmicfrs"],
            "scope": "national",
            "url": "https://evil.example/report.pdf",
            "read_link": "on",
        },
    )
    assert response.status_code == 400
    assert "Reports can only be loaded from these sites" in response.content.decode()


@pytest.mark.django_db
def test_with_the_feature_off_the_page_offers_no_link_reading(
    settings, client_for, administrator
):
    from django.urls import reverse

    settings.IMPORT_URL_HOSTS = []
    page = client_for(administrator).get(reverse("recommendations:loading_start"))
    assert b'name="read_link"' not in page.content
    settings.IMPORT_URL_HOSTS = [INSPECTORATE]
    page = client_for(administrator).get(reverse("recommendations:loading_start"))
    assert b'name="read_link"' in page.content
