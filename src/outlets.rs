//! The embedded outlet dataset: who publishes news, under which names, on which
//! domains. Attribution maps every name, credit and link it finds through here.
//!
//! Two parts:
//! - [`OUTLETS`]: a hand-curated alias table for the wires, photo agencies,
//!   networks and national/international outlets (names, credit-only short forms,
//!   domains, shared CDNs);
//! - `data/local_news.tsv`: US local newspapers and magazines (domain → name), a
//!   filtered subset of LocalNewsDataset (MIT, see `data/LOCAL_NEWS_LICENSE`).
//!   Native builds embed it; the wasm build does not (download size): its host
//!   passes the text in ([`install_local_news`]), and until then local papers
//!   are simply unknown.
//!
//! Domains match a host and all its subdomains; names match case-sensitively as
//! whole words.

use std::collections::HashMap;
use std::sync::OnceLock;

/// What an outlet is, for telling a publisher from a contributing agency.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    /// A news agency (wire service): its stories run everywhere under licence.
    Wire,
    /// A photo agency: credited for pictures only, never the publisher.
    Photo,
    /// A network, paper, magazine or site that publishes its own stories.
    News,
    /// A portal that republishes licensed stories of others (Yahoo, MSN…).
    Portal,
    /// A user-content platform clones copy from (Q&A sites, code hosting,
    /// wikis): named only by notices, credits and structured data, never by
    /// body links or images.
    Platform,
}

/// One outlet of the curated table.
#[derive(Debug)]
pub(crate) struct Outlet {
    /// The name attribution reports.
    pub name: &'static str,
    pub kind: Kind,
    /// Names safe to look for in running text (whole words, case-sensitive).
    pub names: &'static [&'static str],
    /// Short forms trusted only inside credit patterns (`(AP) —`, `AP Photo/`,
    /// `/AFP`, `told AFP`), never as free words.
    pub short: &'static [&'static str],
    /// Domains the outlet owns (its site and its own CDNs).
    pub domains: &'static [&'static str],
    /// CDN domains it shares with sister outlets (weaker evidence).
    pub shared: &'static [&'static str],
}

macro_rules! outlet {
    ($name:expr, $kind:ident, [$($n:expr),*], [$($s:expr),*], [$($d:expr),*]) => {
        outlet!($name, $kind, [$($n),*], [$($s),*], [$($d),*], [])
    };
    ($name:expr, $kind:ident, [$($n:expr),*], [$($s:expr),*], [$($d:expr),*], [$($c:expr),*]) => {
        Outlet {
            name: $name,
            kind: Kind::$kind,
            names: &[$($n),*],
            short: &[$($s),*],
            domains: &[$($d),*],
            shared: &[$($c),*],
        }
    };
}

