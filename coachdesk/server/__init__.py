"""The team server: PostgreSQL orders, guards and scopes the changes; a small HTTP service
speaks the push/pull protocol with the laptops (``coachdesk.sync``).

Installed with the optional extra ``server`` (Starlette, uvicorn, psycopg). The laptops never
see a database password: they hold a device token obtained with a one-time join code.
"""
