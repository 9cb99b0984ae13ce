"""The Wagtail admin goes through the services: more places confirm waiting families."""

import pytest
from django.test import Client
from django.urls import reverse

from parents.models import User
from workshops import services
from workshops.models import Registration

from .conftest import make_workshop

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client():
    user = User.objects.create_superuser(email="admin@example.org", password="x")
    client = Client(HTTP_HOST="localhost")
    client.force_login(user)
    return client


def test_staff_see_workshops_and_registrations(admin_client):
    workshop = make_workshop()
    services.register(workshop, first_name="Amina", email="amina@example.org")
    assert workshop.title in admin_client.get(reverse("workshop:index")).content.decode()
    assert "Amina" in admin_client.get(reverse("registration:index")).content.decode()
    assert admin_client.get(reverse("registration:add")).status_code in (302, 403)


def test_raising_capacity_in_the_admin_promotes_the_waiting_list(admin_client):
    workshop = make_workshop(capacity=1)
    services.register(workshop, first_name="Amina", email="amina@example.org")
    bruno = services.register(workshop, first_name="Bruno", email="bruno@example.org")
    url = reverse("workshop:edit", args=[workshop.pk])
    form = admin_client.get(url).context["form"]
    data = {}
    for name in form.fields:
        value = form[name].value()
        if value is None or value is False:
            continue
        data[name] = value
    for name in ("starts_at", "ends_at"):
        data[name] = getattr(workshop, name).strftime("%Y-%m-%d %H:%M")
    data["capacity"] = 2
    response = admin_client.post(url, data)
    assert response.status_code == 302, response.context["form"].errors
    bruno.refresh_from_db()
    assert bruno.status == Registration.Status.CONFIRMED
