"""Which database the program opens: --db, then $CRMDESK_DB_URL, then the user's data folder."""

from __future__ import annotations

from pathlib import Path

from crmdesk.paths import DB_URL_ENV, data_dir, database_url, default_database_path


def test_default_is_a_sqlite_file_in_the_user_data_folder() -> None:
    url = database_url(None, environ={})
    assert url == f"sqlite:///{default_database_path()}"
    assert default_database_path().parent == data_dir()
    assert data_dir().name == "crmdesk"


def test_environment_variable_overrides_the_default() -> None:
    url = database_url(None, environ={DB_URL_ENV: "postgresql+psycopg://crm@office/crm"})
    assert url == "postgresql+psycopg://crm@office/crm"


def test_environment_variable_may_be_a_plain_path(tmp_path: Path) -> None:
    url = database_url(None, environ={DB_URL_ENV: str(tmp_path / "team.sqlite3")})
    assert url == f"sqlite:///{tmp_path}/team.sqlite3"


def test_db_option_overrides_everything_and_takes_paths_or_urls(tmp_path: Path) -> None:
    environ = {DB_URL_ENV: "sqlite:////elsewhere.sqlite3"}
    assert database_url(str(tmp_path / "a.sqlite3"), environ) == f"sqlite:///{tmp_path}/a.sqlite3"
    assert database_url("sqlite:///rel.sqlite3", environ) == "sqlite:///rel.sqlite3"


def test_home_paths_are_made_absolute() -> None:
    url = database_url("~/crm.sqlite3", environ={})
    assert url == f"sqlite:///{Path.home() / 'crm.sqlite3'}"
