"""The observatory's dashboard for one territory at scale: median answer time over 20 requests.

    createdb -h 127.0.0.1 -U postgres coeduc_obs   # once
    .venv/bin/python bench/observatory_dashboard.py \
        [--database postgres://postgres@127.0.0.1:5432/coeduc_obs] [--runs 20] [--keep]

Migrates the database, generates in SQL (generate_series) 12 territories, 600 venues in 120
communes, 50,000 workshops over 24 months, 1,000,000 registrations (200,000 families),
100,000 accounts with 200,000 guide-progress rows, 10,000 help requests and 100,000 room
messages; fills the monthly summary (`refresh_observatory --since`), then times GET
/fr/observatory/02/ (last 12 months, a signed-in pilot) against a trivial page of the same
site (/fr/contact/) in-process with production settings. `--keep` reuses generated data.
"""

import argparse
import os
import secrets
import statistics
import sys
import time

from harness import ROOT, manage  # bench/harness.py (the script's folder is on sys.path)

SQL = """
INSERT INTO workshops_venue (organisation_id, name, address, postcode, commune, territory_id,
    step_free_access, transport_hint)
SELECT o.id, 'Salle ' || v, v || ' rue de l''École', '02000', 'Commune ' || t.id || '-' || (v % 10),
    t.id, true, ''
FROM parents_territory t JOIN parents_organisation o ON o.name = 'Bench ' || t.code,
     generate_series(1, 50) v;

INSERT INTO workshops_workshop (organisation_id, venue_id, title, description, topic, format,
    languages, starts_at, ends_at, capacity, waitlist_enabled, status, online_link,
    childcare_offered, interpreter_offered, created_at, updated_at)
SELECT v.organisation_id, v.id, 'Atelier ' || w, '', 'pronote', 'on_site', 'fr',
    now() - make_interval(days => (w % 720)::int) - interval '2 hours',
    now() - make_interval(days => (w % 720)::int) - interval '1 hour',
    25, true, 'closed', '', false, false, now(), now()
FROM generate_series(1, 50000) w
JOIN (SELECT id, organisation_id, row_number() OVER (ORDER BY id) - 1 AS n FROM workshops_venue) v
  ON v.n = w % 600;

INSERT INTO workshops_registration (workshop_id, first_name, email, phone, seats,
    needs_childcare, needs_interpreter, needs_accessibility, needs_details, language, consent_at,
    status, created_at, updated_at, attended)
SELECT w.id, 'Parent', 'family' || ((r * 7919) % 200000) || '@example.org', NULL, 1 + r % 2,
    false, false, false, '', 'fr', w.starts_at - interval '3 days',
    CASE WHEN r % 13 = 0 THEN 'cancelled' ELSE 'confirmed' END,
    w.starts_at - interval '3 days', now(), r % 5 <> 0
FROM (SELECT id, starts_at, row_number() OVER (ORDER BY id) - 1 AS n FROM workshops_workshop) w,
     generate_series(0, 19) i,
     LATERAL (SELECT w.n * 20 + i AS r) k;

INSERT INTO parents_user (password, is_superuser, email, phone, phone_verified, display_name,
    preferred_language, territory_id, is_staff, is_active, date_joined)
SELECT '!', false, 'user' || u || '@example.org', NULL, false, '', 'fr',
    (SELECT id FROM parents_territory ORDER BY id OFFSET (u % 12) LIMIT 1), false, true, now()
FROM generate_series(1, 100000) u;

INSERT INTO parents_guideprogress (user_id, page_id, completed_steps, updated_at, completed_at)
SELECT u.id, p.id, '[1]', now() - make_interval(days => (u.id % 700)::int),
    CASE WHEN u.id % 3 = 0 THEN now() - make_interval(days => (u.id % 700)::int) END
FROM (SELECT id FROM parents_user WHERE email LIKE 'user%%' ) u,
     (SELECT id FROM wagtailcore_page ORDER BY id LIMIT 2) p;

INSERT INTO rooms_room (slug, name, description, kind, topic, territory_id, language, rules,
    slow_mode_seconds, is_active, created_at)
SELECT 'bench-' || t.code, 'Salle ' || t.code, '', 'territory', '', t.id, 'fr', '', 0, true, now()
FROM parents_territory t;

INSERT INTO rooms_helprequest (room_id, asker_id, question, is_private, status, erased,
    created_at)
SELECT r.id, (SELECT min(id) FROM parents_user) + h, 'Question', false, 'resolved', false,
    now() - make_interval(days => (h % 700)::int)
FROM generate_series(1, 10000) h
JOIN (SELECT id, row_number() OVER (ORDER BY id) - 1 AS n FROM rooms_room) r ON r.n = h % 12;

INSERT INTO rooms_message (room_id, help_request_id, author_id, text, erased, status, client_id,
    created_at)
SELECT h.room_id, h.id, h.asker_id + (m % 2), 'Réponse', false, 'visible', '',
    h.created_at + make_interval(mins => (5 + m * 7)::int)
FROM rooms_helprequest h, generate_series(0, 9) m;
ANALYZE
"""


