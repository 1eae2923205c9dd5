"""A case window's tabs, each built — and reading its records — when first shown (issue 19, ADR 0021).

基本情報 is built at once; every other tab holds a placeholder until it is chosen, or until code needs
what is on it (a draft to put back, a test): `timeline`, `assessment`, … build their tab on access. Code
that only follows what is on screen — a change made elsewhere, a lock, a save — uses the `built_…`
views and `follow`: a tab built later reads the current state then, so it is never stale.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Protocol, TypeVar

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QHBoxLayout, QTabWidget, QVBoxLayout, QWidget

from teiretsu_desktop.domain.codes import BusinessLine
from teiretsu_desktop.gui.cases.assessment_tab import AssessmentTab
from teiretsu_desktop.gui.cases.candidates import CandidatesTab
from teiretsu_desktop.gui.cases.consent_register import ConsentRegister, ConsentTab, DisclosuresTab
from teiretsu_desktop.gui.cases.eligibility_tab import EligibilityTab
from teiretsu_desktop.gui.cases.events_tab import EventsTab
from teiretsu_desktop.gui.cases.meetings_tab import MeetingsTab
from teiretsu_desktop.gui.cases.plan_tab import PlanTab
from teiretsu_desktop.gui.cases.record_forms import RecordForms
from teiretsu_desktop.gui.cases.records import ApplicationsTab, ReviewsTab
from teiretsu_desktop.gui.cases.timeline import TimelineTab
from teiretsu_desktop.gui.context import AppContext
from teiretsu_desktop.gui.printing.dialog import PrintDialog
from teiretsu_desktop.gui.widgets.lazy_tabs import LazyTabs
from teiretsu_desktop.gui.widgets.scroll import scrolling
from teiretsu_desktop.services.changes import ChangeKind, Changes
from teiretsu_desktop.services.eligibility import RequirementView

# The tab each part of the record's forms is on (the others are named as their tabs).
PAGE_OF_PART = {"person": "basic", "case": "basic", "certificates": "disability"}
WITH_CANDIDATES = (BusinessLine.SPECIAL, BusinessLine.GENERAL, BusinessLine.SUSPECT)
# The tabs in their order, labelled in the case window's translation context.
LABELS = {
    "basic": QT_TRANSLATE_NOOP("CaseWindow", "基本情報"),
    "disability": QT_TRANSLATE_NOOP("CaseWindow", "障害・手帳"),
    "consents": QT_TRANSLATE_NOOP("CaseWindow", "同意・提供記録"),
    "timeline": QT_TRANSLATE_NOOP("CaseWindow", "支援経過"),
    "events": QT_TRANSLATE_NOOP("CaseWindow", "すべての経過"),
    "assessment": QT_TRANSLATE_NOOP("CaseWindow", "アセスメント"),
    "plan": QT_TRANSLATE_NOOP("CaseWindow", "支援計画"),
    "meetings": QT_TRANSLATE_NOOP("CaseWindow", "会議"),
    "requirements": QT_TRANSLATE_NOOP("CaseWindow", "特別調整の要件"),
    "candidates": QT_TRANSLATE_NOOP("CaseWindow", "受入先調整"),
    "applications": QT_TRANSLATE_NOOP("CaseWindow", "申請支援"),
    "follow_up": QT_TRANSLATE_NOOP("CaseWindow", "フォローアップ"),
    "outcome": QT_TRANSLATE_NOOP("CaseWindow", "終結"),
}
_T = TypeVar("_T")


class Loadable(Protocol):
    """A tab over records of the case: read again after a change, emptied at a lock."""

    def load(self) -> None: ...

    def clear(self) -> None: ...


_L = TypeVar("_L", bound=Loadable)


def _reading(tab: _L) -> _L:
    """A tab just built, reading its records."""
    tab.load()
    return tab


class CaseTabs:
    def __init__(
        self,
        window: QWidget,
        context: AppContext,
        case_id: str,
        forms: RecordForms,
        *,
        open_print: Callable[..., PrintDialog | None],
        print_meeting: Callable[[str], PrintDialog | None],
        edited: Callable[[], None],
        assessment_saved: Callable[[], None],
    ) -> None:
        self._window, self._context, self._case_id, self._forms = window, context, case_id, forms
        self._open_print, self._print_meeting = open_print, print_meeting
        self._edited, self._assessment_saved = edited, assessment_saved
        self._person_id = ""  # known once the record has been read
        self._requirements_read: Sequence[RequirementView] = ()
        self._timeline: TimelineTab | None = None
        self._events: EventsTab | None = None
        self._requirements: EligibilityTab | None = None
        self._assessment: AssessmentTab | None = None
        self._plan: PlanTab | None = None
        self._meetings: MeetingsTab | None = None
        self._candidates: CandidatesTab | None = None
        self._applications: ApplicationsTab | None = None
        self._reviews: ReviewsTab | None = None
        self.consents: ConsentTab | None = None
        self.disclosures: DisclosuresTab | None = None
        # What a change of each kind elsewhere reloads (when it concerns this case and is built).
        self._reloads: dict[ChangeKind, Callable[[], Loadable | None]] = {
            ChangeKind.CANDIDATE: lambda: self._candidates, ChangeKind.APPLICATION: lambda: self._applications,
            ChangeKind.REVIEW: lambda: self._reviews, ChangeKind.ASSESSMENT: lambda: self._assessment,
            ChangeKind.PLAN: lambda: self._plan, ChangeKind.MEETING: lambda: self._meetings,
            ChangeKind.ACTIVITY: lambda: self._timeline,
        }  # fmt: skip
        self.tabs = QTabWidget(window)
        self.lazy = LazyTabs(self.tabs)
        builders: dict[str, Callable[[], QWidget | None]] = {
            "disability": self._build_disability, "consents": self._build_consents,
            "timeline": self._build_timeline, "events": self._build_events,
            "assessment": self._build_assessment, "plan": self._build_plan, "meetings": self._build_meetings,
            "requirements": self._build_requirements, "candidates": self._build_candidates,
            "applications": self._build_applications, "follow_up": self._build_follow_up,
            "outcome": self._build_outcome,
        }  # fmt: skip
        for name, label in LABELS.items():
            shown = QCoreApplication.translate("CaseWindow", str(label))
            if name == "basic":
                self.lazy.add_built(name, shown, self._build_basic())
            else:
                self.lazy.add(name, shown, builders[name])

    def build_part(self, part: str) -> None:
        """Build the tab that shows a part of the record's forms (RecordForms asks when it needs one)."""
        self.lazy.ensure(PAGE_OF_PART.get(part, part))

    # -- building ---------------------------------------------------------------------------------

    def _build_basic(self) -> QWidget:
        page = QWidget(self._window)
        layout = QHBoxLayout(page)
        layout.addWidget(self._forms.make("person", page), 1)
        layout.addWidget(self._forms.make("case", page), 1)
        return scrolling(page, self._window)

    def _build_disability(self) -> QWidget:
        page = QWidget(self._window)
        layout = QVBoxLayout(page)
        layout.addWidget(self._forms.make("disability", page))
        layout.addWidget(self._forms.make_certificates(page))
        return scrolling(page, self._window)

    def _build_consents(self) -> QWidget | None:
        if not self._person_id:
            return None  # the register is the person's: built once the record has told whose it is
        register = ConsentRegister(
            self._context, self._case_id, self._person_id, self._open_print, self._window
        )
        self.consents, self.disclosures = register.consents, register.disclosures
        self.consents.load()
        self.disclosures.load()
        return register

    def _build_timeline(self) -> QWidget:
        self._timeline = _reading(TimelineTab(self._context, self._case_id, self._window))
        return self._timeline

    def _build_events(self) -> QWidget:
        self._events = EventsTab(self._context, self._case_id, self._window)  # reads when shown
        return self._events

    def _build_assessment(self) -> QWidget:
        tab = self._assessment = AssessmentTab(self._context, self._case_id, self._window)
        tab.form.edited.connect(self._edited)
        tab.saved.connect(self._assessment_saved)
        return _reading(tab)

    def _build_plan(self) -> QWidget:
        self._plan = _reading(PlanTab(self._context, self._case_id, self._window))
        return self._plan

    def _build_meetings(self) -> QWidget:
        tab = MeetingsTab(self._context, self._case_id, self._print_meeting, self._window)
        self._meetings = _reading(tab)
        return tab

    def _build_requirements(self) -> QWidget:
        tab = self._requirements = EligibilityTab(self._context, self._case_id, self._window)
        tab.model.set_rows(self._requirements_read)  # read with the record (the header counts them)
        return tab

    def _build_candidates(self) -> QWidget:
        self._candidates = _reading(CandidatesTab(self._context, self._case_id, self._window))
        return self._candidates

    def _build_applications(self) -> QWidget:
        self._applications = _reading(ApplicationsTab(self._context, self._case_id, self._window))
        return self._applications

    def _build_follow_up(self) -> QWidget:
        page = QWidget(self._window)
        layout = QVBoxLayout(page)
        layout.addWidget(self._forms.make("follow_up", page))
        self._reviews = _reading(ReviewsTab(self._context, self._case_id, page))
        layout.addWidget(self._reviews)
        return page

    def _build_outcome(self) -> QWidget:
        return scrolling(self._forms.make("outcome", self._window), self._window)

    # -- what the window tells them ---------------------------------------------------------------

    def record_read(
        self, person_id: str, line: BusinessLine, requirements: Sequence[RequirementView]
    ) -> None:
        """The record was read: the tabs of its business line shown, the requirements counted."""
        self.tabs.setTabVisible(self.lazy.index("candidates"), line in WITH_CANDIDATES)
        self.tabs.setTabVisible(self.lazy.index("requirements"), line is BusinessLine.SPECIAL)
        self._requirements_read = requirements
        if self._requirements is not None:
            self._requirements.model.set_rows(requirements)
        if not self._person_id:
            self._person_id = person_id
            self.lazy.retry_current()  # a tab chosen before the record was read (同意・提供記録)

    def follow(self, changes: Changes, kinds: frozenset[ChangeKind]) -> None:
        """A change made elsewhere to this case (`kinds`) or to consents: the built tabs it concerns read
        again; a tab not built yet reads when it is."""
        for kind in kinds & self._reloads.keys():
            tab = self._reloads[kind]()
            if tab is not None:
                tab.load()
        if changes.touches(ChangeKind.CONSENT) and self.consents is not None:
            self.consents.load()
        if changes.touches(ChangeKind.DISCLOSURE) and self.disclosures is not None:
            self.disclosures.load()
        if self._events is not None and (kinds or changes.touches(ChangeKind.CONSENT, ChangeKind.DISCLOSURE)):
            self._events.mark_stale()  # read again when shown

    def clear(self) -> None:
        """At a lock: every built tab emptied."""
        tabs = (
            self._timeline, self._events, self._requirements, self._assessment, self._plan, self._meetings,
            self._candidates, self._applications, self._reviews, self.consents, self.disclosures,
        )  # fmt: skip
        for tab in tabs:
            if tab is not None:
                tab.clear()

    # -- the tabs ---------------------------------------------------------------------------------

    @property
    def built_timeline(self) -> TimelineTab | None:
        return self._timeline

    @property
    def built_assessment(self) -> AssessmentTab | None:
        return self._assessment

    def _tab(self, name: str, tab: Callable[[], _T | None]) -> _T:
        """A tab's widget, its page built first if it was not."""
        self.lazy.ensure(name)
        built = tab()
        assert built is not None, f"{name} cannot be built before the record is read"
        return built

    @property
    def timeline(self) -> TimelineTab:
        return self._tab("timeline", lambda: self._timeline)

    @property
    def events(self) -> EventsTab:
        return self._tab("events", lambda: self._events)

    @property
    def requirements(self) -> EligibilityTab:
        return self._tab("requirements", lambda: self._requirements)

    @property
    def assessment(self) -> AssessmentTab:
        return self._tab("assessment", lambda: self._assessment)

    @property
    def plan(self) -> PlanTab:
        return self._tab("plan", lambda: self._plan)

    @property
    def meetings(self) -> MeetingsTab:
        return self._tab("meetings", lambda: self._meetings)

    @property
    def candidates(self) -> CandidatesTab:
        return self._tab("candidates", lambda: self._candidates)

    @property
    def applications(self) -> ApplicationsTab:
        return self._tab("applications", lambda: self._applications)

    @property
    def reviews(self) -> ReviewsTab:
        return self._tab("follow_up", lambda: self._reviews)
