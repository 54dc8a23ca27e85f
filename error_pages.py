"""Error responses: small static pages, the same status for callbacks, and nothing that touches the database.

Templates are not used here: rendering one runs flask-login's context processor, which loads the
signed-in person from the database, and during an outage that would wait for a connection again.
"""

import logging

import psycopg
from flask import Flask, Response, request
from flask_wtf.csrf import CSRFError
from markupsafe import escape

log = logging.getLogger("jobforge")

DATABASE_DOWN = "The database is unavailable right now. Your text is still on this page; try again in a minute."
TOO_SLOW = "This took too long and was stopped. Your text is still on this page; try again in a minute."
TOO_LONG = "This text is too long to save; it is still here."
OUT_OF_DATE = "Your form was open too long or came from elsewhere. Go back, reload and try again."
SERVER_ERROR = "Something went wrong on our side. Nothing you saved was lost."

_PAGE = """<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Job Forge</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="/assets/bootstrap.min.css"></head><body class="container py-5">
<h1 class="h4">{title}</h1><p>{message}</p><p><a href="/">Back to the dashboard</a></p></body></html>"""


def error_page(title: str, message: str, status: int, **headers) -> Response:
    body = _PAGE.format(title=escape(title), message=escape(message))
    return Response(body, status=status, mimetype="text/html", headers=headers)


def install_error_pages(server: Flask) -> None:
    @server.errorhandler(CSRFError)
    def csrf_failed(_error):
        return error_page("Please try again", OUT_OF_DATE, 400)

    @server.errorhandler(413)
    def too_long(_error):
        return error_page("Too long to save", TOO_LONG, 413)

    @server.errorhandler(psycopg.errors.QueryCanceled)
    def statement_timed_out(_error):
        log.warning("a statement ran past its timeout: %s %s", request.method, request.path)
        return error_page("That took too long", TOO_SLOW, 504)

    @server.errorhandler(psycopg.OperationalError)
    def database_unavailable(error):
        # One line: the outage is the news, a traceback per request during it would bury the log.
        log.warning("database unavailable (%s): %s %s", type(error).__name__, request.method, request.path)
        return error_page("The database is unavailable", DATABASE_DOWN, 503, **{"Retry-After": "60"})

    @server.errorhandler(500)
    def server_error(_error):
        return error_page("Sorry", SERVER_ERROR, 500)
