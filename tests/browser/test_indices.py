"""The student and week indices link to the right interrogations, and their jump links work."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page

from tests.browser.conftest import Site

#: per index: its entry links, and its jump links (one per letter)
ENTRY_LINKS = {
    "seminar-students.html": ".seminar-people-list a[href*='#']",
    # Sphinx's domain index as the theme writes it (alabaster and basic; furo)
    "seminar-weeks.html": ":is(table.indextable, table.domainindex-table) a[href*='#']",
}
JUMP_LINKS = {
    "seminar-students.html": ".seminar-people-letters a",
    "seminar-weeks.html": ":is(.modindex-jumpbox, .domainindex-jumpbox) a",
}

#: per index entry: its link, the item the link leads to according to the index, and the
#: student the index puts it under (the name row above an entry of the student index)
ENTRIES_SCRIPT = """links => links.map(link => {
  const person = link.closest('li.seminar-person');
  if (person) return {
    href: link.getAttribute('href'),
    text: link.innerText.trim(),
    number: link.parentElement.querySelector('.seminar-person-number').innerText.trim(),
    student: person.querySelector('.seminar-person-name').innerText.trim(),
  };
  const row = link.closest('tr');
  let group = row;
  while (group.className.startsWith('cg-')) group = group.previousElementSibling;
  return {
    href: link.getAttribute('href'),
    text: link.innerText.trim(),
    number: (row.querySelector('td > em') || {innerText: ''}).innerText.replace(/[()]/g, ''),
    student: group === row ? '' : group.innerText.trim(),
  };
})"""

#: after following a link: the element the browser took as the fragment's target
TARGET_SCRIPT = """() => {
  const target = document.querySelector(':target');
  if (!target) return null;
  const text = selector => (target.querySelector(selector) || {innerText: ''}).innerText.trim();
  return {
    id: target.id,
    classes: [...target.classList],
    number: text('.seminar-number'),
    student: text('.seminar-student'),
    page_title: document.querySelector('h1').innerText.replace('¶', '').trim(),
  };
}"""


def plain(text: str) -> str:
    """``text`` with typographic apostrophes made straight (the test root uses smartquotes)."""
    return text.replace("’", "'")


def click_entry(reader: Page, index_url: str, position: int) -> None:
    """Open the index and click its ``position``-th entry, opening its group if collapsed."""
    reader.goto(index_url)
    link = reader.locator(ENTRY_LINKS[index_url.rsplit("/", 1)[1]]).nth(position)
    if link.is_hidden():  # a collapsed group of the student index: open it as a reader would
        group = link.evaluate("a => a.closest('tr').className").removeprefix("cg-")
        reader.locator(f"img.toggler#toggle-{group}").click()
    link.click()
    reader.wait_for_load_state()


@pytest.mark.parametrize("index", ["seminar-students.html", "seminar-weeks.html"])
def test_index_entries_lead_to_their_interrogation(reader: Page, site: Site, index: str) -> None:
    index_url = site.address(index)
    reader.goto(index_url)
    entries = reader.eval_on_selector_all(ENTRY_LINKS[index], ENTRIES_SCRIPT)
    interrogations = {r.anchor: r for r in site.citables if r.kind == "interrogation"}
    assert sorted(e["href"].split("#")[1] for e in entries) == sorted(interrogations)
    click_entry(reader, index_url, 0)
    assert reader.url == site.address(entries[0]["href"])
    for entry in entries:  # the same, faster: consecutive entries of one page need no reload
        reader.goto(site.address(entry["href"]))
        target = reader.evaluate(TARGET_SCRIPT)
        assert target is not None, f"{entry['href']} lands on no element"
        assert "seminar-interrogation" in target["classes"]
        record = interrogations[target["id"]]
        assert target["number"] == record.number
        assert plain(target["student"]) == plain(record.student.full)
        if index == "seminar-weeks.html":  # "6.1 Khutkyy, Dmytro"
            assert entry["text"].split()[0] == record.number
            assert plain(record.student.family) in plain(entry["text"])
        else:  # "Week 6: Peer-to-peer Mutualism 6.1 …" under "Khutkyy, Dmytro"
            # the archive's weeks are in a term, named after the week: "… (Fall 2013)"
            assert entry["text"].removesuffix(" (Fall 2013)") == target["page_title"]
            assert entry["number"] == record.number
            assert plain(entry["student"]).startswith(plain(record.student.family))


@pytest.mark.parametrize("index", ["seminar-students.html", "seminar-weeks.html"])
def test_index_jump_links_land_on_their_heading(reader: Page, site: Site, index: str) -> None:
    reader.goto(site.address(index))
    links = reader.locator(JUMP_LINKS[index])
    assert links.count() > 0
    for link in links.all():
        link.click()
        target = reader.locator(":target")
        assert target.count() == 1, f"jump link {link.inner_text()!r} lands on no element"
        assert target.inner_text().strip() == link.inner_text().strip()
