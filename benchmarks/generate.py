"""Deterministic generator of synthetic seminar archives, in three equivalent source forms.

One archive model (weeks, students, question and response text) is drawn from a seeded random
generator and a built-in vocabulary, then written as:

- ``seminar``: the archive's own directives (``week``, ``interrogation``, ``response``);
- ``plain``: plain reStructuredText sections and labels, no extension (the floor);
- ``exercise``: sphinx-exercise's ``exercise`` / ``solution`` directives (the nearest peer).

The three forms hold the same words, emphasis, lists and cross-references. Weeks are grouped
into terms (one folder and one toctree page per term), as a department's archive would be.

Usage: ``python benchmarks/generate.py OUT --weeks 100 --students 20 --variant seminar``.
"""

from __future__ import annotations

import argparse
import random
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from interrogations_import import model
from interrogations_import.inline import parse_inline
from interrogations_import.writer_rst import write_rst
from sphinx_interrogations import identity as ids

VARIANTS = ("seminar", "plain", "exercise")
COURSE = "Sociology 929"
RESPONDER = "EOW"
WEEKS_PER_TERM = 15
QUESTION_WORDS = 300
RESPONSE_WORDS = 120
LINE_WIDTH = 90
#: Placeholder for a cross-reference in generated text; each variant renders it in its syntax.
XREF = re.compile(r"@@([a-z0-9-]+)@@")

# -- vocabulary (written for this benchmark) ---------------------------------------------------


def vocabulary(text: str) -> tuple[str, ...]:
    return tuple(text.split())


DETERMINERS = vocabulary("the the the this their such every its our no")
PREPOSITIONS = vocabulary("of of of in for within against beyond through under between")
CONJUNCTIONS = vocabulary("and but because while although whereas since")
NOUNS = vocabulary(
    """production capitalism market state class power hierarchy cooperation democracy
    institution movement economy labor value property network platform community association
    mutualism participation equality autonomy solidarity reform alternative transformation
    household wage commons enterprise union welfare inequality governance accountability income
    emancipation utopia society knowledge technology incentive contradiction mechanism strategy
    resistance ideology culture exchange reciprocity ownership sector agency structure dynamic
    collective commodity profit investment citizen worker budget council cooperative firm logic
    legitimacy freedom interest scale process practice argument example tension framework problem
    question domination exploitation regulation redistribution deliberation trust sustainability"""
)
VERBS = vocabulary(
    """claims argues suggests shows assumes implies undermines reinforces transforms expands
    displaces requires produces reproduces sustains challenges limits enables explains depends
    reflects constrains generates organizes replaces supports weakens creates proposes questions
    resolves"""
)
ADJECTIVES = vocabulary(
    """capitalist democratic egalitarian voluntary collective economic social political
    hierarchical participatory real utopian dominant alternative peer-to-peer cooperative viable
    emancipatory structural institutional local global digital public private moral material
    radical gradual sustainable unequal interstitial symbiotic ruptural contemporary historical
    broader specific internal external"""
)
ADVERBS = vocabulary(
    """perhaps clearly eventually gradually largely really simply actually merely fundamentally
    increasingly arguably"""
)
AUTHORS = vocabulary(
    """Benkler Wright Polanyi Ostrom Gramsci Marx Weber Fraser Olin Burawoy Sen Hayek Dahl
    Habermas Mansbridge Fung Unger Block Streeck Piketty"""
)
GIVEN_NAMES = vocabulary(
    """Dmytro Yotaro Amara Lucas Ines Mei Tomasz Aiko Kwame Sofia Rafael Leila Jonas Priya Mateo
    Hana Oskar Zainab Elena Diego Nadia Felix Yara Ivan Chloe Samir Greta Kofi Lena Pablo Ayesha
    Henrik Noor Tariq Marta Jun Alma Emil Farah Rosa"""
)
FAMILY_NAMES = vocabulary(
    """Khutkyy Natani Okafor Silva Moreau Chen Kowalski Tanaka Mensah Rossi Alvarez Haddad Berg
    Sharma Garcia Sato Lindqvist Rahman Petrova Torres Novak Weber Costa Ivanova Dubois Nakamura
    Farouk Jensen Osei Romero Kaur Nilsson Bakr Horvat Kim Duarte Larsen Aziz Moretti Varga"""
)
MONTHS = ("September", "October", "November", "December")
RESPONSE_HEADING = f"Instructor response \u2014 {RESPONDER}"


