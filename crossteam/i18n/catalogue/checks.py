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
        "{departments} (at least {least})", "{departments}（最低{least}部署）"
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
    "checks.every_rotating": Text(
        "every rotating employee", "ローテーションする全社員で守られています"
    ),
}

_TEAM_PRECHECKS: Final[dict[str, Text]] = {
    # where a rule is written
    "checks.rules": Text("Rules", "ルールシート"),
    "checks.rules_row": Text("Rules row {rows}", "ルールシート{rows}行目"),
    "checks.rules_rows": Text("Rules rows {rows}", "ルールシート{rows}行目"),
    "checks.balance": Text("Balance", "バランスシート"),
    "checks.balance_row": Text("Balance row {row}", "バランスシート{row}行目"),
    "checks.hard": Text("hard", "必須"),
    "checks.soft": Text("soft", "任意"),
    "checks.and_more": Text("{ids} and {more} more", "{ids}ほか{more}名"),
    # skills and seats
    "checks.nobody_available_has_it": Text(
        "nobody available has it", "利用可能な社員に保有者がいません"
    ),
    "checks.only_one_has_it": Text(
        "only {count} available person has it", "利用可能な保有者は{count}名だけです"
    ),
    "checks.only_some_have_it": Text(
        "only {count} available people have it", "利用可能な保有者は{count}名だけです"
    ),
    "checks.team_needs_skill": Text(
        "Team '{team}' needs {members} with {skill} at level {level} or more, but {people}",
        "チーム「{team}」には{skill}（レベル{level}以上）の社員が{members}必要ですが、{people}。",
    ),
    "checks.teams_each_need_skill": Text(
        "Each of the {count} teams '{team}' needs {members} with {skill} at level {level} or "
        "more, but {people}",
        "チーム「{team}」（{count}チーム）にはそれぞれ{skill}（レベル{level}以上）の社員が"
        "{members}必要ですが、{people}。",
    ),
    "checks.teams_together_need_skill": Text(
        "The teams together need {wanted} members with {skill} at level {level} or more, but "
        "{people}",
        "チーム全体で{skill}（レベル{level}以上）の社員が{wanted}名必要ですが、{people}。",
    ),
    "checks.team_needs_seats": Text(
        "The team needs at least {members} in all, but only {available} available",
        "チームには合計で最低{members}が必要ですが、利用可能な社員は{available}だけです。",
    ),
    "checks.teams_need_seats": Text(
        "The {count} teams need at least {members} in all, but only {available} available",
        "{count}チームには合計で最低{members}が必要ですが、利用可能な社員は{available}だけです。",
    ),
    "checks.everyone_exceeds_seats": Text(
        "Settings: assign_everyone = yes, but the teams hold at most {members} and "
        "{available} available",
        "設定で assign_everyone = yes ですが、チームの定員は合計で最大{members}、"
        "利用可能な社員は{available}です。",
    ),
    # departments
    "checks.team_needs_departments": Text(
        "Team '{team}' needs members from at least {departments}, but only {staffed} anyone "
        "available",
        "チーム「{team}」には最低{departments}からのメンバーが必要ですが、"
        "利用可能な社員がいる部署は{staffed}だけです。",
    ),
    "checks.team_too_small_for_departments": Text(
        "Team '{team}' needs {departments} but holds at most {members}",
        "チーム「{team}」には{departments}からのメンバーが必要ですが、定員は最大{members}です。",
    ),
    "checks.team_needs_more_departments": Text(
        "Team '{team}' needs {members} with at most {limit} per department, but only "
        "{staffed} anyone available",
        "チーム「{team}」には1部署あたり最大{limit}名で{members}が必要ですが、"
        "利用可能な社員がいる部署は{staffed}だけです。",
    ),
    # Rules rows
    "checks.together_and_apart": Text(
        "Rules: {employee} and {other} must be both together and apart",
        "ルール: {employee}と{other}に together と apart の両方が指定されています。",
    ),
    "checks.in_team_unavailable": Text(
        "Rules: {employee} must be in team '{team}' but is not available",
        "ルール: {employee}はチーム「{team}」に入る必要がありますが、利用できません。",
    ),
    "checks.in_two_teams": Text(
        "Rules: {employee} must be in two different teams (in_team rules)",
        "ルール: {employee}に異なる2つのチームが指定されています（in_team ルール）。",
    ),
    "checks.in_and_not_in_team": Text(
        "Rules: {employee} must be in team '{team}' (in_team) and must not be in it (not_in_team)",
        "ルール: {employee}はチーム「{team}」に入る必要があり（in_team）、"
        "同時に入ってはいけません（not_in_team）。",
    ),
    "checks.together_unavailable": Text(
        "{where}: {employee} must be in the same team as {targets} (together), but {absent} "
        "is not available",
        "{where}: {employee}は{targets}と同じチームにする必要があります（together）が、"
        "{absent}は利用できません。",
    ),
    "checks.together_group_cannot": Text(
        "{where}: {ids} must all be in one team (together: {count} people), but {why}",
        "{where}: {ids}（{count}名）は全員同じチームにする必要があります（together）が、{why}。",
    ),
    "checks.no_team_that_large": Text(
        "no team holds more than {members}", "どのチームも定員は最大{members}です"
    ),
    "checks.no_team_per_department": Text(
        "no team can hold them: {most} of them are in {department} and every team large "
        "enough takes fewer per department (max_per_department)",
        "受け入れられるチームがありません。うち{most}名が{department}の所属で、人数の入る"
        "チームはどれも1部署あたりの上限がそれより少なくなっています（max_per_department）",
    ),
    "checks.no_team_min_departments": Text(
        "no team can hold them: they come from {departments}, and every team that could "
        "take them needs members from more departments than its seats left allow "
        "(min_departments)",
        "受け入れられるチームがありません。{departments}の所属で、受け入れられるチームは"
        "どれも残りの枠では必要な部署数を満たせません（min_departments）",
    ),
    "checks.no_team_by_rows": Text(
        "the in_team / not_in_team rows {rows} of their people leave no team that can hold "
        "them all",
        "メンバーの in_team / not_in_team ルール（{rows}行目）により、全員を受け入れられる"
        "チームがありません",
    ),
    "checks.no_team_by_rules": Text(
        "the in_team / not_in_team rules of their people leave no team that can hold them all",
        "メンバーの in_team / not_in_team ルールにより、全員を受け入れられるチームがありません",
    ),
    "checks.must_be_apart": Text(
        "{employee} and {other} must be apart ({where}: apart)",
        "{employee}と{other}は別のチームにする必要があります（{where}: apart）",
    ),
    # History under repeat_teammates forbid
    "checks.earlier_team_too_large": Text(
        "{reason}, but all {count} are available and must join a team (Settings: "
        "assign_everyone = yes) while there are only {teams}",
        "{reason}。しかし{count}名全員が利用可能でチームに配置する必要があります"
        "（設定 assign_everyone = yes）が、チームは{teams}しかありません。",
    ),
    "checks.together_met_before": Text(
        "{where}: {ids} must all be in one team (together), but {met} were teammates before: "
        "{reason}",
        "{where}: {ids}は全員同じチームにする必要があります（together）が、{met}は以前"
        "同じチームでした。{reason}",
    ),
    # Balance rows that match nobody
    "checks.balance_column_blank": Text(
        "{where}: the {kind} {mode} rule on {attribute} matches nobody: no available "
        "employee has a value in that column",
        "{where}: {attribute}の{kind}ルール {mode} に該当する人がいません。"
        "利用可能な社員に{attribute}の値がある人がいません。",
    ),
    "checks.no_lone_matches_nobody": Text(
        "{where}: the {kind} no_lone rule on {attribute} = {value!r} matches nobody: {why}",
        "{where}: {attribute}が「{value}」の{kind}ルール no_lone に該当する人がいません。{why}。",
    ),
    "checks.only_unavailable_have_it": Text(
        "only people who are not available have it", "この値を持つのは利用できない社員だけです"
    ),
    "checks.nobody_has_it": Text(
        "no available employee has it", "この値を持つ利用可能な社員がいません"
    ),
    "checks.nobody_has_it_close": Text(
        "no available employee has it; did you mean {close!r}?",
        "この値を持つ利用可能な社員がいません（「{close}」の誤りではありませんか）",
    ),
}

