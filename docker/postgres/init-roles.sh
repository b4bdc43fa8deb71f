#!/bin/sh
# Runs once, when the PostgreSQL volume is new: one role and one database per service, each role owning
# its database and reaching no other (docs/operations.md, "The database"). Passwords come from .env.
set -eu
for service in case_service workflow_service notification_service; do
  password_variable=$(echo "${service}_db_password" | tr '[:lower:]' '[:upper:]')
  password=$(eval "printf '%s' \"\${${password_variable}:?set ${password_variable} in .env}\"")
  # The password goes in as a psql variable, quoted by psql: any character is safe in it.
  psql -v ON_ERROR_STOP=1 -v password="$password" --username "$POSTGRES_USER" --dbname postgres <<SQL
create role ${service} login password :'password';
create database ${service} owner ${service};
revoke all on database ${service} from public;
SQL
done
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres -c "revoke connect on database postgres from public"
