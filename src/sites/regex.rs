//! A small, safe regular-expression engine for the `/regex/` rules of site lists.
//!
//! It covers the JavaScript syntax list authors use on URLs: literals, `.`,
//! classes (`[a-z]`, `[^/]`, `\d \w \s` and their negations), groups (`( )`,
//! `(?: )`, `(?<name> )`), alternation, anchors (`^ $ \b \B`), greedy and lazy
//! quantifiers (`* + ? {n} {n,} {n,m}`) and lookahead (`(?= )`, `(?! )`), with
//! the `i` and `s` flags. Backreferences and lookbehind are refused with an error.
//!
//! Matching is a Pike VM over bytes (a Thompson NFA simulation): its time is
//! linear in the input for a given pattern, there is no backtracking blow-up, and
//! every run has a step budget. Patterns are bounded in nesting, expanded size and
//! lookahead depth, so no input can make it recurse deeply or allocate without end.
//! No regex crate: the wasm stays small.

use crate::tuning;

/// A compiled pattern.
#[derive(Debug, Clone)]
pub struct Regex {
    prog: Vec<Inst>,
    classes: Vec<ByteSet>,
    /// A leading `^` with no alternative: the run needs to start only at 0.
    anchored_start: bool,
    /// A lowercase literal every match contains: a cheap prefilter.
    required: Option<Box<str>>,
}

type ByteSet = [u64; 4];

#[derive(Debug, Clone, Copy)]
enum Inst {
    /// Consume one byte in `classes[i]`.
    Class(u32),
    /// Consume one byte other than `\n` (any byte with the `s` flag).
    Any {
        dotall: bool,
    },
    /// Try `a` first, then `b`.
    Split(u32, u32),
    Jmp(u32),
    Assert(Assertion),
    /// Zero-width: run the body at `body` anchored here; continue at `next` when
    /// it matched (or did not, for a negative lookahead).
    Look {
        negate: bool,
        body: u32,
        next: u32,
    },
    Match,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Assertion {
    Start,
    End,
    WordBoundary,
    NotWordBoundary,
}

#[derive(Debug, Clone)]
enum Node {
    Empty,
    Class(ByteSet),
    Any,
    Assert(Assertion),
    Look(bool, Box<Node>),
    Concat(Vec<Node>),
    Alt(Vec<Node>),
    Repeat {
        node: Box<Node>,
        min: u32,
        max: Option<u32>,
        greedy: bool,
    },
}

impl Regex {
    /// Compiles `pattern` with JavaScript `flags` (`i`, `s`; `g`, `m`, `u`, `y`,
    /// `d` are accepted and change nothing for a single-line URL).
    pub fn new(pattern: &str, flags: &str) -> Result<Regex, String> {
        let mut icase = false;
        let mut dotall = false;
        for f in flags.chars() {
            match f {
                'i' => icase = true,
                's' => dotall = true,
                'g' | 'm' | 'u' | 'y' | 'd' => {}
                other => return Err(format!("unknown regex flag '{other}'")),
            }
        }
        if pattern.len() > tuning::SITES_MAX_REGEX_LEN {
            return Err(format!(
                "regex longer than {} characters",
                tuning::SITES_MAX_REGEX_LEN
            ));
        }
        let mut parser = Parser {
            chars: pattern.chars().collect(),
            pos: 0,
            icase,
            depth: 0,
            look_depth: 0,
        };
        let node = parser.parse_alt()?;
        if parser.pos < parser.chars.len() {
            return Err("unmatched ')'".into());
        }
        let anchored_start = starts_anchored(&node);
        let required = required_literal(&node)
            .filter(|l| !l.is_empty())
            .and_then(|l| String::from_utf8(l).ok())
            .map(String::into_boxed_str);
        let mut c = Compiler {
            prog: Vec::new(),
            classes: Vec::new(),
            dotall,
        };
        c.emit_node(&node)?;
        c.push(Inst::Match)?;
        Ok(Regex {
            prog: c.prog,
            classes: c.classes,
            anchored_start,
            required,
        })
    }

    /// A lowercase ASCII string that every match contains (in some case), if the
    /// pattern has one: callers skip the VM when a lowercased input lacks it.
    pub fn required_literal(&self) -> Option<&str> {
        self.required.as_deref()
    }

