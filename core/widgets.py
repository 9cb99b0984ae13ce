"""Form widgets for the browser's own pickers, whose values are in ISO format in every language."""

from django import forms


class NativeDateInput(forms.DateInput):
    """`<input type="date">`: the browser discards any value not written YYYY-MM-DD, so an
    initial date formatted the French way (27/11/2026) would silently vanish."""

    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%d")


class NativeTimeInput(forms.TimeInput):
    """`<input type="time">`: HH:MM whatever the language."""

    input_type = "time"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%H:%M")
