/* lsp_server.c — `cdgrules lsp`: the JSON-RPC loop of the language server,
 * its life cycle (initialize, shutdown, exit), the open documents and their
 * diagnostics. The features are in lsp_features.c. */
#include <locale.h>
#include <malloc.h>
#include <signal.h>
#include <stdio_ext.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "lsp.h"

static const char lsp_help[] =
    N_("usage: cdgrules lsp [--stdio]\n"
    "\n"
    "Runs the language server of the rules language on standard input and\n"
    "output (the Language Server Protocol, as editors speak it): the\n"
    "diagnostics of 'check' as you type, hover, go to definition, references,\n"
    "rename, outline, completion, formatting and quick fixes. An editor starts\n"
    "it; docs/LSP.md says how to set up VS Code, Neovim and Vim.\n"
    "\n"
    "  --stdio       accepted for editors that pass it (the only transport)\n"
    "\n"
    "Exit status: 0 after the client's 'shutdown' then 'exit', 1 when the\n"
    "client stops without 'shutdown', 2 usage error.\n");

/* ---- answers ------------------------------------------------------------- */

/* Opens the memory stream and the message object of r. */
static bool message_begin(lsp_reply *r)
{
    r->data = NULL;
    r->len = 0;
    r->mem = open_memstream(&r->data, &r->len);
    if (!r->mem)
        return false;
    /* One thread writes it: no lock per character (a 10 MB offer's
     * diagnostics are megabytes of JSON, written a byte at a time). */
    __fsetlocking(r->mem, FSETLOCKING_BYCALLER);
    cdg_json_init(&r->j, r->mem, CDG_JSON_COMPACT);
    cdg_json_begin_object(&r->j, CDG_JSON_INLINE);
    cdg_json_key_str(&r->j, "jsonrpc", "2.0");
    return true;
}

/* Writes a request's id as the client sent it (a number or a string). */
static void write_id(cdg_json *j, const json_t *id)
{
    cdg_json_key(j, "id");
    if (json_is_integer(id))
        cdg_json_int(j, json_integer_value(id));
    else if (json_is_string(id))
        cdg_json_str(j, json_string_value(id));
    else
        cdg_json_null(j);
}

bool lsp_reply_begin(lsp_reply *r, const json_t *id)
{
    if (!message_begin(r))
        return false;
    write_id(&r->j, id);
    cdg_json_key(&r->j, "result");
    return true;
}

bool lsp_notify_begin(lsp_reply *r, const char *method)
{
    if (!message_begin(r))
        return false;
    cdg_json_key_str(&r->j, "method", method);
    cdg_json_key(&r->j, "params");
    return true;
}

void lsp_reply_send(lsp_server *s, lsp_reply *r)
{
    cdg_json_end(&r->j);
    if (fclose(r->mem) == 0 && !lsp_write(s->out, r->data, r->len))
        s->gone = true;
    free(r->data);
}

void lsp_reply_error(lsp_server *s, const json_t *id, int code, const char *message)
{
    lsp_reply r;
    if (!message_begin(&r))
        return;
    write_id(&r.j, id);
    cdg_json_key(&r.j, "error");
    cdg_json_begin_object(&r.j, CDG_JSON_INLINE);
    cdg_json_key_int(&r.j, "code", code);
    cdg_json_key_str(&r.j, "message", message);
    cdg_json_end(&r.j);
    lsp_reply_send(s, &r);
}

/* ---- positions ----------------------------------------------------------- */

static void json_pos(cdg_json *j, lsp_pos p)
{
    cdg_json_begin_object(j, CDG_JSON_INLINE);
    cdg_json_key_int(j, "line", p.line);
    cdg_json_key_int(j, "character", p.character);
    cdg_json_end(j);
}

void lsp_json_range(cdg_json *j, const lsp_doc *d, size_t begin, size_t end)
{
    cdg_json_begin_object(j, CDG_JSON_INLINE);
    cdg_json_key(j, "start");
    json_pos(j, lsp_doc_pos(d, begin));
    cdg_json_key(j, "end");
    json_pos(j, lsp_doc_pos(d, end));
    cdg_json_end(j);
}

void lsp_json_location(cdg_json *j, const lsp_doc *d, size_t begin, size_t end)
{
    cdg_json_begin_object(j, CDG_JSON_INLINE);
    cdg_json_key_str(j, "uri", d->uri);
    cdg_json_key(j, "range");
    lsp_json_range(j, d, begin, end);
    cdg_json_end(j);
}