    /// Whether the pattern matches anywhere in `input`. Inputs longer than
    /// `SITES_MAX_URL_LEN` are cut; a run that exhausts its step budget counts as
    /// no match.
    pub fn is_match(&self, input: &str) -> bool {
        let bytes = input.as_bytes();
        let bytes = &bytes[..bytes.len().min(tuning::SITES_MAX_URL_LEN)];
        let mut budget = tuning::SITES_REGEX_STEP_BUDGET;
        self.run(0, bytes, 0, !self.anchored_start, &mut budget)
    }

    /// Pike VM from `start_pc` at `at`. `search`: also start a thread at every
    /// later position (an unanchored search).
    fn run(
        &self,
        start_pc: u32,
        input: &[u8],
        at: usize,
        search: bool,
        budget: &mut usize,
    ) -> bool {
        let n = self.prog.len();
        let mut clist = SparseSet::new(n);
        let mut nlist = SparseSet::new(n);
        let mut stack: Vec<u32> = Vec::new();
        if self.closure(start_pc, input, at, &mut clist, &mut stack, budget) {
            return true;
        }
        let mut pos = at;
        loop {
            if clist.is_empty() && !search {
                return false;
            }
            if pos >= input.len() {
                return false;
            }
            let byte = input[pos];
            nlist.clear();
            for k in 0..clist.len() {
                let pc = clist.get(k);
                let advance = match self.prog.get(pc as usize) {
                    Some(Inst::Class(ci)) => self
                        .classes
                        .get(*ci as usize)
                        .is_some_and(|set| contains(set, byte)),
                    Some(Inst::Any { dotall }) => *dotall || byte != b'\n',
                    _ => false,
                };
                if advance && self.closure(pc + 1, input, pos + 1, &mut nlist, &mut stack, budget) {
                    return true;
                }
                if *budget == 0 {
                    return false;
                }
            }
            pos += 1;
            if search && self.closure(start_pc, input, pos, &mut nlist, &mut stack, budget) {
                return true;
            }
            std::mem::swap(&mut clist, &mut nlist);
        }
    }

