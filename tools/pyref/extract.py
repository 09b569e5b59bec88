"""Extract wire facts from an installed istari-digital-client into JSON.

Run inside the throwaway virtualenv made by `make pyref` (tools/pyref/run.sh). It reads the package's generated
API modules with the ast module (nothing is executed for them) and imports its model modules to read the pydantic
field tables. The output holds facts only (names, methods, paths, types, wire values): no code, no prose.
"""

import argparse
import ast
import enum
import importlib
import importlib.metadata
import inspect
import json
import pathlib
import pkgutil
import sys
import typing

PKG = "istari_digital_client"

# API groups: name -> (module holding the API class, class name, models package).
API_GROUPS = {
    "v2": ("legacy.v2.api.v2_api", "V2Api", "legacy.v2.models"),
    "storage": ("legacy.storage.api.storage_api", "StorageApi", "legacy.storage.models"),
    "v3": ("legacy.v3.api.v3_api", "V3Api", "legacy.v3.models"),
    "identity_v2": ("identity.v2.api.identity_v2_api", "IdentityV2Api", "identity.v2.models"),
}

# Generated copies that must carry the same routes as the groups above (checked, not extracted twice).
MIRRORS = {
    "v2": "sdk._generated.v2.api.v2_api",
    "storage": "sdk._generated.storage_api.api.storage_api",
    "v3": "sdk._generated.v3.api.v3_api",
}

SKIP_PARAMS = {"self", "http_request_timeout_secs", "_request_auth", "_content_type", "_headers", "_host_index"}


def src(node):
    return ast.unparse(node) if node is not None else None


def module_file(mod):
    return pathlib.Path(importlib.util.find_spec(f"{PKG}.{mod}").origin)


def strip_annotation(node):
    """Type text of a parameter annotation without Field(...) metadata: Annotated[X, Field(..)] -> X."""
    if isinstance(node, ast.Subscript) and src(node.value) == "Annotated":
        elts = node.slice.elts if isinstance(node.slice, ast.Tuple) else [node.slice]
        return strip_annotation(elts[0])
    if isinstance(node, ast.Subscript):
        inner = node.slice
        if isinstance(inner, ast.Tuple):
            return f"{src(node.value)}[{', '.join(strip_annotation(e) for e in inner.elts)}]"
        return f"{src(node.value)}[{strip_annotation(inner)}]"
    return src(node)


def serialize_facts(fn):
    """Method, path and parameter wire names from a *_serialize function, or None when the path is not a literal."""
    facts = {"path_params": {}, "query_params": {}, "header_params": {}, "form_params": {}, "files": {}, "body": None}
    call = None
    for node in ast.walk(fn):
        if isinstance(node, ast.Call) and src(node.func).endswith("param_serialize"):
            call = node
        # _path_params['wire'] = python_name / _header_params['wire'] = python_name
        if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Subscript):
            tgt = node.targets[0]
            bucket = {"_path_params": "path_params", "_header_params": "header_params"}.get(src(tgt.value))
            if bucket and isinstance(tgt.slice, ast.Constant) and isinstance(node.value, (ast.Name, ast.Attribute)):
                facts[bucket][tgt.slice.value] = src(node.value).split(".")[0]
            if src(tgt.value) == "_files" and isinstance(tgt.slice, ast.Constant):
                facts["files"][tgt.slice.value] = src(node.value)
        # _query_params.append(('wire', python_name...))
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "append":
            owner = src(node.func.value)
            if owner in ("_query_params", "_form_params") and node.args and isinstance(node.args[0], ast.Tuple):
                k, v = node.args[0].elts[:2]
                if isinstance(k, ast.Constant):
                    name = v.id if isinstance(v, ast.Name) else src(v).split(".")[0]
                    facts["query_params" if owner == "_query_params" else "form_params"][k.value] = name
        if isinstance(node, ast.Assign) and len(node.targets) == 1 and src(node.targets[0]) == "_body_params":
            if isinstance(node.value, ast.Name):
                facts["body"] = node.value.id
    if call is None:
        return None
    kw = {k.arg: k.value for k in call.keywords}
    if not isinstance(kw.get("method"), ast.Constant) or not isinstance(kw.get("resource_path"), ast.Constant):
        return None
    facts["method"] = kw["method"].value
    facts["path"] = kw["resource_path"].value
    for node in ast.walk(fn):
        if isinstance(node, ast.Call) and src(node.func).endswith("select_header_content_type"):
            facts["content_types"] = [e.value for e in node.args[0].elts] if node.args and isinstance(node.args[0], ast.List) else []
    return facts