/* The unsigned integer member key of o (0 when absent or negative). */
static unsigned uint_member(const json_t *o, const char *key)
{
    json_int_t v = json_integer_value(json_object_get(o, key));
    return v > 0 && v < (json_int_t)UINT32_MAX ? (unsigned)v : 0;
}

static lsp_pos read_pos(const json_t *p)
{
    return (lsp_pos){uint_member(p, "line"), uint_member(p, "character")};
}

size_t lsp_param_offset(const lsp_doc *d, const json_t *params)
{
    return lsp_doc_offset(d, read_pos(json_object_get(params, "position")));
}

/* ---- documents ----------------------------------------------------------- */

/* The document of uri, or NULL; *prev receives the link that points to it. */
static lsp_doc *find_uri(lsp_server *s, const char *uri, lsp_doc ***prev)
{
    for (lsp_doc **p = &s->docs; *p; p = &(*p)->next)
        if (strcmp((*p)->uri, uri) == 0) {
            if (prev)
                *prev = p;
            return *p;
        }
    return NULL;
}

/* Analyses d if its text changed since; false when out of memory. */
static bool fresh(lsp_server *s, lsp_doc *d)
{
    if (!d->stale)
        return true;
    if (!lsp_doc_analyse(d, &s->memctl))
        return false;
    d->stale = false;
    return true;
}

lsp_doc *lsp_find_doc(lsp_server *s, const json_t *params)
{
    const char *uri = json_string_value(json_object_get(json_object_get(params, "textDocument"), "uri"));
    lsp_doc *d = uri ? find_uri(s, uri, NULL) : NULL;
    return d && fresh(s, d) && d->unit ? d : NULL;
}

/* textDocument/didOpen: a new document (or a new text for one open). */
static void did_open(lsp_server *s, const json_t *params)
{
    const json_t *td = json_object_get(params, "textDocument");
    const char *uri = json_string_value(json_object_get(td, "uri"));
    const json_t *text = json_object_get(td, "text");
    if (!uri || !json_is_string(text))
        return;
    lsp_doc **prev, *old = find_uri(s, uri, &prev);
    lsp_doc *d = lsp_doc_new(uri, json_string_value(text), json_string_length(text));
    if (!d) {
        fprintf(stderr, _("cdgrules lsp: %s: out of memory\n"), uri);
        return;
    }
    if (old) {
        d->next = old->next;
        *prev = d;
        lsp_doc_free(old);
    } else {
        d->next = s->docs;
        s->docs = d;
    }
    d->stale = d->dirty = true;
}

/* textDocument/didChange: each change replaces a range (incremental
 * sync) or the whole text (full sync), in order. */
static void did_change(lsp_server *s, const json_t *params)
{
    const char *uri = json_string_value(json_object_get(json_object_get(params, "textDocument"), "uri"));
    lsp_doc *d = uri ? find_uri(s, uri, NULL) : NULL;
    const json_t *changes = json_object_get(params, "contentChanges");
    if (!d || !json_is_array(changes))
        return;
    size_t i;
    const json_t *c;
    json_array_foreach(changes, i, c) {
        const json_t *text = json_object_get(c, "text");
        const json_t *range = json_object_get(c, "range");
        if (!json_is_string(text))
            continue;
        size_t b = 0, e = d->len;
        if (json_is_object(range)) {
            b = lsp_doc_offset(d, read_pos(json_object_get(range, "start")));
            e = lsp_doc_offset(d, read_pos(json_object_get(range, "end")));
        }
        if (!lsp_doc_edit(d, b, e, json_string_value(text), json_string_length(text))) {
            fprintf(stderr, _("cdgrules lsp: %s: out of memory\n"), uri);
            return;
        }
    }
    d->stale = d->dirty = true;
}

/* textDocument/didClose: forgets the document and clears its diagnostics. */
static void did_close(lsp_server *s, const json_t *params)
{
    const char *uri = json_string_value(json_object_get(json_object_get(params, "textDocument"), "uri"));
    lsp_doc **prev, *d = uri ? find_uri(s, uri, &prev) : NULL;
    if (!d)
        return;
    *prev = d->next;
    lsp_reply r;
    if (lsp_notify_begin(&r, "textDocument/publishDiagnostics")) {
        cdg_json_begin_object(&r.j, CDG_JSON_INLINE);
        cdg_json_key_str(&r.j, "uri", d->uri);
        cdg_json_key(&r.j, "diagnostics");
        cdg_json_begin_array(&r.j, CDG_JSON_INLINE);
        cdg_json_end(&r.j);
        cdg_json_end(&r.j);
        lsp_reply_send(s, &r);
    }
    lsp_doc_free(d);
}

