"""Many simulated people using the app at once, as deployed: `python -m bench.load` (see __main__.py)."""
