#!/usr/bin/env bash
# Backup and restore of an all-in-one holding N resumes: time and size (the issue's "backup and restore time and
# size for 10,000 resumes").
#
#   BENCH_RESUMES=10000 bench/backup-restore.sh
#
# Steps, each timed:
#   1. N distinct resumes made from ../shared/data/resumes: half the 310 annotated texts as .txt (tags removed, a
#      unique name and email put in), half the 24 real PDFs with a unique "name - email" line stamped on page 1
#      (PDFBox, from the launcher jar). Not timed.
#   2. `./openhire start` on a fresh data directory (demo data on: the demo admin is the platform operator).
#   3. BENCH_ORGS organisations registered; the N resumes uploaded through the gateway (POST /api/v1/resumes/upload)
#      by BENCH_CLIENTS clients, paced to BENCH_RATE uploads/s in all (the gateway allows 1,200 requests a minute per
#      client address and 600 per user: the default 18/s stays under both, 429s are waited out and counted); then
#      until every one is PARSED (or FAILED / NEEDS_OCR), then until the platform is idle again (the launcher's CPU
#      below 30 % of a core over 10 s, idle it uses 15-20 %: embeddings, matching's index, applications are done).
#   4. POST /api/v1/backups as the demo admin, polled every 0.5 s until GET /api/v1/backups says complete: wall
#      time, storage's own "written in N s" log line, file size, rows, objects, object bytes; what takes the room
#      (the file's entries by kind: database tables per service, objects per bucket).
#   5. The platform stopped (SIGTERM); `./openhire restore BACKUP --data-dir=NEW` timed (its output kept).
#   6. `./openhire start` on the restored directory: time to "OpenHire is running"; through the API each
#      organisation's resume count (all, PARSED) must equal the one before the backup, and 20 originals are
#      downloaded and checked against their SHA-256; then stopped.
#   The data directories are deleted at the end (BENCH_KEEP=1 keeps them; they are under BENCH_WORK).
#
# Settings (environment): BENCH_RESUMES (10000; at most ~46,000, the unique name pairs), BENCH_ORGS (2),
# BENCH_CLIENTS (4), BENCH_RATE (18 uploads/s), BENCH_WORK (a new directory under /tmp), BENCH_KEEP (0),
# BENCH_DATA (../shared/data).
# Needs: JDK 25 (JAVA_HOME or /usr/lib/jvm/temurin-25-jdk-amd64), python3, unzip, bc; the launcher jar built
# (launcher/target/openhire-launcher.jar: `./openhire build`); ports 8000-8193 free. Runs the jar as it is
# (OPENHIRE_BUILD=never) without the start-up cache (OPENHIRE_STARTUP_CACHE=off), so starts are cold-ish.
# Takes ~20 min at 10,000 resumes on 2 cores (15 of them uploading and parsing); results: bench/README.md.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
N=${BENCH_RESUMES:-10000}
ORGS=${BENCH_ORGS:-2}
CLIENTS=${BENCH_CLIENTS:-4}
RATE=${BENCH_RATE:-18}
KEEP=${BENCH_KEEP:-0}
SHARED=${BENCH_DATA:-$ROOT/../shared/data}
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
export PATH=$JAVA_HOME/bin:$PATH
export OPENHIRE_BUILD=never OPENHIRE_STARTUP_CACHE=off
JAR=launcher/target/openhire-launcher.jar

[ -f "$JAR" ] || { echo "No $JAR: build it first (./openhire build)." >&2; exit 1; }
[ -d "$SHARED/resumes/annotated-xml" ] && [ -d "$SHARED/resumes/pdf" ] \
  || { echo "No resumes at $SHARED/resumes (BENCH_DATA=DIR)." >&2; exit 1; }

# Only one platform at a time (fixed ports): wait for another one to finish rather than touch it.
waited=0
while pgrep -f 'java.*openhire-launcher' >/dev/null; do
  [ "$waited" = 0 ] && echo "Another OpenHire launcher is running ($(pgrep -f 'java.*openhire-launcher' | tr '\n' ' '));" \
    "waiting for it to exit (up to 1 h)..."
  waited=$((waited + 10))
  [ "$waited" -gt 3600 ] && { echo "It is still running after an hour: giving up." >&2; exit 1; }
  sleep 10
done