/// The curated table. Order matters only for ties in name lookup (first wins).
#[rustfmt::skip]
pub(crate) static OUTLETS: &[Outlet] = &[
    // ---- wires and agencies
    outlet!("The Associated Press", Wire, ["The Associated Press", "Associated Press"], ["AP"], ["apnews.com", "ap.org"]),
    outlet!("Reuters", Wire, ["Reuters", "Thomson Reuters"], [], ["reuters.com", "reutersmedia.net", "thomsonreuters.com"]),
    outlet!("Agence France-Presse", Wire, ["Agence France-Presse", "Agence France Presse"], ["AFP"], ["afp.com"]),
    outlet!("Bloomberg News", Wire, ["Bloomberg News"], ["Bloomberg"], ["bloomberg.com", "bloomberg.net", "bwbx.io"]),
    outlet!("United Press International", Wire, ["United Press International"], ["UPI"], ["upi.com"]),
    outlet!("Deutsche Presse-Agentur", Wire, ["Deutsche Presse-Agentur"], ["dpa"], ["dpa.com", "dpa-international.com"]),
    outlet!("EFE", Wire, ["Agencia EFE"], ["EFE"], ["efe.com"]),
    outlet!("ANSA", Wire, [], ["ANSA"], ["ansa.it"]),
    outlet!("Kyodo News", Wire, ["Kyodo News"], ["Kyodo"], ["kyodonews.net", "kyodonews.jp"]),
    outlet!("Xinhua", Wire, ["Xinhua News Agency"], ["Xinhua"], ["xinhuanet.com", "news.cn"]),
    outlet!("Yonhap", Wire, ["Yonhap News Agency"], ["Yonhap"], ["yna.co.kr", "yonhapnews.co.kr"]),
    outlet!("PA Media", Wire, ["PA Media", "Press Association"], ["PA"], ["pamediagroup.com", "pa.media"]),
    outlet!("TASS", Wire, [], ["TASS"], ["tass.com", "tass.ru"]),
    outlet!("The Canadian Press", Wire, ["The Canadian Press"], ["CP"], ["thecanadianpress.com"]),
    outlet!("Australian Associated Press", Wire, ["Australian Associated Press"], ["AAP"], ["aap.com.au"]),
    outlet!("Press Trust of India", Wire, ["Press Trust of India"], ["PTI"], ["ptinews.com"]),
    outlet!("Anadolu Agency", Wire, ["Anadolu Agency"], ["Anadolu"], ["aa.com.tr"]),
    outlet!("Interfax", Wire, [], ["Interfax"], ["interfax.com", "interfax.ru"]),
    outlet!("Dow Jones Newswires", Wire, ["Dow Jones Newswires"], [], ["dowjones.com"]),
    outlet!("Getty Images", Photo, ["Getty Images"], ["Getty"], ["gettyimages.com", "gettyimages.co.uk", "gettyimages.ca"]),
    outlet!("European Pressphoto Agency", Photo, ["European Pressphoto Agency"], ["EPA"], ["epa.eu"]),
    outlet!("Shutterstock", Photo, ["Shutterstock"], [], ["shutterstock.com"]),
    outlet!("Alamy", Photo, [], ["Alamy"], ["alamy.com"]),
    // ---- US networks and national outlets
    outlet!("CBS News", News, ["CBS News", "CBS Evening News", "CBS MoneyWatch"], ["CBS"], ["cbsnews.com"], ["cbsistatic.com"]),
    outlet!("NBC News", News, ["NBC News", "NBC Nightly News"], ["NBC"], ["nbcnews.com", "s-nbcnews.com"]),
    outlet!("MSNBC", News, ["MSNBC"], [], ["msnbc.com"]),
    outlet!("ABC News", News, ["ABC News"], ["ABC"], ["abcnews.go.com", "abcnews.com"]),
    outlet!("CNN", News, ["CNN", "CNN Business", "CNNMoney", "CNN Money", "CNN Politics", "Cable News Network"], [], ["cnn.com", "cnn.io", "turner.com"]),
    outlet!("Fox News", News, ["Fox News", "Fox News Digital"], [], ["foxnews.com"]),
    outlet!("Fox Business", News, ["Fox Business"], [], ["foxbusiness.com"]),
    outlet!("CNBC", News, ["CNBC"], [], ["cnbc.com"]),
    outlet!("NPR", News, ["NPR", "National Public Radio"], [], ["npr.org"]),
    outlet!("PBS NewsHour", News, ["PBS NewsHour", "PBS News"], ["PBS"], ["pbs.org"]),
    outlet!("The New York Times", News, ["The New York Times", "New York Times", "NYTimes"], ["NYT"], ["nytimes.com", "nyt.com"]),
    outlet!("The Washington Post", News, ["The Washington Post", "Washington Post"], ["WaPo"], ["washingtonpost.com", "wapo.st"]),
    outlet!("The Wall Street Journal", News, ["The Wall Street Journal", "Wall Street Journal"], ["WSJ"], ["wsj.com", "wsj.net"]),
    outlet!("USA Today", News, ["USA TODAY", "USA Today"], [], ["usatoday.com"], ["gannett-cdn.com"]),
    outlet!("Los Angeles Times", News, ["Los Angeles Times", "LA Times"], [], ["latimes.com"]),
    outlet!("Chicago Tribune", News, ["Chicago Tribune"], [], ["chicagotribune.com"]),
    outlet!("The Boston Globe", News, ["The Boston Globe", "Boston Globe"], [], ["bostonglobe.com"]),
    outlet!("San Francisco Chronicle", News, ["San Francisco Chronicle"], [], ["sfchronicle.com", "sfgate.com"]),
    outlet!("The Seattle Times", News, ["The Seattle Times", "Seattle Times"], [], ["seattletimes.com"]),
    outlet!("Politico", News, ["POLITICO", "Politico"], [], ["politico.com", "politico.eu"]),
    outlet!("Axios", News, ["Axios"], [], ["axios.com"]),
    outlet!("The Hill", News, [], ["The Hill"], ["thehill.com"]),
    outlet!("Newsweek", News, ["Newsweek"], [], ["newsweek.com"]),
    outlet!("Time", News, ["TIME magazine", "Time magazine"], ["TIME"], ["time.com"]),
    outlet!("The Atlantic", News, ["The Atlantic"], [], ["theatlantic.com"]),
    outlet!("The New Yorker", News, ["The New Yorker"], [], ["newyorker.com"]),
    outlet!("Vox", News, [], ["Vox"], ["vox.com"], ["vox-cdn.com"]),
    outlet!("The Verge", News, ["The Verge"], ["Verge"], ["theverge.com"], ["vox-cdn.com"]),
    outlet!("Polygon", News, [], ["Polygon"], ["polygon.com"], ["vox-cdn.com"]),
    outlet!("Ars Technica", News, ["Ars Technica"], ["Ars"], ["arstechnica.com", "arstechnica.net"], ["condenast.io"]),
    outlet!("Wired", News, ["WIRED", "Wired magazine"], [], ["wired.com"], ["condenast.io"]),
    outlet!("CNET", News, ["CNET"], [], ["cnet.com"], ["cbsistatic.com"]),
    outlet!("ZDNet", News, ["ZDNet", "ZDNET"], [], ["zdnet.com"], ["cbsistatic.com"]),
    outlet!("TechCrunch", News, ["TechCrunch"], [], ["techcrunch.com"]),
    outlet!("Engadget", News, ["Engadget"], [], ["engadget.com"]),
    outlet!("Gizmodo", News, ["Gizmodo"], [], ["gizmodo.com"]),
    outlet!("Mashable", News, ["Mashable"], [], ["mashable.com"]),
    outlet!("Business Insider", News, ["Business Insider"], ["Insider"], ["businessinsider.com", "insider.com"]),
    outlet!("Forbes", News, ["Forbes magazine"], ["Forbes"], ["forbes.com", "forbesimg.com"]),
    outlet!("Fortune", News, ["Fortune magazine"], ["Fortune"], ["fortune.com"]),
    outlet!("MarketWatch", News, ["MarketWatch"], [], ["marketwatch.com"]),
    outlet!("HuffPost", News, ["HuffPost", "Huffington Post", "The Huffington Post"], [], ["huffpost.com", "huffingtonpost.com"]),
    outlet!("BuzzFeed News", News, ["BuzzFeed News", "BuzzFeed"], [], ["buzzfeednews.com", "buzzfeed.com"]),
    outlet!("The Daily Beast", News, ["The Daily Beast", "Daily Beast"], [], ["thedailybeast.com"]),
    outlet!("Slate", News, ["Slate magazine"], ["Slate"], ["slate.com"]),
    outlet!("Salon", News, ["Salon.com"], ["Salon"], ["salon.com"]),
    outlet!("Vice", News, ["VICE News", "Vice News"], ["VICE"], ["vice.com"]),
    outlet!("ProPublica", News, ["ProPublica"], [], ["propublica.org"]),
    outlet!("The Intercept", News, ["The Intercept"], [], ["theintercept.com"]),
    outlet!("Mother Jones", News, ["Mother Jones"], [], ["motherjones.com"]),
    outlet!("Quartz", News, [], ["Quartz"], ["qz.com"]),
    outlet!("Rolling Stone", News, ["Rolling Stone"], [], ["rollingstone.com"]),
    outlet!("Variety", News, [], ["Variety"], ["variety.com"]),
    outlet!("The Hollywood Reporter", News, ["The Hollywood Reporter", "Hollywood Reporter"], [], ["hollywoodreporter.com"]),
    outlet!("Deadline", News, ["Deadline Hollywood"], [], ["deadline.com"]),
    outlet!("TMZ", News, ["TMZ"], [], ["tmz.com"]),
    outlet!("People", News, ["People magazine"], [], ["people.com"]),
    outlet!("ESPN", News, ["ESPN"], [], ["espn.com", "espncdn.com"]),
    outlet!("The Conversation", News, [], ["The Conversation"], ["theconversation.com"]),
    outlet!("Kotaku", News, ["Kotaku"], [], ["kotaku.com"]),
    outlet!("Lifehacker", News, ["Lifehacker"], [], ["lifehacker.com"]),
    // ---- UK, Europe and elsewhere
    outlet!("BBC News", News, ["BBC News", "BBC", "BBC World Service"], [], ["bbc.com", "bbc.co.uk", "bbci.co.uk"]),
    outlet!("The Guardian", News, ["The Guardian", "Guardian US", "Guardian Australia"], ["Guardian"], ["theguardian.com", "guardian.co.uk", "guim.co.uk"]),
    outlet!("The Telegraph", News, ["The Telegraph", "The Daily Telegraph"], ["Telegraph"], ["telegraph.co.uk"]),
    outlet!("The Independent", News, ["The Independent"], [], ["independent.co.uk"]),
    outlet!("The Times", News, ["The Times of London"], [], ["thetimes.co.uk", "thetimes.com"]),
    outlet!("Financial Times", News, ["Financial Times"], ["FT"], ["ft.com"]),
    outlet!("The Economist", News, ["The Economist"], [], ["economist.com"]),
    outlet!("Daily Mail", News, ["Daily Mail", "MailOnline", "Mail Online"], [], ["dailymail.co.uk"]),
    outlet!("Sky News", News, ["Sky News"], [], ["news.sky.com", "skynews.com"]),
    outlet!("ITV News", News, ["ITV News"], [], ["itv.com"]),
    outlet!("Al Jazeera", News, ["Al Jazeera", "Al Jazeera English"], [], ["aljazeera.com", "aljazeera.net"]),
    outlet!("Euronews", News, ["Euronews"], [], ["euronews.com"]),
    outlet!("Deutsche Welle", News, ["Deutsche Welle"], ["DW"], ["dw.com"]),
    outlet!("France 24", News, ["France 24"], [], ["france24.com"]),
    outlet!("Le Monde", News, ["Le Monde"], [], ["lemonde.fr"]),
    outlet!("Der Spiegel", News, ["Der Spiegel", "DER SPIEGEL"], [], ["spiegel.de"]),
    outlet!("The Irish Times", News, ["The Irish Times", "Irish Times"], [], ["irishtimes.com"]),
    outlet!("CBC News", News, ["CBC News"], ["CBC"], ["cbc.ca"]),
    outlet!("Global News", News, ["Global News"], [], ["globalnews.ca"]),
    outlet!("Toronto Star", News, ["Toronto Star"], [], ["thestar.com"]),
    outlet!("ABC News (Australia)", News, ["Australian Broadcasting Corporation"], [], ["abc.net.au"]),
    outlet!("The Sydney Morning Herald", News, ["The Sydney Morning Herald", "Sydney Morning Herald"], [], ["smh.com.au"]),
    outlet!("South China Morning Post", News, ["South China Morning Post"], ["SCMP"], ["scmp.com"]),
    outlet!("The Japan Times", News, ["The Japan Times"], [], ["japantimes.co.jp"]),
    outlet!("The Korea Herald", News, ["The Korea Herald", "Korea Herald"], [], ["koreaherald.com"]),
    outlet!("The Straits Times", News, ["The Straits Times", "Straits Times"], [], ["straitstimes.com"]),
    outlet!("The Times of India", News, ["The Times of India", "Times of India"], [], ["timesofindia.indiatimes.com"]),
    outlet!("The Hindu", News, ["The Hindu"], [], ["thehindu.com"]),
    outlet!("NDTV", News, ["NDTV"], [], ["ndtv.com"]),
    // ---- portals (licensed republication)
    outlet!("Yahoo News", Portal, ["Yahoo News", "Yahoo Finance", "Yahoo Sports"], ["Yahoo"], ["yahoo.com", "yimg.com"]),
    outlet!("MSN", Portal, ["MSN"], [], ["msn.com"]),
    outlet!("AOL", Portal, ["AOL"], [], ["aol.com"]),
    // ---- user-content platforms (copied by Q&A and wiki clones)
    outlet!("Stack Overflow", Platform, ["Stack Overflow", "StackOverflow"], [], ["stackoverflow.com"]),
    outlet!("Stack Exchange", Platform, ["Stack Exchange"], [], ["stackexchange.com", "superuser.com", "serverfault.com", "askubuntu.com", "mathoverflow.net", "stackapps.com" ]),
    outlet!("GitHub", Platform, ["GitHub"], [], ["github.com"]),
    outlet!("Wikipedia", Platform, ["Wikipedia"], [], ["wikipedia.org"]),
    outlet!("Reddit", Platform, ["Reddit"], [], ["reddit.com", "redd.it"]),
    outlet!("Quora", Platform, ["Quora"], [], ["quora.com"]),
    outlet!("Medium", Platform, [], ["Medium"], ["medium.com"]),
];

