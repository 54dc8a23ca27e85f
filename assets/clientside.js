/* Job Forge's clientside callbacks: instant preview and edit tracking, with no server round trip. */
window.dash_clientside = Object.assign({}, window.dash_clientside, {
  jobforge: {
    /* Images become their alt text and only web/mail links stay links: a generated document must not
       make the browser fetch an address a posting planted (it could carry the resume out). Every image
       in Markdown starts with "![", inline or by reference, so none is left after the last step. */
    preview: function (text) {
      return (text || "")
        .replace(/!\[([^\]]*)\]\([^)]*\)/g, "$1")
        .replace(/!\[([^\]]*)\](\[[^\]]*\])?/g, "$1")
        .replace(/!\[/g, "[")
        .replace(/\]\((?!https?:|mailto:|#)[^)]*\)/gi, "]()")
        .replace(/^( {0,3}\[[^\]]+\]:[ \t]*)(?!<?(?:https?:|mailto:|#))\S+/gim, "$1#");
    },
    /* Marks a document with unsaved edits; the guards below read these marks. */
    dirty: function (text, saved) {
      return (text || "") !== (saved || "") ? "Unsaved changes" : "";
    },
    /* Marks a form whose values differ from what was last loaded or saved (ends trimmed, as saving does). */
    formDirty: function (name, content, primary, saved) {
      const same =
        (name || "").trim() === (saved.name || "").trim() &&
        (content || "").trim() === (saved.content || "").trim() &&
        Boolean(primary) === Boolean(saved.primary);
      return same ? "" : "Unsaved changes";
    },
    /* Streamed text goes into its editor, unless that run was cancelled: a poll can still
       deliver text after the cancel, and it must not replace the document shown again. */
    showStream: function (buffer, editorIds) {
      const no = window.dash_clientside.no_update;
      if (!buffer || buffer.nonce === window.jobforgeStopped) {
        return editorIds.map(() => no);
      }
      return editorIds.map((id) => (id.doc === buffer.doc ? buffer.text : no));
    },
    stopStream: function (clicks, request) {
      window.jobforgeStopped = request ? request.nonce : null;
      return null;
    },
    /* A generate click asks first when a document it would replace holds unsaved edits. */
    requestGeneration: function (docClicks, allClicks, texts, savedTexts, docIds) {
      const ctx = window.dash_clientside.callback_context;
      const no = window.dash_clientside.no_update;
      if (!ctx.triggered.length || !ctx.triggered[0].value) {
        return [no, no, no];
      }
      const trigger = ctx.triggered_id;
      const phases = trigger === "generate-all" ? docIds.map((id) => id.doc) : [trigger.doc];
      const request = { phases: phases, nonce: Date.now() };
      const unsaved = docIds.some(
        (id, i) => phases.includes(id.doc) && (texts[i] || "") !== (savedTexts[i] || "")
      );
      return unsaved ? [no, request, true] : [request, no, false];
    },
    /* "Copy" puts the link on the clipboard and says so; a new link clears the old "Copied". Where
       the clipboard is refused (no permission, plain http), the link is selected for Ctrl+C. */
    copyLink: async function (clicks, url, fieldId) {
      const ctx = window.dash_clientside.callback_context;
      if (!url || !ctx.triggered.length || !ctx.triggered[0].prop_id.endsWith(".n_clicks")) {
        return "";
      }
      try {
        await navigator.clipboard.writeText(url);
        return "Copied";
      } catch (error) {
        document.getElementById(fieldId).select();
        return "The link is selected: press Ctrl+C (⌘C on a Mac) to copy it.";
      }
    },
  },
});

/* Leaving a page with unsaved edits asks first. The marks are read from the page itself, so nothing
   goes stale when Dash swaps the page out. */
function jobforgeHasUnsavedEdits() {
  return Array.from(document.querySelectorAll(".unsaved-marker")).some((mark) => mark.textContent.trim() !== "");
}

let jobforgeLeaveConfirmedAt = 0;
const JOBFORGE_LEAVE_QUESTION = "You have unsaved changes. Leave this page and lose them?";

/* Back and Forward between pages of the app change the page without unloading it either. This
   listener is added before Dash's, so declining can stop Dash from switching the page and put the
   address back. The address of the page shown is tracked through the history calls Dash makes. */
let jobforgeShownUrl = window.location.href;
for (const method of ["pushState", "replaceState"]) {
  const original = window.history[method];
  window.history[method] = function (...args) {
    const result = original.apply(this, args);
    jobforgeShownUrl = window.location.href;
    return result;
  };
}
window.addEventListener("popstate", function (event) {
  if (jobforgeHasUnsavedEdits() && !window.confirm(JOBFORGE_LEAVE_QUESTION)) {
    event.stopImmediatePropagation();
    window.history.pushState(null, "", jobforgeShownUrl);
    return;
  }
  jobforgeShownUrl = window.location.href;
});

window.addEventListener("beforeunload", function (event) {
  // A link the person already confirmed leaving by must not ask a second time.
  if (jobforgeHasUnsavedEdits() && Date.now() - jobforgeLeaveConfirmedAt > 1000) {
    event.preventDefault();
    event.returnValue = "";
  }
});

/* Links inside the app change the page without unloading it, so beforeunload never fires for them;
   buttons marked replaces-edits (such as "Start a new resume") swap a form's text out. A capturing
   listener runs before Dash's own handlers and can stop either. */
document.addEventListener(
  "click",
  function (event) {
    if (!event.target.closest || !jobforgeHasUnsavedEdits()) {
      return;
    }
    const replacer = event.target.closest(".replaces-edits");
    const link = event.target.closest("a[href]");
    let question = "You have unsaved changes. Discard them?";
    if (!replacer) {
      if (!link || link.target === "_blank" || link.hasAttribute("download")) {
        return;
      }
      const url = new URL(link.href, window.location.href);
      if (url.origin === window.location.origin && url.pathname === window.location.pathname) {
        return;
      }
      question = JOBFORGE_LEAVE_QUESTION;
    }
    if (window.confirm(question)) {
      jobforgeLeaveConfirmedAt = Date.now();
    } else {
      event.preventDefault();
      event.stopPropagation();
    }
  },
  true
);

/* A callback the server refused (signed out elsewhere, session expired, a server error) would otherwise
   fail without a word, and a Save would look merely slow. Say what happened; the text stays on the page. */
const jobforgeRefusals = {
  401: "You are signed out (perhaps from another tab or device). Your text is still here: log in again in a new tab, then come back and save.",
  400: "This page is too old to save from. Your text is still here: copy it, reload the page, and paste it back.",
  413: "This text is too long to save; it is still here.",
  500: "Something went wrong on our side and this was not done. Your text is still here; try again in a moment.",
  503: "The database is unavailable right now. Your text is still on this page; try again in a minute.",
  504: "The server took too long to answer. Your text is still on this page; try again in a minute.",
};
function jobforgeShowRefusal(message) {
  let banner = document.getElementById("jobforge-refusal");
  if (!banner) {
    banner = document.createElement("div");
    banner.id = "jobforge-refusal";
    banner.setAttribute("role", "alert");
    banner.className = "alert alert-danger shadow jobforge-refusal";
    document.body.appendChild(banner);
  }
  banner.textContent = message;
  if (message === jobforgeRefusals[401]) {
    const link = document.createElement("a");
    link.href = "/login";
    link.target = "_blank";
    link.rel = "noopener";
    link.className = "alert-link ms-1";
    link.textContent = "Open the login page";
    banner.appendChild(link);
  }
}
const jobforgeFetch = window.fetch;
window.fetch = async function (resource, options) {
  const response = await jobforgeFetch.call(this, resource, options);
  const url = typeof resource === "string" ? resource : resource.url;
  const message = jobforgeRefusals[response.status] || (response.status >= 500 ? jobforgeRefusals[500] : undefined);
  if (url.includes("/_dash-update-component")) {
    if (message) {
      jobforgeShowRefusal(message);
    } else if (response.ok) {
      document.getElementById("jobforge-refusal")?.remove(); // signed in again: the warning is over
    }
  }
  return response;
};
