"""The Suivi des contrats tab: contracts and provisional enrolments, visits, ruptures, outcomes."""
