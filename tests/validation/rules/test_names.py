from typing import Any
from unittest.mock import patch

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import busmodel as bm
import busmodel.validation._rules.names
from busmodel.validation._rules.names import NAME_BOUND, near_identical
from tests.support.builders import check, clean_agreement
from tests.support.scaling_inputs import digit_name

ZWSP = "\u200b"


def with_body(body: bm.Body) -> bm.Agreement:
    agreement = clean_agreement()
    return attrs.evolve(agreement, bodies=(*agreement.bodies, body))


def committees(*names: str) -> bm.Agreement:
    bodies = tuple(bm.Body(f"n{i}", name, bm.BodyKind.COMMITTEE) for i, name in enumerate(names))
    return bm.Agreement(id="a", title="A", bodies=bodies)


def test_clean_agreement_passes_the_name_rules() -> None:
    assert () == check(clean_agreement(), "NAM").findings


def test_nam001_the_alingsas_pair_warns_on_the_later_body() -> None:
    wrong = bm.Body("bun-utb", "Barn- och utbildningsnämnden", bm.BodyKind.COMMITTEE)
    [finding] = check(with_body(wrong), "NAM001").findings
    assert ("/bodies/7/name", bm.Severity.WARNING) == (finding.path, finding.severity)
    assert ("/bodies/0/name",) == finding.related
    assert (
        "Barn- och utbildningsnämnden har nästan samma namn som Barn- och ungdomsnämnden, "
        "som står tidigare under bodies: avses samma organ?"
    ) == finding.message.sv
    assert (
        "Barn- och utbildningsnämnden has almost the same name as Barn- och ungdomsnämnden, "
        "given earlier in bodies: is the same body meant?"
    ) == finding.message.en


def test_nam001_a_typo_is_near_identical() -> None:
    [finding] = check(committees("Socialnämnden", "Socialnämden"), "NAM001").findings
    assert "/bodies/1/name" == finding.path


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("Socialnämnden", "Servicenämnden"),
        ("Kultur- och fritidsnämnden", "Kultur- och utbildningsnämnden"),
        ("Barn- och utbildningsnämnden", "Kultur- och utbildningsnämnden"),
        ("Barn- och ungdomsnämnden", "Barn- och skolnämnden"),
        ("Barn- och ungdomsnämnden", "Barn- och familjenämnden"),
        ("Vård- och omsorgsnämnden", "Vård- och äldrenämnden"),
        ("Byggnadsnämnden", "Stadsbyggnadsnämnden"),
        ("Miljö- och byggnadsnämnden", "Bygg- och miljönämnden"),
        ("Socialnämnden", "Valnämnden"),
    ],
)
def test_nam001_real_committees_with_different_names_pass(first: str, second: str) -> None:
    assert () == check(committees(first, second), "NAM001").findings


def test_nam001_compares_only_bodies_of_the_same_kind() -> None:
    other = bm.Body("bun-utb", "Barn- och utbildningsnämnden", bm.BodyKind.OTHER)
    assert () == check(with_body(other), "NAM001").findings


def test_nam001_leaves_equal_names_to_nam002() -> None:
    assert () == check(committees("Socialnämnden", "socialnämnden"), "NAM001").findings


@pytest.mark.parametrize(
    ("first", "second", "alike"),
    [
        ("Barn- och ungdomsnämnden", "Barn- och utbildningsnämnden", True),
        ("Barn och ungdomsnämnden", "Barn- och ungdomsnämnden", True),
        ("Socialnämnden", "Socialnämden", True),
        ("Kultur- och fritidsnämnden", "Kultur- och utbildningsnämnden", False),
        ("Barn- och ungdomsförvaltningen", "Kultur- och utbildningsförvaltningen", False),
        ("Socialförvaltningen", "Barn- och ungdomsförvaltningen", False),
        ("Socialnämnden", "SOCIALNÄMNDEN", False),
        (ZWSP.join("Socialnämden"), "Socialnämnden", True),
        ("Ｓｏｃｉａｌｎäｍｄｅｎ", "Socialnämnden", True),  # fullwidth letters
        ("So\u00adcial\u200dnämnden", "Socialnämnden", False),  # alike: NAM002's
        ("Barn- och ungdoms\ufeffnämnden", "Barn- och utbildningsnämnden", True),
    ],
)
def test_near_identical_thresholds(first: str, second: str, alike: bool) -> None:
    assert alike == near_identical(first, second)


