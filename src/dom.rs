//! The document tree every stage works on: a compact, mutable arena.
//!
//! `parse` builds it from html5ever's output (via `scraper`); after that no stage
//! touches scraper types. Nodes are addressed by [`NodeId`] (an index); a detached
//! node stays in the arena but is unreachable from the root. Every walk here is
//! iterative: the wasm stack is small and hostile pages nest deeply.

#![allow(dead_code)] // the arena API serves every stage; not every stage uses every helper

use html5ever::tendril::StrTendril;
use html5ever::{local_name, LocalName};

/// Index of a node in the arena.
pub(crate) type NodeId = usize;

/// The namespace an element was parsed in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Ns {
    Html,
    Svg,
    MathMl,
    Other,
}

/// One attribute. Namespaced attributes keep their prefix in `name` (`xlink:href`).
#[derive(Clone, Debug)]
pub(crate) struct Attr {
    pub name: LocalName,
    /// The value as html5ever produced it: shared, not copied, by the arena
    /// and its clones.
    pub value: StrTendril,
}

/// An element: lower-case local name, namespace, attributes in source order.
#[derive(Clone, Debug)]
pub(crate) struct Element {
    pub name: LocalName,
    pub ns: Ns,
    pub attrs: Vec<Attr>,
}

/// What a node is.
#[derive(Clone, Debug)]
pub(crate) enum NodeData {
    Document,
    Element(Element),
    /// Tendrils (html5ever's shared strings): copying the parsed tree and
    /// cloning the arena share the text instead of copying it.
    Text(StrTendril),
    Comment(StrTendril),
}

#[derive(Clone, Debug)]
pub(crate) struct Node {
    pub data: NodeData,
    pub parent: Option<NodeId>,
    pub first_child: Option<NodeId>,
    pub last_child: Option<NodeId>,
    pub prev: Option<NodeId>,
    pub next: Option<NodeId>,
}

/// The arena. Node 0 is the document.
#[derive(Clone, Debug)]
pub(crate) struct Dom {
    nodes: Vec<Node>,
}

/// The document node's id.
pub(crate) const ROOT: NodeId = 0;

impl Default for Dom {
    fn default() -> Self {
        Self::new()
    }
}

impl Dom {
    /// An empty document.
    pub fn new() -> Self {
        Dom {
            nodes: vec![Node {
                data: NodeData::Document,
                parent: None,
                first_child: None,
                last_child: None,
                prev: None,
                next: None,
            }],
        }
    }

    /// Number of nodes ever created (attached or not).
    pub fn len(&self) -> usize {
        self.nodes.len()
    }

    pub fn node(&self, id: NodeId) -> &Node {
        &self.nodes[id]
    }

    // ---------------------------------------------------------------- creation

    fn push(&mut self, data: NodeData) -> NodeId {
        self.nodes.push(Node {
            data,
            parent: None,
            first_child: None,
            last_child: None,
            prev: None,
            next: None,
        });
        self.nodes.len() - 1
    }

    /// A new detached HTML element.
    pub fn create_element(&mut self, name: &str) -> NodeId {
        self.push(NodeData::Element(Element {
            name: LocalName::from(name),
            ns: Ns::Html,
            attrs: Vec::new(),
        }))
    }

    /// A new detached element with the given data.
    pub fn create_element_with(&mut self, el: Element) -> NodeId {
        self.push(NodeData::Element(el))
    }

    /// A new detached text node.
    pub fn create_text(&mut self, text: &str) -> NodeId {
        self.create_text_tendril(StrTendril::from_slice(text))
    }

    /// A new detached text node holding `text` (shared, not copied).
    pub fn create_text_tendril(&mut self, text: StrTendril) -> NodeId {
        self.push(NodeData::Text(text))
    }

    /// A new detached comment node.
    pub fn create_comment(&mut self, text: &str) -> NodeId {
        self.create_comment_tendril(StrTendril::from_slice(text))
    }

