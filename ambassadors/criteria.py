"""The criteria engine: evidence counted in bulk, for a whole list of volunteers at once.

`with_evidence()` adds one annotation per kind of evidence (correlated subqueries, so the
counts do not multiply each other), `ready_for_next_stage()` turns each stage's criteria into
a filter on those annotations, and `evaluate()` explains one volunteer's criteria in words
from the same annotations. However many volunteers a page lists, the number of queries is
the same.
"""

from dataclasses import dataclass
from datetime import timedelta

from django.db.models import Count, Exists, IntegerField, OuterRef, Q, Subquery, Value
from django.db.models.functions import Coalesce
from django.utils import timezone

from guides.models import GuidePage, GuideProgress
from workshops.models import Registration

from .models import Charter, CharterSignature, Criterion, MentoringSession, Stage


def training_guide_ids(criterion: Criterion | None = None):
    """The guides that count as training: the criterion's own list, else the guides marked
    `is_training_guide` (when the guides app is there)."""
    if criterion is not None and criterion.guide_page_ids:
        return [int(pk) for pk in criterion.guide_page_ids]
    return GuidePage.objects.filter(is_training_guide=True).values("pk")


def _count(queryset, field: str):
    """Count of rows per volunteer, as a correlated subquery (0 when none)."""
    counted = queryset.order_by().values(field).annotate(n=Count("pk")).values("n")
    return Coalesce(Subquery(counted, output_field=IntegerField()), Value(0))


def guide_annotation_name(criterion: Criterion) -> str:
    return f"training_guides_{criterion.pk}" if criterion.guide_page_ids else "training_guides"


def with_evidence(queryset, stages=None):
    """Annotate every volunteer of `queryset` with the evidence the criteria read."""
    stages = list(stages) if stages is not None else load_stages()
    charter = Charter.current()
    annotations = {
        "workshops_attended": _count(
            Registration.objects.filter(user_id=OuterRef("user_id"), attended=True), "user_id"
        ),
        "training_guides": _count(
            GuideProgress.objects.filter(
                user_id=OuterRef("user_id"),
                completed_at__isnull=False,
                page_id__in=training_guide_ids(),
            ),
            "user_id",
        ),
        "mentoring_sessions": _count(
            MentoringSession.objects.filter(mentorship__ambassador_id=OuterRef("pk")),
            "mentorship__ambassador_id",
        ),
        "charter_signed": (
            Exists(CharterSignature.objects.filter(user_id=OuterRef("user_id"), charter=charter))
            if charter
            else Value(False)
        ),
    }
    for stage in stages:
        for criterion in stage.criteria.all():
            if criterion.kind == Criterion.Kind.TRAINING_GUIDES and criterion.guide_page_ids:
                annotations[guide_annotation_name(criterion)] = _count(
                    GuideProgress.objects.filter(
                        user_id=OuterRef("user_id"),
                        completed_at__isnull=False,
                        page_id__in=training_guide_ids(criterion),
                    ),
                    "user_id",
                )
    return queryset.annotate(**annotations)


def load_stages() -> list[Stage]:
    return list(Stage.objects.prefetch_related("criteria").order_by("order"))


def next_stage(stages: list[Stage], stage_id: int) -> Stage | None:
    for index, stage in enumerate(stages):
        if stage.pk == stage_id:
            return stages[index + 1] if index + 1 < len(stages) else None
    return None


def _criterion_q(criterion: Criterion, now) -> Q:
    kind = criterion.kind
    if kind == Criterion.Kind.WORKSHOPS_ATTENDED:
        return Q(workshops_attended__gte=criterion.threshold)
    if kind == Criterion.Kind.TRAINING_GUIDES:
        return Q(**{f"{guide_annotation_name(criterion)}__gte": criterion.threshold})
    if kind == Criterion.Kind.MENTORING_SESSIONS:
        return Q(mentoring_sessions__gte=criterion.threshold)
    if kind == Criterion.Kind.CHARTER_SIGNED:
        return Q(charter_signed=True)
    if kind == Criterion.Kind.DAYS_AT_STAGE:
        return Q(stage_since__lte=now - timedelta(days=criterion.threshold))
    raise ValueError(kind)


def evidence_q(stage: Stage, now=None) -> Q:
    """The stage's evidence criteria as one filter (on `with_evidence()` annotations)."""
    now = now or timezone.now()
    parts = [_criterion_q(c, now) for c in stage.evidence_criteria]
    if not parts:
        return Q()
    combined = parts[0]
    for part in parts[1:]:
        combined = (combined & part) if stage.combine == Stage.Combine.ALL else (combined | part)
    return combined


def ready_for_next_stage(queryset, stages, *, validation: bool | None = None, now=None):
    """Volunteers whose evidence meets the criteria of their next stage.

    validation=True keeps only next stages that need a facilitator (the queue), False only
    those reached automatically, None both. `queryset` must come from `with_evidence()`.
    """
    condition = Q(pk__in=[])
    for stage in stages:
        following = next_stage(stages, stage.pk)
        if following is None:
            continue
        if validation is not None and following.requires_validation != validation:
            continue
        condition |= Q(stage_id=stage.pk) & evidence_q(following, now)
    return queryset.filter(condition)


@dataclass
class Result:
    criterion: Criterion
    met: bool
    value: int | None
    label: str

    def as_json(self) -> dict:
        return {
            "kind": self.criterion.kind,
            "label": self.label,
            "met": self.met,
            "value": self.value,
        }


def evaluate(volunteer, stage: Stage, now=None) -> list[Result]:
    """Each criterion of `stage` for one volunteer annotated by `with_evidence()`."""
    now = now or timezone.now()
    results = []
    for criterion in stage.criteria.all():
        kind = criterion.kind
        value = None
        if kind == Criterion.Kind.WORKSHOPS_ATTENDED:
            value = volunteer.workshops_attended
        elif kind == Criterion.Kind.TRAINING_GUIDES:
            value = getattr(volunteer, guide_annotation_name(criterion))
        elif kind == Criterion.Kind.MENTORING_SESSIONS:
            value = volunteer.mentoring_sessions
        elif kind == Criterion.Kind.DAYS_AT_STAGE:
            value = (now - volunteer.stage_since).days
        if kind == Criterion.Kind.CHARTER_SIGNED:
            met = bool(volunteer.charter_signed)
        elif kind == Criterion.Kind.VALIDATION:
            met = False  # given only by a facilitator's decision
        else:
            met = value >= criterion.threshold
        results.append(Result(criterion, met, value, criterion.describe()))
    return results


def evidence_met(stage: Stage, results: list[Result]) -> bool:
    """All/any over the evidence criteria (a facilitator's validation is not evidence)."""
    evidence = [r.met for r in results if r.criterion.kind != Criterion.Kind.VALIDATION]
    if not evidence:
        return True
    return all(evidence) if stage.combine == Stage.Combine.ALL else any(evidence)
