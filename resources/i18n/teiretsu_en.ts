<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>AgenciesPage</name>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/directory/agencies.py" line="41"/>
        <location filename="../../src/teiretsu_desktop/gui/directory/agencies.py" line="54"/>
        <source>関係機関</source>
        <translation>Agencies</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/directory/agencies.py" line="42"/>
        <source>追加(&amp;A)…</source>
        <translation>&amp;Add…</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/directory/agencies.py" line="43"/>
        <source>編集(&amp;E)…</source>
        <translation>&amp;Edit…</translation>
    </message>
</context>
<context>
    <name>ApplicationsTab</name>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/cases/records.py" line="196"/>
        <source>申請支援を記録(&amp;A)…</source>
        <translation>Record &amp;application support…</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/cases/records.py" line="218"/>
        <source>申請支援</source>
        <translation>Application support</translation>
    </message>
</context>
<context>
    <name>AuditPage</name>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/settings/page.py" line="103"/>
        <source>監査ログ (直近200件)</source>
        <translation>Audit log (latest 200 entries)</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/settings/page.py" line="107"/>
        <source>改ざんを検査</source>
        <translation>Check for tampering</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/settings/page.py" line="115"/>
        <source>検査結果: 正常</source>
        <translation>Check result: OK</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/settings/page.py" line="117"/>
        <source>検査結果: 異常 — </source>
        <translation>Check result: problems found — </translation>
    </message>
</context>
<context>
    <name>CandidatesTab</name>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/cases/records.py" line="154"/>
        <source>候補を追加(&amp;A)…</source>
        <translation>&amp;Add candidate…</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/cases/records.py" line="175"/>
        <source>受入先候補を追加</source>
        <translation>Add destination candidate</translation>
    </message>
</context>
<context>
    <name>CaseListView</name>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/cases/list_view.py" line="40"/>
        <source>氏名・ふりがな・通称・生年月日で検索 (例: やまだ 昭和30)</source>
        <translation>Search by name, furigana, alias or date of birth (e.g. やまだ 昭和30)</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/cases/list_view.py" line="41"/>
        <source>検索</source>
        <translation>Search</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/cases/list_view.py" line="44"/>
        <source>業務区分</source>
        <translation>Service type</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/cases/list_view.py" line="45"/>
        <source>すべての業務</source>
        <translation>All service types</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/cases/list_view.py" line="49"/>
        <source>状態</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/cases/list_view.py" line="50"/>
        <source>進行中</source>
        <translation>In progress</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/cases/list_view.py" line="51"/>
        <source>すべての状態</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/cases/list_view.py" line="55"/>
        <source>担当</source>
        <translation>Assigned to</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/cases/list_view.py" line="56"/>
        <source>全員</source>
        <translation>Everyone</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/cases/list_view.py" line="59"/>
        <source>新規受付(&amp;N)</source>
        <translation>&amp;New referral</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/cases/list_view.py" line="60"/>
        <source>開く(&amp;O)</source>
        <translation>&amp;Open</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/cases/list_view.py" line="73"/>
        <source>ケース一覧</source>
        <translation>Case list</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/cases/list_view.py" line="80"/>
        <source>&lt;h2&gt;対象者・ケース&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;Clients &amp;amp; Cases&lt;/h2&gt;</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/cases/list_view.py" line="99"/>
        <source>{0} 件</source>
        <translation>{0} cases</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/cases/list_view.py" line="113"/>
        <source>自分</source>
        <translation>Me</translation>
    </message>
</context>
<context>
    <name>CaseWindow</name>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/cases/window.py" line="97"/>
        <source>保存 (Ctrl+S)</source>
        <translation>Save (Ctrl+S)</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/cases/window.py" line="98"/>
        <source>印刷 (Ctrl+P)…</source>
        <translation>Print (Ctrl+P)…</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/cases/window.py" line="126"/>
        <source>基本情報</source>
        <translation>Basic information</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/cases/window.py" line="127"/>
        <source>障害・手帳</source>
        <translation>Disabilities and certificates</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/cases/window.py" line="128"/>
        <location filename="../../src/teiretsu_desktop/gui/cases/window.py" line="184"/>
        <source>同意</source>
        <translation>Consent</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/cases/window.py" line="129"/>
        <source>支援経過</source>
        <translation>Case notes</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/cases/window.py" line="130"/>
        <source>受入先調整</source>
        <translation>Destination coordination</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/cases/window.py" line="131"/>
        <source>申請支援</source>
        <translation>Application support</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/cases/window.py" line="132"/>
        <source>フォローアップ</source>
        <translation>Follow-up</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/cases/window.py" line="133"/>
        <source>終結</source>
        <translation>Closure</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/cases/window.py" line="197"/>
        <source>状態を進める:</source>
        <translation>Advance status:</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/cases/window.py" line="204"/>
        <source>必要なもの: </source>
        <translation>Required: </translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/cases/window.py" line="224"/>
        <source>保存しています…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/cases/window.py" line="231"/>
        <source>保存しました</source>
        <translation>Saved</translation>
    </message>
