"""The 関係機関 directory as a choice in a form: filled on the store thread when the form opens."""

from __future__ import annotations

from teiretsu_desktop.domain.codes import AgencyKind
from teiretsu_desktop.gui.context import AppContext
from teiretsu_desktop.gui.operations import QueryOp
from teiretsu_desktop.gui.widgets.form import Form
from teiretsu_desktop.services import directory

# The kinds of office that ask a centre for support, offered first as a case's 依頼元の機関.
REQUESTING = (
    AgencyKind.PROBATION,
    AgencyKind.CHILD_GUIDANCE,
    AgencyKind.PROSECUTOR,
    AgencyKind.BAR,
    AgencyKind.CORRECTIONAL,
)


def agency_choices(
    agencies: list[directory.AgencyView], first: tuple[AgencyKind, ...] = ()
) -> list[tuple[str, str]]:
    """「名称（種類）」 for each agency, the kinds in `first` at the top."""
    kinds = list(AgencyKind)
    ordered = (
        sorted(agencies, key=lambda a: (a.kind not in first, kinds.index(a.kind), a.name))
        if first
        else agencies
    )
    return [(f"{a.name}（{a.kind.label}）", a.id) for a in ordered]


def offer_agencies(context: AppContext, form: Form, key: str, *, first: tuple[AgencyKind, ...] = ()) -> None:
    """Fill the choice `key` with the directory's agencies, the kinds in `first` at the top; what is
    already chosen stays chosen."""
    QueryOp(
        context,
        lambda s: directory.list_agencies(s),
        lambda agencies: form.set_choices(key, agency_choices(agencies, first)),
    ).run_in_background()
