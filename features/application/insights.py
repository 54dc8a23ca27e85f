"""What the application page tells about the fit: grounding flags, the match score, similar applications."""

import dash_bootstrap_components as dbc
from dash import MATCH, Input, Output, State, callback, ctx, dcc, html
from flask_login import current_user

import config
from ai.embeddings import EmbeddingError, get_embedder
from ai.grounding import check_grounding
from ai.match import match_score
from components.document_editor import Part, doc_id
from db import documents as document_queries
from db import embeddings as embedding_queries
from db import resumes as resume_queries
from db import users as user_queries
from db.connection import user_tx
from features.application import common, generation
from features.application.common import load_application, parse_id

GROUNDED = ("resume", "cover_letter")  # documents whose facts must all come from the resumes


class Ids:
    match = "match-score"
    match_number = "match-number"
    similar = "similar-applications"


def insights_row() -> dbc.Row:
    return dbc.Row(
        [
            dbc.Col(
                dbc.Card([dbc.CardHeader("Match score"), dbc.CardBody(dcc.Loading(html.Div(id=Ids.match)))]),
                lg=7,
                class_name="mb-4",
            ),
            dbc.Col(
                dbc.Card(
                    [
                        dbc.CardHeader("Similar applications"),
                        dbc.CardBody(dcc.Loading(html.Div(id=Ids.similar))),
                    ]
                ),
                lg=5,
                class_name="mb-4",
            ),
        ]
    )


def _flags_view(text: str, sources: list[str], allowed: list[str]):
    if not text.strip():
        return None
    flags = check_grounding(text, sources, allowed)
    if not flags:
        return dbc.Alert(
            "Every employer, title, year, number and skill here is in your resumes.",
            color="success",
            class_name="py-2 small grounding-ok",
        )
    return dbc.Alert(
        [html.Div("Check these: not found in your resumes", className="fw-semibold mb-1")]
        + [html.Div(flag.message, className="grounding-flag") for flag in flags],
        color="warning",
        class_name="py-2 small grounding-flags",
    )


@callback(
    Output(doc_id(Part.flags, MATCH), "children"),
    Input(doc_id(Part.version, MATCH), "data"),
    State(common.Ids.application_id, "data"),
)
def show_grounding(_version, application_id):
    """Checks the saved text again whenever a version lands: page load, generation, save, restore.

    The letter may name the company, the role and its signer although no resume does.
    """
    phase = ctx.outputs_list["id"]["doc"]
    if phase not in GROUNDED:
        return None
    with user_tx(current_user.id) as conn:
        application = load_application(conn, application_id)
        document = application and document_queries.get_document(conn, application["id"], phase)
        if not document:
            return None
        sources = [resume["content"] for resume in resume_queries.list_resumes(conn)]
        profile = user_queries.get_current_user(conn)
    allowed = [application["company"], application["role_title"], f"{profile['first_name']} {profile['last_name']}"]
    return _flags_view(document["content"], sources, allowed)


def _match_view(result) -> list:
    score_color = "success" if result.score >= 70 else "warning" if result.score >= 40 else "danger"
    header = [
        html.Span(f"{result.score}", className=f"display-6 fw-semibold text-{score_color} me-2", id=Ids.match_number),
        html.Span("/ 100", className="text-body-secondary me-3"),
    ]
    if result.provisional:
        header.append(dbc.Badge(result.provisional_reason, color="secondary"))
    summary = html.P(
        f"Keywords covered: {result.keyword_coverage:.0%} of the posting's skills · "
        f"similarity of the whole texts: {result.semantic_similarity:.2f}",
        className="small text-body-secondary mt-2",
    )
    items = []
    for match in result.requirements:
        kind = "Must-have" if match.must_have else "Nice to have"
        if match.met:
            how = "by keywords" if match.matched_by == "keywords" else "by meaning"
            detail = html.Div([f"Evidence ({how}): ", html.Q(match.evidence)], className="small text-body-secondary")
            mark = dbc.Badge("found", color="success", class_name="me-2")
        else:
            detail = html.Div("Missing from your resume.", className="small text-danger-emphasis")
            mark = dbc.Badge("missing", color="danger", class_name="me-2")
        items.append(
            html.Li(
                [mark, html.Span(match.requirement), html.Span(f" · {kind}", className="small"), detail],
                className="mb-2 requirement-item",
            )
        )
    improve = []
    if result.to_improve:
        improve = [
            html.Div("What would raise the score", className="fw-semibold mt-3 mb-1"),
            html.Ul([html.Li(item) for item in result.to_improve], className="small mb-0"),
        ]
    header_row = html.Div(header, className="d-flex align-items-center flex-wrap")
    return [header_row, summary, html.Ul(items, className="list-unstyled mb-0"), *improve]


@callback(
    Output(Ids.match, "children"),
    Input(generation.Ids.resumes, "value"),  # set once the page has loaded, then by the person
    State(common.Ids.application_id, "data"),
)
def show_match(resume_ids, application_id):
    with user_tx(current_user.id) as conn:
        application = load_application(conn, application_id)
        if application is None:
            return None
        resumes = resume_queries.list_resumes(conn)
    chosen = [resume for resume in resumes if str(resume["id"]) in set(resume_ids or [])] or resumes[:1]
    if not chosen:
        return html.P(["Add a resume to see how well it fits: ", dcc.Link("Go to resumes", href="/resumes")])
    resume_text = "\n\n".join(resume["content"] for resume in chosen)
    try:
        result = match_score(resume_text, application["job_description"], get_embedder(config.active()))
    except EmbeddingError:
        return dbc.Alert(
            "The match score needs the embedding service, which did not answer. Reload later.", color="warning"
        )
    return _match_view(result)


@callback(Output(Ids.similar, "children"), Input(common.Ids.application_id, "data"))
def show_similar(application_id):
    parsed = parse_id(application_id)
    if parsed is None:
        return None
    embedder = get_embedder(config.active())
    with user_tx(current_user.id) as conn:
        rows = embedding_queries.similar_applications(conn, parsed, embedder.model)
    if not rows:
        return html.P(
            "None yet: applications with similar postings show up here.", className="text-body-secondary mb-0"
        )
    return html.Ul(
        [
            html.Li(
                [
                    # A full page load: the same ids on the next application's page would otherwise
                    # receive this one's running generation.
                    dcc.Link(
                        f"{row['role_title']} at {row['company']}",
                        href=f"/applications/{row['application_id']}",
                        refresh=True,
                    ),
                    html.Span(f" · {row['similarity']:.0%} alike", className="small text-body-secondary"),
                ],
                className="mb-1",
            )
            for row in rows
        ],
        className="mb-0 similar-list",
    )