WORK=${BENCH_WORK:-$(mktemp -d /tmp/openhire-backup-bench.XXXXXX)}
mkdir -p "$WORK"
# Room for the documents, two data directories and the backup: measured ~0.3 MB per resume + ~1 GB; ask for more.
need_kb=$(( N * 500 + 4 * 1024 * 1024 ))
avail_kb=$(df --output=avail -k "$WORK" | tail -1)
if [ "$avail_kb" -lt "$need_kb" ]; then
  echo "Only $((avail_kb / 1024)) MB free under $WORK; $N resumes want ~$((need_kb / 1024)) MB: lower BENCH_RESUMES." >&2
  exit 1
fi
DATA_A=$WORK/data
DATA_B=$WORK/restored
LOG_A=$WORK/console.log
LOG_B=$WORK/console-restored.log
PID=

stop_platform() { # SIGTERM (Ctrl-C) to the launcher this script started; prints the seconds it took
  local pid=$1 t0=$EPOCHREALTIME
  kill -TERM "$pid" 2>/dev/null || true
  while kill -0 "$pid" 2>/dev/null; do sleep 0.2; done
  wait "$pid" 2>/dev/null || true
  bc <<< "scale=1; ($EPOCHREALTIME - $t0) / 1"
}
cleanup() {
  if [ -n "$PID" ] && kill -0 "$PID" 2>/dev/null; then
    echo "Stopping the platform this script started (pid $PID)..."
    stop_platform "$PID" >/dev/null
  fi
  if [ "$KEEP" = 1 ]; then
    echo "Kept: $WORK"
  else
    rm -rf "$WORK"
  fi
}
trap cleanup EXIT

since() { bc <<< "scale=1; ($EPOCHREALTIME - $1) / 1"; }
cpu_of() { awk '{print $14 + $15}' "/proc/$1/stat" 2>/dev/null || echo 0; } # jiffies
cpu_all() { awk '/^cpu / {print $2 + $3 + $4 + $7 + $8}' /proc/stat; }        # jiffies, every process
HZ=$(getconf CLK_TCK)
pg_cpu() { # jiffies of the platform's PostgreSQL (postmaster, its children, the children it reaped) on data dir $1
  local pm
  pm=$(pgrep -f "postgres.*-D $1/postgres" | head -1)
  [ -n "$pm" ] || { echo 0; return; }
  { awk '{print $14 + $15 + $16 + $17}' "/proc/$pm/stat"
    for c in $(pgrep -P "$pm"); do awk '{print $14 + $15 + $16 + $17}' "/proc/$c/stat" 2>/dev/null || true; done
  } | awk '{s += $1} END {print s + 0}'
}

start_platform() { # DATA LOG: starts, waits for "OpenHire is running", sets PID and STARTED (seconds)
  local data=$1 log=$2 t0=$EPOCHREALTIME
  : > "$log"
  ./openhire start --data-dir="$data" > "$log" 2>&1 &
  PID=$!
  until grep -q 'OpenHire is running\|did not start' "$log"; do
    kill -0 "$PID" 2>/dev/null || { echo "The launcher exited:" >&2; cat "$log" >&2; PID=; exit 1; }
    sleep 0.2
  done
  STARTED=$(since "$t0")
  grep -q 'OpenHire is running' "$log" || { cat "$log" >&2; exit 1; }
  # ./openhire execs java: the pid is the launcher JVM's
  pgrep -f "openhire-launcher.jar start --data-dir=$data" | grep -qx "$PID" \
    || { echo "pid $PID is not the launcher JVM" >&2; exit 1; }
}

wait_idle() { # until the launcher used < 30 % of a core over 10 s (idle, it uses 15-20 %: pollers, Kafka, JIT);
  local t0=$EPOCHREALTIME c0 c1 pct # prints the seconds waited (at most 30 min), the % per 10 s on stderr
  printf '  launcher CPU per 10 s (%% of a core):' >&2
  while :; do
    c0=$(cpu_of "$PID"); sleep 10; c1=$(cpu_of "$PID")
    pct=$(( (c1 - c0) * 100 / HZ / 10 ))
    printf ' %d' "$pct" >&2
    [ "$pct" -lt 30 ] && break
    [ "$(bc <<< "$EPOCHREALTIME - $t0 > 1800")" = 1 ] && { printf ' (not idle after 30 min)' >&2; break; }
  done
  echo >&2
  since "$t0"
}

