"""Team mode on the laptop: outbox, hybrid logical clock, push and pull (no Qt).

A database that joined a team (``sync join``) records every write in ``sync_outbox`` in the
same transaction (``coachdesk.sync.capture``, hooked at ``Database.write()``); ``sync`` pushes
the outbox to the team server and pulls what the other coaches changed
(``coachdesk.sync.engine``). The server side is ``coachdesk.server``. Both share the table
classification of ``coachdesk.sync.tables`` and the clock of ``coachdesk.sync.hlc``.
"""
