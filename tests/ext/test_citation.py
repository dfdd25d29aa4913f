"""'Cite this': permalink, plain text, BibTeX and CSL-JSON per item; meta tags; the PDF's links."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import bibtexparser
import citeproc
import pytest
from bibtexparser.middlewares import SeparateCoAuthors, SplitNameParts
from citeproc import (
    Citation,
    CitationItem,
    CitationStylesBibliography,
    CitationStylesStyle,
    formatter,
)
from citeproc.source.json import CiteProcJSON
from lxml import html as lxml_html
from pylatexenc.latex2text import LatexNodes2Text, MacroTextSpec, get_default_latex_context_db

from sphinx_interrogations.records import Person
from sphinx_interrogations.registry import FILENAME
from tests.helpers import Build, build, copy_root, parse_html

BASEURL = "https://example.org/soc929/"
COURSE = "Sociology 929 & Friends"
FORMATS = ("Permalink", "Plain text", "BibTeX", "CSL-JSON")
#: Authors as the test-cite root names them: (family, given) or a literal name.
AUTHORS: dict[str, tuple[str, str] | str] = {
    "w06-dmytro-khutkyy": ("Khutkyy", "Dmytro"),
    "w06-dmytro-khutkyy-response": "EOW",
    "w06-dmytro-khutkyy-response-2": "Erik Olin Wright",
    "w06-zoe-obrien": ("O'Brien", "Zoë"),
    "w06-plato": ("Plato", ""),
    "w06-alan-m-turing": "Alan M. Turing",
    "w06-alan-m-turing-response": "Ada {Lovelace} & Co.",
    "w07-dmytro-khutkyy": ("Khutkyy", "Dmytro"),
    "w07-dmytro-khutkyy-response": "EOW",
}
TITLES = {
    "w06-dmytro-khutkyy": "Can peer production replace capitalism?",
    "w06-dmytro-khutkyy-response": "Response to Khutkyy, Week 6",
    "w06-dmytro-khutkyy-response-2": "Response 2 to Khutkyy, Week 6",
    "w06-zoe-obrien": "Braces {and} 50% & more_of #this ~ ^ \\ $",
    "w06-plato": "Interrogation: Peer-to-peer Mutualism",
    "w06-alan-m-turing": "Interrogation: Peer-to-peer Mutualism",
    "w06-alan-m-turing-response": "Response to Turing-Smith, Week 6",
    "w07-dmytro-khutkyy": "Interrogation: Cooperatives",
    "w07-dmytro-khutkyy-response": "Response to Khutkyy, Week 7",
}
WEEKS = {6: "Week 6: Peer-to-peer Mutualism", 7: "Week 7: Cooperatives"}


def latex_decoder() -> LatexNodes2Text:
    """pylatexenc's decoder, taught the text macros its default table lacks."""
    context = get_default_latex_context_db()
    context.add_context_category(
        "text-symbols",
        prepend=True,
        macros=[
            MacroTextSpec("textbraceleft", "{"),
            MacroTextSpec("textbraceright", "}"),
            MacroTextSpec("textasciicircum", "^"),
        ],
    )
    return LatexNodes2Text(latex_context=context)


DECODE = latex_decoder().latex_to_text


def cite_texts(item: lxml_html.HtmlElement) -> dict[str, str]:
    """The texts of an item's own Cite box, by format label."""
    (box,) = item.xpath("./div[@class='sd-card-header']/details[@class='seminar-cite']")
    return {
        block.find_class("seminar-cite-label")[0].text_content(): block.find_class(
            "seminar-cite-text"
        )[0].text_content()
        for block in box.find_class("seminar-cite-format")
    }


@pytest.fixture(scope="module")
def cite(rootdir: Path, tmp_path_factory: pytest.TempPathFactory) -> Build:
    result = build(copy_root(rootdir, "cite", tmp_path_factory.mktemp("cite") / "src"))
    assert result.warnings == ""
    return result


