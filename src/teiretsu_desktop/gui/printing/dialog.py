"""印刷: choose the form, the recipient (or the center's own copy) and what to include; preview from
memory; print through QPrinter, or save a password-protected PDF on purpose.

A preview is not a provision: it checks the basis (documents.printing.prepare_print) and shows the
pages, and writes nothing. The 提供記録 (or, for a センター控え, the audit entry) is written only when
the print dialog is accepted or the file is saved; cancelling leaves no trace.
"""

from __future__ import annotations

from datetime import date, datetime, time

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QPainter, QPixmap, QShortcut
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from teiretsu_desktop.documents.definitions import available_forms, load_form
from teiretsu_desktop.documents.printing import (
    PrintRequest,
    PrintResult,
    prepare_print,
    record_print,
    save_pdf,
)
from teiretsu_desktop.domain.codes import BusinessLine, CandidateStatus, ProvisionChannel, RecipientKind
from teiretsu_desktop.domain.errors import InvalidInput
from teiretsu_desktop.gui import dialogs
from teiretsu_desktop.gui.context import AppContext
from teiretsu_desktop.gui.errors import message_for
from teiretsu_desktop.gui.operations import ChangeOp, QueryOp
from teiretsu_desktop.gui.printing.pages import render_pages
from teiretsu_desktop.gui.widgets.buttons import Button
from teiretsu_desktop.gui.widgets.dates import DateEdit
from teiretsu_desktop.gui.widgets.scroll import scrolling
from teiretsu_desktop.gui.window_geometry import fit_to_screen
from teiretsu_desktop.security.permissions import Permission
from teiretsu_desktop.services import cases, coordination

INTERNAL = "internal"  # the 提供先 choice for the center's own copy

PREVIEW_DPI = 96  # 100 %: an A4 page as large as on paper on a common screen
ZOOMS = (50, 75, 100, 150, 200)  # 表示倍率 of the preview, in percent
PRINT_DPI = 300


