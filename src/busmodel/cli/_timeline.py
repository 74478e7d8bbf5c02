"""``busmodel timeline``: agreements, mandate periods, chairs and meetings in one SVG picture.

A presentation module, like the text and SARIF renderers: it draws what the
layers below know. Each agreement (or framework) is a row with its validity as
a bar, its extension documents as continuations of that bar, its chair terms as
a strip coloured by body, and the meetings of its records as marks above the
bar; the mandate periods are bands behind the rows, election days dashed
lines, and ``today``, when given, a red line. The windows whose regular meeting
was missed are those rule REC003 reports (the validation layer decides; the
picture only shows).

The SVG is written with :mod:`xml.etree.ElementTree`, which escapes every text
and attribute, in UTF-8, with real ``<text>`` elements, a ``<title>`` and a
``<desc>`` for screen readers, and presentation attributes rather than a style
sheet, so that any browser or SVG viewer shows it alike. The same documents
always give the same bytes.
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Sequence
from typing import Any, BinaryIO, Final

import attrs

from busmodel.cli._common import (
    EXIT_OK,
    EXIT_UNREADABLE,
    Stream,
    iso_date,
    shown_error,
    write_output,
)
from busmodel.cli._text import render_problems
from busmodel.format import Document, DocumentError
from busmodel.format._document import STDIN
from busmodel.model import (
    Agreement,
    AgreementKind,
    ChairTerm,
    Meeting,
    MeetingKind,
    ModelError,
    Records,
    Text,
)
from busmodel.model._check import FIRST_DAY, LAST_DAY
from busmodel.model._lifetime import by_start, prolonged
from busmodel.model._mandate import FIRST_ELECTION, LAST_ELECTION, MandatePeriod, election_day
from busmodel.model._text import Lang, shortened, span_text
from busmodel.validation import Finding, read_paths, validate
from busmodel.validation._batch import nothing_found

__all__ = ["add_parser", "run", "timeline_svg"]

# -- geometry (user units, which are pixels at 100 %) ---------------------------------

_WIDTH: Final = 1100
_MARGIN: Final = 20
_PLOT_LEFT: Final = 340
"""The left edge of the plot; the titles are to its left."""
_PLOT_RIGHT: Final = _WIDTH - _MARGIN
_HEADING_Y: Final = 28
_TODAY_LABEL_Y: Final = 48
_BAND_LABEL_Y: Final = 66
_YEAR_LABEL_Y: Final = 82
_PLOT_TOP: Final = 90
_ROW: Final = 46
"""The height of one agreement's row."""
_MEETING_Y: Final = 10
"""Where in a row the centre of a meeting's mark is."""
_BAR_TOP: Final = 17
_BAR_HEIGHT: Final = 13
_CHAIR_TOP: Final = 32
_CHAIR_HEIGHT: Final = 6
_MARK_RADIUS: Final = 3.5
_KEY_COLUMNS: Final = 4
_KEY_COLUMN: Final = (_WIDTH - 2 * _MARGIN) // _KEY_COLUMNS
_KEY_LINE: Final = 20
_TITLE_CHARS: Final = 40
"""The most characters of a title the left column shows (12 px bold); the rest is in a tooltip."""
_LINE_CHARS: Final = 54
"""The most characters of the line under a title (10 px)."""
_KEY_CHARS: Final = 40
_CHAR_WIDTH: Final = 6.0
"""The width of an average character of 10 px sans-serif text (a little wide, to be safe),
to tell whether a label fits."""
_YEAR_STEPS: Final = (1, 2, 5, 10, 20, 25, 50, 100)
_YEAR_ROOM: Final = 40.0
"""The least room between two year labels."""

# -- colours ------------------------------------------------------------------------

_INK: Final = "#111827"
_GREY: Final = "#4b5563"
_RULE: Final = "#d1d5db"
_BANDS: Final = ("#eef1f5", "#f8f9fb")
_ELECTION: Final = "#6b7280"
_TODAY: Final = "#dc2626"
_BAR: Final = "#4c6a92"
_FRAMEWORK: Final = "#7a6aa8"
_EXTENSION: Final = "#a9bcd6"
_HELD: Final = "#111827"
_EXTRA: Final = "#d97706"
_MISSED: Final = "#dc2626"
_LINK: Final = "#6b7280"
_DERIVED_OPACITY: Final = "0.45"
"""How opaque a chair term derived from the rotation (not recorded) is drawn."""
_LOOKS: Final = {
    AgreementKind.AGREEMENT: {"fill": _BAR, "rx": "2"},
    AgreementKind.FRAMEWORK: {"fill": _FRAMEWORK, "rx": "2"},
    AgreementKind.EXTENSION: {
        "fill": _EXTENSION,
        "stroke": _BAR,
        "stroke-width": "1",
        "stroke-dasharray": "3 2",
        "rx": "2",
    },
}
"""How the bar of each kind of document looks."""
_CHAIRS: Final = (
    "#e69f00",
    "#56b4e9",
    "#009e73",
    "#f0e442",
    "#0072b2",
    "#d55e00",
    "#cc79a7",
    "#999999",
    "#8c564b",
    "#17becf",
    "#bcbd22",
    "#1b9e77",
)
"""Colours for the bodies that chair (Okabe–Ito first): told apart in colour-blind sight."""

_SVG_NS: Final = "http://www.w3.org/2000/svg"
_XML_LANG: Final = "{http://www.w3.org/XML/1998/namespace}lang"
_NOT_XML: Final = re.compile("[\ufffe\uffff]")
"""The two characters model text may hold that XML 1.0 may not: shown as U+FFFD."""
_ONE_DAY: Final = dt.timedelta(days=1)

