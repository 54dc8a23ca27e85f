"""The PostgreSQL data layer: connections, migrations and one module of plain SQL per table."""
