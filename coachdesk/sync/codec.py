"""Column values as they travel: JSON on the wire, typed Python objects in SQLite.

Dates and timestamps travel as ISO text (what PostgreSQL's ``row_to_json`` writes), ids as
dashed UUID text, numbers and booleans as themselves.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from decimal import Decimal
from functools import cache
from typing import Any

from sqlalchemy import Boolean, Date, DateTime, Integer, Numeric, Table, Uuid

from coachdesk.models.base import canonical_id


def encode(value: Any) -> Any:
    """A column value as JSON-ready data (also the ``default`` of a JSON encoder)."""
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return float(value)
    return value


def _decode_date(value: Any) -> Any:
    return date.fromisoformat(value) if isinstance(value, str) else value


def _decode_datetime(value: Any) -> Any:
    if isinstance(value, str):
        parsed = datetime.fromisoformat(value)
        return parsed.replace(tzinfo=None) if parsed.tzinfo is not None else parsed
    return value


def _decode_uuid(value: Any) -> Any:
    return canonical_id(value) if value is not None else None


def _decode_bool(value: Any) -> Any:
    return bool(value) if value is not None else None


def _decode_int(value: Any) -> Any:
    return int(value) if value is not None else None


def _decode_float(value: Any) -> Any:
    return float(value) if value is not None else None


def _decoder(column_type: Any) -> Callable[[Any], Any] | None:
    if isinstance(column_type, DateTime):
        return _decode_datetime
    if isinstance(column_type, Date):
        return _decode_date
    if isinstance(column_type, Uuid):
        return _decode_uuid
    if isinstance(column_type, Boolean):
        return _decode_bool
    if isinstance(column_type, Integer):
        return _decode_int
    if isinstance(column_type, Numeric):
        return _decode_float
    return None


@cache
def decoders(table: Table) -> dict[str, Callable[[Any], Any] | None]:
    """Column name → function turning its JSON value into what SQLAlchemy expects."""
    return {column.name: _decoder(column.type) for column in table.columns}


def decode_row(table: Table, row: dict[str, Any]) -> dict[str, Any]:
    """The columns of ``row`` this table knows, typed; unknown columns are left out."""
    table_decoders = decoders(table)
    decoded: dict[str, Any] = {}
    for name, value in row.items():
        if name not in table_decoders:
            continue
        decode = table_decoders[name]
        decoded[name] = decode(value) if decode is not None and value is not None else value
    return decoded
