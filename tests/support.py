"""Factories for tests: people and their applications, made through the real data layer."""

from datetime import date

from db import applications
from db.connection import anonymous_tx, user_tx
from db.users import create_user, find_login
from tests.conftest import AuthActions, unique_email

POSTING = "We are hiring a backend engineer for Go services and PostgreSQL. " * 2


def make_person(first_name: str = "Pat", last_name: str = "Person") -> str:
    """A new account (no password that signs in); returns its user id."""
    with anonymous_tx() as conn:
        return create_user(conn, unique_email(first_name.lower()), "not-a-hash", first_name, last_name)


def make_application(user_id, company: str = "Acme", role_title: str = "Engineer", **details):
    """An application of `user_id`'s; any field of applications.DETAIL_FIELDS may be given."""
    job_description = details.pop("job_description", POSTING)
    job_url = details.pop("job_url", None)
    location = details.pop("location", None)
    status = details.pop("status", None)
    with user_tx(user_id) as conn:
        application_id = applications.create_application(
            conn, company, role_title, job_description, job_url, location, **details
        )
        if status:
            applications.set_status(conn, application_id, status)
    return application_id


def resume_pdf(text: str, **encryption) -> bytes:
    """A PDF of `text` as a word processor makes one (embedded font, text layer); `encryption` as fpdf2's
    set_encryption takes it (owner_password, user_password)."""
    from fpdf import FPDF

    from exports.pdf_writer import FONT_DIR

    pdf = FPDF()
    if encryption:
        pdf.set_encryption(**encryption)
    pdf.add_page()
    pdf.add_font("dejavu", "", FONT_DIR / "DejaVuSans.ttf")
    pdf.set_font("dejavu", size=10)
    pdf.multi_cell(0, 5, text)
    return bytes(pdf.output())


def scanned_pdf(text: str) -> bytes:
    """A PDF as a scanner makes one: each page a picture of the text, no text layer."""
    from fpdf import FPDF
    from PIL import Image, ImageDraw

    picture = Image.new("L", (800, 1100), 255)
    ImageDraw.Draw(picture).multiline_text((40, 40), text[:1500], fill=0)
    pdf = FPDF()
    pdf.add_page()
    pdf.image(picture, x=0, y=0, w=210)
    return bytes(pdf.output())


def resume_docx(markdown_text: str) -> bytes:
    """A Word document of a markdown resume, as people write them in Word: "#" lines in Heading
    styles, "- " lines in List Bullet, the rest as paragraphs."""
    import io

    import docx

    document = docx.Document()
    for line in markdown_text.splitlines():
        heading = len(line) - len(line.lstrip("#"))
        if heading and line[heading:].startswith(" "):
            document.add_heading(line[heading:].strip(), level=heading)
        elif line.startswith("- "):
            document.add_paragraph(line[2:], style="List Bullet")
        elif line.strip():
            document.add_paragraph(line)
    saved = io.BytesIO()
    document.save(saved)
    return saved.getvalue()


# The tables that hold people's rows (users, and every table with a user_id column), from the catalog.
CATALOG_TENANT_TABLES = """
    select c.relname as name, c.relrowsecurity as enabled, c.relforcerowsecurity as forced
    from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = 'public' and c.relkind in ('r', 'p')
      and (c.relname = 'users'
           or exists (select 1 from pg_attribute a
                      where a.attrelid = c.oid and a.attname = 'user_id' and not a.attisdropped))
    order by 1
"""


def tenant_rows(user_id) -> dict[str, list[str]]:
    """Every row of `user_id`'s in every tenant table, as row level security shows them to that person, as
    JSON of the columns the application role may read (not the password hash)."""
    from psycopg import sql

    readable = """
        select attname from pg_attribute
        where attrelid = %s::regclass and attnum > 0 and not attisdropped
          and has_column_privilege(attrelid, attnum, 'SELECT')
        order by attnum
    """
    rows = {}
    with user_tx(user_id) as conn:
        for (name,) in [(row["name"],) for row in conn.execute(CATALOG_TENANT_TABLES)]:
            columns = [sql.Identifier(row["attname"]) for row in conn.execute(readable, (name,))]
            query = sql.SQL("select to_jsonb(t)::text as data from (select {} from {}) t order by 1").format(
                sql.SQL(", ").join(columns), sql.Identifier(name)
            )
            rows[name] = [row["data"] for row in conn.execute(query)]
    return rows


