"""Read and validate `.planlint.yaml`.

The closest `.planlint.yaml` above each linted file wins; ``--config FILE`` overrides the search.
Parsed files are cached per directory, so linting 300 files in one folder reads the config once.
Any problem raises :class:`~planlint.errors.ConfigError` naming the offending key.
"""
from __future__ import annotations

import dataclasses
import os
from functools import lru_cache

from planlint.config import Config
from planlint.errors import ConfigError

ALT_FILENAMES = (".planlint.yaml", ".planlint.yml")


def load_for(path: str, config_path: str | None = None) -> Config:
    """The configuration that applies to ``path`` (``-`` means stdin: search from the cwd)."""
    if config_path:
        found = os.path.abspath(config_path)
        if not os.path.isfile(found):
            raise ConfigError(f"配置文件不存在：{config_path}", f"config file not found: {config_path}")
    else:
        if path in ("-", "<stdin>"):
            start = os.getcwd()
        elif os.path.isdir(path):
            start = os.path.abspath(path)
        else:
            start = os.path.dirname(os.path.abspath(path))
        found = find_config(start)
    if found is None:
        return Config()
    return _copy(load_file(found))


@lru_cache(maxsize=None)
def find_config(directory: str) -> str | None:
    """The closest config file in ``directory`` or above it (cached per directory)."""
    for name in ALT_FILENAMES:
        candidate = os.path.join(directory, name)
        if os.path.isfile(candidate):
            return candidate
    parent = os.path.dirname(directory)
    return None if parent == directory else find_config(parent)


@lru_cache(maxsize=None)
def load_file(path: str) -> Config:
    """Parse and validate one config file (cached: callers get copies)."""
    import yaml
    try:
        with open(path, encoding="utf-8-sig") as fh:
            data = yaml.safe_load(fh)
    except OSError as exc:
        raise ConfigError(f"无法读取配置文件 {path}：{exc.strerror}",
                          f"cannot read config file {path}: {exc.strerror}") from None
    except UnicodeDecodeError:
        raise ConfigError(f"配置文件 {path} 不是 UTF-8 编码", f"config file {path} is not UTF-8") from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"第 {mark.line + 1} 行" if mark else ""
        where_en = f" at line {mark.line + 1}" if mark else ""
        raise ConfigError(f"配置文件 {path} {where}不是有效的 YAML",
                          f"config file {path} is not valid YAML{where_en}") from None
    from planlint.configcheck import build_config  # validation: only when a config file exists
    return build_config(data, path)


def clear_cache() -> None:
    find_config.cache_clear()
    load_file.cache_clear()


def _copy(config: Config) -> Config:
    """A copy callers may change (the CLI sets select/ignore) without touching the cache."""
    copy = dataclasses.replace(config, ignore=list(config.ignore))
    compiled = getattr(config, "_compiled_rules", None)
    if compiled is not None:
        object.__setattr__(copy, "_compiled_rules", compiled)
    return copy
