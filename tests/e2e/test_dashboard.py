"""The dashboard in headless Chromium: the board (move by menu and by drag), the table, archived, the view kept."""

import os
import re
import time
from pathlib import Path

from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from db import applications, events, users
from db.connection import anonymous_tx, user_tx
from features.dashboard import board, overview, table
from tests.support import make_application


def _screenshots(browser, name: str) -> None:
    """At desktop width, as the other journeys, and at a phone's 390 px, when SCREENSHOT_DIR is set."""
    browser.screenshot(name)
    directory = os.environ.get("SCREENSHOT_DIR")
    if directory:
        browser.driver.set_window_size(390, 844)
        time.sleep(0.3)  # the grid measures its new width
        browser.driver.save_screenshot(str(Path(directory) / f"{name}-phone.png"))
        browser.driver.set_window_size(1280, 900)


def _sign_up(browser, first_name: str) -> str:
    """Sign up through the form and return the new person's id."""
    email = browser.sign_up(first_name, "Tracker")
    with anonymous_tx() as conn:
        return users.find_login(conn, email)["id"]


def _column_count(browser, status: str) -> str:
    return browser.text_of({"type": "board-count", "status": status})


def _cards(browser, status: str) -> list[str]:
    column = browser.component(f"board-list-{status}")
    if column is None:
        return []
    return [
        card.find_element(By.CSS_SELECTOR, ".board-card-company").text
        for card in column.find_elements(By.CSS_SELECTOR, ".board-card")
    ]


def _card(browser, status: str, company: str):
    column = browser.component(f"board-list-{status}")
    return column.find_element(By.XPATH, f".//article[.//a[normalize-space()='{company}']]")


def _status_events(person, application_id) -> list[tuple[str, str]]:
    with user_tx(person) as conn:
        return [
            (e["from_status"], e["to_status"]) for e in events.list_for(conn, application_id) if e["kind"] == "status"
        ]


def _displayed(browser, component_id) -> bool:
    element = browser.component(component_id)
    return element is not None and element.is_displayed()


def test_board_moves_by_menu_and_by_drag_are_on_the_timeline(browser):
    person = _sign_up(browser, "Bo")
    acme = make_application(person, "Acme", "Backend Engineer", status="applied", priority="high")
    globex = make_application(person, "Globex", "Data Engineer", status="applied")
    make_application(person, "Initech", "SRE", follow_up_on=None)
    browser.open("/")
    browser.wait_for(lambda: _cards(browser, "applied") == ["Globex", "Acme"])
    assert _column_count(browser, "applied") == "2"
    assert _column_count(browser, "draft") == "1"
    assert "High" in _card(browser, "applied", "Acme").text
    _screenshots(browser, "dashboard-board")

    # "Move to": a real select with an accessible name.
    menu = _card(browser, "applied", "Acme").find_element(By.CSS_SELECTOR, "select")
    assert menu.get_attribute("aria-label") == "Move Acme (Backend Engineer) to"
    Select(menu).select_by_visible_text("Interview")
    browser.wait_for(lambda: _cards(browser, "interview") == ["Acme"])
    browser.wait_for_text("Moved Acme to Interview.")
    assert _column_count(browser, "applied") == "1"
    assert _column_count(browser, "interview") == "1"
    assert _status_events(person, acme)[0] == ("applied", "interview")

    # Drag: Sortable's mouse-event fallback, driven by real pointer moves.
    source = _card(browser, "applied", "Globex")
    target = browser.component("board-list-offer")
    browser.driver.execute_script("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", source)
    (
        ActionChains(browser.driver)
        .move_to_element(source)
        .click_and_hold()
        .move_by_offset(10, 10)
        .move_to_element(target)
        .move_by_offset(0, 5)
        .release()
        .perform()
    )
    browser.wait_for(lambda: _column_count(browser, "offer") == "1")
    assert _cards(browser, "offer") == ["Globex"]
    assert _column_count(browser, "applied") == "0"
    assert _status_events(person, globex)[0] == ("applied", "offer")

    # The moves were saved: a reload shows the same board.
    browser.driver.refresh()
    browser.wait_for(lambda: _cards(browser, "offer") == ["Globex"])
    assert _cards(browser, "interview") == ["Acme"]
    assert browser.duo.get_logs() == []


def test_board_show_more_and_show_archived(browser):
    person = _sign_up(browser, "Max")
    for number in range(23):
        make_application(person, f"Company {number:02}", status="applied")
    archived = make_application(person, "Old Co", status="applied")
    with user_tx(person) as conn:
        applications.set_archived(conn, archived, True)
    browser.open("/")
    browser.wait_for(lambda: len(_cards(browser, "applied")) == 20)
    assert _column_count(browser, "applied") == "23"
    browser.click(browser.component({"type": "board-more", "status": "applied"}))
    browser.wait_for(lambda: len(_cards(browser, "applied")) == 23)
    assert not browser.component({"type": "board-more", "status": "applied"}).is_displayed()
    assert "Old Co" not in _cards(browser, "applied")

    browser.check("Show archived")
    browser.wait_for(lambda: _column_count(browser, "applied") == "24")
    browser.wait_for(lambda: "Old Co" in _cards(browser, "applied"))
    assert browser.duo.get_logs() == []


