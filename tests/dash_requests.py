"""Dash callback requests built as dash-renderer builds them, for tests that replay or forge them."""

import json
import re
import time


def _parse_outputs(output: str) -> list[dict]:
    """'..a.children...{"doc":"x"}.value@hash..' → [{'id': 'a', 'property': 'children'}, ...]."""
    outputs = []
    for part in output.strip(".").split("..."):
        component, _, prop = part.rpartition(".")
        outputs.append(
            {"id": json.loads(component) if component.startswith("{") else component, "property": prop.split("@")[0]}
        )
    return outputs


def _key(component_id) -> str:
    return component_id if isinstance(component_id, str) else json.dumps(component_id, sort_keys=True)


class DashPage:
    """One page load by a signed-in test client: its end_id, its CSRF header and the app's callbacks."""

    def __init__(self, client, path: str = "/"):
        page = client.get(path).get_data(as_text=True)
        config = re.search(r'<script id="_dash-config" type="application/json">(.*?)</script>', page, re.S)
        self.client = client
        self.end_id = json.loads(config.group(1))["end_id"]
        self.headers = {"X-CSRFToken": client.get_cookie("_csrf_token").value}
        self.callbacks = client.get("/_dash-dependencies").get_json()

    def callback_for(self, component_id, prop: str, output: str = "") -> dict:
        """The (first) callback that `component_id.prop` triggers, among those whose output names `output`."""
        wanted = _key(component_id)
        return next(
            dep
            for dep in self.callbacks
            if output in dep["output"]
            and any(_key(item["id"]) == wanted and item["property"] == prop for item in dep["inputs"])
        )

    def body(self, callback: dict, values: dict, changed: list[str]) -> dict:
        """A request body for `callback`; `values` maps (id, property) to what the browser would send."""

        def filled(items):
            return [{**item, "value": values.get((_key(item["id"]), item["property"]))} for item in items]

        outputs = _parse_outputs(callback["output"])
        return {
            "output": callback["output"],
            # dash-renderer sends a single output as itself, several as a list.
            "outputs": outputs if callback["output"].startswith("..") else outputs[0],
            "inputs": filled(callback["inputs"]),
            "state": filled(callback["state"]),
            "changedPropIds": changed,
        }

    def post(self, body: dict, end_id: str | None = None, **handles):
        """POSTs a callback request; the query holds this page's end_id (or another's) and any job handles."""
        query = "&".join(f"{name}={value}" for name, value in {"endId": end_id or self.end_id, **handles}.items())
        return self.client.post(f"/_dash-update-component?{query}", json=body, headers=self.headers)

    def start_background(self, body: dict) -> dict:
        """Starts a background callback; returns its handles (cacheKey, job) as the browser keeps them."""
        response = self.post(body)
        assert response.status_code == 200, response.get_data(as_text=True)
        data = response.get_json()
        return {"cacheKey": data["cacheKey"], "job": data["job"]}

    def poll(self, body: dict, handles: dict, end_id: str | None = None):
        """One poll for a background callback's progress or result, inputs blanked as the browser does."""

        def blanked(items):  # a pattern-matching ALL input is a list of items
            return [blanked(item) if isinstance(item, list) else {**item, "value": None} for item in items]

        blank = {**body, "inputs": blanked(body["inputs"]), "state": blanked(body["state"])}
        return self.post(blank, end_id, **handles)

    def poll_until_done(
        self, body: dict, handles: dict, timeout: float = 30, end_id: str | None = None
    ) -> tuple[dict, list[str]]:
        """Polls until the result arrives: (the final response, every response body seen on the way). Handles are
        signed for the page (end_id) the job was started from: this one's, or `end_id`."""
        seen = []
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            response = self.poll(body, handles, end_id)
            text = response.get_data(as_text=True)
            seen.append(text)
            if response.status_code == 200 and '"response"' in text:
                return response.get_json(), seen
            time.sleep(0.2)
        raise AssertionError(f"no result within {timeout} s; last: {seen[-1][:300] if seen else None}")
