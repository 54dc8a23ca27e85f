"""Settings read from the environment."""

from config import Config


def test_fetch_allow_hosts_is_empty_unless_set(tmp_path):
    assert Config.from_env({"JOBFORGE_DATA_DIR": str(tmp_path)}).fetch_allow_hosts == ()


def test_fetch_allow_hosts_reads_names_and_host_port_pairs_without_case_or_spaces(tmp_path):
    env = {"JOBFORGE_DATA_DIR": str(tmp_path), "FETCH_ALLOW_HOSTS": " Postings.Test , 127.0.0.1:8123,,[::1]:9000 "}
    assert Config.from_env(env).fetch_allow_hosts == ("postings.test", "127.0.0.1:8123", "[::1]:9000")
