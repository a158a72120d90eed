"""gongwen: Chinese official reports (政府工作报告, 规划纲要) compiled into a
structured XML tree, transformed into HTML, Markdown, DocBook, CSV, Word...,
and checked for structural faults.

A binding through ctypes of the installed C library, libgongwen.so.1
(``make install`` in the gongwen tree, or the libgongwen1 Debian package):

    >>> import gongwen
    >>> xml = gongwen.parse("一、总则\\n\\n正文。\\n")          # the XML tree, a str
    >>> html = gongwen.convert("一、总则\\n\\n正文。\\n", "html")
    >>> gongwen.outline("一、总则\\n\\n正文。\\n")
    [(1, 'heading', 1, '总则')]
    >>> [d.rule for d in gongwen.check("一、总则\\n\\n（二）正文。\\n")]
    ['numbering-gap']

Text is given as ``str`` or as ``bytes`` (whose encoding is detected: a BOM,
else UTF-8 if valid, else GB18030). The library is found as
``$GONGWEN_LIBRARY`` (a path) if set, else as ``libgongwen.so.1`` where the
dynamic linker looks; its stylesheets as ``$GONGWEN_XSLT_DIR``, else beside
the library (``LIBDIR/../share/gongwen/xslt``).
"""

import ctypes
import os
import threading
from dataclasses import dataclass
from typing import List, Optional, Sequence, Tuple, Union

__all__ = [
    "Error", "Diagnostic", "Rule", "parse", "convert", "outline", "check", "rules",
    "version", "library_version",
]

__version__ = "0.1.0"

Text = Union[str, bytes]


class _Error(ctypes.Structure):
    _fields_ = [
        ("status", ctypes.c_int),
        ("line", ctypes.c_ulong),
        ("column", ctypes.c_ulong),
        ("message", ctypes.c_char * 512),
    ]


class _Diagnostic(ctypes.Structure):
    _fields_ = [
        ("rule", ctypes.c_char_p),
        ("severity", ctypes.c_int),
        ("line", ctypes.c_ulong),
        ("column", ctypes.c_ulong),
        ("end_line", ctypes.c_ulong),
        ("end_column", ctypes.c_ulong),
        ("message", ctypes.c_char_p),
    ]


_P = ctypes.c_void_p
_S = ctypes.c_char_p
_SIZE = ctypes.c_size_t
_ERR = ctypes.POINTER(_Error)

# name: (result, argument types); what the binding uses of gongwen.h
_SIGNATURES = {
    "gw_version": (ctypes.c_int, []),
    "gw_version_string": (_S, []),
    "gw_init": (None, []),
    "gw_free": (None, [_P]),
    "gw_status_name": (_S, [ctypes.c_int]),
    "gw_read": (_P, [_S, _SIZE, _S, _P, _ERR]),
    "gw_text_free": (None, [_P]),
    "gw_parse": (_P, [_P, _S, _ERR]),
    "gw_document_free": (None, [_P]),
    "gw_serialize_xml": (ctypes.c_int, [_P, ctypes.POINTER(_P), ctypes.POINTER(_SIZE), _ERR]),
    "gw_styles_new": (_P, [_S, _S, _ERR]),
    "gw_styles_free": (None, [_P]),
    "gw_styles_prepare": (ctypes.c_int, [_P, _S, ctypes.POINTER(_S), _ERR]),
    "gw_transform": (ctypes.c_int, [_P, _S, _P, ctypes.POINTER(_S), ctypes.c_int,
                                    ctypes.POINTER(_P), ctypes.POINTER(_SIZE), _ERR]),
    "gw_check_severity_name": (_S, [ctypes.c_int]),
    "gw_check_rule_count": (_SIZE, []),
    "gw_check_rule_id": (_S, [_SIZE]),
    "gw_check_rule_severity": (ctypes.c_int, [_SIZE]),
    "gw_check_rule_description": (_S, [_SIZE]),
    "gw_checker_new": (_P, []),
    "gw_checker_free": (None, [_P]),
    "gw_checker_set_rule": (ctypes.c_int, [_P, _S, ctypes.c_int, _ERR]),
    "gw_checker_set_allow_level_skip": (None, [_P, ctypes.c_int]),
    "gw_checker_set_encoding": (ctypes.c_int, [_P, _S, _ERR]),
    "gw_checker_set_language": (ctypes.c_int, [_P, _S, _ERR]),
    "gw_check_source": (_P, [_P, _S, _SIZE, _ERR]),
    "gw_diagnostics_count": (_SIZE, [_P]),
    "gw_diagnostics_get": (ctypes.POINTER(_Diagnostic), [_P, _SIZE]),
    "gw_diagnostics_free": (None, [_P]),
}


