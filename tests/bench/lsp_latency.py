#!/usr/bin/env python3
"""lsp_latency.py — latency and memory of `cdgrules lsp` (docs/LSP.md).

    tests/bench/lsp_latency.py BUILD/cdgrules RULES.cdg [CHANGES]

Opens RULES.cdg, then CHANGES times (default 50) replaces the first
occurrence of a service key by a misspelling and back, one change per
message, each time waiting for the diagnostics it causes: prints the
median and worst time from sending the change to receiving them, and the
server's resident memory (VmRSS) after the first and the last change.
A measurement tool, not a test: it asserts nothing but the protocol.
"""
import json, os, re, statistics, subprocess, sys, time

def send(p, msg):
    body = json.dumps(msg).encode()
    p.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
    p.stdin.flush()

def recv(p, stamp=None):
    """The next message; stamp[0] receives when its header arrived (the
    server writes a message only once it is complete: that is when the
    server was done, before this client spends time parsing it)."""
    n = None
    while True:
        line = p.stdout.readline()
        if stamp is not None and n is None:
            stamp[0] = time.perf_counter()
        if not line:
            raise EOFError("server closed its output")
        if line in (b"\r\n", b"\n"):
            break
        if line.lower().startswith(b"content-length:"):
            n = int(line.split(b":")[1])
    return json.loads(p.stdout.read(n))

def wait_diags(p, stamp=None):
    while True:
        m = recv(p, stamp)
        if m.get("method") == "textDocument/publishDiagnostics":
            return m["params"]["diagnostics"]

def rss_kb(pid):
    with open(f"/proc/{pid}/status") as f:
        return int(re.search(r"VmRSS:\s+(\d+)", f.read()).group(1))

def main():
    binary, path = sys.argv[1], sys.argv[2]
    changes = int(sys.argv[3]) if len(sys.argv) > 3 else 50
    text = open(path, encoding="utf-8").read()
    lines = text.split("\n")
    # The first line "  NAME: ..." inside a forfait: NAME is misspelt by
    # dropping its last letter.
    row = next(i for i, l in enumerate(lines) if re.match(r"^  [a-z_0-9]+: ", l) and
               any(lines[k].startswith("forfait ") for k in range(i, -1, -1)
                   if not lines[k].startswith("  ")))
    name = re.match(r"^  ([a-z_0-9]+):", lines[row]).group(1)
    p = subprocess.Popen([binary, "lsp"], stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    send(p, {"jsonrpc": "2.0", "id": 0, "method": "initialize", "params": {"capabilities": {}, "locale": "en"}})
    recv(p)
    uri = "file://" + os.path.abspath(path)
    t = time.perf_counter()
    send(p, {"jsonrpc": "2.0", "method": "textDocument/didOpen",
             "params": {"textDocument": {"uri": uri, "languageId": "cdgrules", "version": 1, "text": text}}})
    first = wait_diags(p)
    open_ms = (time.perf_counter() - t) * 1000
    times, rss = [], []
    for v in range(changes):
        typo = v % 2 == 0
        rng = {"start": {"line": row, "character": 2},
               "end": {"line": row, "character": 2 + (len(name) if typo else len(name) - 1)}}
        t = time.perf_counter()
        send(p, {"jsonrpc": "2.0", "method": "textDocument/didChange",
                 "params": {"textDocument": {"uri": uri, "version": v + 2},
                            "contentChanges": [{"range": rng, "text": name[:-1] if typo else name}]}})
        done = [0.0]
        d = wait_diags(p, done)
        times.append((done[0] - t) * 1000)
        if typo and not any(x["severity"] == 1 for x in d):
            sys.exit("no new diagnostic after the typo")
        if v == 0 or v == changes - 1:
            rss.append(rss_kb(p.pid))
    send(p, {"jsonrpc": "2.0", "id": 1, "method": "shutdown"})
    recv(p)
    send(p, {"jsonrpc": "2.0", "method": "exit"})
    status = p.wait()
    print(f"{path}: {len(text)} bytes, {len(first)} diagnostics; open {open_ms:.1f} ms; "
          f"{changes} changes: median {statistics.median(times):.1f} ms, worst {max(times):.1f} ms; "
          f"VmRSS after change 1: {rss[0]} KB, after change {changes}: {rss[-1]} KB; exit {status}")

main()
