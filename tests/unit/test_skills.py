"""The skill vocabulary finds skills, not the ordinary words and names that look like them."""

import pytest

from ai.skills import find_skills


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("Tailwind and CSS-in-JS patterns", "JavaScript"),
        ("Cut CI time by caching build artifacts", "caching"),
        ("Led technical interviews and hired 11 engineers", "technical leadership"),
        ("Ran Go/No-Go launch reviews", "Go"),
        ("It was a No-Go for launch", "Go"),
        ("(Go Sooners and Cardinal!)", "Go"),
        ("Analyst at the Social Security Administration", "security"),
        ("At the Helm of product", "Helm"),
        ("Research intern at Lambda Labs", "Lambda"),
        ("Senior Analyst at Express Scripts", "Express"),
    ],
)
def test_look_alikes_are_not_skills(text, absent):
    assert absent not in find_skills(text)


@pytest.mark.parametrize(
    ("text", "present"),
    [
        ("Services in Python/Go", "Go"),
        ("Go-based services", "Go"),
        ("Node and JS tooling", "JavaScript"),
        ("Added a caching layer to the API", "caching"),
        ("Led technical design reviews", "technical leadership"),
        ("Security reviews for the API", "security"),
        ("Deployed with Helm charts", "Helm"),
        ("Lambda functions behind API Gateway", "Lambda"),
        ("REST APIs in Express and Node.js", "Express"),
    ],
)
def test_the_skills_themselves_are_still_found(text, present):
    assert present in find_skills(text)