def _load():
    path = os.environ.get("GONGWEN_LIBRARY") or "libgongwen.so.1"
    try:
        lib = ctypes.CDLL(path)
    except OSError as e:
        raise ImportError(
            "gongwen: cannot load %s (%s): install the C library (make install, or the "
            "libgongwen1 package) or set GONGWEN_LIBRARY to its path" % (path, e)) from None
    for name, (res, args) in _SIGNATURES.items():
        f = getattr(lib, name)
        f.restype = res
        f.argtypes = args
    lib.gw_init()
    return lib


_lib = _load()


def _loaded_path() -> Optional[str]:
    """The file the dynamic linker loaded the library from (Linux)."""
    try:
        with open("/proc/self/maps") as maps:
            for line in maps:
                path = line.split(None, 5)[-1].strip()
                if "/libgongwen.so" in path and os.path.exists(path):
                    return path
    except OSError:
        pass
    return None


def _xslt_dir() -> Optional[str]:
    """The stylesheets of the installation the library belongs to: None
    lets the library look ($GONGWEN_XSLT_DIR, its compiled-in directory)."""
    if os.environ.get("GONGWEN_XSLT_DIR"):
        return None
    lib = _loaded_path()
    if not lib:
        return None
    here = os.path.dirname(os.path.realpath(lib))
    for rel in ("../share/gongwen/xslt", "../../share/gongwen/xslt", "../xslt"):
        d = os.path.normpath(os.path.join(here, rel))
        if os.path.isfile(os.path.join(d, "html.xsl")):
            return d
    return None


class Error(Exception):
    """A failure the library reports: status is its gw_status name
    ("GW_ERR_INVALID_BYTE"...), line and column (1-based, 0: none) where
    the input went wrong."""

    def __init__(self, status: str, line: int, column: int, message: str):
        where = "%d:%d: " % (line, column) if line else ""
        super().__init__(where + message)
        self.status, self.line, self.column, self.message = status, line, column, message


def _raise(err: _Error, status: Optional[int] = None):
    s = err.status if status is None else status
    raise Error(_lib.gw_status_name(s).decode(), err.line, err.column,
                err.message.decode("utf-8", "replace"))


def _bytes(text: Text) -> bytes:
    if isinstance(text, str):
        return text.encode("utf-8")
    if isinstance(text, (bytes, bytearray, memoryview)):
        return bytes(text)
    raise TypeError("gongwen: text must be str or bytes, not %s" % type(text).__name__)


def _take(buf: ctypes.c_void_p, size: int) -> bytes:
    try:
        return ctypes.string_at(buf, size)
    finally:
        _lib.gw_free(buf)


class _Document:
    """A read and parsed text, freed when the block ends: bytes of any
    format the command reads (text, .docx, .html, .pdf, Markdown)."""

    def __init__(self, text: Text, source: Optional[str]):
        data = _bytes(text)
        err = _Error()
        self.text = _lib.gw_read(data, len(data), None, None, ctypes.byref(err))
        if not self.text:
            _raise(err)
        self.doc = _lib.gw_parse(self.text, source.encode() if source else None,
                                 ctypes.byref(err))
        if not self.doc:
            _lib.gw_text_free(self.text)
            _raise(err)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        _lib.gw_document_free(self.doc)
        _lib.gw_text_free(self.text)


def parse(text: Text, source: Optional[str] = None) -> str:
    """The report's XML tree (grammar/gongwen.rng) as a string. source: the
    file name recorded on the root (none by default)."""
    with _Document(text, source) as d:
        out, size, err = _P(), _SIZE(), _Error()
        s = _lib.gw_serialize_xml(d.doc, ctypes.byref(out), ctypes.byref(size), ctypes.byref(err))
        if s != 0:
            _raise(err, s)
        return _take(out, size.value).decode("utf-8")


class _Styles:
    """One compiled set of stylesheets for the process, made on first use;
    transformations take turns (a set is shared safely only once every
    format it serves is prepared)."""

    def __init__(self):
        self.lock = threading.Lock()
        self.ptr = None

    def transform(self, fmt: str, doc, params) -> bytes:
        with self.lock:
            err = _Error()
            if not self.ptr:
                d = _xslt_dir()
                self.ptr = _lib.gw_styles_new(d.encode() if d else None, None, ctypes.byref(err))
                if not self.ptr:
                    _raise(err)
            flat = []
            for k, v in (params or {}).items():
                flat += [str(k).encode(), str(v).encode()]
            arr = (_S * (len(flat) + 1))(*flat, None)
            out, size = _P(), _SIZE()
            s = _lib.gw_transform(self.ptr, fmt.encode(), doc, arr, 0, ctypes.byref(out),
                                  ctypes.byref(size), ctypes.byref(err))
            if s != 0:
                _raise(err, s)
            return _take(out, size.value)


