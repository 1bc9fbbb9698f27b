"""Deliberately broken returns, for checking that Kinfolk's validators and the sector's agree.

    python broken_returns.py write DIR     writes one broken file (CIN) or folder (SSDA903) per
                                           rule case of the rule tests, and DIR/expected.tsv
    python broken_returns.py compare DIR   reads DIR/ecosystem.tsv (from ``ecosystem.py batch``)
                                           and reports, for each case, whether the sector's
                                           validator also finds the rule the file breaks

Each file is the valid baseline of the rule tests with the one change that breaks its rule
(``kinfolk/returns/tests/test_cin_rules.py`` and ``test_ssda903_rules.py``). ``compare``
exits 1 if a rule of ``AGREED`` is not found by both: those are the rules on which the two
validators are known to agree, so a change that makes them part is caught.
"""

import csv
import os
import sys
from pathlib import Path

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kinfolk.settings")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def write(folder: Path) -> None:
    import django

    django.setup()
    from kinfolk.returns.cin.rules import validate_cin_census
    from kinfolk.returns.ssda903.rules import validate_ssda903
    from kinfolk.returns.ssda903.tables import write_tables
    from kinfolk.returns.tests import cin_xml, ssda903_tables
    from kinfolk.returns.tests import test_cin_rules as cin_cases
    from kinfolk.returns.tests import test_ssda903_rules as lac_cases

    folder.mkdir(parents=True, exist_ok=True)
    rows = []
    for param in cin_cases.CASES:
        case = param.values[0]
        xml = cin_xml.build(case.fail)
        path = folder / f"cin-{case.code}.xml"
        path.write_bytes(xml)
        ours = {f.rule for f in validate_cin_census(xml)}
        rows.append(("cin", path.name, case.code, case.code in ours))
    for case in lac_cases.CASES:
        if case.previous:
            continue  # the sector's validator is run on this year's files only
        tables, last_year = ssda903_tables.baseline(), ssda903_tables.previous()
        for change in case.breaks:
            change(tables, last_year)
        path = folder / f"903-{case.code}"
        write_tables(tables, path)
        ours = {f.rule for f in validate_ssda903(tables, year=lac_cases.YEAR)}
        rows.append(("903", path.name, case.code, case.code in ours))
    with open(folder / "expected.tsv", "w", newline="") as out:
        csv.writer(out, delimiter="\t").writerows(rows)
    print(f"Wrote {len(rows)} broken returns to {folder}")


def compare(folder: Path) -> int:
    found: dict[str, set[str]] = {}
    with open(folder / "ecosystem.tsv", newline="") as report:
        for name, codes in csv.reader(report, delimiter="\t"):
            found[name] = set(codes.split()) if codes else set()
    both = theirs_missing = ours_missing = 0
    failures = []
    with open(folder / "expected.tsv", newline="") as expected:
        for kind, name, code, ours in csv.reader(expected, delimiter="\t"):
            theirs = code in found.get(name, set())
            mine = ours == "True"
            both += mine and theirs
            theirs_missing += mine and not theirs
            ours_missing += theirs and not mine
            if code in AGREED.get(kind, set()) and not (mine and theirs):
                failures.append(f"{kind} {code}: Kinfolk {mine}, sector {theirs}")
    print(
        f"{both} broken files found by both validators; {theirs_missing} only by Kinfolk; "
        f"{ours_missing} only by the sector's validator"
    )
    for failure in failures:
        print(f"disagreement on an agreed rule: {failure}")
    return 1 if failures else 0


