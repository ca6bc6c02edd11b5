//! Markdown export: CommonMark with GFM tables and strikethrough, from the
//! article tree as the HTML serialiser sees it (same allowlist: what `html`
//! drops is dropped here, unwrapped tags give their content).
//!
//! Blocks are written with their container prefixes (`> ` for quotes, the list
//! marker or its width for list items); inline content collects in a buffer
//! that is flushed as a paragraph at each block boundary. Text is escaped where
//! Markdown would misread it (`*`, `_` outside words, `` ` ``, `[`, `]`, `<`,
//! `~`, `|`, `\`, entity-like `&`, and line-start `#`, `>`, `-`, `+`, `=`,
//! `1.`). Code blocks are fenced with a fence longer than any backtick run
//! inside, with the language of a `language-x` class. The walk is iterative.

use super::html::{fate, is_language_class, safe_url, Fate, UrlUse};
use crate::dom::{Dom, NodeData, NodeId};
use crate::links::parse_srcset;
use crate::tuning::MAX_MARKDOWN_NESTING;

/// Markdown of the children of `root`.
pub(crate) fn markdown(dom: &Dom, root: NodeId) -> String {
    let mut w = Writer::new(false);
    w.walk(dom, root);
    w.flush_para();
    let mut out = w.out;
    let trimmed = out.trim_end().len();
    out.truncate(trimmed);
    if !out.is_empty() {
        out.push('\n');
    }
    out
}

/// A block container the current lines sit in.
enum Container {
    Quote,
    /// A list item: its marker (`- `, `3. `), written on its first line only.
    Item {
        marker: String,
        pending: bool,
    },
}

struct List {
    ordered: bool,
    next: i64,
}

/// What to do when the walk leaves an element.
enum Exit {
    Block,
    Quote,
    List,
    Item,
    Heading(usize),
    /// Wrap the buffer from `start` in `delim`.
    Emph {
        start: usize,
        delim: &'static str,
    },
    Link {
        start: usize,
        url: String,
        title: Option<String>,
    },
    Raw(&'static str),
}

enum Step {
    Enter(NodeId),
    Exit(Exit),
}

struct Writer {
    out: String,
    /// Inline content of the current paragraph (already Markdown).
    buf: String,
    containers: Vec<Container>,
    /// A serial number per open container, to tell which ones the previous
    /// block shared with the next one.
    serials: Vec<u64>,
    next_serial: u64,
    last_serials: Vec<u64>,
    /// Lines of a code block: kept as they are (only the prefix of an empty
    /// line is trimmed).
    verbatim: bool,
    lists: Vec<List>,
    /// Inside a heading, link, emphasis or table cell: blocks become spaces.
    inline_depth: usize,
    link_depth: usize,
    em_depth: usize,
    strong_depth: usize,
    strike_depth: usize,
    /// Table-cell mode: one line, `|` escaped everywhere.
    cell: bool,
    /// Container depth of the last block written, and whether its innermost
    /// container was a list item (for tight lists).
    last: Option<(usize, bool)>,
}

const BLOCK_TAGS: &[&str] = &[
    "article",
    "blockquote",
    "caption",
    "dd",
    "details",
    "div",
    "dl",
    "dt",
    "figcaption",
    "figure",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "hr",
    "li",
    "ol",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "tr",
    "ul",
];

impl Writer {
    fn new(cell: bool) -> Writer {
        Writer {
            out: String::new(),
            buf: String::new(),
            containers: Vec::new(),
            serials: Vec::new(),
            next_serial: 0,
            last_serials: Vec::new(),
            verbatim: false,
            lists: Vec::new(),
            inline_depth: usize::from(cell),
            link_depth: 0,
            em_depth: 0,
            strong_depth: 0,
            strike_depth: 0,
            cell,
            last: None,
        }
    }

    fn walk(&mut self, dom: &Dom, root: NodeId) {
        let mut stack: Vec<Step> = Vec::new();
        push_children(dom, root, &mut stack);
        while let Some(step) = stack.pop() {
            match step {
                Step::Exit(e) => self.exit(e),
                Step::Enter(id) => self.enter(dom, id, &mut stack),
            }
        }
    }

