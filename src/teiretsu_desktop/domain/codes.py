"""Code lists with Japanese labels (DOMAIN §2–§4, §7.2).

Each list is an enum whose value is a stable ASCII code (stored in the database and in bundles) and
whose `label` is the Japanese word staff read and type (on screens, in forms and in the Excel ledger).
Lists the ministry has not published are marked [I] in DOMAIN.md; they are kept here in one place so
that a prefecture's variant is one edit.
"""

from __future__ import annotations

from enum import StrEnum
from typing import TYPE_CHECKING, Self


class CodeList(StrEnum):
    """An enum member is (code, label). `str(member)` is the code."""

    label: str

    if not TYPE_CHECKING:  # to type checkers a member is looked up by its code, as with any enum

        def __new__(cls, code: str, label: str) -> Self:
            member = str.__new__(cls, code)
            member._value_ = code
            member.label = label
            return member

    def __str__(self) -> str:
        return str(self.value)

    @classmethod
    def parse(cls, text: str) -> Self:
        """Accept the code or the Japanese label (as typed in the ledger)."""
        cleaned = text.strip()
        for member in cls:
            if cleaned in (member.value, member.label):
                return member
        raise ValueError(cleaned)

    @classmethod
    def labels(cls) -> list[str]:
        return [m.label for m in cls]


class BusinessLine(CodeList):
    SPECIAL = ("special", "特別調整")
    GENERAL = ("general", "一般調整")
    FOLLOW_UP = ("follow_up", "フォローアップ")
    SUSPECT = ("suspect", "被疑者等支援")
    CONSULTATION = ("consultation", "相談支援")

    @property
    def is_coordination(self) -> bool:
        return self in (BusinessLine.SPECIAL, BusinessLine.GENERAL)


class CenterRole(CodeList):
    LOCATION = ("location", "所在地センター")
    RETURN_AREA = ("return_area", "帰住地センター")
    SOLE = ("sole", "単独")


class Requester(CodeList):
    PROBATION = ("probation", "保護観察所")
    OTHER_CENTER = ("other_center", "他センター")
    PROSECUTOR = ("prosecutor", "検察庁")
    LAWYER = ("lawyer", "弁護士")
    CORRECTIONAL = ("correctional", "矯正施設")
    SELF = ("self", "本人")
    FAMILY = ("family", "家族")
    WELFARE = ("welfare", "福祉関係者")
    GOVERNMENT = ("government", "行政")
    OTHER = ("other", "その他")


class TargetCategory(CodeList):
    """実施要領 4 対象者."""

    CORRECTIONAL_RELEASE = ("4-1", "(1) 矯正施設退所予定者・退所者")
    SUSPECT_DEFENDANT = ("4-2", "(2) 被疑者・被告人・起訴猶予等")
    CENTER_DEEMS = ("4-3", "(3) センターが必要と認める者")


class SentenceKind(CodeList):
    KOUKIN = ("koukin", "拘禁刑")
    CHOEKI = ("choeki", "懲役")
    KINKO = ("kinko", "禁錮")
    KOURYU = ("kouryu", "拘留")
    BAKKIN = ("bakkin", "罰金")
    KARYO = ("karyo", "科料")
    SUSPENDED_FULL = ("suspended_full", "全部執行猶予")
    SUSPENDED_PART = ("suspended_part", "一部執行猶予")
    PROTECTIVE = ("protective", "保護処分 (少年院送致)")  # a 少年院 case: not a sentence (通知 R3.6.10)
    UNDECIDED = ("undecided", "未決")
    OTHER = ("other", "その他")


class Sex(CodeList):
    MALE = ("m", "男")
    FEMALE = ("f", "女")
    OTHER = ("x", "その他・不明")


class RegistrationStatus(CodeList):
    REGISTERED = ("registered", "有")
    STRUCK_OFF = ("struck_off", "職権消除")
    NONE = ("none", "未設定")
    UNKNOWN = ("unknown", "不明")


class DisabilityKind(CodeList):
    PHYSICAL = ("physical", "身体")
    INTELLECTUAL = ("intellectual", "知的")
    MENTAL = ("mental", "精神")
    DEVELOPMENTAL = ("developmental", "発達")
    SUSPECTED = ("suspected", "疑い")
    DEMENTIA = (
        "dementia",
        "認知症 (軽度・疑い含む)",
    )  # counted as その他 in 参考1 (the seed names 軽度の認知症)