/// Normalised names of the curated outlets → (index, is a short form only).
/// The first outlet claiming a name keeps it; full names win over short forms.
fn normalized_names() -> &'static HashMap<String, (usize, bool)> {
    static CELL: OnceLock<HashMap<String, (usize, bool)>> = OnceLock::new();
    CELL.get_or_init(|| {
        let mut m: HashMap<String, (usize, bool)> = HashMap::new();
        for (i, o) in OUTLETS.iter().enumerate() {
            for n in std::iter::once(&o.name).chain(o.names.iter()) {
                let k = norm_name(n);
                match m.get(&k) {
                    Some(&(_, false)) => {}
                    _ => {
                        m.insert(k, (i, false));
                    }
                }
            }
        }
        for (i, o) in OUTLETS.iter().enumerate() {
            for n in o.short {
                m.entry(norm_name(n)).or_insert((i, true));
            }
        }
        m
    })
}

/// First word of a name → `(outlet index, form, is_free_name)`.
type NameIndex = HashMap<&'static str, Vec<(usize, &'static str, bool)>>;

/// Outlet names and short forms by their first word, so text is scanned once
/// per word, not once per name.
fn name_index() -> &'static NameIndex {
    static CELL: OnceLock<NameIndex> = OnceLock::new();
    CELL.get_or_init(|| {
        let mut m: NameIndex = HashMap::new();
        for (i, o) in OUTLETS.iter().enumerate() {
            let forms = o
                .names
                .iter()
                .map(|n| (*n, true))
                .chain(o.short.iter().map(|n| (*n, false)));
            for (form, free) in forms {
                let first = form
                    .split(|c: char| !c.is_alphanumeric())
                    .find(|w| !w.is_empty())
                    .unwrap_or(form);
                m.entry(first).or_default().push((i, form, free));
            }
        }
        // Longest form first, so "BBC News" wins over "BBC" at the same place.
        for v in m.values_mut() {
            crate::sort::by_key(v, |(_, f, _)| crate::sort::desc(f.len() as u64));
        }
        m
    })
}

