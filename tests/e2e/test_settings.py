"""Settings in headless Chromium: the provider choice and the writing sample are used."""

import dataclasses

from selenium.webdriver.common.by import By

import config
from tests.fake_ai_server import FakeAIServer


def test_chosen_provider_and_writing_sample_are_used(browser):
    """With OpenAI configured, a person can still choose the offline drafter; their sign-off is used."""
    with FakeAIServer(embedding_dims=1536) as fake:
        original = config.active()
        config.activate(dataclasses.replace(original, openai_api_key="sk-test", openai_base_url=fake.openai_base_url))
        try:
            browser.sign_up("Sam", "Writer")
            browser.click_link("Settings")
            browser.wait_for(lambda: "OpenAI" in browser.text_of("settings-provider"))
            labels = [label.text for label in browser.driver.find_elements(By.CSS_SELECTOR, "#settings-provider label")]
            assert labels[0].startswith("OpenAI-compatible server") and labels[-1] == "Offline drafter"
            browser.check("Offline drafter")
            browser.fill("Writing sample", "Hi Dana,\n\nThanks for the quick reply.\n\nCheers,\nSam")
            browser.click_button("Save")
            browser.wait_for_text("Saved.")
            browser.screenshot("settings")

            browser.add_resume("Main", "resume-standard.txt")
            browser.add_application("Acme", "Senior Frontend Engineer", "jd-frontend-engineer.txt")
            browser.wait_for(lambda: browser.text_of("provider-label") == "Offline drafter")
            browser.click_button("Generate cover letter")
            editor = {"type": "editor", "doc": "cover_letter"}
            browser.wait_for(lambda: "Cheers," in (browser.component(editor).get_attribute("value") or ""), timeout=20)
            # The offline drafter wrote it; the configured server only embedded the texts.
            assert {request["path"] for request in fake.requests} == {"/v1/embeddings"}
        finally:
            config.activate(original)
