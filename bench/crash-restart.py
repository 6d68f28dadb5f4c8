#!/usr/bin/env python3
"""A crash during an upload burst, then a restart, as a user would meet it.

    bench/crash-restart.py [--uploads N] [--kill-after K] [--rounds R]

Starts `./openhire start --no-demo` on a fresh data directory (OPENHIRE_BUILD=never: the jar as it is built),
registers an organisation and uploads N distinct text resumes through the gateway from 4 clients; once K uploads
were accepted (202) it kills the launcher JVM with SIGKILL, in the middle of the burst. Then it starts the launcher
again on the same data directory and reports whether and how fast it came up, then waits until every accepted
resume is parsed and checks that each was parsed exactly once (its profile's revision is 1) and that none is
missing. With --rounds 2 the restarted launcher gets a second burst and a second SIGKILL before the last start.
Ends with a Ctrl-C (SIGTERM) and the stop's duration and the WARN/ERROR lines the log got during the stop.
Ports 8000-8193 must be free.
"""
import argparse
import json
import os
import re
import signal
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
import uuid
from concurrent.futures import ThreadPoolExecutor

GATEWAY = "http://localhost:8080"
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def call(method, path, body=None, token=None, content_type="application/json", timeout=30):
    data = body if isinstance(body, (bytes, type(None))) else json.dumps(body).encode()
    request = urllib.request.Request(GATEWAY + path, data=data, method=method)
    if data is not None:
        request.add_header("Content-Type", content_type)
    if token:
        request.add_header("Authorization", "Bearer " + token)
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.status, json.loads(response.read() or b"null")
    except urllib.error.HTTPError as e:
        return e.code, None


def start(data_dir, console_path):
    console = open(console_path, "w")
    env = dict(os.environ, OPENHIRE_BUILD="never")
    t0 = time.time()
    process = subprocess.Popen([os.path.join(ROOT, "openhire"), "start", "--data-dir=" + data_dir, "--no-demo"],
                               stdout=console, stderr=subprocess.STDOUT, env=env, cwd=ROOT)
    while True:
        text = open(console_path).read()
        if "OpenHire is running" in text:
            return process, time.time() - t0, True
        if "did not start" in text or process.poll() is not None:
            process.wait()
            return process, time.time() - t0, False
        time.sleep(0.2)


def login(email, password):
    status, body = call("POST", "/api/v1/users/login", {"email": email, "password": password})
    assert status == 200, status
    return body["access_token"]


def upload(token, n):
    boundary = uuid.uuid4().hex
    text = ("Casey Crash%d\nBackend Engineer\ncasey%d@example.test\nEXPERIENCE\nSenior Engineer, Initech, 2019 to Present\n"
            "SKILLS\nJava, Kafka, PostgreSQL\nReference %s\n") % (n, n, uuid.uuid4())
    body = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"cv-{n}.txt\"\r\n"
            f"Content-Type: text/plain\r\n\r\n{text}\r\n--{boundary}--\r\n").encode()
    return call("POST", "/api/v1/resumes/upload", body, token, "multipart/form-data; boundary=" + boundary, timeout=60)


def burst(token, uploads, kill_after, victim):
    accepted, lock, killed = [], threading.Lock(), threading.Event()

    def one(n):
        if killed.is_set():
            return
        try:
            status, body = upload(token, n)
        except Exception:
            return  # the launcher is gone
        if status == 202:
            with lock:
                accepted.append(body["id"])
                if len(accepted) >= kill_after and not killed.is_set():
                    killed.set()
                    os.kill(victim.pid, signal.SIGKILL)

    with ThreadPoolExecutor(4) as clients:
        list(clients.map(one, range(uploads)))
    victim.wait()
    return accepted


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--uploads", type=int, default=300)
    parser.add_argument("--kill-after", type=int, default=60)
    parser.add_argument("--rounds", type=int, default=1)
    args = parser.parse_args()
    data_dir = tempfile.mkdtemp(prefix="openhire-crash-")
    email, password = "crash-%s@example.test" % uuid.uuid4().hex[:8], "seven quiet harbours at dawn"

    process, took, up = start(data_dir, data_dir + "/console-0.log")
    assert up, open(data_dir + "/console-0.log").read()
    print(f"start: running after {took:.1f} s")
    status, _ = call("POST", "/api/v1/users/register",
                     {"organization": "Crash Test", "name": "Cora Crash", "email": email, "password": password})
    assert status == 202, status
    accepted = []
    for round_ in range(1, args.rounds + 1):
        token = login(email, password)
        accepted += burst(token, args.uploads, args.kill_after, process)
        print(f"round {round_}: {len(accepted)} uploads accepted in all, then SIGKILL of the launcher (PID {process.pid})")
        process, took, up = start(data_dir, f"{data_dir}/console-{round_}.log")
        console = open(f"{data_dir}/console-{round_}.log").read()
        print(f"round {round_}: restart {'came up' if up else 'FAILED'} after {took:.1f} s")
        if not up:
            print(console)
            sys.exit(1)
        problems = [line for line in console.splitlines() if "✗" in line or "ERROR" in line]
        for line in problems:
            print("    " + line)

    token = login(email, password)
    deadline, revisions = time.time() + 300, {}
    while time.time() < deadline and len(revisions) < len(accepted):
        for resume_id in accepted:
            if resume_id not in revisions:
                status, profile = call("GET", f"/api/v1/resumes/{resume_id}/profile", token=token)
                if status == 200 and profile["status"] in ("PARSED", "FAILED", "NEEDS_OCR"):
                    revisions[resume_id] = (profile["status"], profile["revision"])
        time.sleep(1)
    status, page = call("GET", "/api/v1/resumes?size=1", token=token)
    parsed = sum(1 for s, _ in revisions.values() if s == "PARSED")
    twice = sum(1 for _, r in revisions.values() if r != 1)
    print(f"accepted {len(accepted)} (distinct {len(set(accepted))}); organisation holds {page['total']} resumes "
          f"(uploads the server took but whose 202 the kill cut off count too); parsed {parsed}, "
          f"missing {len(accepted) - len(revisions)}, parsed more than once {twice}")

    log = os.path.join(data_dir, "logs", "openhire.log")
    lines_before = sum(1 for _ in open(log))
    t0 = time.time()
    process.send_signal(signal.SIGTERM)
    process.wait()
    stop = time.time() - t0
    with open(log) as f:
        after = [line for i, line in enumerate(f) if i >= lines_before and re.search(r'"level":"(WARN|ERROR)"', line)]
    print(f"stop: {stop:.1f} s, {len(after)} WARN/ERROR lines")
    for line in after:
        print("    " + line[:300].rstrip())
    print("data directory:", data_dir)


if __name__ == "__main__":
    main()
