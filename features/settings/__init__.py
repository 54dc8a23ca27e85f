"""The settings page's features: AI writing, the calendar link, the profile, and the person's data."""
