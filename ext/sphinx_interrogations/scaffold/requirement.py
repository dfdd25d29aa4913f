"""The requirement a new archive installs: this very package, from where it was installed."""

from __future__ import annotations

import json
from importlib import metadata
from pathlib import Path
from urllib.parse import unquote, urlsplit
from urllib.request import url2pathname

DISTRIBUTION = "sphinx-interrogations"


def requirement_spec(distribution: str = DISTRIBUTION) -> str:
    """A pip requirement line for the installed ``distribution``.

    An editable checkout gives ``-e PATH``, a local folder or file ``NAME @ file:///PATH``
    (PEP 610's ``direct_url.json`` says which); anything else pins the version installed.
    Raises :class:`importlib.metadata.PackageNotFoundError` when it is not installed.
    """
    dist = _installed(distribution)
    direct = _direct_url(dist)
    url = direct.get("url", "")
    if urlsplit(url).scheme == "file":
        if direct.get("dir_info", {}).get("editable"):
            return f"-e {_local_path(url)}"
        return f"{distribution} @ {url}"
    return f"{distribution}=={dist.version}"


def documentation(distribution: str = DISTRIBUTION) -> str:
    """Where the installed ``distribution``'s documentation (its README) is to be read."""
    dist = _installed(distribution)
    url = _direct_url(dist).get("url", "")
    if urlsplit(url).scheme == "file" and _direct_url(dist).get("dir_info") is not None:
        return str(Path(_local_path(url)) / "README.md")
    return f"https://pypi.org/project/{distribution}/{dist.version}/"


def _local_path(url: str) -> str:
    return url2pathname(unquote(urlsplit(url).path))


def _installed(distribution: str) -> metadata.Distribution:
    found = list(metadata.distributions(name=distribution))
    if not found:
        raise metadata.PackageNotFoundError(distribution)
    # A build's stray .egg-info (in the checkout) has no direct_url.json: the install has.
    return next((d for d in found if _direct_url(d)), found[0])


def _direct_url(dist: metadata.Distribution) -> dict:
    text = dist.read_text("direct_url.json")
    if not text:
        return {}
    try:
        data = json.loads(text)
    except ValueError:
        return {}
    return data if isinstance(data, dict) else {}