# ---------------------------------------------------------------------------------------------------- helpers
cat > "$WORK/bench.py" <<'PY'
import hashlib, html, json, os, random, re, sys, threading, time, urllib.error, urllib.request, uuid

API = "http://localhost:8080"


def call(method, path, body=None, token=None, content_type="application/json", raw=False):
    data = body if isinstance(body, (bytes, type(None))) else json.dumps(body).encode()
    req = urllib.request.Request(API + path, data=data, method=method)
    if data is not None:
        req.add_header("Content-Type", content_type)
    if token:
        req.add_header("Authorization", "Bearer " + token)
    try:
        with urllib.request.urlopen(req, timeout=120) as r:
            payload = r.read()
            return r.status, (payload if raw else json.loads(payload or b"null")), r.headers
    except urllib.error.HTTPError as e:
        return e.code, e.read(), e.headers


def login(email, password):
    for _ in range(10):
        status, answer, headers = call("POST", "/api/v1/users/login", {"email": email, "password": password})
        if status == 200:
            return answer["access_token"]
        if status == 429:
            time.sleep(int(headers.get("Retry-After", "5")))
            continue
        raise SystemExit(f"login {email}: {status} {answer[:300]!r}")
    raise SystemExit(f"login {email}: still rate-limited")


def prepare(shared, out, n):
    """N documents: even numbers text (annotated resumes), odd numbers PDFs (stamp.tsv for Stamp.java)."""
    xml_dir = os.path.join(shared, "resumes", "annotated-xml", "545_cvs_train_v2")
    texts = [open(os.path.join(xml_dir, f), encoding="utf-8").read()
             for f in sorted(os.listdir(xml_dir), key=lambda f: int(re.sub(r"\D", "", f) or 0)) if f.endswith(".xml")]
    pdf_root = os.path.join(shared, "resumes", "pdf")
    pdfs = sorted(os.path.join(d, f) for d, _, fs in os.walk(pdf_root) for f in fs if f.lower().endswith(".pdf"))
    names = [re.sub(r"<[^>]+>", "", m).strip() for t in texts for m in re.findall(r'<label type="Name">(.*?)</label>', t, re.S)]
    parts = [n.split() for n in names if re.fullmatch(r"[A-Za-z .'-]+", n) and len(n.split()) >= 2]
    firsts = sorted({p[0] for p in parts}); lasts = sorted({p[-1] for p in parts})
    rng = random.Random(42)
    pairs = [(f, l) for f in firsts for l in lasts]
    rng.shuffle(pairs)
    assert len(pairs) >= n, f"only {len(pairs)} name pairs"
    os.makedirs(out, exist_ok=True)
    stamps = []
    for i in range(n):
        first, last = pairs[i]
        name, email = f"{first} {last}", f"{first}.{last}.{i}@example.test".lower().replace("'", "")
        if i % 2 == 0:
            t = texts[(i // 2) % len(texts)]
            t = re.sub(r'<label type="Name">.*?</label>', name, t, count=1, flags=re.S)
            t = re.sub(r'<label type="Email Address">.*?</label>', email, t, flags=re.S)
            t = html.unescape(re.sub(r"<[^>]+>", "", t)).strip()
            if email not in t:
                t = f"{t}\n\nEmail: {email}"
            if name not in t:
                t = f"{name}\n{t}"
            with open(os.path.join(out, f"{i:05d}.txt"), "w", encoding="utf-8") as f:
                f.write(t + "\n")
        else:
            stamps.append(f"{pdfs[(i // 2) % len(pdfs)]}\t{os.path.join(out, f'{i:05d}.pdf')}\t{name} - {email}")
    with open(os.path.join(out, "..", "stamp.tsv"), "w") as f:
        f.write("\n".join(stamps) + "\n")
    print(f"{n} documents: {n - len(stamps)} text from {len(texts)} annotated resumes, {len(stamps)} PDFs from {len(pdfs)}")


def upload(docs, orgs, clients, rate, out):
    run = uuid.uuid4().hex[:6]
    users = []
    for k in range(orgs):
        email, password = f"backup-bench-{run}-{k}@example.test", "seven quiet harbours at dawn"
        status, answer, _ = call("POST", "/api/v1/users/register",
                                 {"organization": f"Backup Bench {run} {k}", "name": f"Bea Bench{k}",
                                  "email": email, "password": password})
        assert status in (200, 201, 202), (status, answer)
        users.append({"email": email, "password": password, "token": login(email, password), "at": time.time()})
    files = sorted(f for f in os.listdir(docs) if f.endswith((".txt", ".pdf")))
    lock = threading.Lock()
    state = {"next": 0, "slot": time.time(), "429": 0, "retries": 0, "created": 0, "duplicates": 0, "bytes": 0}
    per_org = [0] * orgs

    def token(k):
        with lock:
            user = users[k]
            if time.time() - user["at"] > 600:  # access tokens live 15 min
                user["token"], user["at"] = login(user["email"], user["password"]), time.time()
            return user["token"]

    def worker():
        while True:
            with lock:
                i = state["next"]
                if i >= len(files):
                    return
                state["next"] += 1
                wait = state["slot"] - time.time()  # one upload every 1/rate s in all
                state["slot"] = max(state["slot"], time.time()) + 1.0 / rate
            if wait > 0:
                time.sleep(wait)
            name = files[i]
            k = i % orgs
            data = open(os.path.join(docs, name), "rb").read()
            boundary = uuid.uuid4().hex
            media = "application/pdf" if name.endswith(".pdf") else "text/plain"
            body = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"cv-{name}\"\r\n"
                    f"Content-Type: {media}\r\n\r\n").encode() + data + f"\r\n--{boundary}--\r\n".encode()
            for attempt in range(30):
                try:
                    status, answer, headers = call("POST", "/api/v1/resumes/upload", body, token(k),
                                                   "multipart/form-data; boundary=" + boundary)
                except OSError as e:
                    status, answer, headers = 0, str(e), {}
                if status in (200, 202):
                    break
                with lock:
                    state["429" if status == 429 else "retries"] += 1
                if status == 401:
                    with lock:
                        users[k]["at"] = 0
                time.sleep(int(headers.get("Retry-After", "1")) if status == 429 else 1)
            else:
                raise SystemExit(f"upload {name}: {status} {answer!r:.300}")
            with lock:
                state["created" if status == 202 else "duplicates"] += 1
                state["bytes"] += len(data)
                per_org[k] += 1
                done = state["created"] + state["duplicates"]
            if done % 1000 == 0:
                print(f"  {done} uploaded ({time.time() - t0:.0f} s)", flush=True)

    t0 = time.time()
    threads = [threading.Thread(target=worker) for _ in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    accepted = time.time() - t0
    last_print = 0
    while True:
        counts = [org_counts(u, token(k)) for k, u in enumerate(users)]
        finished = sum(c["PARSED"] + c["FAILED"] + c["NEEDS_OCR"] for c in counts)
        if finished >= sum(per_org):
            break
        if time.time() - last_print > 60:
            print(f"  {finished} of {sum(per_org)} processed ({time.time() - t0:.0f} s)", flush=True)
            last_print = time.time()
        time.sleep(2)
    processed = time.time() - t0
    # 20 originals to check after the restore: (org, id, sha256)
    samples = []
    rng = random.Random(7)
    for k, u in enumerate(users):
        status, page, _ = call("GET", f"/api/v1/resumes?size=100&page={rng.randrange(max(1, per_org[k] // 100))}",
                               token=token(k))
        samples += [{"org": k, "id": r["id"], "sha256": r["sha256"]} for r in rng.sample(page["items"], min(10, len(page["items"])))]
    result = {"uploaded": sum(per_org), "created": state["created"], "duplicates": state["duplicates"],
              "upload_bytes": state["bytes"], "rate_limited": state["429"], "retried": state["retries"],
              "accepted_s": round(accepted, 1), "processed_s": round(processed, 1), "counts": counts,
              "users": [{"email": u["email"], "password": u["password"]} for u in users], "samples": samples}
    json.dump(result, open(out, "w"), indent=1)
    print(f"  {result['uploaded']} uploads accepted in {accepted:.1f} s ({result['uploaded'] / accepted:.1f}/s; "
          f"{state['429']} answered 429, {state['retries']} other retries), all processed after {processed:.1f} s")


def org_counts(user, token):
    counts = {}
    for status in ("", "PARSED", "FAILED", "NEEDS_OCR"):
        code, page, _ = call("GET", "/api/v1/resumes?size=1" + (f"&status={status}" if status else ""), token=token)
        assert code == 200, (code, page)
        counts[status or "ALL"] = page["total"]
    return counts


def backup(admin_email, admin_password, out):
    token = login(admin_email, admin_password)
    t0 = time.time()
    status, started, _ = call("POST", "/api/v1/backups", {}, token)
    assert status == 202, (status, started)
    name = started["name"]
    while True:
        status, listed, _ = call("GET", "/api/v1/backups", token=token)
        assert status == 200, (status, listed)
        mine = [b for b in listed if b["name"] == name]
        if mine and mine[0]["status"] != "running":
            break
        if not mine and time.time() - t0 > 5:
            raise SystemExit(f"backup {name} vanished (failed? see the log)")
        time.sleep(0.5)
    wall = time.time() - t0
    info = dict(mine[0], wall_s=round(wall, 1))
    json.dump(info, open(out, "w"), indent=1)
    assert info["status"] == "complete", info


def verify(expected_file, out):
    expected = json.load(open(expected_file))
    counts, ok = [], True
    tokens = [login(u["email"], u["password"]) for u in expected["users"]]
    for k, u in enumerate(expected["users"]):
        counts.append(org_counts(u, tokens[k]))
    ok = counts == expected["counts_before_backup"]
    checked = 0
    for s in expected["samples"]:
        status, data, _ = call("GET", f"/api/v1/resumes/{s['id']}/original", token=tokens[s["org"]], raw=True)
        if status != 200 or hashlib.sha256(data).hexdigest() != s["sha256"]:
            ok = False
            print(f"  original of {s['id']}: {status}, not the bytes uploaded")
        else:
            checked += 1
    json.dump({"counts": counts, "originals_checked": checked, "ok": ok}, open(out, "w"), indent=1)
    print(f"  counts after the restore {counts}; before the backup {expected['counts_before_backup']}; "
          f"{checked} of {len(expected['samples'])} originals identical")
    if not ok:
        raise SystemExit("the restored platform does not hold what was backed up")


def recount(expected_file):
    expected = json.load(open(expected_file))
    expected["counts_before_backup"] = [org_counts(u, login(u["email"], u["password"])) for u in expected["users"]]
    json.dump(expected, open(expected_file, "w"), indent=1)


if __name__ == "__main__":
    command, args = sys.argv[1], sys.argv[2:]
    if command == "prepare":
        prepare(args[0], args[1], int(args[2]))
    elif command == "upload":
        upload(args[0], int(args[1]), int(args[2]), float(args[3]), args[4])
    elif command == "backup":
        backup(args[0], args[1], args[2])
    elif command == "recount":
        recount(args[0])
    elif command == "verify":
        verify(args[0], args[1])
PY

cat > "$WORK/Stamp.java" <<'JAVA'
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/** Each line of the TSV: source PDF, target, a line of text to put at the top of page 1. */
public class Stamp {
    public static void main(String[] args) throws Exception {
        Map<String, byte[]> sources = new HashMap<>();
        for (String line : Files.readAllLines(Path.of(args[0]))) {
            if (line.isBlank()) continue;
            String[] f = line.split("\t");
            byte[] source = sources.computeIfAbsent(f[0], p -> {
                try { return Files.readAllBytes(Path.of(p)); } catch (Exception e) { throw new RuntimeException(e); }
            });
            try (PDDocument doc = Loader.loadPDF(source)) {
                PDPage page = doc.getPage(0);
                try (PDPageContentStream text =
                        new PDPageContentStream(doc, page, PDPageContentStream.AppendMode.APPEND, true, true)) {
                    text.beginText();
                    text.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD), 10);
                    text.newLineAtOffset(36, page.getMediaBox().getHeight() - 24);
                    text.showText(f[2]);
                    text.endText();
                }
                doc.save(f[1]);
            }
        }
    }
}
JAVA

