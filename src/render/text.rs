//! Plain-text rendering: block elements become paragraphs separated by a blank
//! line, `<br>` a line break, table rows lines with tab-separated cells;
//! whitespace is collapsed except inside `<pre>`.

use crate::dom::{Dom, NodeData, NodeId};
use crate::patterns::{TEXT_BLOCK_TAGS, TEXT_SKIP_TAGS};

/// A break requested before the next text, strongest wins.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Break {
    None,
    Cell,
    Line,
    Para,
}

struct Writer {
    out: String,
    pending: Break,
    /// Collapsed whitespace seen since the last word.
    space: bool,
    /// `<br>`s since the last text.
    brs: usize,
}

impl Writer {
    fn request(&mut self, b: Break) {
        self.pending = self.pending.max(b);
    }

    fn br(&mut self) {
        self.brs += 1;
        self.request(if self.brs >= 2 {
            Break::Para
        } else {
            Break::Line
        });
    }

    /// Emit whatever must come before the next visible character.
    fn flush(&mut self) {
        if self.out.is_empty() {
            self.pending = Break::None;
            self.space = false;
        }
        match self.pending {
            Break::None => {
                if self.space {
                    self.out.push(' ');
                }
            }
            Break::Cell => self.out.push('\t'),
            Break::Line => self.out.push('\n'),
            Break::Para => self.out.push_str("\n\n"),
        }
        self.pending = Break::None;
        self.space = false;
        self.brs = 0;
    }

    fn text(&mut self, t: &str) {
        for c in t.chars() {
            if is_html_space(c) {
                self.space = true;
            } else {
                self.flush();
                self.out.push(c);
            }
        }
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

/// Plain text of the subtree at `root` (its own tag is not rendered).
pub(crate) fn text(dom: &Dom, root: NodeId) -> String {
    let mut w = Writer {
        out: String::new(),
        pending: Break::None,
        space: false,
        brs: 0,
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
                    match tag {
                        "br" => {
                            w.br();
                            continue;
                        }
                        "tr" => w.request(Break::Line),
                        "td" | "th" => w.request(Break::Cell),
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
    let trimmed = w.out.trim_end_matches(is_html_space);
    trimmed.to_string()
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
        assert_eq!(render("<p>a<br>b<br><br>c</p>"), "a\nb\n\nc");
        assert_eq!(render("<ul><li>x</li><li>y</li></ul>"), "x\n\ny");
        assert_eq!(render("<p>no<span>space</span> join</p>"), "nospace join");
    }

    #[test]
    fn pre_keeps_whitespace_and_tables_use_tabs() {
        assert_eq!(render("<p>x</p><pre>a  b\n  c</pre>"), "x\n\na  b\n  c");
        assert_eq!(
            render("<table><tr><th>k</th><td>v</td></tr><tr><td>1</td><td>2</td></tr></table>"),
            "k\tv\n1\t2"
        );
        assert_eq!(render("<p>a</p><script>x()</script><p>b</p>"), "a\n\nb");
    }
}
