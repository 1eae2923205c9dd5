"""同期: exchange change packets through a folder, the conflict queue, and (管理者, at the hub) the
center's devices. Every store access runs on the store thread through the operation API."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressDialog,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from teiretsu_desktop.gui import dialogs
from teiretsu_desktop.gui.cases.forms import (
    CASE_FIELDS,
    DISABILITY_FIELDS,
    FOLLOW_UP_FIELDS,
    OUTCOME_FIELDS,
    PERSON_FIELDS,
)
from teiretsu_desktop.gui.context import AppContext
from teiretsu_desktop.gui.errors import message_for
from teiretsu_desktop.gui.operations import ChangeOp, QueryOp
from teiretsu_desktop.gui.tasks import Progress
from teiretsu_desktop.gui.widgets.buttons import Button
from teiretsu_desktop.gui.widgets.list_page import ListPage
from teiretsu_desktop.gui.widgets.progress import follow_progress
from teiretsu_desktop.gui.widgets.table_model import Column
from teiretsu_desktop.security.devices import DeviceEntry
from teiretsu_desktop.security.permissions import Permission
from teiretsu_desktop.services import staff
from teiretsu_desktop.services.cases import find_case_id
from teiretsu_desktop.services.changes import ChangeKind, Changes
from teiretsu_desktop.services.sync import conflicts, devices, exchange, kits

FOLDER_SETTING = "sync/folder"  # this computer user's folder (QSettings), not the center's
# The field names the person and case windows show, for the conflict queue.
FIELD_LABELS = {
    f.key: f.label
    for f in [*PERSON_FIELDS, *DISABILITY_FIELDS, *CASE_FIELDS, *OUTCOME_FIELDS, *FOLLOW_UP_FIELDS]
}


class ExchangePage(QWidget):
    """Write this device's packet into the folder and apply the others' — the everyday step."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.state = QLabel(self)
        self.state.setObjectName("syncState")
        self.state.setWordWrap(True)
        folder_label = QLabel(self.tr("同期フォルダー"), self)
        self.folder = QLineEdit(self)
        self.folder.setAccessibleName(folder_label.text())
        folder_label.setBuddy(self.folder)
        self.folder.setText(str(QSettings().value(FOLDER_SETTING, "") or ""))
        choose = Button(self.tr("フォルダーを選ぶ…"), self)
        choose.clicked.connect(self.choose)
        row = QHBoxLayout()
        row.addWidget(folder_label)
        row.addWidget(self.folder, 1)
        row.addWidget(choose)
        self.sync_button = Button(self.tr("同期する（書き出して取り込む）"), self)
        self.export_button = Button(self.tr("書き出す"), self)
        self.import_button = Button(self.tr("取り込む"), self)
        buttons = QHBoxLayout()
        for button in (self.sync_button, self.export_button, self.import_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.result = QLabel(self)
        self.result.setObjectName("syncResult")
        self.result.setWordWrap(True)
        help_text = QLabel(
            self.tr(
                "USBメモリ、共有フォルダー、Syncthing のフォルダーなど、センターの端末が共有するフォルダーを選びます。"
                "パケットは暗号化・署名されています。"
            ),
            self,
        )
        help_text.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(f"<h2>{self.tr('同期')}</h2>", self))
        layout.addWidget(self.state)
        layout.addLayout(row)
        layout.addLayout(buttons)
        layout.addWidget(self.result)
        layout.addWidget(help_text)
        layout.addStretch(1)
        self.sync_button.clicked.connect(lambda: self.export(then_import=True))
        self.export_button.clicked.connect(lambda: self.export(then_import=False))
        self.import_button.clicked.connect(lambda: self.import_packets())
        context.data_changed.connect(self._changed)
        context.locked.connect(self.result.clear)

    def load(self) -> None:
        QueryOp(self.context, devices.status, self._show_status).run_in_background()

    def showEvent(self, event: QShowEvent) -> None:  # read when shown (issue 19)
        super().showEvent(event)
        if self.context.is_unlocked:
            self.load()

    def _show_status(self, status: devices.SyncStatus) -> None:
        if status.kit_until is not None:
            text = self.tr(
                "これは訪問キットです（期限 {0}）。訪問のあと、拠点でチェックインしてください。"
            ).format(status.kit_until[:10])
        elif not status.in_group:
            text = self.tr(
                "この端末は同期の設定がされていません。拠点（事務所PC）で管理者が同期を始め、端末を登録します。"
            )
        else:
            kind = self.tr("拠点") if status.hub else self.tr("登録済みの端末")
            text = self.tr("この端末: {0}（{1}）。まだ書き出していない変更: {2} 件").format(
                status.device_name, kind, status.pending
            )
        self.state.setText(text)
        for button in (self.sync_button, self.export_button, self.import_button):
            button.setEnabled(status.in_group)

    def _changed(self, changes: Changes, _initiator: object) -> None:
        if self.isVisible() and self.context.is_unlocked:
            self.load()

    def choose(self) -> None:
        path = dialogs.ask_folder(self, self.tr("同期フォルダー"), self.folder.text())
        if path is not None:
            self.folder.setText(str(path))

    def _folder(self) -> Path | None:
        text = self.folder.text().strip()
        if not text:
            self.result.setText(self.tr("同期フォルダーを選んでください。"))
            return None
        QSettings().setValue(FOLDER_SETTING, text)
        return Path(text)

    def export(self, *, then_import: bool) -> None:
        folder = self._folder()
        if folder is None:
            return

        def done(result: exchange.ExportResult) -> None:
            if result.path is None:
                sent = self.tr("送る変更はありません。")
            else:
                sent = self.tr("書き出しました: {0}（{1} 件の変更）").format(result.path.name, result.writes)
            self.result.setText(sent)
            if then_import:
                self.import_packets(sent)

        ChangeOp(self.context, lambda s: exchange.export_for_views(s, folder)).success(done).failure(
            lambda e: self.result.setText(message_for(e))
        ).run_in_background(initiator=self)

    def import_packets(self, sent: str = "") -> QProgressDialog | None:
        folder = self._folder()
        if folder is None:
            return None
        progress = Progress(self.context.runner)
        dialog, finished = follow_progress(
            self, self.context.runner, self.tr("取り込んでいます…"), self.tr("閉じる")
        )

        def done(report: exchange.ImportReport) -> None:
            finished()
            lines = [sent] if sent else []
            lines.append(self.tr("取り込んだ変更: {0} 件").format(report.applied))
            waiting = sum(r.waiting for r in report.results)
            if waiting:
                lines.append(
                    self.tr("{0} 件は、まだ届いていない他の端末の変更を待っています。").format(waiting)
                )
            for refused in report.refused:
                lines.append(self.tr("拒否: {0} — {1}").format(refused.file_name, refused.message))
            self.result.setText("\n".join(lines))

        def failed(error: BaseException) -> None:
            finished()
            self.result.setText(message_for(error))

        ChangeOp(self.context, lambda s: exchange.import_for_views(s, folder, progress)).success(
            done
        ).failure(failed).run_in_background(initiator=self)
        return dialog