    /// A new detached comment node holding `text` (shared, not copied).
    pub fn create_comment_tendril(&mut self, text: StrTendril) -> NodeId {
        self.push(NodeData::Comment(text))
    }

    // ---------------------------------------------------------------- structure

    pub fn parent(&self, id: NodeId) -> Option<NodeId> {
        self.nodes[id].parent
    }
    pub fn first_child(&self, id: NodeId) -> Option<NodeId> {
        self.nodes[id].first_child
    }
    pub fn last_child(&self, id: NodeId) -> Option<NodeId> {
        self.nodes[id].last_child
    }
    pub fn next_sibling(&self, id: NodeId) -> Option<NodeId> {
        self.nodes[id].next
    }
    pub fn prev_sibling(&self, id: NodeId) -> Option<NodeId> {
        self.nodes[id].prev
    }

    /// Child nodes (all kinds), collected so the caller may mutate while looping.
    pub fn children(&self, id: NodeId) -> Vec<NodeId> {
        let mut out = Vec::new();
        let mut c = self.nodes[id].first_child;
        while let Some(n) = c {
            out.push(n);
            c = self.nodes[n].next;
        }
        out
    }

    /// Element children only.
    pub fn element_children(&self, id: NodeId) -> Vec<NodeId> {
        let mut out = Vec::new();
        let mut c = self.nodes[id].first_child;
        while let Some(n) = c {
            if self.is_element(n) {
                out.push(n);
            }
            c = self.nodes[n].next;
        }
        out
    }

    /// Number of element children.
    pub fn element_child_count(&self, id: NodeId) -> usize {
        let mut count = 0;
        let mut c = self.nodes[id].first_child;
        while let Some(n) = c {
            if self.is_element(n) {
                count += 1;
            }
            c = self.nodes[n].next;
        }
        count
    }

    pub fn first_element_child(&self, id: NodeId) -> Option<NodeId> {
        let mut c = self.nodes[id].first_child;
        while let Some(n) = c {
            if self.is_element(n) {
                return Some(n);
            }
            c = self.nodes[n].next;
        }
        None
    }

    pub fn next_element_sibling(&self, id: NodeId) -> Option<NodeId> {
        let mut c = self.nodes[id].next;
        while let Some(n) = c {
            if self.is_element(n) {
                return Some(n);
            }
            c = self.nodes[n].next;
        }
        None
    }

    pub fn prev_element_sibling(&self, id: NodeId) -> Option<NodeId> {
        let mut c = self.nodes[id].prev;
        while let Some(n) = c {
            if self.is_element(n) {
                return Some(n);
            }
            c = self.nodes[n].prev;
        }
        None
    }