/// Every outlet name or short form in `text`: `(byte offset, outlet, form,
/// is_free_name)`, longest form at each position, whole words only.
pub(crate) fn names_in(text: &str) -> Vec<(usize, usize, &'static str, bool)> {
    let idx = name_index();
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let mut words: Vec<(usize, usize)> = Vec::new();
    for (i, c) in text.char_indices() {
        if c.is_alphanumeric() {
            if start.is_none() {
                start = Some(i);
            }
        } else if let Some(s) = start.take() {
            words.push((s, i));
        }
    }
    if let Some(s) = start {
        words.push((s, text.len()));
    }
    let mut covered = 0;
    for (s, e) in words {
        if s < covered {
            continue; // inside a longer name ("Associated Press" in "The Associated Press")
        }
        let Some(cands) = idx.get(&text[s..e]) else {
            continue;
        };
        for &(i, form, free) in cands {
            if text[s..].starts_with(form)
                && crate::patterns::at_word_boundary(text, s, s + form.len())
            {
                out.push((s, i, form, free));
                covered = s + form.len();
                break;
            }
        }
    }
    out
}

/// Who an evidence item points to: a curated outlet, a local paper, or a site
/// known only by its domain and/or the name the page gives it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Ident {
    /// Index into [`OUTLETS`], when known.
    pub outlet: Option<usize>,
    /// Display name, when something supports one.
    pub name: Option<String>,
    /// Registrable domain (or the outlet's primary domain).
    pub domain: Option<String>,
}

