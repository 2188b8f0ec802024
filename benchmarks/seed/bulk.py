"""Writing the data set in bulk: COPY on PostgreSQL, executemany elsewhere."""

from collections.abc import Iterable

from django.core.management.color import no_style
from django.db import connection, models


def insert_rows(model: type[models.Model], columns: list[str], rows: Iterable[tuple]):
    """Write rows in bulk: COPY on PostgreSQL, executemany elsewhere."""
    table = connection.ops.quote_name(model._meta.db_table)
    names = ", ".join(connection.ops.quote_name(c) for c in columns)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            with cursor.cursor.copy(f"COPY {table} ({names}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
            return
        marks = ", ".join(["%s"] * len(columns))
        # Table and column names come from the models, values are parameters.
        sql = f"INSERT INTO {table} ({names}) VALUES ({marks})"  # noqa: S608
        batch: list[tuple] = []
        for row in rows:
            batch.append(row)
            if len(batch) == 5000:
                cursor.executemany(sql, batch)
                batch = []
        if batch:
            cursor.executemany(sql, batch)


def reset_sequences(*models_: type[models.Model]) -> None:
    with connection.cursor() as cursor:
        for sql in connection.ops.sequence_reset_sql(no_style(), list(models_)):
            cursor.execute(sql)


ITEM_FIELDS = [
    "report_id", "reference", "kind", "text", "text_is_summary", "owners",
    "other_owners",
    "cause_of_concern_id", "hmicfrs_id", "lead_id", "lead_team", "status",
    "status_reason", "original_target_date", "target_date", "closed_on",
    "hmicfrs_verified_on", "s55_response",
]  # fmt: skip
HISTORY_COLUMNS = [
    "history_date",
    "history_change_reason",
    "history_type",
    "history_user_id",
]
