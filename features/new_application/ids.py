"""Component ids of the new-application page, shared by its form, the duplicate notice and Import from link."""

FIELDS = {
    "company": "new-company",
    "role_title": "new-role-title",
    "job_description": "new-job-description",
    "job_url": "new-job-url",
    "location": "new-location",
}


class Ids:
    SAVE = "new-application-save"
    REDIRECT = "new-application-redirect"
