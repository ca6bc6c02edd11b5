//! Plain-text rendering: block elements become paragraphs separated by a blank
//! line, `<br>` a line break, table rows lines with tab-separated cells;
//! whitespace is collapsed except inside `<pre>`.

use crate::dom::{Dom, NodeData, NodeId};
use crate::patterns::{TEXT_BLOCK_TAGS, TEXT_SKIP_TAGS};

/// A break requested before the next text, strongest wins.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Break {
    None,
    Line,
    Para,
}

struct Writer {
    out: String,
    pending: Break,
    /// Table cells started since the last text and the last break: one tab
    /// each (a cell whose content starts with a block loses its tab, as the tab
    /// would stand alone on its line).
    cells: usize,
    /// Collapsed whitespace seen since the last word.
    space: bool,
}

impl Writer {
    fn request(&mut self, b: Break) {
        self.pending = self.pending.max(b);
        self.cells = 0;
    }

    fn br(&mut self) {
        self.request(Break::Line);
    }

    /// Emit whatever must come before the next visible character. Breaks count
    /// the newlines already written (a `<pre>` may end with one), so blocks are
    /// never more than one blank line apart.
    fn flush(&mut self) {
        if self.out.is_empty() {
            self.pending = Break::None;
            self.space = false;
        }
        let newlines = match self.pending {
            Break::None => 0,
            Break::Line => 1,
            Break::Para => 2,
        };
        if newlines == 0 && self.cells == 0 && self.space && !self.out.ends_with('\n') {
            self.out.push(' ');
        }
        if newlines > 0 {
            let have = self.out.bytes().rev().take_while(|&b| b == b'\n').count();
            for _ in have..newlines {
                self.out.push('\n');
            }
        }
        for _ in 0..self.cells {
            self.out.push('\t');
        }
        self.pending = Break::None;
        self.cells = 0;
        self.space = false;
    }

    /// Collapsing text: each run of whitespace (HTML's, and no-break spaces) is
    /// one pending space.
    fn text(&mut self, t: &str) {
        let mut word: Option<usize> = None;
        for (i, c) in t.char_indices() {
            if is_collapsible(c) {
                if let Some(start) = word.take() {
                    self.word(&t[start..i]);
                }
                self.space = true;
            } else if word.is_none() {
                word = Some(i);
            }
        }
        if let Some(start) = word {
            self.word(&t[start..]);
        }
    }

    /// One word of collapsing text; other (e.g. ideographic) spaces that start a
    /// line are dropped.
    fn word(&mut self, w: &str) {
        self.flush();
        let w = if self.out.is_empty() || self.out.ends_with('\n') {
            w.trim_start_matches(char::is_whitespace)
        } else {
            w
        };
        self.out.push_str(w);
    }

    fn pre_text(&mut self, t: &str) {
        if t.is_empty() {
            return;
        }
        self.space = false;
        self.flush();
        self.out.push_str(t);
    }
}

fn is_html_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\r' | '\u{0C}')
}

/// Whitespace that collapses outside `<pre>`.
fn is_collapsible(c: char) -> bool {
    is_html_space(c) || c == '\u{A0}'
}

/// Plain text of the subtree at `root` (its own tag is not rendered).
pub(crate) fn text(dom: &Dom, root: NodeId) -> String {
    let mut w = Writer {
        out: String::new(),
        pending: Break::None,
        cells: 0,
        space: false,
    };
    // (node, entering); `pre` depth tracked on enter/exit.
    let mut pre = 0usize;
    let mut stack: Vec<(NodeId, bool)> = Vec::new();
    let mut c = dom.last_child(root);
    while let Some(ch) = c {
        stack.push((ch, true));
        c = dom.prev_sibling(ch);
    }
    while let Some((n, entering)) = stack.pop() {
        match dom.data(n) {
            NodeData::Text(t) => {
                if pre > 0 {
                    w.pre_text(t);
                } else {
                    w.text(t);
                }
            }
            NodeData::Element(el) => {
                let tag: &str = &el.name;
                if entering {
                    if TEXT_SKIP_TAGS.contains(&tag) {
                        continue;
                    }
                    if adjacent_words(dom, n) {
                        w.space = true;
                    }
                    match tag {
                        "br" => {
                            w.br();
                            continue;
                        }
                        "tr" => w.request(Break::Line),
                        "td" | "th" => w.cells += 1,
                        "pre" => pre += 1,
                        _ => {}
                    }
                    if TEXT_BLOCK_TAGS.contains(&tag) {
                        w.request(Break::Para);
                    }
                    stack.push((n, false));
                    let mut c = dom.last_child(n);
                    while let Some(ch) = c {
                        stack.push((ch, true));
                        c = dom.prev_sibling(ch);
                    }
                } else {
                    match tag {
                        "tr" => w.request(Break::Line),
                        "pre" => pre = pre.saturating_sub(1),
                        _ => {}
                    }
                    if TEXT_BLOCK_TAGS.contains(&tag) {
                        w.request(Break::Para);
                    }
                }
            }
            _ => {}
        }
    }
    tidy_lines(&w.out)
}