class PrintDialog(QDialog):
    def __init__(
        self,
        context: AppContext,
        case_id: str | None,
        parent: QWidget | None = None,
        *,
        form_id: str | None = None,
        consent_id: str | None = None,
        meeting_id: str | None = None,
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.case_id = case_id
        self.consent_id = consent_id
        self.meeting_id = meeting_id
        self.printed: PrintResult | None = None
        self.decided: str | None = None  # the decided placement candidate, offered as the recipient
        self.setObjectName("printDialog")
        self.setWindowTitle(self.tr("印刷"))
        fit_to_screen(self, 1000, 760)
        self.form = QComboBox(self)
        self.form.setAccessibleName(self.tr("帳票"))
        for available in available_forms():
            definition = load_form(available)
            if case_id is not None or not definition.needs_case:
                self.form.addItem(definition.title, available)
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
        self.override.setAccessibleName(self.tr("同意によらない提供の理由"))
        # The period of a 支援経過記録 or a 第三者提供記録簿 (empty: all of it).
        self.period_start = DateEdit(self, accessible_name=self.tr("期間の初日"))
        self.period_end = DateEdit(self, accessible_name=self.tr("期間の末日"))
        period = QHBoxLayout()
        period.addWidget(self.period_start, 1)
        period.addWidget(QLabel("〜", self))
        period.addWidget(self.period_end, 1)
        form = QFormLayout()
        form.addRow(self.tr("帳票"), self.form)
        form.addRow(self.tr("提供先"), self.profile)
        form.addRow(self.tr("提供先の名称"), self.recipient)
        form.addRow("", self.offence)
        form.addRow(self.tr("同意によらない提供の理由"), self.override)
        form.addRow(self.tr("期間 (経過記録・記録簿)"), period)
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
        scroll = scrolling(self.pages, self)
        # The preview is read on screen before it goes out: it can be zoomed (Ctrl++ / Ctrl+-).
        self.zoom = QComboBox(self)
        for percent in ZOOMS:
            self.zoom.addItem(f"{percent}%", percent)
        self.zoom.setCurrentIndex(ZOOMS.index(100))
        zoom_label = QLabel(self.tr("表示倍率"), self)
        zoom_label.setBuddy(self.zoom)
        self.zoom.setAccessibleName(self.tr("表示倍率"))
        self.zoom.currentIndexChanged.connect(self._show_pages)
        QShortcut(QKeySequence.StandardKey.ZoomIn, self, lambda: self._step_zoom(1))
        QShortcut(QKeySequence.StandardKey.ZoomOut, self, lambda: self._step_zoom(-1))
        buttons = QHBoxLayout()
        buttons.addWidget(self.preview_button)
        buttons.addWidget(zoom_label)
        buttons.addWidget(self.zoom)
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.print_button)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(self.status)
        layout.addWidget(scroll, 1)
        if form_id is not None:
            self.form.setCurrentIndex(max(0, self.form.findData(form_id)))
        self.form.currentIndexChanged.connect(self._form_changed)
        self.profile.currentIndexChanged.connect(self._profile_changed)
        for widget in (self.profile, self.form):
            widget.currentIndexChanged.connect(self._invalidate)
        self.offence.toggled.connect(self._invalidate)
        self.recipient.textChanged.connect(self._invalidate)
        self.override.textChanged.connect(self._invalidate)
        self.period_start.changed.connect(self._invalidate)
        self.period_end.changed.connect(self._invalidate)
        self.preview_button.clicked.connect(self.preview)
        self.print_button.clicked.connect(self.print_pages)
        self.save_button.clicked.connect(self.save_pdf)
        context.locked.connect(self._discard)
        self._form_changed()
        if case_id is not None:
            QueryOp(
                context, lambda s: coordination.list_candidates(s, case_id), self._candidates_loaded
            ).run_in_background()
            QueryOp(
                context, lambda s: cases.business_line_of(s, case_id), self._line_loaded
            ).run_in_background()

    def _line_loaded(self, line: BusinessLine) -> None:
        """Only the forms for this case's line (a 被疑者等支援 報告書 is not offered for 特別調整)."""
        for index in reversed(range(self.form.count())):
            if not load_form(str(self.form.itemData(index))).applies_to(str(line)):
                self.form.removeItem(index)

    def _form_changed(self) -> None:
        form_id = self.form.currentData()
        self.profile.clear()
        definition = load_form(form_id) if form_id else None
        if definition is not None and not definition.center_wide:
            for name in definition.profiles:
                self.profile.addItem(RecipientKind(name).label, name)
        if self.case_id is not None or (
            definition is not None and (definition.center_wide or not definition.needs_case)
        ):
            self.profile.addItem(self.tr("センター控え（外部に提供しない）"), INTERNAL)

    def _candidates_loaded(self, candidates: list[coordination.CandidateView]) -> None:
        decided = next((c for c in candidates if c.status is CandidateStatus.DECIDED), None)
        if decided is not None:
            self.decided = decided.name
            self._profile_changed()

    def _profile_changed(self) -> None:
        """A letter to the receiving facility is addressed to the decided candidate unless typed. The
        center's own copy has no recipient and needs no reason."""
        internal = self.profile.currentData() == INTERNAL
        self.recipient.setEnabled(not internal)
        self.override.setEnabled(not internal)
        if (
            self.decided
            and self.profile.currentData() == str(RecipientKind.FACILITY)
            and not self.recipient.text()
        ):
            self.recipient.setText(self.decided)

    def _invalidate(self) -> None:
        """Any change of what is printed needs a new preview."""
        self.printed = None
        self.print_button.setEnabled(False)
        self.save_button.setEnabled(False)
        self._clear_pages()

    def _show_pages(self) -> None:
        """The previewed pages at the chosen 表示倍率 (rendered again from the PDF in memory)."""
        self._clear_pages()
        if self.printed is None:
            return
        dpi = PREVIEW_DPI * int(self.zoom.currentData()) / 100
        for image in render_pages(self.printed.pdf, dpi):
            label = QLabel(self.pages)
            label.setPixmap(QPixmap.fromImage(image))
            label.setAlignment(Qt.AlignmentFlag.AlignHCenter)
            self.pages_layout.addWidget(label)

    def _step_zoom(self, step: int) -> None:
        self.zoom.setCurrentIndex(min(max(self.zoom.currentIndex() + step, 0), self.zoom.count() - 1))

    def _clear_pages(self) -> None:
        while self.pages_layout.count():
            item = self.pages_layout.takeAt(0)
            if item is not None and item.widget() is not None:
                item.widget().deleteLater()  # type: ignore[union-attr]

    def request(self) -> PrintRequest:
        profile = self.profile.currentData()
        internal = profile == INTERNAL
        return PrintRequest(
            form_id=str(self.form.currentData()),
            profile=None if internal else RecipientKind(profile),
            case_id=self.case_id,
            include_offence=self.offence.isChecked(),
            recipient_name="" if internal else self.recipient.text().strip(),
            override_reason=None if internal else self.override.text().strip() or None,
            consent_id=self.consent_id,
            meeting_id=self.meeting_id,
            period=self._period(),
        )

    def _period(self) -> tuple[datetime, datetime] | None:
        """The chosen period (a day or an open end may be left empty); raises InvalidInput if unreadable."""
        try:
            start, end = self.period_start.value(), self.period_end.value()
        except ValueError:
            raise InvalidInput(
                self.tr("期間: 日付として読めません (例: 令和6年4月1日 / 2024-04-01)")
            ) from None
        if start is None and end is None:
            return None
        return (
            datetime.combine(start or date(1900, 1, 1), time.min),
            datetime.combine(end or date(2100, 12, 31), time.max),
        )

    def preview(self) -> None:
        """Check and render only: a preview writes no 提供記録 and no audit entry."""
        try:
            request = self.request()
        except InvalidInput as exc:
            self.status.setText(message_for(exc))
            return
        self.status.setText(self.tr("作成しています…"))
        QueryOp(self.context, lambda s: prepare_print(s, request), self._previewed).failure(
            self._failed
        ).run_in_background()

    def _previewed(self, result: PrintResult) -> None:
        self.printed = result
        self._show_pages()
        self.status.setText(self.tr("{0} ページ。{1}").format(result.pages, self._basis_text(result)))
        self.print_button.setEnabled(True)
        self.save_button.setEnabled(True)

    def _basis_text(self, result: PrintResult) -> str:
        if result.request.internal:
            return self.tr("センター控え: 提供記録は作成しません（印刷は監査ログに残ります）。")
        if result.provision is None:
            return ""
        if result.by_override:
            return self.tr("同意によらない提供です。印刷または保存した時に提供記録を作成します。")
        if result.basis is not None and not result.basis.coverage.needed:
            return self.tr("本人への交付です。印刷または保存した時に記録します。")
        return self.tr("同意に基づく提供です。印刷または保存した時に提供記録を作成します。")

    def print_pages(self) -> None:
        """The job is sent only when the print dialog is accepted; then it is recorded, then drawn."""
        printed = self.printed
        if printed is None:
            return
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setResolution(PRINT_DPI)
        if not dialogs.ask_printer(self, printer):
            self.status.setText(self.tr("印刷を取り消しました。何も記録していません。"))
            return
        ChangeOp(self.context, lambda s: record_print(s, printed, ProvisionChannel.PRINT)).success(
            lambda disclosure: self._paint(printer, printed, disclosure)
        ).failure(self._failed).run_in_background(initiator=self)

    def _paint(self, printer: QPrinter, printed: PrintResult, disclosure: str | None) -> None:
        painter = QPainter(printer)
        try:
            for index, image in enumerate(render_pages(printed.pdf, PRINT_DPI)):
                if index:
                    printer.newPage()
                target = painter.viewport()
                scaled = image.size().scaled(target.size(), Qt.AspectRatioMode.KeepAspectRatio)
                painter.drawImage(0, 0, image.scaled(scaled, Qt.AspectRatioMode.KeepAspectRatio))
        finally:
            painter.end()
        recorded = self.tr("提供記録を作成しました。") if disclosure else ""
        self.status.setText(self.tr("印刷に送りました。") + recorded)

    def save_pdf(self) -> None:
        printed = self.printed
        if printed is None:
            return
        if not dialogs.confirm(
            self,
            self.tr("個人情報を含むファイル"),
            self.tr("このPDFには個人情報が含まれます。パスワード (AES-256) をかけて保存します。続けますか？"),
        ):
            return
        password = dialogs.ask_password(self, self.tr("PDFのパスワード"), self.tr("パスワード (8文字以上)"))
        if password is None:
            return
        path = dialogs.ask_save_path(
            self, self.tr("PDFを保存"), f"{printed.request.form_id}.pdf", "PDF (*.pdf)"
        )
        if path is None:
            return
        self.status.setText(self.tr("保存しています…"))
        ChangeOp(self.context, lambda s: save_pdf(s, printed, path=path, password=password)).success(
            lambda disclosure: self.status.setText(
                self.tr("保存しました (パスワード付き)。")
                + (self.tr("提供記録を作成しました。") if disclosure else "")
            )
        ).failure(self._failed).run_in_background(initiator=self)

    def _failed(self, error: BaseException) -> None:
        self.status.setText(message_for(error))

    def _discard(self) -> None:
        self.printed = None
        self._clear_pages()
        self.reject()