# ------------------------------------------------------------------------------------------------ 1. documents
echo "== $N resumes (work directory $WORK; $(date -u '+%F %H:%M') UTC, load average $(cut -d' ' -f1-3 /proc/loadavg))"
python3 "$WORK/bench.py" prepare "$SHARED" "$WORK/docs" "$N"
mkdir -p "$WORK/pdfbox"
unzip -q -j -o "$JAR" 'BOOT-INF/lib/pdfbox-[0-9]*' 'BOOT-INF/lib/pdfbox-io-*' 'BOOT-INF/lib/fontbox-*' \
  'BOOT-INF/lib/commons-logging-*' -d "$WORK/pdfbox"
t=$EPOCHREALTIME
java -cp "$WORK/pdfbox/*" "$WORK/Stamp.java" "$WORK/stamp.tsv" 2> >(grep -v 'WARN\|^\s*$' >&2 || true)
echo "  PDFs stamped in $(since "$t") s; $(du -sm "$WORK/docs" | cut -f1) MB of documents"

# ------------------------------------------------------------------------------------------- 2. first start
echo "== Start on a fresh data directory"
start_platform "$DATA_A" "$LOG_A"
START_A=$STARTED
read -r ADMIN_EMAIL ADMIN_PASSWORD < <(grep 'Demo admin' "$LOG_A" | awk '{print $3" "$5}')
echo "  running after $START_A s"