_ROTATION_PRECHECKS: Final[dict[str, Text]] = {
    "checks.stint_too_long": Text(
        "Settings: stint_periods is {stint} but the Periods sheet has only {periods}: no stint "
        "fits, so nobody rotates",
        "設定の stint_periods は{stint}ですが、期間シートには{periods}しかありません。"
        "ローテーションが収まらないため、ローテーションする人はいません。",
    ),
    "checks.rotate_to_no_periods": Text(
        "{employee} must rotate to {hosts} (rotate_to), but the workbook has no periods to "
        "rotate in",
        "{employee}は{hosts}へローテーションする必要があります（rotate_to）が、"
        "ブックにローテーションできる期間がありません。",
    ),
    "checks.rotate_to_person": Text(
        "{employee} must rotate to {hosts} (rotate_to), but {employee} {why}",
        "{employee}は{hosts}へローテーションする必要があります（rotate_to）が、{employee}は{why}。",
    ),
    "checks.rotate_to_host": Text(
        "{employee} must rotate to {host} (rotate_to), but {why}",
        "{employee}は{host}へローテーションする必要があります（rotate_to）が、{why}。",
    ),
    # why a person cannot rotate (after "but E-1")
    "checks.person_unavailable": Text("is not available", "利用できません"),
    "checks.person_not_eligible": Text("is not rotation-eligible", "ローテーション対象外です"),
    "checks.person_no_rotation": Text(
        "also has a no_rotation rule", "no_rotation ルールも指定されています"
    ),
    "checks.person_no_stint": Text(
        "may do no stint (max_rotations_per_employee is 0)",
        "ローテーションできません（max_rotations_per_employee が0です）",
    ),
    "checks.person_few_stints": Text(
        "may do at most {stints} (max_rotations_per_employee)",
        "最大{stints}しかローテーションできません（max_rotations_per_employee）",
    ),
    "checks.person_too_few_periods": Text(
        "needs {stints} of {stint} but there are only {periods}",
        "{stint}のローテーションが{stints}必要ですが、期間は{periods}しかありません",
    ),
    "checks.person_home_cannot_release": Text(
        "belongs to {home}, which cannot release anyone: min_on_site {share:.0%} of "
        "{headcount} keeps {kept} at home",
        "{home}の所属で、{home}は誰も送り出せません（min_on_site {share:.0%}: "
        "{headcount}名中{kept}名が在籍する必要があります）",
    ),
    "checks.person_only_holder": Text(
        "is the only available holder of {skill}, a critical skill of {home}",
        "{home}の重要スキル{skill}を持つ唯一の利用可能な社員です",
    ),
    # why a host cannot take them
    "checks.host_is_home": Text("that is their own department", "そこは本人の所属部署です"),
    "checks.host_barred": Text(
        "a not_rotate_to rule forbids it", "not_rotate_to ルールで禁止されています"
    ),
    "checks.host_cannot_host": Text(
        "{host} cannot host (can_host is no)", "{host}は受入不可です（can_host が no）"
    ),
    "checks.host_no_capacity": Text("{host} has host_capacity 0", "{host}の host_capacity は0です"),
    "checks.too_many_into": Text(
        "rotate_to rules send {people} to {host}, which can host at most {stints} over "
        "{periods} (host_capacity {capacity}, stint_periods {stint})",
        "rotate_to ルールで{people}を{host}へ送りますが、{host}が{periods}で受け入れられるのは"
        "最大{stints}です（host_capacity {capacity}、stint_periods {stint}）。",
    ),
    "checks.too_many_out_of": Text(
        "rotate_to rules send {stints} out of {home}, which can release at most {most} over "
        "{periods} without going below min_on_site",
        "rotate_to ルールで{home}から{stints}送り出しますが、min_on_site を下回らずに"
        "{periods}で送り出せるのは最大{most}回です。",
    ),
    "checks.repeat_host_barred": Text(
        "{employee} must rotate to {host} ({rules}), but {employee} already rotated to {host} "
        "({history}) and repeat_host is forbid: set repeat_host to allow in Settings, or "
        "remove the rotate_to row or the History rows",
        "{employee}は{host}へローテーションする必要があります（{rules}）が、{employee}は"
        "すでに{host}へローテーションしており（{history}）、repeat_host が forbid です。"
        "設定で repeat_host を allow にするか、rotate_to の行または履歴の行を削除してください。",
    ),
    "checks.repeat_host_none_left": Text(
        "{employee} must rotate to {host} ({rules}), but {employee} already rotated to {host} "
        "({history}) and repeat_host is forbid{left}: set repeat_host to allow in Settings, "
        "or remove the rotate_to row or the History rows",
        "{employee}は{host}へローテーションする必要があります（{rules}）が、{employee}は"
        "すでに{host}へローテーションしており（{history}）、repeat_host が forbid です"
        "{left}。設定で repeat_host を allow にするか、rotate_to の行または履歴の行を"
        "削除してください。",
    ),
    "checks.every_host_visited": Text(
        "; every host {employee} may visit ({hosts}) is in their History ({history})",
        "。また、{employee}が行ける受入部門（{hosts}）はすべて履歴にあります（{history}）",
    ),
    "checks.rules_sheet": Text("Rules sheet", "ルールシート"),
    "checks.history_sheet": Text("History sheet", "履歴シート"),
    "checks.history_row": Text("History row {rows}", "履歴シート{rows}行目"),
    "checks.history_rows": Text("History rows {rows}", "履歴シート{rows}行目"),
}

