"""Public builds: students replaced by stable pseudonyms, consent honoured, mentions scrubbed.

With ``interrogations_public = True`` the interrogation directive asks :func:`published_identity`
who the student is in public ("Student 07"), so every anchor, label, record, index, inventory and
package entry derives from the pseudonym. Names the directive does not see (a student mentioned
in someone's text, a section title, a label, an explicit ``:id:``, a cross-reference target) are
scrubbed from the doctree by :class:`ScrubNames` before the domains collect anything, after
one normalisation that knows scripts (:mod:`.matching`); a response's author is published from
the roster like a student (:mod:`.responders`).

Names never enter labels or file names: citation and footnote labels are renamed before Sphinx
registers them (:mod:`.notes`), images and downloads get content-hashed names, and a page whose
file name holds a name is refused (:mod:`.files`). What cannot be renamed or decided stops the
build with a located error and is left out: an address holding a name (:mod:`.addresses`).

The roster (CSV or TOML) lists every student: ``name``, ``aliases`` (other spellings),
``consent`` (``named``, ``pseudonym`` or ``exclude``) and an optional fixed pseudonym ``number``.
Students without a number get a four-character code from a keyed HMAC of their name, so the
mapping cannot be recovered by hashing names; the key lives outside the sources (an environment
variable or a key file). A public build without a roster, or without the key it needs, stops
with a configuration error; it never falls back to names.
"""

from .identities import CODE_ALPHABET, pseudonym_code, pseudonyms
from .policy import WITHHELD, Privacy
from .public_build import prepare_public_build, published_identity
from .roster import load_roster
from .students import Student, consent_option, stricter
from .transform import ScrubNames

__all__ = [
    "CODE_ALPHABET",
    "WITHHELD",
    "Privacy",
    "ScrubNames",
    "Student",
    "consent_option",
    "load_roster",
    "prepare_public_build",
    "pseudonym_code",
    "pseudonyms",
    "published_identity",
    "stricter",
]