class ConflictsPage(ListPage[conflicts.Conflict]):
    kinds = frozenset({ChangeKind.SYNC})

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        kinds = {"field": "項目の競合", "set_aside": "保留された記録", "rule": "ケースの規則"}
        columns: list[Column[conflicts.Conflict]] = [
            Column("種類", lambda c: kinds.get(c.kind, c.kind)),
            Column("記録", lambda c: c.record),
            Column("項目", lambda c: FIELD_LABELS.get(c.field, c.field)),
            Column("内容", lambda c: " ／ ".join(f"{v.device}: {v.value}" for v in c.versions) or c.message),
        ]
        super().__init__(context, self.tr("競合"), columns, parent)
        self.add_button(self.tr("残す版を選ぶ…"), self.resolve, needs=Permission.WRITE_CASES)

    def load(self) -> None:
        QueryOp(self.context, conflicts.conflicts, self.model.set_rows).run_in_background()

    def resolve(self) -> None:
        chosen = self.selected()
        if chosen is None or chosen.kind != "field":
            return
        items = [f"{v.value}（{v.device}, {v.at[:16].replace('T', ' ')}）" for v in chosen.versions]
        field = FIELD_LABELS.get(chosen.field, chosen.field)
        index = dialogs.ask_choice(
            self, self.tr("残す版"), self.tr("{0}「{1}」として残す値").format(chosen.record, field), items
        )
        if index is None:
            return
        ChangeOp(
            self.context, lambda s: conflicts.resolve(s, chosen.table, chosen.key, chosen.field, index)
        ).run_in_background(initiator=self)