    fn enter(&mut self, dom: &Dom, id: NodeId, stack: &mut Vec<Step>) {
        match dom.data(id) {
            NodeData::Text(t) => {
                self.push_text(t);
                return;
            }
            NodeData::Element(_) => {}
            _ => return,
        }
        let fate = fate(dom, id);
        if !matches!(fate, Fate::Drop) && super::text::adjacent_words(dom, id) {
            self.push_space();
        }
        let name = match fate {
            Fate::Drop => return,
            Fate::Unwrap => {
                push_children(dom, id, stack);
                return;
            }
            Fate::Emit(name) => name,
        };
        if self.inline_depth > 0 && BLOCK_TAGS.contains(&name) {
            // A block inside a heading, link, emphasis or cell: keep it inline.
            if name == "pre" {
                self.push_text(&pre_text(dom, id));
                return;
            }
            self.push_space();
            stack.push(Step::Exit(Exit::Raw(" ")));
            push_children(dom, id, stack);
            return;
        }
        match name {
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => {
                self.flush_para();
                self.inline_depth += 1;
                let level = usize::from(name.as_bytes()[1] - b'0');
                stack.push(Step::Exit(Exit::Heading(level)));
                push_children(dom, id, stack);
            }
            "blockquote" => {
                self.flush_para();
                if self.open(Container::Quote) {
                    stack.push(Step::Exit(Exit::Quote));
                } else {
                    stack.push(Step::Exit(Exit::Block));
                }
                push_children(dom, id, stack);
            }
            "ul" | "ol" => {
                self.flush_para();
                let start = dom
                    .attr(id, "start")
                    .and_then(|s| s.trim().parse::<i64>().ok())
                    .unwrap_or(1);
                self.lists.push(List {
                    ordered: name == "ol",
                    next: start.clamp(0, 999_999_999),
                });
                stack.push(Step::Exit(Exit::List));
                push_children(dom, id, stack);
            }
            "li" => {
                self.flush_para();
                let marker = match self.lists.last_mut() {
                    Some(l) if l.ordered => {
                        if let Some(v) = dom.attr(id, "value").and_then(|v| v.trim().parse().ok()) {
                            l.next = i64::clamp(v, 0, 999_999_999);
                        }
                        let m = format!("{}. ", l.next);
                        l.next += 1;
                        m
                    }
                    _ => "- ".to_string(),
                };
                if self.open(Container::Item {
                    marker,
                    pending: true,
                }) {
                    stack.push(Step::Exit(Exit::Item));
                } else {
                    stack.push(Step::Exit(Exit::Block));
                }
                push_children(dom, id, stack);
            }
            "pre" => {
                self.flush_para();
                self.code_block(dom, id);
            }
            "table" => {
                self.flush_para();
                let (caption, rows) = table_rows(dom, id);
                if is_layout_table(dom, &rows) {
                    // Its cells are boxes of the page: their content, block by block.
                    stack.push(Step::Exit(Exit::Block));
                    push_children(dom, id, stack);
                } else {
                    self.table(dom, caption, rows);
                }
            }
            "hr" => {
                self.flush_para();
                self.emit_block(&["---".to_string()]);
            }
            "br" => {
                if !self.at_line_start() {
                    if self.cell {
                        self.push_space();
                    } else {
                        self.trim_buf_end();
                        self.buf.push_str("\\\n");
                    }
                }
            }
            "img" => self.image(dom, id),
            "code" | "kbd" | "samp" => self.code_span(&collapse(&dom.text_content(id))),
            "a" => {
                let url = dom.attr(id, "href").and_then(|h| safe_url(h, UrlUse::Link));
                match url {
                    Some(url) if self.link_depth == 0 => {
                        self.inline_depth += 1;
                        self.link_depth += 1;
                        let title = dom.attr(id, "title").map(str::to_string);
                        let start = self.buf.len();
                        stack.push(Step::Exit(Exit::Link { start, url, title }));
                        push_children(dom, id, stack);
                    }
                    _ => push_children(dom, id, stack),
                }
            }
            "em" | "i" | "cite" | "dfn" | "var" => {
                self.emphasis(dom, id, stack, "*");
            }
            "strong" | "b" | "dt" | "summary" => {
                if matches!(name, "dt" | "summary") {
                    self.flush_para();
                    stack.push(Step::Exit(Exit::Block));
                }
                self.emphasis(dom, id, stack, "**");
            }
            "s" | "del" => self.emphasis(dom, id, stack, "~~"),
            "figcaption" | "caption" => {
                self.flush_para();
                stack.push(Step::Exit(Exit::Block));
                self.emphasis(dom, id, stack, "*");
            }
            "q" => {
                self.buf.push('"');
                stack.push(Step::Exit(Exit::Raw("\"")));
                push_children(dom, id, stack);
            }
            _ if BLOCK_TAGS.contains(&name) => {
                self.flush_para();
                stack.push(Step::Exit(Exit::Block));
                push_children(dom, id, stack);
            }
            _ => push_children(dom, id, stack),
        }
    }

    /// Open a container; past [`MAX_MARKDOWN_NESTING`] its content is written
    /// at the current level instead (every line repeats the prefixes, so deep
    /// nesting would multiply the output). Returns whether it was opened.
    fn open(&mut self, c: Container) -> bool {
        if self.containers.len() >= MAX_MARKDOWN_NESTING {
            return false;
        }
        self.containers.push(c);
        self.serials.push(self.next_serial);
        self.next_serial += 1;
        true
    }

    fn close(&mut self) {
        self.containers.pop();
        self.serials.pop();
    }

    fn emphasis(&mut self, dom: &Dom, id: NodeId, stack: &mut Vec<Step>, delim: &'static str) {
        let depth = match delim {
            "*" => &mut self.em_depth,
            "**" => &mut self.strong_depth,
            _ => &mut self.strike_depth,
        };
        if *depth > 0 {
            // `*a *b* c*` would not nest: the inner one adds nothing.
            push_children(dom, id, stack);
            return;
        }
        *depth += 1;
        self.inline_depth += 1;
        stack.push(Step::Exit(Exit::Emph {
            start: self.buf.len(),
            delim,
        }));
        push_children(dom, id, stack);
    }

