// extension.js — starts `cdgrules lsp` for .cdg files (docs/LSP.md).
// The server speaks the Language Server Protocol on stdin/stdout; the
// client library adds "--stdio", which the server accepts.
'use strict';
const vscode = require('vscode');
const { LanguageClient, TransportKind } = require('vscode-languageclient/node');

let client;

// Starts the client, unless the user turned the server off.
function activate(context) {
  const cfg = vscode.workspace.getConfiguration('cdgrules');
  if (!cfg.get('server.enabled', true)) {
    return;
  }
  const command = cfg.get('server.path', 'cdgrules');
  const serverOptions = { command, args: ['lsp'], transport: TransportKind.stdio };
  const clientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'cdgrules' },
      { scheme: 'untitled', language: 'cdgrules' },
    ],
  };
  client = new LanguageClient('cdgrules', 'cdgrules language server', serverOptions, clientOptions);
  client.start().catch((err) => {
    vscode.window.showErrorMessage(
      `cdgrules: could not start '${command} lsp' (${err.message}); set cdgrules.server.path`);
  });
}

// Stops the server (shutdown, then exit) when VS Code closes.
function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
