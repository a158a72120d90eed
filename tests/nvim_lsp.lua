-- Neovim's built-in LSP client (0.7 API) against `gongwen lsp`: opens
-- $GW_FILE, waits for the diagnostics and the document symbols, applies a
-- quick fix and checks that the buffer changed and that the server's next
-- diagnostics agree. Quits with status 0 on success, 1 on a failure.
local exe, file = os.getenv('GONGWEN'), os.getenv('GW_FILE')

local function say(msg)
  io.stdout:write('nvim_lsp: ' .. msg .. '\n')
end

local function fail(msg)
  say('FAIL: ' .. msg)
  vim.cmd('cquit 1')
end

local function run()
  vim.cmd('edit ' .. vim.fn.fnameescape(file))
  local buf = vim.api.nvim_get_current_buf()
  local id = vim.lsp.start_client({ cmd = { exe, 'lsp' }, name = 'gongwen',
                                    root_dir = vim.fn.fnamemodify(file, ':h') })
  if not id then
    return fail('the client did not start')
  end
  vim.lsp.buf_attach_client(buf, id)

  local function lsp_diags()
    local out = {}
    for _, d in ipairs(vim.diagnostic.get(buf)) do
      local l = d.user_data and d.user_data.lsp or {}
      table.insert(out, { code = l.code, line = d.lnum, col = d.col })
    end
    return out
  end
  local function find(code)
    for _, d in ipairs(lsp_diags()) do
      if d.code == code then
        return d
      end
    end
  end

  if not vim.wait(15000, function() return find('punct-halfwidth') ~= nil end, 20) then
    return fail('no punct-halfwidth diagnostic arrived')
  end
  say(#lsp_diags() .. ' diagnostics')

  local doc = { uri = vim.uri_from_bufnr(buf) }
  local res = vim.lsp.buf_request_sync(buf, 'textDocument/documentSymbol',
                                       { textDocument = doc }, 10000)
  local syms = res and res[id] and res[id].result
  if not syms or #syms == 0 or not syms[1].children or #syms[1].children == 0 then
    return fail('no nested document symbols: ' .. vim.inspect(res))
  end
  say(#syms .. ' top-level symbols, the first "' .. syms[1].name .. '" with '
      .. #syms[1].children .. ' children')

  local d = find('punct-halfwidth')
  local before = vim.api.nvim_buf_get_lines(buf, d.line, d.line + 1, false)[1]
  res = vim.lsp.buf_request_sync(buf, 'textDocument/codeAction', {
    textDocument = doc,
    range = { start = { line = d.line, character = 0 }, ['end'] = { line = d.line, character = 0 } },
    context = { diagnostics = {} },
  }, 10000)
  local action
  for _, a in ipairs(res and res[id] and res[id].result or {}) do
    if a.kind == 'quickfix' and a.edit then
      action = action or a
    end
  end
  if not action then
    return fail('no quick fix on line ' .. d.line .. ': ' .. vim.inspect(res))
  end
  vim.lsp.util.apply_workspace_edit(action.edit, vim.lsp.get_client_by_id(id).offset_encoding)
  local after = vim.api.nvim_buf_get_lines(buf, d.line, d.line + 1, false)[1]
  if after == before then
    return fail('the code action "' .. action.title .. '" left the buffer as it was')
  end
  say('applied "' .. action.title .. '": ' .. after)
  local n = 0
  for _, x in ipairs(lsp_diags()) do
    n = n + ((x.code == 'punct-halfwidth' and x.line == d.line) and 1 or 0)
  end
  local fixed = vim.wait(15000, function()
    local m = 0
    for _, x in ipairs(lsp_diags()) do
      m = m + ((x.code == 'punct-halfwidth' and x.line == d.line) and 1 or 0)
    end
    return m == n - 1
  end, 20)
  if not fixed then
    return fail('the server still reports the fixed mark')
  end
  say('the server saw the edit')
  vim.lsp.stop_client(id)
  vim.cmd('qall!')
end

local ok, err = pcall(run)
if not ok then
  fail(tostring(err))
end
