"""Laws of renewal: a renewed or extended agreement without errors drafts one without errors."""

import datetime as dt
import re

import attrs
import pytest
from dateutil.relativedelta import relativedelta
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

import busmodel as bm
from busmodel.cli._renew import drafted_text
from tests.property.strategies import renewable_agreements

SLOW = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
ONE_DAY = dt.timedelta(days=1)
KEY_OR_TABLE = re.compile(r"[a-z_]+ = |\[")


DAYS_BEFORE = st.integers(min_value=0, max_value=200)
"""How long before the end a successor or an extension is drawn up."""


def document_date(agreement: bm.Agreement, days_before: int) -> dt.date:
    """A day ``days_before`` the agreement ends."""
    assert agreement.validity is not None
    assert agreement.validity.period.end is not None
    return agreement.validity.period.end - dt.timedelta(days=days_before)


def errors(report: bm.Report) -> list[tuple[str, str]]:
    return [(f.code, f.path) for f in report.findings if f.severity is bm.Severity.ERROR]


@SLOW
@given(renewable_agreements(), st.data())
def test_renewing_an_agreement_without_errors_drafts_one_without_errors(
    agreement: bm.Agreement, data: st.DataObject
) -> None:
    assume(bm.validate(agreement).ok)
    draft = bm.renew(agreement, document_date=document_date(agreement, data.draw(DAYS_BEFORE)))

    assert [] == errors(bm.validate(draft))
    assert [] == errors(bm.validate(draft, registry=bm.Registry.of([agreement, draft])))


@SLOW
@given(renewable_agreements(), st.data())
def test_a_renewed_agreement_is_a_draft_that_follows_on_and_supersedes_its_predecessor(
    agreement: bm.Agreement, data: st.DataObject
) -> None:
    day = document_date(agreement, data.draw(DAYS_BEFORE))
    draft = bm.renew(agreement, document_date=day)

    assert agreement.validity is not None
    assert draft.validity is not None
    old, new = agreement.validity.period, draft.validity.period
    assert old.end is not None
    assert new.end is not None
    assert (bm.DocumentState.DRAFT, (agreement.id,), day) == (
        draft.state,
        draft.supersedes,
        draft.document_date,
    )
    assert ((), ()) == (draft.signatures, draft.adoptions)
    assert agreement.id != draft.id
    if agreement.validity.basis is bm.ValidityBasis.MANDATE_PERIOD:
        term = bm.mandate_period(old.start, agreement.validity.convention).next()
        assert term.period == new
    else:
        assert old.end + ONE_DAY == new.start
        length = relativedelta(old.end + ONE_DAY, old.start)  # years, months and days
        assert new.start + length - ONE_DAY == new.end
    carried = ("kind", "municipality", "bodies", "parties", "forums", "framework")
    assert [getattr(agreement, name) for name in carried] == [
        getattr(draft, name) for name in carried
    ]


@st.composite
def extendable(draw: st.DrawFn) -> tuple[bm.Agreement, list[bm.Agreement]]:
    """An agreement with an extension clause, and the final extensions it has had so far."""
    agreement = draw(renewable_agreements())
    assert agreement.validity is not None
    clause = bm.Extension(
        draw(st.integers(min_value=1, max_value=4)),
        draw(st.none() | st.integers(min_value=1, max_value=3)),
    )
    agreement = attrs.evolve(agreement, validity=attrs.evolve(agreement.validity, extension=clause))
    done: list[bm.Agreement] = []
    for _ in range(draw(st.integers(min_value=0, max_value=3))):
        if clause.times is not None and len(done) >= clause.times:
            break
        registry = bm.Registry.of([agreement, *done])
        day = document_date(agreement, draw(DAYS_BEFORE))
        extension = bm.extend(agreement, document_date=day, registry=registry)
        assert extension.validity is not None
        adopted = extension.validity.period.start - ONE_DAY
        done.append(
            attrs.evolve(
                extension,
                state=bm.DocumentState.FINAL,
                document_date=min(day, adopted),
                adoptions=tuple(bm.Adoption(party, adopted) for party in extension.parties),
            )
        )
    return agreement, done


@SLOW
@given(extendable(), st.data())
def test_extending_an_agreement_without_errors_drafts_an_extension_without_errors(
    extended: tuple[bm.Agreement, list[bm.Agreement]], data: st.DataObject
) -> None:
    agreement, done = extended
    assume(bm.validate(agreement).ok)
    clause = agreement.validity.extension if agreement.validity is not None else None
    assert clause is not None
    assume(clause.times is None or len(done) < clause.times)
    registry = bm.Registry.of([agreement, *done])
    draft = bm.extend(
        agreement, document_date=document_date(agreement, data.draw(DAYS_BEFORE)), registry=registry
    )

    assert [] == errors(bm.validate(draft, registry=bm.Registry.of([agreement, *done, draft])))


@SLOW
@given(extendable(), st.data())
def test_an_extension_runs_the_clauses_years_from_the_day_after_the_effective_end(
    extended: tuple[bm.Agreement, list[bm.Agreement]], data: st.DataObject
) -> None:
    agreement, done = extended
    assert agreement.validity is not None
    assert agreement.validity.extension is not None
    clause = agreement.validity.extension
    registry = bm.Registry.of([agreement, *done])
    day = document_date(agreement, data.draw(DAYS_BEFORE))
    if clause.times is not None and len(done) >= clause.times:
        with pytest.raises(bm.ModelError, match="no extension is left"):
            bm.extend(agreement, document_date=day, registry=registry)
        return
    draft = bm.extend(agreement, document_date=day, registry=registry)

    effective = registry.effective_validity(agreement.id)
    assert effective is not None
    assert effective.end is not None
    assert draft.validity is not None
    start = effective.end + ONE_DAY
    assert bm.Period(start, effective.end + relativedelta(years=clause.years)) == (
        draft.validity.period
    )
    assert (bm.AgreementKind.EXTENSION, agreement.id, bm.DocumentState.DRAFT) == (
        draft.kind,
        draft.extends,
        draft.state,
    )


@SLOW
@given(renewable_agreements(), st.data())
def test_the_renewed_text_keeps_every_comment_and_reads_back_as_the_draft(
    agreement: bm.Agreement, data: st.DataObject
) -> None:
    lines = []
    for number, line in enumerate(bm.dumps(agreement).splitlines()):
        if KEY_OR_TABLE.match(line):
            lines.append(f"# comment {number}")
        lines.append(line)
    text = "\n".join(lines) + "\n"
    draft = bm.renew(agreement, document_date=document_date(agreement, data.draw(DAYS_BEFORE)))

    written = drafted_text("renew", agreement, draft, text, "toml", "bus.toml", "toml")

    assert draft == bm.loads(written)
    kept = set(written.splitlines())
    assert [] == [line for line in lines if line.startswith("#") and line not in kept]


@SLOW
@given(renewable_agreements(), st.data())
def test_a_renewed_json_document_reads_back_as_the_draft(
    agreement: bm.Agreement, data: st.DataObject
) -> None:
    draft = bm.renew(agreement, document_date=document_date(agreement, data.draw(DAYS_BEFORE)))

    written = drafted_text(
        "renew", agreement, draft, bm.dumps(agreement, "json"), "json", "bus.json", "json"
    )

    assert draft == bm.loads(written, "json")