def api_operations(mod, cls_name):
    tree = ast.parse(module_file(mod).read_text())
    cls = next(n for n in tree.body if isinstance(n, ast.ClassDef) and n.name == cls_name)
    funcs = {f.name: f for f in cls.body if isinstance(f, ast.FunctionDef)}
    ops = {}
    for name, fn in funcs.items():
        ser = None
        for node in ast.walk(fn):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr.endswith("_serialize"):
                ser = node.func.attr
        if ser is None or name.endswith(("_serialize", "_with_http_info", "_without_preload_content")):
            continue
        ser_fn = funcs.get(ser) or funcs.get(f"_{cls_name}{ser}" if ser.startswith("__") else ser)
        if ser_fn is None:
            continue
        facts = serialize_facts(ser_fn)
        if facts is None:
            continue
        args = fn.args.args
        defaults = [None] * (len(args) - len(fn.args.defaults)) + list(fn.args.defaults)
        params = {}
        for a, d in zip(args, defaults):
            if a.arg in SKIP_PARAMS:
                continue
            params[a.arg] = {"type": strip_annotation(a.annotation), "required": d is None}
        resp = {}
        deprecated = False
        for node in ast.walk(fn):
            if isinstance(node, ast.AnnAssign) and src(node.target) == "_response_types_map" and isinstance(node.value, ast.Dict):
                resp = {k.value: (v.value if isinstance(v, ast.Constant) else src(v)) for k, v in zip(node.value.keys, node.value.values)}
            if isinstance(node, ast.Call) and src(node.func) == "warnings.warn":
                deprecated = True

        def wire(bucket):
            return [{"name": w, "python_name": p, "type": params.get(p, {}).get("type"), "required": params.get(p, {}).get("required", False)}
                    for w, p in sorted(facts[bucket].items())]

        body = None
        if facts["body"]:
            body = {"python_name": facts["body"], "type": params.get(facts["body"], {}).get("type"),
                    "required": params.get(facts["body"], {}).get("required", False)}
        op_id = name.lstrip("_")
        ops[op_id] = {
            "python_method": name,
            "method": facts["method"],
            "path": facts["path"],
            "path_params": wire("path_params"),
            "query_params": wire("query_params"),
            "header_params": wire("header_params"),
            "form_params": wire("form_params"),
            "files": sorted(facts["files"]),
            "body": body,
            "content_types": facts.get("content_types", []),
            "responses": resp,
            "deprecated": deprecated,
        }
    return dict(sorted(ops.items()))


def routes_of(mod):
    tree = ast.parse(module_file(mod).read_text())
    out = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and src(node.func).endswith("param_serialize"):
            kw = {k.arg: k.value for k in node.keywords}
            if isinstance(kw.get("resource_path"), ast.Constant):
                out.add((kw["method"].value, kw["resource_path"].value))
    return out


def type_text(t):
    """A compact type name: Optional[List[str]], Dict[str, object], datetime, ModelName."""
    origin, args = typing.get_origin(t), typing.get_args(t)
    if origin is typing.Annotated:
        return type_text(args[0])
    if origin in (typing.Union, getattr(__import__("types"), "UnionType", None)):
        rest = [a for a in args if a is not type(None)]
        inner = type_text(rest[0]) if len(rest) == 1 else f"Union[{', '.join(type_text(a) for a in rest)}]"
        return f"Optional[{inner}]" if len(rest) < len(args) else inner
    if origin is not None:
        name = {list: "List", dict: "Dict", set: "Set", tuple: "Tuple"}.get(origin, getattr(origin, "__name__", str(origin)))
        if str(origin) == "typing.Literal":
            return f"Literal[{', '.join(repr(a) for a in args)}]"
        return f"{name}[{', '.join(type_text(a) for a in args)}]" if args else name
    if t is type(None):
        return "None"
    if isinstance(t, type):
        return t.__name__
    return str(t).replace("typing.", "")