    /// Adds `pc` and everything reachable from it without consuming input to
    /// `set`; true when `Match` is reachable.
    fn closure(
        &self,
        pc: u32,
        input: &[u8],
        pos: usize,
        set: &mut SparseSet,
        stack: &mut Vec<u32>,
        budget: &mut usize,
    ) -> bool {
        let base = stack.len();
        stack.push(pc);
        let mut matched = false;
        while stack.len() > base {
            let Some(pc) = stack.pop() else { break };
            if *budget == 0 {
                stack.truncate(base);
                return false;
            }
            *budget -= 1;
            if !set.insert(pc) {
                continue;
            }
            match self.prog.get(pc as usize) {
                Some(Inst::Jmp(t)) => stack.push(*t),
                Some(Inst::Split(a, b)) => {
                    stack.push(*b);
                    stack.push(*a);
                }
                Some(Inst::Assert(a)) => {
                    if assertion_holds(*a, input, pos) {
                        stack.push(pc + 1);
                    }
                }
                Some(Inst::Look { negate, body, next }) => {
                    // A lookahead body is a separate anchored run: its threads
                    // never mix with this list.
                    let found = self.run(*body, input, pos, false, budget);
                    if found != *negate {
                        stack.push(*next);
                    }
                }
                Some(Inst::Match) => {
                    matched = true;
                    break;
                }
                Some(Inst::Class(_)) | Some(Inst::Any { .. }) | None => {}
            }
        }
        stack.truncate(base);
        matched
    }
}

fn assertion_holds(a: Assertion, input: &[u8], pos: usize) -> bool {
    let is_word = |i: usize| {
        input
            .get(i)
            .is_some_and(|b| b.is_ascii_alphanumeric() || *b == b'_')
    };
    match a {
        Assertion::Start => pos == 0,
        Assertion::End => pos >= input.len(),
        Assertion::WordBoundary | Assertion::NotWordBoundary => {
            let before = pos > 0 && is_word(pos - 1);
            let boundary = before != is_word(pos);
            boundary == (a == Assertion::WordBoundary)
        }
    }
}

fn starts_anchored(node: &Node) -> bool {
    match node {
        Node::Assert(Assertion::Start) => true,
        Node::Concat(items) => items.first().is_some_and(starts_anchored),
        _ => false,
    }
}

/// The byte a class stands for when it is one literal (either case of one
/// letter counts), lowercased.
fn literal_byte(set: &ByteSet) -> Option<u8> {
    let count: u32 = set.iter().map(|w| w.count_ones()).sum();
    let first = (0..=255u8).find(|&b| contains(set, b))?;
    match count {
        1 => Some(first.to_ascii_lowercase()),
        2 if first.is_ascii_uppercase() && contains(set, first.to_ascii_lowercase()) => {
            Some(first.to_ascii_lowercase())
        }
        _ => None,
    }
}

/// The longest run of literal bytes that every match of `node` contains.
fn required_literal(node: &Node) -> Option<Vec<u8>> {
    let mut best: Option<Vec<u8>> = None;
    let keep = |cand: Vec<u8>, best: &mut Option<Vec<u8>>| {
        // Bytes every URL has (`http`, `://`, `www.`) filter nothing out.
        let common = cand.is_empty()
            || b"https://www."
                .windows(cand.len())
                .any(|w| w == cand.as_slice());
        if !common && best.as_ref().is_none_or(|b| cand.len() > b.len()) {
            *best = Some(cand);
        }
    };
    match node {
        Node::Class(set) => {
            if let Some(b) = literal_byte(set) {
                keep(vec![b], &mut best);
            }
        }
        Node::Concat(items) => {
            let mut run = Vec::new();
            for item in items {
                match item {
                    Node::Class(set) => match literal_byte(set) {
                        Some(b) => run.push(b),
                        None => keep(std::mem::take(&mut run), &mut best),
                    },
                    // Zero-width: the bytes around it are still adjacent.
                    Node::Assert(_) | Node::Empty => {}
                    other => {
                        keep(std::mem::take(&mut run), &mut best);
                        if let Some(inner) = required_literal(other) {
                            keep(inner, &mut best);
                        }
                    }
                }
            }
            keep(run, &mut best);
        }
        Node::Repeat { node, min, .. } if *min >= 1 => {
            if let Some(inner) = required_literal(node) {
                keep(inner, &mut best);
            }
        }
        _ => {}
    }
    best
}

/// A set of program counters with O(1) insert, membership and clear.
struct SparseSet {
    dense: Vec<u32>,
    sparse: Vec<u32>,
}

impl SparseSet {
    fn new(n: usize) -> SparseSet {
        SparseSet {
            dense: Vec::with_capacity(n),
            sparse: vec![0; n],
        }
    }
    fn insert(&mut self, v: u32) -> bool {
        let Some(&i) = self.sparse.get(v as usize) else {
            return false;
        };
        if (i as usize) < self.dense.len() && self.dense[i as usize] == v {
            return false;
        }
        self.sparse[v as usize] = self.dense.len() as u32;
        self.dense.push(v);
        true
    }
    fn len(&self) -> usize {
        self.dense.len()
    }
    fn get(&self, k: usize) -> u32 {
        self.dense[k]
    }
    fn is_empty(&self) -> bool {
        self.dense.is_empty()
    }
    fn clear(&mut self) {
        self.dense.clear();
    }
}

fn contains(set: &ByteSet, b: u8) -> bool {
    set[(b >> 6) as usize] & (1u64 << (b & 63)) != 0
}

fn add(set: &mut ByteSet, b: u8) {
    set[(b >> 6) as usize] |= 1u64 << (b & 63);
}

fn add_range(set: &mut ByteSet, lo: u8, hi: u8) {
    for b in lo..=hi {
        add(set, b);
    }
}

fn negate(set: &ByteSet) -> ByteSet {
    [!set[0], !set[1], !set[2], !set[3]]
}

fn union(a: &mut ByteSet, b: &ByteSet) {
    for i in 0..4 {
        a[i] |= b[i];
    }
}

fn fold_case(set: &mut ByteSet) {
    for b in b'a'..=b'z' {
        let up = b.to_ascii_uppercase();
        if contains(set, b) || contains(set, up) {
            add(set, b);
            add(set, up);
        }
    }
}

fn single(b: u8, icase: bool) -> ByteSet {
    let mut s = [0u64; 4];
    add(&mut s, b);
    if icase {
        fold_case(&mut s);
    }
    s
}

fn perl_class(c: char) -> Option<ByteSet> {
    let mut s = [0u64; 4];
    match c.to_ascii_lowercase() {
        'd' => add_range(&mut s, b'0', b'9'),
        'w' => {
            add_range(&mut s, b'0', b'9');
            add_range(&mut s, b'a', b'z');
            add_range(&mut s, b'A', b'Z');
            add(&mut s, b'_');
        }
        's' => {
            for b in [b' ', b'\t', b'\n', b'\r', 0x0b, 0x0c] {
                add(&mut s, b);
            }
        }
        _ => return None,
    }
    Some(if c.is_ascii_uppercase() {
        negate(&s)
    } else {
        s
    })
}

struct Parser {
    chars: Vec<char>,
    pos: usize,
    icase: bool,
    depth: usize,
    look_depth: usize,
}

impl Parser {
    fn peek(&self) -> Option<char> {
        self.chars.get(self.pos).copied()
    }
    fn eat(&mut self, c: char) -> bool {
        if self.peek() == Some(c) {
            self.pos += 1;
            true
        } else {
            false
        }
    }
    fn starts_with(&self, s: &str) -> bool {
        s.chars()
            .enumerate()
            .all(|(k, c)| self.chars.get(self.pos + k) == Some(&c))
    }

