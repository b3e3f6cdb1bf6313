"""Use cases and rules of CoachDesk, one module per aggregate; no Qt here.

How every service is called (the window, the command line, the demo and the tests alike):

* **One write path per use case.** Each thing a coach does (create a participant, record a
  call, plan an interview, record a contract…) is one public function, and the window, the
  command line and the demo all call that one (``tests/unit/test_one_write_path.py`` reads the
  code to keep the demo on the window's paths). Nothing else writes.
* **A public function takes the open database** (``coachdesk.db.Database``) as its first
  argument and runs its own transaction: ``with db.write() as session:`` for a change,
  ``with db.read() as session:`` for a read. One call is one transaction: it is committed
  whole or, on a ``UserError``, leaves nothing behind. The window never opens a transaction
  itself.
* **Helpers that work inside a caller's transaction take the ``Session`` and are private**
  (a leading underscore) to their module: ``_record_outreach``, ``_confirm_enrolment``… A few
  session-level functions are shared on purpose and say so in their module: ``audit.record``
  (the audit line goes in the transaction of what it audits), ``records.get_record``,
  ``matching.move_referral_to`` (an interview's outcome moves its referral in the same
  transaction), and the reads the exports run inside the one transaction a workbook is read in
  (``funnel.compute_funnel``, ``stages.participant_stages``, ``gdpr.access_report``…), and
  ``follow_on.linked_files_in`` (a person's files in other promotions, read with their file).
* **What a coach types for one record arrives as one typed, frozen draft**, never as
  ``**fields``: ``ParticipantData``, ``EmployerDraft``, ``ContactDraft``, ``ProspectingDraft``,
  ``OfferDraft``, ``ProjectDraft``, ``SkillAssessmentDraft``, ``InterviewDraft``,
  ``contract_draft.ContractDraft``, ``VisitDraft``, ``RuptureDraft``, ``OutcomeDraft``,
  ``CohortDraft``, ``CoachDraft``, ``TrainingBodyDraft``. An edit saves the whole draft the
  form shows (``get_offer``, ``cohorts.get_cohort`` read one back). A quick action from a list
  (a call's outcome, a presence, a decision, a status) takes its few typed arguments.
* **Reads return frozen dataclasses or named tuples**, never live ORM objects.
* **Each rule lives in one function, called from every path**: the SIRET, NAF and vocabulary
  checks in ``checks``, the ROME code in ``rome.check_rome_code``, a contract's terms in
  ``contract_draft.checked`` and its legal checks in ``contract_rules``, the tutor's limits in
  ``contract_rules`` (used by ``employers.tutor_warnings`` too), what an interview's outcome
  does to its referral in ``interviews.set_interview_outcome``.
* **Messages to a coach** are ``UserError`` with a complete French sentence naming the field
  and what to do.
* Team mode captures every write at ``Database.write()``: a service needs nothing more to be
  shared, but a new table must be listed in ``coachdesk/sync/tables.py``.
"""
