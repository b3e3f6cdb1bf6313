"""The main window around the tabs: menus, settings, the lock, backups, passphrase and GDPR."""