    fn parse_alt(&mut self) -> Result<Node, String> {
        self.depth += 1;
        if self.depth > tuning::SITES_MAX_REGEX_NESTING {
            return Err("regex nested too deeply".into());
        }
        let mut alts = vec![self.parse_concat()?];
        while self.eat('|') {
            alts.push(self.parse_concat()?);
        }
        self.depth -= 1;
        Ok(if alts.len() == 1 {
            alts.pop().unwrap_or(Node::Empty)
        } else {
            Node::Alt(alts)
        })
    }

    fn parse_concat(&mut self) -> Result<Node, String> {
        let mut items = Vec::new();
        while let Some(c) = self.peek() {
            if c == '|' || c == ')' {
                break;
            }
            let atom = self.parse_atom()?;
            let atom = self.parse_quantifier(atom)?;
            items.push(atom);
        }
        Ok(Node::Concat(items))
    }

    fn parse_quantifier(&mut self, atom: Node) -> Result<Node, String> {
        let (min, max) = match self.peek() {
            Some('*') => {
                self.pos += 1;
                (0, None)
            }
            Some('+') => {
                self.pos += 1;
                (1, None)
            }
            Some('?') => {
                self.pos += 1;
                (0, Some(1))
            }
            Some('{') => match self.parse_braces() {
                Some(q) => q,
                None => return Ok(atom),
            },
            _ => return Ok(atom),
        };
        if matches!(atom, Node::Assert(_) | Node::Look(..)) {
            return Err("nothing to repeat".into());
        }
        if let Some(max) = max {
            if max < min {
                return Err("numbers out of order in {} quantifier".into());
            }
        }
        let greedy = !self.eat('?');
        if matches!(self.peek(), Some('*' | '+' | '?')) {
            return Err("nothing to repeat".into());
        }
        Ok(Node::Repeat {
            node: Box::new(atom),
            min,
            max,
            greedy,
        })
    }

    /// `{n}`, `{n,}`, `{n,m}` at `pos`; None (and `pos` unchanged) when the
    /// brace is a literal, as JavaScript reads it.
    fn parse_braces(&mut self) -> Option<(u32, Option<u32>)> {
        let save = self.pos;
        self.pos += 1;
        let number = |p: &mut Parser| -> Option<u32> {
            let start = p.pos;
            while p.peek().is_some_and(|c| c.is_ascii_digit()) {
                p.pos += 1;
            }
            if p.pos == start {
                return None;
            }
            let s: String = p.chars[start..p.pos].iter().collect();
            Some(s.parse::<u32>().unwrap_or(u32::MAX))
        };
        let result = (|| {
            let min = number(self)?;
            let max = if self.eat(',') {
                if self.peek() == Some('}') {
                    None
                } else {
                    Some(number(self)?)
                }
            } else {
                Some(min)
            };
            if self.eat('}') {
                Some((min, max))
            } else {
                None
            }
        })();
        if result.is_none() {
            self.pos = save;
        }
        result
    }

