/* Names and references that third-party components leave out, added whenever the page changes:
   - dcc.Upload's file input has no name and takes no aria attributes: it gets the drop zone's button text
     (components/file_upload.py puts it in data-file-label);
   - dbc.Tabs points every tab's aria-controls at a panel that does not exist ("…-tabpane-null"): each tab
     gets the panel drawn in its place instead, and the panel is labelled by its tab. */
(function () {
  function nameFileInputs() {
    for (const input of document.querySelectorAll("[data-file-label] input[type=file]:not([aria-label])")) {
      input.setAttribute("aria-label", input.closest("[data-file-label]").dataset.fileLabel);
    }
  }

  function linkTabsToPanels() {
    for (const list of document.querySelectorAll("[role=tablist]")) {
      const content = list.nextElementSibling;
      if (!content || !content.classList.contains("tab-content")) continue;
      const panels = Array.from(content.children).filter((child) => child.getAttribute("role") === "tabpanel");
      list.querySelectorAll("[role=tab]").forEach(function (tab, index) {
        const panel = panels[index];
        const controls = tab.getAttribute("aria-controls");
        if (!panel || (controls && document.getElementById(controls))) return;
        if (!panel.id) panel.id = (list.id || "tabs") + "-panel-" + index;
        if (!tab.id) tab.id = panel.id + "-tab";
        tab.setAttribute("aria-controls", panel.id);
        panel.setAttribute("aria-labelledby", tab.id);
      });
    }
  }

  function repair() {
    nameFileInputs();
    linkTabsToPanels();
  }
  new MutationObserver(repair).observe(document.documentElement, { childList: true, subtree: true });
  repair();
})();