def nullable(t):
    return type(None) in typing.get_args(t) or t is type(None)


def models(pkg):
    out_models, out_enums = {}, {}
    base = importlib.import_module(f"{PKG}.{pkg}")
    for info in pkgutil.iter_modules(base.__path__):
        mod = importlib.import_module(f"{PKG}.{pkg}.{info.name}")
        for cname, cls in inspect.getmembers(mod, inspect.isclass):
            if cls.__module__ != mod.__name__:
                continue
            if issubclass(cls, enum.Enum):
                out_enums[cname] = [m.value for m in cls]
            elif hasattr(cls, "model_fields"):
                fields = {}
                for fname, f in cls.model_fields.items():
                    fields[f.alias or fname] = {
                        "python_name": fname,
                        "type": type_text(f.annotation),
                        "required": f.is_required(),
                        "nullable": nullable(f.annotation),
                    }
                entry = {"fields": dict(sorted(fields.items()))}
                extra = (getattr(cls, "model_config", {}) or {}).get("extra")
                if extra:
                    entry["extra"] = extra
                if hasattr(cls, "one_of_schemas"):
                    entry["one_of"] = sorted(cls.__fields__.get("one_of_schemas").default) if "one_of_schemas" in cls.model_fields else None
                out_models[cname] = entry
    return dict(sorted(out_models.items())), dict(sorted(out_enums.items()))


def bundled_documents():
    root = pathlib.Path(importlib.util.find_spec(PKG).origin).parent
    docs = {}
    for p in sorted(root.rglob("*")):
        if p.suffix in (".json", ".yaml", ".yml") and p.is_file():
            text = p.read_text()
            if "openapi" in text[:2000]:
                docs[str(p.relative_to(root))] = json.loads(text) if p.suffix == ".json" else text
    return docs


def computed():
    """What the client computes for fixed inputs, for byte-for-byte comparison with the Go SDK."""
    out = {}
    try:
        core = importlib.import_module("istari_digital_core")
    except ModuleNotFoundError:
        return out
    cases = [(b"", "s"), (b"hello world", "abc"), (bytes(range(256)) * 4, "7abcfeda6f564c33b7e3d072c7cc087b")]
    out["content_tokens"] = [{"data_hex": d.hex(), "salt": salt, "sha": core.Token.from_bytes(d, salt).sha} for d, salt in cases]
    salts = [core.Token.from_bytes(b"x", None).salt for _ in range(64)]
    out["generated_salt"] = {
        "length": sorted({len(x) for x in salts}),
        "lowercase_hex": all(x == x.lower() and all(c in "0123456789abcdef" for c in x) for x in salts),
        "uuid4_hex": all(x[12] == "4" and x[16] in "89ab" for x in salts),
    }
    props = importlib.import_module(f"{PKG}.legacy.v2.models.properties").Properties
    blobs = []
    for fields in ({"file_name": "wing.step", "size": 5, "extension": "step", "mime": None},
                   {"file_name": "wing.step", "size": 5, "extension": "step", "mime": "application/step",
                    "description": "d", "version_name": "v1", "external_identifier": "x-1", "display_name": "Wing"}):
        blob = props(**fields).to_bytes()
        blobs.append({"fields": fields, "blob": blob.decode(), "sha_with_salt_s": core.Token.from_bytes(blob, "s").sha})
    out["properties_blobs"] = blobs
    # X-Istari-Client-Api-Hashes as the Client (V2Api + StorageApi spec ids) sends it, without and with tags.
    try:
        api_client = importlib.import_module(f"{PKG}.legacy.api_client").ApiClient
        v2api = importlib.import_module(f"{PKG}.legacy.v2.api.v2_api").V2Api
        stapi = importlib.import_module(f"{PKG}.legacy.storage.api.storage_api").StorageApi
        spec_ids = (v2api._SPEC_ID, stapi._SPEC_ID)  # what Client passes to its ApiClient
    except (ModuleNotFoundError, AttributeError):
        return out
    headers = []
    for tags in (None, ["Model", "Agent", "Tenants"]):
        cfg = type("Cfg", (), {"tags": tags})()
        ac = api_client.__new__(api_client)
        ac.configuration, ac.default_headers = cfg, {}
        ac._set_compatibility_header(spec_ids)
        headers.append({"spec_ids": list(spec_ids), "tags": tags,
                        "header": ac.default_headers.get("X-Istari-Client-Api-Hashes")})
    out["api_hash_headers"] = headers
    return out


