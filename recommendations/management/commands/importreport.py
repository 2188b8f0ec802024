"""Load a report from a spreadsheet (CSV or XLSX), its PDF or saved web page, or a
text file, from the shell.

Rule: the same parsing and checks as the loading page; if any row is invalid the
errors are printed, nothing is saved, and the command exits non-zero.
"""

from pathlib import Path
from typing import Any

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser

from recommendations import dates, services
from recommendations.access import Need, allows
from recommendations.loading.document import blocks_from_text
from recommendations.loading.files import FileRefused, read_upload
from recommendations.loading.preview import Draft, check, draft_from_rows
from recommendations.loading.sources import read_document
from recommendations.loading.textparse import draft_from_blocks


class Command(BaseCommand):
    help = (
        "Load a report and its items from a .csv or .xlsx file, the report's .pdf "
        "or saved .html page, or a .txt file, with the same checks as the loading "
        "page; any invalid row saves nothing (exit code 1)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", type=Path)
        parser.add_argument(
            "--actor",
            required=True,
            help="Username of the administrator doing the load (kept in history).",
        )
        parser.add_argument(
            "--update-changed",
            action="store_true",
            help="For a report already loaded, update the items that differ.",
        )
        parser.add_argument(
            "--no-add-new",
            action="store_true",
            help="For a report already loaded, do not add its new items.",
        )
        parser.add_argument("--dry-run", action="store_true", help="Check only.")
        text = parser.add_argument_group(
            "for the report's .pdf or .html, or a .txt file of its recommendations"
        )
        text.add_argument("--title")
        text.add_argument("--kind", default="other")
        text.add_argument("--published", type=dates.argument)
        text.add_argument("--scope", default="this_force")
        text.add_argument("--inspectorates", default="hmicfrs")

    def _draft(self, path: Path, options: dict[str, Any]) -> Draft:
        try:
            data = path.read_bytes()
        except OSError as error:
            raise CommandError(f"Cannot read {path}: {error.strerror}") from error
        try:
            if path.suffix.lower() in {".txt", ".pdf", ".html", ".htm"}:
                return self._document_draft(path, data, options)
            read = read_upload(path.name, data)
            return draft_from_rows(read.name, read.rows)
        except FileRefused as error:
            raise CommandError(f"{path.name}: {error}") from error

    def _document_draft(
        self, path: Path, data: bytes, options: dict[str, Any]
    ) -> Draft:
        if not options["published"]:
            raise CommandError(f"{path.name} needs --published (and --title).")
        title = options["title"] or ""
        if path.suffix.lower() == ".txt":
            try:
                blocks = blocks_from_text(data.decode("utf-8-sig"))
            except UnicodeDecodeError as error:
                raise CommandError(f"{path.name} is not UTF-8 text.") from error
        else:
            document = read_document(path.name, data)
            blocks, title = document.blocks, title or document.title
        if not title:
            raise CommandError(f"{path.name} needs --title.")
        report = {
            "title": title,
            "kind": options["kind"],
            "published_on": options["published"].isoformat(),
            "scope": options["scope"],
            "inspectorates": options["inspectorates"],
        }
        return draft_from_blocks(
            blocks, report=report, published=options["published"], source=path.name
        )

    def handle(self, *args: Any, **options: Any) -> None:
        User = get_user_model()
        try:
            actor = User.objects.get(username=options["actor"], is_active=True)
        except User.DoesNotExist as error:
            raise CommandError(f"No active user {options['actor']!r}.") from error
        if not allows(actor, Need.ADMINISTER):
            raise CommandError(f"{actor.get_username()} is not an administrator.")
        draft = self._draft(options["file"], options)
        preview = check(draft)
        for name, message in preview.report_errors.items():
            self.stderr.write(f"Report {name}: {message}")
        for row in preview.rows:
            for message in row.errors:
                self.stderr.write(f"{row.draft.place}: {message}")
            for warning in row.warnings:
                self.stdout.write(f"{row.draft.place}: check: {warning}")
        if preview.has_errors:
            raise CommandError(
                f"{len(preview.error_rows)} invalid "
                f"{'row' if len(preview.error_rows) == 1 else 'rows'}"
                f"{' and report errors' if preview.report_errors else ''}: "
                "nothing was saved."
            )
        if preview.existing:
            self.stdout.write(
                f"Already loaded as {preview.existing.title!r}: "
                f"{preview.count('new')} new, {preview.count('changed')} changed, "
                f"{preview.count('unchanged')} unchanged."
            )
        if options["dry_run"]:
            self.stdout.write("Dry run: the file is valid; nothing was saved.")
            return
        try:
            result = services.report_import(
                draft=draft,
                actor=actor,
                add_new=not options["no_add_new"],
                update_changed=options["update_changed"],
            )
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from error
        self.stdout.write(
            self.style.SUCCESS(
                f"{result.report.title}: {result.added} added, {result.updated} "
                f"updated, {result.unchanged} unchanged, {result.skipped} not loaded."
            )
        )
