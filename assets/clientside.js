/* Job Forge's clientside callbacks: instant preview and edit tracking, with no server round trip. */
window.dash_clientside = Object.assign({}, window.dash_clientside, {
  jobforge: {
    preview: function (text) {
      return text || "";
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