class CertificateKind(CodeList):
    PHYSICAL = ("physical", "身体障害者手帳")
    RYOIKU = ("ryoiku", "療育手帳")
    MENTAL = ("mental", "精神障害者保健福祉手帳")


class CareLevel(CodeList):
    NOT_ELIGIBLE = ("none", "非該当")
    SUPPORT_1 = ("s1", "要支援1")
    SUPPORT_2 = ("s2", "要支援2")
    CARE_1 = ("c1", "要介護1")
    CARE_2 = ("c2", "要介護2")
    CARE_3 = ("c3", "要介護3")
    CARE_4 = ("c4", "要介護4")
    CARE_5 = ("c5", "要介護5")


class SupportCategory(CodeList):
    """障害支援区分."""

    NOT_ELIGIBLE = ("none", "非該当")
    K1 = ("1", "区分1")
    K2 = ("2", "区分2")
    K3 = ("3", "区分3")
    K4 = ("4", "区分4")
    K5 = ("5", "区分5")
    K6 = ("6", "区分6")


class Readmission(CodeList):
    """再入所. 不明 is never counted as 無."""

    YES = ("yes", "有")
    NO = ("no", "無")
    UNKNOWN = ("unknown", "不明")


class DestinationKind(CodeList):
    """退所時の居住先 (DOMAIN §4.3)."""

    KYUGO = ("01", "救護施設")
    YOGO = ("02", "養護老人ホーム")
    TOKUYO = ("03", "特別養護老人ホーム")
    ROKEN = ("04", "介護老人保健施設・介護医療院")
    YURYO = ("05", "有料老人ホーム・サ高住・軽費老人ホーム")
    DEMENTIA_GH = ("06", "認知症対応型共同生活介護")
    DISABILITY_FACILITY = ("07", "障害者支援施設")
    DISABILITY_GH = ("08", "共同生活援助(障害者グループホーム)")
    DISABILITY_OTHER = ("09", "宿泊型自立訓練等")
    KOSEI_HOGO = ("10", "更生保護施設")
    JIRITSU_JUNBI = ("11", "自立準備ホーム")
    HOSPITAL = ("12", "医療機関(入院)")
    LOW_COST_LODGING = ("13", "無料低額宿泊所・日常生活支援住居施設")
    PUBLIC_HOUSING = ("14", "公営住宅")
    PRIVATE_RENTAL = ("15", "民間賃貸住宅(アパート等)")
    HOME = ("16", "自宅(親族宅含む)")
    OTHER = ("17", "その他")
    UNDECIDED = ("18", "未定・不明")


class ActivityKind(CodeList):
    INTERVIEW = ("interview", "面接")
    PHONE = ("phone", "電話")
    VISIT = ("visit", "訪問")
    ACCOMPANY = ("accompany", "同行")
    CASE_MEETING = ("case_meeting", "ケース会議")
    JOINT_MEETING = ("joint_meeting", "合同支援会議")
    DOCUMENT = ("document", "文書")
    MAIL = ("mail", "メール")
    OFFICE_VISIT = ("office_visit", "来所")
    OTHER = ("other", "その他")


class CandidateStatus(CodeList):
    ASKING = ("asking", "打診中")
    TOUR = ("tour", "見学")
    ACCEPTABLE = ("acceptable", "受入可")
    REFUSED = ("refused", "不可")
    DECIDED = ("decided", "決定")


class ApplicationKind(CodeList):
    PUBLIC_ASSISTANCE = ("seikatsu_hogo", "生活保護")
    CERTIFICATE = ("techo", "障害者手帳")
    CARE_CERTIFICATION = ("kaigo_nintei", "介護認定")
    DISABILITY_SERVICE = ("shogai_service", "障害福祉サービス")
    SUPPORT_CATEGORY = ("shien_kubun", "障害支援区分認定")
    PENSION = ("nenkin", "年金")
    RESIDENCE_REGISTRATION = ("juminhyo", "住民票")
    HEALTH_INSURANCE = ("kokuho", "国民健康保険")
    LATE_ELDERLY_MEDICAL = ("kouki_iryo", "後期高齢者医療")
    INDEPENDENCE_MEDICAL = ("jiritsu_iryo", "自立支援医療")
    GUARDIANSHIP = ("kouken", "成年後見の申立")
    DAILY_LIFE_SUPPORT = ("nichijo_jiritsu", "日常生活自立支援事業")
    OTHER = ("other", "その他")


