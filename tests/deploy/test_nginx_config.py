"""deploy/nginx/coeduc.conf, rendered and run by Debian's nginx: valid, and doing what it says."""

import os
import re
import subprocess
import time
from pathlib import Path

import pytest
from django.utils import translation

from coeduc.logfilters import PERSONAL_PARAMETER, PERSONAL_SEGMENT
from coeduc.outage import write_static_pages

from .processes import DEPLOY, Process, free_port, free_ports, nginx_binary, request

# Upstream ports where nothing listens: nginx alone is under test here.
DEAD_WORKERS = free_ports(2)


def render_run_local(run_dir: Path, port: int) -> Path:
    """The configuration deploy/run-local would start nginx with."""
    env = {
        **os.environ,
        "RUN_LOCAL_DIR": str(run_dir),
        "RUN_LOCAL_PORT": str(port),
        "RUN_LOCAL_WEB_PORT": str(DEAD_WORKERS),
    }
    result = subprocess.run(
        [str(DEPLOY / "run-local"), "--config-only"],
        env=env,
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    return Path(result.stdout.strip().splitlines()[-1])


def nginx_test(nginx: str, config: Path, prefix: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [nginx, "-t", "-p", str(prefix), "-c", str(config), "-e", str(prefix / "test-error.log")],
        capture_output=True,
        text=True,
        timeout=30,
    )


def test_run_local_configuration_is_valid(tmp_path):
    nginx = nginx_binary()
    config = render_run_local(tmp_path, free_port())

    result = nginx_test(nginx, config, config.parent)

    assert result.returncode == 0, result.stderr
    assert "test is successful" in result.stderr
    # Rendered from the template: no placeholder left, the site's own file included.
    site = (config.parent / "coeduc.conf").read_text()
    assert not re.search(r"@[A-Z_]+@", site)
    assert site.splitlines()[0] == (DEPLOY / "nginx" / "coeduc.conf").read_text().splitlines()[0]


def test_production_site_is_valid_under_debians_nginx_conf(tmp_path):
    """The example settings rendered into a copy of /etc/nginx/nginx.conf, TLS on."""
    nginx = nginx_binary()
    debian_conf = Path("/etc/nginx/nginx.conf")
    if not debian_conf.exists():
        pytest.skip("no /etc/nginx/nginx.conf")
    subprocess.run(
        [
            "openssl",
            "req",
            "-x509",
            "-newkey",
            "ec",
            "-pkeyopt",
            "ec_paramgen_curve:prime256v1",
            "-nodes",
            "-keyout",
            tmp_path / "key.pem",
            "-out",
            tmp_path / "cert.pem",
            "-subj",
            "/CN=coeduc.example.org",
            "-days",
            "2",
        ],
        check=True,
        capture_output=True,
    )
    env_file = tmp_path / "coeduc.env"
    env_file.write_text(
        (DEPLOY / "coeduc.env.example").read_text()
        + f"COEDUC_NGINX_CERTIFICATE={tmp_path / 'cert.pem'}\n"
        + f"COEDUC_NGINX_CERTIFICATE_KEY={tmp_path / 'key.pem'}\n"
        + f"COEDUC_NGINX_ACCESS_LOG={tmp_path / 'access.log'}\n"
        + f"COEDUC_NGINX_ERROR_LOG={tmp_path / 'error.log'}\n"
        + "TRUSTED_PROXIES=127.0.0.1,10.0.0.0/16\n"
    )
    site = subprocess.run(
        [str(DEPLOY / "render-nginx"), "--env", str(env_file)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    (tmp_path / "coeduc").write_text(site)
    # Debian's main file as it is, but for the sites it includes and the files it writes.
    main = debian_conf.read_text().replace("/etc/nginx/sites-enabled/*", str(tmp_path / "coeduc"))
    main = re.sub(r"/var/log/nginx/(\w+)\.log", rf"{tmp_path}/\1.log", main)
    (tmp_path / "nginx.conf").write_text(main)

    result = nginx_test(nginx, tmp_path / "nginx.conf", tmp_path)

    assert result.returncode == 0, result.stderr + site
    assert "listen 443 ssl http2;" in site
    assert "return 301 https://$host$request_uri;" in site
    assert "server_name coeduc.example.org;" in site
    assert "server 127.0.0.1:8001" in site and "server 127.0.0.1:8002" in site
    assert "set_real_ip_from 10.0.0.0/16;" in site


# --- nginx running: what it answers itself -------------------------------------------------


@pytest.fixture(scope="module")
def nginx(tmp_path_factory):
    run_dir = tmp_path_factory.mktemp("run-local")
    port = free_port()
    config = render_run_local(run_dir, port)
    static = run_dir / "static"
    (static / "coeduc").mkdir(parents=True)
    (static / "coeduc" / "site.0123456789ab.css").write_text("main{}")
    (static / "coeduc" / "site.css").write_text("main{}" * 100)
    subprocess.run(["gzip", "-k", str(static / "coeduc" / "site.css")], check=True)
    write_static_pages(static / "errors")
    media = run_dir / "media"
    for name in (
        "images/photo.png",
        "original_images/photo.JPG",
        "images/drawing.svg",
        "documents/private.pdf",
        "other/notes.txt",
    ):
        (media / name).parent.mkdir(parents=True, exist_ok=True)
        (media / name).write_bytes(b"\x89PNG\r\n\x1a\n" if name.endswith("png") else b"<svg/>")
    server = Process(
        "nginx",
        [
            nginx_binary(),
            "-p",
            str(config.parent),
            "-c",
            str(config),
            "-e",
            str(config.parent / "nginx-error.log"),
        ],
        {"PATH": os.environ.get("PATH", "/usr/bin:/bin")},
        run_dir,
    )
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        try:
            request(port, "/static/coeduc/site.css")
            break
        except OSError:
            time.sleep(0.1)
    yield port, run_dir
    server.stop()


def access_log(run_dir: Path) -> str:
    time.sleep(0.2)  # nginx writes each line when the request ends
    return (run_dir / "nginx" / "access.log").read_text()


def test_hashed_static_files_are_cached_for_good_the_others_briefly(nginx):
    port, _ = nginx
    status, headers, body = request(port, "/static/coeduc/site.0123456789ab.css")
    assert (status, body) == (200, b"main{}")
    assert headers["cache-control"] == "public, max-age=315360000, immutable"
    assert headers["x-content-type-options"] == "nosniff"

    status, headers, _ = request(
        port, "/static/coeduc/site.css", headers={"Accept-Encoding": "gzip"}
    )
    assert status == 200
    assert headers["cache-control"] == "public, max-age=60"
    assert headers["content-encoding"] == "gzip"  # collectstatic's compressed copy


def test_uploaded_images_are_shown_anything_else_downloaded(nginx):
    port, _ = nginx
    for path in ("/media/images/photo.png", "/media/original_images/photo.JPG"):
        status, headers, _ = request(port, path)
        assert status == 200, path
        assert headers["content-type"].startswith("image/"), path
        assert "content-disposition" not in headers
        assert headers["x-content-type-options"] == "nosniff"
        assert "sandbox" in headers["content-security-policy"]

    for path in ("/media/images/drawing.svg", "/media/other/notes.txt"):
        status, headers, _ = request(port, path)
        assert status == 200, path
        assert headers["content-type"] == "application/octet-stream", path
        assert headers["content-disposition"] == "attachment"
        assert "sandbox" in headers["content-security-policy"]


def test_wagtail_documents_and_folders_are_never_served(nginx):
    port, _ = nginx
    assert request(port, "/media/documents/private.pdf")[0] == 404
    status, _, body = request(port, "/media/images/")
    assert status in {403, 404}
    assert b"photo.png" not in body


@pytest.mark.parametrize(
    ("path", "language", "direction"),
    [("/fr/workshops/", "fr", "ltr"), ("/ar/workshops/", "ar", "rtl"), ("/", "fr", "ltr")],
)
def test_no_worker_answering_gives_the_sites_503_page_in_the_pages_language(
    nginx, path, language, direction
):
    port, _ = nginx
    status, headers, body = request(port, path)
    page = body.decode()

    assert status == 503
    assert headers["retry-after"] == "30"
    assert headers["cache-control"] == "no-store"
    assert headers["content-language"] == language
    assert headers["content-type"] == "text/html; charset=utf-8"
    assert f'<html lang="{language}" dir="{direction}">' in page
    with translation.override(language):
        assert f"<title>{translation.gettext('Coéduc is unavailable for a moment')}" in page
    assert "nginx" not in page


def test_a_body_over_12_mb_is_refused_before_any_worker(nginx):
    port, _ = nginx
    status, _, _ = request(
        port, "/fr/workshops/", method="POST", body=b"x" * (12 * 1024 * 1024 + 1)
    )
    assert status == 413


def personal_urls() -> list[str]:
    """One address per kind of personal token coeduc.logfilters masks, and a badge's."""
    prefixes = re.search(r"\((.*?)\)", PERSONAL_SEGMENT.pattern).group(1).split("|")
    parameters = re.search(r"\(\?:(.*?)\)", PERSONAL_PARAMETER.pattern).group(1).split("|")
    urls = [f"/fr{prefix}SECRET{n}/cancel/" for n, prefix in enumerate(prefixes)]
    urls.append("/ar/ambassadors/badges/SECRETBADGE/certificate/")
    urls += [f"/en/workshops/?page=2&{name}=SECRET{name}" for name in parameters]
    return urls


def test_the_access_log_masks_every_personal_token(nginx):
    port, run_dir = nginx
    for url in personal_urls():
        request(port, url)
    request(port, "/fr/workshops/?page=2")

    log = access_log(run_dir)

    assert "SECRET" not in log
    assert '"GET /fr/workshops/r/…/cancel/ HTTP/1.1" 503' in log
    assert '"GET /ar/ambassadors/badges/…/certificate/ HTTP/1.1"' in log
    assert '"GET /en/workshops/?… HTTP/1.1"' in log
    # What holds no token stays as it was.
    assert '"GET /fr/workshops/?page=2 HTTP/1.1"' in log


def test_the_client_address_behind_a_trusted_proxy_is_logged(nginx):
    port, run_dir = nginx
    # run-local trusts 127.0.0.1 (TRUSTED_PROXIES): the test stands for a load balancer.
    request(port, "/fr/?page=client", headers={"X-Forwarded-For": "198.51.100.7"})

    line = next(line for line in access_log(run_dir).splitlines() if "page=client" in line)

    assert line.startswith("198.51.100.7 ")