</context>
<context>
    <name>CenterSettingsPage</name>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/settings/page.py" line="140"/>
        <source>設定を保存</source>
        <translation>Save settings</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/settings/page.py" line="141"/>
        <source>この端末のキーリングで解除できるようにする</source>
        <translation>Allow unlocking with this device&apos;s keyring</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/settings/page.py" line="142"/>
        <source>バックアップを作成…</source>
        <translation>Create backup…</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/settings/page.py" line="171"/>
        <source>保存しました</source>
        <translation>Saved</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/settings/page.py" line="177"/>
        <source>キーリングでの解除を有効にしました</source>
        <translation>Keyring unlocking enabled</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/settings/page.py" line="182"/>
        <source>バックアップの保存先</source>
        <translation>Backup destination</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/settings/page.py" line="185"/>
        <source>バックアップしています…</source>
        <translation>Backing up…</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/settings/page.py" line="194"/>
        <source>バックアップを作成しました: {0}</source>
        <translation>Backup created: {0}</translation>
    </message>
</context>
<context>
    <name>ConsentTab</name>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/cases/records.py" line="100"/>
        <source>同意を記録(&amp;C)…</source>
        <translation>Record &amp;consent…</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/cases/records.py" line="101"/>
        <source>撤回…</source>
        <translation>Withdraw…</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/cases/records.py" line="130"/>
        <source>同意を記録</source>
        <translation>Record consent</translation>
    </message>
</context>
<context>
    <name>ConsultationsPage</name>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/directory/consultations.py" line="50"/>
        <source>相談 (直近1年)</source>
        <translation>Consultations (past year)</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/directory/consultations.py" line="51"/>
        <source>相談を記録(&amp;A)…</source>
        <translation>&amp;Add consultation…</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/directory/consultations.py" line="75"/>
        <source>相談を記録</source>
        <translation>Record consultation</translation>
    </message>
</context>
<context>
    <name>DashboardView</name>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/dashboard/view.py" line="65"/>
        <source>期限の一覧</source>
        <translation>Deadlines</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/dashboard/view.py" line="70"/>
        <source>全員の担当</source>
        <translation>Everyone&apos;s cases</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/dashboard/view.py" line="71"/>
        <source>自分の担当</source>
        <translation>My cases</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/dashboard/view.py" line="74"/>
        <source>更新</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/dashboard/view.py" line="76"/>
        <source>&lt;h2&gt;ダッシュボード&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;Dashboard&lt;/h2&gt;</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/dashboard/view.py" line="111"/>
        <source>期限切れ {0} 件・今日 {1} 件・全 {2} 件</source>
        <translation>{0} overdue · {1} due today · {2} total</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/dashboard/view.py" line="113"/>
        <source> (期日の早い {0} 件を表示)</source>
        <translation> (showing the {0} with the earliest due dates)</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/stats/export_dialog.py" line="31"/>
        <source>{0}年度の集計を書き出す</source>
        <translation>Export statistics for fiscal year {0}</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/stats/export_dialog.py" line="41"/>
        <source>確認</source>
        <translation>Check</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/stats/export_dialog.py" line="42"/>
        <source>承認して書き出す…</source>
        <translation>Sign off and export…</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/stats/export_dialog.py" line="45"/>
        <source>秘匿の方針</source>
        <translation>Suppression policy</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/stats/export_dialog.py" line="52"/>
        <source>センターの外に出る内容のすべて (秘匿は「秘匿」と表示):</source>
        <translation>Everything that will leave the center (suppressed cells are shown as “秘匿”):</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/stats/export_dialog.py" line="81"/>
        <source> この年度は書き出し済みでロックされています。</source>
        <translation> This fiscal year has already been exported and is locked.</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/stats/export_dialog.py" line="84"/>
        <source>検査: 合格。秘匿 一次 {0}・差分 {1}・二次 {2} セル。個人を特定する項目・自由記述・日付は含まれません。</source>
        <translation>Check passed. Suppressed cells: {0} primary, {1} differencing, {2} secondary. No identifying fields, free text or dates are included.</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/stats/export_dialog.py" line="92"/>
        <source>集計ファイル</source>
        <translation>Statistics bundle</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/stats/export_dialog.py" line="101"/>
        <source>書き出しました: {0} (連番 {1})</source>
        <translation>Exported: {0} (sequence no. {1})</translation>
    </message>
