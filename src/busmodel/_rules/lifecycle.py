"""Lifecycle rules (LIF): where the agreement stands in its validity on a given day.

Every rule here needs ``today``; an agreement without a validity yields nothing
(VAL001 reports the missing validity).

Days are counted as calendar days from ``today`` to the date in question, so
the end day itself is not counted: an agreement that ends on 2026-12-31 has 39
days left on 2026-11-22 and 0 on 2026-12-31, its last day in force ("expires
today"). LIF003 warns when those days left are at most
``Options.renewal_horizon_days`` (90 by default).
"""

from __future__ import annotations

from collections.abc import Iterator

from busmodel._catalogue import Context, Issue, Need, rule
from busmodel._findings import Severity
from busmodel._rules._common import day_count
from busmodel._text import Text

_ALINGSAS = "Alingsås samverkansöverenskommelse 2023 (Giltighetstid)"


@rule(
    "LIF001",
    title=Text(en="In force", sv="Har börjat gälla"),
    severity=Severity.INFO,
    rationale=Text(
        en="An agreement whose validity has not started yet does not bind anyone yet; "
        "its predecessor still applies.",
        sv="En överenskommelse vars giltighetstid inte har börjat binder ännu ingen; "
        "den tidigare överenskommelsen gäller fortfarande.",
    ),
    source=_ALINGSAS,
    needs=(Need.TODAY,),
)
def not_yet_in_force(context: Context) -> Iterator[Issue]:
    """Report an agreement whose validity starts after today."""
    validity, today = context.agreement.validity, context.today
    if validity is None or today is None or validity.period.start <= today:
        return
    start = validity.period.start
    days = day_count((start - today).days)
    yield Issue(
        "/validity/period/start",
        Text(
            en=f"the agreement is not yet in force: it comes into force on {start}, in {days.en}",
            sv=f"överenskommelsen gäller inte ännu: den börjar gälla {start}, om {days.sv}",
        ),
    )


@rule(
    "LIF002",
    title=Text(en="Not expired", sv="Inte utgången"),
    severity=Severity.ERROR,
    rationale=Text(
        en="An agreement whose validity has ended no longer binds the parties; the "
        "collaboration needs a new agreement.",
        sv="En överenskommelse vars giltighetstid har löpt ut binder inte längre parterna; "
        "samverkan behöver en ny överenskommelse.",
    ),
    source=_ALINGSAS,
    needs=(Need.TODAY,),
)
def expired(context: Context) -> Iterator[Issue]:
    """Report an agreement whose validity ended before today."""
    validity, today = context.agreement.validity, context.today
    if validity is None or today is None or validity.period.end is None:
        return
    if validity.period.end >= today:
        return
    end = validity.period.end
    days = day_count((today - end).days)
    yield Issue(
        "/validity/period/end",
        Text(
            en=f"the agreement has expired: it was in force until {end} ({days.en} ago)",
            sv=f"överenskommelsen har gått ut: den gällde till och med {end} (för {days.sv} sedan)",
        ),
    )


@rule(
    "LIF003",
    title=Text(en="Renewal due", sv="Dags att förnya"),
    severity=Severity.WARNING,
    rationale=Text(
        en="An agreement that expires soon must be renewed or replaced in time, or the "
        "collaboration is left without an agreement; the horizon is set by "
        "renewal_horizon_days (90 days by default).",
        sv="En överenskommelse som snart går ut måste förnyas eller ersättas i tid, annars "
        "står samverkan utan överenskommelse; framförhållningen styrs av "
        "renewal_horizon_days (90 dagar som standard).",
    ),
    source=_ALINGSAS,
    needs=(Need.TODAY,),
)
def renewal_due(context: Context) -> Iterator[Issue]:
    """Report an agreement that expires within the renewal horizon."""
    validity, today = context.agreement.validity, context.today
    if validity is None or today is None or validity.period.end is None:
        return
    end = validity.period.end
    left = (end - today).days
    if not 0 <= left <= context.options.renewal_horizon_days:
        return
    if left == 0:
        message = Text(
            en=f"renewal due: the agreement expires today ({end} is its last day in force)",
            sv=f"dags att förnya: överenskommelsen går ut i dag ({end} är sista dagen den gäller)",
        )
    else:
        days = day_count(left)
        message = Text(
            en=f"renewal due: the agreement expires in {days.en} and is in force until {end}",
            sv=f"dags att förnya: överenskommelsen går ut om {days.sv} och gäller till och med "
            f"{end}",
        )
    yield Issue("/validity/period/end", message)


@rule(
    "LIF004",
    title=Text(en="Predecessors have ended", sv="Tidigare överenskommelser har upphört"),
    severity=Severity.WARNING,
    rationale=Text(
        en="An agreement replaces the ones it supersedes; once it has started, a "
        "superseded agreement still in force leaves two agreements governing the "
        "same collaboration.",
        sv="En överenskommelse ersätter de tidigare; gäller en ersatt överenskommelse "
        "fortfarande när den nya har börjat gälla, styrs samma samverkan av två "
        "överenskommelser.",
    ),
    source="Alingsås samverkansöverenskommelse 2023: Tidigare samverkansöverenskommelse "
    "ersätts av ovanstående",
    needs=(Need.TODAY, Need.REGISTRY),
)
def predecessors_ended(context: Context) -> Iterator[Issue]:
    """Report a superseded agreement still in force after this one has started."""
    agreement, registry, today = context.agreement, context.registry, context.today
    if registry is None or today is None or agreement.validity is None:
        return
    start = agreement.validity.period.start
    if start > today:
        return
    for i, other_id in enumerate(agreement.supersedes):
        other = registry.agreement(other_id)
        if other is None or other.id == agreement.id or other.validity is None:
            continue
        period = other.validity.period
        if not period.contains(today):
            continue
        yield Issue(
            f"/supersedes/{i}",
            Text(
                en=f"the superseded agreement {other_id!r} is still in force today "
                f"({period}), although this one has been in force since {start}",
                sv=f"den ersatta överenskommelsen {other_id!r} gäller fortfarande i dag "
                f"({period}), trots att denna har gällt sedan {start}",
            ),
        )
