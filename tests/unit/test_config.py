"""Settings read from the environment."""

import pytest

from config import Config


def test_fetch_allow_hosts_is_empty_unless_set(tmp_path):
    assert Config.from_env({"JOBFORGE_DATA_DIR": str(tmp_path)}).fetch_allow_hosts == ()


def test_fetch_allow_hosts_reads_names_and_host_port_pairs_without_case_or_spaces(tmp_path):
    env = {"JOBFORGE_DATA_DIR": str(tmp_path), "FETCH_ALLOW_HOSTS": " Postings.Test , 127.0.0.1:8123,,[::1]:9000 "}
    assert Config.from_env(env).fetch_allow_hosts == ("postings.test", "127.0.0.1:8123", "[::1]:9000")


@pytest.mark.parametrize(("value", "expected"), [(None, "text"), ("", "text"), ("text", "text"), ("json", "json")])
def test_log_format_is_text_unless_json_is_asked_for(tmp_path, value, expected):
    env = {"JOBFORGE_DATA_DIR": str(tmp_path)} | ({"LOG_FORMAT": value} if value is not None else {})
    assert Config.from_env(env).log_format == expected


def test_an_unknown_log_format_stops_the_start_rather_than_logging_in_a_shape_nobody_reads(tmp_path):
    with pytest.raises(RuntimeError, match="LOG_FORMAT"):
        Config.from_env({"JOBFORGE_DATA_DIR": str(tmp_path), "LOG_FORMAT": "JSON "})