</context>
<context>
    <name>FirstRunDialog</name>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/unlock/first_run.py" line="48"/>
        <source>Teiretsu — はじめての設定</source>
        <translation>Teiretsu — Initial setup</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/unlock/first_run.py" line="67"/>
        <source>&lt;h2&gt;はじめに&lt;/h2&gt;このパソコンにはまだセンターのデータがありません。</source>
        <translation>&lt;h2&gt;Getting started&lt;/h2&gt;This computer does not have any center data yet.</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/unlock/first_run.py" line="69"/>
        <source>新しいセンターのデータを作る(&amp;N)</source>
        <translation>Create &amp;new center data</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/unlock/first_run.py" line="70"/>
        <source>バックアップから復元する(&amp;R)</source>
        <translation>&amp;Restore from a backup</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/unlock/first_run.py" line="71"/>
        <source>既存のデータフォルダを開く(&amp;O)</source>
        <translation>&amp;Open an existing data folder</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/unlock/first_run.py" line="89"/>
        <location filename="../../src/teiretsu_desktop/gui/unlock/first_run.py" line="146"/>
        <location filename="../../src/teiretsu_desktop/gui/unlock/first_run.py" line="149"/>
        <source>パスフレーズ</source>
        <translation>Passphrase</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/unlock/first_run.py" line="90"/>
        <location filename="../../src/teiretsu_desktop/gui/unlock/first_run.py" line="97"/>
        <source>パスフレーズ (確認)</source>
        <translation>Passphrase (confirm)</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/unlock/first_run.py" line="91"/>
        <source>センターコード</source>
        <translation>Center code</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/unlock/first_run.py" line="92"/>
        <source>センター名</source>
        <translation>Center name</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/unlock/first_run.py" line="93"/>
        <source>都道府県コード</source>
        <translation>Prefecture code</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/unlock/first_run.py" line="94"/>
        <source>管理者のスタッフ名</source>
        <translation>Administrator staff name</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/unlock/first_run.py" line="95"/>
        <source>管理者の氏名</source>
        <translation>Administrator full name</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/unlock/first_run.py" line="96"/>
        <source>パスフレーズ (10文字以上)</source>
        <translation>Passphrase (at least 10 characters)</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/unlock/first_run.py" line="99"/>
        <location filename="../../src/teiretsu_desktop/gui/unlock/first_run.py" line="151"/>
        <source>戻る</source>
        <translation>Back</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/unlock/first_run.py" line="100"/>
        <source>作成</source>
        <translation>Create</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/unlock/first_run.py" line="115"/>
        <source>&lt;h2&gt;回復キー&lt;/h2&gt;パスフレーズを全員が忘れたときに、データを取り戻す唯一の方法です。&lt;b&gt;一度だけ&lt;/b&gt;表示します。印刷して金庫に保管してください。</source>
        <translation>&lt;h2&gt;Recovery key&lt;/h2&gt;This is the only way to recover the data if everyone forgets their passphrase. It is shown &lt;b&gt;only once&lt;/b&gt;. Print it and keep it in a safe.</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/unlock/first_run.py" line="124"/>
        <source>印刷(&amp;P)…</source>
        <translation>&amp;Print…</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/unlock/first_run.py" line="125"/>
        <source>回復キーを印刷または書き写して保管しました</source>
        <translation>I have printed or copied down the recovery key and stored it safely</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/unlock/first_run.py" line="126"/>
        <source>はじめる</source>
        <translation>Get started</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/unlock/first_run.py" line="141"/>
        <source>選ぶ…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/unlock/first_run.py" line="147"/>
        <location filename="../../src/teiretsu_desktop/gui/unlock/first_run.py" line="212"/>
        <source>バックアップファイル</source>
        <translation>Backup file</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/unlock/first_run.py" line="148"/>
        <source>スタッフ名</source>
        <translation>Staff name</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/unlock/first_run.py" line="152"/>
        <source>復元</source>
        <translation>Restore</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/unlock/first_run.py" line="174"/>
        <source>作成しています…</source>
        <translation>Creating…</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/unlock/first_run.py" line="220"/>
        <source>復元しています…</source>
        <translation>Restoring…</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/unlock/first_run.py" line="232"/>
        <source>データフォルダ</source>
        <translation>Data folder</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/main_window.py" line="42"/>
        <source>メニュー</source>
        <translation>Menu</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/main_window.py" line="46"/>
        <source>ダッシュボード</source>
        <translation>Dashboard</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/main_window.py" line="47"/>
        <source>対象者・ケース</source>
        <translation>Clients &amp; cases</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/main_window.py" line="48"/>
        <source>相談</source>
        <translation>Consultations</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/main_window.py" line="49"/>
        <source>関係機関</source>
        <translation>Agencies</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/main_window.py" line="50"/>
        <source>連携活動</source>
        <translation>Network activities</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/main_window.py" line="51"/>
        <source>統計・報告</source>
        <translation>Statistics &amp; reports</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/main_window.py" line="52"/>
        <source>設定</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/main_window.py" line="75"/>
        <source>ファイル(&amp;F)</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/main_window.py" line="76"/>
        <source>ロック(&amp;L)</source>
        <translation>&amp;Lock</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/main_window.py" line="80"/>
        <source>新規受付(&amp;N)</source>
        <translation>&amp;New referral</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/main_window.py" line="84"/>
        <source>白紙の面接シートを印刷(&amp;B)…</source>
        <translation>Print &amp;blank interview sheet…</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/main_window.py" line="87"/>
        <source>終了(&amp;Q)</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/main_window.py" line="95"/>
        <source>処理中…</source>
        <translation>Working…</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/main_window.py" line="115"/>
        <source>自動ロックまで {0}:{1:02d}</source>
        <translation>Auto-lock in {0}:{1:02d}</translation>
    </message>
