"""``busmodel timeline`` and ``busmodel.cli.timeline_svg``: the picture, read back as XML."""

from __future__ import annotations

import datetime as dt
import io
import itertools
import re
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Final

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from busmodel import (
    Agreement,
    ChairRule,
    ChairTerm,
    Document,
    Lang,
    Meeting,
    Period,
    Records,
    Validity,
    ValidityBasis,
    election_day,
)
from busmodel.cli import EXIT_OK, EXIT_UNREADABLE, EXIT_USAGE, main, timeline_svg
from tests.property import strategies
from tests.support.builders import clean_agreement, extension_of, make_agreement, make_records
from tests.support.cli import run
from tests.support.paths import DOCS, EXAMPLES, ROOT

SVG: Final = "{http://www.w3.org/2000/svg}"
CORRECTED: Final = str(EXAMPLES / "alingsas-bus-2023-corrected.toml")
RECORDS: Final = str(EXAMPLES / "alingsas-records-2023-2025.toml")
PARTILLE: Final = str(EXAMPLES / "partille-bus.toml")
KUNGALV: Final = [
    str(EXAMPLES / "kungalv-bus-2021.toml"),
    str(EXAMPLES / "kungalv-bus-2021-forlangning-2023.toml"),
    str(EXAMPLES / "kungalv-bus-2021-forlangning-2025.toml"),
]
TODAY: Final = "2026-11-27"
DOCS_ARGS: Final = (
    "timeline",
    "examples/alingsas-bus-2023-corrected.toml",
    "examples/alingsas-records-2023-2025.toml",
    "examples/kungalv-bus-2021.toml",
    "examples/kungalv-bus-2021-forlangning-2023.toml",
    "examples/kungalv-bus-2021-forlangning-2025.toml",
    "examples/lerum-riktlinjer-2011.toml",
    "examples/partille-bus.toml",
    "--today",
    TODAY,
)
"""The documents and the day of the picture in the docs (docs/timeline.svg)."""


def parse(svg: str) -> ET.Element:
    return ET.fromstring(svg.encode("utf-8"))


def drawn(root: ET.Element, tag: str, css: str) -> list[ET.Element]:
    """The elements ``tag`` whose class list holds ``css``."""
    return [e for e in root.iter(SVG + tag) if css in e.get("class", "").split()]


def texts(root: ET.Element) -> list[str]:
    """The text of every ``<text>`` element (not its tooltip): what a reader sees written."""
    return [e.text or "" for e in root.iter(SVG + "text")]


def mandate_agreement(
    agreement_id: str,
    election: int,
    *,
    title: str | None = None,
    supersedes: tuple[str, ...] = (),
) -> Agreement:
    """A small agreement for the mandate period after the election of ``election``."""
    return Agreement(
        id=agreement_id,
        title=title or f"BUS {election + 1}",
        supersedes=supersedes,
        validity=Validity.for_mandate_period(election),
    )


def desc(root: ET.Element) -> str:
    """The picture's description, for those who cannot see it."""
    found = root.find(SVG + "desc")
    assert found is not None
    return str(found.text)


def drawn_meetings(documents: list[Document]) -> int:
    """How many meetings the records of the agreements among ``documents`` hold."""
    ids = {document.id for document in documents if isinstance(document, Agreement)}
    return sum(
        len(document.meetings)
        for document in documents
        if isinstance(document, Records) and document.agreement in ids
    )


def timeline(*argv: str) -> ET.Element:
    """The picture ``busmodel timeline ARGV...`` writes, parsed."""
    code, out, err = run("timeline", *argv)
    assert (EXIT_OK, "") == (code, err)
    return parse(out)


# -- what is drawn -------------------------------------------------------------------


def test_each_agreement_is_a_bar_with_its_title_and_id() -> None:
    root = timeline(CORRECTED, PARTILLE)
    bars = drawn(root, "rect", "validity")
    assert ["partille-bus", "alingsas-bus-2023"] == [bar.get("data-agreement") for bar in bars]
    shown = texts(root)
    assert "BUS- Barn Ungdom Samverkan" in shown
    assert any(text.startswith("BUS – Barn, Unga och Samhället") for text in shown)
    assert "alingsas-bus-2023 · 2023-01-01 – 2026-12-31" in shown
    assert "partille-bus · 1999-01-01 until further notice" in shown


