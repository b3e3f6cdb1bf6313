"""The Tableau de bord tab: the funnel of the cohort and the agenda of the week."""
