"""``audit serve``: a local web page where a clerk drops drafts and reads the review (the ``web`` extra).

Starlette on uvicorn, the report pages from the same Jinja2 templates as ``-o html:``. ``GET /`` is
the upload form (one or several .docx .pdf .txt .html files; year, level and rulebook optional);
``POST /`` shows the reports, each with download links for the commented .docx, the HTML page and
the JSON; ``POST /api/audit`` (multipart field ``file``, optional ``year``/``level``/``rulebook``)
answers with the JSON contract (``auditor/schemas/report.schema.json``).

Nothing is kept: uploads are read into memory (Starlette spools a large part to an anonymous
temporary file, closed — and so deleted — before the response), audited from bytes, and the
downloads travel inside the page as ``data:`` links, so there is no state and no file to clean up.
A request over ``MAX_REQUEST_BYTES`` is refused from its Content-Length before it is read. Works
offline: no scripts, fonts or styles from anywhere else.
"""
from __future__ import annotations

import base64

from .errors import AuditorError
from .extras import missing
from .gatekeeping import Policy, apply_policy
from .models import LEVELS
from .read import MAX_INPUT_BYTES, read_bytes
from .rulebook.loader import builtin_names, load_rulebook

MAX_FILES = 20
MAX_REQUEST_BYTES = MAX_INPUT_BYTES + 1024 * 1024   # one file of the input limit, plus the form around it
ACCEPT = ".docx,.pdf,.txt,.md,.html,.htm"
_TOO_LARGE = (f"上传的文件过大：一次最多 {MAX_REQUEST_BYTES // (1024 * 1024)} MB"
              f"（单个报告不超过 {MAX_INPUT_BYTES // (1024 * 1024)} MB），请分批上传")


def create_app(rulebook_ref: str | None = None, max_request_bytes: int = MAX_REQUEST_BYTES):
    """The ASGI application; ``rulebook_ref`` is the default rulebook (a built-in name or a path)."""
    try:
        from starlette.applications import Starlette
        from starlette.concurrency import run_in_threadpool
        from starlette.responses import HTMLResponse, JSONResponse, Response
        from starlette.routing import Route
    except ImportError:
        raise missing("web", "audit serve ") from None
    default = load_rulebook(rulebook_ref)
    choices = list(dict.fromkeys([default.id, *builtin_names()]))

    async def form(request, handler):
        """Parse the multipart form within the size limit, close its files whatever happens."""
        size = request.headers.get("content-length")
        if size is None or not size.isdigit() or int(size) > max_request_bytes:
            return None, _TOO_LARGE if size is None or size.isdigit() else "请求缺少有效的 Content-Length"
        async with request.form(max_files=MAX_FILES, max_fields=50) as data:
            uploads = [(f.filename or "上传的文件", await f.read(MAX_INPUT_BYTES + 1))
                       for f in data.getlist("file") if hasattr(f, "read")]
            fields = {k: data.get(k) for k in ("year", "level", "rulebook")}
        try:
            options, rulebook = _options(fields, default, choices)
        except ValueError as exc:
            return None, str(exc)
        return await run_in_threadpool(handler, uploads, options, rulebook), None

    async def page(request):
        if request.method == "GET":
            return HTMLResponse(_page([], [], default, choices))
        done, error = await form(request, lambda u, o, r: (_audit_all(u, o, r), r))
        if error:
            return HTMLResponse(_page([], [], default, choices, error), status_code=413 if "过大" in error else 400)
        (items, rulebook) = done
        audited = [(a, d) for a, d in items if not isinstance(a, str)]
        failures = [_Failure(d, a) for a, d in items if isinstance(a, str)]
        return HTMLResponse(_page(audited, failures, rulebook, choices))

    async def api(request):
        done, error = await form(request, lambda u, o, r: (_audit_all(u, o, r, downloads=False), r))
        if error:
            return JSONResponse({"error": error}, status_code=413 if "过大" in error else 400)
        items, rulebook = done
        if len(items) != 1:
            return JSONResponse({"error": "请用字段 file 上传一份报告"}, status_code=400)
        result, _ = items[0]
        if isinstance(result, str):
            return JSONResponse({"error": result}, status_code=422)
        from .render.json_report import render_json

        return Response(render_json([result], rulebook.id, rulebook.version), media_type="application/json")

    return Starlette(routes=[Route("/", page, methods=["GET", "POST"]), Route("/api/audit", api, methods=["POST"])])