class ApplicationStatus(CodeList):
    TODO = ("todo", "未着手")
    PREPARING = ("preparing", "準備中")
    APPLIED = ("applied", "申請済")
    GRANTED = ("granted", "決定")
    REJECTED = ("rejected", "却下")
    NOT_NEEDED = ("not_needed", "不要")


class ConsentMethod(CodeList):
    WRITTEN = ("written", "書面")
    ORAL = ("oral", "口頭")
    EASY_JAPANESE = ("easy", "書面(やさしい日本語)")


class ConsentGiver(CodeList):
    """Who gave a consent. For 要配慮個人情報 only the person or a legal representative can; FAMILY is kept
    so that consents recorded before that rule still read, and never covers a provision."""

    SELF = ("self", "本人")
    GUARDIAN = ("guardian", "法定代理人（成年後見人等）")
    FAMILY = ("family", "家族（同意者になれません）")


class ConsentStatus(CodeList):
    DRAFT = ("draft", "署名前（準備中）")
    GIVEN = ("given", "同意済み")


class RecipientKind(CodeList):
    """Who receives a provision of personal data (第三者提供), and the need-to-know profile of a form."""

    WELFARE_OFFICE = ("welfare-office", "福祉事務所")
    MUNICIPALITY = ("municipality", "市町村（援護の実施者）")
    FACILITY = ("facility", "受入施設・事業所")
    CONSULTATION_OFFICE = ("consultation-office", "相談支援事業所")
    COMMUNITY_CARE = ("community-care", "地域包括支援センター")
    MEDICAL = ("medical", "医療機関")
    PROBATION = ("probation", "保護観察所")
    CORRECTIONAL = ("correctional", "矯正施設")
    PROSECUTOR = ("prosecutor", "検察庁")
    LAWYER = ("lawyer", "弁護人")
    CHILD_GUIDANCE = ("child-guidance", "児童相談所")
    FAMILY = ("family", "家族")
    CENTER = ("center", "他センター")
    PERSON = ("person", "本人")


class ProvisionChannel(CodeList):
    """How personal data was provided: each is a 提供記録 (APPI 法29条), whatever the channel."""

    PRINT = ("print", "印刷")
    PDF = ("pdf", "PDFファイル")
    PHONE = ("phone", "電話")
    FAX = ("fax", "FAX")
    MAIL = ("mail", "郵送")
    EMAIL = ("email", "メール")
    MEETING = ("meeting", "面談・会議")
    EXPORT = ("export", "ファイル出力")


# Channels a caseworker records by hand; printing and saving a PDF record themselves.
SPOKEN_OR_SENT = (
    ProvisionChannel.PHONE,
    ProvisionChannel.FAX,
    ProvisionChannel.MAIL,
    ProvisionChannel.EMAIL,
    ProvisionChannel.MEETING,
)


class ConsultationChannel(CodeList):
    PHONE = ("phone", "電話")
    OFFICE_VISIT = ("office_visit", "来所")
    HOME_VISIT = ("home_visit", "訪問")
    LETTER = ("letter", "文書")
    MAIL = ("mail", "メール")


class ConsultationTopic(CodeList):
    WELFARE_SERVICE = ("welfare_service", "福祉サービス利用")
    HOUSING = ("housing", "住まい")
    INCOME = ("income", "収入・生活費")
    HEALTH = ("health", "病気・健康・障害")
    FAMILY = ("family", "家族との関係")
    PROCEDURE = ("procedure", "手続")
    OTHER = ("other", "その他")


