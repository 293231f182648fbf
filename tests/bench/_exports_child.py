"""One export in a process of its own (see tests/bench/exports.py), timed from inside:
`command OUTPUT ARGS…` runs export_signatures; `view OUTPUT USERNAME QUERY` asks the admin's
export view through Django's test client and writes the stream to OUTPUT. Prints the seconds
the export took, Django's start excluded."""

import sys
import time

import django


def command(output: str, *args: str) -> float:
    from django.core.management import call_command

    start = time.perf_counter()
    call_command("export_signatures", *args, "--output", output, verbosity=0)
    return time.perf_counter() - start


def view(output: str, username: str, query: str) -> float:
    from django.contrib.auth import get_user_model
    from django.test import Client
    from django.urls import reverse

    client = Client()
    client.force_login(get_user_model().objects.get(username=username))
    url = f"{reverse('admin:petitions_petition_export')}?{query}"
    start = time.perf_counter()
    response = client.get(url)
    if response.status_code != 200:
        raise SystemExit(f"the export view answered {response.status_code}")
    with open(output, "wb") as out:
        for chunk in response.streaming_content:
            out.write(chunk)
    response.close()
    return time.perf_counter() - start


if __name__ == "__main__":
    django.setup()
    way, *arguments = sys.argv[1:]
    print(f"{(command if way == 'command' else view)(*arguments):.3f}")
