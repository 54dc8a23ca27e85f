"""How long exporting a typical cover letter and resume takes in each format (figures only, no pass/fail)."""

# Run: .venv/bin/python bench/export_speed.py
# "first" includes importing python-docx / fpdf2 and reading the font tables once per process, as the
# first download after the app starts does; "typical" is the median of the calls after it.

import statistics
import sys
import time
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT_ROOT))

from exports import FORMATS, export_document  # noqa: E402

RUNS = 15

HARD_BREAK = "  "  # markdown's line break: two spaces at the end of a line

COVER_LETTER = f"""\
# Jordan Ellis

Lisbon · jordan.ellis@example.com · [linkedin.com/in/jordan-ellis](https://linkedin.com/in/jordan-ellis)

Dear Hiring Team at Northwind Cloud,

I’m writing to apply for the **Senior Backend Engineer** role. For six years I have built and run the kind of
services your posting describes — Go microservices on Kubernetes, event pipelines on Kafka and the observability
that keeps them honest — most recently as a staff engineer at Meridian Technologies.

At Meridian I led the migration of our payments platform from a monolith to twelve Go services, which cut p99
latency from 480 ms to 120 ms and let four teams deploy independently. I also introduced Prometheus-based SLOs and
an on-call handbook that halved our pages in a quarter.

What I would bring to Northwind:

- **Reliability at scale:** I have owned services handling 40 000 requests per second through two peak seasons.
- **Pragmatic architecture:** I favour boring, well-understood tools and write the design notes that explain why.
- **Mentoring:** I coached three engineers to promotion and run our internal Go reading group.

I would be glad to talk about how I could help your platform team reach its 2027 goals.

Kind regards,{HARD_BREAK}
Jordan Ellis
"""

RESUME = """\
# Jordan Ellis

Lisbon, Portugal · jordan.ellis@example.com · [github.com/jellis](https://github.com/jellis)

## Summary

Backend engineer with six years building *reliable* distributed systems in Go and Python; led a monolith-to-services
migration, owns SLOs and on-call, mentors engineers.

## Experience

### Meridian Technologies — Staff Engineer (2022–present)

- Led the migration of the payments platform to 12 Go services; p99 latency 480 ms → 120 ms
- Introduced Prometheus SLOs and an on-call handbook; pages per week down 50 %
- Designed the Kafka event pipeline feeding fraud detection (99.7 % precision at 50 ms p99)
- Mentored three engineers to promotion; ran the internal Go reading group

### Café Zoë Labs — Senior Engineer (2019–2022)

- Built the order service in Go and PostgreSQL, 40 000 requests per second at peak
- Cut cloud spend 30 % by right-sizing Kubernetes workloads and adding autoscaling
- Wrote the incident review process still used by five teams

### Datawell — Engineer (2017–2019)

- Python ETL pipelines for 200 customers; moved batch jobs to Airflow
- Added integration tests that caught 80 % of regressions before release

## Skills

Go, Python, PostgreSQL, Kafka, Kubernetes, Terraform, AWS, Prometheus, Grafana, gRPC, `kubectl`

## Education

1. MSc Computer Science, Universidade de Lisboa (2017)
2. BSc Informatics, Universität Wien (2015)
"""


def main() -> None:
    print(f"{'document':<14}{'format':<8}{'first (ms)':>12}{'typical (ms)':>14}{'size (KB)':>11}")
    for name, text in (("cover letter", COVER_LETTER), ("resume", RESUME)):
        for fmt in FORMATS:
            started = time.perf_counter()
            data = export_document(text, fmt, name)
            first = time.perf_counter() - started
            timings = []
            for _ in range(RUNS):
                started = time.perf_counter()
                export_document(text, fmt, name)
                timings.append(time.perf_counter() - started)
            typical = statistics.median(timings)
            print(f"{name:<14}{fmt:<8}{first * 1000:>12.1f}{typical * 1000:>14.1f}{len(data) / 1024:>11.1f}")


if __name__ == "__main__":
    main()
