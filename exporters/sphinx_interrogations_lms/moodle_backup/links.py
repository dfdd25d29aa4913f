"""Links and file references inside the backup's HTML: finding them, encoding them.

A link to another page (:func:`.model.page_href`) becomes ``$@PAGEVIEWBYID*<module id>@$``,
which Moodle's restore decodes into the new course's ``/mod/page/view.php?id=<new id>``; a
fragment after it is kept. ``@@PLUGINFILE@@/<path>`` stays as it is: Moodle resolves it to
the page's own file when it shows the page.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from urllib.parse import unquote

from .model import PAGE_LINK_SCHEME, PLUGINFILE
from .text import restore_safe_html

#: what a page key may hold (it is written into HTML attributes unescaped)
KEY = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]*")
_PAGE_LINK = re.compile(re.escape(PAGE_LINK_SCHEME) + r"([^\s\"'<>#]*)")
_FILE_REFERENCE = re.compile(re.escape(PLUGINFILE) + r"/([^\s\"'<>?#]*)")


def page_link(cmid: int) -> str:
    """The backup's placeholder for the view URL of the Page with module id ``cmid``."""
    return f"$@PAGEVIEWBYID*{cmid}@$"


def linked_keys(html: str) -> list[str]:
    """The page keys ``html`` links to, in order of appearance."""
    return _PAGE_LINK.findall(html)


def encode_page_links(html: str, cmids: Mapping[str, int]) -> str:
    """``html`` with every page link replaced by Moodle's placeholder (all keys must be known)."""
    return _PAGE_LINK.sub(lambda match: page_link(cmids[match.group(1)]), html)


def backup_html(html: str, cmids: Mapping[str, int]) -> str:
    """``html`` as the backup stores it: literal ``$@`` defused, then page links encoded."""
    return encode_page_links(restore_safe_html(html), cmids)


def referenced_files(html: str) -> list[str]:
    """The file names (decoded paths) ``html`` refers to through ``@@PLUGINFILE@@``."""
    return [unquote(path) for path in _FILE_REFERENCE.findall(html)]


def has_file_reference(html: str) -> bool:
    """Whether ``html`` uses ``@@PLUGINFILE@@`` at all."""
    return PLUGINFILE in html