_RULE_GROUPS: Final[dict[str, Text]] = {
    # the rules an explanation names when no plan meets them together
    "checks.group.one_team_each": Text(
        "Each person joins at most one team", "各社員が参加できるチームは1つまでです"
    ),
    "checks.group.assign_everyone": Text(
        "Settings: assign_everyone = yes (every available person joins a team)",
        "設定 assign_everyone = yes（利用可能な全員がチームに参加します）",
    ),
    "checks.group.size": Text(
        "Team '{team}' has {low} to {high} members", "チーム「{team}」の人数は{low}～{high}名です"
    ),
    "checks.group.per_department": Text(
        "Team '{team}' takes at most {limit} per department",
        "チーム「{team}」は1部署あたり最大{limit}名です",
    ),
    "checks.group.departments": Text(
        "Team '{team}' needs members from at least {count} departments",
        "チーム「{team}」には最低{count}部署からのメンバーが必要です",
    ),
    "checks.group.skill": Text(
        "Team '{team}' needs {members} with {skill} at level {level} or more",
        "チーム「{team}」には{skill}（レベル{level}以上）の社員が{members}必要です",
    ),
    "checks.group.together": Text(
        "{employee} must be in a team, the same team as {target}",
        "{employee}はチームに入り、{target}と同じチームになる必要があります",
    ),
    "checks.group.apart": Text(
        "{employee} must not be in the same team as {target}",
        "{employee}は{target}と同じチームには入れません",
    ),
    "checks.group.in_team": Text(
        "{employee} must be in team '{target}'",
        "{employee}はチーム「{target}」に入る必要があります",
    ),
    "checks.group.not_in_team": Text(
        "{employee} must not be in team '{target}'", "{employee}はチーム「{target}」には入れません"
    ),
    "checks.group.programmes": Text(
        "Settings: max_programmes_per_employee = {limit}: {employee} takes at most "
        "{programmes} (a team and a rotation count one each)",
        "設定 max_programmes_per_employee = {limit}: {employee}が参加できるのは最大"
        "{programmes}です（チームとローテーションはそれぞれ1件）",
    ),
    "checks.group.earlier_team": Text(
        "Settings: repeat_teammates = forbid: earlier team '{team}' in {period} (History: "
        "{members}) may have at most one member per team",
        "設定 repeat_teammates = forbid: {period}のチーム「{team}」（履歴: {members}）の"
        "メンバーは1チームに1名までです",
    ),
    "checks.group.balance": Text(
        "{where}: {mode} on {attribute} (hard)", "{where}: {attribute}の{mode}（必須）"
    ),
    "checks.group.balance_value": Text(
        "{where}: {mode} on {attribute} = {value} (hard)",
        "{where}: {attribute}が「{value}」の{mode}（必須）",
    ),
    "checks.group.min_on_site": Text(
        "{home} keeps {share:.0%} of its {people} at home in every period (min_on_site)",
        "{home}は全期間で{people}の{share:.0%}が在籍します（min_on_site）",
    ),
    "checks.group.host_capacity": Text(
        "{host} hosts at most {rotators} per period (host_capacity)",
        "{host}が1期間に受け入れるのは最大{rotators}です（host_capacity）",
    ),
    "checks.group.critical_skill": Text(
        "{home} keeps someone with {skill} at home in every period (critical_skills)",
        "{home}では全期間で{skill}の保有者が1名以上在籍します（critical_skills）",
    ),
    "checks.group.rotate_to": Text(
        "{employee} must rotate to {host} (rotate_to rule)",
        "{employee}は{host}へローテーションする必要があります（rotate_to ルール）",
    ),
}

