/* Names and references that third-party components leave out, added whenever the page changes:
   - dcc.Upload's file input has no name and takes no aria attributes: it gets the drop zone's button text
     (components/file_upload.py puts it in data-file-label);
   - dbc.Tabs leaves every tab out of the Tab order (tabindex -1), gives them all one id ("…-tab-null") and at
     first points their aria-controls at a panel that does not exist: each tab becomes a Tab stop, says whether
     it is selected and gets an id of its own, and each tab and its panel name each other. */
(function () {
  function nameFileInputs() {
    for (const input of document.querySelectorAll("[data-file-label] input[type=file]:not([aria-label])")) {
      input.setAttribute("aria-label", input.closest("[data-file-label]").dataset.fileLabel);
    }
  }

  // Only real changes: an attribute set to its own value would wake the observer again, for ever.
  function setIfChanged(element, name, value) {
    if (element.getAttribute(name) !== value) element.setAttribute(name, value);
  }

  function linkTabsToPanels() {
    for (const list of document.querySelectorAll("[role=tablist]")) {
      const content = list.nextElementSibling;
      if (!content || !content.classList.contains("tab-content")) continue;
      const panels = Array.from(content.children).filter((child) => child.getAttribute("role") === "tabpanel");
      list.querySelectorAll("[role=tab]").forEach(function (tab, index) {
        // Each tab a Tab stop of its own: react-bootstrap's arrow keys need the event keys dbc leaves out.
        setIfChanged(tab, "tabindex", "0");
        setIfChanged(tab, "aria-selected", String(tab.classList.contains("active")));
        const controls = document.getElementById(tab.getAttribute("aria-controls") || "");
        const panel = controls && controls.getAttribute("role") === "tabpanel" ? controls : panels[index];
        if (!panel) return;
        if (!panel.id) panel.id = (list.id || "tabs") + "-panel-" + index;
        if (!tab.id || tab.id.endsWith("-tab-null")) tab.id = panel.id + "-tab";
        setIfChanged(tab, "aria-controls", panel.id);
        setIfChanged(panel, "aria-labelledby", tab.id);
      });
    }
  }

  function repair() {
    nameFileInputs();
    linkTabsToPanels();
  }
  new MutationObserver(repair).observe(document.documentElement, {
    childList: true,
    subtree: true,
    attributes: true,
    attributeFilter: ["class"], // a tab selected
  });
  repair();
})();
