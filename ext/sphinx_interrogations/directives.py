"""The ``week``, ``interrogation`` and ``response`` directives.

Directives only parse and validate; the domain turns the resulting nodes into records after the
whole document is read (see :mod:`.domain`), so nothing here depends on reading order across files.
"""

from __future__ import annotations

from typing import ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.util import logging

from . import identity
from .dates import date_problem, full_date, year_problem
from .i18n import _
from .nodes import interrogation, item_heading, item_meta, question, response, week
from .options import SeminarDirective, split_list
from .privacy.public_build import published_identity
from .privacy.students import consent_option
from .records import display_number
from .terms import term_of_week

logger = logging.getLogger(__name__)

# Keys of ``env.ref_context`` (cleared by Sphinx after each document).
WEEK_KEY = "seminar:week"
WEEK_LINE_KEY = "seminar:week-line"
PREFIX_KEY = "seminar:prefix"
COUNT_KEY = "seminar:count"
CURRENT_KEY = "seminar:interrogation"
RESPONSES_KEY = "seminar:responses"
RESPONDING_KEY = "seminar:responding"


class WeekDirective(SeminarDirective):
    """Head a week page: ``.. week:: 6`` with course, date and topic."""

    required_arguments = 1
    has_content = False
    option_spec: ClassVar = {
        "course": directives.unchanged,
        "date": directives.unchanged,
        "topic": directives.unchanged,
        "term": directives.unchanged_required,
    }

    def run(self) -> list[nodes.Node]:
        """Validate the options and return the directive's nodes."""
        argument = self.arguments[0].strip()
        if not argument.isascii() or not argument.isdigit() or int(argument) < 1:
            raise self.error(f"week number must be a positive whole number, not {argument!r}")
        number = int(argument)
        context = self.env.ref_context
        if WEEK_KEY in context:
            raise self.error(
                f"a page holds one week: week {context[WEEK_KEY]} was already declared "
                f"at line {context[WEEK_LINE_KEY]} of this file"
            )
        context[WEEK_KEY] = number
        context[WEEK_LINE_KEY] = self.lineno
        try:
            term = term_of_week(self.env, self.env.docname, self.text_option("term"))
        except ValueError as error:
            raise self.error(f":term: {error}") from error
        course = self.text_option("course") or (term.course if term else "")
        course = course or self.config.interrogations_course
        date = self.text_option("date")
        if problem := date_problem(date):
            raise self.error(f":date: {problem}")
        year, start = (term.year, term.start) if term else (None, "")
        if term and (problem := year_problem(date, year, start)):
            logger.warning(
                ":date: %s (%s, see %s)",
                problem,
                term.title,
                self.env.doc2path(term.docname),
                location=self.get_location(),
                type="seminar",
                subtype="date",
            )
        prefix = term.prefix if term else self.config.interrogations_id_prefix
        context[PREFIX_KEY] = prefix
        node = week(
            number=number,
            course=course or self.config.project,
            date=date,
            issued=full_date(date, year, start),
            term=term.key if term else "",
            topic=self.text_option("topic"),
        )
        node["ids"].append(identity.week_anchor(number, prefix))
        self.set_source_info(node)
        facts = [node["course"], term.title if term else "", _("Week %d") % number, date]
        text = " \u00b7 ".join(fact for fact in facts if fact)
        node += item_meta(text, text, classes=["seminar-week-meta"])
        return [node]


