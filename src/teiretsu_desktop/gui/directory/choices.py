"""The 関係機関 directory as a choice in a form: filled on the store thread when the form opens."""

from __future__ import annotations

from teiretsu_desktop.domain.codes import AgencyKind
from teiretsu_desktop.gui.context import AppContext
from teiretsu_desktop.gui.operations import QueryOp
from teiretsu_desktop.gui.widgets.form import Form
from teiretsu_desktop.services import directory


def offer_agencies(context: AppContext, form: Form, key: str, *, first: tuple[AgencyKind, ...] = ()) -> None:
    """Fill the choice `key` with the directory's agencies (「名称（種類）」), the kinds in `first` at the
    top; what is already chosen stays chosen."""

    def fill(agencies: list[directory.AgencyView]) -> None:
        kinds = list(AgencyKind)
        ordered = (
            sorted(agencies, key=lambda a: (a.kind not in first, kinds.index(a.kind), a.name))
            if first
            else agencies
        )
        form.set_choices(key, [(f"{a.name}（{a.kind.label}）", a.id) for a in ordered])

    QueryOp(context, lambda s: directory.list_agencies(s), fill).run_in_background()
