"""The client's address behind the trusted reverse proxies (TRUSTED_PROXIES)."""

import ipaddress
from functools import lru_cache

from django.conf import settings


@lru_cache(maxsize=8)
def _networks(trusted: tuple[str, ...]) -> tuple:
    return tuple(ipaddress.ip_network(entry, strict=False) for entry in trusted if entry)


def _is_trusted(address: str) -> bool:
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return False
    return any(ip in network for network in _networks(tuple(settings.TRUSTED_PROXIES)))


def client_ip(request) -> str | None:
    """REMOTE_ADDR, unless it is a trusted proxy: then the last address of X-Forwarded-For
    that is not one (each proxy appends the address it was reached from, so what lies to its
    left was written by the client and may be anything).

    uvicorn applies this same rule before Django (--forwarded-allow-ips): run again on its
    result, whose REMOTE_ADDR is the client and not a proxy, it changes nothing.
    """
    address = request.META.get("REMOTE_ADDR") or ""
    if not _is_trusted(address):
        return _clean(address)
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    hops = [hop.strip() for hop in forwarded.split(",") if hop.strip()]
    for hop in reversed(hops):
        if not _is_trusted(hop):
            return _clean(hop)
    return _clean(hops[0] if hops else address)


def _clean(address: str) -> str | None:
    try:
        return str(ipaddress.ip_address(address.strip("[]")))
    except ValueError:
        return None