def test_a_bar_runs_from_the_first_to_the_last_day_of_the_validity() -> None:
    root = parse(timeline_svg([mandate_agreement("bus", 2022)]))
    (bar,) = drawn(root, "rect", "validity")
    assert ("2023-01-01", "2026-12-31") == (bar.get("data-start"), bar.get("data-end"))
    years = {text: float(e.get("x", "0")) for e in root.iter(SVG + "text") if (text := e.text)}
    left, width = float(bar.get("x", "0")), float(bar.get("width", "0"))
    assert left < years["2023"] < left + width / 4  # each year's label is over its year
    assert left + width * 3 / 4 < years["2026"] < left + width


def test_an_agreement_until_further_notice_runs_to_the_edge_with_an_arrow() -> None:
    root = timeline(PARTILLE)
    (bar,) = drawn(root, "rect", "validity")
    assert bar.get("data-end") is None
    assert 1 == len(drawn(root, "path", "open-end"))


def test_a_band_for_each_mandate_period_on_the_axis_with_its_years() -> None:
    root = parse(timeline_svg([mandate_agreement("bus", 2022)]))  # the axis: 2022-2027
    bands = drawn(root, "rect", "mandate-period")
    assert [
        ("2019-01-01", "2022-12-31"),
        ("2023-01-01", "2026-12-31"),
        ("2027-01-01", "2030-12-31"),
    ] == [(band.get("data-start"), band.get("data-end")) for band in bands]
    assert "2023–2026" in texts(root)


def test_election_days_are_marked_and_named() -> None:
    root = parse(timeline_svg([mandate_agreement("bus", 2022)]))
    lines = drawn(root, "line", "election-day")
    assert ["2022-09-11", "2026-09-13"] == [line.get("data-date") for line in lines]
    shown = texts(root)
    assert "election 2022-09-11" in shown
    assert "election 2026-09-13" in shown


def test_election_days_are_named_in_swedish() -> None:
    root = parse(timeline_svg([mandate_agreement("bus", 2022)], lang="sv"))
    assert "val 2022-09-11" in texts(root)


def test_the_years_of_the_axis_are_labelled_with_a_year_before_and_after() -> None:
    root = parse(timeline_svg([mandate_agreement("bus", 2022)]))
    years = [e.text for e in drawn(root, "text", "year")]
    assert ["2022", "2023", "2024", "2025", "2026", "2027"] == years


def test_the_axis_is_clipped_to_the_documents_span() -> None:
    late = Agreement(
        id="late",
        title="Late",
        validity=Validity.fixed(dt.date(2150, 3, 1), dt.date(2152, 6, 30)),
    )
    root = parse(timeline_svg([late]))
    years = [e.text for e in drawn(root, "text", "year")]
    assert ("2149", "2153") == (years[0], years[-1])
    elections = [line.get("data-date") for line in drawn(root, "line", "election-day")]
    assert [election_day(2150).isoformat()] == elections
    bands = [band.get("data-start") for band in drawn(root, "rect", "mandate-period")]
    assert ["2147-01-01", "2151-01-01"] == bands


def test_the_widest_span_keeps_its_year_labels_apart() -> None:
    whole = Agreement(
        id="whole",
        title="Whole",
        validity=Validity.fixed(dt.date(1900, 1, 1), dt.date(2199, 12, 31)),
    )
    root = parse(timeline_svg([whole], today=dt.date(2199, 12, 31)))
    xs = [float(e.get("x", "0")) for e in drawn(root, "text", "year")]
    assert "1900" == drawn(root, "text", "year")[0].text
    assert all(b - a >= 40 for a, b in itertools.pairwise(xs))
    labels = drawn(root, "text", "election-day-label")
    assert len(labels) < len(drawn(root, "line", "election-day"))  # no room to name them all


def test_each_meeting_is_one_filled_mark_on_its_agreements_row() -> None:
    records = make_records()
    root = parse(timeline_svg([make_agreement(), records]))
    marks = drawn(root, "circle", "meeting")
    assert sorted(m.date.isoformat() for m in records.meetings) == [
        mark.get("data-date") for mark in marks
    ]
    assert all(mark.get("fill") not in (None, "none", "#ffffff") for mark in marks)
    extra = [mark.get("data-date") for mark in drawn(root, "circle", "extra")]
    assert ["2023-04-20"] == extra


