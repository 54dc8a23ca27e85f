"""AI for Job Forge: reading resumes and postings, and drafting documents from them."""
