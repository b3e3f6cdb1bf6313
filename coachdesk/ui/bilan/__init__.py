"""The Bilan tab: groups and their calendar, attendance, skills and professional projects."""
