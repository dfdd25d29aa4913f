"""Untrusted text stays text: raw markup and unsafe links inside interrogations are refused.

Students' and instructors' text is treated as untrusted. Inside an interrogation (question and
responses), a ``raw`` node is replaced by its source shown as a literal block, unless
``interrogations_allow_raw`` is set, and a link whose scheme is not an ordinary web or mail
scheme (``javascript:``, ``data:``, ...) keeps its text but loses its target, and math that uses
a TeX command reaching beyond the formula (reading or writing files, running programs, defining
commands: ``\\input``, ``\\write18``, ...) is shown as its source. Each refusal is a located
warning, so ``-W`` builds fail and nothing is dropped silently.
"""

from __future__ import annotations

import re

from docutils import nodes
from sphinx.transforms import SphinxTransform
from sphinx.util import logging

from .nodes import interrogation

logger = logging.getLogger(__name__)

SAFE_SCHEMES = frozenset({"", "http", "https", "mailto", "ftp", "doi"})
#: a URL's scheme, as ``urllib.parse.urlsplit`` reads it (which raises on "http://[x")
SCHEME = re.compile(r"([a-zA-Z][a-zA-Z0-9+.-]*):")
#: markers the LMSs replace in imported pages: a link holding one would be rewritten there
LMS_MARKERS = (
    "$WIKI_REFERENCE$",
    "$CANVAS_",
    "$IMS-CC-FILEBASE$",
    "$IMS_CC_FILEBASE$",
    "@@PLUGINFILE@@",
    "$@",
)
#: TeX commands a formula never needs: files, programs, definitions, catcodes, ^^ escapes
UNSAFE_TEX = re.compile(
    r"\\(?:input|include|includeonly|InputIfFileExists|IfFileExists|endinput|openin|openout|"
    r"read|readline|write|immediate|closein|closeout|special|directlua|latelua|luaexec|"
    r"catcode|csname|def|edef|gdef|xdef|let|futurelet|expandafter|newcommand|renewcommand|"
    r"providecommand|DeclareRobustCommand|NewDocumentCommand|usepackage|RequirePackage|"
    r"makeatletter|jobname|pdfshellescape|ShellEscape|verbatiminput|lstinputlisting|"
    r"includegraphics)(?![a-zA-Z])|\^\^"
)


def is_safe_uri(uri: str) -> bool:
    """Tell whether a link target is an ordinary relative, web or mail address.

    A target holding a marker an LMS rewrites on import (``$WIKI_REFERENCE$``, ...) is not.
    """
    if any(marker in uri for marker in LMS_MARKERS):
        return False
    # Browsers ignore control characters and spaces inside a scheme ("java\tscript:").
    cleaned = "".join(char for char in uri if char > " " and char != "\x7f")
    scheme = SCHEME.match(cleaned)
    return (scheme[1].lower() if scheme else "") in SAFE_SCHEMES


def is_formula(node: nodes.Node) -> bool:
    """Tell whether ``node`` is inline or display math."""
    return isinstance(node, nodes.math | nodes.math_block)


class SanitizeUntrustedText(SphinxTransform):
    """Refuse raw markup and unsafe link targets inside interrogations."""

    default_priority = 400

    def apply(self) -> None:
        """Refuse raw markup and unsafe links inside every interrogation."""
        for item in self.document.findall(interrogation):
            if not self.config.interrogations_allow_raw:
                for raw in list(item.findall(nodes.raw)):
                    self.refuse_raw(raw)
            for reference in list(item.findall(nodes.reference)):
                if "refuri" in reference and not is_safe_uri(reference["refuri"]):
                    self.refuse_link(reference)
            for image in list(item.findall(nodes.image)):
                if not is_safe_uri(image["uri"]):
                    self.refuse_image(image)
            for formula in list(item.findall(is_formula)):
                unsafe = UNSAFE_TEX.search(formula.astext())
                if unsafe:
                    self.refuse_math(formula, unsafe[0])

    def refuse_raw(self, raw: nodes.raw) -> None:
        """Show a raw node's source as a literal block, with a warning."""
        text = raw.astext()
        shown = nodes.literal_block(text, text, classes=["seminar-refused-raw"])
        replace(
            raw,
            shown,
            "raw",
            "raw %s markup in an interrogation is shown as text "
            "(set interrogations_allow_raw = True to trust it)",
            raw.get("format", ""),
        )

    def refuse_link(self, reference: nodes.reference) -> None:
        """Keep a link's text but drop its target, with a warning."""
        text = reference.astext()
        message = "unsafe link target %r refused; its text is kept"
        replace(reference, nodes.inline(text, text), "link", message, reference["refuri"])

    def refuse_math(self, formula: nodes.math | nodes.math_block, command: str) -> None:
        """Show a formula's source as text, with a warning naming the unsafe command."""
        text = formula.astext()
        literal = nodes.literal_block if isinstance(formula, nodes.math_block) else nodes.literal
        message = (
            "math using %r is shown as text: a formula cannot read or write files, run "
            "programs or define commands"
        )
        shown = literal(text, text, classes=["seminar-refused-math"])
        replace(formula, shown, "math", message, command)

    def refuse_image(self, image: nodes.image) -> None:
        """Keep an image's description but not the image, with a warning."""
        text = image.get("alt", "")
        message = "unsafe image address %r refused; its description is kept"
        replace(image, nodes.inline(text, text), "link", message, image["uri"])


def replace(
    node: nodes.Element, shown: nodes.Element, subtype: str, message: str, *args: object
) -> None:
    """Warn at ``node`` (``seminar.<subtype>``), then put ``shown`` in its place."""
    logger.warning(message, *args, location=node, type="seminar", subtype=subtype)
    shown.source, shown.line = node.source, node.line
    node.replace_self(shown)