_WORDS: Final = {
    "heading": Text(en="Timeline", sv="Tidslinje"),
    "agreement": Text(en="agreement", sv="överenskommelse"),
    "agreements": Text(en="agreements", sv="överenskommelser"),
    "framework": Text(en="framework", sv="ramöverenskommelse"),
    "extension": Text(en="extension", sv="förlängning"),
    "extensions": Text(en="extensions", sv="förlängningar"),
    "extension of": Text(en="extension of", sv="förlängning av"),
    "today": Text(en="today", sv="i dag"),
    "election": Text(en="election", sv="val"),
    "election day": Text(en="Election day", sv="Valdag"),
    "mandate period": Text(en="Mandate period", sv="Mandatperiod"),
    "validity": Text(en="Validity", sv="Giltighetstid"),
    "extension key": Text(en="Extension", sv="Förlängning"),
    "framework key": Text(en="Framework", sv="Ramöverenskommelse"),
    "today key": Text(en="Today", sv="I dag"),
    "supersedes": Text(en="supersedes", sv="ersätter"),
    "supersedes key": Text(
        en="Supersedes (successor on the right)", sv="Ersätter (efterträdaren till höger)"
    ),
    "chair": Text(en="Chair", sv="Ordförande"),
    "key": Text(en="Key", sv="Teckenförklaring"),
    "held": Text(en="Meeting held", sv="Möte hållet"),
    "extra": Text(en="Extra meeting held", sv="Extra möte hållet"),
    "missed": Text(en="Window without its regular meeting", sv="Mötesperiod utan ordinarie möte"),
    "no validity": Text(en="no validity", sv="ingen giltighetstid"),
    "nothing dated": Text(en="Nothing dated to draw.", sv="Inget daterat att rita."),
    "meeting": Text(en="meeting", sv="möte"),
    "meetings": Text(en="meetings", sv="möten"),
    "regular": Text(en="regular meeting", sv="ordinarie möte"),
    "extra meeting": Text(en="extra meeting", sv="extra möte"),
    "missed windows": Text(
        en="windows without their regular meeting", sv="mötesperioder utan ordinarie möte"
    ),
    "missed window": Text(
        en="window without its regular meeting", sv="mötesperiod utan ordinarie möte"
    ),
    "from the rotation": Text(en="from the rotation", sv="enligt rotationen"),
    "derived key": Text(
        en="Lighter: the chair as the rotation gives it, not recorded in the document",
        sv="Ljusare: ordföranden enligt rotationen, inte angiven i dokumentet",
    ),
}


def _word(key: str, lang: Lang) -> str:
    return _WORDS[key].get(lang)


def _counted(number: int, one: str, many: str, lang: Lang) -> str:
    return f"{number} {_word(one if number == 1 else many, lang)}"


# -- what is drawn ------------------------------------------------------------------


@attrs.frozen
class _Missed:
    """A window (or a year) in which forums held no regular meeting, as REC003 says."""

    first: dt.date
    last: dt.date
    messages: tuple[Text, ...]
    """REC003's message for each forum that missed it."""


@attrs.frozen
class _Chair:
    """A chair term as drawn: recorded, or derived from the rotation, and how far it is drawn."""

    term: ChairTerm
    derived: bool
    until: dt.date | None
    """The last day drawn (None: to the end of the plot)."""


@attrs.frozen
class _Row:
    """One row of the picture: an agreement, its extensions and what its records show."""

    agreement: Agreement
    extensions: tuple[Agreement, ...]
    """The extension documents drawn as continuations of this agreement, by start."""
    meetings: tuple[Meeting, ...]
    missed: tuple[_Missed, ...]
    terms: tuple[ChairTerm, ...]
    """The chair terms recorded in the agreement and its extensions."""
    chairs: tuple[_Chair, ...] = ()
    """The chair terms drawn: :func:`_scheduled` fills them in once the axis is known."""

    @property
    def span(self) -> tuple[dt.date, dt.date | None] | None:
        """Its validity carried on through its extensions (up to the first gap)."""
        validity = self.agreement.validity
        if validity is None:
            return None
        period = prolonged(validity.period, self.extensions)[0]
        return period.start, period.end


@attrs.frozen
class _Axis:
    """The time axis: whole years from ``first`` to ``last``, over the plot's width."""

    first: int
    last: int

    @property
    def start(self) -> dt.date:
        return dt.date(self.first, 1, 1)

    @property
    def end(self) -> dt.date:
        return dt.date(self.last, 12, 31)

    @property
    def scale(self) -> float:
        """Pixels a day."""
        return (_PLOT_RIGHT - _PLOT_LEFT) / ((self.end - self.start).days + 1)

    def x(self, day: dt.date) -> float:
        """The left edge of ``day``, kept on the plot."""
        offset = min(max((day - self.start).days, 0), (self.end - self.start).days + 1)
        return _PLOT_LEFT + offset * self.scale

    def x_after(self, day: dt.date | None) -> float:
        """The right edge of ``day`` (the plot's right edge for an open end), kept on the plot."""
        if day is None:
            return float(_PLOT_RIGHT)
        offset = min(max((day - self.start).days + 1, 0), (self.end - self.start).days + 1)
        return _PLOT_LEFT + offset * self.scale

    @property
    def year_width(self) -> float:
        return 365.25 * self.scale


def _rows(documents: Sequence[Document], today: dt.date | None) -> list[_Row]:
    """The rows in order of their start (those without a validity last), then as given."""
    agreements = [d for d in documents if isinstance(d, Agreement)]
    first: dict[str, Agreement] = {}
    for agreement in agreements:
        first.setdefault(agreement.id, agreement)
    hosted: dict[int, list[Agreement]] = {}
    heads: list[Agreement] = []
    for agreement in agreements:
        host = _host(agreement, first)
        if host is None:
            heads.append(agreement)
        else:
            hosted.setdefault(id(host), []).append(agreement)
    records: dict[str, list[Records]] = {}
    for document in documents:
        if isinstance(document, Records):
            records.setdefault(document.agreement, []).append(document)
    order = sorted(
        range(len(heads)),
        key=lambda k: (heads[k].validity is None, _start_of(heads[k]), k),
    )
    rows = []
    seen_ids: set[str] = set()
    for k in order:
        head = heads[k]
        extensions = tuple(sorted(hosted.get(id(head), ()), key=by_start))
        ids = [head.id, *(extension.id for extension in extensions)]
        kept: list[Records] = []
        for kept_id in dict.fromkeys(ids):
            if kept_id not in seen_ids:  # the records of an id go on its first row
                kept += records.get(kept_id, ())
        seen_ids.update(ids)
        meetings = tuple(
            sorted(
                (m for r in kept for m in r.meetings),
                key=lambda m: (m.date, m.forum, m.kind.value),
            )
        )
        own = _merged([r for r in kept if r.agreement == head.id])
        terms = tuple(
            term
            for document in (head, *extensions)
            if document.chair is not None
            for term in document.chair.terms
        )
        rows.append(_Row(head, extensions, meetings, _missed(head, own, today), terms))
    return rows


