"""Qt's own words that Qt's French catalogue (qtbase_fr) does not translate, translated by
CoachDesk's catalogue instead.

Qt 6's file dialog labels its fields « &Look in: » and « Files of &type: » (with a keyboard
mnemonic) while qtbase_fr only knows the older « Look in: » and « Files of type: »: every
other word of the dialog was French, those two stayed English. CoachDesk's translator is
installed after Qt's, so it is asked first; the strings below are collected into its catalogue
(resources/i18n/fr/ui_widgets_qt_french.ts) by scripts/update_translations.py. A test opens
Qt's dialogs in French and fails on any English left.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

QT_STRINGS_MISSING_IN_QTBASE_FR = (
    QT_TRANSLATE_NOOP("QFileDialog", "&Look in:"),
    QT_TRANSLATE_NOOP("QFileDialog", "Files of &type:"),
)