/* ---- diagnostics --------------------------------------------------------- */

/* The range check's caret underlines: from the span's start to its end
 * on the same line, at least one character when the line has one. */
static void diag_range(cdg_json *j, const lsp_doc *d, cdg_span sp)
{
    size_t b = sp.begin <= d->len ? sp.begin : d->len;
    size_t eol = lsp_doc_line_end(d, b);
    size_t e = sp.end < eol ? sp.end : eol;
    if (e <= b) {
        e = b;
        if (b < eol) {
            unsigned char c = (unsigned char)d->text[b];
            e = b + 1;
            if (c >= 0xC0)
                while (e < eol && ((unsigned char)d->text[e] & 0xC0) == 0x80)
                    e++;
        }
    }
    lsp_json_range(j, d, b, e);
}

static int lsp_severity(cdg_severity s)
{
    return s == CDG_ERROR ? 1 : s == CDG_WARNING ? 2 : 3;
}

/* textDocument/publishDiagnostics for d: check's diagnostics, each note as
 * related information. */
static void publish(lsp_server *s, lsp_doc *d)
{
    lsp_reply r;
    if (!lsp_notify_begin(&r, "textDocument/publishDiagnostics"))
        return;
    cdg_json *j = &r.j;
    cdg_json_begin_object(j, CDG_JSON_INLINE);
    cdg_json_key_str(j, "uri", d->uri);
    cdg_json_key(j, "diagnostics");
    cdg_json_begin_array(j, CDG_JSON_INLINE);
    const cdg_diags *ds = &d->unit->diags;
    for (size_t i = 0; i < ds->len; i++) {
        const cdg_diag *g = ds->items[i];
        cdg_json_begin_object(j, CDG_JSON_INLINE);
        cdg_json_key(j, "range");
        diag_range(j, d, g->span);
        cdg_json_key_int(j, "severity", lsp_severity(g->severity));
        cdg_json_key_str(j, "source", "cdgrules");
        cdg_json_key_str(j, "message", g->text);
        if (g->note) {
            cdg_json_key(j, "relatedInformation");
            cdg_json_begin_array(j, CDG_JSON_INLINE);
            for (const cdg_diag *n = g->note; n; n = n->note) {
                cdg_json_begin_object(j, CDG_JSON_INLINE);
                cdg_json_key(j, "location");
                cdg_json_begin_object(j, CDG_JSON_INLINE);
                cdg_json_key_str(j, "uri", d->uri);
                cdg_json_key(j, "range");
                diag_range(j, d, n->span);
                cdg_json_end(j);
                cdg_json_key_str(j, "message", n->text);
                cdg_json_end(j);
            }
            cdg_json_end(j);
        }
        cdg_json_end(j);
    }
    cdg_json_end(j);
    cdg_json_end(j);
    lsp_reply_send(s, &r);
}

/* Analyses and publishes every document changed since its last
 * diagnostics: run when no message is waiting, so that a burst of changes
 * is checked once. */
static void publish_changed(lsp_server *s)
{
    for (lsp_doc *d = s->docs; d; d = d->next)
        if (d->dirty) {
            if (!fresh(s, d)) {
                fprintf(stderr, _("cdgrules lsp: %s: out of memory\n"), d->uri);
                d->dirty = false;
                continue;
            }
            d->dirty = false;
            publish(s, d);
        }
}

/* ---- life cycle ---------------------------------------------------------- */

/* Messages in the language the client announces ("fr", "fr-FR", "en-US"):
 * gettext reads LANGUAGE, which it ignores in the "C" locale. Other
 * languages keep the environment's. */
static void use_client_language(const json_t *params)
{
    const char *loc = json_string_value(json_object_get(params, "locale"));
    if (!loc || strlen(loc) < 2)
        return;
    const char *lang = strncmp(loc, "fr", 2) == 0 ? "fr" : strncmp(loc, "en", 2) == 0 ? "en" : NULL;
    if (!lang)
        return;
    setenv("LANGUAGE", lang, 1);
    const char *cur = setlocale(LC_MESSAGES, NULL);
    if (!cur || strcmp(cur, "C") == 0 || strcmp(cur, "POSIX") == 0)
        cur = "C.UTF-8";
    char keep[256];
    snprintf(keep, sizeof keep, "%s", cur);
    setlocale(LC_MESSAGES, keep);  /* also drops gettext's cached lookups */
}