impl Ident {
    fn known(i: usize) -> Ident {
        let o = &OUTLETS[i];
        Ident {
            outlet: Some(i),
            name: Some(o.name.to_string()),
            domain: o.domains.first().map(|d| d.to_string()),
        }
    }

    /// The curated outlet, if any.
    pub fn info(&self) -> Option<&'static Outlet> {
        self.outlet.map(|i| &OUTLETS[i])
    }

    pub fn kind(&self) -> Kind {
        self.info().map_or(Kind::News, |o| o.kind)
    }

    /// A key under which claims about the same site are merged.
    pub fn key(&self) -> String {
        if let Some(i) = self.outlet {
            return format!("#{i}");
        }
        if let Some(d) = &self.domain {
            return d.clone();
        }
        self.name.as_deref().map(norm_name).unwrap_or_default()
    }

    /// Does `other` name the same site (same outlet, same domain, or a name that
    /// spells the other's domain label)?
    pub fn same_as(&self, other: &Ident) -> bool {
        if let (Some(a), Some(b)) = (self.outlet, other.outlet) {
            return a == b;
        }
        if let (Some(a), Some(b)) = (&self.domain, &other.domain) {
            if a == b {
                return true;
            }
        }
        let names_match = |a: &Ident, b: &Ident| -> bool {
            match (&a.name, &b.name) {
                (Some(x), Some(y)) => {
                    let (x, y) = (norm_name(x), norm_name(y));
                    !x.is_empty() && x == y
                }
                _ => false,
            }
        };
        if names_match(self, other) {
            return true;
        }
        let name_spells_domain = |a: &Ident, b: &Ident| -> bool {
            match (&a.name, &b.domain) {
                (Some(n), Some(d)) => name_matches_domain(n, d),
                _ => false,
            }
        };
        name_spells_domain(self, other) || name_spells_domain(other, self)
    }
}