class InterrogationDirective(SeminarDirective):
    """One student's question; its body may hold ``response`` directives."""

    required_arguments = 1
    final_argument_whitespace = True
    has_content = True
    option_spec: ClassVar = {
        "title": directives.unchanged,
        "id": directives.unchanged_required,
        "readings": directives.unchanged,
        "tags": directives.unchanged,
        "aliases": directives.unchanged,
        "family-name": directives.unchanged_required,
        "consent": consent_option,
    }

    def run(self) -> list[nodes.Node]:
        """Validate the options and return the directive's nodes."""
        context = self.env.ref_context
        if CURRENT_KEY in context:
            raise self.error(
                f"interrogations cannot be nested (this one is inside {context[CURRENT_KEY]!r})"
            )
        if WEEK_KEY not in context:
            raise self.error("interrogation before any week: start the page with '.. week:: N'")
        week_number: int = context[WEEK_KEY]
        student = self.name_option("student name", self.arguments[0])
        family_name = self.name_option(
            ":family-name:", self.options.get("family-name", student.split()[-1])
        )
        published = published_identity(
            self.config, student, family_name, self.options.get("consent"), self.get_location()
        )
        if published is None:  # left out of this public build; its number stays taken
            context[COUNT_KEY] = context.get(COUNT_KEY, 0) + 1
            return []
        student, family_name = published
        anchor = self.explicit_anchor()
        if anchor is None:
            student_slug = identity.slug(student)
            if not student_slug:
                raise self.error(
                    f"cannot make an id from the student name {student!r}: give an explicit :id:"
                )
            prefix = context.get(PREFIX_KEY, self.config.interrogations_id_prefix)
            anchor = identity.interrogation_anchor(week_number, student_slug, prefix)
        context[COUNT_KEY] = context.get(COUNT_KEY, 0) + 1
        node = interrogation(
            student=student,
            family_name=family_name,
            title=self.text_option("title"),
            week=week_number,
            ordinal=context[COUNT_KEY],
            number=display_number(week_number, context[COUNT_KEY]),
            readings=split_list(self.text_option("readings"), ";"),
            tags=split_list(self.text_option("tags"), ","),
            aliases=self.aliases(),
        )
        node["ids"].append(anchor)
        node["ids"].extend(node["aliases"])
        self.set_source_info(node)

        context[CURRENT_KEY] = anchor
        context[RESPONSES_KEY] = 0
        try:
            body = self.parse_body()
        finally:
            del context[CURRENT_KEY]
        node += self.heading(node)
        if node["readings"] or node["tags"]:
            node += self.meta(node)
        node.extend(group_question_runs(body))
        if not any(isinstance(child, question) for child in node.children):
            logger.warning(
                "interrogation by %s has no question text",
                student,
                location=self.get_location(),
                type="seminar",
                subtype="empty",
            )
        return [node]

    @staticmethod
    def heading(node: interrogation) -> item_heading:
        """The heading line: number, student, title."""
        heading = item_heading(classes=["seminar-heading"])
        heading += nodes.inline(node["number"], node["number"], classes=["seminar-number"])
        heading += nodes.Text(" ")
        heading += nodes.strong(node["student"], node["student"], classes=["seminar-student"])
        if node["title"]:
            heading += nodes.Text(" \u2014 ")
            heading += nodes.emphasis(node["title"], node["title"], classes=["seminar-title"])
        return heading

    @staticmethod
    def meta(node: interrogation) -> item_meta:
        """The readings and tags line."""
        meta = item_meta(classes=["seminar-meta"])
        if node["readings"]:
            meta += nodes.inline("", _("Readings") + ": ", classes=["seminar-label"])
            meta += nodes.Text("; ".join(node["readings"]))
        if node["tags"]:
            if node["readings"]:
                meta += nodes.Text(" \u00b7 ")
            meta += nodes.inline("", _("Tags") + ": ", classes=["seminar-label"])
            meta += nodes.Text(", ".join(node["tags"]))
        return meta


def group_question_runs(body: list[nodes.Node]) -> list[nodes.Node]:
    """Wrap each run of non-response nodes in a :class:`question` container, in order."""
    grouped: list[nodes.Node] = []
    run: question | None = None
    for child in body:
        if isinstance(child, response | nodes.system_message):
            grouped.append(child)
            run = None
            continue
        if run is None:
            run = question(classes=["seminar-question"])
            grouped.append(run)
        run += child
    return grouped


class ResponseDirective(SeminarDirective):
    """The instructor's response to the enclosing interrogation."""

    has_content = True
    option_spec: ClassVar = {
        "by": directives.unchanged_required,
        "id": directives.unchanged_required,
        "aliases": directives.unchanged,
    }

    def run(self) -> list[nodes.Node]:
        """Validate the options and return the directive's nodes."""
        context = self.env.ref_context
        parent = context.get(CURRENT_KEY)
        if parent is None:
            raise self.error("response outside an interrogation: indent it under one")
        if RESPONDING_KEY in context:
            raise self.error("responses cannot be nested: put it beside the other response")
        context[RESPONSES_KEY] += 1
        ordinal = context[RESPONSES_KEY]
        anchor = self.explicit_anchor() or identity.response_anchor(parent, ordinal)
        responder = self.name_option(
            ":by:", self.options.get("by", self.config.interrogations_responder)
        )
        node = response(responder=responder, parent=parent, ordinal=ordinal, aliases=self.aliases())
        node["ids"].append(anchor)
        node["ids"].extend(node["aliases"])
        self.set_source_info(node)
        heading = item_heading(classes=["seminar-heading"])
        heading += nodes.strong("", _("Instructor response"), classes=["seminar-label"])
        heading += nodes.Text(" \u2014 ")
        heading += nodes.inline(responder, responder, classes=["seminar-responder"])
        node += heading
        context[RESPONDING_KEY] = anchor
        try:
            body = self.parse_body()
        finally:
            del context[RESPONDING_KEY]
        if not body:
            logger.warning(
                "response has no text",
                location=self.get_location(),
                type="seminar",
                subtype="empty",
            )
        node.extend(body)
        return [node]
