import re
from django.core import mail
from parents.sms import MemoryBackend

def test_explore(client, demo):
    r = client.get("/fr/accounts/login/code/")
    print(r.status_code)
    r = client.post("/fr/accounts/login/code/", {"email": "parent@demo.coeduc.fr"})
    print(r.status_code, r.headers.get("Location"))
    print(len(mail.outbox)); print(mail.outbox[0].subject); print(mail.outbox[0].body)
    r = client.post("/fr/accounts/login/code/confirm/", {"code": "WRONG1"})
    print(r.status_code); print(r.content.decode()[-3000:])
    r = client.post("/fr/accounts/login/code/", {"phone": "06 12 34 56 01"})
    print(r.status_code, r.headers.get("Location"), MemoryBackend.outbox)
    r = client.get("/fr/accounts/signup/")
    print(r.content.decode()[-4000:])
