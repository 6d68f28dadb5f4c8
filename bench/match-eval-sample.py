#!/usr/bin/env python3
"""Builds a labelled matching set from ../shared/data (nothing is copied into the repository):

  resumes/  the 310 annotated resumes of dotin-inc/resume-dataset-NER-annotations as plain text (labels removed)
  jobs/     21 real Glassdoor postings (ds_salary_proj) from six title families, as OpenHire postings (.json)
  qrels.tsv job <TAB> resume <TAB> grade

Grades are a proxy, not human judgments: a resume's family is that of its first annotated job title
(Designation), a job's that of its title. Grade 2 = same family (a data scientist for a data scientist
posting), 1 = a neighbouring family (a software engineer for a data engineer posting), else 0 (not
listed). See bench/README.md for what that does and does not measure.

Usage: bench/match-eval-sample.py OUT_DIR [SHARED_DATA=../shared/data]
"""
import csv
import json
import pathlib
import re
import sys

FAMILIES = [  # first match wins
    ("ml", r"machine learning|\bml\b|deep learning"),
    ("data-science", r"data scien|research scientist"),
    ("data-engineering", r"data engineer|etl|big data|bi developer|data warehouse"),
    ("data-analysis", r"data analy|business intelligence|analytics|business analyst|\bbi\b"),
    ("project", r"project manag|program manag|scrum|project lead|delivery manager"),
    ("software", r"software|developer|programmer|engineer|java|php|\.net|web|full ?stack|front ?end|back ?end|sde"),
    ("teaching", r"teacher|lecturer|tutor|instructor|professor|principal"),
]
NEIGHBOURS = {
    "ml": {"data-science", "data-engineering", "software"},
    "data-science": {"ml", "data-analysis", "data-engineering"},
    "data-engineering": {"software", "data-science", "ml"},
    "data-analysis": {"data-science", "data-engineering"},
    "project": {"software"},
    "software": {"data-engineering", "ml"},
}
JOBS_PER_FAMILY = {"data-science": 4, "data-engineering": 4, "data-analysis": 4, "ml": 3, "software": 4, "project": 2}


def family(title):
    title = title.lower()
    for name, pattern in FAMILIES:
        if re.search(pattern, title):
            return name
    return "other"


def main():
    out = pathlib.Path(sys.argv[1])
    shared = pathlib.Path(sys.argv[2] if len(sys.argv) > 2 else "../shared/data")
    (out / "resumes").mkdir(parents=True, exist_ok=True)
    (out / "jobs").mkdir(parents=True, exist_ok=True)

    resumes = {}
    for xml in sorted((shared / "resumes/annotated-xml/545_cvs_train_v2").glob("*.xml")):
        text = xml.read_text(encoding="utf-8", errors="replace")
        first = re.search(r'<label type="Designation">([^<]*)', text)
        plain = re.sub(r"</?label[^>]*>", "", text)
        plain = re.sub(r"<\?xml[^>]*>|</?cv>", "", plain).strip()
        stem = "resume-" + xml.stem
        (out / "resumes" / (stem + ".txt")).write_text(plain + "\n", encoding="utf-8")
        resumes[stem] = family(first.group(1)) if first else "other"

    rows = list(csv.DictReader(open(shared / "jobs/glassdoor/glassdoor_jobs.csv", encoding="utf-8", errors="replace")))
    chosen, seen_titles = [], set()
    for fam, wanted in JOBS_PER_FAMILY.items():
        taken = 0
        for i, row in enumerate(rows):
            title = row["Job Title"].strip()
            key = (title.lower(), row["Company Name"].split("\n")[0])
            if taken < wanted and family(title) == fam and key not in seen_titles and len(row["Job Description"]) > 400:
                seen_titles.add(key)
                chosen.append((f"job-{i}", fam, row))
                taken += 1
    for stem, fam, row in chosen:
        posting = {
            "id": stem,
            "title": row["Job Title"].strip(),
            "employer": row["Company Name"].split("\n")[0].strip(),
            "description": row["Job Description"],
            "location": row["Location"],
        }
        (out / "jobs" / (stem + ".json")).write_text(json.dumps(posting, indent=1), encoding="utf-8")

    with open(out / "qrels.tsv", "w", encoding="utf-8") as qrels:
        qrels.write("query_id\tdoc_id\tgrade\n")
        for stem, fam, _ in chosen:
            for resume, resume_family in resumes.items():
                grade = 2 if resume_family == fam else 1 if resume_family in NEIGHBOURS.get(fam, ()) else 0
                if grade:
                    qrels.write(f"{stem}\t{resume}\t{grade}\n")
    counts = {}
    for f in resumes.values():
        counts[f] = counts.get(f, 0) + 1
    print(f"{len(resumes)} resumes {counts}; {len(chosen)} jobs; qrels in {out / 'qrels.tsv'}")


if __name__ == "__main__":
    main()
