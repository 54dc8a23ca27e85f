"""The dashboard's features: the board, the table and the overview, each with its ids and callbacks."""