</context>
<context>
    <name>NetworkPage</name>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/directory/network.py" line="51"/>
        <source>連携活動 (今年度と前年度)</source>
        <translation>Network activities (this and last fiscal year)</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/directory/network.py" line="52"/>
        <source>記録(&amp;A)…</source>
        <translation>&amp;Add record…</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/directory/network.py" line="78"/>
        <source>連携活動を記録</source>
        <translation>Record network activity</translation>
    </message>
</context>
<context>
    <name>NewReferralDialog</name>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/cases/new_referral.py" line="39"/>
        <source>新規受付</source>
        <translation>New referral</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/cases/new_referral.py" line="57"/>
        <source>対象者</source>
        <translation>Client</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/cases/new_referral.py" line="57"/>
        <source>依頼</source>
        <translation>Referral</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/cases/new_referral.py" line="106"/>
        <source>同じ人かもしれません</source>
        <translation>Possibly the same person</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/cases/new_referral.py" line="107"/>
        <source>登録済みの人と似ています。同じ人なら選んでください。</source>
        <translation>This person resembles someone already registered. If it is the same person, please select them.</translation>
    </message>
</context>
<context>
    <name>PrintDialog</name>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/printing/dialog.py" line="53"/>
        <source>印刷</source>
        <translation>Print</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/printing/dialog.py" line="56"/>
        <location filename="../../src/teiretsu_desktop/gui/printing/dialog.py" line="70"/>
        <source>帳票</source>
        <translation>Form</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/printing/dialog.py" line="62"/>
        <location filename="../../src/teiretsu_desktop/gui/printing/dialog.py" line="71"/>
        <source>提供先</source>
        <translation>Recipient</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/printing/dialog.py" line="64"/>
        <source>例: グループホームさくら</source>
        <translation>e.g. Sakura Group Home</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/printing/dialog.py" line="65"/>
        <source>罪名を含める (受入先の安全管理に必要な場合のみ)</source>
        <translation>Include offence (only if the destination needs it for safety management)</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/printing/dialog.py" line="68"/>
        <source>同意がない場合のみ: 提供の理由 (権限のある人)</source>
        <translation>Only if there is no consent: reason for disclosure (authorized staff)</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/printing/dialog.py" line="72"/>
        <source>提供先の名称</source>
        <translation>Recipient name</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/printing/dialog.py" line="74"/>
        <source>同意なしの提供理由</source>
        <translation>Reason for disclosure without consent</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/printing/dialog.py" line="75"/>
        <source>プレビュー(&amp;V)</source>
        <translation>Pre&amp;view</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/printing/dialog.py" line="76"/>
        <source>印刷(&amp;P)…</source>
        <translation>&amp;Print…</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/printing/dialog.py" line="77"/>
        <source>PDFを保存(&amp;S)…</source>
        <translation>&amp;Save PDF…</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/printing/dialog.py" line="142"/>
        <source>作成しています…</source>
        <translation>Creating…</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/printing/dialog.py" line="153"/>
        <source>提供記録を作成しました。</source>
        <translation>Disclosure record created.</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/printing/dialog.py" line="154"/>
        <source>{0} ページ。{1}</source>
        <translation>Pages: {0}. {1}</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/printing/dialog.py" line="177"/>
        <source>印刷に送りました。</source>
        <translation>Sent to the printer.</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/printing/dialog.py" line="184"/>
        <source>個人情報を含むファイル</source>
        <translation>File contains personal information</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/printing/dialog.py" line="185"/>
        <source>このPDFには個人情報が含まれます。パスワード (AES-256) をかけて保存します。続けますか？</source>
        <translation>This PDF contains personal information. It will be saved with a password (AES-256). Continue?</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/printing/dialog.py" line="190"/>
        <source>PDFのパスワード</source>
        <translation>PDF password</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/printing/dialog.py" line="190"/>
        <source>パスワード (8文字以上)</source>
        <translation>Password (at least 8 characters)</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/printing/dialog.py" line="195"/>
        <source>PDFを保存</source>
        <translation>Save PDF</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/printing/dialog.py" line="207"/>
        <source>保存しました (パスワード付き)。</source>
        <translation>Saved (password-protected).</translation>
    </message>