_styles = _Styles()


def convert(text: Text, to: str = "html", params: Optional[dict] = None,
            source: Optional[str] = None) -> Union[str, bytes]:
    """The report in format to (html, markdown, docbook, csv, outline, text,
    docx, odt, or any NAME.xsl among the stylesheets); params: the
    stylesheet's parameters ({"toc-depth": 3}). str, or bytes for docx and
    odt. "xml" is parse()."""
    if to == "xml":
        return parse(text, source)
    with _Document(text, source) as d:
        out = _styles.transform(to, d.doc, params)
    # the binary formats are the zip packages (docx, odt: src/package.c)
    return out if out.startswith(b"PK\x03\x04") else out.decode("utf-8")


def outline(text: Text) -> List[Tuple[int, str, int, str]]:
    """Every structural element as (line, kind, depth, title), in order."""
    rows = []
    for row in convert(text, "outline").splitlines():
        line, kind, depth, title = row.split("\t", 3)
        rows.append((int(line), kind, int(depth), title))
    return rows


@dataclass(frozen=True)
class Diagnostic:
    """One finding of check(): lines and columns 1-based, columns in
    characters, the end exclusive."""
    rule: str
    severity: str  # "note", "warning" or "error"
    line: int
    column: int
    end_line: int
    end_column: int
    message: str

    def __str__(self):
        return "%d:%d: %s: %s [%s]" % (self.line, self.column, self.severity, self.message,
                                        self.rule)


@dataclass(frozen=True)
class Rule:
    id: str
    severity: str
    description: str


def rules() -> List[Rule]:
    """The checker's rules (gongwen check --list-rules)."""
    return [Rule(_lib.gw_check_rule_id(i).decode(),
                 _lib.gw_check_severity_name(_lib.gw_check_rule_severity(i)).decode(),
                 _lib.gw_check_rule_description(i).decode())
            for i in range(_lib.gw_check_rule_count())]


def check(text: Text, language: Optional[str] = None, disable: Sequence[str] = (),
          enable: Sequence[str] = (), allow_level_skip: bool = False,
          encoding: Optional[str] = None) -> List[Diagnostic]:
    """The report's structural faults, sorted by position, as gongwen check
    finds them. text: str, or a file's bytes (text in any encoding, .docx,
    .html, .pdf). language: "zh", "en", or None for the process's locale.
    disable/enable: rule ids ("all" for every rule), enable applied after
    disable."""
    data = _bytes(text)
    err = _Error()
    ck = _lib.gw_checker_new()
    if not ck:
        raise MemoryError()
    try:
        for ids, on in ((disable, 0), (enable, 1)):
            for rid in ([ids] if isinstance(ids, str) else ids):
                if _lib.gw_checker_set_rule(ck, rid.encode(), on, ctypes.byref(err)) != 0:
                    _raise(err)
        _lib.gw_checker_set_allow_level_skip(ck, int(bool(allow_level_skip)))
        if encoding and _lib.gw_checker_set_encoding(ck, encoding.encode(), ctypes.byref(err)):
            _raise(err)
        if language and _lib.gw_checker_set_language(ck, language.encode(), ctypes.byref(err)):
            _raise(err)
        found = _lib.gw_check_source(ck, data, len(data), ctypes.byref(err))
        if not found:
            _raise(err)
    finally:
        _lib.gw_checker_free(ck)
    try:
        out = []
        for i in range(_lib.gw_diagnostics_count(found)):
            g = _lib.gw_diagnostics_get(found, i).contents
            out.append(Diagnostic(g.rule.decode(), _lib.gw_check_severity_name(g.severity).decode(),
                                  g.line, g.column, g.end_line, g.end_column,
                                  g.message.decode("utf-8", "replace")))
        return out
    finally:
        _lib.gw_diagnostics_free(found)


def version() -> str:
    """The loaded library's version, "0.1.0"."""
    return _lib.gw_version_string().decode()


def library_version() -> int:
    """The same as MAJOR * 10000 + MINOR * 100 + PATCH."""
    return _lib.gw_version()

