"""The words of the checks area (see the package's docstring): the Checks sheet's rule
names and details, the pre-checks' reasons why no plan can exist, the planner's notes and
its explanations of an infeasible workbook. The Japanese terms follow the glossary
(docs/glossary.ja.md); explanations are written in です・ます."""

from __future__ import annotations

from typing import Final

from crossteam.i18n.entries import Noun, Text

_RULE_NAMES: Final[dict[str, Text]] = {
    # the Checks sheet's rule column (teams)
    "checks.rule.known_employees": Text("known employees", "登録済みの社員"),
    "checks.rule.only_available": Text("only available people", "利用可能な社員のみ"),
    "checks.rule.every_team_formed": Text("every team formed", "全チームの編成"),
    "checks.rule.one_team_each": Text("at most one team per person", "1人1チームまで"),
    "checks.rule.assign_everyone": Text("assign_everyone", "全員配置（assign_everyone）"),
    "checks.rule.team_size": Text("team size", "チーム人数"),
    "checks.rule.team_skills": Text("team skills", "必要スキル"),
    "checks.rule.rule_kind": Text("rule {kind}", "ルール {kind}"),
    "checks.rule.balance": Text("balance {mode} on {attribute}", "バランス {mode}（{attribute}）"),
    "checks.rule.balance_hard": Text(
        "balance {mode} on {attribute} (hard)", "バランス {mode}（{attribute}、必須）"
    ),
    "checks.rule.repeat_teammates": Text("repeat teammates", "同じメンバーとの再編成"),
    "checks.rule.repeat_teammates_forbid": Text(
        "repeat teammates (forbid)", "同じメンバーとの再編成（禁止）"
    ),
    "checks.rule.programmes": Text("programmes per employee", "1人あたりの参加プログラム数"),
    # the Checks sheet's rule column (rotation)
    "checks.rule.rotation_references": Text("rotation references", "ローテーションの参照先"),
    "checks.rule.one_host_per_period": Text("one host per period", "1期間に1受入部門"),
    "checks.rule.rotation_eligibility": Text("rotation eligibility", "ローテーション対象"),
    "checks.rule.never_home": Text("never the home department", "所属部署以外への配属"),
    "checks.rule.hosts_can_host": Text("hosts with can_host", "受入可の部署のみ"),
    "checks.rule.stint_length": Text("stint of {periods}", "ローテーション期間（{periods}）"),
    "checks.rule.never_same_host": Text("never the same host twice", "同じ受入部門は1回まで"),
    "checks.rule.stints_per_employee": Text("stints per employee", "1人あたりのローテーション回数"),
    "checks.rule.host_capacity": Text("host capacity", "受入上限"),
    "checks.rule.critical_skills": Text("critical skills at home", "重要スキルの在籍"),
    "checks.rule.repeat_host": Text("repeat host", "同じ受入部門への再ローテーション"),
}