# ---------------------------------------------------------------------------------------------- 3. uploads
echo "== Upload: $N resumes, $ORGS organisations, $CLIENTS clients, at most $RATE/s"
echo "  (PostgreSQL: $(pgrep -f "postgres.*-D $DATA_A/postgres" | head -1 || echo 'not found'))"
all0=$(cpu_all); own0=$(cpu_of "$PID"); pg0=$(pg_cpu "$DATA_A")
python3 "$WORK/bench.py" upload "$WORK/docs" "$ORGS" "$CLIENTS" "$RATE" "$WORK/uploaded.json"
own=$(( $(cpu_of "$PID") - own0 )); pg=$(( $(pg_cpu "$DATA_A") - pg0 ))
INGEST_CPU="launcher $((own / HZ)) s, its PostgreSQL $((pg / HZ)) s, other processes $(( ($(cpu_all) - all0 - own - pg) / HZ )) s"
echo "  waiting for the platform to be idle (embeddings, matching index, ...)"
IDLE_AFTER=$(wait_idle)
echo "  idle after another $IDLE_AFTER s"
python3 "$WORK/bench.py" recount "$WORK/uploaded.json"
RSS_A=$(awk '/VmRSS/ {printf "%d", $2 / 1024}' "/proc/$PID/status")
DATA_A_MB=$(du -sm --exclude=backups "$DATA_A" | cut -f1)
PG_A_MB=$(du -sm "$DATA_A"/postgres* 2>/dev/null | awk '{s += $1} END {print s + 0}')
OBJ_A_MB=$(du -sm "$DATA_A"/objects 2>/dev/null | awk '{print $1 + 0}')

