"""The markup built in Python (widgets, list rows, tags) escapes what it shows and
matches what Django's own templates would render."""

from django import forms
from django.test.html import parse_html

from recommendations.templatetags.tracker import clip, item_list_rows, rag_tag
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


def test_list_rows_escape_item_text(make_item, report):
    item = make_item(text='<script>alert("x")</script>')
    item.rag_value = ""
    html = item_list_rows([item])
    assert "<script>" not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in html
    assert f'href="/items/{item.pk}/"' in html


def test_clip_shortens_with_an_ellipsis_within_the_length():
    assert clip("abcdef", 4) == "abc…"
    assert clip("abc", 4) == "abc"


def test_closed_items_show_a_dash_with_a_text_alternative():
    assert "No RAG" in rag_tag("")
    assert "govuk-tag--red" in rag_tag("red")
