"""What the tabs share: the table model and list tab, the form dialog, date and money fields,
the pickers, messages to the coach, background work and the settings file."""