/// Lower-case alphanumerics only, a leading "the" dropped: "The Seattle Times" →
/// "seattletimes".
pub(crate) fn norm_name(s: &str) -> String {
    let t = s.trim();
    let t = t
        .strip_prefix("The ")
        .or_else(|| t.strip_prefix("the "))
        .unwrap_or(t);
    t.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// Does a site name spell its domain's main label ("TimesPost" ~ timespost.example,
/// "NYTimes.com" ~ nytimes.com)?
pub(crate) fn name_matches_domain(name: &str, domain: &str) -> bool {
    let n = norm_name(name);
    let label: String = domain_label(domain)
        .chars()
        .filter(|c| c.is_alphanumeric())
        .collect();
    if n.len() < 3 || label.len() < 3 {
        return false;
    }
    n == label || (label.len() >= 5 && n.contains(&label)) || (n.len() >= 5 && label.contains(&n))
}

/// The label before the public suffix: "www.nytimes.com" → "nytimes".
pub(crate) fn domain_label(host: &str) -> &str {
    let reg = registrable_start(host);
    let rest = &host[reg..];
    rest.split('.').next().unwrap_or(rest)
}

/// Second-level public suffixes common on news sites (a small stand-in for the
/// Public Suffix List), and hosting platforms whose subdomains are separate sites.
const TWO_LEVEL_SUFFIXES: &[&str] = &[
    "co.uk",
    "org.uk",
    "ac.uk",
    "gov.uk",
    "me.uk",
    "ltd.uk",
    "plc.uk",
    "com.au",
    "net.au",
    "org.au",
    "edu.au",
    "gov.au",
    "co.nz",
    "org.nz",
    "net.nz",
    "co.jp",
    "ne.jp",
    "or.jp",
    "ac.jp",
    "go.jp",
    "co.kr",
    "or.kr",
    "go.kr",
    "com.br",
    "com.ar",
    "com.mx",
    "com.co",
    "com.pe",
    "com.cn",
    "net.cn",
    "org.cn",
    "com.tw",
    "org.tw",
    "com.hk",
    "org.hk",
    "com.sg",
    "com.my",
    "co.in",
    "net.in",
    "org.in",
    "co.za",
    "co.il",
    "com.tr",
    "com.ua",
    "co.id",
    "com.ph",
    "com.vn",
    "com.pk",
    "com.ng",
    "co.ke",
    "com.eg",
    "com.sa",
    "co.th",
    "in.th",
    "github.io",
    "blogspot.com",
    "wordpress.com",
    "tumblr.com",
    "substack.com",
    "medium.com",
    "go.com",
    "herokuapp.com",
    "netlify.app",
    "pages.dev",
    "vercel.app",
    "appspot.com",
];

/// Byte offset where the registrable domain starts in `host` (lower case, no
/// port).
fn registrable_start(host: &str) -> usize {
    let labels: Vec<(usize, &str)> = {
        let mut v = Vec::new();
        let mut start = 0;
        for (i, c) in host.char_indices() {
            if c == '.' {
                v.push((start, &host[start..i]));
                start = i + 1;
            }
        }
        v.push((start, &host[start..]));
        v
    };
    let n = labels.len();
    if n <= 2 {
        return 0;
    }
    let last_two = &host[labels[n - 2].0..];
    let keep = if TWO_LEVEL_SUFFIXES.contains(&last_two) {
        3
    } else {
        2
    };
    if n <= keep {
        0
    } else {
        labels[n - keep].0
    }
}

/// The registrable domain of a host ("a.b.fastseoul.com" → "fastseoul.com",
/// "www.bbc.co.uk" → "bbc.co.uk"). Lower-cased, trailing dot removed.
pub(crate) fn registrable_domain(host: &str) -> String {
    let h = host.trim().trim_end_matches('.').to_ascii_lowercase();
    // An IP address (v4, or a bracketed v6) has no registrable part: it is its own domain.
    if h.starts_with('[') || h.parse::<std::net::Ipv4Addr>().is_ok() {
        return h;
    }
    let start = registrable_start(&h);
    h[start..].to_string()
}

/// Does `host` equal `domain` or sit below it?
pub(crate) fn host_in(host: &str, domain: &str) -> bool {
    host == domain
        || (host.len() > domain.len()
            && host.ends_with(domain)
            && host.as_bytes()[host.len() - domain.len() - 1] == b'.')
}

/// How a host relates to an outlet.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum HostMatch {
    /// The outlet's own domain or CDN.
    Own,
    /// A CDN shared with sister outlets.
    Shared,
}