def test_meetings_of_records_for_another_agreement_are_not_drawn() -> None:
    root = parse(timeline_svg([make_agreement(), make_records(agreement="annan")]))
    assert [] == drawn(root, "circle", "meeting")


def test_a_missed_window_is_marked_with_today() -> None:
    root = timeline(CORRECTED, RECORDS, "--today", TODAY)
    (missed,) = drawn(root, "rect", "missed")
    assert ("2024-07-01", "2024-12-31") == (missed.get("data-start"), missed.get("data-end"))
    title = missed.find(SVG + "title")
    assert title is not None
    assert "autumn 2024" in str(title.text)
    assert 1 == len(drawn(root, "circle", "missed-meeting"))
    assert 7 == len(drawn(root, "circle", "meeting"))


def test_no_window_is_judged_without_today() -> None:
    root = timeline(CORRECTED, RECORDS)
    assert [] == drawn(root, "rect", "missed")


def test_records_given_with_records_are_drawn() -> None:
    root = timeline(CORRECTED, "--records", RECORDS, "--today", TODAY)
    assert (7, 1) == (len(drawn(root, "circle", "meeting")), len(drawn(root, "rect", "missed")))


def test_a_missed_year_of_a_cadence_without_windows_is_marked() -> None:
    agreement = clean_agreement()
    forum = agreement.forums[0]
    assert forum.cadence is not None
    yearly = attrs.evolve(forum, cadence=attrs.evolve(forum.cadence, windows=()))
    agreement = attrs.evolve(agreement, forums=(yearly, *agreement.forums[1:]))
    records = Records(
        agreement=agreement.id,
        meetings=[
            Meeting("politisk", dt.date(2023, 3, 1)),
            Meeting("politisk", dt.date(2023, 9, 1)),
        ],
    )
    root = parse(timeline_svg([agreement, records], today=dt.date(2025, 3, 1)))
    spans = [(m.get("data-start"), m.get("data-end")) for m in drawn(root, "rect", "missed")]
    assert [("2024-01-01", "2024-12-31")] == spans


def test_the_today_line_is_drawn_only_with_today() -> None:
    with_today = timeline(CORRECTED, "--today", TODAY)
    (line,) = drawn(with_today, "line", "today")
    assert TODAY == line.get("data-date")
    assert f"today {TODAY}" in texts(with_today)
    without = timeline(CORRECTED)
    assert [] == drawn(without, "line", "today")
    assert not any("today" in text.lower() for text in texts(without))


def test_a_superseded_agreement_is_linked_to_its_successor() -> None:
    old = mandate_agreement("bus-2019", 2018)
    new = mandate_agreement("bus-2023", 2022, supersedes=("bus-2019",))
    root = parse(timeline_svg([new, old]))
    (link,) = drawn(root, "path", "supersedes")
    assert ("bus-2019", "bus-2023") == (link.get("data-from"), link.get("data-to"))
    bars = {bar.get("data-agreement"): bar for bar in drawn(root, "rect", "validity")}
    numbers = [float(n) for n in re.findall(r"-?[0-9.]+", link.get("d", ""))]
    old_end = float(bars["bus-2019"].get("x", "0")) + float(bars["bus-2019"].get("width", "0"))
    assert old_end == pytest.approx(numbers[0], abs=0.15)  # from the end of the old one
    assert float(bars["bus-2023"].get("x", "0")) == numbers[-2]  # to the start of the new
    assert "Supersedes (successor on the right)" in texts(root)


def test_no_link_is_drawn_to_an_agreement_not_among_the_documents() -> None:
    root = timeline(CORRECTED)  # it supersedes alingsas-bus-2019, which is not given
    assert [] == drawn(root, "path", "supersedes")
    assert "Supersedes (successor on the right)" not in texts(root)


def test_extensions_are_drawn_after_their_agreement_in_its_row() -> None:
    root = timeline(*reversed(KUNGALV))
    (bar,) = drawn(root, "rect", "validity")
    extensions = drawn(root, "rect", "extension")
    assert ["kungalv-bus-2021-forlangning-2023", "kungalv-bus-2021-forlangning-2025"] == [
        e.get("data-agreement") for e in extensions
    ]
    assert {"kungalv-bus-2021"} == {e.get("data-extends") for e in extensions}
    end = float(bar.get("x", "0")) + float(bar.get("width", "0"))
    assert all(e.get("y") == bar.get("y") for e in extensions)
    assert end <= float(extensions[0].get("x", "0")) < float(extensions[1].get("x", "0"))
    titles = [e.get("data-agreement") for e in drawn(root, "text", "agreement-title")]
    assert ["kungalv-bus-2021"] == titles
    assert "kungalv-bus-2021 · 2021-03-22 – 2026-12-31" in texts(root)