def extract():
    version = importlib.metadata.version("istari-digital-client")
    out = {"package": "istari-digital-client", "version": version, "groups": {}, "mirrors_identical": {},
           "models": {}, "enums": {}, "openapi_documents": bundled_documents()}
    for group, (mod, cls, models_pkg) in API_GROUPS.items():
        try:
            ops = api_operations(mod, cls)
        except (ModuleNotFoundError, StopIteration):
            continue
        spec_id = None
        try:
            spec_id = getattr(getattr(importlib.import_module(f"{PKG}.{mod}"), cls), "_SPEC_ID", None)
        except Exception:  # noqa: BLE001 - the spec id is informative only
            pass
        m, e = models(models_pkg)
        out["groups"][group] = {"python_class": cls, "spec_id": spec_id, "operations": ops}
        out["models"][group] = m
        out["enums"][group] = e
        if group in MIRRORS:
            out["mirrors_identical"][MIRRORS[group]] = routes_of(MIRRORS[group]) == routes_of(mod)
    out["computed"] = computed()
    try:
        hashes = importlib.import_module(f"{PKG}.sdk._compatibility").API_HASHES
        out["api_hashes"] = dict(sorted(hashes.items()))
    except (ModuleNotFoundError, AttributeError):
        out["api_hashes"] = {}
    return out


def diff(old, new):
    """Human-readable lines for what changed between two extractions."""
    lines = []
    if old.get("version") != new.get("version"):
        lines.append(f"version {old.get('version')} -> {new.get('version')}")
    for group in sorted(set(old.get("groups", {})) | set(new.get("groups", {}))):
        a = old.get("groups", {}).get(group, {}).get("operations", {})
        b = new.get("groups", {}).get(group, {}).get("operations", {})
        for op in sorted(set(a) - set(b)):
            lines.append(f"{group}: removed operation {op} ({a[op]['method']} {a[op]['path']})")
        for op in sorted(set(b) - set(a)):
            lines.append(f"{group}: new operation {op} ({b[op]['method']} {b[op]['path']})")
        for op in sorted(set(a) & set(b)):
            for key in ("method", "path", "path_params", "query_params", "body", "responses", "deprecated"):
                if a[op].get(key) != b[op].get(key):
                    lines.append(f"{group}: {op}: {key} changed")
    for kind in ("models", "enums"):
        for group in sorted(set(old.get(kind, {})) | set(new.get(kind, {}))):
            a, b = old.get(kind, {}).get(group, {}), new.get(kind, {}).get(group, {})
            for n in sorted(set(a) - set(b)):
                lines.append(f"{group}: removed {kind[:-1]} {n}")
            for n in sorted(set(b) - set(a)):
                lines.append(f"{group}: new {kind[:-1]} {n}")
            for n in sorted(set(a) & set(b)):
                if a[n] != b[n]:
                    lines.append(f"{group}: {kind[:-1]} {n} changed")
    if old.get("computed") != new.get("computed"):
        lines.append("computed checksums, salts or properties blobs changed")
    if old.get("api_hashes") != new.get("api_hashes"):
        lines.append("api_hashes changed")
    return lines


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", required=True)
    ap.add_argument("--previous", help="an earlier extraction to compare with")
    args = ap.parse_args()
    facts = extract()
    text = json.dumps(facts, indent=1, sort_keys=False, ensure_ascii=False) + "\n"
    pathlib.Path(args.out).write_text(text)
    n = sum(len(g["operations"]) for g in facts["groups"].values())
    print(f"pyref: istari-digital-client {facts['version']}: {n} operations, "
          f"{sum(len(m) for m in facts['models'].values())} models, {sum(len(e) for e in facts['enums'].values())} enums -> {args.out}")
    if args.previous and pathlib.Path(args.previous).exists():
        old = json.loads(pathlib.Path(args.previous).read_text())
        changes = diff(old, facts)
        print(f"pyref: {len(changes)} change(s) since {args.previous}")
        for line in changes:
            print("  " + line)


if __name__ == "__main__":
    sys.exit(main())
