"""The main journey by keyboard alone: keys go to the focused element, never a click, and focus is always visible."""

from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.keys import Keys

from tests.conftest import TEST_PASSWORD, fixture_text, unique_email

# How far a focus ring may be from none: an outline (Chromium's own) or Bootstrap's focus box-shadow.
FOCUS_RING = """
const style = getComputedStyle(arguments[0]);
const outline = style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0;
return outline || style.boxShadow !== "none";
"""
MAX_TABS = 120  # more Tab presses than any page here has stops


class Keyboard:
    """Presses keys on whatever has the focus, as a person without a mouse does."""

    def __init__(self, browser):
        self.browser = browser
        self.driver = browser.driver

    def focused(self):
        return self.driver.switch_to.active_element

    def press(self, *keys, holding: str | None = None) -> None:
        """Keys (with `holding`, e.g. Control, held down) for the focused element. Pressed on the page: a file
        input (one of the Tab stops) takes WebElement.send_keys as a file's path."""
        actions = ActionChains(self.driver)
        if holding:
            actions.key_down(holding)
        actions.send_keys(*keys)
        if holding:
            actions.key_up(holding)
        actions.perform()

    def tab_to(self, target):
        """Tab until `target()` (an element, found afresh each press) has the focus; its
        focus ring must show."""
        for _ in range(MAX_TABS):
            element = target()
            if element is not None and self.focused() == element:
                assert self.driver.execute_script(FOCUS_RING, element), (
                    f"no focus ring on {element.get_attribute('outerHTML')[:120]}"
                )
                return element
            self.press(Keys.TAB)
        raise AssertionError("Tab never reached it")

    def type_into(self, label: str, text: str) -> None:
        self.tab_to(lambda: self.browser.field(label))
        self.press(text)

    def activate(self, xpath: str, key: str = Keys.ENTER) -> None:
        """Tab to the visible element at `xpath` and press Enter (or Space) on it."""

        def visible():
            return next((found for found in self.driver.find_elements("xpath", xpath) if found.is_displayed()), None)

        self.browser.wait_for(visible)
        self.tab_to(visible)
        self.press(key)


def button(text: str) -> str:
    return f"//button[normalize-space()='{text}']"


def link(text: str) -> str:
    return f"//a[normalize-space()='{text}']"


def test_sign_up_to_a_moved_application_by_keyboard_alone(browser):
    keys = Keyboard(browser)
    browser.open("/register")
    keys.type_into("First name", "Kim")
    keys.type_into("Last name", "Keys")
    keys.type_into("Email", unique_email("kim-keys"))
    keys.type_into("Password", TEST_PASSWORD)
    keys.activate(button("Sign up"))
    browser.wait_for_text("No applications yet")

    keys.activate(link("Resumes"))
    browser.wait_for_text("No resumes yet")
    keys.type_into("Name", "Backend")
    keys.type_into("Content", fixture_text("resume-backend-engineer.txt")[:600])
    keys.activate(button("Save"))
    browser.wait_for_text("Saved “Backend”.")

    keys.activate(link("New application"))
    browser.wait_for_text("Job description")
    keys.type_into("Company", "Northwind Cloud")
    keys.type_into("Role title", "Senior Backend Engineer")
    keys.type_into("Job description", fixture_text("jd-senior-backend-engineer.txt")[:600])
    keys.activate(button("Save"))
    browser.duo.wait_for_text_to_equal("#application-title", "Senior Backend Engineer")

    keys.activate("//*[@role='tab' and normalize-space()='Cover letter']")
    keys.activate(button("Generate cover letter"))
    browser.wait_for(lambda: "Northwind Cloud" in browser.editor_text("cover_letter"), timeout=30)
    browser.wait_for(lambda: "version 1" in browser.text_of({"type": "origin", "doc": "cover_letter"}))
    keys.tab_to(lambda: browser.field("Cover letter (Markdown)"))
    keys.press(Keys.END, holding=Keys.CONTROL)
    keys.press("\n\nWritten by keyboard.")
    keys.activate(button("Save"))
    browser.wait_for(lambda: "version 2" in browser.text_of({"type": "origin", "doc": "cover_letter"}))
    assert browser.editor_text("cover_letter").endswith("Written by keyboard.")

    keys.activate(link("Dashboard"))
    browser.wait_for(lambda: browser.board_companies("draft") == ["Northwind Cloud"])
    keys.tab_to(
        lambda: browser.component(f"move-{browser.board_card('draft', 'Northwind Cloud').get_attribute('data-id')}")
    )
    keys.press(Keys.ARROW_DOWN)  # a closed menu's arrow keys choose the next status: Applied
    browser.wait_for_text("Moved Northwind Cloud to Applied.")
    browser.wait_for(lambda: browser.board_companies("applied") == ["Northwind Cloud"])
    assert browser.duo.get_logs() == []