#: The rules on which both validators find the deliberately broken file (measured when this
#: check was written; a rule leaves this list only with a reason).
AGREED: dict[str, set[str]] = {
    "cin": {
        "100",
        "1103",
        "1104",
        "1105",
        "1510",
        "1520",
        "1530",
        "1540",
        "1550",
        "1560Q",
        "1570",
        "1580",
        "2883",
        "2884",
        "2885",
        "2886Q",
        "2887Q",
        "2888Q",
        "2889",
        "2990",
        "2991Q",
        "4000",
        "4001",
        "4003",
        "4004",
        "4008",
        "4009Q",
        "4010",
        "4011",
        "4012Q",
        "4013",
        "4014",
        "4015",
        "4016",
        "4017",
        "4180",
        "4220",
        "8500",
        "8510",
        "8520",
        "8525Q",
        "8530Q",
        "8535Q",
        "8545Q",
        "8555Q",
        "8568",
        "8569Q",
        "8585Q",
        "8590",
        "8600",
        "8606",
        "8608",
        "8610",
        "8615",
        "8620",
        "8630",
        "8640",
        "8650",
        "8670Q",
        "8675Q",
        "8696",
        "8715",
        "8720",
        "8730",
        "8736",
        "8750",
        "8770Q",
        "8772",
        "8775Q",
        "8790",
        "8794",
        "8805",
        "8810",
        "8815",
        "8816",
        "8820",
        "8825Q",
        "8831",
        "8832",
        "8839",
        "8840",
        "8841",
        "8863Q",
        "8866",
        "8867",
        "8868",
        "8873Q",
        "8875",
        "8890",
        "8896",
        "8897Q",
        "8905",
        "8910",
        "8915",
        "8920",
        "8925",
        "8930",
        "8940",
    },
    "903": {
        "1003",
        "1004",
        "1005",
        "1006",
        "1009",
        "101",
        "1011",
        "1012",
        "103",
        "104",
        "112",
        "113",
        "114",
        "115",
        "116",
        "117",
        "118",
        "119",
        "120",
        "131",
        "132",
        "133",
        "141",
        "142",
        "143",
        "144",
        "145",
        "146",
        "147",
        "148",
        "149",
        "151",
        "153",
        "157",
        "158",
        "159",
        "165",
        "166",
        "167",
        "168",
        "171",
        "174",
        "175",
        "176",
        "177",
        "178",
        "180",
        "181",
        "182",
        "184",
        "185",
        "186",
        "188",
        "189",
        "190",
        "191",
        "192",
        "193",
        "196",
        "197B",
        "197a",
        "198",
        "199",
        "209",
        "213",
        "214",
        "215",
        "217",
        "218",
        "222",
        "225",
        "226",
        "231",
        "232",
        "233",
        "234",
        "242",
        "3001",
        "301",
        "302",
        "304",
        "331",
        "333",
        "334",
        "335",
        "344",
        "345",
        "351",
        "352",
        "353",
        "354",
        "355",
        "356",
        "357",
        "358",
        "361",
        "362",
        "363",
        "364",
        "365",
        "366",
        "367",
        "372",
        "373",
        "374",
        "375",
        "376",
        "377",
        "378",
        "379",
        "380",
        "381",
        "382",
        "383",
        "384",
        "385",
        "386",
        "387",
        "388",
        "389",
        "390",
        "391",
        "392d",
        "393",
        "398",
        "399",
        "407",
        "408",
        "426",
        "431",
        "432",
        "433",
        "434",
        "436",
        "437",
        "440",
        "441",
        "442",
        "444",
        "446",
        "460",
        "501",
        "504",
        "511",
        "514",
        "516",
        "517",
        "518",
        "519",
        "520",
        "521",
        "522",
        "523",
        "524",
        "525",
        "526",
        "527",
        "528",
        "529",
        "530",
        "531",
        "542",
        "543",
        "545",
        "546",
        "547",
        "550",
        "551",
        "552",
        "553",
        "554",
        "563",
        "564",
        "565",
        "566",
        "567",
        "570",
        "571",
        "574",
        "575",
        "577",
        "578",
        "579",
        "581",
        "582",
        "583",
        "586",
        "607",
        "611",
        "612",
        "621",
        "625",
        "628",
        "630",
        "631",
        "632",
        "633",
        "EPI",
        "INT01",
        "INT02",
        "INT03",
        "INT04",
        "INT05",
        "INT06",
        "INT07",
        "INT08",
        "INT09",
        "INT11",
        "INT12",
        "INT13",
        "INT14",
        "INT15",
        "INT16",
        "INT17",
        "INT18",
        "INT21",
        "INT31",
        "INT32",
        "INT33",
        "INT34",
        "INT35",
        "INT36",
        "SW02STG1",
        "SW05STG1",
        "SW06STG2",
        "SW07STG2",
        "SW08STG2",
        "SW09STG2",
        "SW10STG2",
        "SW10aSTG2",
        "SW10bSTG2",
        "SW13STG1",
        "SW17STG2",
        "SW18STG2",
        "SW19STG2",
    },
}


if __name__ == "__main__":
    action, target = sys.argv[1], Path(sys.argv[2])
    if action == "write":
        write(target)
    else:
        sys.exit(compare(target))
