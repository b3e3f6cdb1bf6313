"""The shared base of the Employeurs tab's three pages, and their layout helpers."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import (
    QDialog,
    QGroupBox,
    QHBoxLayout,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from coachdesk.ui.widgets.list_tab import ListTab
from coachdesk.ui.widgets.plurals import tr_along_classes
from coachdesk.ui.widgets.table_model import RowTableModel

if TYPE_CHECKING:
    from coachdesk.services.employers import EmployerRow


# The pages, in the order of their tabs.
DIRECTORY_PAGE, OFFERS_PAGE, PLACEMENT_PAGE = range(3)


def boxed(title: str, *items: Any) -> QGroupBox:
    """A group box holding ``items`` (widgets or layouts) one under the other."""
    box = QGroupBox(title)
    layout = QVBoxLayout(box)
    layout.setContentsMargins(4, 4, 4, 4)
    for item in items:
        if isinstance(item, QWidget):
            layout.addWidget(item)
        else:
            layout.addLayout(item)
    return box


def hbox(*items: Any, stretch: bool = True) -> QHBoxLayout:
    """``items`` side by side, pushed to the left unless ``stretch`` is False."""
    row = QHBoxLayout()
    for item in items:
        if isinstance(item, QWidget):
            row.addWidget(item)
        else:
            row.addLayout(item)
    if stretch:
        row.addStretch(1)
    return row


def current_row(view: QTableView, model: RowTableModel[Any]) -> Any:
    """The row object of the view's current line, or None."""
    index = view.currentIndex()
    return model.row_at(index.row()) if index.isValid() else None


class EmployersPage(ListTab):
    """What the three pages of the Employeurs tab share: opening a dialog, selecting a row, the
    cohort's people for a choice. Each page adds its widgets, loaders and actions
    (``DirectoryPage``, ``OffersPage``, ``PlacementPage``); ``EmployersTab`` puts them together.
    """

    dialog: QDialog | None
    pages: QTabWidget
    _page_loaded: list[bool]

    def tr(self, text: str, disambiguation: str | None = None, n: int = -1) -> str:
        """Each page's messages, plurals included, found under the page that says them."""
        return tr_along_classes(self, text, disambiguation, n)

    def _update_buttons(self, *_args: Any) -> None:
        """Enable each page's buttons for what is selected (``EmployersTab`` does all)."""
        raise NotImplementedError

    def _count(self) -> None:
        """The count line under the pages (``EmployersTab``)."""
        raise NotImplementedError

    def selected_employer(self) -> EmployerRow | None:
        """The employer selected in the directory (``DirectoryPage``)."""
        raise NotImplementedError

    @staticmethod
    def select_in(view: QTableView, model: RowTableModel[Any], test: Any) -> bool:
        """Make current the first row for which ``test(row)`` holds."""
        for number, row in enumerate(model.rows()):
            if test(row):
                view.setCurrentIndex(model.index(number, 0))
                return True
        return False

    def _cohort_people(self) -> list[tuple[str, str]]:
        from coachdesk.services.lists import people_furthest_first

        assert self.database is not None and self.cohort_id is not None
        # Those with a validated project first: they are the ones matched with offers.
        return people_furthest_first(self.database, self.cohort_id)

    def _open(self, dialog: QDialog) -> None:
        """Open a dialog without blocking (tests fill it in), and refresh when it saves."""
        self.dialog = dialog
        dialog.accepted.connect(self.reload)
        dialog.open()
