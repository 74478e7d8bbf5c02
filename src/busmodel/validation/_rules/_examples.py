"""The documents the examples of the built-in rules are made from.

Every rule shows a bad and a good document (``busmodel rules CODE``, docs/rules.md).
Most start from the same small agreement, :data:`AGREEMENT`, and change a line or
add a table, so that a reader who has seen one example knows the others and sees
at once what the bad one gets wrong. The documents here are the ones that more than
one area uses; an area that needs a document of its own keeps it.
tests/validation/test_rule_examples.py proves every example.
"""

from __future__ import annotations

__all__ = [
    "ADMINISTRATIONS",
    "AGREEMENT",
    "EXTENDABLE",
    "EXTENSION",
    "FRAMEWORK",
    "HEAD",
    "MANDATE_PERIOD",
    "POLITICAL_FORUM",
    "PREDECESSOR",
    "RECORDS",
    "STEERING_GROUP",
    "SUCCESSOR",
    "insert_after",
]


def insert_after(document: str, start: str, text: str) -> str:
    r"""``document`` with ``text`` put in after the one line that begins with ``start``.

    ``text`` is one or more whole lines (the last line break may be left out).

    >>> insert_after("a = 1\nb = 2\n", "a ", "c = 3")
    'a = 1\nc = 3\nb = 2\n'
    """
    rows = document.splitlines(keepends=True)
    found = [i for i, row in enumerate(rows) if row.startswith(start)]
    if len(found) != 1:
        raise ValueError(f"{len(found)} lines of the example begin with {start!r}, not one")
    at = found[0] + 1
    return "".join([*rows[:at], text if text.endswith("\n") else f"{text}\n", *rows[at:]])


HEAD = """\
schema = "busmodel/1"
kind = "agreement"
id = "bus-2023"
title = "BUS samverkansöverenskommelse 2023"
document_date = 2022-12-14
bodies = [
    { id = "sn", name = "Socialnämnden", kind = "committee" },
    { id = "bun", name = "Barn- och ungdomsnämnden", kind = "committee" },
]
parties = ["sn", "bun"]
signatures = [
    { body = "sn", date = 2022-12-15 },
    { body = "bun", date = 2022-12-16 },
]
"""
"""The agreement of Socialnämnden and Barn- och ungdomsnämnden without its validity.

Both sign on working days after the text is dated and before it starts."""

MANDATE_PERIOD = """
[validity]
basis = "mandate-period"
period = { start = 2023-01-01, end = 2026-12-31 }
"""
"""In force for the mandate period 2023–2026, counted as the committees count it."""

AGREEMENT = HEAD + MANDATE_PERIOD
"""The agreement for the mandate period 2023–2026 that most examples start from.

Its last table is ``[validity]``: a key added at the end belongs to the validity,
and a table added at the end follows it."""

ADMINISTRATIONS = insert_after(
    insert_after(
        AGREEMENT,
        '    { id = "bun"',
        """\
    { id = "sf", name = "Socialförvaltningen", kind = "administration", part_of = "sn" },
    { id = "uf", name = "Utbildningsförvaltningen", kind = "administration", part_of = "bun" },
""",
    ),
    "parties = ",
    'participants = ["sf", "uf"]',
)
"""The agreement with the committees' administrations, which take part without signing."""

SUCCESSOR = insert_after(AGREEMENT, "document_date = ", 'supersedes = ["bus-2019"]')
"""The agreement, superseding :data:`PREDECESSOR`."""

PREDECESSOR = """\
schema = "busmodel/1"
kind = "agreement"
id = "bus-2019"
title = "BUS samverkansöverenskommelse 2019"
document_date = 2018-12-12
bodies = [
    { id = "sn", name = "Socialnämnden", kind = "committee" },
    { id = "bun", name = "Barn- och ungdomsnämnden", kind = "committee" },
]
parties = ["sn", "bun"]
signatures = [
    { body = "sn", date = 2018-12-13 },
    { body = "bun", date = 2018-12-14 },
]

[validity]
basis = "fixed"
period = { start = 2019-01-01, end = 2022-12-31 }
"""
"""The agreement for 2019–2022, which :data:`SUCCESSOR` supersedes: it ends the day before."""