# ---------------------------------------------------------------------------------------------- 4. backup
echo "== Backup"
lines=$(wc -l < "$DATA_A/logs/openhire.log")
all0=$(cpu_all); own0=$(cpu_of "$PID"); pg0=$(pg_cpu "$DATA_A")
python3 "$WORK/bench.py" backup "$ADMIN_EMAIL" "$ADMIN_PASSWORD" "$WORK/backup.json"
own=$(( $(cpu_of "$PID") - own0 )); pg=$(( $(pg_cpu "$DATA_A") - pg0 ))
BACKUP_CPU="launcher $(bc <<< "scale=1; $own / $HZ") s, its PostgreSQL $(bc <<< "scale=1; $pg / $HZ") s, other processes $(bc <<< "scale=1; ($(cpu_all) - $all0 - $own - $pg) / $HZ") s"
BACKUP_NAME=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["name"])' "$WORK/backup.json")
BACKUP=$DATA_A/backups/$BACKUP_NAME
WRITTEN=$(tail -n +"$((lines + 1))" "$DATA_A/logs/openhire.log" | grep -o "Backup $BACKUP_NAME written in [^\"]*" | head -1)
echo "  $WRITTEN"
echo "  (CPU during the backup: $BACKUP_CPU)"

# ---------------------------------------------------------------------------------------------- 5. restore
echo "== Stop, restore into a new directory"
STOP_A=$(stop_platform "$PID"); PID=
t=$EPOCHREALTIME; all0=$(cpu_all)
./openhire restore "$BACKUP" --data-dir="$DATA_B" | tee "$WORK/restore.log"
RESTORE_WALL=$(since "$t")
RESTORE_CPU=$(bc <<< "scale=1; ($(cpu_all) - $all0) / $HZ")
RESTORED_IN=$(sed -n 's/^Restored in \([0-9.]* s\).*/\1/p' "$WORK/restore.log")
DATA_B_MB=$(du -sm --exclude=backups "$DATA_B" | cut -f1)

