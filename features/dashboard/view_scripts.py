"""The dashboard's HTML links the scripts of the person's view, so they download with the page's own.

Which view to show is known only once a callback has asked the database, after Dash's own scripts
have run; a table whose AG Grid (500 KB compressed, 2.2 MB to parse) is fetched only then is drawn
a second or so later than the board. So `/` links the chosen view's scripts as deferred scripts:
fetched at once beside Dash's, run when the document is parsed, before any callback needs them.
assets/dashboard.js waits for these rather than fetching them again; a person who switches view
on the page gets that view's scripts then, as before.
"""

import html

import dash
from flask import request
from flask_login import current_user

from db import users
from db.connection import user_tx
from features.dashboard import board, table

VIEW_SCRIPTS = {"board": board.scripts, "table": table.grid_scripts}  # the overview's plotly loads with its chart


@dash.hooks.index()
def link_view_scripts(index: str) -> str:
    # The page's HTML, not its layout (a skeleton that queries nothing): one indexed read per load of `/`.
    if request.path != dash.get_relative_path("/") or not current_user.is_authenticated:
        return index
    with user_tx(current_user.id) as conn:
        scripts = VIEW_SCRIPTS.get(users.get_dashboard_view(conn))
    if scripts is None:
        return index
    tags = "".join(f'<script defer src="{html.escape(url)}"></script>' for url in scripts())
    return index.replace("</head>", f"{tags}</head>", 1)
