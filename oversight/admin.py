"""Oversight records in the admin: read-only, since each is written by a decision."""

from django.contrib import admin

from recommendations.admin import ReadOnlyAdmin

from .models import ClosureDecision, ReminderLog, TargetDateChange


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
