"""A supporter's row and its email in one statement: the sign path of a viral petition.

Apps reach it through `queue_email(…, with_row=row)` (campaign/outbox/queueing.py), never
directly. `insert_with_email` writes a new row (a Signature) and the OutboundEmail that serves
it, or neither when the row would break a unique constraint (the address has signed already).
On PostgreSQL this is one statement, a data-modifying CTE:

    WITH new_row AS (INSERT INTO <row table> … ON CONFLICT DO NOTHING RETURNING id)
    INSERT INTO outbox_outboundemail (…, related_id) SELECT …, id FROM new_row RETURNING …

A single statement is atomic on its own, so outside a transaction it is its own transaction:
one round trip and one commit instead of BEGIN, two INSERTs and COMMIT, and a duplicate costs
no exception and no rollback. The email is queued with a `template` and rendered by the worker
that sends it (campaign/outbox/rendering.py), so the request renders nothing.

Both rows are prepared field by field exactly as the ORM prepares them (`pre_save`,
`get_db_prep_save`); what the ORM would add and this skips is `save()` and the pre_save and
post_save signals (give these models neither) and database defaults (`db_default`: the INSERT
then fails loudly). tests/outbox/test_paired.py compares every column with rows the ORM writes.
Other databases (SQLite for local use) take the ORM path: two INSERTs in one transaction.

The statement is prepared once per database connection (PREPARE, then EXECUTE with the
values): PostgreSQL then parses and plans it once instead of for every signature, which
measured about a third of the statement's CPU in the database. Django keeps connections open
(CONN_MAX_AGE), so this is once per process a minute or so. Behind a pooler in transaction
mode, where a prepared statement may sit on another server connection, Django's setting for
that case, DISABLE_SERVER_SIDE_CURSORS, turns preparing off here too.

Unlike `queue_email`, the statement does not look up suppressed addresses: the worker does that
before sending any row and cancels it with the reason, so a bounced address still gets nothing.
"""

import functools
import weakref

from django.contrib.contenttypes.models import ContentType
from django.db import DatabaseError, IntegrityError, connections, models, router, transaction

from campaign.outbox.models import OutboundEmail
from campaign.raw_inserts import insert_values, insertable_fields


def insert_with_email(row: models.Model, *, email: OutboundEmail) -> OutboundEmail | None:
    """INSERT the unsaved `row` and `email` (which will point at the row) together.

    Returns the saved email, and `row` has its primary key, or returns None and writes nothing
    when `row` conflicts with a unique constraint. Inside a transaction the two rows commit
    with it; the email is published to a worker after commit either way.
    """
    from campaign.outbox.services import publish_delivery_soon

    email.related_type = ContentType.objects.get_for_model(row)
    connection = connections[router.db_for_write(type(row))]
    if connection.vendor == "postgresql":
        inserted = _insert_in_one_statement(row, email, connection)
    else:
        inserted = _insert_in_one_transaction(row, email, connection.alias)
    if not inserted:
        return None
    transaction.on_commit(lambda: publish_delivery_soon(email.pk), using=connection.alias)
    return email


@functools.cache
def _statement(row_model: type[models.Model], *, numbered: bool) -> tuple:
    """(SQL, the row's fields, the email's fields) for `row_model`, built once per process
    (this path is PostgreSQL's only, so its quoting rule is fixed). Parameters are numbered
    ($1, $2…) for PREPARE, else the driver's %s."""
    quote = connections[router.db_for_write(row_model)].ops.quote_name
    row_fields = insertable_fields(row_model)
    email_fields = insertable_fields(OutboundEmail, leave_out=("related_id",))
    params = [f"${n}" if numbered else "%s" for n in range(1, len(row_fields + email_fields) + 1)]
    row_pk = quote(row_model._meta.pk.column)
    related_id = quote(OutboundEmail._meta.get_field("related_id").column)
    # Only names from the models' metadata are formatted in; every value is a parameter.
    sql = (
        f"WITH new_row AS ("  # noqa: S608
        f"INSERT INTO {quote(row_model._meta.db_table)} "
        f"({', '.join(quote(f.column) for f in row_fields)}) "
        f"VALUES ({', '.join(params[: len(row_fields)])}) "
        f"ON CONFLICT DO NOTHING RETURNING {row_pk}) "
        f"INSERT INTO {quote(OutboundEmail._meta.db_table)} "
        f"({', '.join(quote(f.column) for f in email_fields)}, {related_id}) "
        f"SELECT {', '.join(params[len(row_fields) :])}, {row_pk} FROM new_row "
        f"RETURNING {quote(OutboundEmail._meta.pk.column)}, {related_id}"
    )
    return sql, row_fields, email_fields


