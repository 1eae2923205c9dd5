"""印刷: choose the form, the recipient profile and what to include; preview from memory; print
through QPrinter, or save a password-protected PDF on purpose.

Printing to a third party goes through documents.printing, which checks consent (or takes an
authorised override with its reason) and writes the 提供記録 before any page is shown.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QPainter, QPixmap
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from teiretsu_desktop.documents.definitions import available_forms, load_form
from teiretsu_desktop.documents.printing import (
    PrintRequest,
    PrintResult,
    print_form_recorded,
    save_protected_pdf,
)
from teiretsu_desktop.domain.codes import RecipientKind
from teiretsu_desktop.gui.context import AppContext
from teiretsu_desktop.gui.errors import message_for
from teiretsu_desktop.gui.operations import ChangeOp
from teiretsu_desktop.gui.printing.pages import render_pages
from teiretsu_desktop.gui.widgets.buttons import Button
from teiretsu_desktop.security.permissions import Permission

PREVIEW_DPI = 60
PRINT_DPI = 300


class PrintDialog(QDialog):
    def __init__(self, context: AppContext, case_id: str | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.case_id = case_id
        self.printed: PrintResult | None = None
        self.setObjectName("printDialog")
        self.setWindowTitle(self.tr("印刷"))
        self.resize(900, 760)
        self.form = QComboBox(self)
        self.form.setAccessibleName(self.tr("帳票"))
        for form_id in available_forms():
            definition = load_form(form_id)
            if case_id is not None or not definition.needs_case:
                self.form.addItem(definition.title, form_id)
        self.profile = QComboBox(self)
        self.profile.setAccessibleName(self.tr("提供先"))
        self.recipient = QLineEdit(self)
        self.recipient.setPlaceholderText(self.tr("例: グループホームさくら"))
        self.recipient.setAccessibleName(self.tr("提供先の名称"))
        self.offence = QCheckBox(self.tr("罪名を含める (受入先の安全管理に必要な場合のみ)"), self)
        self.offence.setVisible(context.session.can(Permission.READ_SENSITIVE))
        self.offence.setAccessibleName(self.offence.text())
        self.override = QLineEdit(self)
        self.override.setPlaceholderText(self.tr("同意がない場合のみ: 提供の理由 (権限のある人)"))
        self.override.setAccessibleName(self.tr("同意なしの提供理由"))
        form = QFormLayout()
        form.addRow(self.tr("帳票"), self.form)
        form.addRow(self.tr("提供先"), self.profile)
        form.addRow(self.tr("提供先の名称"), self.recipient)
        form.addRow("", self.offence)
        form.addRow(self.tr("同意なしの提供理由"), self.override)
        self.preview_button = Button(self.tr("プレビュー(&V)"), self)
        self.print_button = Button(self.tr("印刷(&P)…"), self)
        self.save_button = Button(self.tr("PDFを保存(&S)…"), self)
        self.print_button.setEnabled(False)
        self.save_button.setEnabled(False)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.status.setObjectName("printStatus")
        self.pages = QWidget(self)
        self.pages_layout = QVBoxLayout(self.pages)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.pages)
        buttons = QHBoxLayout()
        buttons.addWidget(self.preview_button)
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.print_button)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(self.status)
        layout.addWidget(scroll, 1)
        self.form.currentIndexChanged.connect(self._form_changed)
        for widget in (self.profile, self.form):
            widget.currentIndexChanged.connect(self._invalidate)
        self.offence.toggled.connect(self._invalidate)
        self.recipient.textChanged.connect(self._invalidate)
        self.preview_button.clicked.connect(self.preview)
        self.print_button.clicked.connect(self.print_pages)
        self.save_button.clicked.connect(self.save_pdf)
        context.locked.connect(self._discard)
        self._form_changed()

    def _form_changed(self) -> None:
        form_id = self.form.currentData()
        self.profile.clear()
        if form_id:
            for name in load_form(form_id).profiles:
                kind = RecipientKind(name)
                self.profile.addItem(kind.label, name)

    def _invalidate(self) -> None:
        """Any change of what is printed needs a new preview (and a new disclosure record)."""
        self.printed = None
        self.print_button.setEnabled(False)
        self.save_button.setEnabled(False)
        self._clear_pages()

    def _clear_pages(self) -> None:
        while self.pages_layout.count():
            item = self.pages_layout.takeAt(0)
            if item is not None and item.widget() is not None:
                item.widget().deleteLater()  # type: ignore[union-attr]

    def request(self, method: str) -> PrintRequest:
        return PrintRequest(
            form_id=str(self.form.currentData()),
            profile=RecipientKind(self.profile.currentData()),
            case_id=self.case_id,
            include_offence=self.offence.isChecked(),
            recipient_name=self.recipient.text().strip(),
            override_reason=self.override.text().strip() or None,
            method=method,
        )

    def preview(self) -> None:
        self.status.setText(self.tr("作成しています…"))
        request = self.request("print")
        ChangeOp(self.context, lambda s: print_form_recorded(s, request)).success(self._previewed).failure(
            self._failed
        ).run_in_background(initiator=self)

    def _previewed(self, result: PrintResult) -> None:
        self.printed = result
        self._clear_pages()
        for image in render_pages(result.pdf, PREVIEW_DPI):
            label = QLabel(self.pages)
            label.setPixmap(QPixmap.fromImage(image))
            label.setAlignment(Qt.AlignmentFlag.AlignHCenter)
            self.pages_layout.addWidget(label)
        recorded = self.tr("提供記録を作成しました。") if result.disclosure_id else ""
        self.status.setText(self.tr("{0} ページ。{1}").format(result.pages, recorded))
        self.print_button.setEnabled(True)
        self.save_button.setEnabled(True)

    def print_pages(self) -> None:
        if self.printed is None:
            return
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setResolution(PRINT_DPI)
        if QPrintDialog(printer, self).exec() != QDialog.DialogCode.Accepted:
            return
        painter = QPainter(printer)
        try:
            for index, image in enumerate(render_pages(self.printed.pdf, PRINT_DPI)):
                if index:
                    printer.newPage()
                target = painter.viewport()
                scaled = image.size().scaled(target.size(), Qt.AspectRatioMode.KeepAspectRatio)
                painter.drawImage(0, 0, image.scaled(scaled, Qt.AspectRatioMode.KeepAspectRatio))
        finally:
            painter.end()
        self.status.setText(self.tr("印刷に送りました。"))

    def save_pdf(self) -> None:
        if self.printed is None:
            return
        answer = QMessageBox.warning(
            self,
            self.tr("個人情報を含むファイル"),
            self.tr("このPDFには個人情報が含まれます。パスワード (AES-256) をかけて保存します。続けますか？"),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        password, ok = QInputDialog.getText(self, self.tr("PDFのパスワード"), self.tr("パスワード (8文字以上)"),
                                            QLineEdit.EchoMode.Password)  # fmt: skip
        if not ok:
            return
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("PDFを保存"), f"{self.form.currentData()}.pdf", "PDF (*.pdf)"
        )
        if not path:
            return
        pdf, form_id = self.printed.pdf, str(self.form.currentData())
        self.status.setText(self.tr("保存しています…"))
        ChangeOp(
            self.context,
            lambda s: save_protected_pdf(s, pdf, password=password, path=Path(path), form_id=form_id),
        ).success(lambda _: self.status.setText(self.tr("保存しました (パスワード付き)。"))).failure(
            self._failed
        ).run_in_background(initiator=self)

    def _failed(self, error: BaseException) -> None:
        self.status.setText(message_for(error))

    def _discard(self) -> None:
        self.printed = None
        self._clear_pages()
        self.reject()
