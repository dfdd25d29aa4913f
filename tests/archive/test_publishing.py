"""The ready-made publishing configurations deploy the public (pseudonymised) site only, and
the site's address is read in one place (conf.py)."""

from __future__ import annotations

import re
import runpy
import subprocess

import pytest
import yaml

from tests.conftest import REPO
from tests.helpers import build_archive, parse_html


def test_github_pages_builds_and_uploads_only_the_public_site() -> None:
    workflow = yaml.safe_load((REPO / ".github" / "workflows" / "pages.yml").read_text())
    steps = workflow["jobs"]["build"]["steps"]
    commands = "\n".join(step.get("run", "") for step in steps)
    assert "make public-html" in commands
    assert not re.search(r"make (html|all|pdf)\b|sphinx-build", commands)
    [upload] = [s for s in steps if s.get("uses", "").startswith("actions/upload-pages-artifact")]
    assert upload["with"]["path"] == "_build/public/html"
    secrets = [s["env"] for s in steps if "env" in s]
    assert {"INTERROGATIONS_PSEUDONYM_KEY", "INTERROGATIONS_BASEURL"} <= set().union(*secrets)
    assert "secrets.INTERROGATIONS_PSEUDONYM_KEY" in str(secrets)


def test_make_public_html_is_the_public_build() -> None:
    commands = subprocess.run(
        ["make", "--no-print-directory", "-n", "public-html"],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    [build] = [line for line in commands.splitlines() if "sphinx-build" in line]
    assert "-D interrogations_public=1" in build and build.endswith("_build/public/html")


def test_read_the_docs_builds_only_the_public_site() -> None:
    config = yaml.safe_load((REPO / ".readthedocs.yaml").read_text())
    [command] = config["build"]["jobs"]["build"]["html"]
    assert "-D interrogations_public=1" in command
    assert "-W --keep-going" in command
    [check] = config["build"]["jobs"]["pre_build"]
    assert "INTERROGATIONS_PSEUDONYM_KEY" in check and "exit 1" in check


@pytest.mark.parametrize(
    ("environment", "expected"),
    [
        ({}, ""),
        ({"INTERROGATIONS_BASEURL": "https://example.org/soc929/"}, "https://example.org/soc929/"),
        (
            {"READTHEDOCS_CANONICAL_URL": "https://soc929.readthedocs.io/en/latest/"},
            "https://soc929.readthedocs.io/en/latest/",
        ),
    ],
)
def test_the_address_comes_from_the_host_and_feeds_the_sitemap_and_cards(
    monkeypatch: pytest.MonkeyPatch, environment: dict[str, str], expected: str
) -> None:
    for name in ("INTERROGATIONS_BASEURL", "READTHEDOCS_CANONICAL_URL"):
        monkeypatch.delenv(name, raising=False)
    for name, value in environment.items():
        monkeypatch.setenv(name, value)
    conf = runpy.run_path(str(REPO / "conf.py"))
    assert conf["html_baseurl"] == expected
    assert conf["ogp_site_url"] == expected
    assert ("sphinx_sitemap" in conf["extensions"]) == bool(expected)


# sphinx-sitemap 2.9 still reads env.app (deprecated in Sphinx 9, removed in 11)
@pytest.mark.filterwarnings("ignore:'sphinx.environment.BuildEnvironment.app' is deprecated")
def test_published_archive_has_a_sitemap_and_cards_with_the_titles(
    tmp_path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("INTERROGATIONS_BASEURL", "https://example.org/soc929/")
    built = build_archive(tmp_path, "html")
    assert built.warnings == ""
    sitemap = (built.outdir / "sitemap.xml").read_text(encoding="utf-8")
    assert "<loc>https://example.org/soc929/2013-fall/week06.html</loc>" in sitemap
    page = parse_html(built.outdir / "2013-fall" / "week06.html")
    cards = {m.get("property"): m.get("content") for m in page.xpath("//meta[@property]")}
    assert cards["og:title"] == "Week 6: Peer-to-peer Mutualism"
    assert cards["og:url"] == "https://example.org/soc929/2013-fall/week06.html"
    cite = page.find_class("seminar-cite-text")[0].text_content()
    assert cite == "https://example.org/soc929/2013-fall/week06.html#w06-dmytro-khutkyy"
