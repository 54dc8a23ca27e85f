/* Charts load a partial plotly.js bundle (assets/lazy/), and only on a page that draws a chart. */
/* dcc.Graph already loads plotly.js lazily: when the first chart renders it adds a script from
   window._dashPlotlyJSURL, which dash-renderer points at plotly's full bundle (4.8 MB, 1.4 MB compressed, an
   unfingerprinted URL). The finance bundle has every trace the app draws (bar, funnel, pie, scatter, indicator,
   histogram) in 1.3 MB, 0.37 MB compressed, at a versioned URL cached for a year. The accessor keeps
   dash-renderer's own assignment (made when it starts) from replacing the URL; its setter ignores it without
   throwing. If a Dash upgrade renames the variable, charts still work and load the full bundle again; a test
   (tests/e2e/test_page_weight.py) then fails. */
(function () {
  var config = JSON.parse(document.getElementById("_dash-config").textContent);
  var url = config.requests_pathname_prefix + "assets/lazy/plotly-finance-4.1.0.min.js";
  Object.defineProperty(window, "_dashPlotlyJSURL", {
    get: function () {
      return url;
    },
    set: function () {},
  });
})();
