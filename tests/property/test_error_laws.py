"""The errors busmodel raises survive pickling, as a batch with worker processes needs."""

import pickle

from hypothesis import given
from hypothesis import strategies as st

import busmodel
from busmodel import DocumentError, ModelError, Problem, RuleError
from tests.property.strategies import texts

pointers = st.lists(st.sampled_from(["parties", "signatures", "0", "1", "a~1b"])).map(
    lambda parts: "".join(f"/{part}" for part in parts)
)
problems = st.builds(
    Problem,
    pointers,
    texts,
    st.none() | st.integers(min_value=1, max_value=10**6),
    st.none() | st.integers(min_value=1, max_value=10**6),
    sv=st.none() | texts,
)
model_errors = st.builds(ModelError, st.sampled_from(["id", "title", "months"]), texts, sv=texts)


@given(st.lists(model_errors, min_size=1, max_size=3))
def test_a_model_error_survives_pickling_with_every_collected_error(
    errors: list[ModelError],
) -> None:
    error = ModelError.collect(errors)
    copied = pickle.loads(pickle.dumps(error))
    assert str(error) == str(copied)
    assert [(e.field, e.path, e.message, e.text) for e in error.errors] == [
        (e.field, e.path, e.message, e.text) for e in copied.errors
    ]


@given(st.lists(problems, min_size=1, max_size=4), texts)
def test_a_document_error_survives_pickling_with_its_problems_and_source(
    found: list[Problem], source: str
) -> None:
    error = DocumentError(found, source=source)
    copied = pickle.loads(pickle.dumps(error))
    assert (str(error), error.source, error.problems) == (
        str(copied),
        copied.source,
        copied.problems,
    )
    assert [p.text for p in error.problems] == [p.text for p in copied.problems]


@given(st.from_regex(r"[A-Z]{3}[0-9]{3}", fullmatch=True), texts, st.none() | texts)
def test_a_rule_error_survives_pickling_with_its_code_and_source(
    code: str, message: str, source: str | None
) -> None:
    error = RuleError(code, KeyError(message), source)
    copied = pickle.loads(pickle.dumps(error))
    assert (str(error), error.code, error.reason, error.source) == (
        str(copied),
        copied.code,
        copied.reason,
        copied.source,
    )


def test_a_rule_error_is_a_bug_not_bad_input() -> None:
    assert not issubclass(RuleError, ValueError)
    assert not issubclass(RuleError, busmodel.BusmodelError)