</context>
<context>
    <name>ReviewsTab</name>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/cases/records.py" line="234"/>
        <source>見直しを記録(&amp;R)…</source>
        <translation>&amp;Record review…</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/cases/records.py" line="252"/>
        <source>見直しを記録</source>
        <translation>Record review</translation>
    </message>
</context>
<context>
    <name>SettingsView</name>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/settings/page.py" line="205"/>
        <source>センター</source>
        <translation>Center</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/settings/page.py" line="206"/>
        <source>スタッフと役割</source>
        <translation>Staff and roles</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/settings/page.py" line="207"/>
        <source>監査ログ</source>
        <translation>Audit log</translation>
    </message>
</context>
<context>
    <name>StaffPage</name>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/settings/page.py" line="44"/>
        <source>スタッフ</source>
        <translation>Staff</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/settings/page.py" line="45"/>
        <source>スタッフを追加…</source>
        <translation>Add staff…</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/settings/page.py" line="46"/>
        <source>仮パスフレーズを設定…</source>
        <translation>Set temporary passphrase…</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/settings/page.py" line="47"/>
        <source>削除…</source>
        <translation>Delete…</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/settings/page.py" line="66"/>
        <source>スタッフを追加</source>
        <translation>Add staff</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/settings/page.py" line="76"/>
        <source>仮パスフレーズ</source>
        <translation>Temporary passphrase</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/settings/page.py" line="85"/>
        <source>削除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/settings/page.py" line="85"/>
        <source>{0} を削除し、鍵を消去しますか？</source>
        <translation>Delete {0} and erase their key?</translation>
    </message>
</context>
<context>
    <name>StatsView</name>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/stats/view.py" line="44"/>
        <source>年度</source>
        <translation>Fiscal year</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/stats/view.py" line="50"/>
        <source>表</source>
        <translation>Tables</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/stats/view.py" line="55"/>
        <source>集計を書き出す…</source>
        <translation>Export statistics…</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/stats/view.py" line="56"/>
        <source>都道府県: 集計ワークスペース…</source>
        <translation>Prefecture: statistics workspace…</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/stats/view.py" line="58"/>
        <source>&lt;h2&gt;統計・報告&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;Statistics &amp;amp; Reports&lt;/h2&gt;</translation>
    </message>
