"""The import's report: every row of a short file listed; in a long one, rows imported as they were named by number."""

from applications_csv.mapping import RowResult
from features.import_applications.report import LISTED_ROWS, _ranges, report


def _texts(component) -> list[str]:
    """Every piece of text in a component tree, in order."""
    if isinstance(component, str | int):
        return [str(component)]
    if isinstance(component, list | tuple):
        return [text for child in component for text in _texts(child)]
    children = getattr(component, "children", None)
    return _texts(children) if children is not None else []


def _results(count: int, refused: set[int], noted: set[int]) -> list[RowResult]:
    results = []
    for number in range(2, count + 2):
        result = RowResult(number, f"Company {number}", "Engineer")
        if number in refused:
            result.refused.append("No role.")
        else:
            result.application = {"company": f"Company {number}"}
            if number in noted:
                result.notes.append("Status: “Huh” is not one Job Forge knows; imported as Draft.")
        results.append(result)
    return results


def test_runs_of_row_numbers():
    assert _ranges([2, 3, 4, 7, 9, 10]) == "2–4, 7, 9–10"
    assert _ranges([5]) == "5"


def test_a_short_file_lists_every_row():
    text = " ".join(_texts(report(_results(3, refused={3}, noted=set()))))
    assert "Imported 2 applications. 1 row was refused" in text
    assert "2 Company 2 Engineer Imported." in text
    assert "3 Company 3 Engineer Refused: No role." in text
    assert "Imported as they were" not in text


def test_a_long_file_lists_refused_and_noted_rows_and_names_the_others():
    results = _results(LISTED_ROWS + 100, refused={10, 11}, noted={50})
    text = " ".join(_texts(report(results)))
    assert f"Imported {LISTED_ROWS + 98:,} applications. 2 rows were refused" in text
    assert f"Imported as they were: rows 2–9, 12–49, 51–{LISTED_ROWS + 101}." in text
    assert "10 Company 10 Engineer Refused: No role." in text
    assert "50 Company 50 Engineer Imported. Status: “Huh”" in text
    assert "2 Company 2 Engineer" not in text
