"""Component ids of the import page, shared by its upload, mapping and report features."""

from applications_csv.mapping import FIELD_LABELS


class Ids:
    upload = "import-upload"
    upload_message = "import-upload-message"
    summary = "import-summary"  # a dcc.Store: the header, the first rows and each column's values (small)
    mapping_panel = "import-mapping"
    about = "import-about"
    day_first = "import-day-first"
    day_first_help = "import-day-first-help"
    statuses = "import-statuses"
    preview = "import-preview"
    start = "import-start"
    start_message = "import-start-message"
    report = "import-report"

    @staticmethod
    def column(field: str) -> str:
        """The select saying which column holds `field`."""
        return f"import-column-{field.replace('_', '-')}"


COLUMN_SELECTS = {name: Ids.column(name) for name in FIELD_LABELS}
