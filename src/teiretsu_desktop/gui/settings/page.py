"""設定: staff and roles, center settings (idle lock, retention, disclosure policy), the audit log,
backup and this device's keyring unlock. Each part is shown only to roles that may use it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QProgressDialog,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from teiretsu_desktop.domain.roles import Role
from teiretsu_desktop.gui import dialogs
from teiretsu_desktop.gui.context import AppContext, LockReason
from teiretsu_desktop.gui.errors import message_for
from teiretsu_desktop.gui.operations import ChangeOp, QueryOp
from teiretsu_desktop.gui.tasks import Progress
from teiretsu_desktop.gui.widgets.buttons import Button
from teiretsu_desktop.gui.widgets.form import Field, Form
from teiretsu_desktop.gui.widgets.form_dialog import FormDialog, Job
from teiretsu_desktop.gui.widgets.list_page import ListPage
from teiretsu_desktop.gui.widgets.progress import follow_progress
from teiretsu_desktop.gui.widgets.table_model import Column
from teiretsu_desktop.security.permissions import Permission
from teiretsu_desktop.services import audit_log, maintenance, staff
from teiretsu_desktop.services.changes import ChangeKind
from teiretsu_desktop.services.settings import CenterSettings, load_settings, save_settings
from teiretsu_desktop.store.backup import BackupInfo


class StaffPage(ListPage[staff.StaffInfo]):
    kinds = frozenset({ChangeKind.STAFF})

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        columns: list[Column[staff.StaffInfo]] = [
            Column("スタッフ名", lambda s: s.login),
            Column("氏名", lambda s: s.display_name),
            Column("役割", lambda s: s.role.label_ja),
            Column("状態", lambda s: "有効" if s.active else "削除済み"),
            Column("鍵", lambda s: ("パスフレーズ" if s.has_passphrase else "要再設定") + (" ・キーリング" if s.has_keyring else "")),
        ]  # fmt: skip
        super().__init__(context, self.tr("スタッフ"), columns, parent)
        self.add_button(self.tr("スタッフを追加…"), self.add)
        self.add_button(self.tr("仮パスフレーズを設定…"), self.reset)
        self.add_button(self.tr("削除…"), self.remove)

    def load(self) -> None:
        QueryOp(self.context, staff.list_staff, self.model.set_rows).run_in_background()

    def add(self) -> None:
        fields = [
            Field("login", "スタッフ名 (ログイン名)"),
            Field("display_name", "氏名"),
            Field("role", "役割", "choice"),
            Field("passphrase", "初期パスフレーズ (12文字以上)"),
        ]

        def make(v: dict[str, Any]) -> Job:
            return lambda s: staff.add_staff(
                s, login=v["login"] or "", display_name=v["display_name"] or "",
                role=Role(v["role"] or "caseworker"), passphrase=v["passphrase"] or "",
            )  # fmt: skip

        dialog = FormDialog(self.tr("スタッフを追加"), fields, self.context, make, None, self)
        dialog.form.set_choices("role", [(r.label_ja, r.value) for r in Role])
        dialog.open()

    def reset(self) -> None:
        chosen = self.selected()
        if chosen is None:
            return
        fields = [Field("passphrase", f"{chosen.login} の仮パスフレーズ")]
        FormDialog(
            self.tr("仮パスフレーズ"), fields, self.context,
            lambda v: lambda s: staff.reset_passphrase(s, login=chosen.login, new=v["passphrase"] or ""), None, self,
        ).open()  # fmt: skip

    def _removed(self, login: str) -> None:
        QMessageBox.information(
            self,
            self.tr("鍵の更新"),
            self.tr(
                "{0} を削除しました。削除した人が持ち出した鍵ファイルやバックアップで開けないよう、"
                "管理用コマンドで鍵を更新してください (teiretsu-admin rotate-key)。"
            ).format(login),
        )

    def remove(self) -> None:
        chosen = self.selected()
        if chosen is None:
            return
        if not dialogs.confirm(
            self,
            self.tr("削除"),
            self.tr(
                "{0} を削除し、鍵を消去しますか？データベースの鍵も更新するので、削除した人が持ち出した鍵ファイルや"
                "バックアップでは開けなくなります。このあと、もう一度解除していただきます。"
            ).format(chosen.login),
        ):
            return
        if not self.context.session.can(Permission.ROTATE_KEY):
            ChangeOp(self.context, lambda s: staff.remove_staff(s, chosen.login)).success(
                lambda _: self._removed(chosen.login)
            ).run_in_background()
            return
        passphrase = dialogs.ask_secret(self, self.tr("鍵の更新"), self.tr("あなたのパスフレーズ"))
        if passphrase is None:
            return
        ChangeOp(
            self.context, lambda s: staff.remove_staff_and_rotate(s, chosen.login, passphrase=passphrase)
        ).success(self._rotated).run_in_background(initiator=self)

    def _rotated(self, recovery_code: str) -> None:
        """The store was re-keyed: show the new recovery key once, then unlock again."""
        dialogs.show_recovery_key(self, recovery_code)
        self.context.lock(LockReason.KEYS)


class AuditPage(ListPage[audit_log.AuditRow]):
    kinds = frozenset({ChangeKind.SETTINGS, ChangeKind.STAFF})

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        columns: list[Column[audit_log.AuditRow]] = [
            Column("#", lambda e: str(e.seq), lambda e: e.seq),
            Column("日時", lambda e: e.when, lambda e: e.at),
            Column("操作者", lambda e: e.actor),
            Column("操作", lambda e: e.action_label),
            Column("対象", lambda e: e.target_label),
            Column("詳細", lambda e: e.detail_label),
        ]
        super().__init__(context, self.tr("監査ログ (直近200件)"), columns, parent)
        self.result = QLabel(self)
        self.result.setObjectName("chainResult")
        self.top.insertWidget(1, self.result)
        self.add_button(self.tr("改ざんを検査"), self.verify)

    def load(self) -> None:
        QueryOp(self.context, audit_log.recent_entries, self.model.set_rows).run_in_background()

    def verify(self) -> None:
        def show(problems: list[str]) -> None:
            self.result.setText(
                self.tr("検査結果: 正常")
                if not problems
                else self.tr("検査結果: 異常 — ") + "; ".join(problems)
            )
            self.load()

        QueryOp(self.context, audit_log.verify_chain, show).run_in_background()


class CenterSettingsPage(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.form = Form(
            [
                Field("idle_lock_minutes", "自動ロックまでの分数 (1〜60)", "int"),
                Field("allow_keyring_unlock", "この端末のキーリングでの解除を許可", "bool"),
                Field("retention_years_case", "ケース記録の保存年限 (終結後)", "int"),
                Field("retention_years_disclosure", "提供記録の保存年限", "int"),
                Field("suppression_policy", "統計の秘匿方針", "choice"),
                Field("font_path", "帳票のフォント (空欄なら自動)"),
                Field("center_address", "センターの所在地 (文書に印刷)"),
                Field("center_phone", "センターの電話番号"),
                Field("center_fax", "センターのFAX番号"),
                Field("reminder_plan_days", "調整計画作成の期限 (釈放予定日の何日前)", "int"),
                Field("reminder_placement_days", "受入先決定の期限 (何日前)", "int"),
                Field("reminder_applications_days", "申請支援の確認の期限 (何日前)", "int"),
                Field("reminder_handover_days", "引継ぎ準備の期限 (何日前)", "int"),
            ],
            self,
        )
        self.form.set_choices(
            "suppression_policy",
            [
                (self.tr("都道府県内 (実数・取扱注意)"), "prefecture"),
                (self.tr("公表用 (10未満を秘匿)"), "public"),
            ],
        )
        self.status = QLabel(self)
        save = Button(self.tr("設定を保存"), self)
        self.save_button = save
        self.keyring = Button(self.tr("この端末のキーリングで解除できるようにする"), self)
        self.backup_button = Button(self.tr("バックアップを作成…"), self)
        buttons = QHBoxLayout()
        buttons.addWidget(self.keyring)
        buttons.addWidget(self.backup_button)
        buttons.addStretch(1)
        buttons.addWidget(save)
        # The interface language is this computer user's own choice (QSettings), not the center's.
        language_label = QLabel(self.tr("表示言語 (この端末、次回の起動から)"), self)
        self.language = QComboBox(self)
        self.language.setAccessibleName(language_label.text())
        language_label.setBuddy(self.language)
        for label, code in ((self.tr("OSの設定に合わせる"), ""), ("日本語", "ja"), ("English", "en")):
            self.language.addItem(label, code)
        self.language.setCurrentIndex(
            max(0, self.language.findData(str(QSettings().value("ui/language", "") or "")))
        )
        self.language.currentIndexChanged.connect(
            lambda: QSettings().setValue("ui/language", str(self.language.currentData()))
        )
        language_row = QHBoxLayout()
        language_row.addWidget(language_label)
        language_row.addWidget(self.language)
        language_row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.form)
        layout.addLayout(buttons)
        layout.addWidget(self.status)
        layout.addLayout(language_row)
        layout.addStretch(1)
        save.clicked.connect(self.save)
        self.keyring.clicked.connect(self.enable_keyring)
        self.backup_button.clicked.connect(self.backup)
        context.locked.connect(self.form.clear)

    def load(self) -> None:
        QueryOp(self.context, load_settings, lambda s: self.form.set_values(s.__dict__)).run_in_background()

    def save(self) -> None:
        try:
            values = self.form.values()
            new = CenterSettings(
                **{k: v if v is not None else getattr(CenterSettings(), k) for k, v in values.items()}
            )
        except Exception as exc:
            self.status.setText(message_for(exc))
            return
        ChangeOp(self.context, lambda s: save_settings(s, new)).success(
            lambda _: self.status.setText(self.tr("保存しました"))
        ).failure(lambda e: self.status.setText(message_for(e))).run_in_background(initiator=self)

    def enable_keyring(self) -> None:
        ChangeOp(self.context, staff.enable_keyring).success(
            lambda _: self.status.setText(self.tr("キーリングでの解除を有効にしました"))
        ).failure(lambda e: self.status.setText(message_for(e))).run_in_background(initiator=self)

    def backup(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("バックアップの保存先"), "teiretsu.backup")
        if not path:
            return
        self.run_backup(Path(path))

    def run_backup(self, path: Path) -> QProgressDialog:
        """Copy with a progress bar; Cancel stops between steps and leaves no partial file."""
        progress = Progress(self.context.runner)
        dialog, finished = follow_progress(
            self, self.context.runner, self.tr("バックアップしています…"), self.tr("中止"), cancels=progress
        )

        def done(info: BackupInfo) -> None:
            finished()
            self._backed_up(info)

        def failed(error: BaseException) -> None:
            finished()
            self.status.setText(message_for(error))

        QueryOp(self.context, lambda s: maintenance.backup(s, path, progress), done).failure(
            failed
        ).run_in_background()
        return dialog

    def _backed_up(self, info: BackupInfo) -> None:
        self.status.setText(self.tr("バックアップを作成しました: {0}").format(str(info.path)))


class SettingsView(QTabWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setObjectName("settings")
        self.center = CenterSettingsPage(context, self)
        self.staff = StaffPage(context, self)
        self.audit = AuditPage(context, self)
        self.addTab(self.center, self.tr("センター"))
        self.addTab(self.staff, self.tr("スタッフと役割"))
        self.addTab(self.audit, self.tr("監査ログ"))

    def start(self) -> None:
        session = self.context.session
        self.setTabVisible(1, session.can(Permission.MANAGE_STAFF))
        self.setTabVisible(2, session.can(Permission.VIEW_AUDIT))
        self.center.form.setEnabled(session.can(Permission.MANAGE_SETTINGS))
        self.center.save_button.setVisible(session.can(Permission.MANAGE_SETTINGS))
        self.center.backup_button.setVisible(session.can(Permission.BACKUP))
        self.center.load()
        if session.can(Permission.MANAGE_STAFF):
            self.staff.start()  # read when its tab is shown
        if session.can(Permission.VIEW_AUDIT):
            self.audit.start()
