// vscode_activate.js — loads editors/vscode/extension.js with stand-ins for
// the 'vscode' and 'vscode-languageclient/node' modules (no VS Code, no
// npm install), activates it, and prints as JSON the server command line
// and documents the client was given (tests/scripts/lsp_vscode.sh).
'use strict';
const Module = require('module');
const path = require('path');
const seen = {};
const mocks = {
  vscode: {
    workspace: { getConfiguration: () => ({ get: (key, dflt) => (key === 'server.path' ? process.env.CDG_BIN : dflt) }) },
    window: { showErrorMessage: (m) => { seen.error = m; } },
  },
  'vscode-languageclient/node': {
    TransportKind: { stdio: 0, ipc: 1 },
    LanguageClient: class {
      constructor(id, name, server, client) {
        Object.assign(seen, { id, server, selector: client.documentSelector });
      }
      start() { seen.started = true; return Promise.resolve(); }
      stop() { seen.stopped = true; return Promise.resolve(); }
    },
  },
};
const load = Module._load;
Module._load = function (request, parent, isMain) {
  return Object.prototype.hasOwnProperty.call(mocks, request) ? mocks[request] : load.call(this, request, parent, isMain);
};
const ext = require(path.resolve(process.argv[2]));
ext.activate({ subscriptions: [] });
Promise.resolve(ext.deactivate()).then(() => console.log(JSON.stringify(seen)));