</context>
<context>
    <name>TimelineTab</name>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/cases/timeline.py" line="57"/>
        <source>支援経過</source>
        <translation>Case notes</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/cases/timeline.py" line="60"/>
        <source>記録の全文</source>
        <translation>Full record</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/cases/timeline.py" line="61"/>
        <source>訪問メモ (入力中も自動で暗号化保存されます)</source>
        <translation>Visit memo (automatically saved encrypted as you type)</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/cases/timeline.py" line="62"/>
        <source>種別</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/cases/timeline.py" line="64"/>
        <source>場所 (例: 府中刑務所)</source>
        <translation>Place (e.g. Fuchu Prison)</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/cases/timeline.py" line="65"/>
        <source>場所</source>
        <translation>Place</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/cases/timeline.py" line="68"/>
        <source>訪問メモ</source>
        <translation>Visit memo</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/cases/timeline.py" line="72"/>
        <source>記録として保存</source>
        <translation>Save as record</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/cases/timeline.py" line="73"/>
        <source>破棄</source>
        <translation>Discard</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/cases/timeline.py" line="116"/>
        <source>前回の下書きを復元しました ({0})</source>
        <translation>Restored previous draft ({0})</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/cases/timeline.py" line="121"/>
        <source>入力中…</source>
        <translation>Typing…</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/cases/timeline.py" line="133"/>
        <source>下書きを保存しました</source>
        <translation>Draft saved</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/cases/timeline.py" line="162"/>
        <source>(閲覧権限がありません)</source>
        <translation>(You do not have permission to view this)</translation>
    </message>
</context>
<context>
    <name>UnlockDialog</name>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/unlock/dialog.py" line="34"/>
        <source>Teiretsu — ロック解除</source>
        <translation>Teiretsu — Unlock</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/unlock/dialog.py" line="38"/>
        <source>スタッフ名</source>
        <translation>Staff name</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/unlock/dialog.py" line="41"/>
        <source>パスフレーズ</source>
        <translation>Passphrase</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/unlock/dialog.py" line="42"/>
        <source>解除</source>
        <translation>Unlock</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/unlock/dialog.py" line="44"/>
        <source>この端末のキーリングで解除</source>
        <translation>Unlock with this device&apos;s keyring</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/unlock/dialog.py" line="50"/>
        <source>&lt;h2&gt;地域生活定着支援センター&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;Community Life Settlement Support Center&lt;/h2&gt;</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/unlock/dialog.py" line="52"/>
        <source>スタッフ名(&amp;S)</source>
        <translation>&amp;Staff name</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/unlock/dialog.py" line="53"/>
        <source>パスフレーズ(&amp;P)</source>
        <translation>&amp;Passphrase</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/unlock/dialog.py" line="93"/>
        <source>確認しています…</source>
        <translation>Verifying…</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/unlock/dialog.py" line="98"/>
        <source>スタッフ名とパスフレーズを入力してください</source>
        <translation>Enter your staff name and passphrase</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/unlock/dialog.py" line="133"/>
        <source>もう一度入力してください</source>
        <translation>Please try again</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/teiretsu_desktop/gui/unlock/dialog.py" line="135"/>
        <source>失敗が続いたため、%n 秒お待ちください</source>
        <translation>
            <numerusform>Too many failed attempts. Please wait %n second.</numerusform>
            <numerusform>Too many failed attempts. Please wait %n seconds.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>WorkspaceWindow</name>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/stats/workspace_window.py" line="38"/>
        <source>集計ワークスペース (都道府県)</source>
        <translation>Statistics workspace (prefecture)</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/stats/workspace_window.py" line="41"/>
        <source>(フォルダ未選択)</source>
        <translation>(No folder selected)</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/stats/workspace_window.py" line="42"/>
        <source>フォルダを選ぶ…</source>
        <translation>Choose folder…</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/stats/workspace_window.py" line="43"/>
        <source>センターの鍵を登録…</source>
        <translation>Register center key…</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/stats/workspace_window.py" line="44"/>
        <source>集計ファイルを取り込む…</source>
        <translation>Import statistics bundles…</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/stats/workspace_window.py" line="72"/>
        <source>ワークスペースのフォルダ</source>
        <translation>Workspace folder</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/stats/workspace_window.py" line="79"/>
        <source>センターコード</source>
        <translation>Center code</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/stats/workspace_window.py" line="80"/>
        <source>公開鍵ファイル</source>
        <translation>Public key file</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/stats/workspace_window.py" line="88"/>
        <source>鍵を登録しました: {0} {1}</source>
        <translation>Key registered: {0} {1}</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/stats/workspace_window.py" line="101"/>
        <source>取り込み</source>
        <translation>Import</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/stats/workspace_window.py" line="102"/>
        <source>{0} 件を取り込みます。よろしいですか？</source>
        <translation>{0} file(s) will be imported. Continue?</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/stats/workspace_window.py" line="108"/>
        <source>取り込みました: {0} 件</source>
        <translation>Imported: {0} file(s)</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/stats/workspace_window.py" line="117"/>
        <source>集計ファイル</source>
        <translation>Statistics bundle</translation>
    </message>
</context>
</TS>
