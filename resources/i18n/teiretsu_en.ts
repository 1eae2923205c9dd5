<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>AdvicePage</name>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/directory/advice.py" line="60"/>
        <source>選定段階の助言 (今年度と前年度)</source>
        <translation>Advice during selection (this and last fiscal year)</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/directory/advice.py" line="61"/>
        <source>助言を記録(&amp;A)…</source>
        <translation>Record advice(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/directory/advice.py" line="62"/>
        <source>ケースに結び付ける…</source>
        <translation>Link to a case…</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/directory/advice.py" line="89"/>
        <source>{0}: {1}件 ({2})。ケースとは別に数えます。</source>
        <translation>{0}: {1} ({2}). Counted apart from cases.</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/directory/advice.py" line="103"/>
        <source>選定段階の助言を記録</source>
        <translation>Record advice during selection</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/directory/advice.py" line="113"/>
        <source>助言を選んでください</source>
        <translation>Choose the advice</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/directory/advice.py" line="116"/>
        <location filename="../../src/teiretsu_desktop/gui/directory/advice.py" line="126"/>
        <source>ケースに結び付ける</source>
        <translation>Link to a case</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/directory/advice.py" line="116"/>
        <source>氏名・ふりがな・生年月日で探す</source>
        <translation>Search by name, kana or birth date</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/directory/advice.py" line="123"/>
        <source>「{0}」に当てはまるケースはありません</source>
        <translation>No case matches “{0}”</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/directory/advice.py" line="126"/>
        <source>その後のケース</source>
        <translation>The case that followed</translation>
    </message>
</context>
<context>
    <name>AgenciesPage</name>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/directory/agencies.py" line="44"/>
        <location filename="../../src/teiretsu_desktop/gui/directory/agencies.py" line="59"/>
        <source>関係機関</source>
        <translation>Agencies</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/directory/agencies.py" line="45"/>
        <source>追加(&amp;A)…</source>
        <translation>&amp;Add…</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/directory/agencies.py" line="47"/>
        <source>編集(&amp;E)…</source>
        <translation>&amp;Edit…</translation>
    </message>
</context>
<context>
    <name>ApplicationsTab</name>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/cases/records.py" line="98"/>
        <source>申請を追加(&amp;A)…</source>
        <translation>&amp;Add an application…</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/cases/records.py" line="99"/>
        <source>選んだ申請を更新(&amp;E)…</source>
        <translation>&amp;Update the selected application…</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/cases/records.py" line="136"/>
        <source>申請支援</source>
        <translation>Application support</translation>
    </message>
</context>
<context>
    <name>AssessmentTab</name>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/cases/assessment_tab.py" line="41"/>
        <source>版</source>
        <translation>Version</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/cases/assessment_tab.py" line="46"/>
        <source>新しい版として保存</source>
        <translation>Save as a new version</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/cases/assessment_tab.py" line="65"/>
        <source>アセスメントの記述は閲覧権限がありません</source>
        <translation>Your role may not read the assessment</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/cases/assessment_tab.py" line="81"/>
        <source>第{0}版 {1} ({2})</source>
        <translation>Version {0}, {1} ({2})</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/cases/assessment_tab.py" line="84"/>
        <source>まだありません</source>
        <translation>None yet</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/cases/assessment_tab.py" line="130"/>
        <source>新しい版として保存しました</source>
        <translation>Saved as a new version</translation>
    </message>
</context>
<context>
    <name>AuditPage</name>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/settings/page.py" line="140"/>
        <source>監査ログ (直近200件)</source>
        <translation>Audit log (latest 200 entries)</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/settings/page.py" line="144"/>
        <source>改ざんを検査</source>
        <translation>Check for tampering</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/settings/page.py" line="152"/>
        <source>検査結果: 正常</source>
        <translation>Check result: OK</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/settings/page.py" line="154"/>
        <source>検査結果: 異常 — </source>
        <translation>Check result: problems found — </translation>
    </message>
</context>
<context>
    <name>BarChart</name>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/stats/chart.py" line="19"/>
        <source>今年度</source>
        <translation>This year</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/stats/chart.py" line="19"/>
        <source>前年度</source>
        <translation>Previous year</translation>
    </message>
</context>
<context>
    <name>CandidatesTab</name>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/cases/candidates.py" line="50"/>
        <location filename="../../src/teiretsu_desktop/gui/cases/candidates.py" line="64"/>
        <source>選んだ候補の経過</source>
        <translation>Attempts with the selected candidate</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/cases/candidates.py" line="53"/>
        <source>日付</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/cases/candidates.py" line="54"/>
        <source>段階</source>
        <translation>Step</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/cases/candidates.py" line="55"/>
        <source>結果</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/cases/candidates.py" line="56"/>
        <source>理由</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/cases/candidates.py" line="57"/>
        <source>メモ</source>
        <translation>Memo</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/cases/candidates.py" line="58"/>
        <source>記録者</source>
        <translation>Recorded by</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/cases/candidates.py" line="74"/>
        <source>候補を追加(&amp;A)…</source>
        <translation>&amp;Add candidate…</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/cases/candidates.py" line="75"/>
        <source>経過を記録(&amp;R)…</source>
        <translation>&amp;Record attempt…</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/cases/candidates.py" line="76"/>
        <source>メモを編集…</source>
        <translation>Edit memo…</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/cases/candidates.py" line="132"/>
        <source>受入先候補を追加</source>
        <translation>Add destination candidate</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/cases/candidates.py" line="140"/>
        <source>経過を記録する候補を選んでください</source>
        <translation>Select the candidate to record an attempt for</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/cases/candidates.py" line="158"/>
        <source>受入先調整の経過: {0}</source>
        <translation>Placement attempt: {0}</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/cases/candidates.py" line="168"/>
        <source>メモを編集</source>
        <translation>Edit memo</translation>
    </message>
</context>
<context>
    <name>CaseHeader</name>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/cases/header.py" line="24"/>
        <source>{0}日超過</source>
        <translation>{0} days overdue</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/cases/header.py" line="26"/>
        <location filename="../../src/teiretsu_desktop/gui/cases/header.py" line="79"/>
        <source>今日</source>
        <translation>today</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/cases/header.py" line="28"/>
        <source>あと{0}日</source>
        <translation>in {0} days</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/cases/header.py" line="45"/>
        <source>{0}生 ({1}歳)</source>
        <translation>born {0} (age {1})</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/cases/header.py" line="51"/>
        <source>担当 {0}</source>
        <translation>in charge: {0}</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/cases/header.py" line="53"/>
        <source>担当 未定</source>
        <translation>no one in charge</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/cases/header.py" line="66"/>
        <source>次の期限: {0} {1} ({2})</source>
        <translation>next deadline: {0} {1} ({2})</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/cases/header.py" line="75"/>
        <source>最終連絡 {0} ({1})</source>
        <translation>Last contact {0} ({1})</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/cases/header.py" line="77"/>
        <source>{0}日前</source>
        <translation>{0} days ago</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/cases/header.py" line="83"/>
        <source>連絡の記録なし</source>
        <translation>No contact recorded</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/cases/header.py" line="88"/>
        <source>居住先 {0}</source>
        <translation>Residence {0}</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/cases/header.py" line="92"/>
        <source>特別調整の要件: 未確認 {0}/6</source>
        <translation>特別調整 requirements: {0}/6 not confirmed</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/cases/header.py" line="98"/>
        <source>情状証人・更生支援計画の作成は対象外 (Q7-6)</source>
        <translation>Not part of this work: character witness, rehabilitation support plan (Q7-6)</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/cases/header.py" line="104"/>
        <source>同意: この支援の同意なし</source>
        <translation>consent: none for this episode</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/cases/header.py" line="109"/>
        <source>同意: あり ({0}まで)</source>
        <translation>consent: given (until {0})</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/cases/header.py" line="114"/>
        <source>同意: あり</source>
        <translation>consent: given</translation>
    </message>
</context>
<context>
    <name>CaseListView</name>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/cases/list_view.py" line="46"/>
        <source>氏名・ふりがな・通称・生年月日で検索 (例: やまだ 昭和30)</source>
        <translation>Search by name, furigana, alias or date of birth (e.g. やまだ 昭和30)</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/cases/list_view.py" line="49"/>
        <source>すべての業務</source>
        <translation>All service types</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/cases/list_view.py" line="91"/>
        <source>状態</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/cases/list_view.py" line="53"/>
        <source>進行中</source>
        <translation>In progress</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/cases/list_view.py" line="54"/>
        <source>すべての状態</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/cases/list_view.py" line="58"/>
        <location filename="../../src/teiretsu_desktop/gui/cases/list_view.py" line="92"/>
        <source>担当</source>
        <translation>Assigned to</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/cases/list_view.py" line="59"/>
        <source>全員</source>
        <translation>Everyone</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/cases/list_view.py" line="61"/>
        <source>人ごとにまとめる</source>
        <translation>Group by person</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/cases/list_view.py" line="65"/>
        <source>新規受付(&amp;N)</source>
        <translation>&amp;New referral</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/cases/list_view.py" line="66"/>
        <source>開く(&amp;O)</source>
        <translation>&amp;Open</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/cases/list_view.py" line="85"/>
        <source>ケース一覧</source>
        <translation>Case list</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/cases/list_view.py" line="89"/>
        <source>検索(&amp;F)</source>
        <translation>Search (&amp;F)</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/cases/list_view.py" line="90"/>
        <source>業務</source>
        <translation>Service type</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/cases/list_view.py" line="101"/>
        <source>&lt;h2&gt;対象者・ケース&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;Clients &amp;amp; Cases&lt;/h2&gt;</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/cases/list_view.py" line="176"/>
        <source>{0} 件</source>
        <translation>{0} cases</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/cases/list_view.py" line="176"/>
        <source>{0} 人</source>
        <translation>{0} persons</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/cases/list_view.py" line="147"/>
        <source>自分</source>
        <translation>Me</translation>
    </message>
</context>
<context>
    <name>CaseWindow</name>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/cases/window.py" line="92"/>
        <source>保存されている内容に戻す</source>
        <translation>Revert to the saved version</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/cases/window.py" line="105"/>
        <source>保存 (Ctrl+S)</source>
        <translation>Save (Ctrl+S)</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/cases/window.py" line="107"/>
        <source>印刷 (Ctrl+P)…</source>
        <translation>Print (Ctrl+P)…</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/cases/window.py" line="109"/>
        <source>本人の全体像</source>
        <translation>Person overview</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/cases/window.py" line="111"/>
        <source>この人のすべてのケース、そのつながり、障害・手帳、同意</source>
        <translation>All cases of this person, how they connect, disabilities and certificates, consents</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/cases/window.py" line="158"/>
        <source>基本情報</source>
        <translation>Basic information</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/cases/window.py" line="159"/>
        <source>障害・手帳</source>
        <translation>Disabilities and certificates</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/cases/window.py" line="160"/>
        <location filename="../../src/teiretsu_desktop/gui/cases/window.py" line="254"/>
        <source>同意・提供記録</source>
        <translation>Consent &amp; disclosures</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/cases/window.py" line="161"/>
        <source>支援経過</source>
        <translation>Case notes</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/cases/window.py" line="162"/>
        <source>すべての経過</source>
        <translation>All events</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/cases/window.py" line="163"/>
        <source>アセスメント</source>
        <translation>Assessment</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/cases/window.py" line="164"/>
        <source>支援計画</source>
        <translation>Support plan</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/cases/window.py" line="165"/>
        <source>会議</source>
        <translation>Meetings</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/cases/window.py" line="166"/>
        <source>特別調整の要件</source>
        <translation>特別調整 requirements</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/cases/window.py" line="167"/>
        <source>受入先調整</source>
        <translation>Destination coordination</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/cases/window.py" line="168"/>
        <source>申請支援</source>
        <translation>Application support</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/cases/window.py" line="169"/>
        <source>フォローアップ</source>
        <translation>Follow-up</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/cases/window.py" line="170"/>
        <source>終結</source>
        <translation>Closure</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/cases/window.py" line="223"/>
        <source>(登録を削除したスタッフ)</source>
        <translation>(staff member removed)</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/cases/window.py" line="274"/>
        <source>保存されていない編集を復元しました (下書き {0})。保存するか、元に戻してください。</source>
        <translation>Unsaved edits were restored (draft of {0}). Save them or go back to the stored record.</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/cases/window.py" line="285"/>
        <source>状態を進める:</source>
        <translation>Advance status:</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/cases/window.py" line="296"/>
        <source>必要なもの: </source>
        <translation>Required: </translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/cases/window.py" line="300"/>
        <source>再開…</source>
        <translation>Reopen…</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/cases/window.py" line="302"/>
        <source>終結日・終結理由を直すとき、支援を続けるとき (理由を記録します)</source>
        <translation>To correct the closure date or reason, or to continue support (the reason is recorded)</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/cases/window.py" line="304"/>
        <source>終了したケース:</source>
        <translation>Ended case:</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/cases/window.py" line="326"/>
        <source>未保存の変更があります</source>
        <translation>Unsaved changes</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/cases/window.py" line="383"/>
        <source>変更はありません</source>
        <translation>Nothing has changed</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/cases/window.py" line="390"/>
        <source>業務区分を切り替える理由</source>
        <translation>Reason for switching the service type</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/cases/window.py" line="391"/>
        <source>業務区分の切り替え</source>
        <translation>Switch service type</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/cases/window.py" line="399"/>
        <source>保存しています…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/cases/window.py" line="364"/>
        <location filename="../../src/teiretsu_desktop/gui/cases/window.py" line="416"/>
        <source>保存しました</source>
        <translation>Saved</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/cases/window.py" line="423"/>
        <source>保存しました (その後に入力した内容はまだ保存されていません)</source>
        <translation>Saved (what you typed since then is not saved yet)</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/cases/window.py" line="433"/>
        <source>ケースを「{0}」にします。よろしいですか？ (あとで「再開」で戻せます。理由が記録されます)</source>
        <translation>The case will become “{0}”. Continue? (It can be reopened later; the reason is recorded.)</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/cases/window.py" line="436"/>
        <source>状態の変更</source>
        <translation>Change status</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/cases/window.py" line="441"/>
        <source>「{0}」にする理由</source>
        <translation>Reason for moving to “{0}”</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/cases/window.py" line="442"/>
        <source>状態を変える理由</source>
        <translation>Reason for the change of state</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/cases/window.py" line="453"/>
        <source>ケースの再開</source>
        <translation>Reopen case</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/cases/window.py" line="453"/>
        <source>再開する理由</source>
        <translation>Reason for reopening</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/cases/window.py" line="486"/>
        <source>保存していない編集を破棄して、保存されている内容に戻しますか？</source>
        <translation>Discard the unsaved edits and revert to the saved version?</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/cases/window.py" line="487"/>
        <source>編集の破棄</source>
        <translation>Discard edits</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/cases/window.py" line="487"/>
        <source>破棄する</source>
        <translation>Discard</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/cases/window.py" line="521"/>
        <source>このケースは別の画面で変更されました。入力中の項目はそのまま残し、ほかの項目を最新にしました。</source>
        <translation>This case was changed in another window. Your unsaved fields were kept; the other fields now show the latest values.</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/cases/window.py" line="559"/>
        <source>保存されていない変更</source>
        <translation>Unsaved changes</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/cases/window.py" line="560"/>
        <source>このケースには保存されていない変更があります。保存しますか？</source>
        <translation>This case has unsaved changes. Save them?</translation>
    </message>
</context>
<context>
    <name>CenterSettingsPage</name>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/settings/page.py" line="186"/>
        <source>都道府県内 (実数・取扱注意)</source>
        <translation>Within the prefecture (exact counts, handle with care)</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/settings/page.py" line="187"/>
        <source>公表用 (10未満を秘匿)</source>
        <translation>For publication (suppress below 10)</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/settings/page.py" line="191"/>
        <source>設定を保存</source>
        <translation>Save settings</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/settings/page.py" line="193"/>
        <source>この端末のキーリングで解除できるようにする</source>
        <translation>Allow unlocking with this device&apos;s keyring</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/settings/page.py" line="194"/>
        <source>バックアップを作成…</source>
        <translation>Create backup…</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/settings/page.py" line="201"/>
        <source>表示言語 (この端末、次回の起動から)</source>
        <translation>Language (this computer, from the next start)</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/settings/page.py" line="205"/>
        <source>OSの設定に合わせる</source>
        <translation>As the system</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/settings/page.py" line="241"/>
        <source>保存しました</source>
        <translation>Saved</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/settings/page.py" line="246"/>
        <source>キーリングでの解除を有効にしました</source>
        <translation>Keyring unlocking enabled</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/settings/page.py" line="250"/>
        <source>バックアップの保存先</source>
        <translation>Backup destination</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/settings/page.py" line="258"/>
        <source>バックアップしています…</source>
        <translation>Backing up…</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/settings/page.py" line="258"/>
        <source>中止</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/settings/page.py" line="285"/>
        <source>バックアップを作成しました: {0}</source>
        <translation>Backup created: {0}</translation>
    </message>
</context>
<context>
    <name>ConflictsPage</name>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/sync/page.py" line="215"/>
        <source>競合</source>
        <translation>Conflicts</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/sync/page.py" line="216"/>
        <source>残す版を選ぶ…</source>
        <translation>Choose the version to keep…</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/sync/page.py" line="228"/>
        <source>残す版</source>
        <translation>Version to keep</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/sync/page.py" line="228"/>
        <source>{0}「{1}」として残す値</source>
        <translation>The value to keep for {0}: {1}</translation>
    </message>
</context>
<context>
    <name>ConsentTab</name>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/cases/consent_register.py" line="98"/>
        <source>同意書を準備(&amp;C)…</source>
        <translation>Prepare &amp;consent form…</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/cases/consent_register.py" line="100"/>
        <source>同意書を印刷…</source>
        <translation>Print consent form…</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/cases/consent_register.py" line="103"/>
        <source>署名を記録…</source>
        <translation>Record signature…</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/cases/consent_register.py" line="104"/>
        <source>口頭の同意を記録…</source>
        <translation>Record oral consent…</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/cases/consent_register.py" line="105"/>
        <source>撤回…</source>
        <translation>Withdraw…</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/cases/consent_register.py" line="128"/>
        <source>同意書を準備</source>
        <translation>Prepare consent form</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/cases/consent_register.py" line="160"/>
        <source>署名を記録</source>
        <translation>Record signature</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/cases/consent_register.py" line="185"/>
        <source>口頭の同意を記録</source>
        <translation>Record oral consent</translation>
    </message>
</context>
<context>
    <name>ConsultationsPage</name>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/directory/consultations.py" line="67"/>
        <source>相談 (直近1年)</source>
        <translation>Consultations (past year)</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/directory/consultations.py" line="68"/>
        <source>相談を記録(&amp;A)…</source>
        <translation>&amp;Add consultation…</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/directory/consultations.py" line="69"/>
        <source>対象者に結び付ける…</source>
        <translation>Link to a person…</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/directory/consultations.py" line="70"/>
        <source>ケースにする…</source>
        <translation>Make a case…</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/directory/consultations.py" line="98"/>
        <source>相談を記録</source>
        <translation>Record consultation</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/directory/consultations.py" line="105"/>
        <source>相談を選んでください</source>
        <translation>Choose a consultation</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/directory/consultations.py" line="114"/>
        <location filename="../../src/teiretsu_desktop/gui/directory/consultations.py" line="125"/>
        <source>対象者に結び付ける</source>
        <translation>Link to a person</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/directory/consultations.py" line="114"/>
        <source>氏名・ふりがな・生年月日で探す</source>
        <translation>Search by name, kana or birth date</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/directory/consultations.py" line="121"/>
        <source>「{0}」に当てはまる人はいません</source>
        <translation>Nobody matches “{0}”</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/directory/consultations.py" line="125"/>
        <source>この相談の対象者</source>
        <translation>The person this consultation is about</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/directory/consultations.py" line="143"/>
        <source>この相談は既にケースになっています</source>
        <translation>This consultation already has a case</translation>
    </message>
</context>
<context>
    <name>CorrectionDialog</name>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/cases/timeline.py" line="387"/>
        <source>記録の修正</source>
        <translation>Correct entry</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/cases/timeline.py" line="391"/>
        <location filename="../../src/teiretsu_desktop/gui/cases/timeline.py" line="398"/>
        <source>実施日時</source>
        <translation>Date and time of contact</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/cases/timeline.py" line="394"/>
        <location filename="../../src/teiretsu_desktop/gui/cases/timeline.py" line="399"/>
        <source>記録</source>
        <translation>Entry</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/cases/timeline.py" line="401"/>
        <source>修正を保存</source>
        <translation>Save correction</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/cases/timeline.py" line="402"/>
        <source>キャンセル</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/cases/timeline.py" line="405"/>
        <source>修正前の内容は履歴として残り、修正は監査ログに記録されます。</source>
        <translation>The previous version stays in the entry&apos;s history, and the correction is recorded in the audit log.</translation>
    </message>
</context>
<context>
    <name>DashboardView</name>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/dashboard/view.py" line="60"/>
        <source>明日まで</source>
        <translation>Until tomorrow</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/dashboard/view.py" line="61"/>
        <source>3日後まで</source>
        <translation>For 3 days</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/dashboard/view.py" line="62"/>
        <source>1週間後まで</source>
        <translation>For a week</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/dashboard/view.py" line="86"/>
        <source>ダッシュボード</source>
        <translation>Dashboard</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/dashboard/view.py" line="88"/>
        <source>期限の一覧</source>
        <translation>Deadlines</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/dashboard/view.py" line="93"/>
        <source>全員の担当</source>
        <translation>Everyone&apos;s cases</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/dashboard/view.py" line="94"/>
        <source>自分の担当</source>
        <translation>My cases</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/dashboard/view.py" line="97"/>
        <source>担当</source>
        <translation>Assigned to</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/dashboard/view.py" line="97"/>
        <source>期間</source>
        <translation>Period</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/dashboard/view.py" line="103"/>
        <source>更新</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/dashboard/view.py" line="104"/>
        <source>完了…</source>
        <translation>Done…</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/dashboard/view.py" line="105"/>
        <source>後で…</source>
        <translation>Later…</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/dashboard/view.py" line="140"/>
        <source>期限切れ {0} 件・今日 {1} 件・全 {2} 件</source>
        <translation>{0} overdue · {1} due today · {2} total</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/dashboard/view.py" line="142"/>
        <source> (期日の早い {0} 件を表示)</source>
        <translation> (showing the {0} with the earliest due dates)</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/dashboard/view.py" line="155"/>
        <source>完了にする行を選んでください</source>
        <translation>Select the row to mark as done</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/dashboard/view.py" line="157"/>
        <source>完了</source>
        <translation>Done</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/dashboard/view.py" line="157"/>
        <source>何をしたか (記録されます)</source>
        <translation>What was done (recorded)</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/dashboard/view.py" line="168"/>
        <source>後に回す行を選んでください</source>
        <translation>Select the row to put off</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/dashboard/view.py" line="171"/>
        <location filename="../../src/teiretsu_desktop/gui/dashboard/view.py" line="174"/>
        <source>後で</source>
        <translation>Later</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/dashboard/view.py" line="171"/>
        <source>いつまで後に回しますか</source>
        <translation>Put off until when?</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/dashboard/view.py" line="174"/>
        <source>後に回す理由 (記録されます)</source>
        <translation>Why it is put off (recorded)</translation>
    </message>
</context>
<context>
    <name>DevicesPage</name>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/sync/page.py" line="247"/>
        <source>端末</source>
        <translation>Devices</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/sync/page.py" line="252"/>
        <source>同期を始める（この端末を拠点に）…</source>
        <translation>Start sync (this device is the hub)…</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/sync/page.py" line="254"/>
        <source>端末を登録…</source>
        <translation>Enrol a device…</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/sync/page.py" line="255"/>
        <source>取り消す…</source>
        <translation>Revoke…</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/sync/page.py" line="270"/>
        <source>同期を始める</source>
        <translation>Start sync</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/sync/page.py" line="270"/>
        <source>この端末の名前（例: 事務所PC）</source>
        <translation>This device&apos;s name (e.g. Office PC)</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/sync/page.py" line="274"/>
        <source>同期を始めました。この端末が拠点です: {0}</source>
        <translation>Sync started. This device is the hub: {0}</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/sync/page.py" line="278"/>
        <source>端末を登録</source>
        <translation>Enrol a device</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/sync/page.py" line="278"/>
        <source>端末の名前（例: 訪問用PC-1）</source>
        <translation>The device&apos;s name (e.g. Visit laptop 1)</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/sync/page.py" line="281"/>
        <source>端末用のデータの保存先</source>
        <translation>Where to save the device&apos;s store</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/sync/page.py" line="287"/>
        <source>{0} を登録しました。そのファイルを端末で「バックアップから復元」してください。</source>
        <translation>{0} is enrolled. Restore that file on the device (restore from a backup).</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/sync/page.py" line="298"/>
        <source>取り消す</source>
        <translation>Revoke</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/sync/page.py" line="300"/>
        <source>{0} を取り消しますか？この端末のパケットは以後受け付けず、同期鍵を更新します。紛失・盗難のときに使います。</source>
        <translation>Revoke {0}? Its packets will be refused from now on and the sync key is rotated. Use this when a device is lost or stolen.</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/sync/page.py" line="305"/>
        <source>{0} を取り消しました。</source>
        <translation>{0} is revoked.</translation>
    </message>
</context>
<context>
    <name>Dialogs</name>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/dialogs.py" line="29"/>
        <source>はい</source>
        <translation>Yes</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/dialogs.py" line="32"/>
        <source>いいえ</source>
        <translation>No</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/dialogs.py" line="46"/>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/dialogs.py" line="48"/>
        <source>破棄</source>
        <translation>Discard</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/dialogs.py" line="51"/>
        <source>キャンセル</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/dialogs.py" line="77"/>
        <source>もう一度入力してください</source>
        <translation>Enter it again</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/dialogs.py" line="115"/>
        <source>新しい回復キー</source>
        <translation>New recovery key</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/dialogs.py" line="117"/>
        <source>新しい回復キーです。一度だけ表示します。印刷または書き写して金庫に保管してください。</source>
        <translation>This is the new recovery key, shown only once. Print or copy it and keep it in the safe.</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/dialogs.py" line="124"/>
        <source>保管しました</source>
        <translation>I have stored it</translation>
    </message>
</context>
<context>
    <name>DisclosuresTab</name>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/cases/consent_register.py" line="227"/>
        <source>提供を記録 (電話・FAX・会議など)…</source>
        <translation>Record a disclosure (phone, fax, meeting…)…</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/cases/consent_register.py" line="229"/>
        <source>第三者提供記録簿を印刷…</source>
        <translation>Print disclosure register…</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/cases/consent_register.py" line="253"/>
        <source>提供先を選んでください</source>
        <translation>Choose the recipient</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/cases/consent_register.py" line="267"/>
        <source>提供を記録</source>
        <translation>Record a disclosure</translation>
    </message>
</context>
<context>
    <name>EligibilityTab</name>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/cases/eligibility_tab.py" line="36"/>
        <source>選んだ要件を記録(&amp;E)…</source>
        <translation>R&amp;ecord the selected requirement…</translation>
    </message>
</context>
<context>
    <name>EventsTab</name>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/cases/events_tab.py" line="30"/>
        <source>表示</source>
        <translation>Show</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/cases/events_tab.py" line="34"/>
        <source>すべて</source>
        <translation>All</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/cases/events_tab.py" line="41"/>
        <source>日時</source>
        <translation>Date and time</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/cases/events_tab.py" line="42"/>
        <source>種類</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/cases/events_tab.py" line="43"/>
        <source>内容</source>
        <translation>Event</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/cases/events_tab.py" line="44"/>
        <source>詳細</source>
        <translation>Details</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/cases/events_tab.py" line="45"/>
        <source>担当</source>
        <translation>Staff</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/cases/events_tab.py" line="51"/>
        <source>すべての経過</source>
        <translation>All events</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/cases/events_tab.py" line="92"/>
        <source>{0}件</source>
        <translation>{0} entries</translation>
    </message>
</context>
<context>
    <name>ExchangePage</name>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/sync/page.py" line="60"/>
        <location filename="../../src/teiretsu_desktop/gui/sync/page.py" line="134"/>
        <source>同期フォルダー</source>
        <translation>Sync folder</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/sync/page.py" line="65"/>
        <source>フォルダーを選ぶ…</source>
        <translation>Choose a folder…</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/sync/page.py" line="71"/>
        <source>同期する（書き出して取り込む）</source>
        <translation>Sync (send and receive)</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/sync/page.py" line="72"/>
        <source>書き出す</source>
        <translation>Send</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/sync/page.py" line="73"/>
        <source>取り込む</source>
        <translation>Receive</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/sync/page.py" line="83"/>
        <source>USBメモリ、共有フォルダー、Syncthing のフォルダーなど、センターの端末が共有するフォルダーを選びます。パケットは暗号化・署名されています。</source>
        <translation>Choose a folder the center&apos;s devices share: a USB stick, a shared folder or a Syncthing folder. Packets are encrypted and signed.</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/sync/page.py" line="114"/>
        <source>これは訪問キットです（期限 {0}）。訪問のあと、拠点でチェックインしてください。</source>
        <translation>This is a visit kit (until {0}). After the visit, check it in at the hub.</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/sync/page.py" line="118"/>
        <source>この端末は同期の設定がされていません。拠点（事務所PC）で管理者が同期を始め、端末を登録します。</source>
        <translation>This device is not set up for sync. An administrator starts sync at the hub (office PC) and enrols the devices.</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/sync/page.py" line="121"/>
        <source>拠点</source>
        <translation>hub</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/sync/page.py" line="121"/>
        <source>登録済みの端末</source>
        <translation>enrolled device</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/sync/page.py" line="122"/>
        <source>この端末: {0}（{1}）。まだ書き出していない変更: {2} 件</source>
        <translation>This device: {0} ({1}). Changes not yet sent: {2}</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/sync/page.py" line="141"/>
        <source>同期フォルダーを選んでください。</source>
        <translation>Choose the sync folder.</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/sync/page.py" line="153"/>
        <source>送る変更はありません。</source>
        <translation>Nothing new to send.</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/sync/page.py" line="155"/>
        <source>書き出しました: {0}（{1} 件の変更）</source>
        <translation>Sent: {0} ({1} changes)</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/sync/page.py" line="169"/>
        <source>取り込んでいます…</source>
        <translation>Receiving…</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/sync/page.py" line="169"/>
        <source>閉じる</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/sync/page.py" line="184"/>
        <source>取り込んだ変更: {0} 件</source>
        <translation>Changes received: {0}</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/sync/page.py" line="188"/>
        <source>{0} 件は、まだ届いていない他の端末の変更を待っています。</source>
        <translation>{0} changes wait for other devices&apos; changes that have not arrived yet.</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/sync/page.py" line="191"/>
        <source>拒否: {0} — {1}</source>
        <translation>Refused: {0} — {1}</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/stats/export_dialog.py" line="43"/>
        <source>{0}の集計を書き出す</source>
        <translation>Export the statistics of {0}</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/stats/export_dialog.py" line="50"/>
        <source>書き出す内容</source>
        <translation>What is written</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/stats/export_dialog.py" line="52"/>
        <source>区分</source>
        <translation>Part</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/stats/export_dialog.py" line="52"/>
        <source>表・項目</source>
        <translation>Table / field</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/stats/export_dialog.py" line="52"/>
        <source>行</source>
        <translation>Row</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/stats/export_dialog.py" line="52"/>
        <source>列</source>
        <translation>Column</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/stats/export_dialog.py" line="52"/>
        <source>値</source>
        <translation>Value</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/stats/export_dialog.py" line="59"/>
        <source>確認</source>
        <translation>Check</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/stats/export_dialog.py" line="60"/>
        <source>承認して書き出す…</source>
        <translation>Sign off and export…</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/stats/export_dialog.py" line="63"/>
        <source>秘匿の方針</source>
        <translation>Suppression policy</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/stats/export_dialog.py" line="76"/>
        <source>センターの外に出る内容のすべて: ファイルの情報と、集計のすべてのセル (秘匿は「秘匿」と表示)</source>
        <translation>Everything that leaves the center: the file information and every cell of the tables (suppressed cells read “suppressed”)</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/stats/export_dialog.py" line="96"/>
        <source>ファイルの情報</source>
        <translation>File information</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/stats/export_dialog.py" line="106"/>
        <source>集計</source>
        <translation>Statistics</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/stats/export_dialog.py" line="110"/>
        <source>秘匿</source>
        <translation>suppressed</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/stats/export_dialog.py" line="128"/>
        <source>検査: 合格。都道府県内で使う取扱注意の集計のため、数は実数のままです。</source>
        <translation>Check passed. For use within the prefecture (handle with care): the numbers are exact.</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/stats/export_dialog.py" line="131"/>
        <source>検査: 合格。人数が少ないと個人が分かるおそれがあるため、{0}未満の数を「秘匿」にしました ({1}セル)。前回の書き出しとの差や合計から秘匿の数が分からないよう、さらに{2}セルを秘匿にしました。</source>
        <translation>Check passed. Numbers below {0} could identify a person and are suppressed ({1} cells); {2} more cells are suppressed so that they cannot be worked out from totals or from the previous export.</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/stats/export_dialog.py" line="134"/>
        <source> 氏名・生年月日・住所などの個人を特定する項目、自由記述、日付は含まれません。</source>
        <translation> No names, birth dates, addresses or other identifying fields, free text or dates are included.</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/stats/export_dialog.py" line="119"/>
        <source> この年度は書き出し済みでロックされています。</source>
        <translation> This fiscal year has already been exported and is locked.</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/stats/export_dialog.py" line="138"/>
        <source>集計ファイル</source>
        <translation>Statistics bundle</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/stats/export_dialog.py" line="149"/>
        <source>書き出しました: {0} (連番 {1})</source>
        <translation>Exported: {0} (sequence no. {1})</translation>
    </message>
</context>
<context>
    <name>FirstRunDialog</name>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/unlock/first_run.py" line="51"/>
        <source>Teiretsu — はじめての設定</source>
        <translation>Teiretsu — Initial setup</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/unlock/first_run.py" line="70"/>
        <source>&lt;h2&gt;はじめに&lt;/h2&gt;このパソコンにはまだセンターのデータがありません。</source>
        <translation>&lt;h2&gt;Getting started&lt;/h2&gt;This computer does not have any center data yet.</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/unlock/first_run.py" line="72"/>
        <source>新しいセンターのデータを作る(&amp;N)</source>
        <translation>Create &amp;new center data</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/unlock/first_run.py" line="73"/>
        <source>バックアップから復元する(&amp;R)</source>
        <translation>&amp;Restore from a backup</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/unlock/first_run.py" line="74"/>
        <source>既存のデータフォルダを開く(&amp;O)</source>
        <translation>&amp;Open an existing data folder</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/unlock/first_run.py" line="92"/>
        <location filename="../../src/teiretsu_desktop/gui/unlock/first_run.py" line="154"/>
        <location filename="../../src/teiretsu_desktop/gui/unlock/first_run.py" line="157"/>
        <source>パスフレーズ</source>
        <translation>Passphrase</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/unlock/first_run.py" line="93"/>
        <location filename="../../src/teiretsu_desktop/gui/unlock/first_run.py" line="100"/>
        <source>パスフレーズ (確認)</source>
        <translation>Passphrase (confirm)</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/unlock/first_run.py" line="94"/>
        <source>センターコード</source>
        <translation>Center code</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/unlock/first_run.py" line="95"/>
        <source>センター名</source>
        <translation>Center name</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/unlock/first_run.py" line="96"/>
        <source>都道府県コード</source>
        <translation>Prefecture code</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/unlock/first_run.py" line="97"/>
        <source>管理者のスタッフ名</source>
        <translation>Administrator staff name</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/unlock/first_run.py" line="98"/>
        <source>管理者の氏名</source>
        <translation>Administrator full name</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/unlock/first_run.py" line="99"/>
        <source>パスフレーズ (12文字以上)</source>
        <translation>Passphrase (at least 12 characters)</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/unlock/first_run.py" line="102"/>
        <location filename="../../src/teiretsu_desktop/gui/unlock/first_run.py" line="159"/>
        <source>戻る</source>
        <translation>Back</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/unlock/first_run.py" line="103"/>
        <source>作成</source>
        <translation>Create</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/unlock/first_run.py" line="118"/>
        <source>&lt;h2&gt;回復キー&lt;/h2&gt;パスフレーズを全員が忘れたときに、データを取り戻す唯一の方法です。&lt;b&gt;一度だけ&lt;/b&gt;表示します。印刷して金庫に保管してください。</source>
        <translation>&lt;h2&gt;Recovery key&lt;/h2&gt;This is the only way to recover the data if everyone forgets their passphrase. It is shown &lt;b&gt;only once&lt;/b&gt;. Print it and keep it in a safe.</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/unlock/first_run.py" line="128"/>
        <source>印刷(&amp;P)…</source>
        <translation>&amp;Print…</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/unlock/first_run.py" line="129"/>
        <source>回復キーを印刷または書き写して保管しました</source>
        <translation>I have printed or copied down the recovery key and stored it safely</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/unlock/first_run.py" line="130"/>
        <source>はじめる</source>
        <translation>Get started</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/unlock/first_run.py" line="149"/>
        <source>選ぶ…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/unlock/first_run.py" line="155"/>
        <location filename="../../src/teiretsu_desktop/gui/unlock/first_run.py" line="230"/>
        <source>バックアップファイル</source>
        <translation>Backup file</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/unlock/first_run.py" line="156"/>
        <source>スタッフ名</source>
        <translation>Staff name</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/unlock/first_run.py" line="160"/>
        <source>復元</source>
        <translation>Restore</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/unlock/first_run.py" line="184"/>
        <source>作成しています…</source>
        <translation>Creating…</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/unlock/first_run.py" line="205"/>
        <source>管理者の署名鍵の指紋: {0}（回復キーと一緒に保管し、バックアップや集計ファイルの指紋と照らし合わせます）</source>
        <translation>Administrator authority fingerprint: {0} (keep it with the recovery key; compare it with backups and bundles)</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/unlock/first_run.py" line="238"/>
        <source>復元しています…</source>
        <translation>Restoring…</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/unlock/first_run.py" line="247"/>
        <source>データフォルダ</source>
        <translation>Data folder</translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/ledger/import_wizard.py" line="74"/>
        <source>台帳の取込</source>
        <translation>Import a ledger</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/ledger/import_wizard.py" line="87"/>
        <source>戻る</source>
        <translation>Back</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/ledger/import_wizard.py" line="88"/>
        <source>次へ</source>
        <translation>Next</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/ledger/import_wizard.py" line="89"/>
        <source>取り込む</source>
        <translation>Import</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/ledger/import_wizard.py" line="90"/>
        <source>閉じる</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/ledger/import_wizard.py" line="111"/>
        <source>ファイルを選ぶ…</source>
        <translation>Choose a file…</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/ledger/import_wizard.py" line="112"/>
        <source>保存した対応表を使う…</source>
        <translation>Use a saved mapping…</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/ledger/import_wizard.py" line="114"/>
        <source>取り込む台帳 (.xlsx, .csv, Unicode テキスト) を選んでください。</source>
        <translation>Choose the ledger to import (.xlsx, .csv, Unicode text).</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/ledger/import_wizard.py" line="118"/>
        <source>センターのExcel台帳を、独自の列名のままで取り込めます。列の対応を確かめ、取り込む前に結果 (新規・更新・変更なし・競合・取込不可) を確認します。同じ台帳をもう一度取り込んでも重複せず、直した項目だけが更新されます。</source>
        <translation>Import the center&apos;s Excel ledger with its own column names. Check how the columns map and what the import will do (new, updated, unchanged, conflicting, refused) before anything is written. Importing the same ledger again creates no duplicates; only corrected fields are updated.</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/ledger/import_wizard.py" line="142"/>
        <source>列の対応</source>
        <translation>Column mapping</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/ledger/import_wizard.py" line="144"/>
        <source>台帳の列</source>
        <translation>Ledger column</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/ledger/import_wizard.py" line="144"/>
        <source>値の例</source>
        <translation>Sample values</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/ledger/import_wizard.py" line="144"/>
        <source>取り込む先</source>
        <translation>Import as</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/ledger/import_wizard.py" line="144"/>
        <source>理由</source>
        <translation>Why</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/ledger/import_wizard.py" line="150"/>
        <source>(台帳のとおり)</source>
        <translation>(as in the ledger)</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/ledger/import_wizard.py" line="151"/>
        <source>全行の業務区分</source>
        <translation>Business line for every row</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/ledger/import_wizard.py" line="156"/>
        <source>全行の状態</source>
        <translation>State for every row</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/ledger/import_wizard.py" line="161"/>
        <source>対応表を保存…</source>
        <translation>Save the mapping…</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/ledger/import_wizard.py" line="176"/>
        <source>台帳の各列をどの項目として取り込むか確かめてください。分からない列は「取り込まない」か「備考」に。</source>
        <translation>Check what each of the ledger&apos;s columns is imported as. Leave out a column you do not know, or keep it as 備考 (remarks).</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/ledger/import_wizard.py" line="195"/>
        <source>取込の問題</source>
        <translation>Import problems</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/ledger/import_wizard.py" line="197"/>
        <source>種類</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/ledger/import_wizard.py" line="197"/>
        <source>シート</source>
        <translation>Sheet</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/ledger/import_wizard.py" line="197"/>
        <source>行</source>
        <translation>Row</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/ledger/import_wizard.py" line="197"/>
        <source>列</source>
        <translation>Column</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/ledger/import_wizard.py" line="197"/>
        <source>内容</source>
        <translation>Problem</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/ledger/import_wizard.py" line="202"/>
        <source>取り込めない行を除いて、ほかの行を取り込む</source>
        <translation>Leave out the rows that cannot be imported and import the others</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/ledger/import_wizard.py" line="205"/>
        <source>問題の一覧を保存…</source>
        <translation>Save the list of problems…</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/ledger/import_wizard.py" line="220"/>
        <source>進み具合</source>
        <translation>Progress</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/ledger/import_wizard.py" line="221"/>
        <source>キャンセル</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/ledger/import_wizard.py" line="238"/>
        <source>1. ファイル</source>
        <translation>1. File</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/ledger/import_wizard.py" line="238"/>
        <source>2. 列の対応</source>
        <translation>2. Columns</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/ledger/import_wizard.py" line="238"/>
        <source>3. 確認</source>
        <translation>3. Check</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/ledger/import_wizard.py" line="238"/>
        <source>4. 取込</source>
        <translation>4. Import</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/ledger/import_wizard.py" line="274"/>
        <source>取り込む台帳</source>
        <translation>Ledger to import</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/ledger/import_wizard.py" line="274"/>
        <source>台帳 (*.xlsx *.csv *.txt *.tsv)</source>
        <translation>Ledgers (*.xlsx *.csv *.txt *.tsv)</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/ledger/import_wizard.py" line="280"/>
        <source>読み込んでいます…</source>
        <translation>Reading…</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/ledger/import_wizard.py" line="288"/>
        <source>文字コード: {0}</source>
        <translation>Encoding: {0}</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/ledger/import_wizard.py" line="288"/>
        <source>Excelファイル</source>
        <translation>Excel workbook</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/ledger/import_wizard.py" line="291"/>
        <source>シート「{0}」: 見出しは{1}行目、{2}行</source>
        <translation>Sheet “{0}”: header in row {1}, {2} rows</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/ledger/import_wizard.py" line="295"/>
        <source> (業務区分の列がなければ「{0}」)</source>
        <translation> (business line “{0}” unless a column gives it)</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/ledger/import_wizard.py" line="299"/>
        <source>見出しが見つからず読まないシート: {0}</source>
        <translation>Sheets without a recognised header (not read): {0}</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/ledger/import_wizard.py" line="307"/>
        <source>保存した対応表</source>
        <translation>Saved mapping</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/ledger/import_wizard.py" line="307"/>
        <location filename="../../src/teiretsu_desktop/gui/ledger/import_wizard.py" line="375"/>
        <source>対応表 (*.toml)</source>
        <translation>Mappings (*.toml)</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/ledger/import_wizard.py" line="325"/>
        <source>(取り込まない)</source>
        <translation>(leave out)</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/ledger/import_wizard.py" line="333"/>
        <source>対応表のとおり</source>
        <translation>as in the mapping file</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/ledger/import_wizard.py" line="375"/>
        <source>対応表を保存</source>
        <translation>Save the mapping</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/ledger/import_wizard.py" line="379"/>
        <source>対応表を保存しました: {0}</source>
        <translation>Mapping saved: {0}</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/ledger/import_wizard.py" line="386"/>
        <source>確認しています…</source>
        <translation>Checking…</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/ledger/import_wizard.py" line="400"/>
        <source>{0}行を確認しました: {1}</source>
        <translation>{0} rows checked: {1}</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/ledger/import_wizard.py" line="401"/>
        <source>新しく登録する対象者 {0}人、変更する項目 {1}</source>
        <translation>{0} new persons, {1} fields to change</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/ledger/import_wizard.py" line="407"/>
        <source>取り込めない行があります。直してから確認し直すか、その行を除いて取り込めます。</source>
        <translation>Some rows cannot be imported. Fix them and check again, or import without them.</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/ledger/import_wizard.py" line="410"/>
        <source>誤り</source>
        <translation>Error</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/ledger/import_wizard.py" line="411"/>
        <source>注意</source>
        <translation>Warning</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/ledger/import_wizard.py" line="426"/>
        <source>問題の一覧を保存</source>
        <translation>Save the list of problems</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/ledger/import_wizard.py" line="442"/>
        <source>取り込んでいます…</source>
        <translation>Importing…</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/ledger/import_wizard.py" line="466"/>
        <source>取り込みました。</source>
        <translation>Imported.</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/ledger/import_wizard.py" line="468"/>
        <source>取り込む行がなかったため、何も変えていません。</source>
        <translation>Nothing to import; nothing was changed.</translation>
    </message>
</context>
<context>
    <name>KitsPage</name>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/sync/page.py" line="322"/>
        <location filename="../../src/teiretsu_desktop/gui/sync/page.py" line="340"/>
        <source>訪問キット</source>
        <translation>Visit kits</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/sync/page.py" line="326"/>
        <source>チェックアウト…</source>
        <translation>Check out…</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/sync/page.py" line="327"/>
        <source>チェックイン…</source>
        <translation>Check in…</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/sync/page.py" line="340"/>
        <source>持ち出すケースの受付番号（複数は読点かカンマで区切る）</source>
        <translation>Case numbers to take (separate several with commas)</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/sync/page.py" line="346"/>
        <location filename="../../src/teiretsu_desktop/gui/sync/page.py" line="355"/>
        <source>キットを使う職員</source>
        <translation>Staff member who uses the kit</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/sync/page.py" line="347"/>
        <source>職員</source>
        <translation>Staff member</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/sync/page.py" line="356"/>
        <source>{0} さん本人がパスフレーズを入力してください</source>
        <translation>{0}, please type your own passphrase</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/sync/page.py" line="360"/>
        <source>キットの保存先（空のフォルダー）</source>
        <translation>Where to write the kit (an empty folder)</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/sync/page.py" line="374"/>
        <source>訪問キットを作りました（期限 {0}）。</source>
        <translation>Visit kit written (expires {0}).</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/sync/page.py" line="378"/>
        <source>チェックインする訪問キットのフォルダー</source>
        <translation>Folder of the visit kit to check in</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/sync/page.py" line="383"/>
        <source>チェックインしました（{0} 件の変更）。キットは消去しました。</source>
        <translation>Checked in ({0} changes). The kit was wiped.</translation>
    </message>
</context>
<context>
    <name>LockReason</name>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/context.py" line="42"/>
        <source>ロックしました。</source>
        <translation>Locked.</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/context.py" line="43"/>
        <source>しばらく操作がなかったため、自動でロックしました。</source>
        <translation>Locked automatically after a while without input.</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/context.py" line="46"/>
        <source>パソコンの画面ロックに合わせてロックしました。</source>
        <translation>Locked together with the computer&apos;s screen lock.</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/context.py" line="47"/>
        <source>鍵を更新したため、もう一度解除してください。</source>
        <translation>The keys were renewed; unlock again.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/main_window.py" line="57"/>
        <source>メニュー</source>
        <translation>Menu</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/main_window.py" line="61"/>
        <source>ダッシュボード</source>
        <translation>Dashboard</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/main_window.py" line="62"/>
        <source>対象者・ケース</source>
        <translation>Clients &amp; cases</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/main_window.py" line="63"/>
        <source>相談</source>
        <translation>Consultations</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/main_window.py" line="64"/>
        <source>関係機関</source>
        <translation>Agencies</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/main_window.py" line="49"/>
        <location filename="../../src/teiretsu_desktop/gui/main_window.py" line="65"/>
        <source>連携活動</source>
        <translation>Network activities</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/main_window.py" line="50"/>
        <source>選定段階の助言</source>
        <translation>Advice during selection</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/main_window.py" line="66"/>
        <source>統計・報告</source>
        <translation>Statistics &amp; reports</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/main_window.py" line="67"/>
        <source>設定</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/main_window.py" line="68"/>
        <source>同期</source>
        <translation>Sync</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/main_window.py" line="91"/>
        <source>ファイル(&amp;F)</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/main_window.py" line="92"/>
        <source>ロック(&amp;L)</source>
        <translation>&amp;Lock</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/main_window.py" line="96"/>
        <source>新規受付(&amp;N)</source>
        <translation>&amp;New referral</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/main_window.py" line="101"/>
        <source>白紙の面接シートを印刷(&amp;B)…</source>
        <translation>Print &amp;blank interview sheet…</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/main_window.py" line="104"/>
        <source>台帳の取込(&amp;I)…</source>
        <translation>&amp;Import a ledger…</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/main_window.py" line="108"/>
        <source>第三者提供記録簿（期間）を印刷(&amp;R)…</source>
        <translation>Print disclosure &amp;register for a period…</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/main_window.py" line="111"/>
        <source>終了(&amp;Q)</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/main_window.py" line="126"/>
        <source>処理中…</source>
        <translation>Working…</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/main_window.py" line="163"/>
        <source>自動ロックまで {0}:{1:02d}</source>
        <translation>Auto-lock in {0}:{1:02d}</translation>
    </message>
</context>
<context>
    <name>MeetingsTab</name>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/cases/meetings_tab.py" line="84"/>
        <source>所属</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/cases/meetings_tab.py" line="85"/>
        <source>氏名・役職</source>
        <translation>Name / role</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/cases/meetings_tab.py" line="86"/>
        <source>提供先の種類</source>
        <translation>Recipient kind</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/cases/meetings_tab.py" line="88"/>
        <source>提供記録</source>
        <translation>Provision record</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/cases/meetings_tab.py" line="88"/>
        <source>あり</source>
        <translation>Recorded</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/cases/meetings_tab.py" line="88"/>
        <source>共有なし</source>
        <translation>Nothing shared</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/cases/meetings_tab.py" line="94"/>
        <source>番号</source>
        <translation>No.</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/cases/meetings_tab.py" line="95"/>
        <source>決定事項</source>
        <translation>Decision</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/cases/meetings_tab.py" line="96"/>
        <source>担当</source>
        <translation>Responsible</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/cases/meetings_tab.py" line="97"/>
        <source>いつまでに</source>
        <translation>By when</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/cases/meetings_tab.py" line="98"/>
        <source>予定</source>
        <translation>Reminder</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/cases/meetings_tab.py" line="98"/>
        <source>登録済み</source>
        <translation>Set</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/cases/meetings_tab.py" line="108"/>
        <source>選んだ会議の出席者</source>
        <translation>Attendees of the selected meeting</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/cases/meetings_tab.py" line="109"/>
        <source>選んだ会議の決定事項</source>
        <translation>Decisions of the selected meeting</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/cases/meetings_tab.py" line="121"/>
        <source>会議を記録(&amp;A)…</source>
        <translation>Record a meeting(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/cases/meetings_tab.py" line="122"/>
        <source>出席者を追加…</source>
        <translation>Add an attendee…</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/cases/meetings_tab.py" line="123"/>
        <source>決定事項を追加…</source>
        <translation>Add a decision…</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/cases/meetings_tab.py" line="125"/>
        <source>会議記録を印刷…</source>
        <translation>Print the meeting record…</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/cases/meetings_tab.py" line="149"/>
        <source>なし</source>
        <translation>none</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/cases/meetings_tab.py" line="151"/>
        <source>{0} {1}&#x3000;場所: {2}&#x3000;共有した情報: {3}
協議内容: {4}</source>
        <translation>{0} {1}  Place: {2}  Shared: {3}
Discussed: {4}</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/cases/meetings_tab.py" line="169"/>
        <source>{0}会議を選んでください</source>
        <translation>Choose the meeting to {0}</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/cases/meetings_tab.py" line="185"/>
        <source>会議を記録</source>
        <translation>Record a meeting</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/cases/meetings_tab.py" line="194"/>
        <source>出席者を追加する</source>
        <translation>add an attendee to</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/cases/meetings_tab.py" line="206"/>
        <source>出席者を追加: {0} {1}</source>
        <translation>Add an attendee: {0} {1}</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/cases/meetings_tab.py" line="213"/>
        <source>決定事項を追加する</source>
        <translation>add a decision to</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/cases/meetings_tab.py" line="221"/>
        <source>決定事項を追加: {0} {1}</source>
        <translation>Add a decision: {0} {1}</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/cases/meetings_tab.py" line="228"/>
        <source>印刷する</source>
        <translation>print</translation>
    </message>
</context>
<context>
    <name>NetworkPage</name>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/directory/network.py" line="65"/>
        <source>連携活動 (今年度と前年度)</source>
        <translation>Network activities (this and last fiscal year)</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/directory/network.py" line="66"/>
        <source>記録(&amp;A)…</source>
        <translation>&amp;Add record…</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/directory/network.py" line="98"/>
        <source>連携活動を記録</source>
        <translation>Record network activity</translation>
    </message>
</context>
<context>
    <name>NewReferralDialog</name>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/cases/new_referral.py" line="51"/>
        <source>新規受付</source>
        <translation>New referral</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/cases/new_referral.py" line="51"/>
        <source>相談からケースを作る</source>
        <translation>Make a case from the consultation</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/cases/new_referral.py" line="74"/>
        <source>対象者</source>
        <translation>Client</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/cases/new_referral.py" line="74"/>
        <source>依頼</source>
        <translation>Referral</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/cases/new_referral.py" line="136"/>
        <source>同じ人かもしれません</source>
        <translation>Possibly the same person</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/cases/new_referral.py" line="137"/>
        <source>登録済みの人と似ています。同じ人なら選んでください。</source>
        <translation>This person resembles someone already registered. If it is the same person, please select them.</translation>
    </message>
</context>
<context>
    <name>PersonWindow</name>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/cases/person_window.py" line="60"/>
        <source>本人の全体像</source>
        <translation>Person overview</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/cases/person_window.py" line="66"/>
        <source>支援の経過 (ケース)</source>
        <translation>Episodes (cases)</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/cases/person_window.py" line="70"/>
        <source>ケース番号</source>
        <translation>Case no.</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/cases/person_window.py" line="71"/>
        <source>業務区分</source>
        <translation>Business line</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/cases/person_window.py" line="72"/>
        <source>状態</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/cases/person_window.py" line="74"/>
        <source>依頼日</source>
        <translation>Request date</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/cases/person_window.py" line="78"/>
        <source>帰住日・釈放日</source>
        <translation>Return / release date</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/cases/person_window.py" line="80"/>
        <source>退所時の居住先</source>
        <translation>Residence at release</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/cases/person_window.py" line="83"/>
        <source>終結日</source>
        <translation>Closure date</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/cases/person_window.py" line="84"/>
        <source>主担当</source>
        <translation>Primary staff</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/cases/person_window.py" line="85"/>
        <source>再入所</source>
        <translation>Re-admission</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/cases/person_window.py" line="86"/>
        <source>前の支援</source>
        <translation>Follows</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/cases/person_window.py" line="87"/>
        <source>最終連絡</source>
        <translation>Last contact</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/cases/person_window.py" line="99"/>
        <source>ケースを開く</source>
        <translation>Open case</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/cases/person_window.py" line="101"/>
        <source>前の支援とつなぐ…</source>
        <translation>Link to an earlier episode…</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/cases/person_window.py" line="104"/>
        <source>選んだケースが、この人の前のケースに続く支援であることを記録します (再入所は前のケースにも記録されます)</source>
        <translation>Record that the selected case follows an earlier case of this person (a re-admission is also recorded on the earlier case)</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/cases/person_window.py" line="108"/>
        <location filename="../../src/teiretsu_desktop/gui/cases/person_window.py" line="272"/>
        <source>つながりを外す</source>
        <translation>Remove link</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/cases/person_window.py" line="150"/>
        <source>{0}生 ({1}歳)</source>
        <translation>born {0} (age {1})</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/cases/person_window.py" line="155"/>
        <source>現在の居住先: {0}</source>
        <translation>Current residence: {0}</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/cases/person_window.py" line="159"/>
        <source>現在の居住先: 記録なし</source>
        <translation>Current residence: not recorded</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/cases/person_window.py" line="166"/>
        <source>ケース {0}件</source>
        <translation>{0} case(s)</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/cases/person_window.py" line="176"/>
        <source> ({0}判明)</source>
        <translation> (known {0})</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/cases/person_window.py" line="178"/>
        <location filename="../../src/teiretsu_desktop/gui/cases/person_window.py" line="179"/>
        <location filename="../../src/teiretsu_desktop/gui/cases/person_window.py" line="189"/>
        <source>なし</source>
        <translation>none</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/cases/person_window.py" line="182"/>
        <source> (撤回 {0})</source>
        <translation> (withdrawn {0})</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/cases/person_window.py" line="184"/>
        <source> ({0}まで)</source>
        <translation> (until {0})</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/cases/person_window.py" line="193"/>
        <source>&lt;b&gt;障害&lt;/b&gt;: {0}</source>
        <translation>&lt;b&gt;Disabilities&lt;/b&gt;: {0}</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/cases/person_window.py" line="194"/>
        <source>&lt;b&gt;手帳&lt;/b&gt;: {0}</source>
        <translation>&lt;b&gt;Certificates&lt;/b&gt;: {0}</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/cases/person_window.py" line="195"/>
        <source>&lt;b&gt;同意&lt;/b&gt;: {0}</source>
        <translation>&lt;b&gt;Consents&lt;/b&gt;: {0}</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/cases/person_window.py" line="201"/>
        <source>{0}交付</source>
        <translation>issued {0}</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/cases/person_window.py" line="203"/>
        <source>{0}まで</source>
        <translation>until {0}</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/cases/person_window.py" line="235"/>
        <source>この人のほかのケースがありません</source>
        <translation>This person has no other case</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/cases/person_window.py" line="239"/>
        <location filename="../../src/teiretsu_desktop/gui/cases/person_window.py" line="245"/>
        <source>前の支援とつなぐ</source>
        <translation>Link to an earlier episode</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/cases/person_window.py" line="239"/>
        <source>{0} の前のケース</source>
        <translation>The case {0} follows</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/cases/person_window.py" line="245"/>
        <source>つながり</source>
        <translation>Link</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/cases/person_window.py" line="251"/>
        <source>再入所日</source>
        <translation>Re-admission date</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/cases/person_window.py" line="251"/>
        <source>再入所日 (例: 令和7年6月20日)</source>
        <translation>Re-admission date (e.g. 2025-06-20)</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/cases/person_window.py" line="257"/>
        <source>再入所日が読めません: {0}</source>
        <translation>Cannot read the re-admission date: {0}</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/cases/person_window.py" line="263"/>
        <source>つなぎました</source>
        <translation>Linked</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/cases/person_window.py" line="271"/>
        <source>{0} と前の支援のつながりを外しますか？ (記録された再入所は前のケースに残ります)</source>
        <translation>Remove the link of {0} to the earlier episode? (A recorded re-admission stays on the earlier case)</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/cases/person_window.py" line="276"/>
        <source>つながりを外しました</source>
        <translation>Link removed</translation>
    </message>
</context>
<context>
    <name>PlanTab</name>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/cases/plan_tab.py" line="53"/>
        <source>項目を追加(&amp;A)…</source>
        <translation>&amp;Add item…</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/cases/plan_tab.py" line="54"/>
        <source>選んだ項目を見直す(&amp;E)…</source>
        <translation>R&amp;eview the selected item…</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/cases/plan_tab.py" line="80"/>
        <source>支援計画の項目を追加</source>
        <translation>Add a plan item</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/cases/plan_tab.py" line="80"/>
        <source>支援計画の項目を見直す</source>
        <translation>Review a plan item</translation>
    </message>
</context>
<context>
    <name>PrintDialog</name>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/printing/dialog.py" line="76"/>
        <source>印刷</source>
        <translation>Print</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/printing/dialog.py" line="79"/>
        <location filename="../../src/teiretsu_desktop/gui/printing/dialog.py" line="103"/>
        <source>帳票</source>
        <translation>Form</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/printing/dialog.py" line="85"/>
        <location filename="../../src/teiretsu_desktop/gui/printing/dialog.py" line="104"/>
        <source>提供先</source>
        <translation>Recipient</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/printing/dialog.py" line="87"/>
        <source>例: グループホームさくら</source>
        <translation>e.g. Sakura Group Home</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/printing/dialog.py" line="89"/>
        <source>罪名を含める (受入先の安全管理に必要な場合のみ)</source>
        <translation>Include offence (only if the destination needs it for safety management)</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/printing/dialog.py" line="93"/>
        <source>同意がない場合のみ: 提供の理由 (権限のある人)</source>
        <translation>Only if there is no consent: reason for disclosure (authorized staff)</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/printing/dialog.py" line="88"/>
        <location filename="../../src/teiretsu_desktop/gui/printing/dialog.py" line="105"/>
        <source>提供先の名称</source>
        <translation>Recipient name</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/printing/dialog.py" line="109"/>
        <source>プレビュー(&amp;V)</source>
        <translation>Pre&amp;view</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/printing/dialog.py" line="110"/>
        <source>印刷(&amp;P)…</source>
        <translation>&amp;Print…</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/printing/dialog.py" line="111"/>
        <source>PDFを保存(&amp;S)…</source>
        <translation>&amp;Save PDF…</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/printing/dialog.py" line="269"/>
        <source>作成しています…</source>
        <translation>Creating…</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/printing/dialog.py" line="317"/>
        <location filename="../../src/teiretsu_desktop/gui/printing/dialog.py" line="342"/>
        <source>提供記録を作成しました。</source>
        <translation>Disclosure record created.</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/printing/dialog.py" line="277"/>
        <source>{0} ページ。{1}</source>
        <translation>Pages: {0}. {1}</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/printing/dialog.py" line="94"/>
        <location filename="../../src/teiretsu_desktop/gui/printing/dialog.py" line="107"/>
        <source>同意によらない提供の理由</source>
        <translation>Reason for disclosure without consent</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/printing/dialog.py" line="96"/>
        <source>期間の初日</source>
        <translation>First day of the period</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/printing/dialog.py" line="97"/>
        <source>期間の末日</source>
        <translation>Last day of the period</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/printing/dialog.py" line="108"/>
        <source>期間 (経過記録・記録簿)</source>
        <translation>Period (activity log, register)</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/printing/dialog.py" line="125"/>
        <location filename="../../src/teiretsu_desktop/gui/printing/dialog.py" line="127"/>
        <source>表示倍率</source>
        <translation>Zoom</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/printing/dialog.py" line="183"/>
        <source>センター控え（外部に提供しない）</source>
        <translation>Center&apos;s copy (not disclosed)</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/printing/dialog.py" line="253"/>
        <source>期間: 日付として読めません (例: 令和6年4月1日 / 2024-04-01)</source>
        <translation>Period: not a date (e.g. 2024-04-01)</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/printing/dialog.py" line="283"/>
        <source>センター控え: 提供記録は作成しません（印刷は監査ログに残ります）。</source>
        <translation>Center&apos;s copy: no disclosure record (the print is audited).</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/printing/dialog.py" line="287"/>
        <source>同意によらない提供です。印刷または保存した時に提供記録を作成します。</source>
        <translation>Disclosure without consent. The disclosure record is written when you print or save.</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/printing/dialog.py" line="289"/>
        <source>本人への交付です。印刷または保存した時に記録します。</source>
        <translation>Given to the person. Recorded when you print or save.</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/printing/dialog.py" line="290"/>
        <source>同意に基づく提供です。印刷または保存した時に提供記録を作成します。</source>
        <translation>Disclosure under consent. The disclosure record is written when you print or save.</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/printing/dialog.py" line="300"/>
        <source>印刷を取り消しました。何も記録していません。</source>
        <translation>Printing cancelled. Nothing was recorded.</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/printing/dialog.py" line="318"/>
        <source>印刷に送りました。</source>
        <translation>Sent to the printer.</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/printing/dialog.py" line="326"/>
        <source>個人情報を含むファイル</source>
        <translation>File contains personal information</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/printing/dialog.py" line="327"/>
        <source>このPDFには個人情報が含まれます。パスワード (AES-256) をかけて保存します。続けますか？</source>
        <translation>This PDF contains personal information. It will be saved with a password (AES-256). Continue?</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/printing/dialog.py" line="330"/>
        <source>PDFのパスワード</source>
        <translation>PDF password</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/printing/dialog.py" line="330"/>
        <source>パスワード (8文字以上)</source>
        <translation>Password (at least 8 characters)</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/printing/dialog.py" line="334"/>
        <source>PDFを保存</source>
        <translation>Save PDF</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/printing/dialog.py" line="338"/>
        <source>保存しています…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/printing/dialog.py" line="341"/>
        <source>保存しました (パスワード付き)。</source>
        <translation>Saved (password-protected).</translation>
    </message>
</context>
<context>
    <name>ReviewsTab</name>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/cases/records.py" line="155"/>
        <source>見直しを記録(&amp;R)…</source>
        <translation>&amp;Record review…</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/cases/records.py" line="177"/>
        <source>見直しを記録</source>
        <translation>Record review</translation>
    </message>
</context>
<context>
    <name>SettingsView</name>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/settings/page.py" line="296"/>
        <source>センター</source>
        <translation>Center</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/settings/page.py" line="297"/>
        <source>スタッフと役割</source>
        <translation>Staff and roles</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/settings/page.py" line="298"/>
        <source>監査ログ</source>
        <translation>Audit log</translation>
    </message>
</context>
<context>
    <name>StaffPage</name>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/settings/page.py" line="51"/>
        <source>スタッフ</source>
        <translation>Staff</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/settings/page.py" line="52"/>
        <source>スタッフを追加…</source>
        <translation>Add staff…</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/settings/page.py" line="53"/>
        <source>仮パスフレーズを設定…</source>
        <translation>Set temporary passphrase…</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/settings/page.py" line="54"/>
        <source>削除…</source>
        <translation>Delete…</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/settings/page.py" line="73"/>
        <source>スタッフを追加</source>
        <translation>Add staff</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/settings/page.py" line="83"/>
        <source>仮パスフレーズ</source>
        <translation>Temporary passphrase</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/settings/page.py" line="90"/>
        <location filename="../../src/teiretsu_desktop/gui/settings/page.py" line="115"/>
        <source>鍵の更新</source>
        <translation>Key rotation</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/settings/page.py" line="92"/>
        <source>{0} を削除しました。削除した人が持ち出した鍵ファイルやバックアップで開けないよう、管理用コマンドで鍵を更新してください (teiretsu-admin rotate-key)。</source>
        <translation>{0} was removed. Rotate the key with the admin command (teiretsu-admin rotate-key) so that a key file or backup they took no longer opens the store.</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/settings/page.py" line="103"/>
        <source>削除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/settings/page.py" line="105"/>
        <source>{0} を削除し、鍵を消去しますか？データベースの鍵も更新するので、削除した人が持ち出した鍵ファイルやバックアップでは開けなくなります。このあと、もう一度解除していただきます。</source>
        <translation>Remove {0} and delete their keys? The database key is rotated too, so a key file or backup they took no longer opens the store. You will unlock again afterwards.</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/settings/page.py" line="115"/>
        <source>あなたのパスフレーズ</source>
        <translation>Your passphrase</translation>
    </message>
</context>
<context>
    <name>StatsView</name>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/stats/view.py" line="66"/>
        <location filename="../../src/teiretsu_desktop/gui/stats/view.py" line="68"/>
        <source>年度</source>
        <translation>Fiscal year</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/stats/view.py" line="58"/>
        <source>集計表</source>
        <translation>Statistics table</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/stats/view.py" line="59"/>
        <source>集計表の一覧</source>
        <translation>Statistics tables</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/stats/view.py" line="62"/>
        <source>集計を書き出す…</source>
        <translation>Export statistics…</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/stats/view.py" line="64"/>
        <source>&lt;h2&gt;統計・報告&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;Statistics &amp;amp; Reports&lt;/h2&gt;</translation>
    </message>
</context>
<context>
    <name>SyncView</name>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/sync/page.py" line="400"/>
        <source>同期</source>
        <translation>Sync</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/sync/page.py" line="401"/>
        <source>競合</source>
        <translation>Conflicts</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/sync/page.py" line="402"/>
        <source>端末</source>
        <translation>Devices</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/sync/page.py" line="403"/>
        <source>訪問キット</source>
        <translation>Visit kits</translation>
    </message>
</context>
<context>
    <name>TimelineTab</name>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/cases/timeline.py" line="69"/>
        <source>支援経過</source>
        <translation>Case notes</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/cases/timeline.py" line="72"/>
        <source>記録の全文</source>
        <translation>Full record</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/cases/timeline.py" line="73"/>
        <source>訪問メモ (入力中も自動で暗号化保存されます)</source>
        <translation>Visit memo (automatically saved encrypted as you type)</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/cases/timeline.py" line="74"/>
        <source>種別</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/cases/timeline.py" line="76"/>
        <source>場所 (例: 府中刑務所)</source>
        <translation>Place (e.g. Fuchu Prison)</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/cases/timeline.py" line="77"/>
        <source>場所</source>
        <translation>Place</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/cases/timeline.py" line="81"/>
        <location filename="../../src/teiretsu_desktop/gui/cases/timeline.py" line="101"/>
        <source>実施日時</source>
        <translation>Date and time of contact</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/cases/timeline.py" line="82"/>
        <source>面接・電話などをした日時 (記録した日時とは別に残ります)</source>
        <translation>When the interview or call took place (kept separately from when it was recorded)</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/cases/timeline.py" line="85"/>
        <source>訪問メモ</source>
        <translation>Visit memo</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/cases/timeline.py" line="89"/>
        <source>記録として保存</source>
        <translation>Save as record</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/cases/timeline.py" line="90"/>
        <source>破棄</source>
        <translation>Discard</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/cases/timeline.py" line="91"/>
        <source>選んだ記録を修正…</source>
        <translation>Correct selected entry…</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/cases/timeline.py" line="93"/>
        <source>記録の日付を予定に…</source>
        <translation>Make a date in the note a reminder…</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/cases/timeline.py" line="96"/>
        <source>選んだ記録に書かれた日付 (例: 次回は12月10日) を、ダッシュボードの予定にします</source>
        <translation>Turns a date written in the selected note (e.g. 次回は12月10日) into a reminder on the dashboard</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/cases/timeline.py" line="178"/>
        <source>前回の下書きを復元しました ({0})</source>
        <translation>Restored previous draft ({0})</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/cases/timeline.py" line="193"/>
        <source>入力中…</source>
        <translation>Typing…</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/cases/timeline.py" line="210"/>
        <source>下書きを保存しました</source>
        <translation>Draft saved</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/cases/timeline.py" line="243"/>
        <source>記録を保存しました。続けて入力した内容は下書きに残っています</source>
        <translation>The entry was saved. What you typed since then is kept as a draft.</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/cases/timeline.py" line="251"/>
        <source>入力中のメモを破棄しますか？元に戻せません。</source>
        <translation>Discard the note being typed? This cannot be undone.</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/cases/timeline.py" line="252"/>
        <source>メモの破棄</source>
        <translation>Discard note</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/cases/timeline.py" line="252"/>
        <source>破棄する</source>
        <translation>Discard</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/cases/timeline.py" line="290"/>
        <source>(閲覧権限がありません)</source>
        <translation>(You do not have permission to view this)</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/cases/timeline.py" line="292"/>
        <source>実施日時: {0}&#x3000;記録日時: {1}</source>
        <translation>Took place: {0}   Recorded: {1}</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/cases/timeline.py" line="302"/>
        <source>── 修正前の版 {0} (実施日時 {1}、{2} に {3} が修正) ──</source>
        <translation>── Earlier version {0} (took place {1}; corrected {2} by {3}) ──</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/cases/timeline.py" line="331"/>
        <location filename="../../src/teiretsu_desktop/gui/cases/timeline.py" line="339"/>
        <source>記録の日付を予定に</source>
        <translation>Reminder from a note</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/cases/timeline.py" line="331"/>
        <source>予定日</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/cases/timeline.py" line="340"/>
        <source>{0} の予定</source>
        <translation>What is planned on {0}</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/cases/timeline.py" line="351"/>
        <source>予定にしました: {0} {1}</source>
        <translation>Reminder set: {0} {1}</translation>
    </message>
</context>
<context>
    <name>UnlockDialog</name>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/unlock/dialog.py" line="38"/>
        <source>Teiretsu — ロック解除</source>
        <translation>Teiretsu — Unlock</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/unlock/dialog.py" line="42"/>
        <location filename="../../src/teiretsu_desktop/gui/unlock/dialog.py" line="45"/>
        <source>スタッフ名</source>
        <translation>Staff name</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/unlock/dialog.py" line="48"/>
        <source>パスフレーズ</source>
        <translation>Passphrase</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/unlock/dialog.py" line="49"/>
        <source>解除</source>
        <translation>Unlock</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/unlock/dialog.py" line="51"/>
        <source>この端末のキーリングで解除</source>
        <translation>Unlock with this device&apos;s keyring</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/unlock/dialog.py" line="60"/>
        <source>&lt;h2&gt;地域生活定着支援センター&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;Community Life Settlement Support Center&lt;/h2&gt;</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/unlock/dialog.py" line="62"/>
        <source>スタッフ名(&amp;S)</source>
        <translation>&amp;Staff name</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/unlock/dialog.py" line="63"/>
        <source>パスフレーズ(&amp;P)</source>
        <translation>&amp;Passphrase</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/unlock/dialog.py" line="129"/>
        <source>確認しています…</source>
        <translation>Verifying…</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/unlock/dialog.py" line="134"/>
        <source>スタッフ名とパスフレーズを入力してください</source>
        <translation>Enter your staff name and passphrase</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/unlock/dialog.py" line="171"/>
        <source>もう一度入力してください</source>
        <translation>Please try again</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/teiretsu_desktop/gui/unlock/dialog.py" line="173"/>
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
        <location filename="../../src/teiretsu_desktop/gui/stats/workspace_window.py" line="41"/>
        <source>集計ワークスペース (都道府県)</source>
        <translation>Statistics workspace (prefecture)</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/stats/workspace_window.py" line="44"/>
        <source>(フォルダ未選択)</source>
        <translation>(No folder selected)</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/stats/workspace_window.py" line="45"/>
        <source>フォルダを選ぶ…</source>
        <translation>Choose folder…</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/stats/workspace_window.py" line="46"/>
        <source>センターの鍵を登録…</source>
        <translation>Register center key…</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/stats/workspace_window.py" line="47"/>
        <source>集計ファイルを取り込む…</source>
        <translation>Import statistics bundles…</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/stats/workspace_window.py" line="75"/>
        <source>ワークスペースのフォルダ</source>
        <translation>Workspace folder</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/stats/workspace_window.py" line="82"/>
        <source>センターコード</source>
        <translation>Center code</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/stats/workspace_window.py" line="83"/>
        <source>公開鍵ファイル</source>
        <translation>Public key file</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/stats/workspace_window.py" line="92"/>
        <source>鍵の差し替え</source>
        <translation>Replace key</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/stats/workspace_window.py" line="94"/>
        <source>センター {0} の鍵を差し替えます。センターに確かめた新しい鍵の指紋を入力してください</source>
        <translation>Replacing the key of center {0}. Enter the new key&apos;s fingerprint, confirmed with the center.</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/stats/workspace_window.py" line="105"/>
        <source>鍵を登録しました: {0} {1}</source>
        <translation>Key registered: {0} {1}</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/stats/workspace_window.py" line="113"/>
        <source>	注意: {0}</source>
        <translation>	Note: {0}</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/stats/workspace_window.py" line="120"/>
        <source>取り込み</source>
        <translation>Import</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/stats/workspace_window.py" line="121"/>
        <source>{0} 件を取り込みます。よろしいですか？</source>
        <translation>{0} file(s) will be imported. Continue?</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/stats/workspace_window.py" line="127"/>
        <source>取り込みました: {0} 件</source>
        <translation>Imported: {0} file(s)</translation>
    </message>
    <message>
        <location filename="../../src/teiretsu_desktop/gui/stats/workspace_window.py" line="136"/>
        <source>集計ファイル</source>
        <translation>Statistics bundle</translation>
    </message>
</context>
</TS>
