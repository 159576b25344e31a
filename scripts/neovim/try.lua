-- Headless run: wait for jixiao's diagnostics, apply the first quick fix, wait again.
local out = assert(io.open(vim.env.TRY_OUT, "w"))
local function log(s) out:write(s, "\n") out:flush() end
local buf = vim.api.nvim_get_current_buf()
local function show(title)
  log("== " .. title)
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    log(string.format("%d:%d %s [%s] %s", d.lnum + 1, d.col + 1,
      vim.diagnostic.severity[d.severity], d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code) or "?",
      (d.message:gsub("\n", " | "))))
  end
end
local ok = vim.wait(10000, function() return #vim.diagnostic.get(buf) > 0 end, 50)
log("diagnostics arrived: " .. tostring(ok))
show("after open")
local target = vim.diagnostic.get(buf)[1]
for _, d in ipairs(vim.diagnostic.get(buf)) do
  local code = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code)
  if code == vim.env.TRY_CODE then target = d end
end
vim.api.nvim_win_set_cursor(0, { target.lnum + 1, target.col })
local params = vim.lsp.util.make_range_params()
params.context = { diagnostics = vim.lsp.diagnostic.get_line_diagnostics(buf) }
local results = vim.lsp.buf_request_sync(buf, "textDocument/codeAction", params, 5000)
local chosen
for _, r in pairs(results or {}) do
  for _, action in ipairs(r.result or {}) do
    log("code action: " .. action.title .. " (" .. (action.kind or "") .. ")")
    if not chosen and action.kind == "quickfix" then chosen = action end
  end
end
log("applying: " .. chosen.title)
local line_before = vim.api.nvim_buf_get_lines(buf, target.lnum, target.lnum + 1, false)[1]
vim.lsp.util.apply_workspace_edit(chosen.edit, "utf-16")
log("line before: " .. line_before)
log("line after:  " .. vim.api.nvim_buf_get_lines(buf, target.lnum, target.lnum + 1, false)[1])
local before = #vim.diagnostic.get(buf)
vim.wait(5000, function() return #vim.diagnostic.get(buf) ~= before end, 50)
show("after the quick fix (buffer not saved)")
local hover = vim.lsp.buf_request_sync(buf, "textDocument/hover", vim.lsp.util.make_position_params(), 5000)
for _, r in pairs(hover or {}) do
  if r.result then log("hover: " .. (r.result.contents.value:gsub("\n", " | "):sub(1, 300))) end
end
out:close()
vim.cmd("qa!")
