"""Match score, similar applications and search, in headless Chromium."""

from selenium.webdriver.common.by import By


def test_match_score_similar_applications_and_search(browser):
    """The match score explains itself; similar postings link to each other; search finds both."""
    browser.sign_up("Jordan", "Ellis")
    browser.add_resume("Backend", "resume-backend-engineer.txt")

    first = browser.add_application("Northwind Cloud", "Senior Backend Engineer", "jd-senior-backend-engineer.txt")
    browser.add_application("Contoso", "Backend Engineer", "jd-backend-engineer.txt")
    browser.add_application("Fabrikam", "Senior Product Manager", "jd-product-manager.txt")

    browser.driver.get(first)
    browser.wait_for(lambda: browser.text_of("match-number") != "", timeout=20)
    assert int(browser.text_of("match-number")) >= 70
    found = [item.text for item in browser.driver.find_elements(By.CSS_SELECTOR, ".requirement-item")]
    assert sum(1 for text in found if text.startswith("found") and "Evidence" in text) >= 3
    assert any("Strong proficiency in Go" in text for text in found)
    browser.wait_with_reloads(lambda: "Fabrikam" in browser.text_of("similar-applications"))
    similar = browser.text_of("similar-applications")
    assert similar.index("Contoso") < similar.index("Fabrikam")
    browser.screenshot("application-insights")

    browser.click_link("Search")
    browser.fill("Search your applications and documents", "Kubernetes")
    browser.click_button("Search")
    browser.wait_for(lambda: "Senior Backend Engineer at Northwind Cloud" in browser.text_of("search-results"))
    browser.screenshot("search")
    browser.click_link("Senior Backend Engineer at Northwind Cloud")
    browser.duo.wait_for_text_to_equal("#application-title", "Senior Backend Engineer")
    assert browser.driver.current_url == first
    assert browser.duo.get_logs() == []