def test_an_extension_without_its_agreement_has_a_row_of_its_own() -> None:
    root = timeline(KUNGALV[1])
    (bar,) = drawn(root, "rect", "validity")
    assert ["validity", "extension"] == bar.get("class", "").split()
    assert "(kungalv-bus-2021-forlangning-2023, extension of kungalv-bus-2021)" in desc(root)


def test_chair_terms_are_coloured_by_body_and_named_in_the_legend() -> None:
    agreement = make_agreement()  # chairs: bun, sn, bup, recorded
    root = parse(timeline_svg([agreement]))
    strips = [s for s in drawn(root, "rect", "chair") if "derived" not in s.get("class", "")]
    assert ["bun", "sn", "bup"] == [s.get("data-body") for s in strips]
    assert 3 == len({s.get("fill") for s in strips})
    names = {e.get("data-body-name"): e for e in drawn(root, "text", "chair-name")}
    assert {"Barn- och ungdomsnämnden", "Socialnämnden", "Barn- och ungdomspsykiatrin"} <= set(
        names
    )
    swatches = [s.get("fill") for s in drawn(root, "rect", "chair-swatch")]
    assert [s.get("fill") for s in strips] == swatches[:3]


def test_one_body_has_one_colour_across_agreements() -> None:
    first, second = clean_agreement(), attrs.evolve(clean_agreement(), id="other")
    root = parse(timeline_svg([first, second]))  # each: bun recorded, then sn from the rotation
    fills = [(s.get("data-body"), s.get("fill")) for s in drawn(root, "rect", "chair")]
    assert 4 == len(fills)
    assert 2 == len(set(fills))
    names = [e.get("data-body-name") for e in drawn(root, "text", "chair-name")]
    assert ["Barn- och ungdomsnämnden", "Socialnämnden"] == names


def test_the_rotation_gives_the_next_chair_after_the_validity_lighter() -> None:
    root = timeline(CORRECTED)
    strips = drawn(root, "rect", "chair")
    assert [("barn-och-ungdomsnamnden", "chair"), ("socialnamnden", "chair derived")] == [
        (s.get("data-body"), s.get("class")) for s in strips
    ]
    assert "2027-01-01" == strips[1].get("data-start")
    assert strips[1].get("fill-opacity") is not None
    assert "Socialnämnden" in texts(root)


def test_a_superseded_agreement_passes_its_chair_to_its_successor_not_to_the_rotation() -> None:
    old = make_agreement(id="bus-2019", supersedes=())
    new = mandate_agreement("bus-2027", 2026, supersedes=("bus-2019",))
    root = parse(timeline_svg([old, new]))
    derived = [s for s in drawn(root, "rect", "chair") if "derived" in s.get("class", "")]
    assert [] == derived


def test_the_gap_between_recorded_terms_is_filled_from_the_rotation() -> None:
    rule = ChairRule(
        ("bun", "sn", "kun"),
        (ChairTerm("bun", Period(dt.date(2015, 1, 1), dt.date(2018, 12, 31))),),
    )
    agreement = Agreement(
        id="bus",
        title="BUS",
        chair=rule,
        validity=Validity(ValidityBasis.FIXED, Period(dt.date(2015, 1, 1), dt.date(2022, 12, 31))),
    )
    root = parse(timeline_svg([agreement, mandate_agreement("next", 2022, supersedes=("bus",))]))
    strips = drawn(root, "rect", "chair")
    assert [("bun", "2015-01-01"), ("sn", "2019-01-01")] == [
        (s.get("data-body"), s.get("data-start")) for s in strips
    ]
    assert "chair derived" == strips[1].get("class")


# -- the SVG as a document -------------------------------------------------------------


