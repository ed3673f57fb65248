"""The command line in Japanese: messages, locations, help and JSON texts follow --lang,
CROSSTEAM_LANG or the workbook's own language; JSON keys and English runs stay as they were."""

from __future__ import annotations

import json
import re
from pathlib import Path

import openpyxl
import pytest
import typer.rich_utils
from command import run
from workbooks import company, put, write_workbook

from crossteam import console, i18n, messages
from crossteam.i18n.catalogue.terminal import HELP
from crossteam.models import PlanningInput, ProgrammeKind
from crossteam.next_round import HistoryRow, append_history
from crossteam.pipeline import PlanOutcome
from crossteam.sweep import Scenario, solve_scenario

ROOT = Path(__file__).resolve().parents[1]
JAPANESE_EXAMPLE = ROOT / "examples" / "company_ja.xlsx"


@pytest.fixture
def broken(tmp_path: Path) -> Path:
    """A workbook with a blank department (Employees!C3) and a level of 9 (Skills!C2)."""
    sheets = company()
    put(sheets, "Employees", 3, "department", None)
    put(sheets, "Skills", 2, "level", 9)
    return write_workbook(tmp_path / "bad.xlsx", sheets)


def _says_in_japanese_where_each_problem_is(err: str) -> None:
    lines = err.splitlines()
    located = [line for line in lines if "Employees!C3 (department)" in line]
    assert located and all(line.startswith("エラー ") for line in located), err
    assert any(line.startswith("エラー Skills!") and "(level)" in line for line in lines), err
    assert re.search(r"^\d+件の問題が見つかりました", err, re.M), err
    assert "計画も書き出しもしていません。" in err
    assert "nothing was planned" not in err and not err.startswith("error ")


