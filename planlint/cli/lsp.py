"""``planlint lsp``: start the language server on stdio (pygls is imported only here)."""
from __future__ import annotations

import click


@click.command("lsp")
@click.option("--stdio", is_flag=True, help="使用标准输入输出通信（默认，也是唯一方式）")
def lsp(stdio):
    """启动 planlint 语言服务器（stdio），供 VS Code、Neovim、Emacs 等编辑器使用。"""
    try:
        from planlint.lsp.server import main
    except ImportError as exc:
        raise click.ClickException(
            f"语言服务器需要 pygls 2：pip install 'planlint[lsp]'（{exc}）") from None
    main()
