/* Job Forge's clientside callbacks: instant preview and edit tracking, with no server round trip. */
window.dash_clientside = Object.assign({}, window.dash_clientside, {
  jobforge: {
    preview: function (text) {
      return text || "";
    },
    dirty: function (text, saved) {
      return (text || "") !== (saved || "") ? "Unsaved changes" : "";
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
