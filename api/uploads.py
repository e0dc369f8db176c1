"""Loading through the server: `POST /api/documents` (what `policykg load --server URL` sends).

While `policykg serve` runs it is the store's only writer; this endpoint is how documents reach a served
store. The upload (one or more files, multipart) is parsed like a local load and written in one transaction
through the store's one write path; readers see the old graph or the new one, never a mix.
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Annotated, Literal

from fastapi import APIRouter, Depends, File, HTTPException, Request, UploadFile
from pydantic import BaseModel

from api.deps import StoreDep, WriteAccess
from loaders.errors import LoadError
from loaders.pipeline import load_paths, parse_document
from loaders.read import RawDocument

router = APIRouter(prefix="/api", tags=["load"])
_CHUNK = 1 << 20
# Parsed once at start-up: the loaders read their word lists and the tokenizer its dictionary on first use
# (about 0.6 s), which the first upload would otherwise wait for.
_WARM_UP = "某市节水方案\n一、主要任务\n1. 推广节水器具。到2026年，新建节水小区10个。（市水利局负责）\n"


def warm_loaders() -> None:
    parse_document(RawDocument("warm-up.txt", Path("warm-up.txt"), _WARM_UP, "utf-8"))


class FileResult(BaseModel):
    file: str
    status: Literal["loaded", "unchanged", "error"]
    document_id: str | None = None
    reason: str | None = None  # why the file could not be loaded


class LoadReport(BaseModel):
    files: list[FileResult]
    loaded: int
    unchanged: int
    errors: int
    version: int  # the graph version after the load


def _within_limit(request: Request) -> None:
    """Refuse an upload announced larger than the server allows before reading it."""
    limit = request.app.state.settings.upload_limit_mb
    length = request.headers.get("content-length", "")
    if length.isdigit() and int(length) > limit << 20:
        raise HTTPException(413, f"the upload holds {int(length) >> 20} MB; this server takes at most {limit} MB "
                                 "(POLICYKG_UPLOAD_LIMIT_MB): send fewer files at once")


@router.post("/documents", response_model=LoadReport, dependencies=[Depends(_within_limit)],
             responses={401: {"description": "No or wrong API token"}, 403: {"description": "Writes disabled"},
                        413: {"description": "Upload too large"}, 422: {"description": "A bad file (strict)"}})
def upload_documents(request: Request, store: StoreDep, _: WriteAccess,
                     files: Annotated[list[UploadFile], File(description="policy documents (.txt, .docx, .pdf, .html)")],
                     strict: bool = False, force: bool = False) -> LoadReport:
    """Load documents into the served graph: unchanged ones (same content hash) are skipped unless `force`, a
    changed one replaces its old subgraph, a bad file is reported with its reason and the others load (with
    `strict`, any bad file refuses the whole upload). Needs `Authorization: Bearer <POLICYKG_API_TOKEN>`."""
    with tempfile.TemporaryDirectory(prefix="policykg-upload-") as folder:
        paths = _save(files, Path(folder), request.app.state.settings.upload_limit_mb << 20)
        with store.reader() as reader:
            stored = {} if force else reader.document_hashes()
            version = reader.version()
        try:
            result = load_paths(paths, strict=strict, stored=stored)
        except LoadError as error:
            raise HTTPException(422, f"{error} (nothing was written: strict)") from error
    if result.documents:
        version = store.replace_documents([d.doc_id for d in result.documents], result.graph).version
        request.app.state.analytics.warm(store)
    outcomes = [FileResult(file=d.source_file, status="loaded", document_id=d.doc_id) for d in result.documents]
    outcomes += [FileResult(file=name, status="unchanged") for name in result.unchanged]
    outcomes += [FileResult(file=e.source, status="error", reason=e.problem) for e in result.errors]
    return LoadReport(files=outcomes, loaded=len(result.documents), unchanged=len(result.unchanged),
                      errors=len(result.errors), version=version)


def _save(files: list[UploadFile], folder: Path, limit: int) -> list[Path]:
    """Each upload under its own base name (no directories from the client), within the size limit."""
    paths: list[Path] = []
    total = 0
    for upload in files:
        name = Path((upload.filename or "").replace("\\", "/")).name
        if name in ("", ".", "..") or name.startswith("."):
            raise HTTPException(422, f"an uploaded file needs a plain file name, not {upload.filename!r}")
        path = folder / name
        if path.exists():
            raise HTTPException(422, f"{name} is uploaded twice")
        with path.open("wb") as out:
            while chunk := upload.file.read(_CHUNK):
                total += len(chunk)
                if total > limit:
                    raise HTTPException(413, f"the upload holds more than {limit >> 20} MB, the most this server "
                                             "takes (POLICYKG_UPLOAD_LIMIT_MB): send fewer files at once")
                out.write(chunk)
        paths.append(path)
    return paths
