/* Cell renderers for dash-ag-grid (it reads them from this global by name). */
var dagcomponentfuncs = (window.dashAgGridComponentFunctions = window.dashAgGridComponentFunctions || {});

/* The company as a real link to the application: keyboard, middle-click and screen readers know it.
   assets/dashboard.js follows it without reloading the page. */
dagcomponentfuncs.ApplicationLink = function (props) {
  if (!props.data) return null; // a row still loading
  return React.createElement("a", { href: "/applications/" + props.data.id, className: "grid-link" }, props.value);
};