    /// Ancestors, nearest first, excluding the node itself and the document.
    pub fn ancestors(&self, id: NodeId) -> Ancestors<'_> {
        Ancestors {
            dom: self,
            cur: self.nodes[id].parent,
        }
    }

    /// Is `anc` a proper ancestor of `id`?
    pub fn is_ancestor(&self, anc: NodeId, id: NodeId) -> bool {
        let mut p = self.nodes[id].parent;
        while let Some(x) = p {
            if x == anc {
                return true;
            }
            p = self.nodes[x].parent;
        }
        false
    }

    /// Is the node reachable from the document root?
    pub fn is_attached(&self, id: NodeId) -> bool {
        id == ROOT || self.is_ancestor(ROOT, id)
    }

    /// Depth below the document (document children are depth 1).
    pub fn depth(&self, id: NodeId) -> usize {
        let mut d = 0;
        let mut p = self.nodes[id].parent;
        while let Some(x) = p {
            d += 1;
            p = self.nodes[x].parent;
        }
        d
    }

    /// Pre-order walk of `id`'s subtree, `id` included. Does not allocate per step;
    /// do not mutate the subtree while iterating (collect first).
    pub fn descendants(&self, id: NodeId) -> Descendants<'_> {
        Descendants {
            dom: self,
            root: id,
            next: Some(id),
        }
    }

    /// Elements of the subtree (excluding `id` itself) in document order.
    pub fn descendant_elements(&self, id: NodeId) -> impl Iterator<Item = NodeId> + '_ {
        self.descendants(id)
            .skip(1)
            .filter(move |&n| self.is_element(n))
    }

    /// Descendant elements whose tag is one of `tags`, document order (like
    /// `getElementsByTagName`, collected).
    pub fn elements_by_tag(&self, id: NodeId, tags: &[&str]) -> Vec<NodeId> {
        // Interned once: then each element costs an integer compare per name.
        let names: Vec<LocalName> = tags.iter().map(|&t| LocalName::from(t)).collect();
        self.descendant_elements(id)
            .filter(
                |&n| matches!(&self.nodes[n].data, NodeData::Element(e) if names.contains(&e.name)),
            )
            .collect()
    }

    /// Readability's `_getNextNode`: the next node in document order, skipping the
    /// children of `id` when `skip_children` is set; elements only.
    pub fn next_element_in_order(&self, id: NodeId, skip_children: bool) -> Option<NodeId> {
        if !skip_children {
            if let Some(c) = self.first_element_child(id) {
                return Some(c);
            }
        }
        if let Some(s) = self.next_element_sibling(id) {
            return Some(s);
        }
        let mut p = self.nodes[id].parent;
        while let Some(x) = p {
            if let Some(s) = self.next_element_sibling(x) {
                return Some(s);
            }
            p = self.nodes[x].parent;
        }
        None
    }

    // ---------------------------------------------------------------- mutation

    /// Unlink a node (with its subtree) from its parent. No-op if already detached.
    pub fn detach(&mut self, id: NodeId) {
        let (parent, prev, next) = {
            let n = &self.nodes[id];
            (n.parent, n.prev, n.next)
        };
        let Some(parent) = parent else { return };
        match prev {
            Some(p) => self.nodes[p].next = next,
            None => self.nodes[parent].first_child = next,
        }
        match next {
            Some(nx) => self.nodes[nx].prev = prev,
            None => self.nodes[parent].last_child = prev,
        }
        let n = &mut self.nodes[id];
        n.parent = None;
        n.prev = None;
        n.next = None;
    }

    /// Append `child` (detached first) as the last child of `parent`.
    pub fn append_child(&mut self, parent: NodeId, child: NodeId) {
        if parent == child {
            return;
        }
        // A detached node without children (every node a parse builds) cannot
        // be an ancestor of `parent`: linked in O(1), no walk up the ancestors.
        let c = &self.nodes[child];
        if c.parent.is_some() || c.first_child.is_some() {
            if self.is_ancestor(child, parent) {
                return; // would create a cycle
            }
            self.detach(child);
        }
        self.link_last(parent, child);
    }

    /// Append a fresh, detached node that cannot be an ancestor of `parent`
    /// (no cycle check: O(1)).
    fn link_last(&mut self, parent: NodeId, child: NodeId) {
        let last = self.nodes[parent].last_child;
        self.nodes[child].parent = Some(parent);
        self.nodes[child].prev = last;
        match last {
            Some(l) => self.nodes[l].next = Some(child),
            None => self.nodes[parent].first_child = Some(child),
        }
        self.nodes[parent].last_child = Some(child);
    }

    /// Insert `new` (detached first) just before `reference`.
    pub fn insert_before(&mut self, reference: NodeId, new: NodeId) {
        if reference == new || self.is_ancestor(new, reference) {
            return;
        }
        let Some(parent) = self.nodes[reference].parent else {
            return;
        };
        self.detach(new);
        let prev = self.nodes[reference].prev;
        self.nodes[new].parent = Some(parent);
        self.nodes[new].prev = prev;
        self.nodes[new].next = Some(reference);
        self.nodes[reference].prev = Some(new);
        match prev {
            Some(p) => self.nodes[p].next = Some(new),
            None => self.nodes[parent].first_child = Some(new),
        }
    }

    /// Put `new` where `old` is; `old` ends detached.
    pub fn replace(&mut self, old: NodeId, new: NodeId) {
        if old == new {
            return;
        }
        if self.nodes[old].parent.is_none() {
            return;
        }
        self.insert_before(old, new);
        self.detach(old);
    }

    /// Move every child of `from` to the end of `to`.
    pub fn move_children(&mut self, from: NodeId, to: NodeId) {
        for c in self.children(from) {
            self.append_child(to, c);
        }
    }

    /// Replace an element by its children (unwrap).
    pub fn unwrap(&mut self, id: NodeId) {
        for c in self.children(id) {
            self.insert_before(id, c);
        }
        self.detach(id);
    }

    /// Change an element's tag name (Readability's `_setNodeTag`), in place.
    pub fn rename(&mut self, id: NodeId, name: &str) {
        if let NodeData::Element(el) = &mut self.nodes[id].data {
            el.name = LocalName::from(name);
            el.ns = Ns::Html;
        }
    }

    /// Deep copy of a subtree into new, detached nodes; returns the copy's root.
    pub fn clone_subtree(&mut self, id: NodeId) -> NodeId {
        self.clone_subtree_with(id, |_, _| {})
    }

    /// [`Dom::clone_subtree`], reporting each `(source, copy)` pair.
    pub fn clone_subtree_with(
        &mut self,
        id: NodeId,
        mut on_copy: impl FnMut(NodeId, NodeId),
    ) -> NodeId {
        let new_root = self.push(self.nodes[id].data.clone());
        on_copy(id, new_root);
        let mut stack = vec![(id, new_root)];
        while let Some((src, dst)) = stack.pop() {
            let mut c = self.nodes[src].first_child;
            while let Some(ch) = c {
                let nc = self.push(self.nodes[ch].data.clone());
                on_copy(ch, nc);
                self.link_last(dst, nc);
                stack.push((ch, nc));
                c = self.nodes[ch].next;
            }
        }
        new_root
    }

    // ---------------------------------------------------------------- node data

    pub fn data(&self, id: NodeId) -> &NodeData {
        &self.nodes[id].data
    }

    pub fn element(&self, id: NodeId) -> Option<&Element> {
        match &self.nodes[id].data {
            NodeData::Element(e) => Some(e),
            _ => None,
        }
    }

    pub fn element_mut(&mut self, id: NodeId) -> Option<&mut Element> {
        match &mut self.nodes[id].data {
            NodeData::Element(e) => Some(e),
            _ => None,
        }
    }

    pub fn is_element(&self, id: NodeId) -> bool {
        matches!(self.nodes[id].data, NodeData::Element(_))
    }

    pub fn is_text(&self, id: NodeId) -> bool {
        matches!(self.nodes[id].data, NodeData::Text(_))
    }

    /// The text of a text node, `None` for other nodes.
    pub fn text(&self, id: NodeId) -> Option<&str> {
        match &self.nodes[id].data {
            NodeData::Text(t) => Some(t),
            _ => None,
        }
    }

    pub fn set_text(&mut self, id: NodeId, text: &str) {
        if let NodeData::Text(t) = &mut self.nodes[id].data {
            *t = StrTendril::from_slice(text);
        }
    }

    /// The element's local name (lower case for HTML), `""` for non-elements.
    pub fn tag(&self, id: NodeId) -> &str {
        match &self.nodes[id].data {
            NodeData::Element(e) => &e.name,
            _ => "",
        }
    }

    /// Is this an element with local name `name` (lower case)?
    pub fn is_tag(&self, id: NodeId, name: &str) -> bool {
        match &self.nodes[id].data {
            NodeData::Element(e) => &*e.name == name,
            _ => false,
        }
    }

    /// Is this an element whose tag is one of `names`?
    pub fn is_one_of(&self, id: NodeId, names: &[&str]) -> bool {
        match &self.nodes[id].data {
            NodeData::Element(e) => names.iter().any(|n| &*e.name == *n),
            _ => false,
        }
    }

    pub fn attr(&self, id: NodeId, name: &str) -> Option<&str> {
        self.attr_where(id, |a| &**a == name)
    }

    /// [`Dom::attr`] by interned name (`local_name!("class")`): an integer
    /// compare per attribute instead of a string compare.
    pub fn attr_atom(&self, id: NodeId, name: &LocalName) -> Option<&str> {
        self.attr_where(id, |a| a == name)
    }

    /// The value of the first attribute whose name passes `is_name`.
    fn attr_where(&self, id: NodeId, is_name: impl Fn(&LocalName) -> bool) -> Option<&str> {
        self.element(id)?
            .attrs
            .iter()
            .find(|a| is_name(&a.name))
            .map(|a| &*a.value)
    }

    pub fn has_attr(&self, id: NodeId, name: &str) -> bool {
        self.attr(id, name).is_some()
    }

    pub fn set_attr(&mut self, id: NodeId, name: &str, value: &str) {
        if let Some(el) = self.element_mut(id) {
            if let Some(a) = el.attrs.iter_mut().find(|a| &*a.name == name) {
                a.value = StrTendril::from_slice(value);
            } else {
                el.attrs.push(Attr {
                    name: LocalName::from(name),
                    value: StrTendril::from_slice(value),
                });
            }
        }
    }

    pub fn remove_attr(&mut self, id: NodeId, name: &str) {
        if let Some(el) = self.element_mut(id) {
            el.attrs.retain(|a| &*a.name != name);
        }
    }

    /// `id` attribute or `""`.
    pub fn id_attr(&self, id: NodeId) -> &str {
        self.attr_atom(id, &local_name!("id")).unwrap_or("")
    }

    /// `class` attribute or `""`.
    pub fn class_attr(&self, id: NodeId) -> &str {
        self.attr_atom(id, &local_name!("class")).unwrap_or("")
    }

    /// Does the class list contain `class` (exact, case-sensitive)?
    pub fn has_class(&self, id: NodeId, class: &str) -> bool {
        self.class_attr(id)
            .split_ascii_whitespace()
            .any(|c| c == class)
    }

    /// [`crate::patterns::any_class_word`] over the class, then the id.
    pub fn any_class_word(&self, id: NodeId, mut f: impl FnMut(&str) -> bool) -> bool {
        crate::patterns::any_class_word(self.class_attr(id), &mut f)
            || crate::patterns::any_class_word(self.id_attr(id), &mut f)
    }

    /// Class and id joined with a space: what Readability matches its
    /// positive/negative/unlikely patterns against.
    pub fn match_string(&self, id: NodeId) -> String {
        let mut s = String::new();
        s.push_str(self.class_attr(id));
        s.push(' ');
        s.push_str(self.id_attr(id));
        s
    }

    // ---------------------------------------------------------------- text

    /// `textContent`: all descendant text concatenated.
    pub fn text_content(&self, id: NodeId) -> String {
        let mut s = String::new();
        for n in self.descendants(id) {
            if let NodeData::Text(t) = &self.nodes[n].data {
                s.push_str(t);
            }
        }
        s
    }

    /// The first and last characters of `textContent`, without building it:
    /// the first non-empty text node from the front, the last from the back.
    pub fn text_ends(&self, id: NodeId) -> Option<(char, char)> {
        let first = self
            .descendants(id)
            .find_map(|n| match &self.nodes[n].data {
                NodeData::Text(t) => t.chars().next(),
                _ => None,
            })?;
        // Reverse document order: last child first, explicit stack.
        let mut stack = vec![id];
        while let Some(n) = stack.pop() {
            if let NodeData::Text(t) = &self.nodes[n].data {
                if let Some(c) = t.chars().next_back() {
                    return Some((first, c));
                }
            }
            let mut c = self.nodes[n].first_child;
            while let Some(k) = c {
                stack.push(k);
                c = self.nodes[k].next;
            }
        }
        None
    }

    /// Length in chars of `textContent` with leading/trailing whitespace trimmed,
    /// computed without building the string twice.
    pub fn text_len_trimmed(&self, id: NodeId) -> usize {
        self.text_content(id).trim().chars().count()
    }

    /// The document element (`<html>`): the root's first element child.
    pub fn document_element(&self) -> Option<NodeId> {
        self.first_element_child(ROOT)
    }

    /// Does the subtree contain any non-whitespace text?
    pub fn has_text(&self, id: NodeId) -> bool {
        self.descendants(id).any(|n| match &self.nodes[n].data {
            NodeData::Text(t) => !t.trim().is_empty(),
            _ => false,
        })
    }
}

