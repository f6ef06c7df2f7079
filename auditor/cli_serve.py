"""``audit serve``: the local upload page for clerks (see ``auditor.web``)."""
from __future__ import annotations

import click

from .cli_options import rulebook_option


class ServeCommand(click.Command):
    """Help whose install line is read from the installed package (``auditor.extras``) only when shown."""

    def format_help_text(self, ctx, formatter):
        from .extras import install_hint

        plain = self.help
        self.help = plain.replace("{install}", install_hint("web"))
        try:
            super().format_help_text(ctx, formatter)
        finally:
            self.help = plain


@click.command(cls=ServeCommand)
@click.option("--host", default="127.0.0.1", show_default=True,
              help="监听地址；默认只有本机可以访问，在内网共享时用 0.0.0.0。")
@click.option("--port", type=click.IntRange(1, 65535), default=8000, show_default=True, help="端口。")
@rulebook_option
def serve(host, port, rulebook_ref):
    """启动本地审查页面：在浏览器中上传报告，查看审查结果，下载带批注的 Word 文档。

    上传的文件只在内存中处理，不保存到磁盘。需要可选组件 web，安装命令：

    \b
    {install}
    """
    from .web import serve as run

    run(host, port, rulebook_ref, announce=lambda line: click.echo(line, err=True))