# -- the archive model --------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Interrogation:
    """One student's question and the instructor's response (text holds XREF placeholders)."""

    student: str
    anchor: str
    question: tuple[str, ...]  # blocks: a paragraph, or a bullet list (lines starting "- ")
    response: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Week:
    number: int
    topic: str
    date: str
    interrogations: tuple[Interrogation, ...]

    @property
    def term(self) -> int:
        return term_of(self.number)

    @property
    def docname(self) -> str:
        return f"term{self.term:03d}/week{self.number:04d}"


def term_of(week: int) -> int:
    return (week - 1) // WEEKS_PER_TERM + 1


class TextSource:
    """Seeded sentences, paragraphs and lists of realistic length from the vocabulary."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng

    def noun_phrase(self) -> list[str]:
        """[determiner] [adjective] noun [preposition [determiner] noun]."""
        choice, chance = self.rng.choice, self.rng.random
        words = [choice(DETERMINERS)] if chance() < 0.7 else []
        if chance() < 0.5:
            words.append(choice(ADJECTIVES))
        words.append(choice(NOUNS))
        if chance() < 0.4:
            words.append(choice(PREPOSITIONS))
            if chance() < 0.5:
                words.append(choice(DETERMINERS))
            words.append(choice(NOUNS))
        return words

    def clause(self) -> list[str]:
        """noun phrase, [adverb] verb, noun phrase."""
        adverb = [self.rng.choice(ADVERBS)] if self.rng.random() < 0.25 else []
        return [*self.noun_phrase(), *adverb, self.rng.choice(VERBS), *self.noun_phrase()]

    def words(self, count: int) -> list[str]:
        """Clauses joined by conjunctions, at least ``count`` words."""
        words = self.clause()
        while len(words) < count:
            words += [self.rng.choice(CONJUNCTIONS), *self.clause()]
        return words

    def sentence(self, count: int) -> str:
        words = self.words(count)
        count = len(words)
        if count > 6 and self.rng.random() < 0.25:  # an emphasised phrase
            start = self.rng.randrange(1, count - 4)
            end = start + self.rng.randint(2, 4)
            marker = "**" if self.rng.random() < 0.2 else "*"
            words[start] = marker + words[start]
            words[end - 1] += marker
        for index in range(1, count):
            if words[index] in CONJUNCTIONS and self.rng.random() < 0.6:
                words[index - 1] += ","
        text = " ".join(words)
        if self.rng.random() < 0.12:
            author = self.rng.choice(AUTHORS)
            text += f" ({author}, {self.rng.randint(1990, 2013)}, p. {self.rng.randint(3, 400)})"
        end = "?" if self.rng.random() < 0.15 else "."
        return text[0].upper() + text[1:] + end

    def paragraph(self, count: int) -> str:
        sentences: list[str] = []
        while count > 0:
            sentences.append(self.sentence(min(count, self.rng.randint(10, 26))))
            count -= len(sentences[-1].split())
        return " ".join(sentences)

    def bullet_list(self) -> tuple[str, int]:
        items = [self.sentence(self.rng.randint(6, 12)) for _ in range(self.rng.randint(2, 4))]
        return "\n".join(f"- {item}" for item in items), sum(len(i.split()) for i in items)

    def blocks(self, total: int, xrefs: list[str], list_chance: float) -> tuple[str, ...]:
        """About ``total`` words in paragraphs (and maybe a list), citing each of ``xrefs``."""
        total = self.rng.randint(int(total * 0.7), int(total * 1.3))
        paragraphs = max(1, round(total / 80))
        blocks = [self.paragraph(total // paragraphs) for _ in range(paragraphs)]
        if self.rng.random() < list_chance:
            listing, _count = self.bullet_list()
            blocks.insert(self.rng.randint(1, len(blocks)), listing)
        for anchor in xrefs:
            index = self.rng.randrange(len(blocks))
            if blocks[index].startswith("- "):
                index = 0
            blocks[index] += f" This echoes an earlier point (see @@{anchor}@@)."
        return tuple(blocks)

    def title(self) -> str:
        noun, other = self.rng.sample(NOUNS, 2)
        return f"{self.rng.choice(ADJECTIVES).title()} {noun.title()} and {other.title()}"


def roster(rng: random.Random, students: int) -> list[str]:
    """Distinct student names (distinct slugs) for one term."""
    names: dict[str, str] = {}
    while len(names) < students:
        name = f"{rng.choice(GIVEN_NAMES)} {rng.choice(FAMILY_NAMES)}"
        names.setdefault(ids.slug(name), name)
    return list(names.values())


def archive(weeks: int, students: int, seed: int = 929) -> Iterator[Week]:
    """The archive's weeks, one at a time (same arguments, same archive)."""
    rng = random.Random(seed)
    text = TextSource(rng)
    earlier: list[str] = []
    names: list[str] = []
    for number in range(1, weeks + 1):
        if (number - 1) % WEEKS_PER_TERM == 0:
            names = roster(rng, students)
        items = []
        for student in names:
            anchor = ids.interrogation_anchor(number, ids.slug(student))
            cited = [rng.choice(earlier)] if earlier and rng.random() < 0.1 else []
            answer_cited = [rng.choice(earlier)] if earlier and rng.random() < 0.05 else []
            items.append(
                Interrogation(
                    student=student,
                    anchor=anchor,
                    question=text.blocks(QUESTION_WORDS, cited, list_chance=0.3),
                    response=text.blocks(RESPONSE_WORDS, answer_cited, list_chance=0.1),
                )
            )
        earlier.extend(item.anchor for item in items)
        date = f"{MONTHS[(number - 1) // 4 % len(MONTHS)]} {(number - 1) % 4 * 7 + 3}"
        yield Week(number, text.title(), date, tuple(items))


