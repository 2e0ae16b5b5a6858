import pytest

from ringkas.errors import ConfigError
from ringkas.settings import SETTINGS, Settings, parse_assignment


def test_every_setting_is_documented_and_unique():
    names = [s.name for s in SETTINGS]
    assert len(names) == len(set(names))
    for s in SETTINGS:
        assert len(s.help) > 15, s.name


def test_precedence_default_config_env_flag(tmp_path):
    config = tmp_path / "ringkas.toml"
    config.write_text('[ringkas]\nsummary_length = "3"\ncluster_threshold = 0.5\nhttp_timeout = 2\n')
    env = {"RINGKAS_CLUSTER_THRESHOLD": "0.6", "RINGKAS_HTTP_TIMEOUT": "3"}
    s = Settings({"http_timeout": "4"}, config_file=config, environ=env)
    assert s["summary_length"] == "3"  # config file
    assert s["cluster_threshold"] == 0.6  # environment beats config
    assert s["http_timeout"] == 4.0  # flag beats environment
    assert s["max_file_bytes"] == 5_000_000  # default
    assert s.origins["http_timeout"] == "flag"


def test_bad_values_name_the_setting(tmp_path):
    with pytest.raises(ConfigError, match="cluster_threshold"):
        Settings({"cluster_threshold": "high"}, environ={})
    with pytest.raises(ConfigError, match="unknown setting 'nope'"):
        Settings({"nope": 1}, environ={})
    bad = tmp_path / "bad.toml"
    bad.write_text("this is = = not toml")
    with pytest.raises(ConfigError, match=r"bad\.toml"):
        Settings(config_file=bad, environ={})


def test_parse_assignment():
    assert parse_assignment("summary-length=4") == ("summary_length", "4")
    with pytest.raises(ConfigError):
        parse_assignment("novalue")
