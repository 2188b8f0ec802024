"""Oversight records in the admin: read-only, since each is written by a decision."""

from typing import Any

from django.contrib import admin
from django.http import HttpRequest
from simple_history.admin import SimpleHistoryAdmin

from .models import ClosureDecision, ReminderLog, TargetDateChange


class ReadOnlyAdmin(SimpleHistoryAdmin):
    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(ClosureDecision)
class ClosureDecisionAdmin(ReadOnlyAdmin):
    list_display = ["item", "kind", "decided_by", "effective_on"]
    list_filter = ["kind"]
    list_select_related = ["item__report", "decided_by"]


@admin.register(TargetDateChange)
class TargetDateChangeAdmin(ReadOnlyAdmin):
    list_display = ["item", "from_date", "to_date", "status", "requested_by"]
    list_filter = ["status"]
    list_select_related = ["item__report", "requested_by"]


@admin.register(ReminderLog)
class ReminderLogAdmin(ReadOnlyAdmin):
    list_display = ["recipient", "kind", "sent_on", "status", "item_count"]
    list_filter = ["kind", "status", "sent_on"]
    list_select_related = ["recipient"]