EXTENDABLE = AGREEMENT + "extension = { years = 4 }\n"
"""The agreement, to be extended by one mandate period at a time (see :data:`EXTENSION`)."""

EXTENSION = """\
schema = "busmodel/1"
kind = "extension"
id = "bus-2023-forlangning-2027"
title = "Förlängning 2027–2030"
extends = "bus-2023"
document_date = 2026-09-28
bodies = [
    { id = "sn", name = "Socialnämnden", kind = "committee" },
    { id = "bun", name = "Barn- och ungdomsnämnden", kind = "committee" },
]
parties = ["sn", "bun"]
adoptions = [
    { body = "sn", date = 2026-10-14, reference = "§ 143" },
    { body = "bun", date = 2026-10-21, reference = "§ 121" },
]

[validity]
basis = "fixed"
period = { start = 2027-01-01, end = 2030-12-31 }
"""
"""The extension of :data:`EXTENDABLE` for the next mandate period, 2027–2030, adopted by
both committees: a separate document (förlängning) that restates nothing else."""

FRAMEWORK = """\
schema = "busmodel/1"
kind = "framework"
id = "gr-barn-och-unga-2020"
title = "Ramöverenskommelse om samverkan kring barn och unga i Göteborgsregionen"
region = "Västra Götalandsregionen"
document_date = 2019-08-26
bodies = [
    { id = "vgr", name = "Västra Götalandsregionen", kind = "region" },
    { id = "alingsas", name = "Alingsås kommun", kind = "municipality", code = "1489" },
    { id = "lerum", name = "Lerums kommun", kind = "municipality", code = "1441" },
]
parties = ["vgr", "alingsas", "lerum"]
members = [
    { name = "Alingsås", code = "1489", body = "alingsas" },
    { name = "Lerum", code = "1441", body = "lerum" },
]
adoptions = [
    { body = "vgr", date = 2019-11-26, reference = "Regionfullmäktige § 215" },
    { body = "alingsas", date = 2019-09-23, reference = "Kommunfullmäktige § 49" },
    { body = "lerum", date = 2019-11-20, reference = "Kommunfullmäktige § 73" },
]
validity = { basis = "until-further-notice", period = { start = 2020-01-01 }, notice_months = 12 }
"""
"""A county framework whose member municipalities, Alingsås and Lerum, act: each is a
party that adopts it."""

POLITICAL_FORUM = """
[[forums]]
id = "politisk-samverkan"
name = "Politisk samverkan"
level = "political"
members = [
    { body = "sn", role = "presidium" },
    { body = "bun", role = "presidium" },
]

[forums.cadence]
meetings_per_year = 2
extra_meetings = true
windows = [
    { name = "spring", months = [1, 6] },
    { name = "autumn", months = [7, 12] },
]
"""
"""A table to add to :data:`AGREEMENT`: the committees' presidia meet twice a year, once in
the spring and once in the autumn, and more often when needed."""

STEERING_GROUP = """
[[forums]]
id = "styrgrupp"
name = "BUS styrgrupp"
level = "steering"
members = [{ body = "sn" }, { body = "bun" }]
follow_up = { description = "Styrgruppen följer upp och utvärderar samverkan årligen." }
"""
"""A table to add to :data:`AGREEMENT`: a steering group that evaluates every year."""

RECORDS = """\
schema = "busmodel/1"
kind = "records"
agreement = "bus-2023"
meetings = [
    { forum = "politisk-samverkan", date = 2023-04-18 },
    { forum = "politisk-samverkan", date = 2023-10-17 },
]
evaluations = [
    { forum = "styrgrupp", year = 2023, date = 2024-03-05 },
]
"""
"""The records of :data:`AGREEMENT` with :data:`POLITICAL_FORUM` and :data:`STEERING_GROUP`,
as they should stand in the spring of 2024."""
