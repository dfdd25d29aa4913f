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
    "interrogations_collapsible_responses": (
        False,
        "html",
        (bool,),
        "Render responses in HTML as collapsible blocks (closed until opened).",
    ),
    "interrogations_allow_raw": (
        False,
        "env",
        (bool,),
        "Trust raw HTML/LaTeX inside interrogations (otherwise it is shown as text).",
    ),
}


def register(app: Sphinx) -> None:
    """Add every configuration value of the extension to ``app``."""
    for name, (default, rebuild, types, description) in CONFIG_VALUES.items():
        app.add_config_value(name, default, rebuild, types=types, description=description)