# ------------------------------------------------------------------------------------- 6. restored platform
echo "== Start on the restored directory"
start_platform "$DATA_B" "$LOG_B"
START_B=$STARTED
echo "  running after $START_B s"
python3 "$WORK/bench.py" verify "$WORK/uploaded.json" "$WORK/verified.json"
echo "  waiting for the restored platform to be idle"
IDLE_B=$(wait_idle)
STOP_B=$(stop_platform "$PID"); PID=

# ---------------------------------------------------------------------------------------------- results
python3 - "$WORK" "$BACKUP" <<PY
import collections, json, os, sys, zipfile
w = sys.argv[1]
kinds, services = collections.Counter(), collections.Counter()
for e in zipfile.ZipFile(sys.argv[2]).infolist():
    parts = e.filename.split("/")
    if parts[0] == "db":
        kinds["tables"] += e.compress_size; services[parts[1]] += e.compress_size
    elif parts[0] == "objects":
        kinds["objects: " + parts[2]] += e.compress_size
    else:
        kinds[parts[0]] += e.compress_size
up, b, v = (json.load(open(os.path.join(w, f))) for f in ("uploaded.json", "backup.json", "verified.json"))
before = up["counts_before_backup"]
parsed = sum(c["PARSED"] for c in before); failed = sum(c["FAILED"] + c["NEEDS_OCR"] for c in before)
mb = lambda x: f"{x / 1e6:,.1f} MB"
rows = [
    ("resumes uploaded (distinct)", f"{up['uploaded']:,} ({up['created']:,} new, {up['duplicates']} duplicates), {mb(up['upload_bytes'])}; +12 demo"),
    ("first start (fresh, demo data)", "$START_A s"),
    ("uploads accepted", f"{up['accepted_s']} s ({up['uploaded'] / up['accepted_s']:.1f}/s; {up['rate_limited']} × 429, {up['retried']} other retries)"),
    ("all processed", f"{up['processed_s']} s ({parsed:,} PARSED, {failed} FAILED/NEEDS_OCR)"),
    ("… CPU until all processed", "$INGEST_CPU (this client and other sessions)"),
    ("then idle (downstream done)", "+$IDLE_AFTER s"),
    ("data directory before the backup", "$DATA_A_MB MB (PostgreSQL $PG_A_MB MB, objects $OBJ_A_MB MB); launcher RSS $RSS_A MB"),
    ("backup: POST → complete", f"{b['wall_s']} s (log: \"${WRITTEN#Backup $BACKUP_NAME }\")"),
    ("backup: CPU", "$BACKUP_CPU"),
    ("backup file", f"{mb(b['sizeBytes'])}: {b['databases']} databases, {b['rows']:,} rows, {b['objects']:,} objects ({mb(b['objectBytes'])})"),
    ("… of which", ", ".join(f"{k} {mb(v)}" for k, v in kinds.most_common())),
    ("… tables by service", ", ".join(f"{k} {mb(v)}" for k, v in services.most_common(5)) + ", …"),
    ("stop", "$STOP_A s"),
    ("./openhire restore", "$RESTORE_WALL s wall (it says: Restored in $RESTORED_IN); the machine's CPU meanwhile $RESTORE_CPU s (all processes)"),
    ("restored data directory", "$DATA_B_MB MB"),
    ("start on the restored directory", "$START_B s, then idle after +$IDLE_B s; stop $STOP_B s"),
    ("restored content", f"counts {'equal' if v['ok'] else 'DIFFERENT'} ({sum(c['ALL'] for c in v['counts']):,} resumes), {v['originals_checked']} originals byte-identical"),
]
width = max(len(r[0]) for r in rows)
print(f"\n== Results: {up['uploaded']:,} resumes, {os.cpu_count()} cores")
for k, val in rows:
    print(f"| {k.ljust(width)} | {val} |")
PY
