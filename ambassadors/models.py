"""The ambassador path: stages, evidence, validation, mentoring, badges (see issue 5)."""