def test_nam002_the_same_name_under_two_ids_warns_on_the_later_body() -> None:
    twin = bm.Body("soc", "socialnämnden ", bm.BodyKind.COMMITTEE)
    [finding] = check(with_body(twin), "NAM002").findings
    assert ("/bodies/7/name", bm.Severity.WARNING) == (finding.path, finding.severity)
    assert ("/bodies/1/name",) == finding.related
    assert "'sn' and 'soc'" in finding.message.en


def test_nam002_a_repeated_id_is_left_to_int001() -> None:
    twin = bm.Body("sn", "Socialnämnden", bm.BodyKind.COMMITTEE)
    assert () == check(with_body(twin), "NAM002").findings


def test_name_messages_exist_in_both_languages() -> None:
    [finding] = check(committees("Socialnämnden", "Socialnämden"), "NAM001").findings
    assert finding.message.sv != finding.message.en


def test_nam001_reports_each_body_once_against_the_first_it_is_alike() -> None:
    report = check(committees("Socialnämnden", "Socialnämden", "Socialnämnde"), "NAM001")
    assert [("/bodies/1/name", ("/bodies/0/name",)), ("/bodies/2/name", ("/bodies/0/name",))] == [
        (f.path, f.related) for f in report.findings
    ]


def test_nam001_a_name_in_invisible_characters_or_fullwidth_letters_is_no_disguise() -> None:
    names = ("Socialnämnden", ZWSP.join("Socialnämden"), "Ｓｏｃｉａｌｎäｍｎｄｅ")
    report = check(committees(*names), "NAM001")
    assert ["/bodies/1/name", "/bodies/2/name"] == [f.path for f in report.findings]


def test_nam001_names_are_compared_on_their_first_characters() -> None:
    stem = "Socialnämnden för barn och unga " * 10
    assert NAME_BOUND < len(stem)
    assert near_identical(f"{stem}i Alingsås", f"{stem}i Lerum")
    [finding] = check(committees(f"{stem}i Alingsås", f"{stem}i Lerum"), "NAM001").findings
    assert ("/bodies/1/name", ("/bodies/0/name",)) == (finding.path, finding.related)
    assert () == check(committees(stem, stem.upper()), "NAM001").findings  # NAM002's


def test_nam002_a_name_in_invisible_characters_or_fullwidth_letters_is_the_same_name() -> None:
    disguised = (ZWSP.join("Socialnämnden"), "Ｓｏｃｉａｌｎäｍｎｄｅｎ")
    report = check(committees("Socialnämnden", *disguised), "NAM002")
    assert ["/bodies/1/name", "/bodies/2/name"] == [f.path for f in report.findings]
    assert {("/bodies/0/name",)} == {f.related for f in report.findings}
    assert (
        f"{disguised[0]} is given twice in bodies, with the ids 'n0' and 'n1' "
        "(written 'Socialnämnden' and 'S\\u200bo\\u200bc\\u200bi\\u200ba\\u200bl\\u200bn"
        "\\u200bä\\u200bm\\u200bn\\u200bd\\u200be\\u200bn')"
    ) == report.findings[0].message.en
    assert (
        "(skrivet 'Socialnämnden' och 'Ｓｏｃｉａｌｎäｍｎｄｅｎ')" in report.findings[1].message.sv
    )


def test_nam002_a_name_written_exactly_alike_is_not_written_out_again() -> None:
    report = check(committees("Socialnämnden", "Socialnämnden"), "NAM002")
    assert "Socialnämnden is given twice in bodies, with the ids 'n0' and 'n1'" == (
        report.findings[0].message.en
    )


def _first_alike_pairwise(names: list[str], kinds: list[bm.BodyKind]) -> list[tuple[str, str]]:
    """NAM001 by its definition: each body against the first earlier body it is alike."""
    found = []
    for position, name in enumerate(names):
        for other in range(position):
            if kinds[other] == kinds[position] and near_identical(names[other], name):
                found.append((f"/bodies/{position}/name", f"/bodies/{other}/name"))
                break
    return found


