"""The configuration of a public build: checked, scrubbed, and the roster loaded from it."""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from pathlib import Path

from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.errors import ConfigError

from ..config_checks import URL_VALUES
from .identities import Identity, read_key
from .policy import Privacy, scrub_value
from .roster import load_roster

#: Text-valued configuration values shown in outputs (titles, metadata, package descriptions).
TEXT_CONFIG_VALUES = (
    "project",
    "author",
    "copyright",
    "html_title",
    "html_short_title",
    "epub_title",
    "epub_author",
    "epub_publisher",
    "epub_copyright",
    "interrogations_course",
)
#: Event asking other extensions (an LMS exporter) for their public-build overrides: each
#: handler ``(app, config) -> PublicOverrides | None``.
PUBLIC_BUILD_EVENT = "seminar-public-build"
#: Configuration values forced in public builds: no raw sources, no kept system messages, and
#: no check against the anchor lock (it locks the named anchors of the full archive).
PUBLIC_OVERRIDES = {
    "html_copy_source": False,
    "html_show_sourcelink": False,
    "keep_warnings": False,
    "interrogations_anchor_lock": "",
}


@dataclass(frozen=True, slots=True)
class PublicOverrides:
    """What another extension needs of a public build: its configuration values holding text
    shown in outputs (scrubbed like the project's title) and values forced in public builds."""

    text_values: tuple[str, ...] = ()
    forced: dict[str, object] = field(default_factory=dict)


def overrides(app: Sphinx, config: Config) -> PublicOverrides:
    """The extension's own overrides joined with every registered extension's."""
    text, forced = list(TEXT_CONFIG_VALUES), dict(PUBLIC_OVERRIDES)
    for answer in app.events.emit(PUBLIC_BUILD_EVENT, config):
        if answer is not None:
            text += answer.text_values
            forced.update(answer.forced)
    return PublicOverrides(tuple(dict.fromkeys(text)), forced)


@functools.cache
def _privacy(roster: Path, modified: int, key: bytes | None) -> Privacy:
    return Privacy(roster, load_roster(roster), key)


def privacy_for(config: Config) -> Privacy:
    """The roster and pseudonyms of a public build (loaded once per roster and key).

    The roster path was made absolute by :func:`prepare_public_build`.
    """
    roster = Path(config.interrogations_roster)
    key = read_key(
        config.interrogations_pseudonym_key_env, config.interrogations_pseudonym_key_file
    )
    return _privacy(roster, roster.stat().st_mtime_ns, key)


def published_identity(
    config: Config, name: str, family_name: str, consent: str | None, location: object
) -> Identity | None:
    """Who the student of an interrogation is in this build; None leaves the item out."""
    if not config.interrogations_public:
        return Identity(name, family_name)
    return privacy_for(config).identity(name, family_name, consent, location)


def check_configured_addresses(privacy: Privacy, config: Config) -> None:
    """A configured web address holding a student's name is a configuration error: it would
    be published in every page and package, and cannot be rewritten."""
    for name in URL_VALUES:
        value = getattr(config, name, "")
        if value and (names := privacy.names_in_address(value)):
            raise ConfigError(
                f"{name} {value!r} holds a student's name ({', '.join(map(repr, names))}): a "
                "public build does not publish it; give public builds an address without it "
                f"(e.g. -D {name}=https://example.org/seminar/)"
            )


def prepare_public_build(app: Sphinx, config: Config) -> None:
    """Check a public build's roster and key, scrub titles in the configuration, hide sources.

    Anything missing is a configuration error: a public build never falls back to names.
    """
    if not config.interrogations_public:
        return
    if not config.interrogations_roster:
        raise ConfigError(
            "interrogations_public is on but interrogations_roster is not set: a public build "
            "needs the roster of students (CSV or TOML) to know who to pseudonymize"
        )
    roster = Path(app.confdir, config.interrogations_roster).resolve()
    if not roster.is_file():
        raise ConfigError(f"interrogations_roster: no such file {roster}")
    config.interrogations_roster = str(roster)
    if config.interrogations_pseudonym_key_file:
        key_file = Path(app.confdir, config.interrogations_pseudonym_key_file).resolve()
        if key_file.is_relative_to(Path(app.srcdir).resolve()):
            raise ConfigError(
                f"interrogations_pseudonym_key_file {key_file} is inside the sources: keep the "
                "key outside them"
            )
        config.interrogations_pseudonym_key_file = str(key_file)
    privacy = privacy_for(config)
    check_configured_addresses(privacy, config)
    missing = privacy.missing_pseudonyms()
    if missing:
        raise ConfigError(
            f"interrogations_public is on but {len(missing)} roster entries (first: entry "
            f"{missing[0].row}) have no fixed number and there is no pseudonym key: set the "
            f"environment variable {config.interrogations_pseudonym_key_env} or "
            "interrogations_pseudonym_key_file (the same key every build keeps pseudonyms stable)"
        )
    wanted = overrides(app, config)
    for name in wanted.text_values:
        if name in config:
            setattr(config, name, scrub_value(privacy, config[name]))
    if "latex_documents" in config:
        config.latex_documents = [
            (*entry[:2], *(scrub_value(privacy, value) for value in entry[2:4]), *entry[4:])
            for entry in config.latex_documents
        ]
    for name, value in wanted.forced.items():
        if name in config:
            setattr(config, name, value)