# -- writing reStructuredText -------------------------------------------------------------------


def wrap(block: str, indent: str) -> str:
    """Wrap a paragraph (or each item of a bullet list) at LINE_WIDTH, indented."""
    if block.startswith("- "):
        items = [item[2:] for item in block.split("\n")]
        return "\n".join(wrap_words(item, indent + "- ", indent + "  ") for item in items)
    return wrap_words(block, indent, indent)


def wrap_words(text: str, first: str, rest: str) -> str:
    lines: list[str] = []
    line = first
    for word in text.split(" "):
        if len(line) + len(word) > LINE_WIDTH and line.strip():
            lines.append(line.rstrip())
            line = rest
        line += word + " "
    lines.append(line.rstrip())
    return "\n".join(lines)


def body(blocks: tuple[str, ...], indent: str, role: str) -> str:
    text = "\n\n".join(wrap(block, indent) for block in blocks)
    return XREF.sub(lambda match: f"{role}`{match.group(1)}`", text)


def heading(text: str, underline: str, overline: bool = False) -> str:
    rule = underline * len(text)
    return f"{rule}\n{text}\n{rule}\n" if overline else f"{text}\n{rule}\n"


def week_title(week: Week) -> str:
    return f"Week {week.number}: {week.topic}"


def model_blocks(blocks: tuple[str, ...]) -> tuple[model.Block, ...]:
    """Generated blocks as the importer's model: paragraphs and bullet lists of styled spans."""
    result: list[model.Block] = []
    for block in blocks:
        if block.startswith("- "):
            items = tuple(parse_inline(item[2:])[0] for item in block.split("\n"))
            result.append(model.ItemList(ordered=False, marker="-", start=1, items=items, line=0))
        else:
            result.append(model.Paragraph(parse_inline(block)[0], line=0))
    return tuple(result)