def _edited(draw: st.DrawFn, name: str) -> str:
    letters = list(name)
    for _ in range(draw(st.integers(1, 3))):
        where = draw(st.integers(0, len(letters)))
        letter = draw(st.sampled_from("abn -0"))
        edit = draw(st.sampled_from(["insert", "delete", "replace"]))
        if edit == "insert" or not letters:
            letters.insert(where, letter)
        elif edit == "delete":
            del letters[min(where, len(letters) - 1)]
        else:
            letters[min(where, len(letters) - 1)] = letter
    return "".join(letters)


@st.composite
def _similar_names(draw: st.DrawFn) -> list[str]:
    words = st.sampled_from(["barn-", "och", "ungdomsnämnden", "utbildningsnämnden", "ab", "0"])
    names: list[str] = []
    for _ in range(draw(st.integers(2, 14))):
        if draw(st.booleans()) and names:
            name = _edited(draw, draw(st.sampled_from(names)))
        elif draw(st.booleans()):
            name = " ".join(draw(st.lists(words, min_size=1, max_size=4)))
        else:
            name = draw(st.text("abn -0", min_size=1, max_size=30))
        names.append(name if name.strip() else "x")
    return names


@settings(max_examples=300, deadline=None)
@given(_similar_names(), st.data())
def test_nam001_finds_what_comparing_every_pair_finds(
    names: list[str], data: st.DataObject
) -> None:
    kinds = data.draw(
        st.lists(
            st.sampled_from([bm.BodyKind.COMMITTEE, bm.BodyKind.OTHER]),
            min_size=len(names),
            max_size=len(names),
        )
    )
    bodies = tuple(
        bm.Body(f"n{i}", name, kind)
        for i, (name, kind) in enumerate(zip(names, kinds, strict=True))
    )
    report = check(bm.Agreement(id="a", title="A", bodies=bodies), "NAM001")
    assert _first_alike_pairwise(names, kinds) == [(f.path, f.related[0]) for f in report.findings]


def test_nam001_a_county_framework_of_400_bodies_is_compared_whole() -> None:
    places = [f"Kommun{letter}{n}" for letter in "ABCDE" for n in range(10)]
    framework = _county_framework(places, named=True)
    report = bm.validate(framework, select=["NAM001"])
    assert 400 == len(framework.bodies)
    # The bodies differ only by the member municipality they belong to: none is a slip,
    # and the comparison is not cut short.
    assert () == report.findings


VASTRA_GOTALAND = [
    "Ale",
    "Alingsås",
    "Bengtsfors",
    "Bollebygd",
    "Borås",
    "Dals-Ed",
    "Essunga",
    "Falköping",
    "Färgelanda",
    "Grästorp",
    "Gullspång",
    "Göteborg",
    "Götene",
    "Herrljunga",
    "Hjo",
    "Härryda",
    "Karlsborg",
    "Kungälv",
    "Lerum",
    "Lidköping",
    "Lilla Edet",
    "Lysekil",
    "Mariestad",
    "Mark",
    "Mellerud",
    "Munkedal",
    "Mölndal",
    "Orust",
    "Partille",
    "Skara",
    "Skövde",
    "Sotenäs",
    "Stenungsund",
    "Strömstad",
    "Svenljunga",
    "Tanum",
    "Tibro",
    "Tidaholm",
    "Tjörn",
    "Tranemo",
    "Trollhättan",
    "Töreboda",
    "Uddevalla",
    "Ulricehamn",
    "Vara",
    "Vårgårda",
    "Vänersborg",
    "Åmål",
    "Öckerö",
]


def _genitive(place: str) -> str:
    return place if place.endswith("s") else f"{place}s"


def _county_framework(places: list[str], *, named: bool) -> bm.Agreement:
    """Eight bodies in each municipality; ``named``: the members list the municipalities."""
    patterns = [
        ("Socialnämnden i {}", bm.BodyKind.COMMITTEE),
        ("Barn- och utbildningsnämnden i {}", bm.BodyKind.COMMITTEE),
        ("Kultur- och fritidsnämnden i {}", bm.BodyKind.COMMITTEE),
        ("Socialförvaltningen i {}", bm.BodyKind.ADMINISTRATION),
        ("Barn- och utbildningsförvaltningen i {}", bm.BodyKind.ADMINISTRATION),
        ("{genitive} kommun", bm.BodyKind.MUNICIPALITY),
        ("Polisområde {}", bm.BodyKind.STATE_AGENCY),
        ("Vårdcentralen {}", bm.BodyKind.REGIONAL_BODY),
    ]
    bodies = tuple(
        bm.Body(f"b{i}-{j}", pattern.format(place, genitive=_genitive(place)), kind)
        for i, place in enumerate(places)
        for j, (pattern, kind) in enumerate(patterns)
    )
    members = tuple(bm.Municipality(place) for place in places) if named else ()
    return bm.Agreement(
        id="ram", title="Ram", kind=bm.AgreementKind.FRAMEWORK, bodies=bodies, members=members
    )


