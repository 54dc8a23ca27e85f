# Job Forge behind gunicorn, against the PostgreSQL named by DATABASE_URL.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PIP_NO_CACHE_DIR=1 PIP_DISABLE_PIP_VERSION_CHECK=1
WORKDIR /app

COPY requirements.txt .
RUN pip install -r requirements.txt

COPY . .
RUN useradd --system --home-dir /app jobforge && chown -R jobforge /app
USER jobforge

ENV HOST=0.0.0.0 PORT=8050 JOBFORGE_DATA_DIR=/app/.jobforge
EXPOSE 8050
# The image has no curl: Python asks /health, and a 503 or no answer raises, which Docker counts as unhealthy.
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
    CMD ["python", "-c", "import os, urllib.request; urllib.request.urlopen('http://127.0.0.1:%s/health' % os.environ.get('PORT', '8050'), timeout=4)"]
# Migrations run once in gunicorn's master before the workers fork (gunicorn.conf.py: preload_app).
CMD ["gunicorn", "-c", "gunicorn.conf.py"]
