/* The dashboard's browser side: draws the board's cards from plain data, moves them by drag (SortableJS,
   assets/vendor) or by their "Move to" menu, draws the table's grid and tells it when its filters changed. */
(function () {
  const MOVE_STORE = "board-move";

  /* A script of the view's, run once per page. The dashboard's HTML may already link it (deferred scripts,
     features/dashboard/view_scripts.py); those run after this file, so their load or error is still to come. */
  const scripts = {};
  function watch(script) {
    return new Promise(function (resolve, reject) {
      script.addEventListener("load", resolve);
      script.addEventListener("error", function () {
        delete scripts[script.src]; // the next visit to the view tries again
        reject(new Error("Part of the page could not be loaded. Check your connection and reload the page."));
      });
    });
  }
  for (const script of document.querySelectorAll("script[defer][src]")) scripts[script.src] = watch(script);

  function loadScript(url) {
    const src = new URL(url, document.baseURI).href;
    if (!scripts[src]) {
      const script = document.createElement("script");
      script.src = src;
      scripts[src] = watch(script);
      document.head.appendChild(script);
    }
    return scripts[src];
  }

  /* Follow an in-app link without reloading the page, as dcc.Link does. */
  function navigate(href) {
    window.history.pushState({}, "", href);
    window.dispatchEvent(new CustomEvent("_dashprivate_pushstate"));
    window.scrollTo(0, 0);
  }
  window.jobforgeNavigate = navigate;

  function move(id, status) {
    window.dash_clientside.set_props(MOVE_STORE, { data: { id: id, status: status, nonce: Date.now() } });
  }

  function element(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function followUpText(iso) {
    // A date with no time: shown as written, in UTC, so no timezone moves it a day.
    const day = new Date(iso + "T00:00:00Z");
    return day.toLocaleDateString(undefined, { month: "short", day: "numeric", timeZone: "UTC" });
  }

  function card(data, status, labels) {
    const node = element("article", "board-card card card-body");
    node.dataset.id = data.id;
    const link = element("a", "board-card-company fw-semibold", data.company);
    link.href = "/applications/" + data.id;
    node.appendChild(link);
    node.appendChild(element("div", "board-card-role", data.role));
    const meta = element("div", "board-card-meta");
    const priority = element("span", "badge board-priority board-priority-" + data.priority, labels.priorities[data.priority]);
    priority.title = "Priority";
    meta.appendChild(priority);
    if (data.followUp) {
      const due = data.followUp <= new Date().toISOString().slice(0, 10);
      meta.appendChild(element("span", due ? "text-danger" : "", "Follow up " + followUpText(data.followUp)));
    }
    node.appendChild(meta);
    const select = element("select", "form-select form-select-sm board-move-select");
    select.id = "move-" + data.id;
    select.setAttribute("aria-label", "Move " + data.company + " (" + data.role + ") to");
    select.appendChild(element("option", "", "Move to…")).value = "";
    for (const [value, label] of Object.entries(labels.statuses)) {
      if (value !== status) select.appendChild(element("option", "", label)).value = value;
    }
    node.appendChild(select);
    return node;
  }

  function makeSortable(list) {
    if (list.dataset.sortable) return;
    list.dataset.sortable = "1";
    window.Sortable.create(list, {
      group: "board",
      animation: 150,
      draggable: ".board-card",
      filter: "select",
      preventOnFilter: false,
      // Mouse and touch events of Sortable's own rather than the browser's HTML5 drag and drop:
      // the same on every browser, and driveable by tests.
      forceFallback: true,
      fallbackTolerance: 4,
      onEnd: function (event) {
        if (event.to !== event.from) move(event.item.dataset.id, event.to.dataset.status);
      },
    });
  }

  document.addEventListener("change", function (event) {
    const select = event.target.closest && event.target.closest(".board-move-select");
    if (select && select.value) move(select.closest(".board-card").dataset.id, select.value);
  });

  document.addEventListener("click", function (event) {
    const link = event.target.closest && event.target.closest("a.board-card-company, a.grid-link");
    if (!link || event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey) {
      return;
    }
    event.preventDefault();
    navigate(link.getAttribute("href"));
  });

  /* The cards of each column, and for the callback: each column's count and whether "Show more" shows. */
  function drawBoard(data) {
    const counts = [];
    const more = [];
    for (const column of data.columns) {
      const list = document.getElementById("board-list-" + column.status);
      list.replaceChildren(...column.cards.map((each) => card(each, column.status, data)));
      if (!column.count) list.appendChild(element("p", "board-empty", "Nothing here yet"));
      makeSortable(list);
      counts.push(String(column.count));
      more.push({ display: column.cards.length < column.count ? "block" : "none" });
    }
    return [counts, more];
  }

  window.dash_clientside = Object.assign({}, window.dash_clientside, {
    jobforgeDashboard: {
      /* Drawn once SortableJS has run, so every card drawn can be dragged. */
      renderBoard: function (data, countIds, boardScripts) {
        const no = window.dash_clientside.no_update;
        if (!data) return [countIds.map(() => no), countIds.map(() => no)];
        return Promise.all(boardScripts.map(loadScript)).then(() => drawBoard(data));
      },
      /* The grid, drawn once AG Grid's bundle and chunk have run (features/dashboard/table.py). */
      loadGrid: function (bundle) {
        if (!bundle) return window.dash_clientside.no_update;
        return Promise.all(bundle.scripts.map(loadScript)).then(() => bundle.component);
      },
      /* The filters go into the grid's context, where every getRows request carries them to the
         server; purging the cache makes the grid ask again from the first block. */
      refreshTable: function (...args) {
        const gridId = args.pop().grid;
        const names = args.pop();
        const values = args.slice(1); // the first input is the view switch
        try {
          const api = window.dash_ag_grid.getApi(gridId);
          const context = api.getGridOption("context");
          names.forEach((name, i) => (context[name] = values[i]));
          api.purgeInfiniteCache();
        } catch (error) {
          return window.dash_clientside.no_update; // the grid is not drawn yet; its first request reads the context
        }
        return Date.now();
      },
      openRow: function (cell) {
        if (!cell || !cell.rowId || cell.colId === "company") {
          return window.dash_clientside.no_update; // the company cell is a link of its own
        }
        return "/applications/" + cell.rowId;
      },
    },
  });
})();
