"""Configuration values of the extension, all prefixed ``interrogations_``."""

from __future__ import annotations

from sphinx.application import Sphinx

#: name -> (default, rebuild, types, description)
CONFIG_VALUES: dict[str, tuple[object, str, tuple[type, ...], str]] = {
    "interrogations_responder": (
        "Instructor",
        "env",
        (str,),
        "Name shown on a response that has no :by: option.",
    ),
    "interrogations_course": (
        "",
        "env",
        (str,),
        "Course name used when a week has no :course: option (default: the project name).",
    ),
    "interrogations_id_prefix": (
        "",
        "env",
        (str,),
        "Prefix of every anchor, to keep several archives apart (e.g. 'soc929-2013-').",
    ),
    "interrogations_term": (
        "",
        "",
        (str,),
        "Key of the one term to make outputs for (LMS packages, PDF book); empty: every term "
        "(make TERM=2013-fall canvas).",
    ),
    "interrogations_pdf_archive": (
        False,
        "",
        (bool,),
        "Also make one PDF book of the whole archive, besides the book of each term "
        "(make pdf-all).",
    ),
    "interrogations_collapsible_responses": (
        False,
        "html",
        (bool,),
        "Render responses in HTML as collapsible blocks (closed until opened).",
    ),
    "interrogations_anchor_lock": (
        "anchors.lock",
        "",
        (str,),
        "Lock file of published anchors, relative to the configuration directory; every build "
        "fails if a locked anchor is gone. Empty: no lock.",
    ),
    "interrogations_allow_raw": (
        False,
        "env",
        (bool,),
        "Trust raw HTML/LaTeX inside interrogations (otherwise it is shown as text).",
    ),
    "interrogations_public": (
        False,
        "env",
        (bool,),
        "Public build: students pseudonymized or left out as the roster's consent says.",
    ),
    "interrogations_roster": (
        "",
        "env",
        (str,),
        "Roster of students (CSV or TOML: name, aliases, consent, number), relative to the "
        "configuration directory; required by public builds.",
    ),
    "interrogations_pseudonym_key_env": (
        "INTERROGATIONS_PSEUDONYM_KEY",
        "env",
        (str,),
        "Environment variable holding the secret key that makes pseudonyms (public builds).",
    ),
    "interrogations_pseudonym_key_file": (
        "",
        "env",
        (str,),
        "File holding the pseudonym key when the environment variable is unset, relative to "
        "the configuration directory; must lie outside the sources.",
    ),
}


def register(app: Sphinx) -> None:
    """Add every configuration value of the extension to ``app``."""
    for name, (default, rebuild, types, description) in CONFIG_VALUES.items():
        app.add_config_value(name, default, rebuild, types=types, description=description)
