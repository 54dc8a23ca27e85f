"""In the browser: no page breaks the Content-Security-Policy, and the preview fetches no planted image."""

from selenium.webdriver.common.by import By

PLANTED = """# Letter

Inline ![inline](https://evil.example/a.png) and nested ![a [b] c](https://evil.example/b.png).

Reference ![ref][pic], collapsed ![pic][] and shortcut ![pic].

[A script link][js] and [a web link](https://example.com/jobs).

[pic]: https://evil.example/c.png
[js]: javascript:alert(1)
"""


def _csp_violations(browser) -> list[str]:
    return [entry["message"] for entry in browser.duo.get_logs() if "Content Security Policy" in entry["message"]]


def test_no_page_breaks_the_content_security_policy(browser):
    browser.open("/login")
    browser.wait_for_text("Log in")
    assert _csp_violations(browser) == []
    browser.new_person_with_an_application()
    application = browser.driver.current_url
    browser.click_button("Generate cover letter")
    browser.wait_for(lambda: browser.editor_text("cover_letter").startswith("Dear"), timeout=30)
    assert _csp_violations(browser) == []
    for path, text in [
        ("/", "Your applications"),
        ("/resumes", "Resumes"),
        ("/applications/new", "Job description"),
        ("/search", "Search"),
        ("/settings", "Settings"),
    ]:
        browser.open(path)
        browser.wait_for_text(text)
        assert _csp_violations(browser) == [], path
    browser.driver.get(application)
    browser.wait_for(lambda: browser.text_of("provider-label") != "")
    assert browser.duo.get_logs() == []


def test_the_preview_shows_no_image_and_no_script_link(browser):
    browser.new_person_with_an_application()
    browser.paste("Cover letter (Markdown)", PLANTED)
    preview = browser.component({"type": "preview", "doc": "cover_letter"})
    browser.wait_for(lambda: "A script link" in preview.text)
    assert preview.find_elements(By.TAG_NAME, "img") == []
    hrefs = [link.get_attribute("href") or "" for link in preview.find_elements(By.TAG_NAME, "a")]
    assert "https://example.com/jobs" in hrefs
    assert not any(href.startswith("javascript:") for href in hrefs)
    assert "Inline inline and nested" in preview.text
    assert _csp_violations(browser) == []