def _start_of(agreement: Agreement) -> dt.date:
    return dt.date.max if agreement.validity is None else agreement.validity.period.start


def _host(agreement: Agreement, first: dict[str, Agreement]) -> Agreement | None:
    """The agreement an extension document continues (through other extensions), if drawn."""
    current = agreement
    seen = {id(agreement)}
    while current.kind is AgreementKind.EXTENSION and current.extends is not None:
        base = first.get(current.extends)
        if base is None or id(base) in seen:
            return None
        seen.add(id(base))
        current = base
    return None if current is agreement else current


def _merged(records: Sequence[Records]) -> Records | None:
    if not records:
        return None
    return Records(
        agreement=records[0].agreement, meetings=[m for r in records for m in r.meetings]
    )


def _missed(
    agreement: Agreement, records: Records | None, today: dt.date | None
) -> tuple[_Missed, ...]:
    """The windows REC003 finds without their regular meeting (exempted ones too)."""
    if today is None or records is None or agreement.validity is None:
        return ()
    report = validate(agreement, today=today, records=records, select=["REC003"])
    found: list[Finding] = [*report.findings, *(e.finding for e in report.exempted)]
    missed: dict[tuple[dt.date, dt.date], list[Text]] = {}
    for finding in found:
        span = _missed_span(agreement, finding) if finding.code == "REC003" else None
        if span is not None:
            missed.setdefault(span, []).append(finding.message)
    return tuple(_Missed(*span, tuple(missed[span])) for span in sorted(missed))


def _missed_span(agreement: Agreement, finding: Finding) -> tuple[dt.date, dt.date] | None:
    """The days of the window (or the year) a REC003 finding is about."""
    first, last, year = (finding.values.get(key) for key in ("first", "last", "year"))
    if isinstance(first, dt.date) and isinstance(last, dt.date):
        return first, last  # a window of one year
    if isinstance(year, int):
        return dt.date(year, 1, 1), dt.date(year, 12, 31)  # a cadence without windows
    return None


def _axis(rows: Sequence[_Row], today: dt.date | None) -> _Axis | None:
    """Whole years from the year before the first date drawn to the year after the last."""
    days: list[dt.date] = [] if today is None else [today]
    for row in rows:
        for document in (row.agreement, *row.extensions):
            if document.validity is not None:
                period = document.validity.period
                days += [period.start] if period.end is None else [period.start, period.end]
        for term in row.terms:
            end = term.period.end
            days += [term.period.start] if end is None else [term.period.start, end]
        days += [meeting.date for meeting in row.meetings]
        days += [day for missed in row.missed for day in (missed.first, missed.last)]
    if not days:
        return None
    return _Axis(max(FIRST_DAY.year, min(days).year - 1), min(LAST_DAY.year, max(days).year + 1))


def _scheduled(row: _Row, axis: _Axis, superseded: set[str]) -> tuple[_Chair, ...]:
    """The chair terms of ``row``: recorded, and between and after them from the rotation.

    The rotation is continued (:meth:`busmodel.Agreement.chair_schedule`) through the
    agreement's validity, carried on by its extensions, and into the mandate period
    that starts the day after, when no agreement drawn supersedes it: the chair its
    successor would have. A term derived from the rotation is drawn no further than
    the validity (or, for the next one, the plot); one that would overlap a term an
    extension records is left out.
    """
    recorded = [_Chair(term, False, term.period.end) for term in row.terms]
    span = row.span
    if span is None or row.agreement.chair is None:
        return tuple(recorded)
    end = span[1]
    if end is None:
        until = axis.end
    elif row.agreement.id in superseded or end >= LAST_DAY:
        until = end
    else:
        until = end + _ONE_DAY
    derived = []
    for term in row.agreement.chair_schedule(until):
        if term in row.terms or any(term.period.overlaps(other.period) for other in row.terms):
            continue
        stop = term.period.end
        if end is not None and term.period.start <= end and (stop is None or stop > end):
            stop = end
        if stop is not None and stop > axis.end:
            stop = None
        derived.append(_Chair(term, True, stop))
    return tuple(sorted([*recorded, *derived], key=lambda chair: chair.term.period))


# -- the SVG ------------------------------------------------------------------------


def _clean(text: str) -> str:
    """``text`` as XML 1.0 can hold it."""
    return _NOT_XML.sub("\ufffd", text)


def _n(value: float) -> str:
    """A coordinate: one decimal at most, the same every time."""
    shown = f"{value:.1f}"
    shown = shown[:-2] if shown.endswith(".0") else shown
    return "0" if shown == "-0" else shown


def _el(
    parent: ET.Element, tag: str, attributes: dict[str, str], text: str | None = None
) -> ET.Element:
    element = ET.SubElement(parent, tag, {key: _clean(value) for key, value in attributes.items()})
    if text is not None:
        element.text = _clean(text)
    return element


def _tooltip(element: ET.Element, text: str) -> None:
    """A ``<title>``: what a browser shows on hover and a screen reader reads."""
    _el(element, "title", {}, text)


def _label(
    parent: ET.Element,
    x: float,
    y: float,
    text: str,
    *,
    size: int = 10,
    anchor: str = "start",
    colour: str = _INK,
    bold: bool = False,
    css: str = "label",
) -> ET.Element:
    attributes = {"class": css, "x": _n(x), "y": _n(y), "font-size": str(size)}
    if anchor != "start":
        attributes["text-anchor"] = anchor
    if colour != _INK:
        attributes["fill"] = colour
    if bold:
        attributes["font-weight"] = "bold"
    return _el(parent, "text", attributes, text)


def _fitted(x: float, width: float) -> tuple[float, str]:
    """Where to anchor a label of ``width`` centred on ``x`` so that it stays in the picture."""
    if x - width / 2 < _PLOT_LEFT - 10:
        return max(x, float(_PLOT_LEFT - 10)), "start"
    if x + width / 2 > _WIDTH - 4:
        return min(x, float(_WIDTH - 4)), "end"
    return x, "middle"


def _estimate(text: str, size: int = 10) -> float:
    return len(text) * _CHAR_WIDTH * size / 10


def _span(start: dt.date, end: dt.date | None, lang: Lang) -> str:
    return span_text(start, end).get(lang)