static void initialize(lsp_server *s, const json_t *id, const json_t *params)
{
    if (s->initialized) {
        lsp_reply_error(s, id, LSP_INVALID_REQUEST, "initialize: already initialized");
        return;
    }
    use_client_language(params);
    s->initialized = true;
    lsp_reply r;
    if (!lsp_reply_begin(&r, id))
        return;
    cdg_json *j = &r.j;
    cdg_json_begin_object(j, CDG_JSON_INLINE);
    cdg_json_key(j, "capabilities");
    cdg_json_begin_object(j, CDG_JSON_INLINE);
    cdg_json_key(j, "textDocumentSync");
    cdg_json_begin_object(j, CDG_JSON_INLINE);
    cdg_json_key_bool(j, "openClose", true);
    cdg_json_key_int(j, "change", 2);  /* incremental */
    cdg_json_end(j);
    cdg_json_key_bool(j, "hoverProvider", true);
    cdg_json_key_bool(j, "definitionProvider", true);
    cdg_json_key_bool(j, "referencesProvider", true);
    cdg_json_key_bool(j, "renameProvider", true);
    cdg_json_key_bool(j, "documentSymbolProvider", true);
    cdg_json_key_bool(j, "documentFormattingProvider", true);
    cdg_json_key(j, "completionProvider");
    cdg_json_begin_object(j, CDG_JSON_INLINE);
    cdg_json_key(j, "triggerCharacters");
    cdg_json_begin_array(j, CDG_JSON_INLINE);
    cdg_json_str(j, ":");
    cdg_json_end(j);
    cdg_json_end(j);
    cdg_json_key(j, "codeActionProvider");
    cdg_json_begin_object(j, CDG_JSON_INLINE);
    cdg_json_key(j, "codeActionKinds");
    cdg_json_begin_array(j, CDG_JSON_INLINE);
    cdg_json_str(j, "quickfix");
    cdg_json_end(j);
    cdg_json_end(j);
    cdg_json_end(j);
    cdg_json_key(j, "serverInfo");
    cdg_json_begin_object(j, CDG_JSON_INLINE);
    cdg_json_key_str(j, "name", "cdgrules");
    cdg_json_key_str(j, "version", CDGRULES_VERSION);
    cdg_json_end(j);
    cdg_json_end(j);
    lsp_reply_send(s, &r);
}

static const struct {
    const char *method;
    lsp_handler *run;
} requests[] = {
    {"textDocument/hover", lsp_hover},
    {"textDocument/definition", lsp_definition},
    {"textDocument/references", lsp_references},
    {"textDocument/rename", lsp_rename},
    {"textDocument/documentSymbol", lsp_symbols},
    {"textDocument/completion", lsp_completion},
    {"textDocument/formatting", lsp_formatting},
    {"textDocument/codeAction", lsp_code_action},
};

/* A request (id set) or notification (id NULL) once initialized. */
static void dispatch(lsp_server *s, const char *method, const json_t *id, const json_t *params)
{
    if (!id) {
        if (s->shutdown)
            return;
        if (strcmp(method, "textDocument/didOpen") == 0)
            did_open(s, params);
        else if (strcmp(method, "textDocument/didChange") == 0)
            did_change(s, params);
        else if (strcmp(method, "textDocument/didClose") == 0)
            did_close(s, params);
        return;  /* initialized, didSave, $/cancelRequest…: nothing to do */
    }
    publish_changed(s);  /* a request sees, and follows, the current diagnostics */
    if (s->shutdown) {
        lsp_reply_error(s, id, LSP_INVALID_REQUEST, "the server is shutting down");
        return;
    }
    if (strcmp(method, "initialize") == 0) {
        initialize(s, id, params);
        return;
    }
    if (strcmp(method, "shutdown") == 0) {
        s->shutdown = true;
        lsp_reply r;
        if (lsp_reply_begin(&r, id)) {
            cdg_json_null(&r.j);
            lsp_reply_send(s, &r);
        }
        return;
    }
    for (size_t i = 0; i < sizeof requests / sizeof requests[0]; i++)
        if (strcmp(method, requests[i].method) == 0) {
            requests[i].run(s, id, params);
            return;
        }
    lsp_reply_error(s, id, LSP_METHOD_NOT_FOUND, "method not found");
}