def test_validate_with_lang_ja_lists_each_problem_in_japanese_at_its_cell(
    broken: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(capsys, "validate", str(broken), "--lang", "ja")
    assert code == 2
    _says_in_japanese_where_each_problem_is(err)


def test_crossteam_lang_ja_in_the_environment_does_the_same(
    broken: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(i18n.ENVIRONMENT, "ja")
    code, _, err = run(capsys, "validate", str(broken))
    assert code == 2
    _says_in_japanese_where_each_problem_is(err)


def test_lang_en_overrides_the_environment(
    broken: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(i18n.ENVIRONMENT, "ja")
    code, _, err = run(capsys, "validate", str(broken), "--lang", "en")
    assert code == 2
    assert "error Employees!C3 (department)" in err
    assert "found; nothing was planned or written." in err
    assert not i18n.is_japanese(err)


def test_the_japanese_example_validates_in_japanese_by_default(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, _, err = run(capsys, "validate", str(JAPANESE_EXAMPLE))
    assert code == 0
    assert err.strip() == "問題ありません：社員150名、10部署、15チーム、4期間、警告0件。"


def test_lang_en_on_the_japanese_example_speaks_english(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, _, err = run(capsys, "validate", str(JAPANESE_EXAMPLE), "--lang", "en")
    assert code == 0
    assert err.strip() == "Valid: 150 employees, 10 departments, 15 teams, 4 periods, 0 warnings."


def test_json_keys_stay_english_and_the_messages_are_japanese(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = write_workbook(tmp_path / "company.xlsx", company())
    grid = tmp_path / "grid.yaml"
    grid.write_text("vary:\n  no_such_setting: [1, 2]\n", encoding="utf-8")

    code, out, err = run(
        capsys, "sweep", str(source), "--grid", str(grid), "--json", "--lang", "ja"
    )

    assert code == 2
    payload = json.loads(out)
    assert set(payload) == {"valid", "errors", "warnings"}
    (error,) = payload["errors"]
    assert set(error) >= {"sheet", "row", "column", "message"}
    assert error["message"].startswith("「no_such_setting」は設定でも")
    assert "「no_such_setting」は設定でも teams.<team>.<field> でもありません" in err


def test_a_failed_run_prints_its_json_error_in_japanese(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "nowhere.xlsx"
    code, out, _ = run(
        capsys, "plan", str(missing), "--alternatives", "2", "--review", str(missing),
        "--json", "--lang", "ja",
    )  # fmt: skip
    assert code == 2
    payload = json.loads(out)
    assert set(payload) == {"error", "exit_code"}
    assert payload["error"] == "失敗しました"


def _shown_help(out: str) -> str:
    """The help as one line of words: its frame and wrapping taken out."""
    return re.sub(r"[│╭╮╰╯─\s]", "", out)


@pytest.mark.parametrize(
    "args",
    [
        ("plan", "--lang", "ja", "--help"),
        ("plan", "--help", "--lang", "ja"),
        ("plan", "--help", "--lang=ja"),
    ],
)
def test_help_is_japanese_whether_lang_comes_before_or_after_it(
    args: tuple[str, ...], capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(typer.rich_utils, "MAX_WIDTH", 80)
    code, out, _ = run(capsys, *args)
    assert code == 0
    assert "混成チームとローテーション計画を作り、計画ブックを書き出します。" in out
    assert "╭─ オプション" in out and "╭─ 引数" in out
    assert "…" not in out  # folded, never cut short
    assert max(i18n.width(line) for line in out.splitlines()) <= 80
    shown = _shown_help(out)
    for key in ("plan_output", "review", "previous", "no_teams", "json", "help", "lang"):
        assert _shown_help(HELP[f"terminal.help.{key}"].ja) in shown, key


def test_the_commands_are_summed_up_in_the_environments_language(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(i18n.ENVIRONMENT, "ja")
    code, out, _ = run(capsys, "--help")
    assert code == 0
    assert "部門間の断絶をつなぐ混成チームとジョブローテーションを計画します。" in out
    assert "╭─ コマンド" in out
    assert "バージョンを表示して終了します" in out
    shown = _shown_help(out)
    for command in ("validate", "audit", "plan", "sweep", "next_round"):
        assert _shown_help(HELP[f"terminal.help.{command}"].ja) in shown, command

    monkeypatch.delenv(i18n.ENVIRONMENT)
    code, out, _ = run(capsys, "--help")  # the next run speaks English again
    assert "Plan cross-functional teams and job rotations" in out and "╭─ Commands" in out
    assert not i18n.is_japanese(out)


def test_an_unknown_language_is_refused_in_the_language_of_the_run(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(i18n.ENVIRONMENT, "ja")
    code, _, err = run(capsys, "validate", "x.xlsx", "--lang", "fr")
    assert code == 2
    assert "「fr」は使える言語ではありません" in err


def test_a_scenario_is_solved_in_the_language_it_is_given(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A worker process starts in English: the sweep hands each scenario its language."""
    spoken = []

    def plan_company(request: object) -> PlanOutcome:
        spoken.append(i18n.current())
        raise RuntimeError

    monkeypatch.setattr("crossteam.sweep.scenario.plan_company", plan_company)
    instance = PlanningInput.model_construct(settings=None)
    monkeypatch.setattr("crossteam.sweep.scenario.scenario_instance", lambda i, c: i)
    monkeypatch.setattr(
        "crossteam.sweep.scenario.SolveOptions.from_settings", lambda *a, **k: object()
    )
    with pytest.raises(RuntimeError):
        solve_scenario(instance, None, Scenario(0, "基準", {}), language=i18n.Language.JA)  # type: ignore[arg-type]
    assert spoken == [i18n.Language.JA]
    assert i18n.current() is i18n.Language.EN


def test_next_round_adds_a_japanese_history_sheet_to_a_japanese_run() -> None:
    book = openpyxl.Workbook()
    row = HistoryRow("E001", "第1回", ProgrammeKind.TEAM, "顧客の声")
    with i18n.using(i18n.Language.JA):
        append_history(book, [row])
    sheet = book["履歴"]
    assert [c.value for c in sheet[1]] == ["社員ID", "期間", "種別", "対象"]
    assert [c.value for c in sheet[2]] == ["E001", "第1回", "team", "顧客の声"]


def test_the_cores_note_and_the_stop_line_are_japanese(
    capsys: pytest.CaptureFixture[str],
) -> None:
    with i18n.using(i18n.Language.JA):
        used, capped = console.within_cores(10_000, "--processes")
        lines = messages.cut_cells_line([f"チーム!A{n}" for n in range(2, 9)], 32_767, "…")
    assert capped == (
        f"--processes の 10,000 は、ここで crossteam が使えるコア数（{used}）を超えています。"
        f"{used} を使います"
    )
    assert "注意 --processes の 10,000" in capsys.readouterr().err
    assert lines == (
        "[yellow]警告[/yellow] 7セルが Excel の上限 32,767 文字を超えたため、末尾を … にして"
        "切り詰めました：チーム!A2、チーム!A3、チーム!A4、チーム!A5、チーム!A6 ほか2件"
    )