    fn exit(&mut self, e: Exit) {
        match e {
            Exit::Block => self.flush_para(),
            Exit::Quote => {
                self.flush_para();
                self.close();
            }
            Exit::List => {
                self.flush_para();
                self.lists.pop();
            }
            Exit::Item => {
                self.flush_para();
                if matches!(
                    self.containers.last(),
                    Some(Container::Item { pending: true, .. })
                ) {
                    // An empty item still shows its marker.
                    self.emit_block(&[String::new()]);
                }
                self.close();
            }
            Exit::Heading(level) => {
                self.inline_depth -= 1;
                let text = one_line(&std::mem::take(&mut self.buf));
                if !text.is_empty() {
                    self.emit_block(&[format!("{} {text}", "#".repeat(level))]);
                }
            }
            Exit::Emph { start, delim } => {
                self.inline_depth -= 1;
                match delim {
                    "*" => self.em_depth -= 1,
                    "**" => self.strong_depth -= 1,
                    _ => self.strike_depth -= 1,
                }
                // A run right after a closed run of the same kind (`<b>a</b><b>b</b>`)
                // continues it: `**a****b**` would read as literal asterisks.
                let continues =
                    self.buf.get(start..).is_some_and(|s| {
                        !s.trim().is_empty() && !s.starts_with(char::is_whitespace)
                    }) && self
                        .buf
                        .get(..start)
                        .and_then(|p| p.strip_suffix(delim))
                        .is_some_and(|p| !p.ends_with(['\\', '*', '~']) && !p.is_empty());
                if continues {
                    let at = start - delim.len();
                    self.buf.replace_range(at..start, "");
                    self.wrap(at, "", delim);
                } else {
                    self.wrap(start, delim, delim);
                }
            }
            Exit::Link { start, url, title } => {
                self.inline_depth -= 1;
                self.link_depth -= 1;
                let inner = self.buf.get(start..).unwrap_or("");
                if inner.trim().is_empty() {
                    return;
                }
                let mut close = format!("]({}", url_for_markdown(&url));
                if let Some(t) = title.filter(|t| !t.trim().is_empty()) {
                    close.push_str(" \"");
                    close.push_str(&escape_title(&collapse(&t)));
                    close.push('"');
                }
                close.push(')');
                self.wrap(start, "[", &close);
            }
            Exit::Raw(s) => {
                if s == " " {
                    self.push_space();
                } else {
                    self.buf.push_str(s);
                }
            }
        }
    }

    /// Wrap `buf[start..]` in `open`/`close`, keeping its outer whitespace outside.
    fn wrap(&mut self, start: usize, open: &str, close: &str) {
        let Some(inner) = self.buf.get(start..) else {
            return;
        };
        // Whitespace and hard breaks (`\` + newline) at either end stay outside
        // the delimiters: `**a\**` would not close.
        let mut head = inner.len() - inner.trim_start().len();
        while let Some(rest) = inner.get(head..).and_then(|r| r.strip_prefix("\\\n")) {
            head = inner.len() - rest.trim_start().len();
        }
        let mut tail = inner.trim_end().len().max(head);
        while let Some(rest) = inner
            .get(head..tail)
            .and_then(|r| r.strip_suffix('\\'))
            .filter(|_| inner.get(tail..).is_some_and(|r| r.starts_with('\n')))
        {
            tail = head + rest.trim_end().len();
        }
        let (Some(lead), Some(trimmed), Some(trail)) =
            (inner.get(..head), inner.get(head..tail), inner.get(tail..))
        else {
            return;
        };
        if trimmed.is_empty() {
            return;
        }
        let wrapped = format!("{lead}{open}{trimmed}{close}{trail}");
        self.buf.truncate(start);
        self.buf.push_str(&wrapped);
    }

    fn at_line_start(&self) -> bool {
        self.buf.is_empty() || self.buf.ends_with('\n')
    }

    fn push_space(&mut self) {
        if !self.at_line_start() && !self.buf.ends_with(' ') {
            self.buf.push(' ');
        }
    }

    fn trim_buf_end(&mut self) {
        let keep = self.buf.trim_end_matches([' ', '\t']).len();
        self.buf.truncate(keep);
    }

    /// Append text: whitespace collapsed, Markdown syntax escaped.
    fn push_text(&mut self, text: &str) {
        let collapsed = collapse(text);
        if collapsed.is_empty() {
            return;
        }
        let mut s = collapsed.as_str();
        if self.at_line_start() || self.buf.ends_with(' ') {
            s = s.trim_start();
        }
        if s.is_empty() {
            return;
        }
        let prev = self.buf.chars().next_back();
        let escaped = escape_text(s, prev, self.at_line_start(), self.cell);
        self.buf.push_str(&escaped);
    }

    fn code_span(&mut self, code: &str) {
        if code.trim().is_empty() {
            if !code.is_empty() {
                self.push_space();
            }
            return;
        }
        let code = if self.cell {
            code.replace('|', "\\|")
        } else {
            code.to_string()
        };
        let fence = "`".repeat(longest_run(&code, '`') + 1);
        let pad = code.starts_with('`') || code.ends_with('`');
        let sp = if pad { " " } else { "" };
        self.buf.push_str(&format!("{fence}{sp}{code}{sp}{fence}"));
    }

    fn image(&mut self, dom: &Dom, id: NodeId) {
        let Some(src) = image_source(dom, id) else {
            return;
        };
        let alt = collapse(dom.attr(id, "alt").unwrap_or(""));
        let mut s = format!("![{}]({}", escape_alt(alt.trim()), url_for_markdown(&src));
        if let Some(t) = dom.attr(id, "title").filter(|t| !t.trim().is_empty()) {
            s.push_str(" \"");
            s.push_str(&escape_title(&collapse(t)));
            s.push('"');
        }
        s.push(')');
        if self.buf.ends_with(|c: char| c.is_alphanumeric()) {
            self.buf.push(' ');
        }
        self.buf.push_str(&s);
    }

    fn code_block(&mut self, dom: &Dom, id: NodeId) {
        let text = pre_text(dom, id);
        let text = text.strip_suffix('\n').unwrap_or(&text);
        if text.trim().is_empty() {
            return;
        }
        let lang = code_language(dom, id).unwrap_or_default();
        let fence = "`".repeat((longest_run(text, '`') + 1).max(3));
        let mut lines = vec![format!("{fence}{lang}")];
        lines.extend(text.split('\n').map(str::to_string));
        lines.push(fence);
        self.verbatim = true;
        self.emit_block(&lines);
        self.verbatim = false;
    }

