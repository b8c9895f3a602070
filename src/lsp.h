/* lsp.h — `cdgrules lsp`, the language server: what its modules share.
 *
 *   lsp_io.c        Content-Length framing on a pair of file descriptors
 *   lsp_doc.c       open documents: text, line index, UTF-16 positions, edits
 *   lsp_index.c     the names of a syntax tree: declarations, references, the
 *                   place the cursor is in (for completion)
 *   lsp_features.c  hover, definition, references, rename, symbols,
 *                   completion, formatting, code actions
 *   lsp_server.c    JSON-RPC dispatch, life cycle, diagnostics, the command
 *
 * Requests are read with jansson (parsing only); every answer is written
 * with the project's JSON writer (json.h) into a memory buffer, then framed.
 * The server is part of the command line, not of libcdgrules. */
#ifndef CDG_LSP_H
#define CDG_LSP_H

#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "ast.h"
#include "cli.h"
#include "parse.h"

/* ---- framing (lsp_io.c) ------------------------------------------------ */

/* The largest message body accepted (a 10 MB document, escaped, fits). */
#define LSP_MAX_BODY ((size_t)64 << 20)

typedef struct lsp_reader {
    int fd;
    char *buf;           /* bytes read and not yet consumed: buf[pos..len) */
    size_t pos, len, cap;
} lsp_reader;

typedef enum {
    LSP_MSG,             /* a body was read */
    LSP_EOF,             /* the input ended between messages */
    LSP_TRUNCATED,       /* the input ended inside a message */
    LSP_BAD_FRAME        /* bad or missing Content-Length: skipped, resynchronised */
} lsp_read_status;

void lsp_reader_init(lsp_reader *r, int fd);
void lsp_reader_free(lsp_reader *r);
/* Reads the next message; *body (malloc'd, NUL-terminated, freed by the
 * caller) and *len are set for LSP_MSG only. */
lsp_read_status lsp_read(lsp_reader *r, char **body, size_t *len);
/* Whether a message is already waiting (buffered, or readable now). */
bool lsp_pending(lsp_reader *r);
/* Writes body with its header; false when the client has gone. */
bool lsp_write(int fd, const char *body, size_t len);

/* ---- documents (lsp_doc.c) --------------------------------------------- */

/* An LSP position: 0-based line and UTF-16 code unit. */
typedef struct lsp_pos {
    unsigned line, character;
} lsp_pos;

typedef struct lsp_doc {
    char *uri;
    char *text;          /* len bytes and a NUL */
    size_t len, cap;
    uint32_t *lines;     /* byte offset of each line's start */
    size_t nlines, lines_cap;
    cdg_unit *unit;      /* the current text parsed and checked */
    cdg_unit *good;      /* the last text without errors (hover), or NULL */
    bool stale;          /* the text changed since unit was made */
    bool dirty;          /* the diagnostics must be published */
    struct lsp_doc *next;
} lsp_doc;

/* A new document holding text; NULL when out of memory. */
lsp_doc *lsp_doc_new(const char *uri, const char *text, size_t len);
void lsp_doc_free(lsp_doc *d);
/* Replaces the bytes [begin, end) by text[0..n); false when out of memory. */
bool lsp_doc_edit(lsp_doc *d, size_t begin, size_t end, const char *text, size_t n);
/* Parses and checks the current text (d->unit; d->good when error-free);
 * false when out of memory. */
bool lsp_doc_analyse(lsp_doc *d, cdg_memctl *ctl);
/* Byte offset <-> position (a position past a line's end is its end). */
size_t lsp_doc_offset(const lsp_doc *d, lsp_pos p);
lsp_pos lsp_doc_pos(const lsp_doc *d, size_t offset);
/* The byte offset where the line holding offset ends (before its newline). */
size_t lsp_doc_line_end(const lsp_doc *d, size_t offset);

/* ---- names (lsp_index.c) ----------------------------------------------- */

typedef enum {
    LSP_K_CATEGORIE, LSP_K_STRATE, LSP_K_NOTE, LSP_K_RUBRIQUE, LSP_K_SERVICE,
    LSP_K_FORFAIT, LSP_K_OPTION, LSP_K_COUNT,
    LSP_K_NONE = -1
} lsp_kind;

