"""Property-based tests: the importer never crashes, and never drops or moves a word."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from interrogations_import.convert import convert_source
from interrogations_import.errors import DocumentError
from interrogations_import.lossless import output_words
from interrogations_import.source import source_from_text

FORMATS = st.sampled_from(["rst", "myst"])

#: lines that exercise the structure, mixed with random text in the crash test
FRAGMENTS = [
    "## 1. Jane Doe",
    "#### Zoë Ñúñez",
    "### 3) Li Wei",
    "##",
    "---",
    "* * *",
    "Interrogations Week 6. Sociology 929, October 10",
    "[EOW: a reply",
    "**[EOW: a bold reply",
    "closes here.]",
    "]**",
    "**a bold paragraph**",
    "- item",
    "1. first",
    "2) second",
    "(1) numbered",
    "Y. Benkler",
    "lowercase continuation",
    "ends mid",
    "text:: and `code` |sub| ref_ *em* **strong** ***both*** \\*",
    "&amp; <b> $5 {r}`x` % + = : > | ~ ^",
    ".. comment",
    ":field: value",
    "    indented",
    "",
    "",
]
TEXT = st.text(alphabet="ab *[]_:\\`|-#()1.\u00e9 \u00a0\t>=+~&<$%{}!\"'“”–\f\x00\r", max_size=24)


@settings(max_examples=150, deadline=None)
@given(
    lines=st.lists(st.one_of(st.sampled_from(FRAGMENTS), TEXT), max_size=14),
    student=st.booleans(),
    fmt=FORMATS,
)
def test_never_crashes(lines: list[str], student: bool, fmt: str) -> None:
    """Any input imports, or fails with a DocumentError (which carries a line number)."""
    source = source_from_text("fuzz.txt", "\n".join(["## Ana"] * student + lines))
    try:
        conversion = convert_source(source, output_format=fmt, week=6)
    except DocumentError as error:
        assert 0 <= error.lineno <= len(source.lines) and error.message
    else:
        assert conversion.output.endswith("\n")


#: (source text, the words a reader must see) for words of question and response text
TOKENS = [
    ("plain", ["plain"]),
    ("words", ["words"]),
    ("Zoë", ["Zoë"]),
    ("日本語", ["日本語"]),
    ("&", ["&"]),
    ("<b>", ["<b>"]),
    ("$5", ["$5"]),
    ("“quoted”", ["“quoted”"]),
    ("(p. 3)", ["(p.", "3)"]),
    ("[sic]", ["sic"]),
    ("[1944]", ["1944"]),
    ("a_b", ["a_b"]),
    ("trailing_", ["trailing_"]),
    ("x|y|", ["x|y|"]),
    ("`code`", ["`code`"]),
    ("back\\\\slash", ["back\\slash"]),
    ("\\*", []),
    ("*emph*", ["emph"]),
    ("**strong**", ["strong"]),
    ("*lone", ["lone"]),
    ("C#", ["C#"]),
    ("50%", ["50%"]),
    ("{x}", ["{x}"]),
    ("end::", ["end::"]),
    ("—", ["—"]),
    ("(1)", ["(1)"]),
    ("Y.", ["Y."]),
    ("e.g.", ["e.g."]),
    ("http://example.org/a_", ["http://example.org/a_"]),
    ("..", [".."]),
    (":x:", [":x:"]),
    (">>>", [">>>"]),
    ("|", ["|"]),
    ("lowercase", ["lowercase"]),
]
NAMES = ["Ana", "Zoë Ñúñez", "Li Wei", "O'Brien", "Jean-Luc Picard", "Ingrid Ødegaard", "李 明"]


@st.composite
def paragraphs(draw: st.DrawFn) -> tuple[str, list[str]]:
    tokens = draw(st.lists(st.sampled_from(TOKENS), min_size=1, max_size=10))
    return " ".join(text for text, _ in tokens), [word for _, words in tokens for word in words]


@st.composite
def blocks(draw: st.DrawFn) -> tuple[list[str], list[str]]:
    """A paragraph or a list: its source paragraphs and its words (list markers are words)."""
    kind = draw(st.sampled_from(["paragraph", "paragraph", "bullets", "numbers"]))
    if kind == "paragraph":
        text, words = draw(paragraphs())
        return [text], words
    items = draw(st.lists(paragraphs(), min_size=1, max_size=3))
    markers = ["-"] * len(items) if kind == "bullets" else [f"{n}." for n in range(1, 9)]
    lines = [f"{marker} {text}" for marker, (text, _) in zip(markers, items, strict=False)]
    words = [w for marker, (_, ws) in zip(markers, items, strict=False) for w in [marker, *ws]]
    return ["\n".join(lines)], words


@st.composite
def responses(draw: st.DrawFn) -> tuple[list[str], list[str]]:
    parts = draw(st.lists(paragraphs(), min_size=1, max_size=3))
    texts = [text for text, _ in parts]
    texts[0] = f"[EOW: {texts[0]}"
    texts[-1] = f"{texts[-1]}]"
    if draw(st.booleans()):
        texts = [f"**{text}**" for text in texts]
    return texts, [word for _, words in parts for word in words]


@st.composite
def documents(draw: st.DrawFn) -> tuple[str, list[str], list[int], int | None]:
    """A well-formed document, the words it must keep, responses per student, --week."""
    lines: list[str] = []
    words: list[str] = []
    header = draw(st.booleans())
    if header:
        lines += [
            "## Interrogations Week 4. Sociology 929, September 26",
            "### Real Utopias",
            "---",
        ]
        words += ["Sociology", "929", "September", "26", "Real", "Utopias"]
    counts = []
    for number in draw(st.lists(st.integers(1, 20), min_size=1, max_size=4)):
        name = draw(st.sampled_from(NAMES))
        hashes = "#" * draw(st.integers(2, 4))
        numbering = f"{number}. " if draw(st.booleans()) else ""
        lines.append(f"{hashes} {numbering}{name}")
        words += name.split()
        count = 0
        for is_response in draw(st.lists(st.booleans(), max_size=4)):
            texts, block_words = draw(responses() if is_response else blocks())
            lines += texts
            words += block_words
            count += is_response
        counts.append(count)
        if draw(st.booleans()):
            lines.append("---")
    return "\n\n".join(lines) + "\n", words, counts, None if header else 4


@settings(max_examples=100, deadline=None)
@given(document=documents(), fmt=FORMATS)
def test_never_drops_a_word(
    document: tuple[str, list[str], list[int], int | None], fmt: str
) -> None:
    text, words, counts, week = document
    conversion = convert_source(source_from_text("gen.md", text), output_format=fmt, week=week)
    assert output_words(conversion.output, fmt) == words
    assert [len(item.responses) for item in conversion.document.interrogations] == counts
    assert conversion.document.week.number == 4