def _grid_rows(browser) -> list[str]:
    """The companies in the grid's rows, top to bottom."""
    rows = browser.driver.find_elements(By.CSS_SELECTOR, "#applications-grid .ag-center-cols-container .ag-row")
    rows = sorted(rows, key=lambda row: int(row.get_attribute("row-index")))
    return [row.find_element(By.CSS_SELECTOR, "[col-id='company']").text for row in rows]


def _grid_companies(browser) -> list[str]:
    try:
        return _grid_rows(browser)
    except Exception:  # a row redrawn while it was read
        return ["…"]


def test_table_sort_filter_search_and_open(browser):
    person = _sign_up(browser, "Tab")
    make_application(person, "Northwind", "Platform Engineer", status="interview", source="Referral")
    make_application(person, "Globex", "Data Analyst", notes="Met the hiring manager", source="LinkedIn")
    make_application(person, "Acme", "Backend Engineer", priority="high", status="applied", source="LinkedIn")
    archived = make_application(person, "Old Co", "Engineer")
    with user_tx(person) as conn:
        applications.set_archived(conn, archived, True)
    browser.open("/")
    browser.wait_for(lambda: _cards(browser, "draft") == ["Globex"])
    browser.show_dashboard_view("Table")
    browser.wait_for(lambda: _grid_companies(browser) == ["Acme", "Globex", "Northwind"])  # newest first
    _screenshots(browser, "dashboard-table")

    header = browser.driver.find_element(By.CSS_SELECTOR, "#applications-grid .ag-header-cell[col-id='company']")
    browser.click(header.find_element(By.CSS_SELECTOR, ".ag-header-cell-label"))
    browser.wait_for(lambda: _grid_companies(browser) == ["Acme", "Globex", "Northwind"])
    browser.click(header.find_element(By.CSS_SELECTOR, ".ag-header-cell-label"))
    browser.wait_for(lambda: _grid_companies(browser) == ["Northwind", "Globex", "Acme"])

    Select(browser.field("Source")).select_by_visible_text("LinkedIn")
    browser.wait_for(lambda: _grid_companies(browser) == ["Globex", "Acme"])
    Select(browser.field("Priority")).select_by_visible_text("High")
    browser.wait_for(lambda: _grid_companies(browser) == ["Acme"])
    Select(browser.field("Priority")).select_by_visible_text("Any")
    Select(browser.field("Source")).select_by_visible_text("Any")
    Select(browser.field("Status")).select_by_visible_text("Interview")
    browser.wait_for(lambda: _grid_companies(browser) == ["Northwind"])
    Select(browser.field("Status")).select_by_visible_text("Any")

    browser.fill("Search applications", "hiring manag")
    browser.wait_for(lambda: _grid_companies(browser) == ["Globex"])
    browser.fill("Search applications", "northw")  # a prefix of the company
    browser.wait_for(lambda: _grid_companies(browser) == ["Northwind"])
    browser.field("Search applications").clear()
    browser.fill("Search applications", "engineer")  # roles, and Globex's posting; still by company, descending
    browser.wait_for(lambda: _grid_companies(browser) == ["Northwind", "Globex", "Acme"])

    browser.check("Show archived")
    browser.wait_for(lambda: _grid_companies(browser) == ["Old Co (archived)", "Northwind", "Globex", "Acme"])

    # A click anywhere on a row opens the application.
    row = browser.driver.find_element(By.XPATH, "//div[@col-id='role_title'][normalize-space()='Platform Engineer']")
    browser.click(row)
    browser.duo.wait_for_text_to_equal("#application-title", "Platform Engineer")
    assert re.search(r"/applications/[0-9a-f-]{36}$", browser.driver.current_url)
    assert browser.duo.get_logs() == []


def test_view_choice_is_remembered_and_empty_state(browser):
    person = _sign_up(browser, "Vi")
    browser.wait_for_text("Add your first application")
    _screenshots(browser, "dashboard-empty")
    assert not _displayed(browser, "dashboard-content")
    make_application(person, "Acme")
    browser.driver.refresh()
    browser.wait_for(lambda: _cards(browser, "draft") == ["Acme"])
    # AG Grid's bundle is loaded by the table view alone.
    assert browser.driver.execute_script("return typeof window.dash_ag_grid") == "undefined"
    browser.show_dashboard_view("Table")
    # The callback that shows the view has saved the choice by then.
    browser.wait_for(lambda: _displayed(browser, table.Ids.PANEL))
    browser.wait_for(lambda: _grid_companies(browser) == ["Acme"])
    browser.driver.refresh()
    browser.wait_for(lambda: _grid_companies(browser) == ["Acme"])
    # Only the view shown is mounted, so the others load neither data nor libraries.
    assert browser.component(board.Ids.PANEL) is None
    browser.show_dashboard_view("Overview")
    browser.wait_for(lambda: _displayed(browser, overview.Ids.panel))
    browser.driver.refresh()
    browser.wait_for(lambda: _displayed(browser, overview.Ids.panel))
    assert browser.component(table.Ids.PANEL) is None
    assert browser.duo.get_logs() == []
