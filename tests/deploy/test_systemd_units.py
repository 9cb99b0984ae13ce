"""deploy/systemd/: units systemd accepts, ordered release step first, one worker per port."""

import configparser
import shutil
import subprocess

import pytest

from .processes import CHECKOUT, DEPLOY

UNITS = ["coeduc-web@.service", "coeduc-worker.service", "coeduc-migrate.service", "coeduc.target"]


def unit(name: str) -> configparser.ConfigParser:
    parser = configparser.ConfigParser(strict=False, interpolation=None)
    parser.optionxform = str
    parser.read(DEPLOY / "systemd" / name)
    return parser


def test_systemd_accepts_the_units(tmp_path):
    if not shutil.which("systemd-analyze"):
        pytest.skip("systemd-analyze not found")
    # The units name the checkout as installed (/srv/coeduc): here, this one.
    for name in UNITS:
        text = (DEPLOY / "systemd" / name).read_text().replace("/srv/coeduc", str(CHECKOUT))
        (tmp_path / name.replace("@.", "@8001.")).write_text(text)

    result = subprocess.run(
        ["systemd-analyze", "verify", *sorted(str(p) for p in tmp_path.iterdir())],
        capture_output=True,
        text=True,
        timeout=60,
    )

    assert result.returncode == 0, result.stderr
    assert "coeduc" not in result.stderr, result.stderr


def test_the_release_step_runs_once_before_the_workers():
    migrate = unit("coeduc-migrate.service")
    assert migrate["Service"]["Type"] == "oneshot"
    assert migrate["Service"]["ExecStart"] == "/srv/coeduc/deploy/coeduc-release"
    for name in ("coeduc-web@.service", "coeduc-worker.service"):
        assert "coeduc-migrate.service" in unit(name)["Unit"]["After"].split(), name
        assert unit(name)["Unit"]["PartOf"] == "coeduc.target"
        assert unit(name)["Install"]["WantedBy"] == "coeduc.target"


def test_each_web_unit_is_one_worker_on_its_port_stopped_gracefully():
    web = unit("coeduc-web@.service")["Service"]
    assert web["ExecStart"] == "/srv/coeduc/deploy/coeduc-web %i"
    assert web["KillSignal"] == "SIGTERM"
    # Longer than uvicorn's graceful shutdown (COEDUC_GRACEFUL_SHUTDOWN, 20 s by default).
    assert int(web["TimeoutStopSec"]) > 20
    assert web["EnvironmentFile"] == "/etc/coeduc/coeduc.env"
