"""Only same-site paths are followed after login."""

import pytest

from auth.guard import safe_next


@pytest.mark.parametrize("target", ["/", "/resumes", "/applications/abc?tab=letter"])
def test_same_site_paths_are_kept(target):
    assert safe_next(target) == target


@pytest.mark.parametrize(
    "target",
    [
        None,
        "",
        "https://evil.example/",
        "//evil.example/path",
        "/\\evil.example",
        "\\\\evil.example",
        "javascript:alert(1)",
        "http:/evil.example",
        "resumes",
        "/\tevil",
    ],
)
def test_everything_else_goes_to_the_dashboard(target):
    assert safe_next(target) == "/"
