from pathlib import Path

import pytest

from chancery.errors import ChanceryError, ErrorCode
from chancery.settings import Settings, load_settings


def test_defaults_without_any_layer(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    settings = load_settings(env={})
    assert settings == Settings()


def test_layers_override_in_order(tmp_path: Path):
    config = tmp_path / "chancery.toml"
    config.write_text('model = "from_file"\nworkers = 3\nbatch_size = 7\n', encoding="utf-8")
    env = {"CHANCERY_CONFIG": str(config), "CHANCERY_WORKERS": "5", "CHANCERY_MODEL": "from_env"}
    settings = load_settings(flags={"model": "from_flag", "published": None}, env=env)
    assert settings.model == "from_flag"  # flag beats env beats file
    assert settings.workers == 5  # env beats file
    assert settings.batch_size == 7  # file beats default
    assert settings.published is None  # an unset flag does not erase lower layers


def test_config_table_form(tmp_path: Path):
    config = tmp_path / "c.toml"
    config.write_text('[chancery]\nport = 9001\n', encoding="utf-8")
    assert load_settings(env={}, config_file=config).port == 9001


@pytest.mark.parametrize("content, fragment", [
    ('colour = "red"\n', "unknown setting"),
    ('workers = "many"\n', "must be an integer"),
    ("workers = \n", "not valid TOML"),
])
def test_bad_config_is_a_coded_error(tmp_path: Path, content: str, fragment: str):
    config = tmp_path / "bad.toml"
    config.write_text(content, encoding="utf-8")
    with pytest.raises(ChanceryError) as info:
        load_settings(env={}, config_file=config)
    assert info.value.code is ErrorCode.CONFIG
    assert fragment in info.value.message


def test_every_setting_has_documentation_text():
    assert all(doc.strip() for doc in Settings.docs().values())