def timeline_svg(
    documents: Iterable[Document], *, today: dt.date | None = None, lang: Lang = "en"
) -> str:
    """The documents as one SVG picture in time, in ``lang``: a UTF-8 XML document as text.

    Each agreement or framework is a row: its validity a bar (open to the right
    when it runs until further notice), each extension document that names it
    (``extends``) a dashed continuation in the same row, its recorded chair terms a
    strip under the bar coloured by body (named in the legend), and the meetings of
    the records that name it marks above the bar, filled for the meetings held. An
    extension whose agreement is not among ``documents`` gets a row of its own.
    Behind the rows, the mandate periods (committee convention) are bands and the
    election days dashed lines; an arrow leads from an agreement to the one that
    ``supersedes`` it. With ``today``, a red line marks the day, and the windows
    whose regular meeting was missed by then, as rule REC003 finds them, are marked
    in red. Nothing reads the clock: without ``today`` there is no line and no
    window is judged.

    The time axis runs over whole years, from the year before the first date drawn
    to the year after the last. The output is the same for the same documents.

    >>> from busmodel import Agreement, Validity
    >>> svg = timeline_svg([Agreement(id="bus", title="BUS <2023>",
    ...                               validity=Validity.for_mandate_period(2022))])
    >>> svg.splitlines()[0]
    '<?xml version="1.0" encoding="UTF-8"?>'
    >>> "BUS &lt;2023&gt;" in svg
    True
    """
    documents = list(documents)
    if today is not None and not FIRST_DAY <= today <= LAST_DAY:
        raise ModelError(
            "today",
            f"{today} is not between {FIRST_DAY} and {LAST_DAY}",
            sv=f"{today} ligger inte mellan {FIRST_DAY} och {LAST_DAY}",
        )
    rows = _rows(documents, today)
    axis = _axis(rows, today)
    if axis is not None:
        superseded = {old for row in rows for old in row.agreement.supersedes}
        rows = [attrs.evolve(row, chairs=_scheduled(row, axis, superseded)) for row in rows]
    svg = _picture(rows, axis, today, lang)
    ET.indent(svg, space=" ")
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(svg, encoding="unicode") + "\n"


def _picture(
    rows: Sequence[_Row], axis: _Axis | None, today: dt.date | None, lang: Lang
) -> ET.Element:
    """The ``<svg>`` element: title and description, then what is drawn, back to front."""
    svg = ET.Element(
        "svg",
        {
            "xmlns": _SVG_NS,
            "version": "1.1",
            _XML_LANG: lang,
            "role": "img",
            "aria-labelledby": "timeline-title timeline-desc",
            "font-family": "Arial, Helvetica, 'Liberation Sans', sans-serif",
        },
    )
    heading = _heading(rows, axis, today, lang)
    _el(svg, "title", {"id": "timeline-title"}, heading)
    _el(svg, "desc", {"id": "timeline-desc"}, _description(rows, axis, today, lang))
    _defs(svg)
    canvas = _el(svg, "g", {"class": "timeline"})
    background = _el(
        canvas,
        "rect",
        {"class": "background", "x": "0", "y": "0", "width": str(_WIDTH), "fill": "#ffffff"},
    )
    _label(canvas, _MARGIN, _HEADING_Y, heading, size=16, bold=True, css="heading")
    rows_bottom = _PLOT_TOP + len(rows) * _ROW
    colours = _chair_colours(rows)
    linked = False
    if axis is None:
        _label(
            canvas,
            _PLOT_LEFT,
            _PLOT_TOP + 24,
            _word("nothing dated", lang),
            size=11,
            colour=_GREY,
            css="note",
        )
        _row_lines(canvas, rows, lang)
    else:
        _mandate_periods(canvas, axis, rows_bottom, lang)
        _years(canvas, axis, rows_bottom)
        _row_lines(canvas, rows, lang)
        links = _el(canvas, "g", {"class": "links"})  # under the bars
        for k, row in enumerate(rows):
            top = _PLOT_TOP + k * _ROW
            _bars(canvas, row, axis, top, lang)
            _chairs(canvas, row, axis, top, colours, lang)
            _marks(canvas, row, axis, top, lang)
        linked = _links(links, rows, axis, lang)
        if today is not None:
            _today(canvas, axis, today, rows_bottom, lang)
    height = _key(canvas, rows, colours, today, linked, rows_bottom + 40, lang)
    background.set("height", str(height))
    svg.set("width", str(_WIDTH))
    svg.set("height", str(height))
    svg.set("viewBox", f"0 0 {_WIDTH} {height}")
    return svg


def _heading(rows: Sequence[_Row], axis: _Axis | None, today: dt.date | None, lang: Lang) -> str:
    parts = [f"{_word('heading', lang)}: {_counted(len(rows), 'agreement', 'agreements', lang)}"]
    if axis is not None:
        parts.append(f"{axis.first}–{axis.last}")
    if today is not None:
        parts.append(f"{_word('today', lang)} {today.isoformat()}")
    return ", ".join(parts)


def _description(
    rows: Sequence[_Row], axis: _Axis | None, today: dt.date | None, lang: Lang
) -> str:
    """What the picture shows, in sentences, for those who cannot see it."""
    lines = []
    for row in rows:
        agreement = row.agreement
        span = row.span
        shown = _word("no validity", lang) if span is None else _span(*span, lang)
        title = " ".join(agreement.title.split())
        if agreement.kind is AgreementKind.EXTENSION:
            title += f" ({agreement.id}, {_word('extension of', lang)} {agreement.extends})"
        elif agreement.kind is AgreementKind.FRAMEWORK:
            title += f" ({agreement.id}, {_word('framework', lang)})"
        else:
            title += f" ({agreement.id})"
        parts = [f"{title}: {shown}"]
        if row.extensions:
            ids = ", ".join(extension.id for extension in row.extensions)
            counted = _counted(len(row.extensions), "extension", "extensions", lang)
            parts.append(f"{counted} ({ids})")
        for chair in row.chairs:
            parts.append(_chair_text(row, chair, lang))
        if row.meetings:
            parts.append(_counted(len(row.meetings), "meeting", "meetings", lang))
        count = sum(len(missed.messages) for missed in row.missed)
        if count:
            parts.append(_counted(count, "missed window", "missed windows", lang))
        if agreement.supersedes:
            parts.append(f"{_word('supersedes', lang)} {', '.join(agreement.supersedes)}")
        lines.append("; ".join(parts) + ".")
    return "\n".join([_heading(rows, axis, today, lang) + ".", *lines])