@pytest.fixture(scope="module")
def objects(cite: Build) -> list[dict]:
    return json.loads((cite.outdir / FILENAME).read_text())["objects"]


@pytest.fixture(scope="module")
def texts(cite: Build, objects: list[dict]) -> dict[str, dict[str, str]]:
    pages = {}
    found = {}
    for entry in objects:
        docname = entry["docname"]
        pages.setdefault(docname, parse_html(cite.outdir / f"{docname}.html"))
        found[entry["id"]] = cite_texts(pages[docname].get_element_by_id(entry["id"]))
    return found


def test_every_item_offers_its_permalink_and_three_formats(
    cite: Build, objects: list[dict], texts: dict[str, dict[str, str]]
) -> None:
    assert sorted(texts) == sorted(AUTHORS)
    for entry in objects:
        assert tuple(texts[entry["id"]]) == FORMATS
        assert texts[entry["id"]]["Permalink"] == entry["absolute_url"]
        assert entry["absolute_url"] == f"{BASEURL}{entry['docname']}.html#{entry['id']}"
    page = parse_html(cite.outdir / "weeks" / "week06.html")
    links = page.xpath("//details[@class='seminar-cite']//pre/a/@href")
    assert links == [f"#{entry['id']}" for entry in objects if entry["week"] == 6]


def test_copy_buttons_wait_for_the_script(cite: Build) -> None:
    page = parse_html(cite.outdir / "weeks" / "week07.html")
    buttons = page.find_class("seminar-copy")
    assert len(buttons) == 2 * len(FORMATS)
    assert all(b.get("hidden") is not None and b.get("type") == "button" for b in buttons)
    labels = [b.get("aria-label") for b in buttons[: len(FORMATS)]]
    assert labels == [f"Copy {label}" for label in FORMATS]
    (script,) = [s for s in page.xpath("//script[@src]") if "seminar_cite.js" in s.get("src")]
    assert script.get("src").startswith("../_static/") and script.get("defer") is not None
    assert any("seminar_cite.css" in href for href in page.xpath("//link/@href"))
    static = cite.outdir / "_static"
    assert "navigator.clipboard" in (static / "seminar_cite.js").read_text()
    assert ".seminar-cite" in (static / "seminar_cite.css").read_text()


def test_plain_text_reads_as_a_citation(texts: dict[str, dict[str, str]]) -> None:
    assert texts["w06-dmytro-khutkyy"]["Plain text"] == (
        "Khutkyy, Dmytro. “Can peer production replace capitalism?” Seminar interrogation, "
        f"Week 6: Peer-to-peer Mutualism. {COURSE}, October 10. "
        f"{BASEURL}weeks/week06.html#w06-dmytro-khutkyy"
    )
    assert texts["w07-dmytro-khutkyy-response"]["Plain text"] == (
        "EOW. “Response to Khutkyy, Week 7.” Instructor response, Week 7: Cooperatives. "
        f"{COURSE}, 2013-10-17. {BASEURL}weeks/week07.html#w07-dmytro-khutkyy-response"
    )


def test_bibtex_parses_with_the_right_fields(
    objects: list[dict], texts: dict[str, dict[str, str]]
) -> None:
    for entry in objects:
        text = texts[entry["id"]]["BibTeX"]
        library = bibtexparser.parse_string(
            text, append_middleware=[SeparateCoAuthors(), SplitNameParts()]
        )
        assert library.failed_blocks == [], text
        (parsed,) = library.entries
        assert (parsed.entry_type, parsed.key) == ("misc", entry["id"])
        fields = {f.key: f.value for f in parsed.fields if f.key != "author"}
        (name,) = parsed["author"]
        expected = AUTHORS[entry["id"]]
        if isinstance(expected, str):  # one braced token: never split into first and last
            assert (name.first, name.von, DECODE(" ".join(name.last))) == ([], [], expected)
        else:
            assert (DECODE(" ".join(name.last)), " ".join(name.first)) == expected
        assert DECODE(fields["title"]) == TITLES[entry["id"]]
        assert fields["url"] == entry["absolute_url"]
        published = DECODE(fields["howpublished"])
        assert published.startswith(f"{COURSE}, {WEEKS[entry['week']]}")
        if entry["week"] == 7:
            assert (fields["year"], fields["date"]) == ("2013", "2013-10-17")
        else:
            assert "year" not in fields and published.endswith(", October 10")