def test_the_picture_has_a_title_and_a_description_first() -> None:
    root = timeline(CORRECTED, RECORDS, PARTILLE, "--today", TODAY)
    title, description = list(root)[:2]
    assert (SVG + "title", SVG + "desc") == (title.tag, description.tag)
    assert "Timeline: 2 agreements, 1998–2027, today 2026-11-27" == title.text
    said = desc(root)
    assert "BUS- Barn Ungdom Samverkan (alingsas-bus-2023): 2023-01-01 – 2026-12-31" in said
    assert "(partille-bus): 1999-01-01 until further notice" in said
    assert "7 meetings; 1 window without its regular meeting" in said
    assert "img" == root.get("role")


def test_the_size_fits_the_rows() -> None:
    one = parse(timeline_svg([mandate_agreement("a", 2022)]))
    thirty = parse(
        timeline_svg([mandate_agreement(f"a{k}", 1994 + 4 * (k % 8)) for k in range(30)])
    )
    assert "1100" == one.get("width") == thirty.get("width")
    assert int(one.get("height", "0")) < 400 < 1300 < int(thirty.get("height", "0")) < 1900
    assert f"0 0 1100 {thirty.get('height')}" == thirty.get("viewBox")


def test_two_runs_give_the_same_bytes() -> None:
    first = run("timeline", CORRECTED, RECORDS, *KUNGALV, PARTILLE, "--today", TODAY)
    second = run("timeline", CORRECTED, RECORDS, *KUNGALV, PARTILLE, "--today", TODAY)
    assert first == second


def test_markup_characters_in_titles_are_escaped() -> None:
    agreement = mandate_agreement("bus", 2022, title='<b>R&D</b> "BUS" & co')
    svg = timeline_svg([agreement])
    assert "&lt;b&gt;R&amp;D&lt;/b&gt;" in svg
    assert "<b>" not in svg
    assert '<b>R&D</b> "BUS" & co' in texts(parse(svg))


def test_swedish_letters_are_written_as_they_are_in_utf_8() -> None:
    code, out, _ = run("timeline", CORRECTED, "--lang", "sv", "--today", TODAY)
    assert EXIT_OK == code
    assert out.startswith('<?xml version="1.0" encoding="UTF-8"?>\n')
    assert "Barn- och ungdomsnämnden" in out
    assert "&#" not in out
    root = parse(out)
    assert "sv" == root.get("{http://www.w3.org/XML/1998/namespace}lang")
    shown = texts(root)
    assert {"i dag 2026-11-27", "Ordförande", "Teckenförklaring", "Mandatperiod"} <= set(shown)


def test_a_character_xml_cannot_hold_is_shown_as_a_replacement() -> None:
    root = parse(timeline_svg([mandate_agreement("bus", 2022, title="BUS \ufffe")]))
    assert "BUS \ufffd" in texts(root)


def test_nothing_dated_is_said_not_drawn() -> None:
    root = parse(timeline_svg([Agreement(id="bus", title="BUS")]))
    assert [] == drawn(root, "rect", "validity")
    assert "Nothing dated to draw." in texts(root)


LANGS: Final[tuple[Lang, ...]] = ("sv", "en")


@settings(max_examples=60, deadline=None)
@given(
    st.lists(strategies.documents, max_size=5),
    strategies.optional(strategies.dates),
    st.sampled_from(LANGS),
)
def test_any_documents_give_well_formed_svg_naming_every_agreement(
    documents: list[Document], today: dt.date | None, lang: Lang
) -> None:
    svg = timeline_svg(documents, today=today, lang=lang)
    root = parse(svg)
    assert all(d.id in desc(root) for d in documents if isinstance(d, Agreement))
    assert (0 if today is None else 1) == len(drawn(root, "line", "today"))
    assert drawn_meetings(documents) == len(drawn(root, "circle", "meeting"))
    assert svg == timeline_svg(documents, today=today, lang=lang)


@settings(max_examples=60, deadline=None)
@given(strategies.worlds())
def test_any_world_gives_well_formed_svg_with_a_mark_per_meeting(world: strategies.World) -> None:
    others = [] if world.registry is None else [e.document for e in world.registry.entries]
    documents: list[Document] = [world.agreement, *(d for d in others if d is not world.agreement)]
    if world.records is not None and world.records not in documents:
        documents.append(world.records)
    root = parse(timeline_svg(documents, today=world.today))
    rows = {e.get("data-agreement") for e in drawn(root, "text", "agreement-title")}
    bars = drawn(root, "rect", "validity")
    assert {bar.get("data-agreement") for bar in bars} <= rows
    assert drawn_meetings(documents) == len(drawn(root, "circle", "meeting"))
    assert (0 if world.today is None else 1) == len(drawn(root, "line", "today"))


