"""Features of the resumes page: the list, the form, uploading a file into it, and deleting."""
