"""Compressed weight of a page and the CSS/JS it loads, as a browser on a phone receives them.

Run against a running server (`make run` in another terminal):
    .venv/bin/python bench/page_weight.py http://127.0.0.1:8000/fr/ http://127.0.0.1:8000/ar/
Static files come from WhiteNoise, which serves its pre-compressed copies; the HTML is
measured gzip-compressed (level 6, as a reverse proxy would send it).
"""

import gzip
import re
import sys
import urllib.request
from urllib.parse import urljoin, urlparse

ASSET = re.compile(r'<(?:link[^>]+href|script[^>]+src)="([^"]+\.(?:css|js))"')


def fetch(url: str) -> tuple[bytes, int]:
    """Return the body and the number of bytes on the wire."""
    request = urllib.request.Request(url, headers={"Accept-Encoding": "gzip"})
    with urllib.request.urlopen(request, timeout=10) as response:
        raw = response.read()
        if response.headers.get("Content-Encoding") == "gzip":
            return gzip.decompress(raw), len(raw)
        return raw, len(gzip.compress(raw, 6))


def weigh(url: str) -> None:
    html, html_wire = fetch(url)
    total = html_wire
    lines = [f"  HTML {urlparse(url).path:<40} {html_wire / 1024:6.1f} KB"]
    other_hosts = []
    for asset in sorted(set(ASSET.findall(html.decode()))):
        asset_url = urljoin(url, asset)
        if urlparse(asset_url).netloc != urlparse(url).netloc:
            other_hosts.append(asset_url)
            continue
        _body, wire = fetch(asset_url)
        total += wire
        kind = asset_url.rsplit(".", 1)[-1].upper()
        lines.append(f"  {kind:<4} {asset:<40} {wire / 1024:6.1f} KB")
    print(f"{url}: {total / 1024:.1f} KB compressed (HTML + CSS + JS)")
    print("\n".join(lines))
    print(f"  requests to other hosts: {len(other_hosts)}")


if __name__ == "__main__":
    for page_url in sys.argv[1:] or ["http://127.0.0.1:8000/fr/"]:
        weigh(page_url)
