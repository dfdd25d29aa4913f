"""The requirement a new archive installs, read from how the running package was installed."""

from __future__ import annotations

import json
from importlib import metadata
from pathlib import Path

import pytest

from sphinx_interrogations.scaffold.requirement import documentation, requirement_spec

NAME = "fake-interrogations"


def install(site: Path, direct_url: dict | None, version: str = "2.3.4") -> None:
    """A distribution as pip leaves it: METADATA, and direct_url.json for direct installs."""
    info = site / f"fake_interrogations-{version}.dist-info"
    info.mkdir(parents=True)
    (info / "METADATA").write_text(
        f"Metadata-Version: 2.1\nName: {NAME}\nVersion: {version}\n", encoding="utf-8"
    )
    if direct_url is not None:
        (info / "direct_url.json").write_text(json.dumps(direct_url), encoding="utf-8")


@pytest.fixture
def site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.syspath_prepend(str(tmp_path))
    return tmp_path


def test_an_editable_checkout_is_installed_editable_from_its_path(site: Path) -> None:
    install(site, {"url": "file:///home/me/src/my%20checkout", "dir_info": {"editable": True}})
    assert requirement_spec(NAME) == "-e /home/me/src/my checkout"
    assert documentation(NAME) == "/home/me/src/my checkout/README.md"


def test_a_local_folder_is_installed_from_its_url(site: Path) -> None:
    install(site, {"url": "file:///home/me/src/checkout", "dir_info": {}})
    assert requirement_spec(NAME) == f"{NAME} @ file:///home/me/src/checkout"
    assert documentation(NAME) == "/home/me/src/checkout/README.md"


def test_a_local_wheel_is_installed_from_its_url(site: Path) -> None:
    wheel = "file:///tmp/fake_interrogations-2.3.4-py3-none-any.whl"
    install(site, {"url": wheel, "archive_info": {}})
    assert requirement_spec(NAME) == f"{NAME} @ {wheel}"
    assert documentation(NAME) == f"https://pypi.org/project/{NAME}/2.3.4/"


@pytest.mark.parametrize(
    "direct_url",
    [None, {"url": "https://example.org/fake.tar.gz", "archive_info": {}}, ["not", "a", "dict"]],
)
def test_anything_else_pins_the_installed_version(site: Path, direct_url: object) -> None:
    install(site, direct_url)  # type: ignore[arg-type]
    assert requirement_spec(NAME) == f"{NAME}==2.3.4"
    assert documentation(NAME) == f"https://pypi.org/project/{NAME}/2.3.4/"


def test_a_stray_egg_info_does_not_hide_the_install(
    site: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    install(site / "install", {"url": "file:///src/checkout", "dir_info": {"editable": True}})
    egg = site / "checkout" / "fake_interrogations.egg-info"  # found first, as from the cwd
    egg.mkdir(parents=True)
    (egg / "PKG-INFO").write_text(f"Metadata-Version: 2.1\nName: {NAME}\nVersion: 2.3.4\n")
    monkeypatch.syspath_prepend(str(site / "install"))
    monkeypatch.syspath_prepend(str(site / "checkout"))
    assert requirement_spec(NAME) == "-e /src/checkout"


def test_a_missing_distribution_says_so(site: Path) -> None:
    with pytest.raises(metadata.PackageNotFoundError):
        requirement_spec(NAME)