def test_nam001_the_49_municipalities_of_vastra_gotaland_are_no_slips() -> None:
    # Before, "Socialnämnden i Ale" / "Socialnämnden i Alingsås", "Melleruds kommun" /
    # "Munkedals kommun", "Vårdcentralen Tibro" / "Vårdcentralen Tidaholm" were reported.
    framework = _county_framework(VASTRA_GOTALAND, named=True)
    assert 49 == len(VASTRA_GOTALAND)
    assert () == check(framework, "NAM001").findings


def test_nam001_bodies_in_municipalities_the_document_names_through_its_bodies_pass() -> None:
    # Bodies of kind municipality name them too, as in a framework whose members act.
    framework = _county_framework(VASTRA_GOTALAND, named=False)
    assert () == check(framework, "NAM001").findings


def test_nam001_in_a_framework_of_49_municipalities_the_alingsas_slip_is_still_caught() -> None:
    framework = _county_framework(VASTRA_GOTALAND, named=True)
    slip = bm.Body("slip", "Barn- och ungdomsnämnden i Alingsås", bm.BodyKind.COMMITTEE)
    slipped = attrs.evolve(framework, bodies=(*framework.bodies, slip))
    [finding] = check(slipped, "NAM001").findings
    assert ("/bodies/392/name", ("/bodies/9/name",)) == (finding.path, finding.related)


def test_nam001_a_misspelt_municipality_is_still_caught() -> None:
    framework = _county_framework(VASTRA_GOTALAND, named=True)
    slip = bm.Body("slip", "Socialnämnden i Alingsas", bm.BodyKind.COMMITTEE)
    slipped = attrs.evolve(framework, bodies=(*framework.bodies, slip))
    [finding] = check(slipped, "NAM001").findings
    assert ("/bodies/392/name", ("/bodies/8/name",)) == (finding.path, finding.related)


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("Socialnämnden i Ale", "Socialnämnden i Alingsås"),  # the place after "i"
        ("Barn- och utbildningsnämnden i Hjo", "Barn- och utbildningsnämnden i Tibro"),
        ("Barn- och utbildningsnämnden i Borås", "Barn- och utbildningsnämnden i Bollebygd"),
        ("Kultur- och utbildningsnämnden", "Kultur- och fritidsnämnden"),
        ("Barn- och ungdomsnämnden norra", "Barn- och ungdomsnämnden södra"),  # a whole word
    ],
)
def test_nam001_names_that_differ_by_a_place_or_a_whole_word_pass(first: str, second: str) -> None:
    assert () == check(committees(first, second), "NAM001").findings


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("Barn- och ungdomsnämnden", "Barn- och utbildningsnämnden"),
        ("Barn- och ungdomsnämnden i Ale", "Barn- och utbildningsnämnden i Ale"),
        ("Socialnämnden i Alingsås", "Socialnämnden i Alingsas"),  # a typo in the place
        ("Socialnämnden", "Aocialnämnden"),  # a typo in the first letter
        ("Vårdcentralen Ale", "Vårdcentralen Alingsås"),  # no "i", and no municipality named
    ],
)
def test_nam001_slips_are_still_caught(first: str, second: str) -> None:
    assert ("NAM001",) == check(committees(first, second), "NAM001").codes()