def make_rows_in_every_table(user_id) -> dict:
    """One row of `user_id`'s in every tenant table; returns their ids by table (and by parent name)."""
    from db import calendar_feeds, contacts, documents, events, interviews, resumes, submissions

    with user_tx(user_id) as conn:
        resume_id = resumes.create_resume(
            conn, "Main", "Staff engineer with ten years of Go and Kubernetes. " * 3, True
        )
        application_id = applications.create_application(conn, "Acme", "Engineer", POSTING, None, None)
        document = documents.save_version(conn, application_id, "cover_letter", "Dear Acme", "generated", None)
        version_id = conn.execute(
            "select id from document_versions where document_id = %s", (document["id"],)
        ).fetchone()["id"]
        interview_id = interviews.add_interview(conn, application_id, "2026-12-01 10:00+00", "technical")
        contact_id = contacts.add_contact(conn, application_id, "Sam Lee", "Recruiter", "sam@acme.example")
        submission = submissions.record_sent(conn, application_id, "2026-11-30")
        event_id = events.list_for(conn, application_id)[0]["id"]
        calendar_feeds.reset_token(conn)
        embedding_id = conn.execute(
            "insert into embeddings (user_id, application_id, model, dims, embedding)"
            " values (app_current_user_id(), %s, 'test', 3, '[1,0,0]') returning id",
            (application_id,),
        ).fetchone()["id"]
    return {
        "user": user_id,
        "users": user_id,
        "user_resumes": resume_id,
        "applications": application_id,
        "application": application_id,
        "documents": document["id"],
        "document": document["id"],
        "document_versions": version_id,
        "embeddings": embedding_id,
        "interviews": interview_id,
        "contacts": contact_id,
        "application_submissions": submission["id"],
        "application_events": event_id,
        "calendar_feeds": user_id,
    }


def user_id_of(email: str):
    """The id of the person who signed up with `email`."""
    with anonymous_tx() as conn:
        return find_login(conn, email)["id"]


def sign_up_client(app, email: str | None = None):
    """A test client signed up (through the real form) as a new person: (their user id, the client)."""
    client = app.server.test_client()
    email = email or unique_email()
    AuthActions(client).register(email=email)
    return user_id_of(email), client


# An application with a value in every field make_application takes, with text a CSV file must quote
# or neutralise (commas, quotes, line breaks, formula starts, accents).
EVERY_FIELD = {
    "company": "Zürich Versicherung, AG",
    "role_title": 'Senior "Platform" Engineer',
    "job_description": POSTING,
    "status": "offer",
    "job_url": "https://jobs.example/1?ref=a,b",
    "location": "Zürich",
    "salary_min": 120000,
    "salary_max": 150000,
    "salary_currency": "CHF",
    "source": '=HYPERLINK("http://evil")',
    "priority": "high",
    "notes": '- first\n- second, with a comma\n\n@mention and "quotes"',
    "applied_on": date(2026, 3, 1),
    "follow_up_on": date(2026, 3, 15),
}


def make_every_kind_of_application(user_id) -> None:
    """Applications of `user_id`'s: EVERY_FIELD, then others with formula starts, no posting, one archived,
    in several statuses."""
    make_application(user_id, **EVERY_FIELD)
    make_application(user_id, "+Plus Co", "-Minus role", status="no_response", notes="'=already marked")
    make_application(user_id, "Plain", "Draft", job_description="", priority="low")
    archived = make_application(user_id, "Gone", "Analyst", status="rejected", job_description="Line one\r\nLine two")
    with user_tx(user_id) as conn:
        applications.set_archived(conn, archived, True)


def make_application_with_everything(user_id, company: str = "Northwind Cloud", role_title: str = "Platform Engineer"):
    """An application of `user_id`'s in interview, with its three documents, an interview, a contact and a
    sent version on its timeline; returns its id."""
    from db import contacts, documents, interviews, submissions

    application_id = make_application(
        user_id, company, role_title, status="applied", follow_up_on=date.today(), notes="Referred by **Sam**."
    )
    with user_tx(user_id) as conn:
        for doc_type, text in (
            ("research", "## Must-haves\n\n- Go\n- PostgreSQL"),
            ("resume", "# Pat Person\n\n- Built Go services on PostgreSQL"),
            ("cover_letter", "Dear Northwind,\n\nI build Go services."),
        ):
            documents.save_version(conn, application_id, doc_type, text, "generated", None, "offline", "offline-1")
        submissions.record_sent(conn, application_id, date.today())
        applications.set_status(conn, application_id, "interview")
        interviews.add_interview(conn, application_id, f"{date.today().isoformat()} 15:00+00", "technical", "Systems")
        contacts.add_contact(conn, application_id, "Sam Lee", "Recruiter", "sam@northwind.example")
    return application_id
