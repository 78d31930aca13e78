"""`openai-funding due [--on DATE] [--json] [PATH]`: the curator's worklist (tranches past due,
reported facts waiting for confirmation, open questions, the oldest records); exit 0 whenever
the package can be read, 2 with a one-line error naming the file when it cannot."""

from __future__ import annotations

import csv
import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from openai_funding import load
from openai_funding.cli import main
from support import DESCRIPTOR

SECTIONS = ("past_due", "unconfirmed", "open_questions", "oldest")
#: The package's "as of" date: the worklist's default day.
AS_OF = load(DESCRIPTOR).as_of
AMAZON = ("2026-02-amazon-1", "2026-02-amazon-2")
NVIDIA = "2026-02-nvidia-1"
FIRST = "2026-02-amazon-1"


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["due", *args])
    out, err = capsys.readouterr()
    return code, out, err


def worklist(capsys: pytest.CaptureFixture[str], *args: str) -> dict[str, list[dict[str, Any]]]:
    code, out, err = run(capsys, *args, "--json")
    assert code == 0, err
    return json.loads(out)


def keys(items: list[dict[str, Any]]) -> list[str]:
    return [item["key"] for item in items]


def append(descriptor: Path, name: str, *rows: dict[str, str]) -> None:
    """Add rows to a table of the copied package (missing cells empty)."""
    path = descriptor.parent / "data" / f"{name}.csv"
    with path.open(encoding="utf-8", newline="") as fh:
        fields = next(csv.reader(fh))
    with path.open("a", encoding="utf-8", newline="") as fh:
        csv.DictWriter(fh, fields, lineterminator="\n").writerows(rows)


def drop(descriptor: Path, name: str, key: str) -> None:
    """Remove the record whose first cell is ``key`` from a table of the copied package."""
    path = descriptor.parent / "data" / f"{name}.csv"
    with path.open(encoding="utf-8", newline="") as fh:
        rows = [r for r in csv.reader(fh) if r[0] != key]
    with path.open("w", encoding="utf-8", newline="") as fh:
        csv.writer(fh, lineterminator="\n").writerows(rows)


def rehash(descriptor: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["hash", str(descriptor)]) == 0
    capsys.readouterr()


def test_real_package_lists_amazon_and_nvidia(capsys: pytest.CaptureFixture[str]) -> None:
    work = worklist(capsys, str(DESCRIPTOR))
    # every tranche is reported paid by the "as of" date: nothing is past due
    assert work["past_due"] == []
    # Nvidia's payment: reported (The Information), waiting for confirmation by Nvidia or OpenAI
    (reported,) = [i for i in work["unconfirmed"] if i["key"] == f"{NVIDIA}-paid"]
    assert reported["section"] == "reported"
    assert f"{NVIDIA} paid $30bn by 2026-10-02, graded reported" in reported["why"]
    assert {"c119", "c120"} <= {look["id"] for look in reported["look_at"]}
    # Amazon's tranches: relayed from its filing, waiting for Amazon's own text (weaker priority)
    relayed = {i["key"]: i for i in work["unconfirmed"] if i["section"] == "relayed"}
    amazon = [k for k in relayed if k.startswith(AMAZON)]
    assert amazon == [
        "2026-02-amazon-1-paid",
        "2026-02-amazon-2-paid-part-1",
        "2026-02-amazon-2-paid-part-2",
    ]
    first = relayed["2026-02-amazon-1-paid"]
    assert "2026-02-amazon-1 paid $15bn by 2026-03-31, graded relayed" in first["why"]
    assert "Amazon" in first["why"]  # whose own text would confirm it
    assert {"c300", "c309"} <= {look["id"] for look in first["look_at"]}
    code, out, _ = run(capsys, str(DESCRIPTOR))
    assert code == 0
    assert (
        "  outcomes 2026-02-amazon-2-paid-part-2: 2026-02-amazon-2 paid $21.3bn by 2026-07-31"
        in out
    )
    assert NVIDIA in out


def test_json_has_the_four_sections(capsys: pytest.CaptureFixture[str]) -> None:
    work = worklist(capsys, str(DESCRIPTOR))
    assert list(work) == list(SECTIONS)
    names = {
        "past_due": {"past-due"},
        "unconfirmed": {"reported", "report", "relayed"},
        "open_questions": {"open-question"},
        "oldest": {"oldest"},
    }
    for section, items in work.items():
        assert items or section == "past_due", section  # nothing is past due on this package
        for item in items:
            assert item["section"] in names[section]
            assert {"resource", "key", "why", "look_at", "on", "status_as_of"} <= set(item)
            assert item["on"] == AS_OF.isoformat()
    # a report nobody answered names its claims and their sources' addresses
    report = next(i for i in work["unconfirmed"] if i["key"] == "amazon-35bn-agi-2026-02-26")
    assert report["look_at"][0]["id"] == "c104"
    assert report["look_at"][0]["url"].startswith("https://")
    # the relayed outcomes come after the reported ones: weaker priority
    sections = [i["section"] for i in work["unconfirmed"]]
    assert sections.index("relayed") > max(i for i, s in enumerate(sections) if s != "relayed")
    assert "2026-02-softbank-2-paid" in keys(work["unconfirmed"])
    assert set(keys(work["open_questions"])) == {
        "amazon-35bn-conditions",
        "nvidia-30bn-replaces-loi",
    }


