"""A message looked up under each class of a widget in turn, plural messages included.

PySide6's ``self.tr`` walks a widget's classes for a message, but for a plural message it keeps
the first answer, which is the English text with its number filled in when the widget's own
class has no such message: a plural said in a base class (an export dialog's, a page of a tab)
would stay English in its subclasses. Classes that say plurals for their subclasses override
``tr`` with :func:`tr_along_classes`.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject


def tr_along_classes(
    widget: QObject, text: str, disambiguation: str | None = None, n: int = -1
) -> str:
    """``text`` translated under the first of ``widget``'s classes that has it."""
    untranslated = text.replace("%n", str(n)) if n >= 0 else text
    for cls in type(widget).__mro__:
        found = QCoreApplication.translate(cls.__name__, text, disambiguation, n)
        if found != untranslated:
            return found
    return untranslated
