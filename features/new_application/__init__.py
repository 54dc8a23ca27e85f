"""Features of the new-application page."""