class AgencyKind(CodeList):
    PROBATION = ("probation", "保護観察所")
    CORRECTIONAL = ("correctional", "矯正施設")
    PROSECUTOR = ("prosecutor", "検察庁")
    POLICE = ("police", "警察(留置施設)")
    BAR = ("bar", "弁護士・弁護士会")
    WELFARE_OFFICE = ("welfare_office", "福祉事務所")
    MUNICIPALITY = ("municipality", "市町村")
    ELDERLY_FACILITY = ("elderly_facility", "高齢者施設")
    DISABILITY_PROVIDER = ("disability_provider", "障害福祉事業所")
    COUNSELING = ("counseling", "相談支援事業所")
    HOSPITAL = ("hospital", "医療機関")
    REHAB_FACILITY = ("rehab_facility", "更生保護施設・自立準備ホーム")
    OTHER_CENTER = ("other_center", "他の定着支援センター")
    CHILD_GUIDANCE = ("child_guidance", "児童相談所")  # a 少年院 case's requester or partner (通知 R3.6.10)
    OTHER = ("other", "その他")


class CouncilKind(CodeList):
    """Seed 設問IV-9."""

    JIRITSU_SHIEN = ("jiritsu_shien", "自立支援協議会(障害)")
    CHIIKI_CARE = ("chiiki_care", "地域ケア会議(高齢)")
    KYOJU_SHIEN = ("kyoju_shien", "居住支援協議会")
    YOHOGO_JIDO = ("yohogo_jido", "要保護児童対策地域協議会")
    JUSO = ("juso", "重層的支援会議(支援会議)")
    SAIHAN_BOSHI = ("saihan_boshi", "再犯防止推進協議会")
    PROBATION_LIAISON = ("probation_liaison", "関係機関連絡協議会 (保護観察所主催)")  # Q9-14: its own kind
    OTHER = ("other", "その他")


class NetworkActivityKind(CodeList):
    """Seed Q9-6 and 第4 4: the network line of work."""

    COUNCIL = ("council", "協議会等への参加")
    KENTOKAI = ("kentokai", "地域福祉支援検討会")
    JUNKAI = ("junkai", "福祉事業者巡回開拓")
    KENSHU = ("kenshu", "地域福祉研修")
    TRAINING_OTHER = ("training_other", "その他の研修")
    OUTREACH = ("outreach", "普及啓発")
    OTHER = ("other", "その他")


class NetworkScope(CodeList):
    """Q9-6: 地域で行う取組 count; 都道府県域全域を対象に行うもの do not."""

    LOCAL = ("local", "地域")
    PREFECTURE_WIDE = ("prefecture_wide", "都道府県域全域")


class NetworkExclusion(CodeList):
    """What A9-6 leaves out of 地域福祉支援検討会・福祉事業者巡回開拓 (recorded, not counted)."""

    CASE_MEETING = ("case_meeting", "通常の支援ケース会議")
    LINKED_BODIES = ("linked_bodies", "既に連携している機関 (保護観察所・矯正施設等) との会議")
    FOLLOW_UP_VISIT = ("follow_up_visit", "通常のフォローアップの訪問")
    CONTACT_ONLY = ("contact_only", "単純な連絡")


class ClosureReason(CodeList):
    SETTLED = ("settled", "地域生活に定着")
    TO_CONSULTATION = ("to_consultation", "相談支援へ移行")
    NO_LONGER_NEEDED = ("not_needed", "支援の必要なし")
    REIMPRISONED = ("reimprisoned", "再入所")
    PROSECUTED = ("prosecuted", "起訴・実刑等により身柄拘束継続")
    LOST_CONTACT = ("lost_contact", "連絡途絶")
    OTHER = ("other", "その他")
    # 被疑者等支援: the outcome of the criminal procedure the case ended with (DOMAIN §10.10).
    SUSPENDED_PROSECUTION = ("e_suspended", "起訴猶予")
    NOT_PROSECUTED = ("e_not_prosecuted", "不起訴 (嫌疑不十分等)")
    RELEASED_PENDING = ("e_pending", "処分保留で釈放")
    FINE = ("e_fine", "略式命令・罰金")
    SUSPENDED_SENTENCE = ("e_susp_sentence", "執行猶予")
    IMPRISONMENT = ("e_imprisonment", "実刑")
    PROTECTIVE_MEASURE = ("e_protective", "保護処分 (少年院送致等)")


class ReviewDecision(CodeList):
    """Follow-up review (seed Q6-2) and 6-month suspect review (seed Q7-19)."""

    CONTINUE = ("continue", "継続")
    CLOSE = ("close", "終結")
    TO_CONSULTATION = ("to_consultation", "相談支援へ移行")