def test_csl_json_has_the_required_fields(
    objects: list[dict], texts: dict[str, dict[str, str]]
) -> None:
    items = []
    for entry in objects:
        (item,) = json.loads(texts[entry["id"]]["CSL-JSON"])
        assert {"id", "type", "author", "title", "issued", "URL"} <= set(item)
        assert (item["id"], item["type"], item["URL"]) == (
            entry["id"],
            "post",
            entry["absolute_url"],
        )
        expected = AUTHORS[entry["id"]]
        if isinstance(expected, str):
            assert item["author"] == [{"literal": expected}]
        else:
            family, given = expected
            assert item["author"] == [{"family": family, **({"given": given} if given else {})}]
        assert item["title"] == TITLES[entry["id"]]
        assert (item["container-title"], item["section"]) == (COURSE, WEEKS[entry["week"]])
        week7 = {"date-parts": [[2013, 10, 17]]}
        assert item["issued"] == (week7 if entry["week"] == 7 else {"literal": "October 10"})
        items.append(item)
    style = Path(citeproc.__file__).parent / "data" / "styles" / "harvard-cite-them-right.csl"
    bibliography = CitationStylesBibliography(
        CitationStylesStyle(str(style), validate=False), CiteProcJSON(items), formatter.plain
    )
    for item in items:
        bibliography.register(Citation([CitationItem(item["id"])]))
    formatted = {str(entry) for entry in bibliography.bibliography()}
    assert (
        "Khutkyy, D. (October 10) “Can peer production replace capitalism?”, "
        f"{COURSE}. Available at: {BASEURL}weeks/week06.html#w06-dmytro-khutkyy."
    ) in formatted
    assert len(formatted) == len(items)


def test_week_pages_carry_citation_meta_tags(cite: Build) -> None:
    def meta(page: str) -> list[tuple[str, str]]:
        tree = parse_html(cite.outdir / page)
        return [
            (m.get("name"), m.get("content"))
            for m in tree.xpath(
                "//meta[starts-with(@name, 'citation_') or starts-with(@name, 'DC.')]"
            )
        ]

    week6 = meta("weeks/week06.html")
    authors = [content for name, content in week6 if name == "citation_author"]
    assert authors == [
        "Dmytro Khutkyy",
        "Zoë O'Brien",
        "Plato",
        "Alan M. Turing",
        "EOW",
        "Erik Olin Wright",
        "Ada {Lovelace} & Co.",
    ]
    assert [content for name, content in week6 if name == "DC.creator"] == authors
    tags = dict(week6)
    assert tags["citation_title"] == tags["DC.title"] == "Week 6: Peer-to-peer Mutualism"
    assert tags["citation_publisher"] == tags["DC.publisher"] == COURSE
    assert tags["citation_date"] == tags["DC.date"] == "October 10"
    assert tags["citation_fulltext_html_url"] == f"{BASEURL}weeks/week06.html"
    assert tags["DC.identifier"] == f"{BASEURL}weeks/week06.html"
    assert dict(meta("weeks/week07.html"))["citation_date"] == "2013/10/17"
    assert meta("index.html") == []