/// Iterator over ancestors (nearest first), stopping before the document node.
pub(crate) struct Ancestors<'a> {
    dom: &'a Dom,
    cur: Option<NodeId>,
}

impl Iterator for Ancestors<'_> {
    type Item = NodeId;
    fn next(&mut self) -> Option<NodeId> {
        let c = self.cur?;
        if c == ROOT {
            self.cur = None;
            return None;
        }
        self.cur = self.dom.nodes[c].parent;
        Some(c)
    }
}

/// Pre-order iterator over a subtree.
pub(crate) struct Descendants<'a> {
    dom: &'a Dom,
    root: NodeId,
    next: Option<NodeId>,
}

impl Iterator for Descendants<'_> {
    type Item = NodeId;
    fn next(&mut self) -> Option<NodeId> {
        let cur = self.next?;
        let nodes = &self.dom.nodes;
        self.next = if let Some(c) = nodes[cur].first_child {
            Some(c)
        } else {
            let mut n = cur;
            loop {
                if n == self.root {
                    break None;
                }
                if let Some(s) = nodes[n].next {
                    break Some(s);
                }
                match nodes[n].parent {
                    Some(p) if p != self.root => n = p,
                    _ => break None,
                }
            }
        };
        Some(cur)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> (Dom, NodeId, NodeId, NodeId) {
        let mut d = Dom::new();
        let html = d.create_element("html");
        d.append_child(ROOT, html);
        let a = d.create_element("p");
        let b = d.create_element("div");
        d.append_child(html, a);
        d.append_child(html, b);
        let t = d.create_text("hello");
        d.append_child(a, t);
        (d, html, a, b)
    }

    #[test]
    fn walk_and_mutate() {
        let (mut d, html, a, b) = sample();
        assert_eq!(d.descendants(ROOT).count(), 5);
        assert_eq!(d.text_content(html), "hello");
        d.append_child(b, a);
        assert_eq!(d.children(html), vec![b]);
        assert_eq!(d.parent(a), Some(b));
        d.rename(b, "section");
        assert!(d.is_tag(b, "section"));
        let c = d.clone_subtree(b);
        assert_eq!(d.text_content(c), "hello");
        assert!(!d.is_attached(c));
        d.unwrap(b);
        assert_eq!(d.children(html), vec![a]);
    }

    #[test]
    fn no_cycles() {
        let (mut d, html, a, _b) = sample();
        d.append_child(a, html); // refused
        assert_eq!(d.parent(html), Some(ROOT));
    }

    #[test]
    fn descendants_stay_in_subtree() {
        let (d, _html, a, b) = sample();
        let v: Vec<_> = d.descendants(a).collect();
        assert_eq!(v.len(), 2);
        assert!(!v.contains(&b));
    }
}
