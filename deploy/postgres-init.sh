#!/usr/bin/env bash
# Creates Job Forge's roles and database on first start of the postgres container (docs/deploy.md).
set -euo pipefail
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres <<SQL
create role jobforge_owner login password '${JOBFORGE_OWNER_PASSWORD}' nosuperuser nobypassrls;
create role jobforge_app login password '${JOBFORGE_APP_PASSWORD}' nosuperuser nobypassrls nocreatedb nocreaterole;
create role jobforge_auth nologin nosuperuser nobypassrls;
grant jobforge_auth to jobforge_owner;
create database jobforge owner jobforge_owner;
SQL
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname jobforge -c "create extension if not exists vector"
