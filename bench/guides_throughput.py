"""Requests/s and median latency of an anonymous guide page vs a static CSS file, same server.

    .venv/bin/python bench/guides_throughput.py [--duration 15] [--connections 16]

Builds its own SQLite database and static files under var/bench/ (migrate, load_demo,
collectstatic), starts one uvicorn worker exactly as production does
(``uvicorn coeduc.asgi:application --loop uvloop --http httptools --ws wsproto``, SECRET_KEY
set, DEBUG unset), then measures both URLs with ``wrk -t2 -c16 -d15s --latency`` (or, without
wrk, a small asyncio HTTP/1.1 keep-alive client). Target: the guide page reaches at least
30 % of the static file's requests/s.
"""

import argparse
import asyncio
import os
import re
import secrets
import shutil
import statistics
import subprocess
import sys
import time
import urllib.request

import http_client  # bench/http_client.py (the script's folder is on sys.path)
from harness import ROOT, VENV, manage, wait_until_up

WORK = ROOT / "var" / "bench"
GUIDE_PATH = "/fr/guides/pronote/"  # a topic; the first guide in it is measured
TARGET_RATIO = 0.30


def environment(port: int) -> dict:
    env = {k: v for k, v in os.environ.items() if k not in {"DEBUG", "DATABASE_URL", "REDIS_URL"}}
    env.update(
        SECRET_KEY=secrets.token_urlsafe(50),
        DATABASE_URL=f"sqlite:///{WORK / 'bench.sqlite3'}",
        STATIC_ROOT=str(WORK / "static"),
        MEDIA_ROOT=str(WORK / "media"),
        ALLOWED_HOSTS="127.0.0.1,localhost",
        SITE_URL=f"http://127.0.0.1:{port}",
        LOG_LEVEL="WARNING",
        DJANGO_SETTINGS_MODULE="coeduc.settings",
    )
    return env


def get(url: str) -> str:
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.read().decode()


def run_wrk(url: str, duration: int, connections: int) -> tuple[float, float]:
    out = subprocess.run(
        ["wrk", "-t2", f"-c{connections}", f"-d{duration}s", "--latency", url],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    value, unit = re.search(r"\s50%\s+([\d.]+)(us|ms|s)", out).groups()
    median_ms = float(value) * {"us": 0.001, "ms": 1, "s": 1000}[unit]
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    if errors:
        raise SystemExit(f"{url}: {errors.group(1)} error responses\n{out}")
    return rps, median_ms


async def _client(host, port, path, stop, latencies):
    connection = await http_client.Connection(host, port).open()
    while time.monotonic() < stop:
        response = await connection.request("GET", path)
        latencies.append(response.milliseconds)
    await connection.close()


def run_python(url: str, duration: int, connections: int) -> tuple[float, float]:
    match = re.match(r"http://([^:/]+):(\d+)(.*)", url)
    host, port, path = match.group(1), int(match.group(2)), match.group(3)
    latencies: list[float] = []

    async def main():
        stop = time.monotonic() + duration
        await asyncio.gather(
            *(_client(host, port, path, stop, latencies) for _ in range(connections))
        )

    http_client.run(main())
    return len(latencies) / duration, statistics.median(latencies)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--duration", type=int, default=15)
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--keep", action="store_true", help="reuse var/bench/ if it is there")
    args = parser.parse_args()

    if WORK.exists() and not args.keep:
        shutil.rmtree(WORK)
    WORK.mkdir(parents=True, exist_ok=True)
    env = environment(args.port)
    print("Preparing var/bench/: migrate, load_demo, collectstatic…", flush=True)
    manage(env, "migrate", "--noinput")
    manage(env, "load_demo")
    manage(env, "collectstatic", "--noinput")

    server = subprocess.Popen(
        [
            VENV / "uvicorn",
            "coeduc.asgi:application",
            "--loop",
            "uvloop",
            "--http",
            "httptools",
            "--ws",
            "wsproto",
            "--host",
            "127.0.0.1",
            "--port",
            str(args.port),
            "--workers",
            "1",
            "--no-access-log",
            "--log-level",
            "warning",
        ],
        env=env,
        cwd=ROOT,
    )
    try:
        base = f"http://127.0.0.1:{args.port}"
        wait_until_up(f"{base}/healthz")
        topic = get(base + GUIDE_PATH)
        guide_path = re.search(r'<h3><a href="(/fr/guides/pronote/[^"]+/)"', topic).group(1)
        guide = get(base + guide_path)
        css = re.search(r'href="(/static/coeduc/css/coeduc\.[0-9a-f]+\.css)"', guide).group(1)
        measure = run_wrk if shutil.which("wrk") else run_python
        tool = f"wrk -t2 -c{args.connections} -d{args.duration}s --latency"
        if measure is run_python:
            tool = f"asyncio client, {args.connections} keep-alive connections, {args.duration}s"
        results = {}
        for name, path in [("static CSS", css), ("guide page", guide_path)]:
            get(base + path)  # warm the cache, as after any first visitor
            results[name] = measure(base + path, args.duration, args.connections)
        print(f"\nOne uvicorn worker (uvloop, httptools), SQLite, local memory cache; {tool}")
        print(f"{'URL':<48} {'req/s':>9} {'median ms':>10}")
        for name, path in [("static CSS", css), ("guide page", guide_path)]:
            rps, median = results[name]
            print(f"{name + ' ' + path:<48} {rps:9.0f} {median:10.1f}")
        print()
        subprocess.run([VENV / "python", ROOT / "bench" / "page_weight.py", base + guide_path])
        ratio = results["guide page"][0] / results["static CSS"][0]
        verdict = "OK" if ratio >= TARGET_RATIO else "BELOW TARGET"
        print(f"guide page / static file: {ratio:.0%} (target ≥ {TARGET_RATIO:.0%}): {verdict}")
        if ratio < TARGET_RATIO:
            sys.exit(1)
    finally:
        server.terminate()
        server.wait(timeout=10)


if __name__ == "__main__":
    main()
