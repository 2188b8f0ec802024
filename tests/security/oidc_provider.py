"""A stand-in OpenID Connect provider for the tests: a real HTTP server on loopback.

It publishes discovery and keys, answers /authorize (as if the person signed in)
by redirecting back with a code, and /token by returning an RS256-signed ID token,
checking the PKCE verifier against the challenge it was given. Tests can set its
clock ahead or behind, rotate its keys, and make any of its addresses fail (an error
status, or an answer that is not JSON); it counts the documents it is asked for.
"""

import base64
import hashlib
import json
import secrets
import threading
import time
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from joserfc import jwt
from joserfc.jwk import RSAKey


def _new_key(kid: str = "k1") -> RSAKey:
    return RSAKey.generate_key(2048, parameters={"kid": kid, "use": "sig"})


class Provider:
    def __init__(
        self, client_id: str = "tracker", client_secret: str = "s3cret"
    ) -> None:
        self.client_id = client_id
        self.client_secret = client_secret
        self.key = _new_key()
        self.signing_key = self.key  # tests may swap in a key nobody published
        self.subject = "sub-0001"
        self.email = "priya@example.org"
        self.nonce_override: str | None = None
        self.clock_offset = 0  # seconds this provider's clock is ahead (or behind)
        self.failing: dict[str, str] = {}  # path -> "status" (a 503) or "json"
        self.fetched: list[str] = []  # the paths of the GET requests answered
        self.codes: dict[str, dict] = {}
        self.token_requests: list[dict] = []
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.issuer = f"http://127.0.0.1:{self.server.server_port}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self) -> "Provider":
        self.thread.start()
        return self

    def __exit__(self, *args: Any) -> None:
        self.server.shutdown()
        self.server.server_close()

    def rotate_key(self, kid: str) -> None:
        """Publish a new key in place of the old one, and sign with it."""
        self.key = self.signing_key = _new_key(kid)

    def jwks(self) -> dict:
        return {"keys": [self.key.as_dict(private=False)]}

    def id_token(self, nonce: str) -> str:
        now = int(time.time()) + self.clock_offset
        claims = {
            "iss": self.issuer,
            "aud": self.client_id,
            "sub": self.subject,
            "email": self.email,
            "iat": now,
            "nbf": now,
            "exp": now + 300,
            "nonce": self.nonce_override or nonce,
        }
        header = {"alg": "RS256", "kid": self.signing_key.kid}
        return jwt.encode(header, claims, self.signing_key)

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        provider = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: Any) -> None:
                pass

            def _json(self, payload: dict, status: int = 200) -> None:
                body = json.dumps(payload).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def _failed(self, path: str) -> bool:
                how = provider.failing.get(path)
                if how == "status":
                    self.send_response(503)
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                elif how == "json":
                    body = b"<html>Service temporarily unavailable</html>"
                    self.send_response(200)
                    self.send_header("Content-Type", "application/json")
                    self.send_header("Content-Length", str(len(body)))
                    self.end_headers()
                    self.wfile.write(body)
                return how is not None

            def do_GET(self) -> None:
                url = urllib.parse.urlparse(self.path)
                provider.fetched.append(url.path)
                if self._failed(url.path):
                    return
                if url.path == "/.well-known/openid-configuration":
                    self._json(
                        {
                            "issuer": provider.issuer,
                            "authorization_endpoint": provider.issuer + "/authorize",
                            "token_endpoint": provider.issuer + "/token",
                            "jwks_uri": provider.issuer + "/jwks",
                            "code_challenge_methods_supported": ["S256"],
                        }
                    )
                elif url.path == "/jwks":
                    self._json(provider.jwks())
                elif url.path == "/authorize":
                    query = dict(urllib.parse.parse_qsl(url.query))
                    code = secrets.token_urlsafe(16)
                    provider.codes[code] = query
                    target = (
                        query["redirect_uri"]
                        + "?"
                        + urllib.parse.urlencode(
                            {"code": code, "state": query["state"]}
                        )
                    )
                    self.send_response(302)
                    self.send_header("Location", target)
                    self.end_headers()
                else:
                    self._json({"error": "not_found"}, 404)

            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length", 0))
                form = dict(urllib.parse.parse_qsl(self.rfile.read(length).decode()))
                provider.token_requests.append(form)
                if self._failed(urllib.parse.urlparse(self.path).path):
                    return
                asked = provider.codes.pop(form.get("code", ""), None)
                if asked is None or form.get("client_secret") != provider.client_secret:
                    self._json({"error": "invalid_grant"}, 400)
                    return
                digest = hashlib.sha256(form.get("code_verifier", "").encode()).digest()
                challenge = base64.urlsafe_b64encode(digest).rstrip(b"=").decode()
                if asked.get(
                    "code_challenge_method"
                ) != "S256" or challenge != asked.get("code_challenge"):
                    self._json({"error": "invalid_grant", "why": "PKCE"}, 400)
                    return
                self._json(
                    {
                        "access_token": "not-used",
                        "token_type": "Bearer",
                        "id_token": provider.id_token(asked["nonce"]),
                    }
                )

        return Handler
