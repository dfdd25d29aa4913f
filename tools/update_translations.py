"""Refresh the extension's message catalogs: extract labels to the .pot, merge into each
language's .po, and compile the .mo files Sphinx loads.

Run: ``.venv/bin/python tools/update_translations.py`` after changing a translatable label.
"""

from __future__ import annotations

from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

REPO = Path(__file__).resolve().parent.parent
PACKAGE = REPO / "ext" / "sphinx_interrogations"
#: Packages whose labels use this catalog (the exporters share the extension's).
SOURCES = (PACKAGE, REPO / "exporters" / "sphinx_interrogations_lms")
LOCALE = PACKAGE / "locale"
DOMAIN = "sphinx_interrogations"


def extract() -> Catalog:
    """Every ``_()`` label in the Python modules of :data:`SOURCES`."""
    catalog = Catalog(project=DOMAIN, charset="utf-8", fuzzy=False)
    for source in SOURCES:
        for filename, lineno, message, comments, context in extract_from_dir(
            source, method_map=[("**.py", "python")], keywords={"_": None}
        ):
            catalog.add(
                message, None, [(filename, lineno)], auto_comments=comments, context=context
            )
    return catalog


def main() -> None:
    template = extract()
    with (LOCALE / f"{DOMAIN}.pot").open("wb") as out:
        write_po(out, template, omit_header=True, sort_output=True, width=100, no_location=True)
    for po_path in sorted(LOCALE.glob(f"*/LC_MESSAGES/{DOMAIN}.po")):
        with po_path.open("rb") as source:
            catalog = read_po(source)
        catalog.update(template, no_fuzzy_matching=True)
        with po_path.open("wb") as out:
            write_po(out, catalog, omit_header=True, sort_output=True, width=100, no_location=True)
        with po_path.with_suffix(".mo").open("wb") as out:
            write_mo(out, catalog, use_fuzzy=False)
        print(f"updated {po_path.relative_to(PACKAGE)}")


if __name__ == "__main__":
    main()