def test_without_baseurl_the_permalink_is_relative(rootdir: Path, tmp_path: Path) -> None:
    result = build(
        copy_root(rootdir, "basic", tmp_path / "src"),
        confoverrides={"interrogations_collapsible_responses": True},
    )
    tree = parse_html(result.outdir / "weeks" / "week02.html")
    asked = tree.get_element_by_id("w02-jose-nunez")
    assert cite_texts(asked)["Permalink"] == "weeks/week02.html#w02-jose-nunez"
    # a collapsible response has its box in the body: inside <summary> it would toggle
    answer = tree.get_element_by_id("w02-zoe-obrien-response")
    assert answer.xpath(".//summary//details") == []
    (box,) = answer.xpath("./div[contains(@class, 'sd-summary-content')]/details")
    assert "weeks/week02.html#w02-zoe-obrien-response" in box.text_content()
    names = tree.xpath("//meta[starts-with(@name, 'citation_')]/@name")
    assert "citation_title" in names and "citation_fulltext_html_url" not in names


def parts(person: Person) -> tuple[str, ...]:
    """(family, given) of a split name, ("literal", name) of a name kept whole."""
    return ("literal", person.full) if person.literal else (person.family, person.given)


def test_person_names_split_only_at_the_family_name() -> None:
    assert parts(Person.named("Dmytro Khutkyy", "Khutkyy")) == ("Khutkyy", "Dmytro")
    assert parts(Person.named("Ludwig van Beethoven", "van Beethoven")) == (
        "van Beethoven",
        "Ludwig",
    )
    assert parts(Person.named("Plato", "Plato")) == ("Plato", "")
    assert parts(Person.named("Anna Karlsson", "Son")) == ("literal", "Anna Karlsson")
    assert parts(Person.named("Alan M. Turing", "Turing-Smith")) == ("literal", "Alan M. Turing")


def test_the_pdf_shows_each_permalink(rootdir: Path, tmp_path: Path, objects: list[dict]) -> None:
    result = build(copy_root(rootdir, "cite", tmp_path / "src"), "latex")
    assert result.warnings == ""
    tex = (result.outdir / "citeseminar.tex").read_text()
    shown = re.findall(r"\\sphinxseminarpermalink\{\\sphinxurl\{([^}]*)\}\}", tex)
    assert [url.replace(r"\#", "#") for url in shown] == [o["absolute_url"] for o in objects]
    subprocess.run(
        ["make", "all-pdf", "LATEXMKOPTS=-interaction=nonstopmode -halt-on-error -quiet"],
        cwd=result.outdir,
        check=True,
        capture_output=True,
    )
    pdf = result.outdir / "citeseminar.pdf"
    text = subprocess.run(
        ["pdftotext", "-raw", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert f"{BASEURL}weeks/week06.html#w06-zoe-obrien" in text.replace("\n", "")
    links = subprocess.run(
        ["pdfinfo", "-url", str(pdf)], capture_output=True, text=True, check=True
    ).stdout
    for entry in objects:
        assert entry["absolute_url"] in links


def test_labels_are_translated(rootdir: Path, tmp_path: Path) -> None:
    result = build(copy_root(rootdir, "basic", tmp_path / "src"), confoverrides={"language": "de"})
    tree = parse_html(result.outdir / "weeks" / "week01.html")
    asked = tree.get_element_by_id("w01-alan-turing")
    assert asked.find_class("seminar-cite-summary")[0].text_content() == "Zitieren"
    assert [b.text_content() for b in asked.find_class("seminar-copy")][:1] == ["Kopieren"]
    texts = cite_texts(asked)
    assert tuple(texts) == ("Permalink", "Klartext", "BibTeX", "CSL-JSON")
    assert "“Frage: Foundations.” Seminarfrage, Woche 1: Foundations." in texts["Klartext"]


def test_a_rebuild_replaces_outdated_assets_quietly(rootdir: Path, tmp_path: Path) -> None:
    project = copy_root(rootdir, "basic", tmp_path / "src")
    script = build(project).outdir / "_static" / "seminar_cite.js"
    shipped = script.read_text()
    script.write_text("/* from an older version */\n")
    result = build(project)
    assert result.warnings == ""
    assert script.read_text() == shipped
