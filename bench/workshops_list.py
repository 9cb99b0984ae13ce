"""The workshop list with 2,000 upcoming workshops: SQL queries per page and render time.

    .venv/bin/python bench/workshops_list.py [--workshops 2000] [--runs 30]

Builds its own SQLite database under var/bench_workshops/ (migrate, collectstatic), creates
the workshops across 12 territories, then renders /fr/workshops/ (first page, a middle page,
the last page and a filtered page) in-process with Django's test client, production
settings (DEBUG unset). Reports the number of SQL queries of each page — it must not grow
with the number of workshops (tests/workshops/test_views.py checks it too) — and the median
render time.
"""

import argparse
import os
import secrets
import statistics
import sys
import time

from harness import ROOT, manage  # bench/harness.py (the script's folder is on sys.path)

WORK = ROOT / "var" / "bench_workshops"


class QueryCounter:
    def __init__(self):
        self.queries = []

    def __call__(self, execute, sql, params, many, context):
        self.queries.append(sql)
        return execute(sql, params, many, context)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--workshops", type=int, default=2000)
    parser.add_argument("--runs", type=int, default=30)
    args = parser.parse_args()
    WORK.mkdir(parents=True, exist_ok=True)
    database = WORK / "list.sqlite3"
    database.unlink(missing_ok=True)
    env = {k: v for k, v in os.environ.items() if k not in {"DEBUG", "REDIS_URL"}}
    env.update(
        SECRET_KEY=secrets.token_urlsafe(50),
        DATABASE_URL=f"sqlite:///{database}",
        STATIC_ROOT=str(WORK / "static"),
        ALLOWED_HOSTS="localhost",
        LOG_LEVEL="WARNING",
        DJANGO_SETTINGS_MODULE="coeduc.settings",
    )
    for command in (["migrate", "--noinput"], ["collectstatic", "--noinput"]):
        manage(env, *command)
    os.environ.update(env)
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from datetime import timedelta

    from django.db import connection
    from django.test import Client
    from django.utils import timezone

    from parents.models import Organisation, Territory
    from workshops.models import Registration, Venue, Workshop

    codes = ["02", "95", "13", "18", "2A", "25", "29", "971", "34", "38", "86", "88"]
    territories = [
        Territory.objects.create(
            code=code,
            name=f"Territoire {code}",
            timezone="America/Guadeloupe" if code == "971" else "Europe/Paris",
        )
        for code in codes
    ]
    organisation = Organisation.objects.create(name="Bench", kind="association")
    venues = [
        Venue.objects.create(
            organisation=organisation,
            name=f"Salle {territory.code}",
            address="1 rue",
            commune=f"Commune {territory.code}",
            territory=territory,
        )
        for territory in territories
    ]
    now = timezone.now()
    topics = [value for value, _label in Workshop.Topic.choices]
    Workshop.objects.bulk_create(
        Workshop(
            organisation=organisation,
            venue=venues[n % len(venues)],
            title=f"Atelier {n}",
            topic=topics[n % len(topics)],
            starts_at=now + timedelta(hours=6 + n),
            ends_at=now + timedelta(hours=8 + n),
            capacity=10,
            status=Workshop.Status.PUBLISHED,
        )
        for n in range(args.workshops)
    )
    first = Workshop.objects.order_by("pk")[:200]
    Registration.objects.bulk_create(
        Registration(
            workshop=workshop,
            first_name="Amina",
            email=f"a{workshop.pk}@example.org",
            seats=2,
            consent_at=now,
            status=Registration.Status.CONFIRMED,
        )
        for workshop in first
    )
    client = Client(HTTP_HOST="localhost")
    last_page = (args.workshops + 24) // 25
    pages = {
        "first page": "/fr/workshops/",
        "middle page": f"/fr/workshops/?page={last_page // 2}",
        "last page": f"/fr/workshops/?page={last_page}",
        "filtered (territory 971)": "/fr/workshops/?territory=971&topic=pronote",
    }
    print(f"{args.workshops} upcoming workshops, {args.runs} renders per page")
    for name, url in pages.items():
        client.get(url)  # warm the template cache
        counter = QueryCounter()
        with connection.execute_wrapper(counter):
            response = client.get(url)
        queries = counter.queries
        assert response.status_code == 200, (url, response.status_code)
        times = []
        for _ in range(args.runs):
            started = time.perf_counter()
            client.get(url)
            times.append((time.perf_counter() - started) * 1000)
        print(
            f"{name:26} {len(queries):2d} SQL queries, "
            f"median {statistics.median(times):5.1f} ms, max {max(times):5.1f} ms"
        )


if __name__ == "__main__":
    main()
