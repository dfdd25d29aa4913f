"""Configuration values checked when the configuration is read: one clear error each.

A value that would only fail later (an id prefix that makes invalid anchors, a published address
that is not a web address, an impossible date) is a :class:`~sphinx.errors.ConfigError` naming
the value, never a traceback or a silently broken output.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.errors import ConfigError

from .dates import date_problem

#: configuration values holding a web address (checked when the value exists)
URL_VALUES = ("html_baseurl", "ogp_site_url")
#: configuration values holding a date
DATE_VALUES = ("interrogations_lms_date",)
#: an id prefix: lowercase ASCII words joined by hyphens, letter first, may end with a hyphen
ID_PREFIX = re.compile(r"^(?:[a-z][a-z0-9]*(?:-[a-z0-9]+)*-?)?$")


def url_problem(url: str) -> str | None:
    """Why ``url`` is no usable published address (None if it is http(s) with a host, or '')."""
    if not url:
        return None
    if any(char.isspace() or ord(char) < 32 for char in url):
        return "it contains spaces or control characters"
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return "it must be an http:// or https:// address"
    if parts.query or parts.fragment:
        return "it must not have a ?query or #fragment"
    return None


def check_config(app: Sphinx, config: Config) -> None:
    """``config-inited``: refuse values that would make broken or unsafe outputs."""
    for name in URL_VALUES:
        value = getattr(config, name, "")
        problem = url_problem(value or "")
        if problem:
            raise ConfigError(f"{name} = {value!r}: {problem} (or empty while unpublished)")
    for name in DATE_VALUES:
        value = getattr(config, name, "")
        problem = date_problem(value) if value else None
        if problem:
            raise ConfigError(f"{name}: {problem}")
    prefix = config.interrogations_id_prefix
    if not ID_PREFIX.match(prefix):
        raise ConfigError(
            f"interrogations_id_prefix = {prefix!r}: use lowercase ASCII letters, digits and "
            "single hyphens, starting with a letter (e.g. 'soc929-')"
        )
    if not (config.interrogations_course or config.project).strip():
        raise ConfigError(
            "neither interrogations_course nor project is set: the archive needs a course name"
        )