def seminar_page(week: Week) -> str:
    """The week in the archive's directives, written by the importer's reST writer."""
    document = model.Document(
        source_name="",
        week=model.Week(week.number, COURSE, week.date, week.topic),
        intro=(),
        interrogations=tuple(
            model.Interrogation(
                name=item.student,
                line=0,
                body=(
                    *model_blocks(item.question),
                    model.Response(RESPONDER, model_blocks(item.response), line=0),
                ),
            )
            for item in week.interrogations
        ),
    )
    page = write_rst(document, note="Generated by benchmarks/generate.py.")
    return XREF.sub(lambda match: f":seminar:interrogation:`{match.group(1)}`", page)


def plain_page(week: Week) -> str:
    parts = [
        heading(week_title(week), "=", overline=True),
        f"{COURSE} \u00b7 Week {week.number} \u00b7 {week.date}\n",
    ]
    for position, item in enumerate(week.interrogations, start=1):
        response = ids.response_anchor(item.anchor, 1)
        parts.append(
            f".. _{item.anchor}:\n\n"
            f"{heading(f'{week.number}.{position} {item.student}', '-')}\n"
            f"{body(item.question, '', ':ref:')}\n\n"
            f".. _{response}:\n\n"
            f"{heading(RESPONSE_HEADING, '~')}\n"
            f"{body(item.response, '', ':ref:')}\n"
        )
    return "\n".join(parts)


def exercise_page(week: Week) -> str:
    parts = [
        heading(week_title(week), "=", overline=True),
        f"{COURSE} \u00b7 Week {week.number} \u00b7 {week.date}\n",
    ]
    for item in week.interrogations:
        response = ids.response_anchor(item.anchor, 1)
        parts.append(
            f".. exercise:: {item.student}\n   :label: {item.anchor}\n\n"
            f"{body(item.question, '   ', ':ref:')}\n\n"
            f".. solution:: {item.anchor}\n   :label: {response}\n\n"
            f"{body(item.response, '   ', ':ref:')}\n"
        )
    return "\n".join(parts)


PAGES = {"seminar": seminar_page, "plain": plain_page, "exercise": exercise_page}
EXTENSIONS = {"seminar": ["sphinx_interrogations"], "plain": [], "exercise": ["sphinx_exercise"]}


#: The themes a variant can be built with. ``furo`` is the archive's own HTML set-up (its
#: ``conf.py``): furo with its options and title, and the extensions it loads that change every
#: page (OpenGraph tags; the sitemap, which the archive loads when ``html_baseurl`` is set, so a
#: fixed address is set here). ``alabaster`` is Sphinx's default, with its default sidebars.
THEMES = ("furo", "alabaster")
THEME_SETTINGS = {
    "furo": (
        'html_theme = "furo"\n'
        "html_title = project\n"
        'html_theme_options = {"top_of_page_buttons": []}\n'
        'html_baseurl = "https://archive.example.org/"\n'
        'sitemap_url_scheme = "{link}"\n'
        "ogp_site_url = html_baseurl\n"
        'ogp_social_cards = {"enable": False}\n'
    ),
    "alabaster": 'html_theme = "alabaster"\n',
}
THEME_EXTENSIONS = {"furo": ["sphinxext.opengraph", "sphinx_sitemap"], "alabaster": []}


def extensions(variant: str, theme: str) -> list[str]:
    """The extensions a variant's ``conf.py`` loads with ``theme``."""
    return EXTENSIONS[variant] + THEME_EXTENSIONS[theme]


def conf_py(variant: str, theme: str = "furo") -> str:
    """The same project settings for every variant of a theme; only the extensions differ."""
    return (
        '"""Benchmark archive (generated by benchmarks/generate.py)."""\n\n'
        f'project = "{COURSE}: Interrogations (benchmark)"\n'
        f"extensions = {extensions(variant, theme)!r}\n"
        "smartquotes = False\n"
        f"{THEME_SETTINGS[theme]}"
        f'interrogations_course = "{COURSE}"\n'
        f'interrogations_responder = "{RESPONDER}"\n'
    )


def toctree(title: str, entries: list[str]) -> str:
    lines = "\n".join(f"   {entry}" for entry in entries)
    return f"{heading(title, '=', overline=True)}\n.. toctree::\n   :maxdepth: 1\n\n{lines}\n"


