#!/usr/bin/env python3
"""An upload burst against a running platform (./openhire start), with nothing but Python's standard library.

    bench/upload-burst.py [--uploads N] [--clients C] [--base URL]

Registers an organisation, uploads N distinct text resumes through the gateway from C clients and reports how
fast they were accepted (every 202 means: stored, recorded and its event in the outbox, all committed) and when
the last one was PARSED. Used to measure what synchronous commits cost (bench/README.md, "Durability").
"""
import argparse
import json
import time
import urllib.request
import uuid
from concurrent.futures import ThreadPoolExecutor


def call(base, method, path, body=None, token=None, content_type="application/json"):
    data = body if isinstance(body, (bytes, type(None))) else json.dumps(body).encode()
    request = urllib.request.Request(base + path, data=data, method=method)
    if data is not None:
        request.add_header("Content-Type", content_type)
    if token:
        request.add_header("Authorization", "Bearer " + token)
    with urllib.request.urlopen(request, timeout=60) as response:
        return response.status, json.loads(response.read() or b"null")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--uploads", type=int, default=300)
    parser.add_argument("--clients", type=int, default=4)
    parser.add_argument("--base", default="http://localhost:8080")
    args = parser.parse_args()
    email, password = "burst-%s@example.test" % uuid.uuid4().hex[:8], "seven quiet harbours at dawn"
    call(args.base, "POST", "/api/v1/users/register",
         {"organization": "Burst", "name": "Bea Burst", "email": email, "password": password})
    token = call(args.base, "POST", "/api/v1/users/login", {"email": email, "password": password})[1]["access_token"]

    def upload(n):
        boundary = uuid.uuid4().hex
        text = ("Bea Burst%d\nData Analyst\nbea%d@example.test\nEXPERIENCE\nAnalyst, Globex, 2018 to Present\n"
                "SKILLS\nSQL, Python, Tableau\nReference %s\n") % (n, n, uuid.uuid4())
        body = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"cv-{n}.txt\"\r\n"
                f"Content-Type: text/plain\r\n\r\n{text}\r\n--{boundary}--\r\n").encode()
        status, answer = call(args.base, "POST", "/api/v1/resumes/upload", body, token,
                              "multipart/form-data; boundary=" + boundary)
        assert status == 202, status
        return answer["id"]

    t0 = time.time()
    with ThreadPoolExecutor(args.clients) as clients:
        ids = list(clients.map(upload, range(args.uploads)))
    accepted = time.time() - t0
    while True:
        parsed = call(args.base, "GET", "/api/v1/resumes?size=1&status=PARSED", token=token)[1]["total"]
        if parsed >= len(ids):
            break
        time.sleep(0.2)
    done = time.time() - t0
    print(f"{len(ids)} uploads from {args.clients} clients accepted in {accepted:.1f} s ({len(ids) / accepted:.1f}/s), "
          f"all PARSED after {done:.1f} s ({len(ids) / done:.1f} resumes/s end to end)")


if __name__ == "__main__":
    main()