def _insert_in_one_statement(row, email: OutboundEmail, connection) -> bool:
    # Behind a pooler in transaction mode the next statement may reach another server
    # connection, where the prepared one does not exist (see the module docstring).
    prepare = not connection.settings_dict.get("DISABLE_SERVER_SIDE_CURSORS")
    sql, row_fields, email_fields = _statement(type(row), numbered=prepare)
    params = insert_values(row, row_fields, connection)
    params += insert_values(email, email_fields, connection)
    with connection.cursor() as cursor:
        if prepare:
            name = connection.ops.quote_name(f"chorus_with_email_{row._meta.db_table}")
            _execute_prepared(connection, cursor, name, sql, params)
        else:
            cursor.execute(sql, params)
        inserted = cursor.fetchone()
    if inserted is None:
        return False
    email.pk, row.pk = inserted
    email.related_id = row.pk
    for obj in (row, email):
        obj._state.adding = False
        obj._state.db = connection.alias
    return True


# The statements prepared on each open database connection, by the driver's connection object
# (so a new connection starts with none, and a closed one is forgotten).
_prepared: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()
_UNDEFINED_PREPARED_STATEMENT = "26000"


def _execute_prepared(connection, cursor, name: str, sql: str, params: list) -> None:
    """EXECUTE `sql` (numbered parameters) with `params` on `cursor`, preparing it first if
    this connection has not yet (see the module docstring)."""
    prepared = _prepared.setdefault(connection.connection, set())
    execute = f"EXECUTE {name} ({', '.join(['%s'] * len(params))})"
    for attempt in (1, 2):
        if name not in prepared:
            cursor.execute(f"PREPARE {name} AS {sql}")
            prepared.add(name)
        try:
            cursor.execute(execute, params)
            return
        except DatabaseError as error:
            if getattr(error.__cause__, "pgcode", None) != _UNDEFINED_PREPARED_STATEMENT:
                raise
            # Something else on this connection ran DEALLOCATE ALL or DISCARD ALL, which drop
            # every statement of the session: forget them all (the next call of any of them
            # prepares it again), and retry this one once, unless the failure has broken the
            # caller's transaction.
            prepared.clear()
            if attempt == 2 or connection.in_atomic_block:
                raise


def insert_or_find_with_email(
    row: models.Model, *, email: OutboundEmail, constraint: str, again_template: str
) -> OutboundEmail:
    """INSERT the unsaved `row`, or find the row it conflicts with on the unique `constraint`;
    INSERT `email` pointing at whichever it is, in the same statement. Always one email row.

    The caller learns nothing of which happened, and does the same work either way: a page
    that answers a new address and a known one alike must not tell them apart by its time
    either (issue "7/10 Hardening", item 3). The email row says it: it keeps `email.template`
    for a new row and takes `again_template` for an earlier one, so the worker rendering it
    (campaign/outbox/rendering.py) decides what, if anything, the earlier row's owner gets.

    On PostgreSQL one statement, as `insert_with_email`: the conflict becomes
    `ON CONFLICT ON CONSTRAINT … DO UPDATE` setting the constraint's first column to the value
    it has, which returns the earlier row's id, even when a simultaneous signing with the same
    address commits it while this statement waits (`DO NOTHING` would return nothing, and a
    second look could not see that row in the statement's snapshot). `xmax = 0` tells a row
    this statement inserted from one it updated. `row.pk` is set only for a new row.
    """
    from campaign.outbox.services import publish_delivery_soon

    email.related_type = ContentType.objects.get_for_model(row)
    connection = connections[router.db_for_write(type(row))]
    if connection.vendor == "postgresql":
        _insert_or_find_in_one_statement(row, email, connection, constraint, again_template)
    else:
        _insert_or_find_in_one_transaction(row, email, connection.alias, constraint, again_template)
    transaction.on_commit(lambda: publish_delivery_soon(email.pk), using=connection.alias)
    return email