class DevicesPage(ListPage[DeviceEntry]):
    kinds = frozenset({ChangeKind.SYNC})

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        columns: list[Column[DeviceEntry]] = [
            Column("端末", lambda e: e.name),
            Column("種類", lambda e: "拠点" if e.hub else f"端末（受付番号 {e.body['series']}）"),
            Column("状態", lambda e: "取り消し済み" if e.revoked else "有効"),
            Column("登録日", lambda e: str(e.body["enrolled_at"])[:10]),
        ]
        super().__init__(context, self.tr("端末"), columns, parent)
        self.status = QLabel(self)
        self.status.setObjectName("devicesStatus")
        self.top.insertWidget(1, self.status)
        self.add_button(
            self.tr("同期を始める（この端末を拠点に）…"), self.init_hub, needs=Permission.MANAGE_DEVICES
        )
        self.add_button(self.tr("端末を登録…"), self.enroll, needs=Permission.MANAGE_DEVICES)
        self.add_button(self.tr("取り消す…"), self.revoke, needs=Permission.MANAGE_DEVICES)

    def load(self) -> None:
        QueryOp(self.context, devices.devices_if_any, self.model.set_rows).run_in_background()

    def _report(self, text: str) -> None:
        self.status.setText(text)

    def init_hub(self) -> None:
        name = dialogs.ask_text(self, self.tr("同期を始める"), self.tr("この端末の名前（例: 事務所PC）"))
        if name is None:
            return
        ChangeOp(self.context, lambda s: devices.init_hub_for_views(s, name)).success(
            lambda e: self._report(self.tr("同期を始めました。この端末が拠点です: {0}").format(e.name))
        ).failure(lambda e: self._report(message_for(e))).run_in_background(initiator=self)

    def enroll(self) -> None:
        name = dialogs.ask_text(self, self.tr("端末を登録"), self.tr("端末の名前（例: 訪問用PC-1）"))
        if name is None:
            return
        path = dialogs.ask_save_path(self, self.tr("端末用のデータの保存先"), f"{name}.teiretsu-device", "*")
        if path is None:
            return
        ChangeOp(self.context, lambda s: devices.enroll_for_views(s, name, path)).success(
            lambda e: self._report(
                self.tr(
                    "{0} を登録しました。そのファイルを端末で「バックアップから復元」してください。"
                ).format(e.name)
            )
        ).failure(lambda e: self._report(message_for(e))).run_in_background(initiator=self)

    def revoke(self) -> None:
        chosen = self.selected()
        if chosen is None or chosen.hub or chosen.revoked:
            return
        if not dialogs.confirm(
            self,
            self.tr("取り消す"),
            self.tr(
                "{0} を取り消しますか？この端末のパケットは以後受け付けず、同期鍵を更新します。紛失・盗難のときに使います。"
            ).format(chosen.name),
        ):
            return
        ChangeOp(self.context, lambda s: devices.revoke_for_views(s, chosen.device_id)).success(
            lambda e: self._report(self.tr("{0} を取り消しました。").format(e.name))
        ).failure(lambda e: self._report(message_for(e))).run_in_background(initiator=self)


