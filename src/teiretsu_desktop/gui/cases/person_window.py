"""The person across episodes (issue 17): who they are, where they live now, every case with its line,
state and dates, how the cases follow each other, their disabilities and 手帳 with dates, and their
consents — in one window, opened from a case. A later case is linked here to the earlier one it follows.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from datetime import date, datetime
from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QHeaderView, QLabel, QTableView, QVBoxLayout, QWidget

from teiretsu_desktop.domain.episodes import EpisodeLink
from teiretsu_desktop.domain.errors import InvalidInput
from teiretsu_desktop.domain.wareki import age_on, parse_date, short_wareki, to_wareki
from teiretsu_desktop.gui import dialogs
from teiretsu_desktop.gui.context import AppContext
from teiretsu_desktop.gui.errors import message_for
from teiretsu_desktop.gui.operations import ChangeOp, QueryOp
from teiretsu_desktop.gui.widgets.buttons import Button
from teiretsu_desktop.gui.widgets.table_model import Column, RowsModel
from teiretsu_desktop.gui.window_geometry import remember, restore
from teiretsu_desktop.security.permissions import Permission
from teiretsu_desktop.services import episodes
from teiretsu_desktop.services.changes import ChangeKind, Changes
from teiretsu_desktop.services.episodes import Episode, PersonRecord
from teiretsu_desktop.services.persons import CertificateInput

READMISSION = {"yes": "有", "no": "無", "unknown": "不明"}


def _when(value: datetime | None) -> str:
    return to_wareki(value.date(), short=True) if value else ""


class PersonWindow(QWidget):
    """One person's record across episodes. `open_case` opens a case window (the main window's)."""

    closed = Signal(str)

    def __init__(
        self,
        context: AppContext,
        person_id: str,
        open_case: Callable[[str], None],
        current_case: str | None = None,
    ) -> None:
        super().__init__(None, Qt.WindowType.Window)
        self.context = context
        self.person_id = person_id
        self.current_case = current_case
        self._open_case = open_case
        self.record: PersonRecord | None = None
        self.may_write = context.session.can(Permission.WRITE_CASES)
        self.setObjectName("personWindow")
        self.setWindowTitle(self.tr("本人の全体像") + " — Teiretsu")
        restore(self, "person", 1000, 640)
        self.header = QLabel(self)
        self.header.setObjectName("personHeader")
        self.header.setTextFormat(Qt.TextFormat.RichText)
        self.header.setWordWrap(True)
        title = self.tr("支援の経過 (ケース)")
        self.episodes_label = QLabel(title, self)
        self.model: RowsModel[Episode] = RowsModel(
            [
                Column(self.tr("ケース番号"), lambda e: e.case_no),
                Column(self.tr("業務区分"), lambda e: e.business_line.label),
                Column(self.tr("状態"), lambda e: e.state.label),
                Column(
                    self.tr("依頼日"),
                    lambda e: short_wareki(e.request_date),
                    lambda e: e.request_date or date.min,
                ),
                Column(self.tr("帰住日・釈放日"), lambda e: short_wareki(e.release_date)),
                Column(
                    self.tr("退所時の居住先"),
                    lambda e: e.release_residence.label if e.release_residence else "",
                ),
                Column(self.tr("終結日"), lambda e: short_wareki(e.closure_date)),
                Column(self.tr("主担当"), lambda e: e.primary_staff),
                Column(self.tr("再入所"), self._readmission),
                Column(self.tr("前の支援"), self._follows),
                Column(self.tr("最終連絡"), lambda e: _when(e.last_contact)),
            ]
        )
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setObjectName("personEpisodes")
        self.table.setAccessibleName(title)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.doubleClicked.connect(lambda _index: self.open_selected())
        self.open_button = Button(self.tr("ケースを開く"), self)
        self.open_button.clicked.connect(self.open_selected)
        self.link_button = Button(self.tr("前の支援とつなぐ…"), self)
        self.link_button.setToolTip(
            self.tr(
                "選んだケースが、この人の前のケースに続く支援であることを記録します (再入所は前のケースにも記録されます)"
            )
        )
        self.link_button.clicked.connect(self.link_selected)
        self.unlink_button = Button(self.tr("つながりを外す"), self)
        self.unlink_button.clicked.connect(self.unlink_selected)
        for button in (self.link_button, self.unlink_button):
            button.setVisible(self.may_write)
        buttons = QHBoxLayout()
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.link_button)
        buttons.addWidget(self.unlink_button)
        buttons.addStretch(1)
        self.details = QLabel(self)
        self.details.setObjectName("personDetails")
        self.details.setTextFormat(Qt.TextFormat.RichText)
        self.details.setWordWrap(True)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status = QLabel(self)
        self.status.setObjectName("personStatus")
        self.status.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.header)
        layout.addWidget(self.episodes_label)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.details)
        layout.addWidget(self.status)
        QShortcut(QKeySequence("Ctrl+W"), self, self.close)
        context.data_changed.connect(self._changed)
        context.locked.connect(self.close)
        self.reload()

    # -- reading ----------------------------------------------------------------------------------

    def reload(self) -> None:
        person_id = self.person_id
        QueryOp(
            self.context, lambda s: episodes.person_record(s, person_id), self._loaded
        ).run_in_background()

    def _loaded(self, record: PersonRecord) -> None:
        self.record = record
        person = record.person
        birth = ""
        if person.birth_date is not None:
            birth = self.tr("{0}生 ({1}歳)").format(
                to_wareki(person.birth_date), age_on(person.birth_date, date.today())
            )
        residence = record.current_residence
        where = (
            self.tr("現在の居住先: {0}").format(
                escape(residence[0].label + (f" ({residence[1]})" if residence[1] else ""))
            )
            if residence
            else self.tr("現在の居住先: 記録なし")
        )
        kana = escape(person.full_kana)
        self.header.setText(
            f"<h2>{escape(person.full_name)} <small>{kana} {birth}</small></h2>"
            + where
            + " ・ "
            + self.tr("ケース {0}件").format(len(record.episodes))
        )
        self.model.set_rows(record.episodes)
        current = next(
            (i for i, e in enumerate(record.episodes) if e.case_id == self.current_case),
            len(record.episodes) - 1,
        )
        if record.episodes:
            self.table.selectRow(current)
        disabilities = "、".join(
            kind.label + (self.tr(" ({0}判明)").format(short_wareki(known)) if known else "")
            for kind, known in record.disabilities
        ) or self.tr("なし")
        certificates = "、".join(self._certificate(c) for c in person.certificates) or self.tr("なし")
        consents = "、".join(
            f"{c.status.label} {short_wareki(c.given_on or c.prepared_on)}"
            + (self.tr(" (撤回 {0})").format(short_wareki(c.withdrawn_on)) if c.withdrawn_on else "")
            + (
                self.tr(" ({0}まで)").format(short_wareki(c.expires_on))
                if c.expires_on and not c.withdrawn_on
                else ""
            )
            for c in record.consents
        ) or self.tr("なし")
        self.details.setText(
            "<br>".join(
                (
                    self.tr("<b>障害</b>: {0}").format(escape(disabilities)),
                    self.tr("<b>手帳</b>: {0}").format(escape(certificates)),
                    self.tr("<b>同意</b>: {0}").format(escape(consents)),
                )
            )
        )

    def _certificate(self, c: CertificateInput) -> str:
        dates = [self.tr("{0}交付").format(short_wareki(c.issued_on))] if c.issued_on else []
        if c.expires_on:
            dates.append(self.tr("{0}まで").format(short_wareki(c.expires_on)))
        grade = f" {c.grade}" if c.grade else ""
        return c.kind.label + grade + (f" ({'、'.join(dates)})" if dates else "")

    def _readmission(self, e: Episode) -> str:
        label = READMISSION.get(e.readmission, e.readmission)
        return f"{label} {short_wareki(e.readmission_date)}".strip()

    def _follows(self, e: Episode) -> str:
        if not e.follows or self.record is None or e.follows_kind is None:
            return ""
        earlier = next((x for x in self.record.episodes if x.case_id == e.follows), None)
        return f"{earlier.case_no if earlier else '?'} ({e.follows_kind.label})"

    def selected(self) -> Episode | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    # -- acting -----------------------------------------------------------------------------------

    def open_selected(self) -> None:
        episode = self.selected()
        if episode is not None:
            self._open_case(episode.case_id)

    def link_selected(self) -> None:
        """Link the selected (later) case to an earlier case of the same person, asking which and how."""
        later = self.selected()
        if later is None or self.record is None:
            return
        earlier = [e for e in self.record.episodes if e.case_id != later.case_id]
        if not earlier:
            self.status.setText(self.tr("この人のほかのケースがありません"))
            return
        names = [f"{e.case_no} {e.business_line.label} ({short_wareki(e.request_date)})" for e in earlier]
        chosen = dialogs.ask_choice(
            self, self.tr("前の支援とつなぐ"), self.tr("{0} の前のケース").format(later.case_no), names
        )
        if chosen is None:
            return
        kinds = list(EpisodeLink)
        how = dialogs.ask_choice(
            self, self.tr("前の支援とつなぐ"), self.tr("つながり"), [k.label for k in kinds]
        )
        if how is None:
            return
        kind, readmitted_on = kinds[how], None
        if kind is EpisodeLink.READMISSION:
            typed = dialogs.ask_text(self, self.tr("再入所日"), self.tr("再入所日 (例: 令和7年6月20日)"))
            if typed is None:
                return
            try:
                readmitted_on = parse_date(typed)
            except (InvalidInput, ValueError):
                self.status.setText(self.tr("再入所日が読めません: {0}").format(typed))
                return
        later_id, earlier_id = later.case_id, earlier[chosen].case_id
        ChangeOp(
            self.context,
            lambda s: episodes.link_episode(s, later_id, earlier_id, kind, readmitted_on=readmitted_on),
        ).success(lambda _: self._done(self.tr("つなぎました"))).failure(self._failed).run_in_background(
            initiator=self
        )

    def unlink_selected(self) -> None:
        later = self.selected()
        if later is None or later.follows is None:
            return
        question = self.tr("{0} と前の支援のつながりを外しますか？ (記録された再入所は前のケースに残ります)")
        if not dialogs.confirm(self, self.tr("つながりを外す"), question.format(later.case_no)):
            return
        case_id = later.case_id
        ChangeOp(self.context, lambda s: episodes.unlink_episode(s, case_id)).success(
            lambda _: self._done(self.tr("つながりを外しました"))
        ).failure(self._failed).run_in_background(initiator=self)

    def _done(self, message: str) -> None:
        self.status.setText(message)
        if self.context.is_unlocked:
            self.reload()

    def _failed(self, error: BaseException) -> None:
        self.status.setText(message_for(error))

    def _changed(self, changes: Changes, initiator: object) -> None:
        if initiator is self or not self.context.is_unlocked or self.record is None:
            return
        mine = {e.case_id for e in self.record.episodes}
        if changes.touches_record(ChangeKind.PERSON, self.person_id) or any(
            changes.kinds_for_case(case_id) for case_id in mine
        ):
            self.reload()

    def closeEvent(self, event: QCloseEvent) -> None:
        remember(self, "person")
        # A closed window no longer follows changes or locks (it would read the record again).
        for signal, slot in ((self.context.data_changed, self._changed), (self.context.locked, self.close)):
            with contextlib.suppress(RuntimeError, TypeError):  # already disconnected
                signal.disconnect(slot)
        self.closed.emit(self.person_id)
        super().closeEvent(event)