def test_on_an_earlier_date_changes_what_is_past_due(capsys: pytest.CaptureFixture[str]) -> None:
    now = keys(worklist(capsys, str(DESCRIPTOR))["past_due"])
    assert "2026-02-softbank-3" not in now  # paid on 2026-10-01, recorded as of 2026-12-05
    assert "2026-02-softbank-1" not in now  # reported paid
    # before that payment was recorded, the third tranche (due 2026-10-01) was past due
    november = worklist(capsys, str(DESCRIPTOR), "--on", "2026-11-30")
    third = next(i for i in november["past_due"] if i["key"] == "2026-02-softbank-3")
    assert "due by 2026-10-01; not reported paid (not-known)" in third["why"]
    # as of 2026-11-27 the package knew no payment by Amazon: its first tranche was past due
    assert FIRST in keys(worklist(capsys, str(DESCRIPTOR), "--on", "2026-11-27")["past_due"])
    march = worklist(capsys, str(DESCRIPTOR), "--on", "2026-03-01")
    assert not [k for k in keys(march["past_due"]) if "softbank" in k]
    assert "2026-02-amazon-1" not in keys(march["past_due"])  # due by 2026-03-31
    assert {NVIDIA, "2026-02-amazon-2"} <= set(keys(march["past_due"]))
    # the outcomes recorded after the date are ignored: SoftBank's first payment (recorded as
    # of 2026-07-01) is not known on 2026-04-02, a day after it was due
    april = worklist(capsys, str(DESCRIPTOR), "--on", "2026-04-02")
    first = next(i for i in april["past_due"] if i["key"] == "2026-02-softbank-1")
    assert "due by 2026-04-01; not reported paid (not-known)" in first["why"]
    assert "2026-02-softbank-1-paid" not in keys(april["unconfirmed"])
    assert all(i["on"] == "2026-04-02" for items in april.values() for i in items)


def test_oldest_is_sorted_by_status_as_of(capsys: pytest.CaptureFixture[str]) -> None:
    tables = load(DESCRIPTOR)
    every = sorted(
        stamp.date().isoformat()
        for frame in tables.values()
        if "status_as_of" in frame.columns
        for stamp in frame["status_as_of"].dropna()
    )
    oldest = worklist(capsys, str(DESCRIPTOR))["oldest"]
    dates = [i["status_as_of"] for i in oldest]
    assert dates == every[:10]
    assert len({i["resource"] for i in oldest}) > 1  # across tables
    for item in oldest:
        age = AS_OF - date.fromisoformat(item["status_as_of"])
        assert item["age_days"] == age.days
    three = worklist(capsys, str(DESCRIPTOR), "--oldest", "3")["oldest"]
    assert three == oldest[:3]
    code, out, _ = run(capsys, str(DESCRIPTOR), "--oldest", "3")
    assert code == 0
    section = out.split("4. Oldest status_as_of (3)\n")[1].split("\n\n")[0].splitlines()
    assert [line.split(":")[0].strip() for line in section] == [
        f"{i['resource']} {i['key']}" for i in three
    ]