    fn parse_atom(&mut self) -> Result<Node, String> {
        let Some(c) = self.peek() else {
            return Ok(Node::Empty);
        };
        self.pos += 1;
        match c {
            '.' => Ok(Node::Any),
            '^' => Ok(Node::Assert(Assertion::Start)),
            '$' => Ok(Node::Assert(Assertion::End)),
            '*' | '+' | '?' => Err("nothing to repeat".into()),
            '[' => self.parse_class(),
            '(' => self.parse_group(),
            '\\' => self.parse_escape(),
            '{' => {
                // A brace that is a valid quantifier here has nothing to repeat.
                self.pos -= 1;
                if self.parse_braces().is_some() {
                    return Err("nothing to repeat".into());
                }
                self.pos += 1;
                Ok(self.literal('{'))
            }
            c => Ok(self.literal(c)),
        }
    }

    fn literal(&self, c: char) -> Node {
        let mut buf = [0u8; 4];
        let bytes = c.encode_utf8(&mut buf).as_bytes();
        let items: Vec<Node> = bytes
            .iter()
            .map(|&b| Node::Class(single(b, self.icase)))
            .collect();
        if items.len() == 1 {
            items.into_iter().next().unwrap_or(Node::Empty)
        } else {
            Node::Concat(items)
        }
    }

    fn parse_group(&mut self) -> Result<Node, String> {
        let look = if self.starts_with("?:") {
            self.pos += 2;
            None
        } else if self.starts_with("?=") {
            self.pos += 2;
            Some(false)
        } else if self.starts_with("?!") {
            self.pos += 2;
            Some(true)
        } else if self.starts_with("?<=") || self.starts_with("?<!") {
            return Err("lookbehind is not supported".into());
        } else if self.starts_with("?<") {
            self.pos += 2;
            while let Some(c) = self.peek() {
                self.pos += 1;
                if c == '>' {
                    break;
                }
                if c.is_whitespace() || c == '<' {
                    return Err("bad group name".into());
                }
            }
            None
        } else if self.peek() == Some('?') {
            return Err("unsupported group syntax".into());
        } else {
            None
        };
        if look.is_some() {
            self.look_depth += 1;
            if self.look_depth > tuning::SITES_MAX_REGEX_LOOKAHEAD_DEPTH {
                return Err("lookaheads nested too deeply".into());
            }
        }
        let inner = self.parse_alt()?;
        if look.is_some() {
            self.look_depth -= 1;
        }
        if !self.eat(')') {
            return Err("missing ')'".into());
        }
        Ok(match look {
            Some(negate) => Node::Look(negate, Box::new(inner)),
            None => inner,
        })
    }

    fn parse_escape(&mut self) -> Result<Node, String> {
        let Some(c) = self.peek() else {
            return Err("'\\' at end of pattern".into());
        };
        self.pos += 1;
        match c {
            'b' => Ok(Node::Assert(Assertion::WordBoundary)),
            'B' => Ok(Node::Assert(Assertion::NotWordBoundary)),
            '1'..='9' => Err("backreferences are not supported".into()),
            'k' if self.peek() == Some('<') => Err("backreferences are not supported".into()),
            'p' | 'P' if self.peek() == Some('{') => {
                Err("Unicode property escapes are not supported".into())
            }
            _ => {
                if let Some(set) = perl_class(c) {
                    return Ok(Node::Class(set));
                }
                let ch = self.escape_char(c)?;
                Ok(self.literal(ch))
            }
        }
    }

    /// The character an escape `\c` (already consumed) stands for.
    fn escape_char(&mut self, c: char) -> Result<char, String> {
        Ok(match c {
            'n' => '\n',
            't' => '\t',
            'r' => '\r',
            'f' => '\x0c',
            'v' => '\x0b',
            '0' => '\0',
            'x' => self.hex_escape(2)?,
            'u' => self.hex_escape(4)?,
            c => c,
        })
    }

    fn hex_escape(&mut self, n: usize) -> Result<char, String> {
        let mut v = 0u32;
        for _ in 0..n {
            let d = self
                .peek()
                .and_then(|c| c.to_digit(16))
                .ok_or("bad hexadecimal escape")?;
            v = v * 16 + d;
            self.pos += 1;
        }
        char::from_u32(v).ok_or_else(|| "bad hexadecimal escape".to_string())
    }

