#!/usr/bin/env python3
"""End-to-end latency of one email, from the recruiter's send to the recipient's mailbox, on a running all-in-one
(./openhire start), standard library only.

    bench/communication-latency.py [--sends N] [--rate R] [--api URL] [--base URL] [--imap HOST:PORT]

Registers an organisation and signs in through the gateway, then sends N single emails (POST
/api/v1/communications/send, through the gateway by default) to one mailbox of its own on the embedded mail server
and watches that mailbox over IMAP (the all-in-one's GreenMail, 127.0.0.1:3143; user and password: the address).
One email at a time, at a low rate: each send waits until the previous email is in the mailbox, then for a random
pause (exponential, mean 1/R s, so that sends fall anywhere in the dispatcher's 0.5 s cycle), then goes.

What is measured, per email, on this script's clock:
  - POST → 202: the request until communication answered that the email is queued;
  - 202 → in the mailbox: until the mailbox's message count grows (IMAP NOOP on the selected INBOX, which reports
    new mail, every --poll-ms on one connection; a poll costs well under a millisecond), checked to be this email
    (its X-OpenHire-Message header); the headline number, since this is what the recipient notices;
  - POST → in the mailbox: the two together, what the recruiter's click costs until the candidate has it.
And, on the service's clock, each message's own createdAt → sentAt (GET /api/v1/communications/messages/{id} at the
end: SENT is when the mail server accepted it, the last thing communication knows; the embedded server files the
email in the mailbox before it answers, so SENT comes just after the mailbox). DELIVERED needs a delivery report
from the receiving server, which the embedded one never sends: it is not waited for.

Polling the message's status instead of the mailbox would go through the gateway's per-user budget (600 requests a
minute) at the polling rate and measure the poll interval; one IMAP connection polled every few milliseconds does
not. The warm-up emails (--warmup, default 5) make the mailbox (GreenMail makes it at its first email, and only then
can the script sign in) and are not counted.
"""
import argparse
import imaplib
import json
import random
import re
import time
import urllib.error
import urllib.request
import uuid
from datetime import datetime


def call(base, method, path, body=None, token=None):
    data = None if body is None else json.dumps(body).encode()
    for _ in range(5):
        request = urllib.request.Request(base + path, data=data, method=method)
        if data is not None:
            request.add_header("Content-Type", "application/json")
        if token:
            request.add_header("Authorization", "Bearer " + token)
        try:
            with urllib.request.urlopen(request, timeout=60) as response:
                return response.status, json.loads(response.read() or b"null")
        except urllib.error.HTTPError as e:
            if e.code != 429:
                raise SystemExit(f"{method} {path}: {e.code} {e.read()[:300]!r}")
            time.sleep(float(e.headers.get("Retry-After", "1")))  # the gateway's budget; never during the timed sends
    raise SystemExit(f"{method} {path}: still 429 after 5 tries")


def percentile(values, p):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def summary(name, seconds):
    ms = [s * 1000 for s in seconds]
    return (f"{name:<34} p50 {percentile(ms, 50):7.1f} ms   p95 {percentile(ms, 95):7.1f} ms   "
            f"p99 {percentile(ms, 99):7.1f} ms   max {max(ms):7.1f} ms   mean {sum(ms) / len(ms):7.1f} ms")


