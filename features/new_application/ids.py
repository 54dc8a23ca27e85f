"""Component ids of the new-application form, shared by the page and its duplicate notice."""

FIELDS = {
    "company": "new-company",
    "role_title": "new-role-title",
    "job_description": "new-job-description",
    "job_url": "new-job-url",
    "location": "new-location",
}
