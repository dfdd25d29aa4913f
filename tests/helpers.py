"""Helpers shared by the tests: parse built HTML, write throwaway Sphinx projects."""

from __future__ import annotations

import io
import shutil
import textwrap
from dataclasses import dataclass
from pathlib import Path

from lxml import html as lxml_html
from sphinx.environment import BuildEnvironment
from sphinx.testing.util import SphinxTestApp


def parse_html(path: Path) -> lxml_html.HtmlElement:
    """Parse a built HTML page."""
    return lxml_html.fromstring(path.read_bytes())


def ids_of(tree: lxml_html.HtmlElement, css_class: str) -> list[str]:
    """The ``id`` of every element with ``css_class``, in document order."""
    return [el.get("id") for el in tree.find_class(css_class)]


def write_project(root: Path, files: dict[str, str], conf: str = "") -> Path:
    """Write a small Sphinx project (conf.py + dedented files) into ``root``."""
    root.mkdir(parents=True, exist_ok=True)
    (root / "conf.py").write_text(
        'extensions = ["sphinx_interrogations"]\nproject = "T"\n' + textwrap.dedent(conf)
    )
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    return root


@dataclass
class Build:
    """What a finished Sphinx build left behind."""

    outdir: Path
    warnings: str
    env: BuildEnvironment


def build(
    srcdir: Path,
    builder: str = "html",
    *,
    outdir: Path | None = None,
    confdir: Path | None = None,
    parallel: int = 0,
    confoverrides: dict[str, object] | None = None,
    freshenv: bool = False,
) -> Build:
    """Build ``srcdir`` with Sphinx's test application, clean up, and return the result."""
    warnings = io.StringIO()
    app = SphinxTestApp(
        builder,
        srcdir=srcdir,
        builddir=(outdir or srcdir / "_build"),
        confdir=confdir,
        status=io.StringIO(),
        warning=warnings,
        parallel=parallel,
        confoverrides=confoverrides or {},
        freshenv=freshenv,
    )
    try:
        app.build()
        return Build(Path(app.outdir), warnings.getvalue(), app.env)
    finally:
        app.cleanup()


def copy_root(rootdir: Path, name: str, destination: Path) -> Path:
    """Copy test root ``test-<name>`` to ``destination`` and return the copy."""
    shutil.copytree(rootdir / f"test-{name}", destination)
    return destination


def build_archive(
    outdir: Path,
    builder: str = "html",
    *,
    parallel: int = 0,
    confoverrides: dict[str, object] | None = None,
) -> Build:
    """Build the real archive (``conf.py`` at the repository root, pages in ``source/``).

    :class:`SphinxTestApp` always reads ``conf.py`` from the source folder, so this drives
    :class:`sphinx.application.Sphinx` itself, as ``sphinx-build -c <repo> source <out>`` does.
    """
    from sphinx.application import Sphinx
    from sphinx.util.docutils import docutils_namespace, patch_docutils

    repo = Path(__file__).resolve().parent.parent
    warnings = io.StringIO()
    with patch_docutils(repo), docutils_namespace():
        app = Sphinx(
            repo / "source",
            repo,
            outdir / builder,
            outdir / "doctrees",
            builder,
            confoverrides=confoverrides or {},
            status=io.StringIO(),
            warning=warnings,
            parallel=parallel,
        )
        app.build()
    return Build(Path(app.outdir), warnings.getvalue(), app.env)