/* One occurrence of a name: its declaration or a reference to it. */
typedef struct lsp_occ {
    lsp_kind kind;
    const char *name;
    cdg_span span;
    bool is_decl;
    const cdg_decl *decl;  /* is_decl: the declaration */
} lsp_occ;

typedef void lsp_occ_fn(const lsp_occ *o, void *ctx);
/* Calls fn for every declaration and reference of ast, in text order
 * within each declaration. */
void lsp_index_walk(const cdg_ast *ast, lsp_occ_fn *fn, void *ctx);
/* The occurrence at byte offset (a name under or just after the cursor);
 * false when there is none. */
bool lsp_index_at(const cdg_ast *ast, size_t offset, lsp_occ *out);
/* The declaration of name: of kind k, else (or when k is LSP_K_NONE) of
 * any kind, which out->kind tells; false when it is not declared. */
bool lsp_index_decl(const cdg_ast *ast, lsp_kind k, const char *name, lsp_occ *out);
/* The language's name of a kind ("service"). */
const char *lsp_kind_name(lsp_kind k);

/* Where a completion is asked for (a forward scan of the text). */
typedef struct lsp_place {
    int depth;              /* 0: top level */
    char block[32];         /* first word of the statement that opened the
                             * innermost block ("forfait", "attendu",
                             * "selon_strate" for a per-stratum table,
                             * "cell" for a cell's attached quantities) */
    char key[64];           /* the entry's key when after its ':' */
    bool after_colon;
} lsp_place;

void lsp_index_place(const char *text, size_t offset, lsp_place *out);

/* ---- the server (lsp_server.c) and its features (lsp_features.c) ------- */

typedef struct lsp_server {
    lsp_reader in;
    int out;
    lsp_doc *docs;
    bool initialized, shutdown;
    bool gone;              /* a write failed: the client has gone */
    cdg_memctl memctl;
} lsp_server;

/* An answer being written: the writer on a memory stream. */
typedef struct lsp_reply {
    char *data;
    size_t len;
    FILE *mem;
    cdg_json j;
} lsp_reply;

/* Starts {"jsonrpc":"2.0","id":ID,"result": (the caller writes the result,
 * then calls lsp_reply_send). False when out of memory. */
bool lsp_reply_begin(lsp_reply *r, const json_t *id);
/* Starts {"jsonrpc":"2.0","method":M,"params": (a notification). */
bool lsp_notify_begin(lsp_reply *r, const char *method);
/* Closes the message and sends it. */
void lsp_reply_send(lsp_server *s, lsp_reply *r);
/* Sends an error answer. */
void lsp_reply_error(lsp_server *s, const json_t *id, int code, const char *message);

/* JSON-RPC and LSP error codes. */
enum {
    LSP_PARSE_ERROR = -32700, LSP_INVALID_REQUEST = -32600, LSP_METHOD_NOT_FOUND = -32601,
    LSP_INVALID_PARAMS = -32602, LSP_INTERNAL_ERROR = -32603,
    LSP_SERVER_NOT_INITIALIZED = -32002, LSP_REQUEST_FAILED = -32803
};

/* Writes {"start":…,"end":…} for the bytes [begin, end) of d. */
void lsp_json_range(cdg_json *j, const lsp_doc *d, size_t begin, size_t end);
/* Writes {"uri":…,"range":…}. */
void lsp_json_location(cdg_json *j, const lsp_doc *d, size_t begin, size_t end);
/* The open document params.textDocument.uri names, or NULL. */
lsp_doc *lsp_find_doc(lsp_server *s, const json_t *params);
/* The byte offset of params.position in d. */
size_t lsp_param_offset(const lsp_doc *d, const json_t *params);

/* One request handler: writes the answer (result or error) for id. */
typedef void lsp_handler(lsp_server *s, const json_t *id, const json_t *params);

lsp_handler lsp_hover, lsp_definition, lsp_references, lsp_rename, lsp_symbols,
    lsp_completion, lsp_formatting, lsp_code_action;

#endif
