"""What each audit entry means, in the words of the 監査ログ screen.

Entries store a stable English code (`action`) and a JSON detail without personal data; the screen shows
them in Japanese through these tables. A code not listed here (a newer version's) is shown as
「その他の操作 (code)」, never hidden.
"""

from __future__ import annotations

import json

ACTION_LABELS: dict[str, str] = {
    "store_created": "データベースの作成", "authority_established": "管理者の認証鍵の作成",
    "recovery_key_issued": "回復キーの発行", "recovery_key_used": "回復キーでの解除",
    "unlock": "解除 (ログイン)", "lock": "ロック", "unlock_failed": "解除の失敗",
    "unlock_failures_discarded": "解除失敗の記録の破棄", "tamper_detected": "改ざんの検出",
    "staff_added": "スタッフの追加", "staff_removed": "スタッフの削除", "passphrase_changed": "パスフレーズの変更",
    "passphrase_reset": "パスフレーズの再設定", "passphrase_compromised": "パスフレーズ漏えいの届出",
    "keyring_enabled": "OSの鍵保管庫での解除を有効化", "keyring_disabled": "OSの鍵保管庫での解除を無効化",
    "key_rotated": "データベース鍵の更新", "center_code_changed": "センターコードの変更",
    "setting_changed": "設定の変更", "backup": "バックアップ", "restore": "復元", "verify": "整合性の検査",
    "audit_verified": "監査ログの検査", "demo_data_generated": "デモデータの作成",
    "person_created": "対象者の登録", "person_updated": "対象者の更新", "case_opened": "ケースの受付",
    "case_updated": "ケースの更新", "case_state_changed": "状態の変更", "case_reopened": "ケースの再開",
    "case_line_switched": "業務区分の切替", "case_reviewed": "支援継続の検討", "activity_recorded": "支援経過の記録",
    "activity_edited": "支援経過の訂正", "candidate_added": "受入先候補の追加", "candidate_status": "受入先候補の状況",
    "application_support": "申請支援", "consent_prepared": "同意書の準備", "consent_recorded": "同意の記録",
    "consent_withdrawn": "同意の撤回", "personal_data_disclosed": "第三者提供", "form_printed": "書類の印刷",
    "pdf_saved": "PDFの保存", "sensitive_viewed": "要配慮情報の閲覧", "consultation_recorded": "相談の記録",
    "consultation_converted": "相談からケースへ",
    "consultation_linked": "相談を対象者に結び付け", "agency_saved": "関係機関の保存",
    "network_activity_recorded": "連携活動の記録", "stats_exported": "統計の書き出し (年度のロック)",
    "stats_year_reopened": "年度の再開", "ledger_exported": "台帳の書き出し", "ledger_imported": "台帳の取込",
    "ledger_field_updated": "台帳の取込による項目の変更",
    "reminder_done": "期限の完了", "reminder_snoozed": "期限を後に回す", "reminder_planned": "予定の登録",
    "episode_linked": "前のケースとのつながり", "episode_unlinked": "ケースのつながりの解除",
    "readmission_recorded": "再入所の記録", "candidate_attempt": "受入先調整の経過", "candidate_note": "受入先候補のメモ",
    "requirement_confirmed": "特別調整の要件の確認", "assessment_saved": "アセスメントの保存",
    "plan_item_added": "支援計画の項目の追加", "plan_item_updated": "支援計画の見直し",
    "meeting_recorded": "会議の記録", "meeting_attendee_added": "会議の出席者 (情報の提供)",
    "meeting_decision_added": "会議の決定事項",
    "selection_advice_recorded": "選定段階の助言の記録", "selection_advice_linked": "選定段階の助言をケースに結び付け",
    "sync_hub_initialised": "同期の開始（拠点）", "sync_device_enrolled": "端末の登録", "sync_device_revoked": "端末の取り消し",
    "sync_packet_exported": "同期パケットの書き出し", "sync_packet_applied": "同期パケットの取り込み",
    "sync_packet_refused": "同期パケットの拒否", "sync_conflict_resolved": "同期の競合の解決",
    "sync_kit_checked_out": "訪問キットのチェックアウト", "sync_kit_checked_in": "訪問キットのチェックイン",
}  # fmt: skip