def test_nam001_where_its_budget_runs_out_it_says_so_with_the_budget_in_each_language(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(busmodel.validation._rules.names, "COMPARISON_BUDGET", 1_000)
    report = check(committees(*(digit_name(i) for i in range(100))), "NAM001")
    *alike, stopped = report.findings
    assert [("/bodies/68/name", ("/bodies/16/name",))] == [(f.path, f.related) for f in alike]
    assert ("/bodies/89/name", ()) == (stopped.path, stopped.related)
    assert (
        "the names were compared up to here and no further: so many bodies have similar names "
        "that comparing them all would take too long (more than 1,000 comparisons); check the "
        "names from here on by hand"
    ) == stopped.message.en
    assert (
        "namnen jämfördes hit men inte längre: så många organ har liknande namn att det skulle "
        "ta för lång tid att jämföra alla (mer än 1 000 jämförelser); granska namnen härifrån "
        "för hand"
    ) == stopped.message.sv


def test_the_name_rules_have_names_that_say_what_they_require() -> None:
    names = {rule.code: rule.name for rule in bm.rules() if rule.area == "NAM"}
    assert {"NAM001": "names-not-near-identical", "NAM002": "one-id-per-name"} == names


def _first_alike_by_definition(agreement: bm.Agreement) -> list[tuple[str, tuple[str, ...]]]:
    """NAM001 by its definition, every pair compared: the reference for the indexes."""

    from busmodel.validation._rules.names import _alike, _distinct, _Matcher, _Name, _Places

    places = _Places.named_in(agreement)
    bodies = agreement.bodies
    names = [_Name.of(body.name, places) for body in bodies]
    found: list[tuple[str, tuple[str, ...]]] = []
    for position, (body, name) in enumerate(zip(bodies, names, strict=True)):
        matcher = _Matcher(name.compared)
        for other in range(position):
            earlier = names[other]
            if (
                bodies[other].kind == body.kind
                and bodies[other].id != body.id
                and earlier.folded != name.folded
                and _alike(matcher, earlier.compared)
                and not _distinct(earlier, name)
            ):
                found.append((f"/bodies/{position}/name", (f"/bodies/{other}/name",)))
                break
    return found


SLIPS = [
    ("Barn- och ungdomsnämnden i Alingsås", bm.BodyKind.COMMITTEE),  # the Alingsås slip
    ("Socialnämden i Lerum", bm.BodyKind.COMMITTEE),  # a typo
    ("Socialnämnden i Alingsas", bm.BodyKind.COMMITTEE),  # a misspelt municipality
    ("Kultur- och fritidsnämnden i Kungsbaka", bm.BodyKind.COMMITTEE),
    ("Barn och utbildningsförvaltningen i Tjörn", bm.BodyKind.ADMINISTRATION),
    ("Vårdcentralen Ale", bm.BodyKind.REGIONAL_BODY),  # the same body twice: NAM002's
    ("Polisområde Tidaholmm", bm.BodyKind.STATE_AGENCY),
]


@pytest.mark.parametrize("named", [True, False])
def test_nam001_in_a_framework_of_400_bodies_finds_what_comparing_every_pair_finds(
    named: bool,
) -> None:
    framework = _county_framework([*VASTRA_GOTALAND, "Kungsbacka"], named=named)
    slips = tuple(bm.Body(f"slip{i}", name, kind) for i, (name, kind) in enumerate(SLIPS))
    slipped = attrs.evolve(framework, bodies=(*framework.bodies, *slips))
    assert 400 == len(framework.bodies)
    expected = _first_alike_by_definition(slipped)
    assert len(expected) >= 5  # the slips are found, and the reference agrees on which
    assert expected == [(f.path, f.related) for f in check(slipped, "NAM001").findings]


_TEMPLATES = [
    "Socialnämnden i {}",
    "Socialnämden i {}",
    "Barn- och utbildningsnämnden i {}",
    "Barn- och ungdomsnämnden i {}",
    "{genitive} kommun",
    "Vårdcentralen {}",
    "Polisområde {}",
]


@st.composite
def _framework_names(draw: st.DrawFn) -> tuple[list[str], list[str]]:
    """Names built from templates and municipalities, some edited: members and bodies' names."""
    members = draw(st.lists(st.sampled_from(VASTRA_GOTALAND[:12]), min_size=1, unique=True))
    unnamed = st.sampled_from(["Kungsbacka", "Alingsas", "Lerums", "Tibroo"])
    names: list[str] = []
    for _ in range(draw(st.integers(1, 40))):
        place = draw(st.one_of(st.sampled_from(members), unnamed))
        template = draw(st.sampled_from(_TEMPLATES))
        written = draw(st.sampled_from([place, _genitive(place)]))  # one place, two forms
        name = template.format(written, genitive=_genitive(place))
        names.append(_edited(draw, name) if draw(st.integers(0, 4)) == 0 else name)
    return members, [name if name.strip() else "x" for name in names]


@pytest.mark.parametrize("few", [0, 1_000], ids=["indexed", "every-pair"])
@settings(max_examples=150, deadline=None)
@given(_framework_names(), st.data())
def test_nam001_in_frameworks_the_indexes_and_the_few_names_path_find_what_every_pair_finds(
    few: int, generated: tuple[list[str], list[str]], data: st.DataObject
) -> None:
    members, names = generated
    kinds = data.draw(
        st.lists(
            st.sampled_from([bm.BodyKind.COMMITTEE, bm.BodyKind.OTHER]),
            min_size=len(names),
            max_size=len(names),
        )
    )
    bodies = tuple(
        bm.Body(f"n{i}", name, kind)
        for i, (name, kind) in enumerate(zip(names, kinds, strict=True))
    )
    framework = bm.Agreement(
        id="ram",
        title="Ram",
        kind=bm.AgreementKind.FRAMEWORK,
        bodies=bodies,
        members=tuple(bm.Municipality(member) for member in members),
    )
    with patch.object(busmodel.validation._rules.names, "_FEW", few):
        found = [(f.path, f.related) for f in check(framework, "NAM001").findings]
    assert _first_alike_by_definition(framework) == found


def _looked_at(agreement: bm.Agreement, monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """NAM001 over ``agreement``: the position checked, each time an earlier name is looked at."""
    names = busmodel.validation._rules.names
    looks: list[int] = []
    spend = names._Budget.spend

    def counted(budget: Any, position: int) -> None:
        looks.append(position)
        spend(budget, position)

    monkeypatch.setattr(names._Budget, "spend", counted)
    assert () == check(agreement, "NAM001").findings
    return looks


def test_nam001_a_name_is_not_compared_with_its_own_template_in_other_municipalities(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Before, each "Socialnämnden i X" was turned down against every earlier one: 1,176 looks.
    bodies = tuple(
        bm.Body(f"sn{i}", f"Socialnämnden i {place}", bm.BodyKind.COMMITTEE)
        for i, place in enumerate(VASTRA_GOTALAND)
    )
    framework = bm.Agreement(
        id="ram",
        title="Ram",
        kind=bm.AgreementKind.FRAMEWORK,
        bodies=bodies,
        members=tuple(bm.Municipality(place) for place in VASTRA_GOTALAND),
    )
    assert [] == _looked_at(framework, monkeypatch)


def test_nam001_a_county_framework_looks_at_about_one_earlier_name_per_body(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    framework = _county_framework(VASTRA_GOTALAND, named=True)
    looks = _looked_at(framework, monkeypatch)
    assert len(looks) <= 2 * len(framework.bodies)


def _alike_by_definition(first: str, second: str) -> bool:
    """Near-identical by the ratios alone, with no bound taken as a short cut."""
    from difflib import SequenceMatcher

    from busmodel.validation._rules.names import (
        LOOKALIKE_RATIO,
        TYPO_RATIO,
        _one_lookalike_word,
    )

    ratio = SequenceMatcher(None, first, second, autojunk=False).ratio()
    return ratio >= TYPO_RATIO or (ratio >= LOOKALIKE_RATIO and _one_lookalike_word(first, second))


@st.composite
def _name_pairs(draw: st.DrawFn) -> tuple[str, str]:
    """Two names near the bounds: an edit, or one word with its letters shuffled."""
    words = st.sampled_from(["barn-", "och", "ungdomsnämnden", "utbildningsnämnden", "ab"])
    first = " ".join(draw(st.lists(words, min_size=1, max_size=4)))
    if draw(st.booleans()):
        return first, _edited(draw, first)
    split = first.split()
    i = draw(st.integers(0, len(split) - 1))
    word = split[i]
    split[i] = word[0] + "".join(draw(st.permutations(word[1:])))  # the same letters, moved
    return first, " ".join(split)


@settings(max_examples=500, deadline=None)
@given(st.one_of(_name_pairs(), _similar_names().map(lambda names: (names[0], names[1]))))
def test_alike_takes_its_short_cuts_only_where_the_ratio_would_agree(
    pair: tuple[str, str],
) -> None:

    from busmodel.validation._rules.names import _alike, _Matcher

    first, second = pair
    expected = first == second or _alike_by_definition(first, second)
    assert expected == _alike(_Matcher(second), first)
