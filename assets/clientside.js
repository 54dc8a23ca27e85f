/* Job Forge's clientside callbacks: instant preview and edit tracking, with no server round trip. */
window.dash_clientside = Object.assign({}, window.dash_clientside, {
  jobforge: {
    /* Images become their alt text and only web/mail links stay links: a generated document must not
       make the browser fetch an address a posting planted (it could carry the resume out). */
    preview: function (text) {
      return (text || "")
        .replace(/!\[([^\]]*)\]\([^)]*\)/g, "$1")
        .replace(/\]\((?!https?:|mailto:|#)[^)]*\)/gi, "]()");
    },
    /* Marks a document with unsaved edits, and asks before the tab is closed while any has them. */
    dirty: function (text, saved) {
      const ctx = window.dash_clientside.callback_context;
      const doc = ctx.outputs_list ? ctx.outputs_list.id.doc : "";
      const unsaved = (text || "") !== (saved || "");
      window.jobforgeUnsaved = Object.assign({}, window.jobforgeUnsaved, { [doc]: unsaved });
      const anyUnsaved = Object.values(window.jobforgeUnsaved).some(Boolean);
      window.onbeforeunload = anyUnsaved ? (event) => { event.preventDefault(); return ""; } : null;
      return unsaved ? "Unsaved changes" : "";
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
  },
});
