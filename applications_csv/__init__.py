"""Applications as CSV: the export's columns and cells, reading other files, and mapping their columns."""