/// Curated outlets a host belongs to: its owner, or every outlet sharing the CDN.
pub(crate) fn outlets_for_host(host: &str) -> Vec<(Ident, HostMatch)> {
    let host = host.trim_end_matches('.').to_ascii_lowercase();
    for (i, o) in OUTLETS.iter().enumerate() {
        if o.domains.iter().any(|d| host_in(&host, d)) {
            return vec![(Ident::known(i), HostMatch::Own)];
        }
    }
    let shared: Vec<(Ident, HostMatch)> = OUTLETS
        .iter()
        .enumerate()
        .filter(|(_, o)| o.shared.iter().any(|d| host_in(&host, d)))
        .map(|(i, _)| (Ident::known(i), HostMatch::Shared))
        .collect();
    if !shared.is_empty() {
        return shared;
    }
    let reg = registrable_domain(&host);
    match local_news().and_then(|l| l.by_domain.get(reg.as_str())) {
        Some(name) => vec![(
            Ident {
                outlet: None,
                name: Some((*name).to_string()),
                domain: Some(reg),
            },
            HostMatch::Own,
        )],
        None => Vec::new(),
    }
}

/// The outlet that owns `host` (curated or local), ignoring shared CDNs.
pub(crate) fn outlet_for_host(host: &str) -> Option<Ident> {
    outlets_for_host(host)
        .into_iter()
        .find(|(_, m)| *m == HostMatch::Own)
        .map(|(i, _)| i)
}

/// Look a name up ("The Seattle Times", "CNN", "Agence France-Presse"): curated
/// names first (short forms too when `allow_short`), then local papers.
pub(crate) fn outlet_by_name(name: &str, allow_short: bool) -> Option<Ident> {
    let n = norm_name(name);
    if n.is_empty() {
        return None;
    }
    if let Some(&(i, short)) = normalized_names().get(n.as_str()) {
        if allow_short || !short {
            return Some(Ident::known(i));
        }
    }
    local_news()?
        .by_name
        .get(n.as_str())
        .map(|(domain, name)| Ident {
            outlet: None,
            name: Some((*name).to_string()),
            domain: Some((*domain).to_string()),
        })
}

/// An identity for a site named `name` and/or reached at `host`: the curated or
/// local outlet when either is known, otherwise what the page says.
pub(crate) fn identify(name: Option<&str>, host: Option<&str>) -> Option<Ident> {
    if let Some(h) = host {
        if let Some(id) = outlet_for_host(h) {
            return Some(id);
        }
    }
    if let Some(n) = name {
        if let Some(id) = outlet_by_name(n, false) {
            // A name that maps to an outlet whose domain contradicts the link is
            // not that outlet ("Source: CNN" linking to a blog names the blog).
            let contradicts = match (host, id.info()) {
                (Some(h), Some(o)) => !o.domains.iter().any(|d| host_in(h, d)),
                _ => false,
            };
            if !contradicts {
                return Some(id);
            }
        }
    }
    let name = name.map(str::trim).filter(|n| !n.is_empty());
    let domain = host.map(registrable_domain).filter(|d| !d.is_empty());
    if name.is_none() && domain.is_none() {
        return None;
    }
    Some(Ident {
        outlet: None,
        name: name.map(str::to_string),
        domain,
    })
}

