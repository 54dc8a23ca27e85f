"""A vocabulary of skills and tools, and finding them in resumes and postings."""

import re
from functools import cache

# (canonical name, regular expression). Names are written as they read mid-sentence.
# Matching ignores case except inside (?-i:...) groups: short names like Go or REST
# are ordinary words in lower case.
_VOCABULARY: tuple[tuple[str, str], ...] = (
    # Languages
    ("Python", r"python"),
    # "Go/No-Go" and "No-Go" are decisions, "Go Sooners!" a cheer.
    ("Go", r"(?<!no-)(?-i:\bGo\b)(?!-to|/no-go|!|\s+(?:live|to\b|back|ahead|beyond|further|sooners\b))|golang"),
    ("Java", r"\bjava\b(?!\s*script)"),
    ("JavaScript", r"javascript|(?<!-in-)(?-i:\bJS\b)"),  # "CSS-in-JS" is a way of writing CSS
    ("TypeScript", r"typescript"),
    ("Rust", r"(?-i:\bRust\b)"),
    ("Ruby", r"\bruby\b"),
    ("Rails", r"\brails\b"),
    ("C++", r"c\+\+"),
    ("C#", r"c#"),
    ("Kotlin", r"kotlin"),
    ("Swift", r"(?-i:\bSwift\b)(?=\s*(?:,|/|\||and|or|UI|$))|swiftui"),
    ("Scala", r"\bscala\b"),
    ("PHP", r"\bphp\b"),
    ("SQL", r"(?-i:\bSQL\b)"),
    ("Bash", r"\bbash\b|shell scripting"),
    # Web and frameworks
    ("React", r"\breact(?:\.js)?\b"),
    ("Next.js", r"next\.js"),
    ("Node.js", r"node\.js|\bnodejs\b"),
    ("Express", r"express\.js|(?-i:\bExpress\b)(?!\s+(?:delivery|shipping|mail|entry|lane|scripts)\b)"),
    ("Vue", r"\bvue(?:\.js)?\b"),
    ("Angular", r"\bangular\b"),
    ("Django", r"\bdjango\b"),
    ("Django REST Framework", r"django rest framework|\bDRF\b"),
    ("FastAPI", r"fastapi"),
    ("Flask", r"(?-i:\bFlask\b)"),
    ("Spring", r"(?-i:\bSpring\b)(?!\s+(?:\d{4}|semester|term|break))"),
    ("GraphQL", r"graphql"),
    ("REST APIs", r"(?-i:\bREST(?:ful)?\b)"),
    ("gRPC", r"\bgrpc\b"),
    ("Tailwind CSS", r"tailwind"),
    ("CSS", r"(?-i:\bCSS\b)"),
    ("HTML", r"(?-i:\bHTML5?\b)"),
    ("Storybook", r"storybook"),
    ("Jest", r"(?-i:\bJest\b)"),
    ("Vitest", r"vitest"),
    ("Playwright", r"playwright"),
    ("accessibility", r"accessib|\bwcag\b|\ba11y\b"),
    ("asyncio", r"asyncio|async programming"),
    ("microservices", r"micro-?services"),
    # Data
    ("PostgreSQL", r"postgres(?:ql)?"),
    ("MySQL", r"mysql"),
    ("Redis", r"\bredis\b"),
    ("Kafka", r"\bkafka\b"),
    ("Elasticsearch", r"elastic\s?search"),
    ("MongoDB", r"mongo(?:db)?\b"),
    ("DynamoDB", r"dynamodb"),
    ("Snowflake", r"(?-i:\bSnowflake\b)"),
    ("Spark", r"(?-i:\bSpark\b)|pyspark"),
    ("Airflow", r"airflow"),
    ("dbt", r"\bdbt\b"),
    ("ETL", r"\betl\b|data pipelines?"),
    ("machine learning", r"machine learning|\bML\b"),
    ("PyTorch", r"pytorch"),
    ("TensorFlow", r"tensorflow"),
    ("scikit-learn", r"scikit-learn|sklearn"),
    ("NLP", r"\bnlp\b|natural language processing"),
    ("LLMs", r"\bllms?\b|large language models?"),
    ("MLOps", r"mlops"),
    ("MLflow", r"mlflow"),
    ("SageMaker", r"sagemaker"),
    ("data analysis", r"data analysis|ad-hoc analysis|analytics"),
    # Caching build artifacts in CI is not application caching.
    ("caching", r"\bcach(?:e|es|ing)\b(?!\s+(?:build|artifacts?|dependencies)\b)"),
    ("query optimization", r"query optimi[sz]ation|indexing strateg"),
    # Cloud and operations
    ("AWS", r"(?-i:\bAWS\b)|amazon web services"),
    ("EKS", r"(?-i:\bEKS\b)"),
    ("ECS", r"(?-i:\bECS\b)"),
    ("RDS", r"(?-i:\bRDS\b)"),
    ("S3", r"(?-i:\bS3\b)"),
    ("Lambda", r"(?-i:\bLambda\b)(?!\s+Labs\b)"),
    ("GCP", r"(?-i:\bGCP\b)|google cloud"),
    ("Azure", r"\bazure\b"),
    ("Docker", r"docker|containeri[sz]ation"),
    ("Kubernetes", r"kubernetes|\bk8s\b"),
    ("Helm", r"(?<!the )(?-i:\bHelm\b)"),  # "at the Helm of product"
    ("Terraform", r"terraform"),
    ("infrastructure as code", r"infrastructure[- ]as[- ]code|\biac\b"),
    ("CI/CD", r"\bci\s?/\s?cd\b|continuous (?:integration|delivery|deployment)"),
    ("GitHub Actions", r"github actions"),
    ("CircleCI", r"circleci"),
    ("ArgoCD", r"argo\s?cd"),
    ("Git", r"(?-i:\bGit\b)"),
    ("Linux", r"\blinux\b"),
    ("Prometheus", r"prometheus"),
    ("Grafana", r"grafana"),
    ("OpenTelemetry", r"opentelemetry"),
    ("Datadog", r"datadog"),
    ("observability", r"observability|monitoring"),
    ("distributed systems", r"distributed (?:systems|services)"),
    ("rate limiting", r"rate[- ]limit"),
    ("circuit breakers", r"circuit[- ]breaker"),
    ("queues", r"\bqueues?\b|message queu|job queue"),
    ("event streaming", r"event streaming|event-driven|stream processing"),
    ("on-call", r"on-call|incident response|postmortem"),
    ("security", r"(?<!social )\bsecurity\b|\bsoc ?2\b|\bowasp\b"),
    ("testing", r"\bunit tests?\b|end-to-end tests?|test automation|\btdd\b"),
    # Product, design, business
    ("product management", r"product management|product manager"),
    ("roadmapping", r"roadmap"),
    ("user research", r"user research|customer discovery|user interviews"),
    ("A/B testing", r"a/b test|experimentation"),
    ("Agile", r"\bagile\b|\bscrum\b|sprint planning"),
    ("OKRs", r"\bokrs?\b"),
    ("stakeholder management", r"stakeholder"),
    ("Amplitude", r"amplitude"),
    ("Mixpanel", r"mixpanel"),
    ("Looker", r"looker"),
    ("Tableau", r"tableau"),
    ("Excel", r"(?-i:\bExcel\b)(?!\s+(?:at|in)\b)|microsoft excel|spreadsheets?"),
    ("Figma", r"figma"),
    ("UX design", r"\bux\b|user experience|ui/ux"),
    ("SEO", r"\bseo\b"),
    ("SEM", r"\bsem\b|paid search"),
    ("content marketing", r"content marketing"),
    ("demand generation", r"demand[- ]generation"),
    ("brand strategy", r"brand strategy|brand refresh"),
    ("email marketing", r"email marketing"),
    ("marketing automation", r"marketing automation"),
    ("Google Analytics", r"google analytics"),
    ("HubSpot", r"hubspot"),
    ("Salesforce", r"salesforce"),
    ("Marketo", r"marketo"),
    ("copywriting", r"copywriting"),
    ("budget management", r"budget management|\b(?:managed|managing|owned|owning)\b.{0,40}\bbudget"),
    ("project management", r"project management"),
    # Ways of working
    ("mentoring", r"mentor"),
    ("technical leadership", r"technical lead|tech lead|(?:leading|led) technical\b(?!\s+interview)"),
    ("hiring", r"\bhired\b|technical interviews|recruiting"),
    ("written communication", r"written communication|technical writing"),
)


@cache
def _compiled() -> tuple[tuple[str, re.Pattern], ...]:
    return tuple((name, re.compile(pattern, re.IGNORECASE)) for name, pattern in _VOCABULARY)


def find_skills(text: str) -> list[str]:
    """Canonical names of the skills `text` mentions, in order of first mention."""
    found = []
    for name, pattern in _compiled():
        match = pattern.search(text)
        if match:
            found.append((match.start(), name))
    return [name for _, name in sorted(found)]
