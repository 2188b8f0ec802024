"""The words, weights and sizes the synthetic data set is made of."""

import datetime as dt
from dataclasses import dataclass

from recommendations.models import Item, Owner

BENCH_PASSWORD = "bench-tracker-2026"  # noqa: S105 (a throwaway benchmark database)
FORCES = [
    "Avon and Somerset", "Bedfordshire", "Cambridgeshire", "Cheshire", "Cleveland",
    "Cumbria", "Derbyshire", "Devon and Cornwall", "Dorset", "Durham", "Dyfed-Powys",
    "Essex", "Gloucestershire", "Greater Manchester", "Gwent", "Hampshire",
    "Hertfordshire", "Humberside", "Kent", "Lancashire", "Leicestershire",
    "Lincolnshire", "Merseyside", "Metropolitan", "Norfolk", "North Wales",
    "North Yorkshire", "Northamptonshire", "Northumbria", "Nottinghamshire",
    "South Wales", "South Yorkshire", "Staffordshire", "Suffolk", "Surrey", "Sussex",
    "Thames Valley", "Warwickshire", "West Mercia", "West Midlands", "West Yorkshire",
    "Wiltshire", "City of London",
]  # fmt: skip
TOPICS = [
    "vetting and counter-corruption", "domestic abuse", "stalking and harassment",
    "custody", "child protection", "crime data integrity", "neighbourhood policing",
    "serious and organised crime", "digital forensics", "victim service assessment",
    "use of force", "stop and search", "call handling", "rape investigation",
    "fraud", "workforce wellbeing", "disclosure", "offender management",
]  # fmt: skip
VERBS = [
    "should make sure that", "should review how", "should improve the way",
    "should put in place arrangements so that", "should assess whether",
]  # fmt: skip
OWNER_SETS = [
    [Owner.CHIEF_CONSTABLE],
    [Owner.CHIEF_CONSTABLE],
    [Owner.CHIEF_CONSTABLE],
    [Owner.CHIEF_CONSTABLE, Owner.PCC],
    [Owner.PCC],
    [Owner.NPCC],
    [Owner.NPCC, Owner.COLLEGE_OF_POLICING],
    [Owner.HOME_OFFICE],
    [Owner.HOME_OFFICE, Owner.NPCC],
    [Owner.COLLEGE_OF_POLICING],
    [Owner.APCC, Owner.PCC],
    [Owner.IOPC],
]
# Status mix of a tracker that has run for years: most items closed.
STATUS_WEIGHTS = [
    (Item.Status.CLOSED, 50),
    (Item.Status.NO_FURTHER_ACTION, 8),
    (Item.Status.IN_PROGRESS, 28),
    (Item.Status.AWAITING_ALLOCATION, 9),
    (Item.Status.PENDING_SIGN_OFF, 5),
]
KIND_WEIGHTS = [
    (Item.Kind.RECOMMENDATION, 45),
    (Item.Kind.AREA_FOR_IMPROVEMENT, 50),
    (Item.Kind.CAUSE_OF_CONCERN, 5),
]
TEAMS = [
    "Professional Standards", "Public Protection", "Crime and Justice",
    "Contact Management", "Local Policing", "Corporate Development", "OPCC",
    "People Services", "Digital Services", "Criminal Justice",
]  # fmt: skip
START = dt.date(2014, 1, 1)
# The item the benchmark opens for "item detail with 200 history rows".
DEEP_HISTORY_ROWS = 200


@dataclass(frozen=True)
class Scale:
    """How much to seed. The defaults are the issue's national scale."""

    items: int = 100_000
    reports: int = 10_000
    history_per_item: int = 10
    updates_per_item: int = 3
    users: int = 300

    @classmethod
    def for_items(cls, items: int, *, rich: bool = True) -> "Scale":
        """`items` with 10 per report; `rich=False` keeps one history row per item
        and no progress updates (the list-only step at a million items)."""
        return cls(
            items=items,
            reports=max(items // 10, 1),
            history_per_item=10 if rich else 1,
            updates_per_item=3 if rich else 0,
        )