    /// A data table's caption and rows (see [`table_rows`]) as a GFM table.
    fn table(&mut self, dom: &Dom, caption: Option<NodeId>, rows: Vec<Vec<NodeId>>) {
        if let Some(c) = caption {
            let text = cell_markdown(dom, c);
            if !text.is_empty() {
                self.emit_block(&[format!("*{text}*")]);
            }
        }
        let mut grid: Vec<Vec<String>> = Vec::new();
        for row in rows {
            let mut cells = Vec::new();
            for cell in row {
                cells.push(cell_markdown(dom, cell));
                let span = dom
                    .attr(cell, "colspan")
                    .and_then(|v| v.trim().parse::<usize>().ok())
                    .unwrap_or(1)
                    .clamp(1, 64);
                cells.extend(std::iter::repeat_n(String::new(), span - 1));
            }
            grid.push(cells);
        }
        let cols = grid.iter().map(Vec::len).max().unwrap_or(0);
        if cols == 0 {
            return;
        }
        let line = |cells: &[String]| {
            let mut s = String::from("|");
            for k in 0..cols {
                let c = cells.get(k).map_or("", String::as_str);
                s.push(' ');
                s.push_str(c);
                s.push_str(" |");
            }
            s
        };
        let mut lines = vec![line(&grid[0])];
        lines.push(format!("|{}", " --- |".repeat(cols)));
        for row in &grid[1..] {
            lines.push(line(row));
        }
        self.emit_block(&lines);
    }

    /// Write the current paragraph, if any.
    fn flush_para(&mut self) {
        if self.cell {
            return;
        }
        let buf = std::mem::take(&mut self.buf);
        let mut lines: Vec<String> = buf
            .split('\n')
            .map(|l| l.trim_end_matches([' ', '\t']).to_string())
            .collect();
        // No hard break at the very end (it would show as a backslash).
        while let Some(last) = lines.last_mut() {
            let t = last.trim_end_matches('\\').trim_end().to_string();
            if t.is_empty() {
                lines.pop();
            } else {
                *last = t;
                break;
            }
        }
        if let Some(first) = lines.first_mut() {
            *first = first.trim_start().to_string();
        }
        if lines.iter().all(|l| l.trim().is_empty()) {
            return;
        }
        self.emit_block(&lines);
    }

    /// Write a block's lines under the current containers, after a blank line
    /// unless it continues a tight list.
    fn emit_block(&mut self, lines: &[String]) {
        let depth = self.containers.len();
        let starts_item = matches!(
            self.containers.last(),
            Some(Container::Item { pending: true, .. })
        );
        let separate = match self.last {
            None => false,
            Some((last_depth, last_in_item)) => {
                let ordered_restart = self
                    .lists
                    .last()
                    .is_some_and(|l| l.ordered && l.next != 2 && last_depth < depth);
                !(starts_item && last_in_item && last_depth + 1 >= depth && !ordered_restart)
            }
        };
        if separate {
            // The blank line belongs to the containers both blocks share.
            let shared = self
                .serials
                .iter()
                .zip(&self.last_serials)
                .take_while(|(a, b)| a == b)
                .count();
            let prefix = self.prefix_of(shared);
            self.out.push_str(prefix.trim_end());
            self.out.push('\n');
        }
        for (k, line) in lines.iter().enumerate() {
            let prefix = self.prefix(k == 0);
            if self.verbatim && !line.is_empty() {
                self.out.push_str(&prefix);
                self.out.push_str(line);
            } else {
                let full = format!("{prefix}{line}");
                self.out.push_str(full.trim_end_matches([' ', '\t']));
            }
            self.out.push('\n');
        }
        let in_item = matches!(self.containers.last(), Some(Container::Item { .. }));
        self.last = Some((depth, in_item));
        self.last_serials.clone_from(&self.serials);
    }

    /// The continuation prefix of the first `n` containers.
    fn prefix_of(&self, n: usize) -> String {
        let mut p = String::new();
        for c in self.containers.iter().take(n) {
            match c {
                Container::Quote => p.push_str("> "),
                Container::Item { marker, .. } => p.push_str(&" ".repeat(marker.len())),
            }
        }
        p
    }

