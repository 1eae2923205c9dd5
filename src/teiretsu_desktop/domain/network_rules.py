"""Which network activities count as the seed defines them (Q9-6 / A9-6, DOMAIN §10.7).

- 地域福祉支援検討会: a case-based meeting with local people and bodies, done in the area — not an
  ordinary case meeting, not a meeting with bodies already linked (保護観察所, 矯正施設), not a
  prefecture-wide event.
- 福祉事業者巡回開拓: visits to develop welfare providers — not follow-up visits, not visits to providers
  already 開拓済み, not mere contacts.
- 地域福祉研修: training for providers, done in the area — not a prefecture-wide event.
Other kinds count as recorded.
"""

from __future__ import annotations

from teiretsu_desktop.domain.codes import NetworkActivityKind, NetworkExclusion, NetworkScope

K, X = NetworkActivityKind, NetworkExclusion

EXCLUSIONS_OF: dict[NetworkActivityKind, frozenset[NetworkExclusion]] = {
    K.KENTOKAI: frozenset({X.CASE_MEETING, X.LINKED_BODIES}),
    K.JUNKAI: frozenset({X.FOLLOW_UP_VISIT, X.CONTACT_ONLY}),
}
LOCAL_ONLY = frozenset({K.KENTOKAI, K.KENSHU})


def counts_as_recorded(
    kind: NetworkActivityKind,
    scope: NetworkScope | None,
    exclusion: NetworkExclusion | None,
    already_developed: bool,
) -> bool:
    """True when the activity counts under its kind in the year's table."""
    if kind in LOCAL_ONLY and scope is NetworkScope.PREFECTURE_WIDE:
        return False
    if exclusion is not None and exclusion in EXCLUSIONS_OF.get(kind, frozenset()):
        return False
    return not (kind is K.JUNKAI and already_developed)
