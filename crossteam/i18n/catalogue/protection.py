"""The words of the protection area: password-protected workbooks in and out (see the
package's docstring)."""

from __future__ import annotations

from typing import Final

from crossteam.i18n.entries import Text

HELP: Final[dict[str, Text]] = {
    "protection.help.password_env": Text(
        "Open protected workbooks with the password held in this environment variable "
        "(without it, the password is asked on the terminal, not shown)",
        "パスワード付きのブックを、この環境変数に入れたパスワードで開きます"
        "（指定しなければ端末でパスワードを尋ねます。入力は表示されません）",
    ),
    "protection.help.encrypt": Text(
        "Write every output workbook with a password: the one of the option below, "
        "else the input's",
        "書き出すブックをすべてパスワード付きにします。パスワードは下のオプションで指定したもの、"
        "なければ入力のブックのものです",
    ),
    "protection.help.output_password_env": Text(
        "The environment variable holding the password of the output workbooks (implies --encrypt)",
        "書き出すブックのパスワードを入れた環境変数（--encrypt を指定したことになります）",
    ),
}

MESSAGES: Final[dict[str, Text]] = {
    **HELP,
    "protection.prompt": Text(
        "Password of {name}:",
        "{name}のパスワード：",
    ),
    "protection.output_prompt": Text(
        "Password for {name}:",
        "{name}に付けるパスワード：",
    ),
    "protection.output_prompt_again": Text(
        "The same password again:",
        "確認のため、もう一度入力してください：",
    ),
    "protection.wrong_password": Text(
        "{name} is password-protected and the password given does not open it",
        "{name}はパスワード付きのブックですが、指定されたパスワードでは開けません",
    ),
    "protection.cannot_decrypt": Text(
        "{name} is password-protected with an encryption that cannot be read ({error}): "
        "save it again from Excel with a password",
        "{name}は読めない方式で暗号化されています（{error}）。"
        "Excelでパスワードを付けて保存し直してください",
    ),
    "protection.no_password": Text(
        "{name} is password-protected: put its password in an environment variable and "
        "give its name with --password-env VAR, or run on a terminal to be asked",
        "{name}はパスワード付きのブックです。パスワードを環境変数に入れて --password-env VAR "
        "でその名前を指定するか、端末で実行してパスワードを入力してください",
    ),
    "protection.variable_unset": Text(
        "{name} is password-protected and the environment variable {variable} named by "
        "--password-env is not set or is empty",
        "{name}はパスワード付きのブックですが、--password-env で指定された環境変数"
        "「{variable}」が設定されていないか空です",
    ),
    "protection.output_variable_unset": Text(
        "{name}: the environment variable {variable} named by --output-password-env "
        "is not set or is empty",
        "{name}：--output-password-env で指定された環境変数「{variable}」が"
        "設定されていないか空です",
    ),
    "protection.no_output_password": Text(
        "{name}: --encrypt needs a password: give --output-password-env VAR, read a "
        "protected input, or run on a terminal to be asked",
        "{name}：--encrypt にはパスワードが必要です。--output-password-env VAR を指定するか、"
        "パスワード付きの入力を読むか、端末で実行してパスワードを入力してください",
    ),
    "protection.output_mismatch": Text(
        "{name}: the two passwords typed differ or are empty; nothing was written",
        "{name}：入力された2つのパスワードが違うか空です。何も書き出していません",
    ),
}
