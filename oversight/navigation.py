"""Oversight's sections of the site navigation (see recommendations.navigation)."""

from django.utils.translation import gettext_lazy as _

from recommendations.access import Need
from recommendations.navigation import Section, register


def register_sections() -> None:
    register(Section(_("Home"), "home", frozenset({"home"}), order=0))
    register(
        Section(
            _("Scrutiny"),
            "oversight:scrutiny",
            frozenset(
                {
                    "oversight:scrutiny",
                    "oversight:changes",
                    "oversight:s55_list",
                    "oversight:s55_report",
                    "oversight:s55_edit",
                    "oversight:s55_response",
                    "oversight:s55_letter",
                    "oversight:s55_approve",
                }
            ),
            order=30,
        )
    )
    register(
        Section(
            _("Review"),
            "oversight:review",
            frozenset(
                {
                    "oversight:review",
                    "oversight:closure_decide",
                    "oversight:date_decide",
                    "oversight:hmicfrs_outcome",
                }
            ),
            order=40,
            need=Need.REVIEW,
        )
    )