_RESTRICTED_EN = (
    "Large company: each team drew its skilled members from a few candidate groups and "
    "each department pair could be bridged by a few candidate teams; the bound is "
)
_RESTRICTED_JA = (
    "大規模な会社のため、各チームのスキルを持つメンバーは少数の候補グループから、"
    "各部署ペアの橋渡しは少数の候補チームから選びました。"
)

_RUN_NOTES: Final[dict[str, Text]] = {
    # why a run gave no plan
    "checks.run_interrupted": Text(
        "The run was interrupted before any plan was found",
        "計画が見つかる前に実行が中断されました。",
    ),
    "checks.search_interrupted": Text(
        "The search was interrupted before any plan was found",
        "計画が見つかる前に探索が中断されました。",
    ),
    "checks.no_plan_in_time": Text(
        "No plan was found within the limit ({seconds:g} s); the rules may be very tight: "
        "try a longer --time-limit",
        "制限時間（{seconds:g}秒）内に計画が見つかりませんでした。ルールが非常に厳しい"
        "可能性があります。--time-limit を長くしてお試しください。",
    ),
    "checks.model_too_slow": Text(
        "No plan was found within the limit ({seconds:g} s): the model was still being built "
        "{grace:g} s after it (teams that may take very many sizes cost most); try a longer "
        "--time-limit or a smaller max_size",
        "制限時間（{seconds:g}秒）内に計画が見つかりませんでした。制限時間を{grace:g}秒"
        "過ぎてもモデルを構築中でした（取りうる人数の幅が広いチームほど時間がかかります）。"
        "--time-limit を長くするか、max_size を小さくしてください。",
    ),
    "checks.explain_time": Text(
        "No plan meets every rule, and the rules in conflict were not found in time",
        "すべてのルールを満たす計画はありません。矛盾するルールは時間内に特定できませんでした。",
    ),
    "checks.explain_interrupted": Text(
        "No plan meets every rule; the run was interrupted before the rules in conflict were found",
        "すべてのルールを満たす計画はありません。矛盾するルールを特定する前に実行が"
        "中断されました。",
    ),
    "checks.explain_basic_limits": Text(
        "No plan meets every rule (the basic team and rotation limits conflict)",
        "すべてのルールを満たす計画はありません（チームとローテーションの基本的な制約が"
        "矛盾しています）。",
    ),
    "checks.explain_rules": Text(
        "No plan meets all of these rules together:",
        "次のルールをすべて同時に満たす計画はありません：",
    ),
    "checks.repair_too_large": Text(
        "This company is too large to re-plan against a previous plan (its team model would "
        "have about {variables:,} variables, more than {limit:,}; docs/model.md, 'Very large "
        "companies'): plan it afresh without --previous or --review",
        "この会社は大きすぎるため、前回の計画をもとに再計画できません（チームのモデルの"
        "変数が約{variables:,}個となり、上限の{limit:,}個を超えます。docs/model.md の"
        "「Very large companies」をご覧ください）。--previous や --review を付けずに、"
        "新たに計画してください。",
    ),
    "checks.objective_too_large": Text(
        "with these weights the objective could reach {reach:.3g}, beyond the {limit:.3g} "
        "the solver adds up exactly: lower the weights (only their ratios matter)",
        "この重みでは目的関数値が{reach:.3g}に達する可能性があり、ソルバーが正確に計算"
        "できる{limit:.3g}を超えます。重みを小さくしてください（意味があるのは重みの比率"
        "だけです）。",
    ),
    # notes on a plan
    "checks.note.ceiling": Text(
        "The bound is crossteam's own (docs/model.md, 'Bound'), which was tighter than the "
        "solver's when the search stopped",
        "上界は crossteam 独自のものです（docs/model.md の「Bound」）。探索の終了時点で"
        "ソルバーの上界より厳しい値でした。",
    ),
    "checks.note.start_plan": Text(
        "The search ended before it improved on the starting plan (greedy and local search), "
        "so that plan is given; a longer time limit lets the solver improve and bound it",
        "探索が初期計画（貪欲法と局所探索）を改善する前に終了したため、その計画を示します。"
        "制限時間を長くすると、ソルバーが計画を改善し、上界を求められます。",
    ),
    "checks.note.repair_start": Text(
        "The search ended before it improved on the previous plan repaired with the fewest "
        "changes, so that plan is given; a longer time limit lets the solver improve it",
        "探索が、前回の計画を最小限の変更で修正した計画を改善する前に終了したため、"
        "その計画を示します。制限時間を長くすると、ソルバーが改善できます。",
    ),
    "checks.note.restricted": Text(
        _RESTRICTED_EN + "that of this restricted model",
        _RESTRICTED_JA + "上界はこの制限付きモデルのものです。",
    ),
    "checks.note.restricted_ceiling": Text(
        _RESTRICTED_EN + "crossteam's own for the whole problem (docs/model.md, 'Bound'), "
        "below the solver's",
        _RESTRICTED_JA + "上界は問題全体に対する crossteam 独自のもので（docs/model.md の"
        "「Bound」）、ソルバーの上界より低い値です。",
    ),
    "checks.note.large": Text(
        "Very large company: the team model would need more memory and time than a laptop "
        "has (docs/model.md, 'Very large companies'), so the teams are the start plan "
        "(greedy and local search), planned again block of teams by block of teams as time "
        "allowed, every rule checked; the bound is crossteam's own",
        "非常に大規模な会社のため、チームのモデルにはノートPCを超えるメモリと時間が"
        "必要です（docs/model.md の「Very large companies」）。そのため、チームは初期計画"
        "（貪欲法と局所探索）を、時間の許す限りチームのブロックごとに再計画したもので、"
        "すべてのルールを確認済みです。上界は crossteam 独自のものです。",
    ),
    "checks.note.large_stopped": Text(
        "Interrupted: the teams found so far are given; the rotation was not planned",
        "中断されました。それまでに見つかったチームを示します。ローテーションは計画していません。",
    ),
    "checks.note.large_rotation": Text(
        "Very large company: the rotation was planned after the teams, for the department "
        "pairs they leave silent; with the teams not searched, the plan has no bound",
        "非常に大規模な会社のため、ローテーションはチームの後に、チームでは断絶したまま"
        "の部署ペアを対象に計画しました。チームを探索していないため、この計画には上界が"
        "ありません。",
    ),
    "checks.note.may_not_repeat": Text(
        "This run may not repeat: the wall clock ended {stages} before the work limit did "
        "(the machine was slower or busier than the time limit allows for); with a longer "
        "--time-limit, or the setting deterministic_time_limit, the work limits end the run "
        "and it repeats",
        "この実行は再現しない可能性があります。{stages}が、作業量の上限より先に実時間の"
        "上限で終わりました（マシンが制限時間の想定より遅いか、混んでいました）。"
        "--time-limit を長くするか、設定 deterministic_time_limit を使うと、作業量の上限で"
        "実行が終わり、結果が再現します。",
    ),
    # the stages a note may name
    "checks.stage.and": Text(" and ", "と"),
    "checks.stage.search": Text("the search", "探索"),
    "checks.stage.preparation": Text("the preparation", "準備"),
    "checks.stage.start_plan": Text("the start plan", "初期計画"),
    "checks.stage.completion": Text("the start plan's completion", "初期計画の補完"),
    "checks.stage.department_model": Text("the department-level model", "部署単位のモデル"),
    "checks.stage.bound": Text("the bound", "上界の計算"),
    "checks.stage.blocks": Text("the blocks", "チームのブロックごとの再計画"),
    "checks.stage.rotation": Text("the rotation", "ローテーションの計画"),
    "checks.stage.explanation": Text("the explanation", "矛盾するルールの特定"),
}

MESSAGES: Final[dict[str, Text]] = {
    **_RULE_NAMES,
    **_CHECK_DETAILS,
    **_TEAM_PRECHECKS,
    **_ROTATION_PRECHECKS,
    **_RULE_GROUPS,
    **_RUN_NOTES,
}

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
    "department_has": Noun("department has", "{n}部署", "departments have"),
}

NAMES: Final[dict[str, str]] = {}
