"""The frame around every page: the navigation bar and the page container."""

import dash
import dash_bootstrap_components as dbc
from dash import Input, Output, State, clientside_callback, dcc, html
from flask import has_request_context
from flask_login import current_user
from flask_wtf.csrf import generate_csrf


def _logout_form() -> html.Form:
    # A POST with the CSRF token: a link to /logout could be triggered by any other site.
    token = generate_csrf() if has_request_context() else ""
    return html.Form(
        [
            dcc.Input(type="hidden", name="csrf_token", value=token),
            html.Button("Log out", type="submit", className="btn btn-outline-light btn-sm"),
        ],
        method="POST",
        action="/logout",
        className="d-flex ms-lg-3",
    )


def navbar() -> dbc.Navbar:
    signed_in = has_request_context() and current_user.is_authenticated
    links = [
        dbc.NavItem(dbc.NavLink("Dashboard", href="/", active="exact")),
        dbc.NavItem(dbc.NavLink("New application", href="/applications/new", active="exact")),
        dbc.NavItem(dbc.NavLink("Resumes", href="/resumes", active="exact")),
        dbc.NavItem(dbc.NavLink("Search", href="/search", active="exact")),
        dbc.NavItem(dbc.NavLink("Settings", href="/settings", active="exact")),
    ]
    right = []
    if signed_in:
        right = [html.Span(current_user.full_name, className="navbar-text text-light me-2 user-name"), _logout_form()]
    return dbc.Navbar(
        dbc.Container(
            [
                dbc.NavbarBrand("Job Forge", href="/", class_name="brand"),
                dbc.NavbarToggler(id="navbar-toggler"),
                dbc.Collapse(
                    [
                        dbc.Nav(links, navbar=True, class_name="me-auto"),
                        html.Div(right, className="d-flex align-items-center"),
                    ],
                    id="navbar-collapse",
                    navbar=True,
                ),
            ]
        ),
        color="dark",
        dark=True,
        class_name="mb-4",
    )


@dash.hooks.index()
def declare_language(index: str) -> str:
    # Screen readers pick their voice and pronunciation from <html lang>; Dash's page template has none.
    return index.replace("<html>", '<html lang="en">', 1)


def layout() -> html.Div:
    return html.Div([navbar(), dbc.Container(dash.page_container, class_name="pb-5")])


clientside_callback(
    "function (clicks, isOpen) { return clicks ? !isOpen : isOpen; }",
    Output("navbar-collapse", "is_open"),
    Input("navbar-toggler", "n_clicks"),
    State("navbar-collapse", "is_open"),
)