TARGET_LABELS: dict[str, str] = {
    "case": "ケース", "person": "対象者", "staff": "スタッフ", "consent": "同意", "activity": "支援経過",
    "candidate": "受入先候補", "agency": "関係機関", "consultation": "相談", "network_activity": "連携活動",
    "ledger": "台帳", "setting": "設定", "reminder": "期限", "disclosure": "提供記録", "application": "申請支援",
    "selection_advice": "選定段階の助言", "device": "端末",
}  # fmt: skip

DETAIL_LABELS: dict[str, str] = {
    "method": "方法", "role": "役割", "reason": "理由", "file": "ファイル", "cases": "ケース数", "persons": "人数",
    "seed": "シード", "db_id": "データベースID", "fingerprint": "指紋", "field": "項目", "fields": "項目",
    "from": "変更前", "to": "変更後", "line": "業務区分", "lines": "業務区分", "fiscal_year": "年度",
    "policy": "秘匿の方針", "sequence": "連番", "bundle": "ファイルID", "form": "書類", "profile": "様式",
    "recipient": "提供先", "override": "同意によらない提供", "ok": "結果", "result": "結果", "status": "状況",
    "kind": "種類", "decision": "判断", "encrypted": "暗号化", "protected": "パスワード", "signed": "署名",
    "internal": "センター控え", "blank": "白紙", "case": "ケース", "person": "対象者",
    "backup_created_at": "バックアップ日時", "dropped_slots": "削除した鍵", "recovery_key_reissued": "回復キーの再発行",
    "upgraded": "更新した人数", "new": "新規", "updated": "更新", "unchanged": "変更なし", "conflicting": "競合",
    "refused": "取込不可", "until": "再表示日", "writes": "変更数", "waiting": "待機中の変更", "audit_entries": "監査記録数",
    "series": "受付番号の系列", "key_generation": "同期鍵の世代", "versions": "版の数", "chosen": "選んだ版", "offence": "罪名を含む",
}  # fmt: skip

VALUE_LABELS: dict[str, str] = {
    "passphrase": "パスフレーズ", "recovery": "回復キー", "keyring": "OSの鍵保管庫",
    "admin": "管理者", "manager": "センター長", "caseworker": "相談員", "clerical": "事務",
    "special": "特別調整", "general": "一般調整", "follow_up": "フォローアップ", "suspect": "被疑者等支援",
    "consultation": "相談支援", "public": "公表用", "prefecture": "都道府県提出用",
    "coordination_step": "調整の節目", "release": "退所予定", "detention_expiry": "勾留満期",
    "suspect_review": "被疑者等支援6か月", "follow_up_review": "フォローアップ見直し", "consent_expiry": "同意の期限",
    "certificate_renewal": "手帳の更新", "care_certification": "要介護認定の期限",
    "application_renewal": "申請の更新期限",
}  # fmt: skip


def action_label(action: str) -> str:
    return ACTION_LABELS.get(action, f"その他の操作 ({action})")


def _value(value: object) -> str:
    if value is True:
        return "はい"
    if value is False:
        return "いいえ"
    if isinstance(value, str):
        return VALUE_LABELS.get(value, value)
    return str(value)


def detail_text(detail_json: str) -> str:
    """「方法: パスフレーズ、役割: 相談員」 — the detail as a person reads it."""
    try:
        detail = json.loads(detail_json or "{}")
    except ValueError:
        return detail_json
    if not isinstance(detail, dict):
        return str(detail)
    return "、".join(f"{DETAIL_LABELS.get(k, f'その他 {k}')}: {_value(v)}" for k, v in detail.items())
