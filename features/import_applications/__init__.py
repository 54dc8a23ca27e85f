"""The import page's features: choosing a file, mapping its columns with a preview, and the report."""
