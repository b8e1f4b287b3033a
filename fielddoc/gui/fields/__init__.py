"""Editor widgets built from template fields: one widget class per field type.

:func:`make_field_widget` picks the class for a :class:`~fielddoc.records.templates.Field`;
:class:`FieldForm` lays out a tuple of fields (a template, a group, one entry) as labelled rows
with help text under each field and a place for an error message.

Every widget has the same small interface (:class:`FieldWidget`): ``value()`` returns the JSON
value or ``None`` when the field is empty (so partial records save and absent means
"unknown"), ``set_value()`` fills it, ``changed`` fires on every edit, ``focus_widget()`` is
what gets the keyboard focus when the field is wrong, and ``row_for()`` resolves the rest of a
dotted path such as ``team[0].name`` (from :class:`~fielddoc.errors.ValidationError`) to the
row showing that field.

Values a widget cannot show exactly (a half-typed date from a draft, a thesaurus code that is
no longer in the thesaurus) are kept and given back unchanged, so nothing is lost silently;
validation on save then points at them.

Labels and help come from the templates in the current language (``LANGUAGE.current``);
``retranslate()`` re-reads them after a language switch.

The package holds, by module: ``values`` (paths, partial dates, times, problem texts),
``base`` (the interface), ``text``, ``checked_lines`` (date, time, integer), ``choice``
(yes/no, combo, check boxes), ``picked`` (thesaurus tree and record pickers), ``groups``,
``entries``, ``form`` (rows, forms, the widget factory) and ``keyboard`` (tab order). Every
name is importable from the package itself. Class names are the Qt translation contexts of
their texts and the module-level texts keep the context ``"fields"``: renaming either loses
existing translations.
"""

from fielddoc.gui.fields.base import ERROR_STYLE, HINT_STYLE, ID_ROLE, FieldWidget
from fielddoc.gui.fields.checked_lines import DateField, IntegerField, TimeField
from fielddoc.gui.fields.choice import BooleanField, ChoiceChecks, ChoiceCombo
from fielddoc.gui.fields.entries import EntriesField, EntryWidget
from fielddoc.gui.fields.form import (
    CHECKBOX_THESAURUS,
    SMALL_THESAURUS,
    FieldForm,
    FieldRow,
    make_field_widget,
)
from fielddoc.gui.fields.groups import CONSENT_STYLE, ConsentGroupField, GroupField
from fielddoc.gui.fields.keyboard import apply_tab_order, focus_chain
from fielddoc.gui.fields.picked import ChoicePickerField, ReferenceField, ReferenceListField
from fielddoc.gui.fields.text import LongTextField, TextField
from fielddoc.gui.fields.values import (
    PathPart,
    date_start,
    describe_date,
    normalise_date,
    normalise_time,
    parse_path,
    problem_text,
    range_text,
)

__all__ = [
    "CHECKBOX_THESAURUS",
    "CONSENT_STYLE",
    "ERROR_STYLE",
    "HINT_STYLE",
    "ID_ROLE",
    "SMALL_THESAURUS",
    "BooleanField",
    "ChoiceChecks",
    "ChoiceCombo",
    "ChoicePickerField",
    "ConsentGroupField",
    "DateField",
    "EntriesField",
    "EntryWidget",
    "FieldForm",
    "FieldRow",
    "FieldWidget",
    "GroupField",
    "IntegerField",
    "LongTextField",
    "PathPart",
    "ReferenceField",
    "ReferenceListField",
    "TextField",
    "TimeField",
    "apply_tab_order",
    "date_start",
    "describe_date",
    "focus_chain",
    "make_field_widget",
    "normalise_date",
    "normalise_time",
    "parse_path",
    "problem_text",
    "range_text",
]