def _defs(svg: ET.Element) -> None:
    defs = _el(svg, "defs", {})
    marker = _el(
        defs,
        "marker",
        {
            "id": "timeline-arrow",
            "viewBox": "0 0 10 10",
            "refX": "9",
            "refY": "5",
            "markerWidth": "7",
            "markerHeight": "7",
            "orient": "auto",
        },
    )
    _el(marker, "path", {"d": "M 0 0 L 10 5 L 0 10 z", "fill": _LINK})


def _mandate_periods(canvas: ET.Element, axis: _Axis, rows_bottom: int, lang: Lang) -> None:
    """A band a mandate period (committee convention) and a dashed line an election day."""
    group = _el(canvas, "g", {"class": "mandate-periods"})
    first = max(FIRST_ELECTION, axis.first - 5)
    first += (FIRST_ELECTION - first) % 4
    for year in range(first, min(LAST_ELECTION, axis.last) + 1, 4):
        term = MandatePeriod(year)
        if term.start > axis.end or term.end < axis.start:
            continue
        left, right = axis.x(term.start), axis.x_after(min(term.end, axis.end))
        band = _el(
            group,
            "rect",
            {
                "class": "mandate-period",
                "data-start": term.start.isoformat(),
                "data-end": term.end.isoformat(),
                "x": _n(left),
                "y": _n(_BAND_LABEL_Y - 13),
                "width": _n(right - left),
                "height": _n(rows_bottom - _BAND_LABEL_Y + 13),
                "fill": _BANDS[(year - FIRST_ELECTION) // 4 % 2],
            },
        )
        name = f"{_word('mandate period', lang)} {term} ({_span(term.start, term.end, lang)})"
        _tooltip(band, name)
        text = str(term)
        if right - left >= _estimate(text, 11) + 8:
            _label(
                group,
                (left + right) / 2,
                _BAND_LABEL_Y,
                text,
                size=11,
                anchor="middle",
                colour=_GREY,
                css="mandate-period-label",
            )
    days = [
        election_day(year)
        for year in range(FIRST_ELECTION, LAST_ELECTION + 1, 4)
        if axis.start <= election_day(year) <= axis.end
    ]
    for day in days:
        x = axis.x(day) + axis.scale / 2
        line = _el(
            group,
            "line",
            {
                "class": "election-day",
                "data-date": day.isoformat(),
                "x1": _n(x),
                "y1": _n(_PLOT_TOP - 4),
                "x2": _n(x),
                "y2": _n(rows_bottom + 4),
                "stroke": _ELECTION,
                "stroke-width": "1",
                "stroke-dasharray": "4 3",
            },
        )
        _tooltip(line, f"{_word('election day', lang)} {day.isoformat()}")
    for at, anchor, text in _election_labels(axis, days, lang):
        _label(
            group,
            at,
            rows_bottom + 16,
            text,
            anchor=anchor,
            colour=_GREY,
            css="election-day-label",
        )


def _election_labels(
    axis: _Axis, days: Sequence[dt.date], lang: Lang
) -> list[tuple[float, str, str]]:
    """Where each election day is named under the plot, all in one form, none overlapping.

    ``val 2022-09-11`` when every one fits so, else ``2022-09-11``; the form that
    leaves out the fewest (the longer on a tie), leaving out those that would overlap.
    """
    forms = []
    for long in (True, False):
        placed = []
        free = float(_PLOT_LEFT - 10)  # where the room for the next label begins
        for day in days:
            text = f"{_word('election', lang)} {day.isoformat()}" if long else day.isoformat()
            width = _estimate(text)
            at, anchor = _fitted(axis.x(day) + axis.scale / 2, width)
            left = at - {"start": 0.0, "middle": width / 2, "end": width}[anchor]
            if left >= free:
                free = left + width + 8
                placed.append((at, anchor, text))
        forms.append(placed)
    return max(forms, key=len)


def _years(canvas: ET.Element, axis: _Axis, rows_bottom: int) -> None:
    """Year labels over the plot, and a faint line at each labelled new year."""
    group = _el(canvas, "g", {"class": "years"})
    step = next((s for s in _YEAR_STEPS if s * axis.year_width >= _YEAR_ROOM), _YEAR_STEPS[-1])
    for year in range(axis.first, axis.last + 1):
        if year % step:
            continue
        x = axis.x(dt.date(year, 1, 1))
        if year != axis.first:
            _el(
                group,
                "line",
                {
                    "class": "year-line",
                    "x1": _n(x),
                    "y1": _n(_PLOT_TOP),
                    "x2": _n(x),
                    "y2": _n(rows_bottom),
                    "stroke": _RULE,
                    "stroke-width": "0.5",
                },
            )
        at = x + axis.year_width / 2 if step == 1 else x
        _label(group, at, _YEAR_LABEL_Y, str(year), anchor="middle", colour=_GREY, css="year")
    _el(
        group,
        "line",
        {
            "class": "axis",
            "x1": _n(_PLOT_LEFT),
            "y1": _n(_PLOT_TOP),
            "x2": _n(_PLOT_RIGHT),
            "y2": _n(_PLOT_TOP),
            "stroke": _GREY,
            "stroke-width": "1",
        },
    )


def _row_lines(canvas: ET.Element, rows: Sequence[_Row], lang: Lang) -> None:
    """The title and the id of each row on the left, and a faint line under each row."""
    group = _el(canvas, "g", {"class": "rows"})
    for k, row in enumerate(rows):
        top = _PLOT_TOP + k * _ROW
        agreement = row.agreement
        title = _label(
            group,
            _MARGIN,
            top + 20,
            shortened(agreement.title, _TITLE_CHARS),
            size=12,
            bold=True,
            css="agreement-title",
        )
        title.set("data-agreement", agreement.id)
        _tooltip(title, " ".join(agreement.title.split()))
        span = row.span
        shown = _word("no validity", lang) if span is None else _span(*span, lang)
        details = [agreement.id]
        if agreement.kind is AgreementKind.EXTENSION:  # a framework is told by its colour
            details.append(f"{_word('extension of', lang)} {agreement.extends}")
        line = " · ".join([*details, shown])
        _label(
            group, _MARGIN, top + 35, shortened(line, _LINE_CHARS), colour=_GREY, css="agreement-id"
        ).set("data-agreement", agreement.id)
        _el(
            group,
            "line",
            {
                "class": "row-line",
                "x1": _n(_MARGIN),
                "y1": _n(top + _ROW),
                "x2": _n(_PLOT_RIGHT),
                "y2": _n(top + _ROW),
                "stroke": _RULE,
                "stroke-width": "0.5",
            },
        )


def _bars(canvas: ET.Element, row: _Row, axis: _Axis, top: int, lang: Lang) -> None:
    """The validity of the row's agreement, then each extension after it."""
    agreement = row.agreement
    group = _el(canvas, "g", {"class": "agreement", "data-agreement": agreement.id})
    if agreement.validity is not None:
        period = agreement.validity.period
        left, right = axis.x(period.start), axis.x_after(period.end)
        css = "validity extension" if agreement.kind is AgreementKind.EXTENSION else "validity"
        bar = _el(
            group,
            "rect",
            {
                "class": css,
                "data-agreement": agreement.id,
                "data-start": period.start.isoformat(),
                **_end(period.end),
                "x": _n(left),
                "y": _n(top + _BAR_TOP),
                "width": _n(max(right - left, 1.0)),
                "height": str(_BAR_HEIGHT),
                **_LOOKS[agreement.kind],
            },
        )
        _tooltip(
            bar, f"{agreement.title} ({agreement.id}): {_span(period.start, period.end, lang)}"
        )
        if period.end is None:
            _open_end(group, right, top)
    for extension in row.extensions:
        if extension.validity is None:
            continue
        period = extension.validity.period
        left, right = axis.x(period.start), axis.x_after(period.end)
        piece = _el(
            group,
            "rect",
            {
                "class": "extension",
                "data-agreement": extension.id,
                "data-extends": str(extension.extends),
                "data-start": period.start.isoformat(),
                **_end(period.end),
                "x": _n(left),
                "y": _n(top + _BAR_TOP),
                "width": _n(max(right - left, 1.0)),
                "height": str(_BAR_HEIGHT),
                **_LOOKS[AgreementKind.EXTENSION],
            },
        )
        _tooltip(
            piece,
            f"{_word('extension key', lang)}: {extension.title} ({extension.id}): "
            f"{_span(period.start, period.end, lang)}",
        )
        if period.end is None:
            _open_end(group, right, top)


def _end(day: dt.date | None) -> dict[str, str]:
    """The ``data-end`` attribute of something drawn: none for an open end."""
    return {} if day is None else {"data-end": day.isoformat()}


def _open_end(group: ET.Element, x: float, top: int) -> None:
    """An arrowhead at the right end of a bar that runs on (until further notice)."""
    y = top + _BAR_TOP
    _el(
        group,
        "path",
        {
            "class": "open-end",
            "d": f"M {_n(x)} {_n(y - 2)} L {_n(x + 7)} {_n(y + _BAR_HEIGHT / 2)} "
            f"L {_n(x)} {_n(y + _BAR_HEIGHT + 2)} z",
            "fill": _GREY,
        },
    )


def _body_name(agreement: Agreement, extensions: Sequence[Agreement], body_id: str) -> str:
    for document in (agreement, *extensions):
        body = document.body(body_id)
        if body is not None:
            return " ".join(body.name.split())
    return body_id


def _chair_colours(rows: Sequence[_Row]) -> dict[str, str]:
    """A colour for each body name that chairs, in the order they first chair."""
    colours: dict[str, str] = {}
    for row in rows:
        for chair in row.chairs:
            name = _body_name(row.agreement, row.extensions, chair.term.body)
            if name not in colours:
                colours[name] = _CHAIRS[len(colours) % len(_CHAIRS)]
    return colours


def _chairs(
    canvas: ET.Element, row: _Row, axis: _Axis, top: int, colours: dict[str, str], lang: Lang
) -> None:
    """A strip under the bar for each chair term, lighter where derived from the rotation."""
    group = _el(canvas, "g", {"class": "chair-terms", "data-agreement": row.agreement.id})
    for chair in row.chairs:
        term = chair.term
        name = _body_name(row.agreement, row.extensions, term.body)
        left, right = axis.x(term.period.start), axis.x_after(chair.until)
        strip = _el(
            group,
            "rect",
            {
                "class": "chair derived" if chair.derived else "chair",
                "data-body": term.body,
                "data-start": term.period.start.isoformat(),
                **_end(term.period.end),
                "x": _n(left),
                "y": _n(top + _CHAIR_TOP),
                "width": _n(max(right - left, 1.0)),
                "height": str(_CHAIR_HEIGHT),
                "fill": colours[name],
                **({"fill-opacity": _DERIVED_OPACITY} if chair.derived else {}),
            },
        )
        _tooltip(strip, _chair_text(row, chair, lang))


def _chair_text(row: _Row, chair: _Chair, lang: Lang) -> str:
    """``Chair: Socialnämnden, 2027-01-01 – 2030-12-31 (from the rotation)``."""
    term = chair.term
    name = _body_name(row.agreement, row.extensions, term.body)
    text = f"{_word('chair', lang)}: {name}, {_span(term.period.start, term.period.end, lang)}"
    if chair.derived:
        text += f" ({_word('from the rotation', lang)})"
    if term.reason is not None:
        text += f" ({' '.join(term.reason.split())})"
    return text


def _marks(canvas: ET.Element, row: _Row, axis: _Axis, top: int, lang: Lang) -> None:
    """The windows missed, then a filled mark for each meeting held."""
    group = _el(canvas, "g", {"class": "meetings", "data-agreement": row.agreement.id})
    for missed in row.missed:
        left, right = axis.x(missed.first), axis.x_after(missed.last)
        window = _el(
            group,
            "rect",
            {
                "class": "missed",
                "data-start": missed.first.isoformat(),
                "data-end": missed.last.isoformat(),
                "x": _n(left),
                "y": _n(top + 3),
                "width": _n(max(right - left, 1.0)),
                "height": _n(_BAR_TOP + _BAR_HEIGHT - 1),
                "fill": _MISSED,
                "fill-opacity": "0.12",
                "stroke": _MISSED,
                "stroke-width": "1",
                "stroke-dasharray": "2 2",
            },
        )
        _tooltip(window, "\n".join(message.get(lang) for message in missed.messages))
        mark = _el(
            group,
            "circle",
            {
                "class": "missed-meeting",
                "cx": _n((left + right) / 2),
                "cy": _n(top + _MEETING_Y),
                "r": _n(_MARK_RADIUS),
                "fill": "#ffffff",
                "stroke": _MISSED,
                "stroke-width": "1.5",
            },
        )
        _tooltip(mark, "\n".join(message.get(lang) for message in missed.messages))
    for meeting in row.meetings:
        extra = meeting.kind is MeetingKind.EXTRA
        x = axis.x(meeting.date) + axis.scale / 2
        mark = _el(
            group,
            "circle",
            {
                "class": "meeting held extra" if extra else "meeting held",
                "data-forum": meeting.forum,
                "data-date": meeting.date.isoformat(),
                "cx": _n(x),
                "cy": _n(top + _MEETING_Y),
                "r": _n(_MARK_RADIUS),
                "fill": _EXTRA if extra else _HELD,
            },
        )
        forum = row.agreement.forum(meeting.forum)
        name = meeting.forum if forum is None else " ".join(forum.name.split())
        what = _word("extra meeting" if extra else "regular", lang)
        tip = f"{meeting.date.isoformat()}: {name}, {what}"
        if meeting.topics:
            tip += "\n" + "\n".join(f"– {' '.join(topic.split())}" for topic in meeting.topics)
        _tooltip(mark, tip)


def _links(group: ET.Element, rows: Sequence[_Row], axis: _Axis, lang: Lang) -> bool:
    """An arrow from the end of each agreement drawn to the start of the one that supersedes it.

    Whether any arrow was drawn.
    """
    linked = False
    where: dict[str, int] = {}
    for k, row in enumerate(rows):
        for document in (row.agreement, *row.extensions):
            where.setdefault(document.id, k)
    for k, row in enumerate(rows):
        successor = row.agreement
        if successor.validity is None:
            continue
        for old_id in dict.fromkeys(successor.supersedes):
            j = where.get(old_id)
            if j is None or j == k:
                continue
            span = rows[j].span
            if span is None:
                continue
            start = successor.validity.period.start
            x1 = axis.x_after(span[1]) if span[1] is not None else axis.x(start)
            x2 = axis.x(start)
            y1 = _PLOT_TOP + j * _ROW + _BAR_TOP + _BAR_HEIGHT / 2
            y2 = _PLOT_TOP + k * _ROW + _BAR_TOP + _BAR_HEIGHT / 2
            bend = max(12.0, abs(x2 - x1) / 2)
            path = _el(
                group,
                "path",
                {
                    "class": "supersedes",
                    "data-from": old_id,
                    "data-to": successor.id,
                    "d": f"M {_n(x1)} {_n(y1)} C {_n(x1 + bend)} {_n(y1)} "
                    f"{_n(x2 - bend)} {_n(y2)} {_n(x2)} {_n(y2)}",
                    "fill": "none",
                    "stroke": _LINK,
                    "stroke-width": "1.2",
                    "marker-end": "url(#timeline-arrow)",
                },
            )
            _tooltip(path, f"{successor.id} {_word('supersedes', lang)} {old_id}")
            linked = True
    return linked


def _today(canvas: ET.Element, axis: _Axis, today: dt.date, rows_bottom: int, lang: Lang) -> None:
    x = axis.x(today) + axis.scale / 2
    group = _el(canvas, "g", {"class": "today-marker"})
    line = _el(
        group,
        "line",
        {
            "class": "today",
            "data-date": today.isoformat(),
            "x1": _n(x),
            "y1": _n(_TODAY_LABEL_Y + 4),
            "x2": _n(x),
            "y2": _n(rows_bottom + 4),
            "stroke": _TODAY,
            "stroke-width": "2",
        },
    )
    text = f"{_word('today', lang)} {today.isoformat()}"
    _tooltip(line, text)
    at, anchor = _fitted(x, _estimate(text, 11))
    _label(
        group,
        at,
        _TODAY_LABEL_Y,
        text,
        size=11,
        anchor=anchor,
        colour=_TODAY,
        bold=True,
        css="today-label",
    )


def _key(
    canvas: ET.Element,
    rows: Sequence[_Row],
    colours: dict[str, str],
    today: dt.date | None,
    linked: bool,
    top: int,
    lang: Lang,
) -> int:
    """The key to the symbols, then the bodies that chair and their colours; the bottom."""
    group = _el(canvas, "g", {"class": "legend"})
    _label(group, _MARGIN, top, _word("key", lang), size=12, bold=True, css="legend-heading")
    symbols: list[tuple[str, str]] = [("band", "mandate period"), ("election", "election day")]
    if today is not None:
        symbols.append(("today", "today key"))
    symbols.append(("bar", "validity"))
    if any(row.extensions or row.agreement.kind is AgreementKind.EXTENSION for row in rows):
        symbols.append(("extension", "extension key"))
    if any(row.agreement.kind is AgreementKind.FRAMEWORK for row in rows):
        symbols.append(("framework", "framework key"))
    symbols.append(("held", "held"))
    if any(m.kind is MeetingKind.EXTRA for row in rows for m in row.meetings):
        symbols.append(("extra", "extra"))
    if any(row.missed for row in rows):
        symbols.append(("missed", "missed"))
    if linked:
        symbols.append(("link", "supersedes key"))
    y = top + 8
    for k, (symbol, word) in enumerate(symbols):
        x = _MARGIN + (k % _KEY_COLUMNS) * _KEY_COLUMN
        line_top = y + (k // _KEY_COLUMNS) * _KEY_LINE
        _symbol(group, symbol, x, line_top)
        _label(group, x + 30, line_top + 11, _word(word, lang), css="legend-item")
    y += -(-len(symbols) // _KEY_COLUMNS) * _KEY_LINE
    if colours:
        y += 18
        _label(group, _MARGIN, y, _word("chair", lang), size=12, bold=True, css="legend-heading")
        y += 8
        for k, (name, colour) in enumerate(colours.items()):
            x = _MARGIN + (k % _KEY_COLUMNS) * _KEY_COLUMN
            line_top = y + (k // _KEY_COLUMNS) * _KEY_LINE
            swatch = _el(
                group,
                "rect",
                {
                    "class": "chair-swatch",
                    "x": _n(x),
                    "y": _n(line_top + 3),
                    "width": "22",
                    "height": "10",
                    "fill": colour,
                },
            )
            _tooltip(swatch, name)
            _label(group, x + 30, line_top + 12, shortened(name, _KEY_CHARS), css="chair-name").set(
                "data-body-name", name
            )
        y += -(-len(colours) // _KEY_COLUMNS) * _KEY_LINE
    if any(chair.derived for row in rows for chair in row.chairs):
        _el(
            group,
            "rect",
            {
                "class": "key-derived",
                "x": _n(_MARGIN),
                "y": _n(y + 3),
                "width": "22",
                "height": "10",
                "fill": _GREY,
                "fill-opacity": _DERIVED_OPACITY,
            },
        )
        _label(group, _MARGIN + 30, y + 12, _word("derived key", lang), css="legend-item")
        y += _KEY_LINE
    return y + 12


def _symbol(group: ET.Element, symbol: str, x: float, top: float) -> None:
    """A small sample of what the key explains."""
    middle = top + 7
    box = {"x": _n(x), "y": _n(top + 1), "width": "22", "height": "12"}
    sample: dict[str, tuple[str, dict[str, str]]] = {
        "band": (
            "rect",
            {
                "x": _n(x),
                "y": _n(top),
                "width": "22",
                "height": "14",
                "fill": _BANDS[0],
                "stroke": _RULE,
            },
        ),
        "election": (
            "line",
            {
                "x1": _n(x + 11),
                "y1": _n(top - 1),
                "x2": _n(x + 11),
                "y2": _n(top + 15),
                "stroke": _ELECTION,
                "stroke-dasharray": "4 3",
            },
        ),
        "today": (
            "line",
            {
                "x1": _n(x + 11),
                "y1": _n(top - 1),
                "x2": _n(x + 11),
                "y2": _n(top + 15),
                "stroke": _TODAY,
                "stroke-width": "2",
            },
        ),
        "bar": ("rect", {**box, **_LOOKS[AgreementKind.AGREEMENT]}),
        "extension": ("rect", {**box, **_LOOKS[AgreementKind.EXTENSION]}),
        "framework": ("rect", {**box, **_LOOKS[AgreementKind.FRAMEWORK]}),
        "held": (
            "circle",
            {"cx": _n(x + 11), "cy": _n(middle), "r": _n(_MARK_RADIUS), "fill": _HELD},
        ),
        "extra": (
            "circle",
            {"cx": _n(x + 11), "cy": _n(middle), "r": _n(_MARK_RADIUS), "fill": _EXTRA},
        ),
        "missed": (
            "rect",
            {
                "x": _n(x),
                "y": _n(top),
                "width": "22",
                "height": "14",
                "fill": _MISSED,
                "fill-opacity": "0.12",
                "stroke": _MISSED,
                "stroke-dasharray": "2 2",
            },
        ),
        "link": (
            "path",
            {
                "d": f"M {_n(x)} {_n(middle)} L {_n(x + 20)} {_n(middle)}",
                "stroke": _LINK,
                "stroke-width": "1.2",
                "marker-end": "url(#timeline-arrow)",
            },
        ),
    }
    tag, attributes = sample[symbol]
    _el(group, tag, {"class": f"key-{symbol}", **attributes})
    if symbol == "missed":
        _el(
            group,
            "circle",
            {
                "class": "key-missed-meeting",
                "cx": _n(x + 11),
                "cy": _n(middle),
                "r": _n(_MARK_RADIUS),
                "fill": "#ffffff",
                "stroke": _MISSED,
                "stroke-width": "1.5",
            },
        )


# -- the command --------------------------------------------------------------------


def add_parser(commands: Any) -> None:
    """Add ``timeline`` to the subcommands."""
    command = commands.add_parser(
        "timeline",
        help="draw agreements, mandate periods, chairs and meetings as an SVG picture",
        description="Draw the agreements in PATH... in time as one SVG picture: mandate periods "
        "and election days, each agreement's validity and extensions, its chair terms and the "
        "meetings of its records. Exit status 0: drawn; 2: a file could not be read or "
        "written, or the command line was wrong; 3: a bug in busmodel.",
    )
    command.add_argument(
        "paths", nargs="+", metavar="PATH", help="files or directories; - reads standard input"
    )
    command.add_argument(
        "-o", "--output", metavar="FILE", help="write the SVG here (default: standard output)"
    )
    command.add_argument(
        "--today",
        type=iso_date,
        metavar="DATE",
        help=f"draw a line on this day and mark the meeting windows missed by then "
        f"(YYYY-MM-DD, {FIRST_DAY} to {LAST_DAY})",
    )
    command.add_argument(
        "--records", action="append", default=[], metavar="PATH", help="a records document"
    )
    command.add_argument(
        "--lang",
        choices=("sv", "en"),
        default="en",
        help="the language of the words in the picture (default %(default)s)",
    )
    command.set_defaults(run=run, usage=command.format_usage(), prog=command.prog)


def run(args: argparse.Namespace, out: Stream, err: Stream, stdin: BinaryIO | None) -> int:
    """Read the documents, draw them, and write the picture."""
    lang: Lang = args.lang
    documents, unreadable = _read(args.paths, args.records, stdin)
    if unreadable:
        for error in unreadable:
            err.write(render_problems(shown_error(error), lang) + "\n")
        return EXIT_UNREADABLE
    svg = timeline_svg(documents, today=args.today, lang=lang)
    if args.output is None or args.output == STDIN:
        out.write_document(svg)
        return EXIT_OK
    return write_output(args.output, svg.encode("utf-8"), err, "timeline", lang)


def _read(
    paths: Sequence[str], records: Sequence[str], stdin: BinaryIO | None
) -> tuple[list[Document], list[DocumentError]]:
    """The documents under ``paths`` and ``records``, each file once, and what could not be read."""
    read = read_paths(paths, records=records, stdin=stdin)
    documents = [entry.document for entry in read.everything.entries]
    unreadable = list(read.unreadable)
    if not unreadable and not any(isinstance(d, Agreement) for d in documents):
        unreadable.append(nothing_found(paths))
    return documents, unreadable
