"""Callback requests checked for the shape dash-renderer sends before Dash reads them: any other is a 400.

Dash indexes the body as it expects it to be, so a body that is not (an unknown output, inputs that
are not a list, a missing id) raised KeyError or TypeError deep inside it: a 500 and a traceback in
the log for every forged or broken request. Values are checked by each callback (callback_inputs).
"""

import json
import logging
from functools import lru_cache

import dash
from flask import Flask, request

log = logging.getLogger("jobforge")

REFUSED = "This request is not one the page sends."


def _is_item(item) -> bool:
    return isinstance(item, dict) and isinstance(item.get("id"), str | dict) and isinstance(item.get("property"), str)


@lru_cache(maxsize=1024)
def _pattern_keys(declared_id: str) -> frozenset | None:
    """The keys of a pattern-matching id, which Dash's callback map holds as JSON text; None for a plain id."""
    return frozenset(json.loads(declared_id)) if declared_id.startswith("{") else None


def _matches(item, declared: dict) -> bool:
    """An input or state as sent for its declaration: the same id and property, or for a pattern id,
    an id with the same keys; ALL and ALLSMALLER patterns send a list of them."""
    keys = _pattern_keys(declared["id"])
    if keys is None:
        return _is_item(item) and item["id"] == declared["id"] and item["property"] == declared["property"]
    items = item if isinstance(item, list) else [item]
    # The pattern itself as the id (no component matched it) is an entry Dash reads without harm.
    return all(
        _is_item(one)
        and (one["id"] == declared["id"] or (isinstance(one["id"], dict) and one["id"].keys() == keys))
        and one["property"] == declared["property"]
        for one in items
    )


def _all_match(sent, declared: list[dict]) -> bool:
    return isinstance(sent, list) and len(sent) == len(declared) and all(map(_matches, sent, declared))


def _outputs_well_formed(outputs) -> bool:
    if isinstance(outputs, dict):
        return _is_item(outputs)
    return isinstance(outputs, list) and all(
        _is_item(one) or (isinstance(one, list) and all(map(_is_item, one))) for one in outputs
    )


def problem(body, callback_map: dict) -> str | None:
    """What is wrong with a callback request's body, or None when it has the renderer's shape."""
    if not isinstance(body, dict):
        return "not a JSON object"
    output = body.get("output")
    if not isinstance(output, str) or output not in callback_map:
        return "no such callback"
    callback = callback_map[output]
    if not _all_match(body.get("inputs"), callback["inputs"]):
        return "inputs unlike the callback's"
    if not _all_match(body.get("state", []), callback["state"]):
        return "state unlike the callback's"
    if not callback.get("no_output") and not _outputs_well_formed(body.get("outputs")):
        return "outputs malformed"
    changed = body.get("changedPropIds", [])
    if not isinstance(changed, list) or not all(isinstance(prop_id, str) for prop_id in changed):
        return "changedPropIds malformed"
    return None


def install_callback_envelope_check(server: Flask, app: dash.Dash) -> None:
    """Refuses malformed callback bodies with 400 and one log line; after sign-in and CSRF checks."""
    path = app.config.routes_pathname_prefix + "_dash-update-component"

    @server.before_request
    def check_callback_envelope():
        if request.method != "POST" or request.path != path:
            return None
        found = problem(request.get_json(silent=True), app.callback_map)
        if found is None:
            return None
        log.warning("Refused a callback request: %s", found)
        return REFUSED, 400
