"""The Employeurs tab: the employer directory, the job offers and matching, the referrals and
recruitment interviews with their preparation checklists."""