class KitsPage(ListPage[kits.KitInfo]):
    """訪問キット: check out chosen cases for one staff member's visit, check them back in."""

    kinds = frozenset({ChangeKind.SYNC})

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        columns: list[Column[kits.KitInfo]] = [
            Column("職員", lambda k: k.staff_name),
            Column("ケース数", lambda k: str(k.cases), lambda k: k.cases),
            Column("貸出日", lambda k: k.checked_out_at[:10]),
            Column("期限", lambda k: k.expires_at[:10]),
            Column("状態", lambda k: "貸出中" if k.status == "out" else "返却済み"),
        ]
        super().__init__(context, self.tr("訪問キット"), columns, parent)
        self.status = QLabel(self)
        self.status.setObjectName("kitsStatus")
        self.top.insertWidget(1, self.status)
        self.add_button(self.tr("チェックアウト…"), self.check_out, needs=Permission.MANAGE_DEVICES)
        self.add_button(self.tr("チェックイン…"), self.check_in)
        self._staff: list[staff.StaffInfo] = []

    def load(self) -> None:
        QueryOp(self.context, kits.kits, self.model.set_rows).run_in_background()
        if self.context.session.can(Permission.MANAGE_DEVICES):
            QueryOp(self.context, staff.list_staff, self._remember_staff).run_in_background()

    def _remember_staff(self, rows: list[staff.StaffInfo]) -> None:
        self._staff = [r for r in rows if r.active]

    def check_out(self) -> None:
        refs = dialogs.ask_text(
            self, self.tr("訪問キット"), self.tr("持ち出すケースの受付番号（複数は読点かカンマで区切る）")
        )
        if refs is None or not self._staff:
            return
        chosen = dialogs.ask_choice(
            self,
            self.tr("キットを使う職員"),
            self.tr("職員"),
            [f"{s.display_name}（{s.login}）" for s in self._staff],
        )
        if chosen is None:
            return
        holder = self._staff[chosen]
        passphrase = dialogs.ask_secret(
            self,
            self.tr("キットを使う職員"),
            self.tr("{0} さん本人がパスフレーズを入力してください").format(holder.display_name),
        )
        if passphrase is None:
            return
        folder = dialogs.ask_folder(self, self.tr("キットの保存先（空のフォルダー）"))
        if folder is None:
            return
        numbers = [r.strip() for r in refs.replace("、", ",").split(",") if r.strip()]
        ChangeOp(
            self.context,
            lambda s: kits.check_out(
                s,
                [find_case_id(s, n) for n in numbers],
                staff_login=holder.login,
                staff_passphrase=passphrase,
                out=folder,
            ),
        ).success(
            lambda k: self._report(self.tr("訪問キットを作りました（期限 {0}）。").format(k.expires_at[:10]))
        ).failure(lambda e: self._report(message_for(e))).run_in_background(initiator=self)

    def check_in(self) -> None:
        folder = dialogs.ask_folder(self, self.tr("チェックインする訪問キットのフォルダー"))
        if folder is None:
            return
        ChangeOp(self.context, lambda s: kits.check_in(s, folder)).success(
            lambda n: self._report(
                self.tr("チェックインしました（{0} 件の変更）。キットは消去しました。").format(n)
            )
        ).failure(lambda e: self._report(message_for(e))).run_in_background(initiator=self)

    def _report(self, text: str) -> None:
        self.status.setText(text)


class SyncView(QTabWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setObjectName("sync")
        self.exchange = ExchangePage(context, self)
        self.conflicts = ConflictsPage(context, self)
        self.devices = DevicesPage(context, self)
        self.kits = KitsPage(context, self)
        self.addTab(self.exchange, self.tr("同期"))
        self.addTab(self.conflicts, self.tr("競合"))
        self.addTab(self.devices, self.tr("端末"))
        self.addTab(self.kits, self.tr("訪問キット"))

    def start(self) -> None:
        self.conflicts.start()
        self.devices.start()
        self.kits.start()