class _Failure:
    def __init__(self, path: str, message: str):
        self.path, self.message = path, message


def _options(fields: dict, default, choices: list[str]):
    """(audit options, rulebook) from the form; a bad value is a ``ValueError`` with a Chinese message."""
    options = {}
    year = (fields.get("year") or "").strip()
    if year:
        if not year.isdigit() or not 2000 <= int(year) <= 2100:
            raise ValueError(f"年度应为 2000–2100 之间的年份（收到 {year!r}）")
        options["year"] = int(year)
    level = (fields.get("level") or "").strip()
    if level:
        if level not in LEVELS:
            raise ValueError(f"层级应为 {'、'.join(LEVELS)} 之一")
        options["level"] = level
    name = (fields.get("rulebook") or "").strip()
    if name and name not in choices:
        raise ValueError(f"未知规则集 {name!r}，可选：{'、'.join(choices)}")
    rulebook = default if not name or name == default.id else load_rulebook(name)
    return options, rulebook


def _audit_all(uploads, options: dict, rulebook, downloads: bool = True) -> list[tuple]:
    """(AuditResult and its download links, or the Chinese error message and the file name) per upload."""
    from .api import audit_source

    out = []
    for name, data in uploads:
        try:
            if len(data) > MAX_INPUT_BYTES:
                raise AuditorError(f"{name}: 文件过大（上限 {MAX_INPUT_BYTES // (1024 * 1024)} MB），请拆分后分别审查")
            source = read_bytes(data, name)
            result = audit_source(source, rulebook, **options)
            result = apply_policy(result, Policy(), rulebook, source.text, source.directives)
            out.append((result, _downloads(result, source, data, rulebook) if downloads else {}))
        except AuditorError as exc:
            out.append((str(exc), name))
    return out


def _downloads(result, source, data: bytes, rulebook) -> list[dict]:
    """The commented .docx, the HTML page and the JSON of one report, as data: links."""
    from .render.docx_review import render_docx_review
    from .render.html import render_html
    from .render.json_report import render_json

    stem = result.path.rsplit(".", 1)[0] if "." in result.path else result.path
    links = []
    try:
        review = render_docx_review(result, source.text, data if source.format == "docx" else None)
        links.append(_link(f"{stem}-审查.docx", "带批注的 Word 文档",
                           "application/vnd.openxmlformats-officedocument.wordprocessingml.document", review))
    except AuditorError:   # python-docx missing: the other downloads still work
        pass
    links.append(_link(f"{stem}-审查.html", "审查报告（网页）", "text/html", render_html([result], rulebook).encode()))
    links.append(_link(f"{stem}-审查.json", "JSON 结果", "application/json",
                       render_json([result], rulebook.id, rulebook.version).encode()))
    return links


def _link(name: str, label: str, media_type: str, content: bytes) -> dict:
    return {"name": name, "label": label, "href": f"data:{media_type};base64,{base64.b64encode(content).decode()}"}


def _page(audited, failures, rulebook, choices, error: str | None = None) -> str:
    from .render.html import environment, page_context

    context = page_context([a for a, _ in audited], rulebook, failures)
    for view, (_, links) in zip(context["reports"], audited):
        view["downloads"] = links
    context.update(title="法治政府建设年度报告审查", choices=choices, default=rulebook.id, levels=_LEVEL_CHOICES,
                   accept=ACCEPT, error=error, max_mb=MAX_INPUT_BYTES // (1024 * 1024), max_files=MAX_FILES)
    return environment().get_template("web.html.j2").render(context)


_LEVEL_CHOICES = (("", "自动识别"), ("government", "区县及以上政府"), ("department", "政府部门"),
                  ("township", "乡镇（街道）"))


def serve(host: str, port: int, rulebook_ref: str | None = None, announce=print) -> None:
    """Run the app with uvicorn until interrupted; ``announce`` gets the address to open."""
    try:
        import uvicorn
    except ImportError:
        raise missing("web", "audit serve ") from None
    app = create_app(rulebook_ref)
    shown = f"[{host}]" if ":" in host else host
    announce(f"审查页面已启动：在浏览器中打开 http://{shown}:{port}/ （按 Ctrl+C 停止）")
    uvicorn.run(app, host=host, port=port, log_level="warning")
