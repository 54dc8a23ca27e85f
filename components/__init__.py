"""Layout pieces shared by more than one page."""