class Mailbox:
    """One IMAP connection to the recipient's mailbox: its message count, and the newest message's OpenHire id."""

    def __init__(self, host, port, address, wait):
        deadline = time.monotonic() + wait
        while True:  # the mailbox exists from its first email on
            try:
                self.imap = imaplib.IMAP4(host, port)
                self.imap.login(address, address)
                break
            except (imaplib.IMAP4.error, OSError) as e:
                if time.monotonic() > deadline:
                    raise SystemExit(f"cannot sign in to {address} at {host}:{port} after {wait} s: {e}")
                time.sleep(0.1)
        typ, data = self.imap.select("INBOX", readonly=True)
        self.exists = int(data[0])
        self.imap.response("EXISTS")  # (the select's own)

    def count(self):
        # NOOP on the selected mailbox: the server reports new mail as "* N EXISTS", in one write that arrives within
        # a millisecond. (STATUS answers in two writes and the second waits for a delayed ACK: ~40 ms a poll.)
        self.imap.noop()
        exists = self.imap.response("EXISTS")[1]
        if exists != [None]:
            self.exists = int(exists[-1])
        return self.exists

    def openhire_id(self, number):
        typ, data = self.imap.fetch(str(number), "(BODY.PEEK[HEADER.FIELDS (X-OPENHIRE-MESSAGE)])")
        match = re.search(rb"X-OpenHire-Message:\s*([0-9a-f-]{36})", data[0][1], re.IGNORECASE)
        return match.group(1).decode() if match else None


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--sends", type=int, default=200)
    parser.add_argument("--rate", type=float, default=2.0, help="mean sends per second (one at a time)")
    parser.add_argument("--warmup", type=int, default=5)
    parser.add_argument("--base", default="http://localhost:8080", help="the gateway: register and sign in")
    parser.add_argument("--api", default="http://localhost:8080",
                        help="where the sends go: the gateway, or http://localhost:8141 for communication itself")
    parser.add_argument("--imap", default="127.0.0.1:3143", help="the embedded mail server's IMAP")
    parser.add_argument("--poll-ms", type=float, default=2.0, help="how often the mailbox is looked at")
    parser.add_argument("--timeout", type=float, default=60.0, help="seconds one email may take to arrive")
    args = parser.parse_args()
    host, port = args.imap.rsplit(":", 1)

    run = uuid.uuid4().hex[:8]
    email, password = f"latency-{run}@example.test", "seven quiet harbours at dawn"
    call(args.base, "POST", "/api/v1/users/register",
         {"organization": "Bench Latency", "name": "Lee Latency", "email": email, "password": password})
    token = call(args.base, "POST", "/api/v1/users/login", {"email": email, "password": password})[1]["access_token"]
    recipient = f"inbox-{run}@example.test"

    def send(n):
        body = {"channel": "EMAIL", "to": recipient, "subject": "Latency probe {{custom.n}}",
                "body": "Hello,\n\nthank you for applying. We will be in touch this week.\n",
                "variables": {"custom.n": str(n)}}
        status, answer = call(args.api, "POST", "/api/v1/communications/send", body, token)
        assert status == 202, status
        return answer["messageId"]

    mailbox = None
    expected = 0  # emails the mailbox should hold
    timings = []  # (message id, POST → 202, 202 → mailbox)
    total = args.warmup + args.sends
    for n in range(total):
        if n > 0:
            time.sleep(random.expovariate(args.rate))
        posted = time.perf_counter()
        message = send(n)
        accepted = time.perf_counter()
        expected += 1
        if mailbox is None:
            mailbox = Mailbox(host, int(port), recipient, args.timeout)
        arrived = None
        while arrived is None:
            count = mailbox.count()
            if count >= expected:
                arrived = time.perf_counter()
                if count > expected:
                    raise SystemExit(f"the mailbox holds {count} emails, {expected} were sent: a repeat?")
            elif time.perf_counter() - accepted > args.timeout:
                raise SystemExit(f"email {message} was not in the mailbox {args.timeout} s after its 202")
            else:
                time.sleep(args.poll_ms / 1000)
        got = mailbox.openhire_id(expected)
        if got != message:
            raise SystemExit(f"the newest email in the mailbox is {got}, not {message}")
        if n >= args.warmup:
            timings.append((message, accepted - posted, arrived - accepted))

    def instant(text):
        return datetime.fromisoformat(text.replace("Z", "+00:00")).timestamp()

    service = []
    for message, _, _ in timings:
        view = call(args.api, "GET", f"/api/v1/communications/messages/{message}", token=token)[1]
        if view["status"] not in ("SENT", "DELIVERED"):
            raise SystemExit(f"message {message} is {view['status']}: {view.get('statusReason')}")
        service.append(instant(view["sentAt"]) - instant(view["createdAt"]))

    print(f"{len(timings)} single emails to one mailbox, one at a time (mean pause {1 / args.rate:.2f} s), "
          f"sends through {args.api}, mailbox over IMAP at {args.imap}, polled every {args.poll_ms:g} ms:")
    print(summary("POST → 202", [t[1] for t in timings]))
    print(summary("202 → in the mailbox (IMAP)", [t[2] for t in timings]))
    print(summary("POST → in the mailbox", [t[1] + t[2] for t in timings]))
    print(summary("service: createdAt → sentAt", service))


if __name__ == "__main__":
    main()