_CHECK_DETAILS: Final[dict[str, Text]] = {
    # subjects
    "checks.all_teams": Text("all teams", "全チーム"),
    "checks.all_employees": Text("all employees", "全社員"),
    # teams
    "checks.teams_not_planned": Text(
        "not applicable: teams not planned", "対象外: チームは計画していません"
    ),
    "checks.unknown_ids": Text("unknown: {ids}", "未登録: {ids}"),
    "checks.all_known": Text("all on the Employees sheet", "全員が社員シートに登録されています"),
    "checks.unavailable_ids": Text("not available: {ids}", "利用不可: {ids}"),
    "checks.all_available": Text("every member is available", "全メンバーが利用可能です"),
    "checks.teams_missing": Text("missing: {teams}", "未編成: {teams}"),
    "checks.teams_not_on_sheet": Text(
        "not on the Teams sheet: {teams}", "チームシートにないチーム: {teams}"
    ),
    "checks.teams_listed_twice": Text("listed twice: {teams}", "重複: {teams}"),
    "checks.all_teams_formed": Text("all {count} teams formed", "全{count}チームを編成しました"),
    "checks.the_team_formed": Text("the team formed", "チームを編成しました"),
    "checks.in_several_teams": Text("in several teams: {ids}", "複数のチームに所属: {ids}"),
    "checks.nobody_in_two_teams": Text(
        "nobody is in two teams", "複数のチームに所属する人はいません"
    ),
    "checks.in_no_team": Text("in no team: {ids}", "どのチームにも所属していません: {ids}"),
    "checks.everyone_in_a_team": Text(
        "every available person is in a team", "利用可能な全員がチームに所属しています"
    ),
    "checks.team_size": Text(
        "{members} (allowed {low}-{high})", "{members}（許容範囲{low}～{high}名）"
    ),
    "checks.departments_present": Text(
        "{departments} (at least {least})", "{departments}（最低{least}部門）"
    ),
    "checks.over_limit": Text("over {limit}: {detail}", "上限{limit}名を超過: {detail}"),
    "checks.most_per_department": Text("at most {most} per department", "1部署あたり最大{most}名"),
    "checks.skill_holders": Text(
        "{members} with {skill} at level {level} or more (needs {needed})",
        "{skill}（レベル{level}以上）の保有者{members}（必要{needed}名）",
    ),
    "checks.member_in_team": Text("{employee} in {team}", "{employee}: {team}"),
    "checks.no_team": Text("no team", "チームなし"),
    "checks.rule_target": Text("target {target}: {where}", "対象 {target}: {where}"),
    "checks.matches_nobody": Text(
        "not applicable: matches nobody ({why})", "対象外: 該当者がいません（{why}）"
    ),
    "checks.broken_in": Text("broken in {teams}", "違反: {teams}"),
    "checks.holds_in_every_team": Text("holds in every team", "全チームで守られています"),
    "checks.soft_penalty": Text(
        "soft, weight {weight:g}: penalty {penalty:.2f} ({teams} off target)",
        "任意、重み{weight:g}: ペナルティ{penalty:.2f}（目標から外れたチーム: {teams}）",
    ),
    "checks.values_off_target": Text("{values} off target", "目標から外れた値{values}"),
    "checks.values_shared": Text("{values} shared", "重複した値{values}"),
    "checks.nobody_has_a_value": Text(
        "no available employee has a value in {attribute}",
        "{attribute}に値のある利用可能な社員がいません",
    ),
    "checks.nobody_has_the_value": Text(
        "no available employee has {attribute} = {value!r}",
        "{attribute}が「{value}」の利用可能な社員がいません",
    ),
    "checks.value_off_aim": Text(
        "{value} {count} (aim {aim:.1f})", "{value} {count}名（目安{aim:.1f}名）"
    ),
    "checks.shares_no_value": Text(
        "{team}: {members} no value with the rest",
        "{team}: 他のメンバーと共通の値がない人が{members}",
    ),
    "checks.mean_off": Text(
        "{team}: mean {mean:.2f} vs {pool:.2f} (within {within:.2f})",
        "{team}: 平均{mean:.2f}、全体の平均{pool:.2f}（許容差{within:.2f}）",
    ),
    "checks.one_member_with": Text(
        "{team}: one member with {values}", "{team}: 1名しかいない値 {values}"
    ),
    "checks.repeat_teammates_counted": Text(
        "{pairs} of earlier teammates in one team again (repeat_teammates = {policy})",
        "以前のチームメイトが再び同じチームに{pairs}（repeat_teammates = {policy}）",
    ),
    "checks.met_pair": Text("{a} and {b} ({earlier})", "{a}と{b}（{earlier}）"),
    "checks.team_in_period": Text("{team} in {period}", "{period}の{team}"),
    "checks.met_before": Text("met before: {pairs}", "以前に同じチーム: {pairs}"),
    "checks.no_earlier_teammates": Text(
        "no earlier teammates together", "以前のチームメイト同士はいません"
    ),
    # programmes
    "checks.programmes_over": Text("more than {limit}: {ids}", "上限{limit}を超過: {ids}"),
    "checks.programmes_within": Text(
        "nobody above {limit}; {both} with a team and a rotation",
        "上限{limit}を超える人はいません。チームとローテーションの両方に参加: {both}名",
    ),
    # rotation
    "checks.rotation_not_planned": Text(
        "not applicable: rotation not planned", "対象外: ローテーションは計画していません"
    ),
    "checks.with_rules_row": Text("{text} (Rules row {row})", "{text}（ルールシート{row}行目）"),
    "checks.stint_in": Text("{employee} in {host} during {period}", "{employee}: {period}に{host}"),
    "checks.unknown_stints": Text(
        "employee, period, host {items}", "社員・期間・受入部門が不明: {items}"
    ),
    "checks.listed_twice": Text("listed twice in {items}", "重複して記載: {items}"),
    "checks.rotates_to": Text("rotates to {items}", "配属先: {items}"),
    "checks.returns_to": Text("returns to {items}", "再配属先: {items}"),
    "checks.not_available": Text("not available", "利用不可"),
    "checks.not_rotation_eligible": Text("not rotation-eligible", "ローテーション対象外"),
    "checks.has_no_rotation_rule": Text("has a no_rotation rule", "no_rotation ルールあり"),
    "checks.host_for": Text("{host} for {periods}", "{host}に{periods}"),
    "checks.stints_over": Text("{stints}, at most {most}", "{stints}（上限{most}回）"),
    "checks.count_in_period": Text("{count} in {period}", "{period}: {count}名"),
    "checks.respected": Text("respected", "守られています"),
    "checks.host_capacity": Text(
        "at most {capacity} per period; {found}", "1期間あたり最大{capacity}名。{found}"
    ),
    "checks.min_on_site": Text(
        "at least {floor} of {headcount} available at home; {found}",
        "{headcount}名中{floor}名以上が在籍。{found}",
    ),
    "checks.every_holder_away": Text(
        "every holder away in {periods}", "保有者全員が不在: {periods}"
    ),
    "checks.holder_stays_home": Text(
        "a holder stays home in every period", "全期間で保有者が在籍しています"
    ),
    "checks.no_holder": Text(
        "not applicable: matches nobody (nobody available holds it)",
        "対象外: 該当者がいません（利用可能な保有者がいません）",
    ),
    "checks.no_rotation": Text("no rotation", "ローテーションなし"),
    "checks.target_then": Text("target {target}; {went}", "対象 {target}。{went}"),
    "checks.repeat_host_allowed": Text(
        "not applicable: repeat_host is {policy}", "対象外: repeat_host は {policy} です"
    ),
    "checks.no_counted_rotation": Text(
        "not applicable: no rotation in the History that counts",
        "対象外: 対象となる履歴にローテーションがありません",
    ),
    "checks.rotates_again": Text(
        "rotates again to {hosts}, visited in History", "履歴で訪れた{hosts}に再び配属されています"
    ),
    "checks.not_again": Text(
        "no stint in {hosts} (visited in History)", "{hosts}（履歴で訪問済み）への配属はありません"
    ),
    "checks.nobody_rotates": Text(
        "not applicable: matches nobody (nobody rotates)",
        "対象外: 該当者がいません（ローテーションする人がいません）",
    ),
    "checks.every_rotating": Text("every rotating employee", "ローテーションする全社員"),
}

MESSAGES: Final[dict[str, Text]] = {**_RULE_NAMES, **_CHECK_DETAILS}

NOUNS: Final[dict[str, Noun]] = {
    "member": Noun("member", "{n}名"),
    "member_sharing": Noun("member shares", "{n}名", "members share"),
    "pair": Noun("pair", "{n}組"),
    "value": Noun("value", "{n}件"),
    "consecutive_period": Noun("consecutive period", "連続{n}期間"),
    "stint": Noun("stint", "{n}回"),
    "programme": Noun("programme", "{n}件"),
    "rotator": Noun("rotator", "{n}名"),
    "person_is": Noun("person is", "{n}名", "people are"),
    "person_has": Noun("person has", "{n}名", "people have"),
    "department_has": Noun("department has", "{n}部門", "departments have"),
}

NAMES: Final[dict[str, str]] = {}