def _constraint_fields(row_model: type[models.Model], name: str) -> list:
    for constraint in row_model._meta.constraints:
        plain = isinstance(constraint, models.UniqueConstraint) and constraint.condition is None
        if constraint.name == name and plain and constraint.fields:
            return [row_model._meta.get_field(f) for f in constraint.fields]
    raise ValueError(f"{row_model.__name__} has no plain unique constraint {name!r}")


@functools.cache
def _found_statement(row_model: type[models.Model], constraint: str, *, numbered: bool) -> tuple:
    """(SQL, the row's fields, the email's fields) of insert_or_find_with_email: the row's
    values, then the email's, then the template for an earlier row."""
    quote = connections[router.db_for_write(row_model)].ops.quote_name
    row_fields = insertable_fields(row_model)
    email_fields = insertable_fields(OutboundEmail, leave_out=("related_id",))
    count = len(row_fields) + len(email_fields) + 1
    params = [f"${n}" if numbered else "%s" for n in range(1, count + 1)]
    row_params, email_params = params[: len(row_fields)], params[len(row_fields) : -1]
    again = params[-1]
    table = quote(row_model._meta.db_table)
    key = quote(_constraint_fields(row_model, constraint)[0].column)
    email_values = [
        f"CASE WHEN new_row.inserted THEN {value} ELSE {again} END"
        if field.name == "template"
        else value
        for field, value in zip(email_fields, email_params, strict=True)
    ]
    related_id = quote(OutboundEmail._meta.get_field("related_id").column)
    # Only names from the models' metadata are formatted in; every value is a parameter.
    sql = (
        f"WITH new_row AS ("  # noqa: S608
        f"INSERT INTO {table} ({', '.join(quote(f.column) for f in row_fields)}) "
        f"VALUES ({', '.join(row_params)}) "
        f"ON CONFLICT ON CONSTRAINT {quote(constraint)} DO UPDATE SET {key} = {table}.{key} "
        f"RETURNING {quote(row_model._meta.pk.column)} AS id, (xmax = 0) AS inserted) "
        f"INSERT INTO {quote(OutboundEmail._meta.db_table)} "
        f"({', '.join(quote(f.column) for f in email_fields)}, {related_id}) "
        f"SELECT {', '.join(email_values)}, new_row.id FROM new_row "
        f"RETURNING {quote(OutboundEmail._meta.pk.column)}, {related_id}, "
        f"{quote(OutboundEmail._meta.get_field('template').column)}"
    )
    return sql, row_fields, email_fields


def _insert_or_find_in_one_statement(row, email, connection, constraint, again_template) -> None:
    prepare = not connection.settings_dict.get("DISABLE_SERVER_SIDE_CURSORS")
    sql, row_fields, email_fields = _found_statement(type(row), constraint, numbered=prepare)
    params = insert_values(row, row_fields, connection)
    params += insert_values(email, email_fields, connection)
    params.append(again_template)
    with connection.cursor() as cursor:
        if prepare:
            name = connection.ops.quote_name(f"chorus_found_with_email_{row._meta.db_table}")
            _execute_prepared(connection, cursor, name, sql, params)
        else:
            cursor.execute(sql, params)
        email.pk, email.related_id, template = cursor.fetchone()
    email._state.adding = False
    email._state.db = connection.alias
    if template == email.template:
        row.pk = email.related_id
        row._state.adding = False
        row._state.db = connection.alias
    email.template = template


def _insert_or_find_in_one_transaction(row, email, using, constraint, again_template) -> None:
    """The ORM's way (SQLite, local use): the same rows, in a few statements."""
    with transaction.atomic(using=using):
        try:
            with transaction.atomic(using=using):
                row.save(force_insert=True, using=using)
        except IntegrityError:
            row.pk = None
            row._state.adding = True
            fields = _constraint_fields(type(row), constraint)
            lookup = {f.attname: getattr(row, f.attname) for f in fields}
            email.related_id = type(row)._default_manager.using(using).get(**lookup).pk
            email.template = again_template
        else:
            email.related_id = row.pk
        email.save(force_insert=True, using=using)


def _insert_in_one_transaction(row, email: OutboundEmail, using: str) -> bool:
    try:
        with transaction.atomic(using=using):
            row.save(force_insert=True, using=using)
            email.related_id = row.pk
            email.save(force_insert=True, using=using)
    except IntegrityError:
        row.pk = None
        row._state.adding = True
        return False
    return True
