#!/usr/bin/env python3
"""Emails through communication and the all-in-one's embedded SMTP server (./openhire start), standard library only.

    bench/communication-send.py [--messages N] [--clients C] [--service URL] [--base URL]

Registers an organisation, queues N emails to N distinct addresses straight at communication (the gateway's
per-user budget, 600 a minute, would measure the budget), waits until every message is SENT (the mail server
accepted it). Reports how fast they were queued, the throughput end to end (emails per second from the first
queued to the last sent) and each message's latency from queued to SENT (p50/p95/p99, from the message's own
createdAt and sentAt).
"""
import argparse
import json
import time
import urllib.request
import uuid
from concurrent.futures import ThreadPoolExecutor


def call(base, method, path, body=None, token=None, headers=None):
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(base + path, data=data, method=method)
    if data is not None:
        request.add_header("Content-Type", "application/json")
    if token:
        request.add_header("Authorization", "Bearer " + token)
    for name, value in (headers or {}).items():
        request.add_header(name, value)
    with urllib.request.urlopen(request, timeout=60) as response:
        return response.status, json.loads(response.read() or b"null")


def percentile(values, p):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--messages", type=int, default=10_000)
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--service", default="http://localhost:8141")
    parser.add_argument("--base", default="http://localhost:8080")
    parser.add_argument("--recipients", type=int, default=0,
                        help="spread over this many addresses (default: one address per message)")
    args = parser.parse_args()
    email, password = "mailer-%s@example.test" % uuid.uuid4().hex[:8], "seven quiet harbours at dawn"
    call(args.base, "POST", "/api/v1/users/register",
         {"organization": "Bench Mailer", "name": "Mo Mailer", "email": email, "password": password})
    token = call(args.base, "POST", "/api/v1/users/login", {"email": email, "password": password})[1]["access_token"]
    run = uuid.uuid4().hex[:6]

    def send(n):
        body = {"channel": "EMAIL", "to": f"bench-{run}-{n % args.recipients if args.recipients else n}@example.test", "subject": "Your application {{custom.n}}",
                "body": "Hello,\n\nthank you for applying. We will be in touch this week.\n", "variables": {"custom.n": str(n)}}
        status, answer = call(args.service, "POST", "/api/v1/communications/send", body, token,
                              {"Idempotency-Key": f"bench-{run}-{n}"})
        assert status == 202, status
        return answer["messageId"], time.time()

    t0 = time.time()
    with ThreadPoolExecutor(args.clients) as clients:
        queued = list(clients.map(send, range(args.messages)))
    accepted = time.time() - t0
    # Wait until nothing is left QUEUED or SENDING, then read each message's own createdAt and sentAt (the service's
    # clock: no polling error in the latencies).
    def view(item):
        return call(args.service, "GET", f"/api/v1/communications/messages/{item[0]}", token=token)[1]

    views = []
    while True:
        with ThreadPoolExecutor(args.clients) as clients:
            views = list(clients.map(view, queued))
        waiting = [v for v in views if v["status"] in ("QUEUED", "SENDING")]
        failed = [v for v in views if v["status"] in ("FAILED", "BOUNCED")]
        if failed:
            raise SystemExit(f"{len(failed)} message(s) failed, e.g. {failed[0]['statusReason']}")
        if not waiting:
            break
        time.sleep(1)

    def instant(text):
        from datetime import datetime
        return datetime.fromisoformat(text.replace("Z", "+00:00")).timestamp()

    created = [instant(v["createdAt"]) for v in views]
    sent = [instant(v["sentAt"]) for v in views]
    latencies = [s_ - c for s_, c in zip(sent, created)]
    span = max(sent) - min(created)
    print(f"{args.messages} emails queued by {args.clients} clients in {accepted:.1f} s "
          f"({args.messages / accepted:.0f}/s); the mail server had them all {span:.1f} s after the first was queued "
          f"({args.messages / span:.0f} emails/s end to end); queued → SENT p50 {percentile(latencies, 50):.2f} s, "
          f"p95 {percentile(latencies, 95):.2f} s, p99 {percentile(latencies, 99):.2f} s")


if __name__ == "__main__":
    main()
