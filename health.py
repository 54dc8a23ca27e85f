"""GET /health for load balancers and Docker: 200 "ok" while the database answers, else 503 "unavailable".

No session, template or Dash machinery is involved, and nothing else is said: the route is public.
"""

from flask import Blueprint, Response

from db.connection import database_answers

blueprint = Blueprint("health", __name__)


# Let through without a session by auth/guard.py (endpoint "health.health").
@blueprint.get("/health", endpoint="health")
def health() -> Response:
    if database_answers():
        return Response("ok", mimetype="text/plain")
    return Response("unavailable", status=503, mimetype="text/plain", headers={"Retry-After": "10"})
