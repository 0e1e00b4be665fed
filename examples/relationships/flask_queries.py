# --8<-- [start:tests]
from contextlib import contextmanager

from sqlalchemy import event


@contextmanager
def count_queries(engine):
    """Collect the SQL statements `engine` sends inside the block."""
    statements = []

    def record(conn, cursor, statement, params, context, executemany):
        statements.append(statement)

    event.listen(engine, "before_cursor_execute", record)
    try:
        yield statements
    finally:
        event.remove(engine, "before_cursor_execute", record)
# --8<-- [end:tests]
