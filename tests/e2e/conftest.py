"""Browser helpers: find fields by their visible label, sign up, and keep screenshots."""

import json
import os
import time
import uuid
from pathlib import Path

import pytest
from selenium.common.exceptions import StaleElementReferenceException
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from features.application import details_form
from features.dashboard import overview
from tests.conftest import TEST_PASSWORD, fixture_text
from tests.fake_ai_server import free_port


class Browser:
    """A person using the app through dash_duo's Chromium."""

    def __init__(self, dash_duo, base_url: str):
        self.duo = dash_duo
        self.driver = dash_duo.driver
        self.driver.set_window_size(1280, 900)
        self.base_url = base_url

    def open(self, path: str) -> None:
        self.driver.get(self.base_url + path)

    def field(self, label: str):
        """The input a visible <label> is bound to: fails if the label is missing or unbound."""
        element = self.driver.find_element(By.XPATH, f"//label[normalize-space()='{label}']")
        # getElementById: Dash renders dict ids as JSON, which CSS selectors cannot quote.
        bound = self.driver.execute_script(
            "return document.getElementById(arguments[0]);", element.get_attribute("for")
        )
        assert bound is not None, f"the label {label!r} is bound to nothing"
        return bound

    def component(self, component_id):
        """The element of a Dash component, by its id (a string or a pattern-matching dict)."""
        dom_id = (
            component_id
            if isinstance(component_id, str)
            else json.dumps(component_id, sort_keys=True, separators=(",", ":"))
        )
        return self.driver.execute_script("return document.getElementById(arguments[0]);", dom_id)

    def shown(self, component_id) -> bool:
        """The component is on the page and displayed (False while the page reloads)."""
        element = self.component(component_id)
        return element is not None and element.is_displayed()

    def text_of(self, component_id) -> str:
        element = self.component(component_id)
        return element.text if element is not None else ""

    def fill(self, label: str, text: str) -> None:
        field = self.field(label)
        field.clear()
        field.send_keys(text)

    def click(self, element) -> None:
        # "instant": Bootstrap makes scrolling smooth, and a click mid-scroll misses.
        self.driver.execute_script("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", element)
        element.click()

    def paste(self, label: str, text: str) -> None:
        """Put text into a field at once, as pasting does (typing a whole resume key by key takes long)."""
        self.driver.execute_script(
            """
            const field = arguments[0];
            const prototype = Object.getPrototypeOf(field);
            Object.getOwnPropertyDescriptor(prototype, "value").set.call(field, arguments[1]);
            field.dispatchEvent(new Event("input", { bubbles: true }));
            """,
            self.field(label),
            text,
        )

    def check(self, label: str) -> None:
        """Tick a checkbox by clicking its label, as a person would."""
        self.field(label)  # the label must be bound to an input
        self.click(self.driver.find_element(By.XPATH, f"//label[normalize-space()='{label}']"))

    def click_link(self, text: str) -> None:
        self.click(self.driver.find_element(By.LINK_TEXT, text))

    def click_button(self, text: str) -> None:
        """Click the visible button with this text (other tabs hold hidden twins)."""

        def visible_button():
            buttons = self.driver.find_elements(By.XPATH, f"//button[normalize-space()='{text}']")
            return next((button for button in buttons if button.is_displayed()), None)

        self.click(self.wait_for(visible_button))  # a modal may still be fading in

    def show_dashboard_view(self, label: str) -> None:
        """Choose "Board", "Table" or "Overview" with the dashboard's view switch, once it is there."""

        def control():
            xpath = f"//div[@role='radiogroup']//label[normalize-space()='{label}']"
            return next((found for found in self.driver.find_elements(By.XPATH, xpath) if found.is_displayed()), None)

        self.click(self.wait_for(control))

    def wait_for(self, condition, timeout: float = 10):
        # A page that re-renders (or navigates) mid-check leaves stale elements: check again.
        wait = WebDriverWait(self.driver, timeout, ignored_exceptions=[StaleElementReferenceException])
        return wait.until(lambda _driver: condition())

    def wait_with_reloads(self, condition, timeout: float = 30) -> None:
        """For what the server finishes after the page has loaded (embeddings): reload until it shows."""
        deadline = time.monotonic() + timeout
        while not condition():
            assert time.monotonic() < deadline, "the page never showed it"
            time.sleep(1)
            self.driver.refresh()
            time.sleep(1)

    def wait_for_text(self, text: str, timeout: float = 10) -> None:
        self.wait_for(lambda: text in self.driver.find_element(By.TAG_NAME, "body").text, timeout)

    def sign_up(self, first_name: str, last_name: str) -> str:
        email = f"{first_name.lower()}-{uuid.uuid4().hex[:8]}@example.com"
        self.open("/register")
        self.fill("First name", first_name)
        self.fill("Last name", last_name)
        self.fill("Email", email)
        self.fill("Password", TEST_PASSWORD)
        self.click_button("Sign up")
        self.duo.wait_for_text_to_equal("h1", "Your applications")
        return email

    def add_resume(self, name: str, fixture: str) -> None:
        self.open("/resumes")
        self.fill("Name", name)
        self.paste("Content", fixture_text(fixture))
        self.click_button("Save")
        self.wait_for_text(f"Saved “{name}”.")

    def add_application(self, company: str, role: str, posting_fixture: str) -> str:
        """Create an application through the form; returns its page's URL, where the browser is."""
        self.open("/applications/new")
        self.fill("Company", company)
        self.fill("Role title", role)
        self.paste("Job description", fixture_text(posting_fixture))
        self.click_button("Save")
        self.duo.wait_for_text_to_equal("#application-title", role)
        return self.driver.current_url

    def new_person_with_an_application(self) -> str:
        """Sign up, save a resume and add an application: the browser is on the application's page.
        Returns the person's email."""
        email = self.sign_up("Jordan", "Ellis")
        self.add_resume("Backend", "resume-backend-engineer.txt")
        self.add_application("Northwind Cloud", "Senior Backend Engineer", "jd-senior-backend-engineer.txt")
        self.wait_for(lambda: self.text_of("provider-label") != "")
        return email

    def editor_text(self, doc: str) -> str:
        """The text in a document's editor ("" while the page reloads)."""
        editor = self.component({"type": "editor", "doc": doc})
        return editor.get_attribute("value") if editor is not None else ""

    def choose_file(self, upload_id: str, path) -> None:
        """Give a dcc.Upload a file, as choosing it does: its input is hidden behind the drop zone, and
        Chromium takes files sent to it anyway."""
        self.component(upload_id).find_element(By.CSS_SELECTOR, "input[type=file]").send_keys(str(path))

    def import_posting(self, link: str) -> None:
        """On the new application form: import the posting at `link`."""
        self.fill("Posting link", link)
        self.click_button("Import")

    def open_details_form(self) -> None:
        """On an application's page: open "Edit details", filled in."""
        self.click_button("Edit details")
        self.wait_for(lambda: self.shown(details_form.Ids.panel))
        self.wait_for(lambda: self.field("Company").get_attribute("value") != "")

    def edit_event_date(self, what: str, day: str) -> None:
        """On an application's timeline: set the date of the event titled `what` (an ISO day)."""
        button = self.driver.find_element(By.CSS_SELECTOR, f'button[aria-label$="date of “{what}”"]')
        self.click(button)
        self.wait_for_text(f"When did “{what}” happen?")
        self.paste("When it happened", day)
        self.click_button("Save date")

    def item_button(self, kind: str, action: str, index: int = 0):
        """The `action` button ("Edit", "Remove") of the index-th interview or contact listed."""
        buttons = self.driver.find_elements(By.CSS_SELECTOR, f"#{kind}s-list button")
        return [button for button in buttons if button.text == action][index]

    def open_document_tab(self, label: str) -> None:
        """On an application's page: the documents' tab "Research", "Resume" or "Cover letter"."""
        self.click(
            self.driver.find_element(By.XPATH, f"//a[contains(@class,'nav-link') and normalize-space()='{label}']")
        )

    def download_document(self, label: str) -> None:
        """The shown document's Download menu, then `label` ("Markdown (.md)", "Word (.docx)", "PDF (.pdf)")."""
        active = "//div[contains(@class,'active')]"
        self.click(self.driver.find_element(By.XPATH, f"{active}//button[normalize-space()='Download']"))
        self.click(self.driver.find_element(By.XPATH, f"{active}//*[normalize-space()='{label}']"))

    def resume_card_button(self, resume_name: str, label: str):
        return self.driver.find_element(
            By.XPATH,
            f"//div[contains(@class, 'resume-card')][.//span[normalize-space()='{resume_name}']]"
            f"//button[normalize-space()='{label}']",
        )

    def board_companies(self, status: str) -> list[str]:
        """The companies on the dashboard board's column for `status`, top to bottom."""
        column = self.component(f"board-list-{status}")
        if column is None:
            return []
        return [card.text for card in column.find_elements(By.CSS_SELECTOR, ".board-card .board-card-company")]

    def board_card(self, status: str, company: str):
        column = self.component(f"board-list-{status}")
        return column.find_element(By.XPATH, f".//article[.//a[normalize-space()='{company}']]")

    def grid_companies(self) -> list[str]:
        """The companies in the dashboard table's rows, top to bottom (["…"] while a row is redrawn)."""
        try:
            rows = self.driver.find_elements(By.CSS_SELECTOR, "#applications-grid .ag-center-cols-container .ag-row")
            rows = sorted(rows, key=lambda row: int(row.get_attribute("row-index")))
            return [row.find_element(By.CSS_SELECTOR, "[col-id='company']").text for row in rows]
        except Exception:  # a row redrawn while it was read
            return ["…"]

    def open_overview(self) -> None:
        """The dashboard, switched to its Overview view by the control a person clicks."""
        self.open("/")
        self.show_dashboard_view("Overview")
        self.wait_for(lambda: self.shown(overview.Ids.panel))

    def follow_up_rows(self) -> dict:
        """The overview's listed follow-ups by company."""
        rows = self.driver.find_elements(By.CSS_SELECTOR, f"#{overview.Ids.follow_ups} .overview-follow-up")
        return {row.find_element(By.TAG_NAME, "a").text: row for row in rows}

    def click_in_follow_up(self, company: str, button: str) -> None:
        row = self.follow_up_rows()[company]
        self.click(row.find_element(By.XPATH, f".//button[normalize-space()='{button}']"))

    def downloaded(self, suffix: str, folder=None, timeout: float = 20) -> Path:
        """The file ending in `suffix` the browser has finished downloading (into dash_duo's folder, or `folder`)."""
        folder = Path(folder or self.duo.download_path)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            done = list(folder.glob(f"*{suffix}"))
            if done and not list(folder.glob("*.crdownload")):
                return done[0]
            time.sleep(0.2)
        raise AssertionError(f"nothing downloaded; the folder holds {[path.name for path in folder.iterdir()]}")

    def log_out(self) -> None:
        self.click_button("Log out")
        self.wait_for(lambda: "/login" in self.driver.current_url)

    def screenshot(self, name: str, width: int = 1280) -> None:
        """Keep a PNG for people to look at, when SCREENSHOT_DIR is set; `width` 390 is a phone."""
        directory = os.environ.get("SCREENSHOT_DIR")
        if directory:
            Path(directory).mkdir(parents=True, exist_ok=True)
            self.driver.set_window_size(width, 900)  # the page's height at that width, plus the window's own frame
            height = self.driver.execute_script(
                "return document.documentElement.scrollHeight + window.outerHeight - window.innerHeight;"
            )
            self.driver.set_window_size(width, max(900, height))
            self.driver.execute_script("window.scrollTo({top: 0, behavior: 'instant'});")
            self.driver.save_screenshot(str(Path(directory) / f"{name}.png"))
            self.driver.set_window_size(1280, 900)


@pytest.fixture
def browser(dash_duo, app):
    """A person using the test session's app, served in this process on a port of its own."""
    dash_duo.start_server(app, navigate=False, port=free_port())
    return Browser(dash_duo, dash_duo.server.url)