/* One message: parses it and answers it. Returns the exit status once the
 * client said `exit`, else -1. */
static int handle(lsp_server *s, const char *body, size_t len)
{
    json_error_t err;
    json_t *msg = json_loadb(body, len, 0, &err);
    if (!msg) {
        lsp_reply_error(s, NULL, LSP_PARSE_ERROR, err.text);
        return -1;
    }
    int status = -1;
    const json_t *id = json_object_get(msg, "id");
    const char *method = json_string_value(json_object_get(msg, "method"));
    bool bad_id = id && !json_is_integer(id) && !json_is_string(id) && !json_is_null(id);
    if (json_is_null(id))
        id = NULL;
    if (bad_id)  /* an id is a number or a string */
        lsp_reply_error(s, NULL, LSP_INVALID_REQUEST, "the id is neither a number nor a string");
    else if (!json_is_object(msg) || !method) {
        /* An answer to a request of ours (we send none) is dropped. */
        if (!json_object_get(msg, "result") && !json_object_get(msg, "error"))
            lsp_reply_error(s, id, LSP_INVALID_REQUEST, "not a request or notification");
    } else if (strcmp(method, "exit") == 0)
        status = s->shutdown ? CLI_OK : CLI_FAIL;
    else if (!s->initialized && strcmp(method, "initialize") != 0) {
        if (id)
            lsp_reply_error(s, id, LSP_SERVER_NOT_INITIALIZED, "the server is not initialized");
    } else
        dispatch(s, method, id, json_object_get(msg, "params"));
    json_decref(msg);
    return status;
}

/* Serves the client on in/out until `exit` or the end of the input. */
static int serve(lsp_server *s)
{
    for (;;) {
        if (!lsp_pending(&s->in))
            publish_changed(s);
        if (s->gone)
            return CLI_FAIL;
        char *body = NULL;
        size_t len = 0;
        switch (lsp_read(&s->in, &body, &len)) {
        case LSP_MSG: {
            int status = handle(s, body, len);
            free(body);
            if (status >= 0)
                return status;
            break;
        }
        case LSP_BAD_FRAME:
            lsp_reply_error(s, NULL, LSP_PARSE_ERROR, "bad message header (Content-Length)");
            break;
        case LSP_TRUNCATED:
            fputs(_("cdgrules lsp: the client went away in the middle of a message\n"), stderr);
            return CLI_FAIL;
        case LSP_EOF:
            return s->shutdown ? CLI_OK : CLI_FAIL;
        }
    }
}

/* Each change parses and checks the document again into new arenas
 * (about 3.5x the text) and frees the previous ones. By default glibc
 * maps the large chunks afresh and gives freed memory back to the system,
 * so that every analysis of a 10 MB offer faulted in and cleared some 35
 * MB page by page (a tenth of its time, in the kernel). The server keeps
 * what it frees and takes every chunk from its heap instead: its
 * resident size stays at its peak, which it reaches at each change
 * anyway. Advice only: ignored where the C library has no such knobs. */
static void keep_freed_memory(void)
{
#if defined(M_MMAP_THRESHOLD) && defined(M_TRIM_THRESHOLD)
    (void)mallopt(M_MMAP_THRESHOLD, 32 << 20);   /* glibc's largest */
    (void)mallopt(M_TRIM_THRESHOLD, 1 << 30);
#endif
}

int cli_lsp(int argc, char **argv, cli_env *env)
{
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
            fputs(_(lsp_help), stdout);
            return CLI_OK;
        }
        if (strcmp(argv[i], "--stdio") != 0)
            return cli_usage_error("lsp: unknown option '%s' (see 'cdgrules lsp --help')", argv[i]);
    }
    signal(SIGPIPE, SIG_IGN);  /* a client gone is seen as a failed write */
    keep_freed_memory();
    lsp_server s = {.out = STDOUT_FILENO, .memctl = env->memctl};
    lsp_reader_init(&s.in, STDIN_FILENO);
    int status = serve(&s);
    while (s.docs) {
        lsp_doc *d = s.docs;
        s.docs = d->next;
        lsp_doc_free(d);
    }
    lsp_reader_free(&s.in);
    return status;
}