/// Is `el` an element set right after another one, nothing between them,
/// at a seam that reads as two words? Side-by-side links to different
/// addresses with word characters at the seam (tag lists, menus), or any
/// side-by-side elements where a lower-case letter or digit meets a capital
/// (a name and a role, a brand and a model: styled apart on screen). Links
/// to one address splitting a word (an editor's artefact) and punctuation
/// after an element stay joined.
pub(crate) fn adjacent_words(dom: &Dom, el: NodeId) -> bool {
    let Some(prev) = dom.prev_sibling(el).filter(|&p| dom.is_element(p)) else {
        return false;
    };
    let (Some((_, last)), Some((first, _))) = (dom.text_ends(prev), dom.text_ends(el)) else {
        return false;
    };
    if dom.is_tag(prev, "a")
        && dom.is_tag(el, "a")
        && dom.attr(prev, "href") != dom.attr(el, "href")
    {
        return last.is_alphanumeric() && first.is_alphanumeric();
    }
    (last.is_lowercase() || last.is_ascii_digit()) && first.is_uppercase()
}

/// No trailing blanks on a line, no blank line of spaces, never two blank
/// lines in a row (`<pre>` included).
fn tidy_lines(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut blank = false;
    for line in s.split('\n') {
        let line = line.trim_end_matches(char::is_whitespace);
        if line.is_empty() {
            if blank || out.is_empty() {
                continue;
            }
            blank = true;
            out.push('\n');
            continue;
        }
        if !out.is_empty() {
            out.push('\n');
        }
        blank = false;
        out.push_str(line);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dom::ROOT;
    use crate::parse::parse_document;
    use crate::Options;

    fn render(html: &str) -> String {
        let d = parse_document(html, &Options::default()).unwrap();
        let body = d.elements_by_tag(ROOT, &["body"])[0];
        text(&d, body)
    }

    #[test]
    fn blocks_become_paragraphs() {
        assert_eq!(
            render("<div><h2>Title</h2><p>One <b>two</b>\n  three.</p><p>Four</p></div>"),
            "Title\n\nOne two three.\n\nFour"
        );
        assert_eq!(render("<p>a<br>b<br> <br>c</p>"), "a\nb\nc");
        assert_eq!(
            render("<table><tr><td></td><td>x</td></tr><tr><td><p>y</p></td></tr></table>"),
            "\t\tx\n\ny"
        );
        assert_eq!(render("<ul><li>x</li><li>y</li></ul>"), "x\n\ny");
        assert_eq!(render("<p>no<span>space</span> join</p>"), "nospace join");
        // Side-by-side links to different places are separate words; a word
        // split over links to one place, and punctuation after a link, stay.
        assert_eq!(
            render("<p><a href=/t/a>Indie</a><a href=/t/b>Action</a><a href=/t/c>.</a></p>"),
            "Indie Action."
        );
        assert_eq!(
            render("<p>the <a href=#m>M</a><a href=#m>odel</a> section</p>"),
            "the Model section"
        );
        // A lower-case letter meeting a capital across elements is a seam;
        // other letters across inline elements stay one word.
        assert_eq!(
            render("<p><span>Ann Lee</span><span>STUDENT</span> and <b>bold</b><i>er</i></p>"),
            "Ann Lee STUDENT and bolder"
        );
    }

    #[test]
    fn pre_keeps_whitespace_and_tables_use_tabs() {
        assert_eq!(render("<p>x</p><pre>a  b\n  c</pre>"), "x\n\na  b\n  c");
        assert_eq!(render("<pre>code\n</pre><p>after</p>"), "code\n\nafter");
        assert_eq!(render("<pre>a  \n\n\n  \nb</pre>"), "a\n\nb");
        assert_eq!(render("<p>a\u{a0} b\u{3000}c</p>"), "a b\u{3000}c");
        assert_eq!(
            render("<p>\u{3000}\u{3000}indented</p><p>x\u{a0}</p>"),
            "indented\n\nx"
        );
        assert_eq!(
            render("<table><tr><th>k</th><td>v</td></tr><tr><td>1</td><td>2</td></tr></table>"),
            "\tk\tv\n\t1\t2"
        );
        assert_eq!(render("<p>a</p><script>x()</script><p>b</p>"), "a\n\nb");
    }
}