    /// The prefix of a line: quote markers and list indentation; on a block's
    /// first line, pending list markers (then no longer pending).
    fn prefix(&mut self, first_line: bool) -> String {
        let mut p = String::new();
        for c in &mut self.containers {
            match c {
                Container::Quote => p.push_str("> "),
                Container::Item { marker, pending } => {
                    if first_line && *pending {
                        p.push_str(marker);
                        *pending = false;
                    } else {
                        p.push_str(&" ".repeat(marker.len()));
                    }
                }
            }
        }
        p
    }
}

fn push_children(dom: &Dom, id: NodeId, stack: &mut Vec<Step>) {
    let mut c = dom.last_child(id);
    while let Some(n) = c {
        stack.push(Step::Enter(n));
        c = dom.prev_sibling(n);
    }
}

/// A table that lays out the page rather than holding data: one column, or a
/// cell holding a table, a heading or a quotation. A GFM table would squash
/// such content into one line per row.
fn is_layout_table(dom: &Dom, rows: &[Vec<NodeId>]) -> bool {
    rows.iter().map(Vec::len).max().unwrap_or(0) <= 1
        || rows.iter().flatten().any(|&cell| {
            dom.descendant_elements(cell)
                .any(|d| dom.is_one_of(d, LAYOUT_CELL_CONTENT) && fate(dom, d) != Fate::Drop)
        })
}

/// Elements no data-table cell holds.
const LAYOUT_CELL_CONTENT: &[&str] = &["table", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote"];

/// A table's caption and its rows (cells in order), nested tables excluded.
fn table_rows(dom: &Dom, table: NodeId) -> (Option<NodeId>, Vec<Vec<NodeId>>) {
    let mut caption = None;
    let mut rows = Vec::new();
    let mut stack: Vec<NodeId> = dom.element_children(table).into_iter().rev().collect();
    while let Some(n) = stack.pop() {
        match dom.tag(n) {
            "caption" if caption.is_none() => caption = Some(n),
            "tr" => rows.push(
                dom.element_children(n)
                    .into_iter()
                    .filter(|&c| dom.is_one_of(c, &["td", "th"]) && fate(dom, c) != Fate::Drop)
                    .collect::<Vec<_>>(),
            ),
            "table" => {}
            _ if fate(dom, n) != Fate::Drop => {
                // thead/tbody/tfoot and unwrapped wrappers.
                for c in dom.element_children(n).into_iter().rev() {
                    stack.push(c);
                }
            }
            _ => {}
        }
    }
    rows.retain(|r| !r.is_empty());
    (caption, rows)
}

/// A cell's content as one line of inline Markdown.
fn cell_markdown(dom: &Dom, cell: NodeId) -> String {
    let mut w = Writer::new(true);
    w.walk(dom, cell);
    one_line(&w.buf)
}

/// Newlines and hard breaks to spaces, whitespace runs collapsed, trimmed.
fn one_line(s: &str) -> String {
    s.replace("\\\n", " ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// The text of a `<pre>`, `<br>` as newlines, nothing collapsed; what the HTML
/// serialiser drops (a `<script>` inside) left out.
fn pre_text(dom: &Dom, id: NodeId) -> String {
    let mut s = String::new();
    let mut stack: Vec<NodeId> = dom.children(id).into_iter().rev().collect();
    while let Some(n) = stack.pop() {
        match dom.data(n) {
            NodeData::Text(t) => s.push_str(t),
            NodeData::Element(_) if dom.is_tag(n, "br") => s.push('\n'),
            NodeData::Element(_) if fate(dom, n) != Fate::Drop => {
                stack.extend(dom.children(n).into_iter().rev());
            }
            _ => {}
        }
    }
    s
}

/// `language-rust` on the `<pre>` or its first `<code>`: `rust`.
fn code_language(dom: &Dom, pre: NodeId) -> Option<String> {
    let mut candidates = vec![pre];
    candidates.extend(dom.elements_by_tag(pre, &["code"]).into_iter().take(1));
    for n in candidates {
        for class in dom.class_attr(n).split_ascii_whitespace() {
            if is_language_class(class) {
                let lang = class.split_once('-').map_or("", |(_, l)| l);
                if !lang.is_empty() {
                    return Some(lang.to_ascii_lowercase());
                }
            }
        }
    }
    None
}

/// The image URL: a safe `src`, else the widest `srcset` candidate, else the
/// first `<source>` of the enclosing `<picture>`.
fn image_source(dom: &Dom, img: NodeId) -> Option<String> {
    if let Some(src) = dom
        .attr(img, "src")
        .and_then(|s| safe_url(s, UrlUse::Image))
    {
        return Some(src);
    }
    let mut srcsets: Vec<&str> = dom.attr(img, "srcset").into_iter().collect();
    if let Some(p) = dom.parent(img).filter(|&p| dom.is_tag(p, "picture")) {
        for s in dom.element_children(p) {
            if dom.is_tag(s, "source") {
                srcsets.extend(dom.attr(s, "srcset"));
            }
        }
    }
    for set in srcsets {
        let best = parse_srcset(set)
            .into_iter()
            .filter_map(|(u, d)| safe_url(u, UrlUse::Plain).map(|u| (u, descriptor_size(d))))
            .max_by(|a, b| a.1.total_cmp(&b.1));
        if let Some((u, _)) = best {
            return Some(u);
        }
    }
    None
}

fn descriptor_size(d: &str) -> f64 {
    let num = d.trim_end_matches(['w', 'x', 'h']);
    num.parse::<f64>().unwrap_or(1.0)
}

/// A URL as a Markdown link destination: characters that would end or break
/// it are percent-encoded.
fn url_for_markdown(url: &str) -> String {
    let mut s = String::with_capacity(url.len());
    for c in url.chars() {
        match c {
            ' ' => s.push_str("%20"),
            '(' => s.push_str("%28"),
            ')' => s.push_str("%29"),
            '<' => s.push_str("%3C"),
            '>' => s.push_str("%3E"),
            '\\' => s.push_str("%5C"),
            c if c.is_control() => {}
            c => s.push(c),
        }
    }
    s
}

/// One line of plain text (a title) as Markdown inline text: whitespace
/// collapsed, Markdown syntax escaped.
pub(crate) fn escape_line(t: &str) -> String {
    escape_text(collapse(t).trim(), None, true, false)
}

fn escape_title(t: &str) -> String {
    t.replace('\\', "\\\\").replace('"', "\\\"")
}

fn escape_alt(t: &str) -> String {
    let mut s = String::new();
    for c in t.chars() {
        if matches!(c, '\\' | '[' | ']' | '*' | '_' | '`' | '<' | '&' | '|') {
            s.push('\\');
        }
        s.push(c);
    }
    s
}

/// Whitespace runs to one space (HTML's collapsing), control characters out.
fn collapse(t: &str) -> String {
    let mut s = String::with_capacity(t.len());
    let mut space = false;
    for c in t.chars() {
        if c.is_whitespace() && c != '\u{a0}' {
            space = true;
            continue;
        }
        if c.is_control() {
            continue;
        }
        if space && !s.is_empty() {
            s.push(' ');
        }
        if space && s.is_empty() {
            s.push(' ');
        }
        space = false;
        s.push(c);
    }
    if space {
        s.push(' ');
    }
    s
}

fn longest_run(s: &str, ch: char) -> usize {
    let (mut best, mut cur) = (0, 0);
    for c in s.chars() {
        if c == ch {
            cur += 1;
            best = best.max(cur);
        } else {
            cur = 0;
        }
    }
    best
}

/// Escape text so Markdown reads it as text. `prev` is the character before it
/// (for intraword `_`), `line_start` whether it begins a line.
fn escape_text(s: &str, prev: Option<char>, line_start: bool, cell: bool) -> String {
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len() + 8);
    let mut start = 0;
    if line_start {
        // Block syntax at the start of a line.
        match chars.first() {
            Some('#' | '>' | '-' | '+' | '=') => {
                out.push('\\');
                out.push(chars[0]);
                start = 1;
            }
            Some(c) if c.is_ascii_digit() => {
                let digits = chars.iter().take_while(|c| c.is_ascii_digit()).count();
                if matches!(chars.get(digits), Some('.' | ')')) {
                    out.extend(&chars[..digits]);
                    out.push('\\');
                    out.push(chars[digits]);
                    start = digits + 1;
                }
            }
            _ => {}
        }
    }
    for k in start..chars.len() {
        let c = chars[k];
        let before = if k == 0 { prev } else { Some(chars[k - 1]) };
        let after = chars.get(k + 1).copied();
        let escape = match c {
            '\\' | '`' | '*' | '[' | ']' | '<' | '~' | '|' => true,
            '_' => {
                !(before.is_some_and(char::is_alphanumeric)
                    && after.is_some_and(char::is_alphanumeric))
            }
            '&' => after.is_some_and(|a| a.is_ascii_alphanumeric() || a == '#'),
            _ => false,
        };
        if escape {
            out.push('\\');
        }
        out.push(c);
    }
    let _ = cell;
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dom::ROOT;
    use crate::parse::parse_document;
    use crate::Options;
    use pulldown_cmark::{Event, Options as MdOptions, Parser, Tag, TagEnd};

    fn md(body: &str) -> String {
        let dom = parse_document(&format!("<body>{body}</body>"), &Options::default()).unwrap();
        let b = dom.elements_by_tag(ROOT, &["body"])[0];
        markdown(&dom, b)
    }

    /// Render Markdown back to plain text with pulldown-cmark: blocks and
    /// cells separated by spaces; also the code blocks' exact text.
    fn rendered(md: &str) -> (String, Vec<String>) {
        let mut opts = MdOptions::empty();
        opts.insert(MdOptions::ENABLE_TABLES);
        opts.insert(MdOptions::ENABLE_STRIKETHROUGH);
        let mut text = String::new();
        let mut code: Vec<String> = Vec::new();
        let mut in_code = false;
        let mut in_image = 0;
        for ev in Parser::new_ext(md, opts) {
            match ev {
                Event::Text(t) if in_code => {
                    text.push_str(&t);
                    if let Some(c) = code.last_mut() {
                        c.push_str(&t);
                    }
                }
                Event::Text(t) if in_image == 0 => text.push_str(&t),
                Event::Code(t) => text.push_str(&t),
                Event::Start(Tag::CodeBlock(_)) => {
                    in_code = true;
                    code.push(String::new());
                }
                Event::End(TagEnd::CodeBlock) => {
                    in_code = false;
                    text.push(' ');
                }
                Event::Start(Tag::Image { .. }) => in_image += 1,
                Event::End(TagEnd::Image) => in_image -= 1,
                Event::Html(h) | Event::InlineHtml(h) => panic!("raw HTML in Markdown: {h:?}"),
                Event::SoftBreak | Event::HardBreak => text.push(' '),
                Event::Start(t) if is_block(&t.to_end()) => text.push(' '),
                Event::End(t) if is_block(&t) => text.push(' '),
                _ => {}
            }
        }
        (text, code)
    }

    fn is_block(t: &TagEnd) -> bool {
        !matches!(
            t,
            TagEnd::Emphasis
                | TagEnd::Strong
                | TagEnd::Strikethrough
                | TagEnd::Link
                | TagEnd::Image
                | TagEnd::Superscript
                | TagEnd::Subscript
        )
    }

    #[test]
    fn paragraphs_headings_emphasis() {
        assert_eq!(
            md("<h2>Title <em>here</em></h2><p>Some <b>bold </b>and <i>it</i>.</p><p>Two</p>"),
            "## Title *here*\n\nSome **bold** and *it*.\n\nTwo\n"
        );
    }

    #[test]
    fn links_and_images() {
        assert_eq!(
            md(
                r#"<p>See <a href="https://e.com/a b(c)" title='T "x"'>the <b>site</b></a> and <a href="javascript:x">js</a>.</p>"#
            ),
            "See [the **site**](https://e.com/a%20b%28c%29 \"T \\\"x\\\"\") and js.\n"
        );
        assert_eq!(
            md(
                r#"<figure><img src="https://e.com/i.jpg" alt="A [cat]"><figcaption>The cat</figcaption></figure>"#
            ),
            "![A \\[cat\\]](https://e.com/i.jpg)\n\n*The cat*\n"
        );
        assert_eq!(
            md(
                r#"<picture><source srcset="https://e.com/s.webp 1x, https://e.com/l.webp 2x"><img alt=p></picture>"#
            ),
            "![p](https://e.com/l.webp)\n"
        );
    }

    #[test]
    fn lists_nest_and_stay_tight() {
        assert_eq!(
            md("<ul><li>a</li><li>b<ul><li>c</li></ul></li><li>d</li></ul>"),
            "- a\n- b\n  - c\n- d\n"
        );
        assert_eq!(
            md("<ol start=3><li>x</li><li><p>y</p><p>z</p></li></ol>"),
            "3. x\n4. y\n\n   z\n"
        );
    }

    #[test]
    fn blockquotes_prefix_every_line() {
        assert_eq!(
            md("<blockquote><p>a</p><p>b<br>c</p></blockquote>"),
            "> a\n>\n> b\\\n> c\n"
        );
    }

    #[test]
    fn code_blocks_and_spans() {
        assert_eq!(
            md("<pre class=\"language-rust\"><code>fn main() {\n    let a = `x`;\n}\n</code></pre>"),
            "```rust\nfn main() {\n    let a = `x`;\n}\n```\n"
        );
        assert_eq!(
            md("<pre><code>has ``` fence</code></pre>"),
            "````\nhas ``` fence\n````\n"
        );
        assert_eq!(
            md("<p>Use <code>a`b</code> or <code>`x</code></p>"),
            "Use ``a`b`` or `` `x ``\n"
        );
    }

    #[test]
    fn tables_are_gfm() {
        assert_eq!(
            md("<table><caption>Cap</caption><tr><th>a</th><th>b|c</th></tr><tr><td colspan=2>wide <b>x</b></td></tr><tr><td>1</td></tr></table>"),
            "*Cap*\n\n| a | b\\|c |\n| --- | --- |\n| wide **x** |  |\n| 1 |  |\n"
        );
    }

    #[test]
    fn layout_tables_are_their_content() {
        // One cell holding the article: paragraphs, not a one-row table.
        assert_eq!(
            md("<table><tr><td><h2>Title</h2><p>First paragraph.</p><p>Second.</p></td></tr></table>"),
            "## Title\n\nFirst paragraph.\n\nSecond.\n"
        );
        // Two columns, one holding a nested table: boxes, read in order.
        let out = md("<table><tr><td><p>Menu</p></td><td><p>Story one.</p><table><tr><td>a</td><td>b</td></tr></table></td></tr></table>");
        assert!(!out.contains("| Menu"), "{out}");
        assert!(out.contains("Menu\n\nStory one.\n\n| a | b |"), "{out}");
        // Lists and paragraphs in cells are still data.
        assert!(md("<table><tr><th>Date</th><th>Notes</th></tr><tr><td>Sep 6</td><td><ul><li>x</li><li>y</li></ul></td></tr></table>")
            .starts_with("| Date | Notes |"));
    }

    #[test]
    fn escapes_what_markdown_would_misread() {
        let out = md("<p># not a heading</p><p>1. not a list</p><p>- nor this</p><p>*stars* _under_ snake_case [x](y) &amp;copy; a<b>b</b> <not-a-tag></p>");
        let (text, _) = rendered(&out);
        assert_eq!(
            text.split_whitespace().collect::<Vec<_>>().join(" "),
            "# not a heading 1. not a list - nor this *stars* _under_ snake_case [x](y) &copy; ab",
            "{out}"
        );
        assert!(
            out.contains("snake_case"),
            "intraword _ stays readable: {out}"
        );
    }

    #[test]
    fn drops_what_html_drops() {
        assert_eq!(
            md("<p>a<script>evil()</script><svg><text>s</text></svg><iframe>f</iframe>b</p>"),
            "ab\n"
        );
    }

    #[test]
    fn unclosed_media_keep_the_rest_of_the_article() {
        // An unclosed element whose children are fallback content holds every
        // later sibling: the element goes, its content stays (as in the text).
        for tag in [
            "audio", "video", "canvas", "object", "applet", "map", "meter", "progress", "output",
        ] {
            let body = format!("<p>before</p><{tag} src=x onerror=alert(1)><p>after <b>it</b></p>");
            assert_eq!(md(&body), "before\n\nafter **it**\n", "{tag}");
            let d = parse_document(&body, &Options::default()).unwrap();
            let b = d.elements_by_tag(ROOT, &["body"])[0];
            assert_eq!(crate::render::text(&d, b), "before\n\nafter it", "{tag}");
            let h = crate::render::html(&d, b, &Options::default());
            assert!(h.contains("<p>after <b>it</b></p>"), "{tag}: {h}");
            assert!(!h.contains(tag) && !h.contains("onerror"), "{tag}: {h}");
        }
        // Their media children stay out.
        assert_eq!(
            md("<video><source src=v.mp4><track src=t.vtt>No video.</video>"),
            "No video.\n"
        );
    }

    #[test]
    fn html_markdown_and_text_drop_the_same_elements() {
        use crate::patterns::{DROPPED_TAGS, TEXT_SKIP_TAGS};
        // Dropped elements that never hold text of their own.
        const EMPTY: &[&str] = &[
            "area", "base", "basefont", "bgsound", "embed", "frame", "frameset", "input", "keygen",
            "link", "meta", "param", "track",
        ];
        for t in DROPPED_TAGS {
            assert!(
                TEXT_SKIP_TAGS.contains(t) || EMPTY.contains(t),
                "{t}: dropped from the HTML and Markdown, kept in the text"
            );
        }
        for t in TEXT_SKIP_TAGS {
            assert!(
                DROPPED_TAGS.contains(t),
                "{t}: skipped in the text, kept in the HTML and Markdown"
            );
        }
        for tag in ["datalist", "dialog", "noembed", "noframes"] {
            let body = format!("<p>a</p><{tag}><p>hidden</p></{tag}><p>b</p>");
            let d = parse_document(&body, &Options::default()).unwrap();
            let b = d.elements_by_tag(ROOT, &["body"])[0];
            assert_eq!(crate::render::text(&d, b), "a\n\nb", "{tag}");
            assert_eq!(md(&body), "a\n\nb\n", "{tag}");
        }
    }

    #[test]
    fn adjacent_runs_of_the_same_emphasis_merge() {
        assert_eq!(md("<p><b>a</b><b>b</b> c</p>"), "**ab** c\n");
        assert_eq!(md("<p>x <i>a</i><i>b</i></p>"), "x *ab*\n");
        assert_eq!(md("<p><b><i>a</i></b></p>"), "***a***\n");
        assert_eq!(md("<p><b>a</b> <b>b</b></p>"), "**a** **b**\n");
        // (a lower-case letter meeting a capital across the runs is a seam,
        // as in the text rendering)
        let (text, _) = rendered(&md("<p><b>$5 savings</b><b>BOOK:</b> by Dec</p>"));
        assert_eq!(
            text.split_whitespace().collect::<Vec<_>>(),
            ["$5", "savings", "BOOK:", "by", "Dec"]
        );
    }

    #[test]
    fn hard_breaks_stay_outside_emphasis() {
        assert_eq!(md("<p><b>Title<br>\n</b> text</p>"), "**Title**\\\ntext\n");
        assert_eq!(md("<p>a <b><br>bold</b></p>"), "a\\\n**bold**\n");
        assert_eq!(md("<p><i>back\\</i> x</p>"), "*back\\\\* x\n");
    }

    #[test]
    fn deep_nesting_does_not_overflow() {
        let html = format!(
            "{}deep{}",
            "<blockquote>".repeat(400),
            "</blockquote>".repeat(400)
        );
        let out = md(&html);
        assert!(out.contains("deep"));
    }

    /// Words of the article as the HTML serialiser would show them.
    fn article_words(dom: &Dom, root: NodeId) -> Vec<String> {
        let mut s = String::new();
        let mut stack = vec![(root, false)];
        while let Some((n, exit)) = stack.pop() {
            if exit {
                s.push(' ');
                continue;
            }
            match dom.data(n) {
                NodeData::Text(t) => s.push_str(t),
                NodeData::Element(_) if n == root || fate(dom, n) != Fate::Drop => {
                    let block =
                        n != root && BLOCK_TAGS.contains(&dom.tag(n)) || dom.is_tag(n, "br");
                    if block {
                        s.push(' ');
                        stack.push((n, true));
                    }
                    for c in dom.children(n).into_iter().rev() {
                        stack.push((c, false));
                    }
                }
                _ => {}
            }
        }
        s.split_whitespace().map(str::to_string).collect()
    }

    /// Share of `want`'s words (as a multiset) found in `got`.
    fn kept(want: &[String], got: &str) -> f64 {
        let mut pool: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
        for w in got.split_whitespace() {
            *pool.entry(w).or_default() += 1;
        }
        let mut hit = 0;
        for w in want {
            if let Some(c) = pool.get_mut(w.as_str()).filter(|c| **c > 0) {
                *c -= 1;
                hit += 1;
            }
        }
        if want.is_empty() {
            1.0
        } else {
            hit as f64 / want.len() as f64
        }
    }

    #[test]
    fn round_trip_keeps_text_cells_and_code() {
        let html = r#"<h1>Report</h1><p>Intro with <a href="https://e.com/x">a link</a>, <em>stress</em> and a_b_c *literal* [brackets].</p>
            <ul><li>One</li><li>Two <ol><li>Two-one</li></ol></li></ul>
            <blockquote><p>Quoted text</p></blockquote>
            <table><tr><th>Name</th><th>Value</th></tr><tr><td>alpha | beta</td><td><code>x|y</code></td></tr></table>
            <pre><code class="language-python">def f(x):
    return x * 2  # `tick`
</code></pre>
            <p>1999. A year. # Not heading. &lt;b&gt;not bold&lt;/b&gt;</p>"#;
        let dom = parse_document(&format!("<body>{html}</body>"), &Options::default()).unwrap();
        let b = dom.elements_by_tag(ROOT, &["body"])[0];
        let out = markdown(&dom, b);
        let (text, code) = rendered(&out);
        let want = article_words(&dom, b);
        let k = kept(&want, &text);
        assert!(k >= 0.99, "kept {k:.3}\n{out}\n---\n{text}");
        assert_eq!(
            code,
            vec!["def f(x):\n    return x * 2  # `tick`\n"],
            "{out}"
        );
        for cell in ["alpha | beta", "x|y", "Name", "Value"] {
            assert!(text.contains(cell), "cell {cell:?} lost:\n{out}");
        }
    }

    /// The shared corpus, when present: every page's `<body>` survives the trip.
    #[test]
    fn round_trip_over_corpus() {
        let Some(dir) = crate::shared_corpus()
            .map(|c| c.join("readability"))
            .filter(|d| d.exists())
        else {
            eprintln!("skipped: no shared corpus (set UNMIRROR_SHARED to the shared folder)");
            return;
        };
        let mut pages: Vec<_> = std::fs::read_dir(&dir)
            .unwrap()
            .flatten()
            .map(|e| e.path())
            .collect();
        pages.sort();
        let mut worst = (1.0f64, String::new());
        let mut total = 0.0;
        let mut count = 0;
        for p in pages {
            let Ok(bytes) = std::fs::read(p.join("source.html")) else {
                continue;
            };
            let html = crate::decode_html(&bytes);
            let Ok(dom) = parse_document(&html, &Options::default()) else {
                continue;
            };
            let Some(&b) = dom.elements_by_tag(ROOT, &["body"]).first() else {
                continue;
            };
            let out = markdown(&dom, b);
            let (text, _) = rendered(&out);
            let k = kept(&article_words(&dom, b), &text);
            total += k;
            count += 1;
            if k < worst.0 {
                worst = (k, p.display().to_string());
            }
        }
        assert!(count > 0);
        eprintln!(
            "corpus round trip: {count} pages, mean kept {:.4}, worst {:.4} ({})",
            total / count as f64,
            worst.0,
            worst.1
        );
        assert!(
            total / count as f64 >= 0.99,
            "mean kept {:.4}",
            total / count as f64
        );
        assert!(
            worst.0 >= 0.97,
            "worst page {} kept {:.4}",
            worst.1,
            worst.0
        );
    }
}