def test_a_reported_payment_is_listed_with_its_claims(
    package_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    drop(package_copy, "outcomes", "2026-02-amazon-1-paid")  # as if not yet recorded
    payment = "2026-02-amazon-1-test-paid"
    append(
        package_copy,
        "outcomes",
        {
            "outcome_id": payment,
            "commitment_id": FIRST,
            "outcome": "paid",
            "grade": "reported",
            "occurred_on": "2026-11-20",
            "occurred_precision": "day",
            "amount_usd": "15000000000",
            "status_as_of": AS_OF.isoformat(),
            "notes": "A test record.",
        },
    )
    claim = {
        "resource": "outcomes",
        "record_id": payment,
        "source_id": "reuters-fr-2026-02-27",
        "quote": "A test quote.",
        "status": "SECONDARY",
    }
    append(
        package_copy,
        "claims",
        dict(claim, claim_id="c901", field="amount_usd", value="15000000000"),
        dict(claim, claim_id="c902", field="occurred_on", value="2026-11-20"),
    )
    rehash(package_copy, capsys)
    work = worklist(capsys, str(package_copy))
    assert FIRST not in keys(work["past_due"])  # paid in full, as reported
    item = next(i for i in work["unconfirmed"] if i["key"] == payment)
    assert item["section"] == "reported"
    assert item["resource"] == "outcomes"
    assert f"{FIRST} paid $15bn on 2026-11-20, graded reported" in item["why"]
    assert "Amazon" in item["why"]  # whose release would confirm it
    assert [look["id"] for look in item["look_at"]] == ["c901", "c902"]
    url = load(package_copy)["sources"].set_index("source_id").loc["reuters-fr-2026-02-27", "url"]
    assert [look["url"] for look in item["look_at"]] == [url, url]
    assert url.startswith("https://www.boursorama.com/")
    code, out, _ = run(capsys, str(package_copy))
    assert code == 0
    assert f"outcomes {payment}:" in out
    assert "c901 (reuters-fr-2026-02-27), c902 (reuters-fr-2026-02-27)" in out
    # on a day before it was recorded, the payment is not known and not listed
    before = worklist(capsys, str(package_copy), "--on", "2026-12-01")
    assert FIRST in keys(before["past_due"])
    assert payment not in keys(before["unconfirmed"])

    # a later, confirmed record of the same payment settles it
    append(
        package_copy,
        "outcomes",
        {
            "outcome_id": f"{payment}-confirmed",
            "commitment_id": FIRST,
            "outcome": "paid",
            "grade": "confirmed",
            "occurred_on": "2026-11-20",
            "occurred_precision": "day",
            "status_as_of": AS_OF.isoformat(),
        },
    )
    append(
        package_copy,
        "question_updates",
        {
            "update_id": "loi-answered",
            "question_id": "nvidia-30bn-replaces-loi",
            "updated_on": AS_OF.isoformat(),
            "status": "answered",
            "answer": "A test answer.",
        },
    )
    rehash(package_copy, capsys)
    work = worklist(capsys, str(package_copy))
    assert not [i for i in work["unconfirmed"] if FIRST in i["why"]]
    assert keys(work["open_questions"]) == ["amazon-35bn-conditions"]


def test_a_part_paid_tranche_stays_past_due(
    package_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    drop(package_copy, "outcomes", "2026-02-amazon-1-paid")  # as if not yet recorded
    append(
        package_copy,
        "outcomes",
        {
            "outcome_id": "2026-02-amazon-1-part",
            "commitment_id": "2026-02-amazon-1",
            "outcome": "paid",
            "grade": "reported",
            "occurred_on": "2026-03-31",
            "occurred_precision": "day",
            "amount_usd": "5000000000",
            "status_as_of": AS_OF.isoformat(),
        },
    )
    rehash(package_copy, capsys)
    work = worklist(capsys, str(package_copy))
    item = next(i for i in work["past_due"] if i["key"] == "2026-02-amazon-1")
    assert "due by 2026-03-31; part-paid ($5bn reported paid)" in item["why"]
    assert f"latest outcome 2026-02-amazon-1-part (paid, as of {AS_OF})" in item["why"]
    listed = next(i for i in work["unconfirmed"] if i["key"] == "2026-02-amazon-1-part")
    assert listed["look_at"] == []  # no claim on it yet: nothing to point to


@pytest.mark.parametrize("broken", ["missing", "not-json", "missing-csv", "bad-cell"])
def test_unreadable_package_exits_2_naming_the_file(
    broken: str, package_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target, named = package_copy, "datapackage.json"
    if broken == "missing":
        target = package_copy.parent / "nothing" / "datapackage.json"
    elif broken == "not-json":
        package_copy.write_text("{", encoding="utf-8")
    elif broken == "missing-csv":
        (package_copy.parent / "data" / "outcomes.csv").unlink()
        named = "outcomes.csv"
    else:
        path = package_copy.parent / "data" / "outcomes.csv"
        path.write_text(path.read_text(encoding="utf-8").replace(",2026-11-27,", ",27/11/2026,"))
        named = "outcomes.csv"
    code, out, err = run(capsys, str(target))
    assert code == 2
    assert out == ""
    assert err.startswith("openai-funding due: ")
    assert named in err
    assert len(err.strip().splitlines()) == 1
    assert "Traceback" not in err
    assert "internal error" not in err
    code, out, _ = run(capsys, str(target), "--json")
    assert code == 2
    assert named in json.loads(out)["error"]


def test_text_is_stable_and_has_the_headings(capsys: pytest.CaptureFixture[str]) -> None:
    code, first, _ = run(capsys, str(DESCRIPTOR))
    assert code == 0
    _, second, _ = run(capsys, str(DESCRIPTOR))
    assert first == second
    for heading in (
        "1. Schedules past due, outcome not settled (",
        "2. Reported, waiting for confirmation (",
        "3. Open questions (",
        "4. Oldest status_as_of (",
        "Sources cited above",
    ):
        assert f"\n{heading}" in first
    assert first.index("1. Schedules") < first.index("2. Reported") < first.index("3. Open")
