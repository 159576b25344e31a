//! `jixiao lsp`: the language server. Editors send the files being edited; the server
//! checks their documents with the same load and check as `jixiao check` (unsaved buffers
//! over the disk) and answers with diagnostics, quick fixes, hovers and completions.
//!
//! Synchronous on purpose: one thread reads messages, applies every edit that is already
//! waiting, checks each changed document once, then answers. A check of a large document
//! takes milliseconds, so there is nothing to gain from an async runtime.

pub mod actions;
pub mod completion;
pub mod diagnostics;
pub mod hover;
pub mod position;
pub mod syntax;
pub mod workspace;

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use lsp_server::{Connection, ErrorCode, Message, Notification, Request, RequestId, Response};
use lsp_types::notification::{
    DidChangeTextDocument, DidCloseTextDocument, DidOpenTextDocument, DidSaveTextDocument,
    Notification as _, PublishDiagnostics,
};
use lsp_types::request::{CodeActionRequest, Completion, HoverRequest, Request as _};
use lsp_types::{
    CodeActionKind, CodeActionOptions, CodeActionOrCommand, CodeActionParams,
    CodeActionProviderCapability, CompletionOptions, CompletionParams, CompletionResponse, Hover,
    HoverContents, HoverParams, HoverProviderCapability, MarkupContent, MarkupKind,
    PositionEncodingKind, PublishDiagnosticsParams, SaveOptions, ServerCapabilities, ServerInfo,
    TextDocumentSyncCapability, TextDocumentSyncKind, TextDocumentSyncOptions,
    TextDocumentSyncSaveOptions, Url,
};

use workspace::Workspace;

/// Serves one editor over stdin and stdout until it says `exit`.
pub fn run_stdio() -> Result<(), String> {
    let (connection, io_threads) = Connection::stdio();
    serve(&connection)?;
    drop(connection);
    io_threads
        .join()
        .map_err(|e| format!("与编辑器的连接中断：{e}"))
}

/// What the server offers, sent in the answer to `initialize`.
pub fn capabilities() -> ServerCapabilities {
    ServerCapabilities {
        position_encoding: Some(PositionEncodingKind::UTF16),
        text_document_sync: Some(TextDocumentSyncCapability::Options(
            TextDocumentSyncOptions {
                open_close: Some(true),
                change: Some(TextDocumentSyncKind::INCREMENTAL),
                save: Some(TextDocumentSyncSaveOptions::SaveOptions(SaveOptions {
                    include_text: Some(false),
                })),
                ..Default::default()
            },
        )),
        hover_provider: Some(HoverProviderCapability::Simple(true)),
        completion_provider: Some(CompletionOptions {
            trigger_characters: Some(vec![":".into(), " ".into()]),
            ..Default::default()
        }),
        code_action_provider: Some(CodeActionProviderCapability::Options(CodeActionOptions {
            code_action_kinds: Some(vec![
                CodeActionKind::QUICKFIX,
                CodeActionKind::SOURCE_FIX_ALL,
            ]),
            ..Default::default()
        })),
        ..Default::default()
    }
}

/// Runs the protocol on a connection: the `initialize` handshake, then messages until
/// `shutdown` and `exit` (or until the editor goes away).
pub fn serve(connection: &Connection) -> Result<(), String> {
    let protocol = |e: lsp_server::ProtocolError| format!("语言服务器协议错误：{e}");
    let (id, _params) = connection.initialize_start().map_err(protocol)?;
    let answer = lsp_types::InitializeResult {
        capabilities: capabilities(),
        server_info: Some(ServerInfo {
            name: "jixiao".into(),
            version: Some(env!("CARGO_PKG_VERSION").into()),
        }),
    };
    let answer = serde_json::to_value(answer).map_err(|e| e.to_string())?;
    connection.initialize_finish(id, answer).map_err(protocol)?;
    let mut server = Server {
        connection,
        workspace: Workspace::default(),
        published: BTreeMap::new(),
        found: BTreeMap::new(),
    };
    while let Ok(first) = connection.receiver.recv() {
        // Apply every message already waiting before checking: a burst of keystrokes is
        // checked once.
        let mut batch = vec![first];
        while let Ok(more) = connection.receiver.try_recv() {
            batch.push(more);
        }
        for message in batch {
            match message {
                Message::Request(req) => {
                    if connection.handle_shutdown(&req).map_err(protocol)? {
                        return Ok(());
                    }
                    server.publish();
                    server.request(req);
                }
                Message::Notification(n) if n.method == "exit" => return Ok(()),
                Message::Notification(n) => server.notification(n),
                Message::Response(_) => {}
            }
        }
        server.publish();
    }
    Ok(())
}

