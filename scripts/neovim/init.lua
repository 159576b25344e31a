-- jixiao：在 YAML 文件中启动 jixiao lsp（Neovim 0.7 及以上）
local jixiao_client
vim.api.nvim_create_autocmd("FileType", {
  pattern = "yaml",
  callback = function(args)
    if not jixiao_client then
      jixiao_client = vim.lsp.start_client({
        name = "jixiao",
        cmd = { "jixiao", "lsp" },
        root_dir = vim.fn.getcwd(),
      })
    end
    vim.lsp.buf_attach_client(args.buf, jixiao_client)
  end,
})