    fn parse_class(&mut self) -> Result<Node, String> {
        let negated = self.eat('^');
        let mut set = [0u64; 4];
        loop {
            let Some(c) = self.peek() else {
                return Err("missing ']'".into());
            };
            self.pos += 1;
            if c == ']' {
                break;
            }
            // One class item: a char, an escape, or a perl class.
            let lo = match c {
                '\\' => {
                    let Some(e) = self.peek() else {
                        return Err("'\\' at end of pattern".into());
                    };
                    self.pos += 1;
                    if let Some(p) = perl_class(e) {
                        union(&mut set, &p);
                        continue;
                    }
                    if e == 'b' {
                        '\x08'
                    } else {
                        self.escape_char(e)?
                    }
                }
                c => c,
            };
            // A range `lo-hi`?
            if self.peek() == Some('-') && self.chars.get(self.pos + 1).is_some_and(|&n| n != ']') {
                self.pos += 1;
                let Some(h) = self.peek() else {
                    return Err("missing ']'".into());
                };
                self.pos += 1;
                let hi = if h == '\\' {
                    let Some(e) = self.peek() else {
                        return Err("'\\' at end of pattern".into());
                    };
                    self.pos += 1;
                    if perl_class(e).is_some() {
                        return Err("bad range in character class".into());
                    }
                    self.escape_char(e)?
                } else {
                    h
                };
                if !lo.is_ascii() || !hi.is_ascii() {
                    return Err("non-ASCII characters in a class are not supported".into());
                }
                if hi < lo {
                    return Err("range out of order in character class".into());
                }
                add_range(&mut set, lo as u8, hi as u8);
            } else {
                if !lo.is_ascii() {
                    return Err("non-ASCII characters in a class are not supported".into());
                }
                add(&mut set, lo as u8);
            }
        }
        if self.icase {
            fold_case(&mut set);
        }
        Ok(Node::Class(if negated { negate(&set) } else { set }))
    }
}

struct Compiler {
    prog: Vec<Inst>,
    classes: Vec<ByteSet>,
    dotall: bool,
}

impl Compiler {
    fn pc(&self) -> u32 {
        self.prog.len() as u32
    }

    fn push(&mut self, inst: Inst) -> Result<(), String> {
        if self.prog.len() >= tuning::SITES_MAX_REGEX_PROGRAM {
            return Err("regex too complex".into());
        }
        self.prog.push(inst);
        Ok(())
    }

    fn patch(&mut self, at: u32, inst: Inst) {
        if let Some(slot) = self.prog.get_mut(at as usize) {
            *slot = inst;
        }
    }

