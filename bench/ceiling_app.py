"""The stack's ceiling: a bare Flask + psycopg endpoint per dashboard callback, same SQL, same RLS.

Each endpoint runs in one user_tx (set_config included) exactly the data-layer calls that the
callback makes (bench/dashboard_load.QUERIES) and returns their rows as JSON: no Dash, no
components, no sign-in. Served by gunicorn with the same worker settings as the app:
    DATABASE_URL=... gunicorn -w 2 -b 127.0.0.1:PORT 'bench.ceiling_app:create()'
The person is named in the URL: /<query name>/<user id>.
"""

import json
import os

from flask import Flask, Response

from db.connection import use_database, user_tx


def create() -> Flask:
    from bench.dashboard_load import QUERIES

    use_database(os.environ["DATABASE_URL"], 1, 10)
    server = Flask(__name__)

    @server.get("/<name>/<user_id>")
    def run(name: str, user_id: str):
        with user_tx(user_id) as conn:
            data = QUERIES[name](conn, user_id)
        return Response(json.dumps(data, default=str), mimetype="application/json")

    return server
