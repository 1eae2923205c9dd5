"""The 手帳 table of the 障害・手帳 tab: kind, grade, the issuer's own label, number, dates."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from teiretsu_desktop.domain.codes import CertificateKind
from teiretsu_desktop.domain.errors import InvalidInput
from teiretsu_desktop.domain.wareki import parse_date, to_wareki
from teiretsu_desktop.gui.widgets.buttons import Button
from teiretsu_desktop.gui.widgets.codes import CodeCombo
from teiretsu_desktop.services.persons import CertificateInput

HEADERS = ["手帳", "等級", "自治体の区分名", "番号", "交付元", "交付日", "有効期限"]


class CertificateTable(QWidget):
    """The 手帳 rows. Like a Form, it knows whether the user edited it since it was loaded."""

    edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._loading = False
        self._baseline: list[list[str]] = []
        self.table = QTableWidget(0, len(HEADERS), self)
        self.table.setHorizontalHeaderLabels(HEADERS)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setAccessibleName("手帳")
        add = Button("手帳を追加", self)
        remove = Button("選んだ手帳を削除", self)
        self.buttons = (add, remove)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(remove)
        buttons.addWidget(add)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        add.clicked.connect(lambda: self._add_row(None))
        remove.clicked.connect(self._remove)
        self.table.itemChanged.connect(self._user_edit)

    def _user_edit(self) -> None:
        if not self._loading:
            self.edited.emit()

    def raw_rows(self) -> list[list[str]]:
        rows = []
        for row in range(self.table.rowCount()):
            combo = self.table.cellWidget(row, 0)
            kind = combo.value() if isinstance(combo, CodeCombo) else None
            cells = [self.table.item(row, c).text() if self.table.item(row, c) else "" for c in range(1, 7)]  # type: ignore[union-attr]
            rows.append([kind or "", *cells])
        return rows

    def set_raw_rows(self, rows: list[list[str]]) -> None:
        self.table.setRowCount(0)
        for raw in rows:
            self._add_row(None)
            row = self.table.rowCount() - 1
            combo = self.table.cellWidget(row, 0)
            if isinstance(combo, CodeCombo):
                combo.set_value(raw[0] or None)
            for col, text in enumerate(raw[1:7], start=1):
                self.table.setItem(row, col, QTableWidgetItem(text))

    def is_dirty(self) -> bool:
        return self.raw_rows() != self._baseline

    def mark_clean(self) -> None:
        self._baseline = self.raw_rows()

    def set_read_only(self, read_only: bool) -> None:
        for button in self.buttons:
            button.setVisible(not read_only)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.NoEditTriggers
            if read_only
            else QAbstractItemView.EditTrigger.AllEditTriggers
        )

    def _add_row(self, cert: CertificateInput | None) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        combo = CodeCombo(CertificateKind, self.table, empty=None, accessible_name="手帳の種類")
        if cert:
            combo.set_value(cert.kind)
        combo.currentIndexChanged.connect(self._user_edit)
        self.table.setCellWidget(row, 0, combo)
        values = [cert.grade, cert.local_label, cert.number, cert.issuer] if cert else ["", "", "", ""]
        dates = [cert.issued_on, cert.expires_on] if cert else [None, None]
        for col, value in enumerate(values, start=1):
            self.table.setItem(row, col, QTableWidgetItem(value or ""))
        for col, day in enumerate(dates, start=5):
            self.table.setItem(row, col, QTableWidgetItem(to_wareki(day) if day else ""))

    def _remove(self) -> None:
        for index in sorted({i.row() for i in self.table.selectedIndexes()}, reverse=True):
            self.table.removeRow(index)
        self._user_edit()

    def set_value(self, certificates: tuple[CertificateInput, ...]) -> None:
        self._loading = True
        try:
            self.table.setRowCount(0)
            for cert in certificates:
                self._add_row(cert)
        finally:
            self._loading = False
        self.mark_clean()

    def value(self) -> tuple[CertificateInput, ...]:
        out = []
        for row in range(self.table.rowCount()):
            combo = self.table.cellWidget(row, 0)
            assert isinstance(combo, CodeCombo)

            def text(col: int, row: int = row) -> str | None:
                item = self.table.item(row, col)
                return (item.text().strip() or None) if item else None

            dates = []
            for col in (5, 6):
                raw = text(col)
                try:
                    dates.append(parse_date(raw) if raw else None)
                except ValueError:
                    raise InvalidInput(f"手帳 {row + 1}行目 {HEADERS[col]}: 日付として読めません") from None
            out.append(
                CertificateInput(
                    CertificateKind(combo.value() or "physical"),
                    text(1),
                    text(2),
                    text(3),
                    text(4),
                    dates[0],
                    dates[1],
                )
            )
        return tuple(out)

    def clear(self) -> None:
        self.table.setRowCount(0)
        self.mark_clean()