    fn emit_node(&mut self, node: &Node) -> Result<(), String> {
        match node {
            Node::Empty => Ok(()),
            Node::Class(set) => {
                let i = match self.classes.iter().position(|c| c == set) {
                    Some(i) => i,
                    None => {
                        self.classes.push(*set);
                        self.classes.len() - 1
                    }
                };
                self.push(Inst::Class(i as u32))
            }
            Node::Any => self.push(Inst::Any {
                dotall: self.dotall,
            }),
            Node::Assert(a) => self.push(Inst::Assert(*a)),
            Node::Look(negate, body) => {
                let at = self.pc();
                self.push(Inst::Match)?; // placeholder
                self.emit_node(body)?;
                self.push(Inst::Match)?;
                let next = self.pc();
                self.patch(
                    at,
                    Inst::Look {
                        negate: *negate,
                        body: at + 1,
                        next,
                    },
                );
                Ok(())
            }
            Node::Concat(items) => {
                for item in items {
                    self.emit_node(item)?;
                }
                Ok(())
            }
            Node::Alt(alts) => {
                let mut jumps = Vec::new();
                for (i, alt) in alts.iter().enumerate() {
                    if i + 1 < alts.len() {
                        let split = self.pc();
                        self.push(Inst::Split(0, 0))?;
                        self.emit_node(alt)?;
                        jumps.push(self.pc());
                        self.push(Inst::Jmp(0))?;
                        let next = self.pc();
                        self.patch(split, Inst::Split(split + 1, next));
                    } else {
                        self.emit_node(alt)?;
                    }
                }
                let end = self.pc();
                for j in jumps {
                    self.patch(j, Inst::Jmp(end));
                }
                Ok(())
            }
            Node::Repeat {
                node,
                min,
                max,
                greedy,
            } => {
                let min = (*min).min(tuning::SITES_MAX_REGEX_REPEAT);
                for _ in 0..min {
                    self.emit_node(node)?;
                }
                let split = |body: u32, out: u32| {
                    if *greedy {
                        Inst::Split(body, out)
                    } else {
                        Inst::Split(out, body)
                    }
                };
                match max {
                    None => {
                        let top = self.pc();
                        self.push(Inst::Split(0, 0))?;
                        self.emit_node(node)?;
                        self.push(Inst::Jmp(top))?;
                        let out = self.pc();
                        let s = split(top + 1, out);
                        self.patch(top, s);
                    }
                    Some(max) => {
                        let extra = max.saturating_sub(min).min(tuning::SITES_MAX_REGEX_REPEAT);
                        let mut splits = Vec::new();
                        for _ in 0..extra {
                            splits.push(self.pc());
                            self.push(Inst::Split(0, 0))?;
                            self.emit_node(node)?;
                        }
                        let out = self.pc();
                        for s in splits {
                            let inst = split(s + 1, out);
                            self.patch(s, inst);
                        }
                    }
                }
                Ok(())
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Regex;

    fn m(p: &str, s: &str) -> bool {
        match Regex::new(p, "") {
            Ok(r) => r.is_match(s),
            Err(e) => panic!("{p}: {e}"),
        }
    }

    #[test]
    fn basics() {
        assert!(m("abc", "xxabcxx"));
        assert!(!m("^abc", "xxabc"));
        assert!(m("abc$", "xxabc"));
        assert!(!m("abc$", "abcx"));
        assert!(m("a.c", "abc"));
        assert!(m("colou?r", "color"));
        assert!(m("colou?r", "colour"));
        assert!(m("^a+b*c{2,3}$", "aaccc"));
        assert!(!m("^a+b*c{2,3}$", "acccc"));
        assert!(m("^(?:ab|cd)+$", "abcdab"));
        assert!(!m("^(?:ab|cd)+$", "abcda"));
        assert!(m(r"^\d{3}-\w+\s?$", "123-abc_9"));
        assert!(m("[^/]+\\.example\\.com/", "https://a.example.com/"));
        assert!(m(r"\bnews\b", "https://x.com/news/1"));
        assert!(!m(r"\bnews\b", "https://x.com/newsy"));
        assert!(m("a{,2}", "a{,2}"));
        assert!(m(
            r"^https?://(?!www\.)(?:[\w-]+\.)+y2mate\.com/",
            "https://en.y2mate.com/x"
        ));
        assert!(!m(
            r"^https?://(?!www\.)(?:[\w-]+\.)+y2mate\.com/",
            "https://www.y2mate.com/x"
        ));
        assert!(m(r"foo(?=bar)", "foobar"));
        assert!(!m(r"foo(?=bar)", "foobaz"));
        assert!(m("(a*)*b", "aaaab"));
        assert!(!m("(a*)*b$", &"a".repeat(5000)));
    }

    #[test]
    fn flags_and_errors() {
        assert!(Regex::new("ABC", "i").is_ok_and(|r| r.is_match("xabcx")));
        assert!(Regex::new("ABC", "").is_ok_and(|r| !r.is_match("xabcx")));
        assert!(Regex::new(r"(a)\1", "").is_err());
        assert!(Regex::new(r"(?<=a)b", "").is_err());
        assert!(Regex::new("(ab", "").is_err());
        assert!(Regex::new("ab)", "").is_err());
        assert!(Regex::new("[ab", "").is_err());
        assert!(Regex::new("*a", "").is_err());
        assert!(Regex::new("a", "q").is_err());
        assert!(Regex::new("[z-a]", "").is_err());
        assert!(Regex::new(&"(".repeat(500), "").is_err());
        assert!(Regex::new("(?:a{1000}){1000}", "").is_err());
    }

    #[test]
    fn required_literals() {
        let lit = |p: &str, f: &str| {
            Regex::new(p, f)
                .ok()
                .and_then(|r| r.required_literal().map(String::from))
        };
        assert_eq!(
            lit(r"^https?://(?!www\.)(?:[\w-]+\.)+y2mate\.com//", ""),
            Some("y2mate.com//".into())
        );
        assert_eq!(lit("^(?:News|a)x", "i"), Some("x".into()));
        assert_eq!(lit("ABCdef", "i"), Some("abcdef".into()));
        assert_eq!(lit("a|b", ""), None);
        assert_eq!(lit("(?:foo)+bar?", ""), Some("foo".into()));
        assert_eq!(lit(r"^https?://[a-z]+\?u=\d", ""), Some("?u=".into()));
        assert_eq!(lit(r"^https?://www\.", ""), None);
    }
}