# -- the command -------------------------------------------------------------------------


def test_the_picture_goes_to_the_file_named_with_o(tmp_path: Path) -> None:
    target = tmp_path / "timeline.svg"
    code, out, err = run("timeline", CORRECTED, "-o", str(target))
    assert (EXIT_OK, "", "") == (code, out, err)
    assert run("timeline", CORRECTED)[1] == target.read_text(encoding="utf-8")


def test_a_file_that_cannot_be_written_is_reported(tmp_path: Path) -> None:
    target = tmp_path / "missing" / "timeline.svg"
    code, out, err = run("timeline", CORRECTED, "-o", str(target))
    assert (EXIT_UNREADABLE, "") == (code, out)
    assert f"busmodel timeline: cannot write {target}: no such file or directory\n" == err


def test_directories_are_walked_and_every_agreement_drawn() -> None:
    root = timeline(str(EXAMPLES), "--today", TODAY)
    titles = [e.get("data-agreement") for e in drawn(root, "text", "agreement-title")]
    assert 9 == len(titles)  # every agreement and framework; the extensions continue theirs
    assert "kungalv-bus-2021" in titles
    assert "kungalv-bus-2021-forlangning-2023" not in titles


def test_an_unreadable_file_is_reported_as_validate_reports_it(tmp_path: Path) -> None:
    broken = tmp_path / "broken.toml"
    broken.write_text('schema = "busmodel/1"\nkind = "agreement"\nid = "Bad Id"\n', "utf-8")
    code, out, err = run("timeline", CORRECTED, str(broken))
    assert (EXIT_UNREADABLE, "") == (code, out)
    assert err.startswith(f"{broken}:")
    assert err == run("validate", str(broken))[2]


def test_a_missing_file_is_reported() -> None:
    code, out, err = run("timeline", "no-such-file.toml")
    assert (EXIT_UNREADABLE, "") == (code, out)
    assert "no-such-file.toml" in err


def test_records_given_as_records_must_be_records() -> None:
    code, out, err = run("timeline", CORRECTED, "--records", PARTILLE)
    assert (EXIT_UNREADABLE, "") == (code, out)
    assert "records were expected here, not 'agreement'" in err


def test_records_alone_are_no_picture() -> None:
    code, out, err = run("timeline", RECORDS)
    assert (EXIT_UNREADABLE, "") == (code, out)
    assert "no agreement or framework found" in err


def test_a_document_is_read_from_standard_input() -> None:
    out, err = io.StringIO(), io.StringIO()
    with open(CORRECTED, "rb") as given:
        code = main(["timeline", "-"], out, err, io.BytesIO(given.read()))
    assert (EXIT_OK, "") == (code, err.getvalue())
    assert out.getvalue() == run("timeline", CORRECTED)[1]


def test_a_wrong_date_is_a_usage_error() -> None:
    code, out, err = run("timeline", CORRECTED, "--today", "27/11/2026")
    assert (EXIT_USAGE, "") == (code, out)
    assert "is not a date (YYYY-MM-DD)" in err


def test_the_docs_show_the_picture_the_command_draws_now(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    code, expected, _ = run(*DOCS_ARGS)
    assert EXIT_OK == code
    picture = DOCS / "timeline.svg"
    actual = picture.read_text(encoding="utf-8") if picture.exists() else ""
    assert expected == actual, (
        "regenerate with: busmodel " + " ".join(DOCS_ARGS) + (" -o docs/timeline.svg")
    )
    assert "![" in (DOCS / "cli.md").read_text(encoding="utf-8").split("## `busmodel timeline`")[1]


def test_an_extension_document_built_in_code_continues_its_agreement() -> None:
    base = clean_agreement()
    more = extension_of(
        base, Period(dt.date(2027, 1, 1), dt.date(2028, 12, 31)), dt.date(2026, 10, 1)
    )
    root = parse(timeline_svg([more, base]))
    assert [base.id] == [e.get("data-agreement") for e in drawn(root, "text", "agreement-title")]
    (piece,) = drawn(root, "rect", "extension")
    assert more.id == piece.get("data-agreement")