struct Server<'a> {
    connection: &'a Connection,
    workspace: Workspace,
    /// What was last published for each file, so unchanged lists are not sent again.
    published: BTreeMap<PathBuf, Vec<lsp_types::Diagnostic>>,
    /// Each document's diagnostics by file at its last check. A file can belong to two
    /// open documents (a 自评 document and the targets it reads): it shows the findings
    /// of both, each once.
    found: BTreeMap<PathBuf, BTreeMap<PathBuf, Vec<lsp_types::Diagnostic>>>,
}

/// The file path of a `file:` URI.
fn path_of(uri: &Url) -> Option<PathBuf> {
    uri.to_file_path().ok()
}

impl Server<'_> {
    fn send(&self, message: Message) {
        // The editor going away ends the loop through the receiver; nothing to do here.
        let _ = self.connection.sender.send(message);
    }

    fn notify(&self, method: &str, params: impl serde::Serialize) {
        self.send(Notification::new(method.to_string(), params).into());
    }

    fn notification(&mut self, n: Notification) {
        match n.method.as_str() {
            DidOpenTextDocument::METHOD => {
                if let Ok(p) =
                    n.extract::<lsp_types::DidOpenTextDocumentParams>(DidOpenTextDocument::METHOD)
                    && let Some(path) = path_of(&p.text_document.uri)
                {
                    self.workspace
                        .open(path, p.text_document.text, p.text_document.version);
                }
            }
            DidChangeTextDocument::METHOD => {
                if let Ok(p) = n.extract::<lsp_types::DidChangeTextDocumentParams>(
                    DidChangeTextDocument::METHOD,
                ) && let Some(path) = path_of(&p.text_document.uri)
                {
                    self.workspace
                        .change(path, p.content_changes, p.text_document.version);
                }
            }
            DidSaveTextDocument::METHOD => {
                if let Ok(p) =
                    n.extract::<lsp_types::DidSaveTextDocumentParams>(DidSaveTextDocument::METHOD)
                    && let Some(path) = path_of(&p.text_document.uri)
                {
                    self.workspace.save(path);
                }
            }
            DidCloseTextDocument::METHOD => {
                if let Ok(p) =
                    n.extract::<lsp_types::DidCloseTextDocumentParams>(DidCloseTextDocument::METHOD)
                    && let Some(path) = path_of(&p.text_document.uri)
                {
                    let files = self.workspace.close(&path);
                    if !files.is_empty() {
                        // The closed document is the one with exactly these files (a 自评
                        // document also holds its targets' files, and more).
                        let files: BTreeSet<PathBuf> = files.into_iter().collect();
                        self.found
                            .retain(|_, by_file| !by_file.keys().eq(files.iter()));
                        self.send_merged(files, &BTreeSet::new());
                    }
                }
            }
            _ => {}
        }
    }

    fn clear(&mut self, path: &Path) {
        if self.published.remove(path).is_some_and(|d| !d.is_empty())
            && let Ok(uri) = Url::from_file_path(path)
        {
            self.notify(
                PublishDiagnostics::METHOD,
                PublishDiagnosticsParams::new(uri, Vec::new(), None),
            );
        }
    }

    /// Checks the documents that changed and publishes diagnostics for every file of
    /// each: always for the files just edited, otherwise only when they changed.
    fn publish(&mut self) {
        if !self.workspace.is_dirty() {
            return;
        }
        let (checked, touched) = self.workspace.flush();
        let mut affected = BTreeSet::new();
        for doc in checked {
            let files = diagnostics::by_file(doc);
            affected.extend(files.keys().cloned());
            if let Some(before) = self.found.insert(doc.path.clone(), files) {
                affected.extend(before.into_keys());
            }
        }
        self.send_merged(affected, &touched);
    }

    /// Publishes each file's findings from every document it belongs to (each finding
    /// once), or clears a file no checked document holds any more; a file whose list is
    /// unchanged is sent again only when it was just edited.
    fn send_merged(&mut self, files: BTreeSet<PathBuf>, touched: &BTreeSet<PathBuf>) {
        for path in files {
            let mut holders = self.found.values().filter_map(|by_file| by_file.get(&path));
            let Some(first) = holders.next() else {
                self.clear(&path);
                continue;
            };
            let mut diags = first.clone();
            for d in holders.flatten() {
                if !diags.contains(d) {
                    diags.push(d.clone());
                }
            }
            if self.published.get(&path) == Some(&diags) && !touched.contains(&path) {
                continue;
            }
            let Ok(uri) = Url::from_file_path(&path) else {
                continue;
            };
            let version = self.workspace.version(&path);
            self.notify(
                PublishDiagnostics::METHOD,
                PublishDiagnosticsParams::new(uri, diags.clone(), version),
            );
            self.published.insert(path, diags);
        }
    }

    fn request(&mut self, req: Request) {
        let id = req.id.clone();
        let result = match req.method.as_str() {
            HoverRequest::METHOD => req
                .extract::<HoverParams>(HoverRequest::METHOD)
                .map(|(_, p)| serde_json::to_value(self.hover(p))),
            Completion::METHOD => req
                .extract::<CompletionParams>(Completion::METHOD)
                .map(|(_, p)| serde_json::to_value(self.completion(p))),
            CodeActionRequest::METHOD => req
                .extract::<CodeActionParams>(CodeActionRequest::METHOD)
                .map(|(_, p)| serde_json::to_value(self.code_actions(p))),
            _ => {
                self.reply_error(id, ErrorCode::MethodNotFound, "不支持的请求");
                return;
            }
        };
        match result {
            Ok(Ok(value)) => self.send(Response::new_ok(id, value).into()),
            Ok(Err(e)) => self.reply_error(id, ErrorCode::InternalError, &e.to_string()),
            Err(e) => self.reply_error(id, ErrorCode::InvalidParams, &format!("请求参数无效：{e}")),
        }
    }

    fn reply_error(&self, id: RequestId, code: ErrorCode, message: &str) {
        self.send(Response::new_err(id, code as i32, message.to_string()).into());
    }

    /// The text of a file and the byte offset of a position in it.
    fn text_at(&self, path: &Path, position: lsp_types::Position) -> Option<(String, usize)> {
        let text = match self.workspace.text(path) {
            Some(t) => t.to_string(),
            None => std::fs::read_to_string(path).ok()?,
        };
        let offset = position::LineIndex::new(&text).offset(&text, position);
        Some((text, offset))
    }

    fn hover(&self, p: HoverParams) -> Option<Hover> {
        let doc = p.text_document_position_params;
        let path = path_of(&doc.text_document.uri)?;
        let (text, offset) = self.text_at(&path, doc.position)?;
        let framework = self
            .workspace
            .checked_for(&path)
            .and_then(|c| c.framework.as_ref());
        let (markdown, span) = hover::hover(&text, offset, framework)?;
        let index = position::LineIndex::new(&text);
        Some(Hover {
            contents: HoverContents::Markup(MarkupContent {
                kind: MarkupKind::Markdown,
                value: markdown,
            }),
            range: Some(index.range(&text, span.start, span.end)),
        })
    }

    fn completion(&self, p: CompletionParams) -> Option<CompletionResponse> {
        let doc = p.text_document_position;
        let path = path_of(&doc.text_document.uri)?;
        let (text, offset) = self.text_at(&path, doc.position)?;
        let checked = self.workspace.checked_for(&path);
        let cx = completion::Context {
            framework: checked.and_then(|c| c.framework.as_ref()),
            year: checked.and_then(|c| c.year),
        };
        let items = completion::complete(&text, offset, &cx);
        (!items.is_empty()).then_some(CompletionResponse::Array(items))
    }

    fn code_actions(&self, p: CodeActionParams) -> Vec<CodeActionOrCommand> {
        let Some(path) = path_of(&p.text_document.uri) else {
            return Vec::new();
        };
        let Some(checked) = self.workspace.checked_for(&path) else {
            return Vec::new();
        };
        let Some(file) = checked.file_id(&path) else {
            return Vec::new();
        };
        let text = checked.sources.text(file);
        let index = &checked.lines[file];
        let start = index.offset(text, p.range.start);
        let end = index.offset(text, p.range.end);
        actions::actions(
            checked,
            &p.text_document.uri,
            file,
            start,
            end,
            p.context.only.as_deref(),
        )
        .into_iter()
        .map(CodeActionOrCommand::CodeAction)
        .collect()
    }
}
