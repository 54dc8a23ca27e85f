"""Job postings read from the web: a safe fetcher and a parser of the pages it brings."""