struct LocalNews {
    by_domain: HashMap<&'static str, &'static str>,
    /// normalised name → (domain, name); names shared by several papers are left out.
    by_name: HashMap<String, (&'static str, &'static str)>,
}

#[cfg(not(target_arch = "wasm32"))]
static LOCAL_NEWS_TSV: &str = include_str!("data/local_news.tsv");

static LOCAL_NEWS: OnceLock<LocalNews> = OnceLock::new();

/// The local-paper table: embedded in native builds, installed by the host in
/// the wasm build (`None` until then).
fn local_news() -> Option<&'static LocalNews> {
    #[cfg(not(target_arch = "wasm32"))]
    return Some(LOCAL_NEWS.get_or_init(|| LocalNews::parse(LOCAL_NEWS_TSV)));
    #[cfg(target_arch = "wasm32")]
    LOCAL_NEWS.get()
}

/// Installs the local-paper table from the text of `data/local_news.tsv`
/// (`domain<TAB>name` lines, `#` comments). Once per process: false when a
/// table is already there (native builds embed theirs).
pub fn install_local_news(text: String) -> bool {
    if LOCAL_NEWS.get().is_some() {
        return false;
    }
    // Read once per process (per wasm instance), kept for its lifetime.
    let text: &'static str = Box::leak(text.into_boxed_str());
    LOCAL_NEWS.set(LocalNews::parse(text)).is_ok()
}

/// Whether the local-paper table is there.
pub fn local_news_installed() -> bool {
    LOCAL_NEWS.get().is_some()
}

impl LocalNews {
    fn parse(text: &'static str) -> LocalNews {
        let mut by_domain = HashMap::new();
        let mut by_name: HashMap<String, (&'static str, &'static str)> = HashMap::new();
        let mut dup: Vec<String> = Vec::new();
        for line in text.lines() {
            if line.starts_with('#') {
                continue;
            }
            let Some((domain, name)) = line.split_once('\t') else {
                continue;
            };
            by_domain.insert(domain, name);
            let key = norm_name(name);
            if key.len() < 6 {
                continue; // "Herald", "Times": too generic to name one paper
            }
            if by_name.insert(key.clone(), (domain, name)).is_some() {
                dup.push(key);
            }
        }
        for k in dup {
            by_name.remove(&k);
        }
        LocalNews { by_domain, by_name }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn registrable_domains() {
        assert_eq!(registrable_domain("127.0.0.1"), "127.0.0.1");
        assert_eq!(registrable_domain("a.b.fastseoul.com"), "fastseoul.com");
        assert_eq!(registrable_domain("www.bbc.co.uk"), "bbc.co.uk");
        assert_eq!(registrable_domain("bbc.co.uk"), "bbc.co.uk");
        assert_eq!(registrable_domain("abcnews.go.com"), "abcnews.go.com");
        assert_eq!(registrable_domain("localhost"), "localhost");
        assert_eq!(domain_label("www.nytimes.com"), "nytimes");
    }

    #[test]
    fn hosts_and_names() {
        let bbc = outlet_for_host("ichef.bbci.co.uk").unwrap();
        assert_eq!(bbc.name.as_deref(), Some("BBC News"));
        assert!(outlet_for_host("notbbc.co.uk").is_none());
        let shared = outlets_for_host("cnet1.cbsistatic.com");
        assert!(shared.len() >= 2 && shared.iter().all(|(_, m)| *m == HostMatch::Shared));
        assert_eq!(
            outlet_by_name("Associated Press", false)
                .unwrap()
                .name
                .as_deref(),
            Some("The Associated Press")
        );
        assert!(outlet_by_name("AP", false).is_none());
        assert!(outlet_by_name("AP", true).is_some());
        let st = outlet_for_host("www.seattletimes.com").unwrap();
        assert!(st.same_as(&outlet_by_name("Seattle Times", false).unwrap()));
        // local papers come from the embedded dataset
        let gazette = outlet_for_host("www.gazettenet.com").unwrap();
        assert_eq!(gazette.name.as_deref(), Some("Daily Hampshire Gazette"));
    }

    #[test]
    fn site_names_match_domains() {
        assert!(name_matches_domain("TimesPost", "timespost.example"));
        assert!(name_matches_domain("NYTimes.com", "nytimes.com"));
        assert!(!name_matches_domain("CNN", "cbsnews.com"));
    }
}
