import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from recommendations import services

PDF = b"%PDF-1.4\n%%EOF\n"
BASE_DIR = Path(__file__).resolve().parents[2]


def _update_with_file(item, staff):
    return services.progress_update_record(
        item_id=item.pk,
        actor=staff,
        expected_version=item.version,
        text="Evidence attached",
        evidence_file=SimpleUploadedFile("board minutes.pdf", PDF),
    )


def test_signed_in_reader_downloads_evidence_as_an_attachment(
    client_for, panel, staff, item
):
    update = _update_with_file(item, staff)
    response = client_for(panel).get(
        reverse("recommendations:evidence_download", args=[update.pk])
    )
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment;")
    assert "board minutes.pdf" in response["Content-Disposition"]
    assert response["X-Content-Type-Options"] == "nosniff"
    assert b"".join(response.streaming_content) == PDF


def test_evidence_is_not_served_to_anonymous_or_outsiders(
    client, client_for, outsider, staff, item
):
    update = _update_with_file(item, staff)
    url = reverse("recommendations:evidence_download", args=[update.pk])
    assert client.get(url).status_code == 302
    assert client_for(outsider).get(url).status_code == 403


def test_evidence_has_no_public_url(staff, item, settings):
    update = _update_with_file(item, staff)
    stored = Path(update.evidence_file.path).resolve()
    assert stored.is_relative_to(Path(settings.EVIDENCE_ROOT).resolve())
    with pytest.raises(ValueError, match="no public URL"):
        update.evidence_file.url  # noqa: B018


def _production_paths() -> dict:
    """The folders config/settings.py gives a production start-up, with no paths set
    in the environment (the tests' own settings put evidence in a temporary folder)."""
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"EVIDENCE_ROOT", "STATIC_ROOT", "DEBUG", "DATABASE_URL"}
    }
    env.update(SECRET_KEY="x" * 50, DEBUG="0", ALLOWED_HOSTS="tracker.example.org")
    script = textwrap.dedent(
        """
        import json
        from config import settings as s

        static_dirs = [d[1] if isinstance(d, tuple) else d for d in s.STATICFILES_DIRS]
        template_dirs = [d for t in s.TEMPLATES for d in t["DIRS"]]
        served = [getattr(s, "MEDIA_ROOT", ""), getattr(s, "WHITENOISE_ROOT", "")]
        public = [s.STATIC_ROOT, s.BASE_DIR / "static", *static_dirs, *template_dirs]
        public += [p for p in served if p]
        paths = {"evidence": str(s.EVIDENCE_ROOT), "public": [str(p) for p in public]}
        print(json.dumps(paths))
        """
    )
    result = subprocess.run(
        [sys.executable, "-c", script],
        cwd=BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(result.stdout)


def test_production_evidence_folder_is_outside_every_public_folder():
    paths = _production_paths()
    evidence = Path(paths["evidence"]).resolve()
    assert evidence.is_absolute()
    for public in paths["public"]:
        public_path = Path(public).resolve()
        assert not evidence.is_relative_to(public_path), (evidence, public_path)
        assert not public_path.is_relative_to(evidence), (evidence, public_path)


def test_update_without_a_file_is_not_found(client_for, panel, staff, item):
    update = services.progress_update_record(
        item_id=item.pk, actor=staff, expected_version=item.version, text="no file"
    )
    url = reverse("recommendations:evidence_download", args=[update.pk])
    assert client_for(panel).get(url).status_code == 404
