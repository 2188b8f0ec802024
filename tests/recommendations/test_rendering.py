"""The markup built in Python (widgets, list rows, tags) escapes what it shows and
matches what Django's own templates would render."""

import pytest
from django import forms
from django.template.loader import render_to_string
from django.test.html import parse_html
from django.urls import reverse

from recommendations.templatetags.tracker import clip, govuk_field
from recommendations.widgets import CheckboxSelectMultiple, Select


class _Form(forms.Form):
    choice = forms.ChoiceField(
        choices=[("", "Any"), ("a&b", "<b>Bold</b>"), ("c", "C")], widget=Select
    )
    many = forms.MultipleChoiceField(
        choices=[("x", "X"), ("y", "Y")], widget=CheckboxSelectMultiple
    )


def test_select_escapes_labels_and_values_and_marks_the_choice():
    html = str(_Form({"choice": "a&b"})["choice"])
    assert '<option value="a&amp;b" selected>&lt;b&gt;Bold&lt;/b&gt;</option>' in html
    assert '<option value="c">C</option>' in html
    assert html.startswith('<select name="choice"')


def test_select_renders_as_djangos_own_widget_does():
    ours = str(_Form({"choice": "c"})["choice"])
    django_form = _Form({"choice": "c"})
    django_form.fields["choice"].widget = forms.Select(
        choices=django_form.fields["choice"].choices
    )
    theirs = str(django_form["choice"])
    assert parse_html(ours) == parse_html(theirs)  # same elements and attributes


def test_checkbox_inputs_carry_name_value_id_and_checked():
    [first, second] = list(_Form({"many": ["y"]})["many"])
    assert first.tag() == '<input type="checkbox" name="many" value="x" id="id_many_0">'
    assert "checked" in second.tag()


def test_list_rows_escape_item_text(client_for, panel, make_item):
    item = make_item(text='<script>alert("x")</script>')
    html = client_for(panel).get(reverse("recommendations:item_list")).content.decode()
    assert "<script>alert" not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in html
    assert f'href="/items/{item.pk}/"' in html


def test_clip_shortens_with_an_ellipsis_within_the_length():
    assert clip("abcdef", 4) == "abc…"
    assert clip("abc", 4) == "abc"


def test_closed_items_show_a_dash_with_a_text_alternative():
    assert "No RAG" in render_to_string("includes/_tags.html#rag", {"rag": ""})
    assert "govuk-tag--red" in render_to_string(
        "includes/_tags.html#rag", {"rag": "red"}
    )


def test_status_tag_shows_the_label_it_is_given_escaped():
    html = render_to_string(
        "includes/_tags.html#status", {"status": "closed", "label": "<i>Closed</i>"}
    )
    assert html == (
        '<strong class="govuk-tag govuk-tag--green">&lt;i&gt;Closed&lt;/i&gt;</strong>'
    )


@pytest.mark.parametrize(
    "data",
    [
        {},
        {"q": "x", "owner": ["pcc"], "status": ["closed"], "overdue": "on"},
        {"target_from": "not a date", "kind": ["nonsense"], "report": "999999"},
    ],
    ids=["empty", "chosen", "errors"],
)
def test_python_built_fields_match_the_form_field_include(db, data):
    from recommendations.filters import ItemFilter
    from recommendations.models import Item

    form = ItemFilter(data or None, queryset=Item.objects.all()).form
    form.is_valid()
    for name in form.fields:
        for small in (False, True):
            field = form[name]
            include = render_to_string(
                "includes/_field.html", {"field": field, "small": small}
            )
            assert parse_html(govuk_field(field, small=small)) == parse_html(include), (
                name
            )