def generate(connection) -> None:
    from parents.models import Organisation, Territory, TerritoryPilot, User

    codes = ["02", "95", "13", "18", "2A", "25", "29", "971", "34", "38", "86", "88"]
    for code in codes:
        territory, _created = Territory.objects.get_or_create(code=code, defaults={"name": code})
        organisation, _created = Organisation.objects.get_or_create(
            name=f"Bench {code}", defaults={"kind": "association"}
        )
        organisation.territories.add(territory)
    pilot, created = User.objects.get_or_create(email="pilot-bench@example.org")
    TerritoryPilot.objects.get_or_create(user=pilot, territory=Territory.objects.get(code="02"))
    with connection.cursor() as cursor:
        for statement in SQL.split(";\n"):
            if not statement.strip():
                continue
            words = statement.split()
            table = words[2] if len(words) > 2 else words[0]
            if table != "ANALYZE":
                # A run stopped half-way resumes: a table already filled is left as it is.
                marker = "WHERE email LIKE 'user%%'" if table == "parents_user" else ""
                cursor.execute(f"SELECT EXISTS (SELECT 1 FROM {table} {marker})")  # noqa: S608
                if cursor.fetchone()[0]:
                    print(f"  {table:<28} already there")
                    continue
            started = time.perf_counter()
            cursor.execute(statement)
            print(f"  {table:<28} {time.perf_counter() - started:6.1f} s", flush=True)


def timed(client, url: str, runs: int) -> list[float]:
    times = []
    for _run in range(runs):
        started = time.perf_counter()
        response = client.get(url)
        times.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, (url, response.status_code)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--database", default="postgres://postgres@127.0.0.1:5432/coeduc_obs")
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--keep", action="store_true", help="reuse the data already generated")
    args = parser.parse_args()
    env = {k: v for k, v in os.environ.items() if k not in {"DEBUG", "REDIS_URL"}}
    env.update(
        SECRET_KEY=secrets.token_urlsafe(50),
        DATABASE_URL=args.database,
        ALLOWED_HOSTS="localhost",
        LOG_LEVEL="WARNING",
        DJANGO_SETTINGS_MODULE="coeduc.settings",
        STATIC_ROOT=str(ROOT / "var" / "bench_observatory" / "static"),
    )
    manage(env, "migrate", "--noinput")
    manage(env, "collectstatic", "--noinput")
    os.environ.update(env)
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client

    from observatory.models import MonthlyFigures
    from parents.models import User

    if not args.keep or not MonthlyFigures.objects.exists():
        print("generating…", flush=True)
        started = time.perf_counter()
        generate(connection)
        print(f"  generated in {time.perf_counter() - started:.0f} s")
        started = time.perf_counter()
        call_command("refresh_observatory", since=_months_ago(25))
        print(f"  summary refreshed in {time.perf_counter() - started:.0f} s")
    with connection.cursor() as cursor:
        for table in ("workshops_registration", "parents_guideprogress", "rooms_message"):
            cursor.execute(f"SELECT count(*) FROM {table}")  # noqa: S608 — fixed names
            print(f"  {table}: {cursor.fetchone()[0]:,} rows")
    client = Client(HTTP_HOST="localhost")
    client.force_login(User.objects.get(email="pilot-bench@example.org"))
    timed(client, "/fr/observatory/02/", 2)  # warm up (templates, translations)
    dashboard = timed(client, "/fr/observatory/02/", args.runs)
    baseline = timed(client, "/fr/contact/", args.runs)
    print(
        f"dashboard /fr/observatory/02/: median {statistics.median(dashboard):.0f} ms "
        f"(max {max(dashboard):.0f} ms) over {args.runs} requests"
    )
    print(
        f"baseline  /fr/contact/:        median {statistics.median(baseline):.0f} ms "
        f"(max {max(baseline):.0f} ms)"
    )


def _months_ago(months: int) -> str:
    from django.utils import timezone

    today = timezone.localdate()
    index = today.year * 12 + today.month - 1 - months
    return f"{index // 12}-{index % 12 + 1:02d}"


if __name__ == "__main__":
    main()
