"""Pages read as postings: every JobPosting shape boards use, then the main-text fallback."""

import json

import pytest

from postings.parse import MAX_FIELD_LENGTH, NotAPosting, Posting, parse_posting
from tests.conftest import FIXTURES

DESCRIPTION = "<p>We build routing software.</p><ul><li>Go</li><li>PostgreSQL</li></ul>"


def _page(*json_ld, body: str = "<p>Visible page text</p>", head: str = "") -> str:
    scripts = "".join(
        f'<script type="application/ld+json">{data if isinstance(data, str) else json.dumps(data)}</script>'
        for data in json_ld
    )
    return f"<html><head>{head}{scripts}</head><body>{body}</body></html>"


def _posting(**fields) -> dict:
    base = {"@context": "https://schema.org", "@type": "JobPosting", "title": "Engineer", "description": DESCRIPTION}
    return base | fields


def _fixture(name: str) -> str:
    return (FIXTURES / "postings" / name).read_text()


def test_the_json_ld_fixture_gives_every_field_and_readable_text():
    posting = parse_posting(_fixture("jsonld-posting.html"))
    assert posting.company == "Lumen Freight"  # from hiringOrganization, not the board's og:site_name
    assert posting.role_title == "Senior Platform Engineer"
    assert posting.location == "Rotterdam, South Holland, Netherlands; Hamburg, DE"
    text = posting.job_description
    assert text.startswith("About Lumen Freight\n\nLumen Freight plans container routes for 400 shipping lines.")
    assert "What you will do\n\n- Run our Kubernetes clusters and the Terraform that builds them\n- Own the" in text
    assert "- Experience with on-call & incident reviews\n\nWe offer a hybrid week" in text
    assert "<" not in text and "Submit application" not in text


def test_the_main_text_fixture_keeps_the_posting_and_drops_the_page_around_it():
    posting = parse_posting(_fixture("main-text-posting.html"))
    assert posting.company == "Tidewater Books"
    assert posting.role_title == "Data Analyst, Growth"
    assert posting.location == ""
    text = posting.job_description
    assert "We are looking for a data analyst" in text
    assert (
        "What you will do\n\n- Build and maintain the weekly retention and cohort reports in SQL and Looker\n" in text
    )
    assert "salary range of $70,000 to $85,000." in text
    for boilerplate in ("We use cookies", "About us", "Back to all openings", "Privacy", "window.analytics"):
        assert boilerplate not in text


def test_a_job_posting_is_found_at_the_top_in_a_list_in_a_graph_and_as_a_pages_main_entity():
    shapes = [
        _posting(),
        [{"@type": "Organization", "name": "Other"}, _posting()],
        {"@context": "https://schema.org", "@graph": [{"@type": "WebSite"}, _posting()]},
        {"@type": "WebPage", "mainEntity": _posting()},
        _posting(**{"@type": ["JobPosting", "Thing"]}),
        _posting(**{"@type": "http://schema.org/JobPosting"}),
    ]
    for shape in shapes:
        assert parse_posting(_page(shape)).role_title == "Engineer", shape


def test_other_json_ld_and_broken_json_ld_are_passed_over():
    page = _page("{not json", {"@type": "BreadcrumbList"}, _posting(title="Analyst"))
    assert parse_posting(page).role_title == "Analyst"


def test_json_ld_in_a_comment_with_raw_newlines_in_strings_still_reads():
    raw = '<!--{"@type": "JobPosting", "title": "Analyst", "description": "Line one\nLine two"}-->'
    assert parse_posting(_page(raw)).job_description == "Line one\nLine two"


@pytest.mark.parametrize(
    ("organization", "company"),
    [
        ({"@type": "Organization", "name": "Acme Robotics"}, "Acme Robotics"),
        ("Acme Robotics", "Acme Robotics"),
        ([{"@type": "Organization", "legalName": "Acme Robotics GmbH"}], "Acme Robotics GmbH"),
        (None, "Board Name"),  # no organisation: the site's name
    ],
)
def test_hiring_organization_as_object_string_or_list(organization, company):
    data = _posting(hiringOrganization=organization) if organization else _posting()
    page = _page(data, head='<meta property="og:site_name" content="Board Name">')
    assert parse_posting(page).company == company


