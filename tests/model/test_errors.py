import attrs
import pytest

from busmodel import BusmodelError, DocumentError, ModelError, Problem


def test_model_error_is_a_busmodel_error_and_a_value_error() -> None:
    error = ModelError("months", "the first month must not come after the last")

    assert isinstance(error, BusmodelError)
    assert isinstance(error, ValueError)


def test_model_error_keeps_its_field_and_message() -> None:
    error = ModelError("months", "the first month must not come after the last")

    assert "months" == error.field
    assert "the first month must not come after the last" == error.message


def test_model_error_renders_as_field_then_message() -> None:
    error = ModelError("email", "'anna' is not an e-mail address")

    assert "email: 'anna' is not an e-mail address" == str(error)


def test_model_error_is_caught_as_value_error() -> None:
    with pytest.raises(ValueError, match=r"^code: bad$"):
        raise ModelError("code", "bad")


def test_problem_renders_its_path() -> None:
    assert "/parties/2: unknown body 'bun'" == str(Problem("/parties/2", "unknown body 'bun'"))


def test_problem_for_the_whole_document_says_so_rather_than_a_slash() -> None:
    # "/" is a JSON Pointer to the key "", so the document itself gets words
    assert "(document): expected a table" == str(Problem("", "expected a table"))


def test_problem_with_line_and_column_renders_the_position_instead_of_the_path() -> None:
    problem = Problem("", "expected '=' after a key", line=3, column=7)

    assert "line 3, column 7: expected '=' after a key" == str(problem)


def test_problem_with_line_only_renders_the_line() -> None:
    assert "line 4: unexpected end" == str(Problem("", "unexpected end", line=4))


def test_problem_has_no_position_unless_given() -> None:
    problem = Problem("/kind", "missing")

    assert (None, None) == (problem.line, problem.column)


def test_problem_is_immutable() -> None:
    problem = Problem("/kind", "missing")

    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        problem.path = "/schema"  # type: ignore[misc]


def test_problems_with_equal_fields_are_equal() -> None:
    assert Problem("/kind", "missing", 1, 2) == Problem("/kind", "missing", 1, 2)


def test_document_error_is_a_busmodel_error_and_a_value_error() -> None:
    error = DocumentError([Problem("/kind", "missing")])

    assert isinstance(error, BusmodelError)
    assert isinstance(error, ValueError)


def test_document_error_keeps_its_problems_as_a_tuple_in_order() -> None:
    first = Problem("/schema", "missing")
    second = Problem("/kind", "missing")

    error = DocumentError(problem for problem in (first, second))

    assert (first, second) == error.problems


def test_document_error_source_defaults_to_string() -> None:
    assert "<string>" == DocumentError([Problem("", "x")]).source


def test_document_error_message_counts_one_problem_in_the_singular() -> None:
    error = DocumentError([Problem("/kind", "unknown kind 'agrement'")], source="a.toml")

    assert "a.toml: 1 problem\n  /kind: unknown kind 'agrement'" == str(error)


def test_document_error_message_lists_every_problem_indented() -> None:
    problems = [
        Problem("/schema", "missing"),
        Problem("", "expected a value", line=2, column=8),
    ]

    error = DocumentError(problems, source="b.json")

    expected = "b.json: 2 problems\n  /schema: missing\n  line 2, column 8: expected a value"
    assert expected == str(error)