def write(
    out: Path, variant: str, weeks: int, students: int, seed: int = 929, theme: str = "furo"
) -> Path:
    """Write one variant of the archive to ``out`` (created); return the path of one week."""
    page = PAGES[variant]
    out.mkdir(parents=True, exist_ok=True)
    (out / "conf.py").write_text(conf_py(variant, theme), encoding="utf-8")
    terms: dict[int, list[str]] = {}
    for week in archive(weeks, students, seed):
        path = out / f"{week.docname}.rst"
        path.parent.mkdir(exist_ok=True)
        path.write_text(page(week), encoding="utf-8")
        terms.setdefault(week.term, []).append(Path(week.docname).name)
    for term, pages in terms.items():
        index = out / f"term{term:03d}" / "index.rst"
        index.write_text(toctree(f"Term {term}", pages), encoding="utf-8")
    root = toctree(f"{COURSE}: Interrogations", [f"term{t:03d}/index" for t in terms])
    (out / "index.rst").write_text(root, encoding="utf-8")
    return out / f"{middle_week(weeks)}.rst"


#: The seed archive (the repository's own sources): one term, one week of 12 interrogations and
#: their 12 responses, replicated by :func:`write_seed`.
SEED = Path(__file__).resolve().parent.parent / "source"
SEED_TERM = "2013-fall"
SEED_WEEK = 6
#: Issue 17 measured the seed's text at 2,040 items: 85 copies of its week of 24 items.
SEED_COPIES = 85


def write_seed(out: Path, copies: int, theme: str = "furo") -> int:
    """The seed archive with its week copied ``copies`` times (weeks 1, 2, …), in its term;
    return how many items (interrogations and responses) it holds."""
    out.mkdir(parents=True, exist_ok=True)
    (out / "conf.py").write_text(conf_py("seminar", theme), encoding="utf-8")
    (out / "index.rst").write_text((SEED / "index.rst").read_text("utf-8"), encoding="utf-8")
    term = out / SEED_TERM
    term.mkdir(exist_ok=True)
    week = (SEED / SEED_TERM / f"week{SEED_WEEK:02d}.rst").read_text("utf-8")
    old_title = re.search(rf"^Week {SEED_WEEK}: .*$", week, re.MULTILINE)
    assert old_title, "the seed's week has no title"
    names = []
    for number in range(1, copies + 1):
        title = old_title.group(0).replace(f"Week {SEED_WEEK}:", f"Week {number}:", 1)
        rule = "=" * len(title)
        text = re.sub(
            rf"^=+\n{re.escape(old_title.group(0))}\n=+$",
            f"{rule}\n{title}\n{rule}",
            week,
            count=1,
            flags=re.MULTILINE,
        )
        text = text.replace(f".. week:: {SEED_WEEK}\n", f".. week:: {number}\n", 1)
        names.append(f"week{number:03d}")
        (term / f"{names[-1]}.rst").write_text(text, encoding="utf-8")
    index = (SEED / SEED_TERM / "index.rst").read_text("utf-8")
    listing = "".join(f"   {name}\n" for name in names)
    index = re.sub(rf"^   week{SEED_WEEK:02d}\n", listing, index, count=1, flags=re.MULTILINE)
    (term / "index.rst").write_text(index, encoding="utf-8")
    return copies * (week.count("\n.. interrogation:: ") + week.count("\n   .. response::"))


def middle_week(weeks: int) -> str:
    """Docname of the week the incremental benchmark edits."""
    number = (weeks + 1) // 2
    return f"term{term_of(number):03d}/week{number:04d}"


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path, help="folder to write the Sphinx project to")
    parser.add_argument("--weeks", type=int, default=10)
    parser.add_argument("--students", type=int, default=20, help="interrogations per week")
    parser.add_argument("--variant", choices=VARIANTS, default="seminar")
    parser.add_argument("--seed", type=int, default=929)
    parser.add_argument("--theme", choices=THEMES, default="furo")
    args = parser.parse_args(argv)
    write(args.out, args.variant, args.weeks, args.students, args.seed, args.theme)


if __name__ == "__main__":
    main()
