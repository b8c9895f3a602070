-- nvim_e2e.lua — Neovim as the language server's client (run by
-- tests/scripts/lsp_neovim.sh): opens $CDG_FILE with `$CDG_BIN lsp`
-- attached, types a typo on line $CDG_LINE (1-based), waits for the
-- diagnostic, asks for a hover and a definition. Writes one "ok ..." or
-- "FAIL ..." line per step to $CDG_OUT, then "done".
local bin, file, out = os.getenv('CDG_BIN'), os.getenv('CDG_FILE'), os.getenv('CDG_OUT')
local line = tonumber(os.getenv('CDG_LINE')) - 1
local report = io.open(out, 'w')
local function say(s) report:write(s, '\n'); report:flush() end

local function run()
  vim.cmd('edit ' .. vim.fn.fnameescape(file))
  local buf = vim.api.nvim_get_current_buf()
  local id = vim.lsp.start_client({ name = 'cdgrules', cmd = { bin, 'lsp' },
                                    root_dir = vim.fn.fnamemodify(file, ':h') })
  if not id then return say('FAIL the server did not start') end
  vim.lsp.buf_attach_client(buf, id)
  local ready = vim.wait(10000, function()
    local c = vim.lsp.get_client_by_id(id)
    return c ~= nil and c.server_capabilities ~= nil and next(c.server_capabilities) ~= nil
  end, 50)
  if not ready then return say('FAIL no answer to initialize') end
  say('ok initialized')
  -- A clean file: no diagnostic; then a typo.
  vim.wait(1000, function() return false end, 50)
  if #vim.diagnostic.get(buf) ~= 0 then return say('FAIL diagnostics on the clean offer') end
  local text = vim.api.nvim_buf_get_lines(buf, line, line + 1, true)[1]
  local b, e = text:find('sauvegarde', 1, true)
  if not b then return say('FAIL line ' .. (line + 1) .. ' has no sauvegarde') end
  vim.api.nvim_buf_set_text(buf, line, b - 1, line, e, { 'sauvgarde' })
  local got = vim.wait(10000, function() return #vim.diagnostic.get(buf) > 0 end, 50)
  if not got then return say('FAIL no diagnostic after the typo') end
  local d = vim.diagnostic.get(buf)[1]
  say(string.format('diagnostic %d %d %s', d.lnum + 1, d.col, d.message))
  -- Hover and definition on the misspelt name's line, once fixed back.
  vim.api.nvim_buf_set_text(buf, line, b - 1, line, b - 1 + #'sauvgarde', { 'sauvegarde' })
  vim.wait(10000, function() return #vim.diagnostic.get(buf) == 0 end, 50)
  say('cleared ' .. #vim.diagnostic.get(buf))
  local params = { textDocument = { uri = vim.uri_from_bufnr(buf) },
                   position = { line = line, character = b } }
  local res = vim.lsp.buf_request_sync(buf, 'textDocument/hover', params, 5000)
  local h = res and res[id] and res[id].result
  if not h then return say('FAIL no hover') end
  say('hover ' .. h.contents.value:gsub('\n', ' '))
  res = vim.lsp.buf_request_sync(buf, 'textDocument/definition', params, 5000)
  local loc = res and res[id] and res[id].result
  if not loc then return say('FAIL no definition') end
  if loc[1] then loc = loc[1] end
  say(string.format('definition %d %d', loc.range.start.line + 1, loc.range.start.character))
end

local ok, err = pcall(run)
if not ok then say('FAIL error: ' .. tostring(err)) end
say('done')
report:close()
vim.cmd('qall!')