@pytest.mark.parametrize(
    ("fields", "location"),
    [
        ({"jobLocation": {"@type": "Place", "address": {"addressLocality": "Austin", "addressRegion": "TX"}}},
         "Austin, TX"),
        ({"jobLocation": {"address": "12 Harbour St, Leith"}}, "12 Harbour St, Leith"),
        ({"jobLocation": {"@type": "Place", "name": "Head office"}}, "Head office"),
        ({"jobLocation": [{"address": {"addressLocality": "Lyon", "addressCountry": "FR"}},
                          {"address": {"addressLocality": "Paris", "addressCountry": {"name": "FR"}}}]},
         "Lyon, FR; Paris, FR"),
        ({"jobLocation": {"address": [{"addressLocality": "Oslo"}, {"addressLocality": "Bergen"}]}}, "Oslo; Bergen"),
        ({"jobLocation": {"address": {"addressLocality": "Singapore", "addressCountry": "Singapore"}}}, "Singapore"),
        ({"jobLocationType": "TELECOMMUTE"}, "Remote"),
        ({"jobLocationType": ["TELECOMMUTE"],
          "applicantLocationRequirements": [{"@type": "Country", "name": "Canada"}, {"@type": "State", "name": "NY"}]},
         "Remote (Canada, NY)"),
        ({"jobLocationType": "TELECOMMUTE", "jobLocation": {"address": {"addressLocality": "Berlin"}}},
         "Remote or Berlin"),
        ({}, ""),
    ],
)  # fmt: skip
def test_job_location_variants_and_remote_work(fields, location):
    assert parse_posting(_page(_posting(**fields))).location == location


def test_an_escaped_html_description_becomes_text():
    escaped = "&lt;p&gt;Build &amp;amp; run&lt;/p&gt;&lt;ul&gt;&lt;li&gt;Go&lt;/li&gt;&lt;/ul&gt;"
    assert parse_posting(_page(_posting(description=escaped))).job_description == "Build & run\n\n- Go"


def test_responsibilities_and_qualifications_outside_the_description_are_added():
    data = _posting(description="<p>About the team.</p>", qualifications="<ul><li>SQL</li></ul>")
    assert parse_posting(_page(data)).job_description == "About the team.\n\n- SQL"
    listed = _posting(description="About.", responsibilities=["Run <b>ETL</b>", "Review code"], skills="About.")
    assert parse_posting(_page(listed)).job_description == "About.\n\n- Run ETL\n- Review code"


def test_long_names_are_cut_to_what_the_form_accepts():
    posting = parse_posting(_page(_posting(title="Engineer " * 40, hiringOrganization="Acme " * 60)))
    assert len(posting.role_title) <= MAX_FIELD_LENGTH and posting.role_title.endswith("Engineer…")
    assert len(posting.company) <= MAX_FIELD_LENGTH


def test_a_job_posting_without_a_description_falls_back_to_the_main_text():
    page = _page({"@type": "JobPosting", "title": "Analyst"}, body=_fixture("main-text-posting.html"))
    assert "We are looking for a data analyst" in parse_posting(page).job_description


@pytest.mark.parametrize(
    "page",
    [
        "<html><head><title>Sign in</title></head><body><form>Email <input> Password <input></form></body></html>",
        "<html><body><h1>This job is no longer available</h1><p>See our other openings.</p></body></html>",
        "",
        "plain words, no page",
    ],
)
def test_a_page_with_no_posting_is_said_so(page):
    with pytest.raises(NotAPosting, match="no job posting"):
        parse_posting(page)


def test_an_xhtml_page_with_an_xml_declaration_is_read():
    page = '<?xml version="1.0" encoding="utf-8"?>\n' + _page(_posting(title="Analyst"))
    assert parse_posting(page) == Posting(
        company="",
        role_title="Analyst",
        location="",
        job_description="We build routing software.\n\n- Go\n- PostgreSQL",
    )


def test_control_characters_in_a_page_are_dropped_before_parsing():
    raw = '{"@type": "JobPosting", "title": "Ana\x00lyst", "description": "<p>Da\x0bta</p>"}'
    assert parse_posting(_page(raw)) == Posting(role_title="Analyst", job_description="Data")


def test_a_page_readability_cannot_read_is_no_posting():
    # readability raises AssertionError ("too many bodies") on this one.
    with pytest.raises(NotAPosting):
        parse_posting("<script type='application/ld+json'><!--<ul>-->{<body>")


def test_entities_in_json_ld_names_are_read():
    data = _posting(title="R&amp;D Engineer", hiringOrganization="Smith &amp; Jones", jobLocation={"address": "Köln"})
    posting = parse_posting(_page(data))
    assert (posting.role_title, posting.company, posting.location) == ("R&D Engineer", "Smith & Jones", "Köln")
