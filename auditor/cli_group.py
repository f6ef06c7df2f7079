"""How every ``audit`` run ends: an exit code and at most one line on stderr, never a traceback.

Exit codes: 0 pass · 1 gate failed · 2 usage, input, rulebook or configuration error (a rule that
timed out included), and any unexpected internal error, which also says where to report it ·
130 interrupted (Ctrl-C) · 143 terminated (SIGTERM). Set ``AUDITOR_DEBUG=1`` to see the traceback
of an internal error. stdout and stderr go through ``display.SAFE``, so any console encoding works.
"""
from __future__ import annotations

import contextlib
import os
import signal
import sys

import click

from .display import SAFE, one_line
from .errors import AuditorError

EXIT_PASS, EXIT_GATE, EXIT_ERROR, EXIT_INTERRUPTED = 0, 1, 2, 130
REPORT_BUGS = "这是 auditor 的缺陷，请把命令、输入文件和 audit --version 报告给维护者（项目的 issues 页）"


class Interrupted(KeyboardInterrupt):
    """SIGTERM turned into an exception, so cleanup runs as for Ctrl-C; exit code 128 + the signal."""

    signum = signal.SIGTERM


class AuditGroup(click.Group):
    """Every way a run can end becomes an exit code and at most one line on stderr, never a traceback.

    Sub-commands named in ``lazy`` ("name" → "module:attribute", relative to this package) are imported
    when asked for (click's lazy-loading pattern): ``audit check`` does not load the others' modules.
    ``prepare`` is applied to each on loading (the help layout and Chinese usage lines).
    """

    lazy: dict[str, str] = {}
    prepare = None

    def list_commands(self, ctx):
        return sorted({*super().list_commands(ctx), *self.lazy})

    def get_command(self, ctx, name):
        if name not in self.commands and name in self.lazy:
            from importlib import import_module

            module, _, attribute = self.lazy[name].partition(":")
            command = getattr(import_module(module, __package__), attribute)
            self.add_command(command, name)
            if self.prepare:
                self.prepare(command)
        return super().get_command(ctx, name)

    def resolve_command(self, ctx, args):
        if args and self.get_command(ctx, click.utils.make_str(args[0])) is None:
            for name in self.lazy:   # a name not found: click suggests among the loaded commands, so load them all
                self.get_command(ctx, name)
        return super().resolve_command(ctx, args)

    def main(self, args=None, prog_name=None, complete_var=None, standalone_mode=True, **extra):
        if not standalone_mode:
            return super().main(args, prog_name, complete_var, standalone_mode, **extra)
        _prepare_console()
        with _sigterm_raises():
            try:
                code = super().main(args, prog_name, complete_var, False, **extra)
            except click.exceptions.Abort:   # Ctrl-C while click itself was parsing
                code = _interrupted(KeyboardInterrupt())
            except click.ClickException as exc:
                code = _usage_error(exc)
        sys.exit(code if isinstance(code, int) else EXIT_PASS)

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except AuditorError as exc:
            say(f"错误：{exc}")
            ctx.exit(EXIT_ERROR)
        except click.exceptions.Exit:
            raise
        except click.ClickException as exc:   # click's own format is four lines (usage, hint, blank, error)
            ctx.exit(_usage_error(exc))
        except KeyboardInterrupt as exc:
            ctx.exit(_interrupted(exc))
        except BrokenPipeError:   # the reader of stdout went away (| head): stop quietly writing to it
            with contextlib.suppress(OSError):
                os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            say("错误：标准输出已关闭（管道的另一端提前退出），结果没有完整输出")
            ctx.exit(EXIT_ERROR)
        except OSError as exc:   # the system said no while writing (a full disk, /dev/full): not our bug
            where = f"{exc.filename}: " if exc.filename else ""
            say(f"错误：{where}读写失败（{exc.strerror or exc}）")
            ctx.exit(EXIT_ERROR)
        except MemoryError:
            say("错误：内存不足，审查中止（请拆分输入或减少 -j）")
            ctx.exit(EXIT_ERROR)
        except Exception as exc:  # noqa: BLE001  the last line of defence: one line, exit 2, never 1
            if os.environ.get("AUDITOR_DEBUG"):
                raise
            say(f"内部错误：{type(exc).__name__}: {exc}。{REPORT_BUGS}（设置 AUDITOR_DEBUG=1 可看到详细回溯）")
            ctx.exit(EXIT_ERROR)


def say(message: str) -> None:
    """One line on stderr, prefixed ``audit: ``, with control characters and line breaks escaped."""
    click.echo(one_line(f"audit: {message}"), err=True)


def _usage_error(exc: click.ClickException) -> int:
    if isinstance(exc, click.UsageError):
        where = exc.ctx.command_path if exc.ctx else "audit"
        say(f"用法错误：{exc.format_message()}（查看用法：{where} -h）")
    else:
        say(f"错误：{exc.format_message()}")
    return EXIT_ERROR


def _interrupted(exc: BaseException) -> int:
    signum = getattr(exc, "signum", signal.SIGINT)
    what = "已终止（收到 SIGTERM）" if signum == signal.SIGTERM else "已中断（Ctrl-C）"
    say(f"{what}：审查未完成，没有写出任何结果文件")
    return 128 + int(signum)


def _prepare_console() -> None:
    """Characters a console cannot encode become ASCII stand-ins instead of an exception (``display``)."""
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(AttributeError, ValueError, OSError):
            stream.reconfigure(errors=SAFE)


@contextlib.contextmanager
def _sigterm_raises():
    """While the command runs, SIGTERM raises ``Interrupted`` (cleanup as for Ctrl-C, then exit 143) and
    Ctrl-C ``KeyboardInterrupt`` as usual. A batch worker forked before it sets its own handlers runs
    these for a moment: there they end the worker quietly, never with a second message or a traceback."""
    owner = os.getpid()

    def handler(signum, frame):
        if os.getpid() != owner:
            os._exit(128 + signum)
        raise Interrupted() if signum == signal.SIGTERM else KeyboardInterrupt()

    try:
        previous = signal.signal(signal.SIGTERM, handler)
    except ValueError:   # not the main thread: leave signals alone
        yield
        return
    interrupt = signal.getsignal(signal.SIGINT)
    if interrupt is signal.default_int_handler:
        signal.signal(signal.SIGINT, handler)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)
        if interrupt is signal.default_int_handler:
            signal.signal(signal.SIGINT, interrupt)
