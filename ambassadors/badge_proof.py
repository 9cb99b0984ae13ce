"""The badges' proof: an Ed25519 key and the VC-JWT (compact JWS, EdDSA) that signs a credential.

The key comes from `BADGE_SIGNING_KEY` (PEM, or the base64 of the 32-byte private seed). Without
it, a key is made once in `BADGE_SIGNING_KEY_FILE` (var/, git-ignored), like var/secret_key:
enough for a development machine; production sets the variable and keeps it.
Ed25519 signatures are deterministic, so one credential always gives the same JWT.
"""

import base64
import binascii
import functools
import hashlib
import json
import os
from pathlib import Path

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

MEDIA_TYPE = "application/vc+jwt"


class InvalidProof(Exception):
    """The JWT is malformed, or not signed by the issuer's key."""


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def b64url_decode(text: str) -> bytes:
    try:
        return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
    except (binascii.Error, ValueError) as error:
        raise InvalidProof("not base64url") from error


def _load_key(text: str) -> Ed25519PrivateKey:
    text = text.strip()
    try:
        if text.startswith("-----BEGIN"):
            key = serialization.load_pem_private_key(text.encode(), password=None)
        else:
            key = Ed25519PrivateKey.from_private_bytes(base64.b64decode(text))
    except (ValueError, TypeError, binascii.Error) as error:
        raise ImproperlyConfigured("BADGE_SIGNING_KEY is not an Ed25519 private key.") from error
    if not isinstance(key, Ed25519PrivateKey):
        raise ImproperlyConfigured("BADGE_SIGNING_KEY is not an Ed25519 private key.")
    return key


@functools.cache
def signing_key() -> Ed25519PrivateKey:
    configured = settings.BADGE_SIGNING_KEY
    if configured:
        return _load_key(configured)
    path = Path(settings.BADGE_SIGNING_KEY_FILE)
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        pem = Ed25519PrivateKey.generate().private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
        # Created readable by its owner only, never rewritten.
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(pem)
    return _load_key(path.read_text())


def public_jwk(key: Ed25519PublicKey | None = None) -> dict:
    key = key or signing_key().public_key()
    raw = key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return {"kty": "OKP", "crv": "Ed25519", "x": b64url(raw)}


def key_thumbprint() -> str:
    """RFC 7638 thumbprint: names the key, and changes when the key does."""
    jwk = public_jwk()
    canonical = json.dumps(jwk, sort_keys=True, separators=(",", ":")).encode()
    return b64url(hashlib.sha256(canonical).digest())


def sign(payload: dict, kid: str) -> str:
    header = {"alg": "EdDSA", "typ": "vc+jwt", "kid": kid}
    encode = functools.partial(json.dumps, ensure_ascii=False, separators=(",", ":"))
    signing_input = f"{b64url(encode(header).encode())}.{b64url(encode(payload).encode())}"
    signature = signing_key().sign(signing_input.encode("ascii"))
    return f"{signing_input}.{b64url(signature)}"


def verify(token: str, jwk: dict | None = None) -> tuple[dict, dict]:
    """(header, payload) of a JWT signed by the key (ours by default); InvalidProof otherwise."""
    parts = token.strip().split(".")
    if len(parts) != 3:
        raise InvalidProof("not a compact JWS")
    try:
        header = json.loads(b64url_decode(parts[0]))
        payload = json.loads(b64url_decode(parts[1]))
    except (ValueError, UnicodeDecodeError) as error:
        raise InvalidProof("not JSON") from error
    if not isinstance(header, dict) or not isinstance(payload, dict):
        raise InvalidProof("not JSON objects")
    if header.get("alg") != "EdDSA":
        raise InvalidProof("unexpected algorithm")
    jwk = jwk or public_jwk()
    public = Ed25519PublicKey.from_public_bytes(b64url_decode(jwk["x"]))
    try:
        public.verify(b64url_decode(parts[2]), f"{parts[0]}.{parts[1]}".encode("ascii"))
    except InvalidSignature as error:
        raise InvalidProof("bad signature") from error
    return header, payload
