//! Known-site lists: parsers (with line-numbered errors), matching, priorities,
//! and the built-in lists shipped in `extension/lists/`.

use std::path::Path;
use unmirror::sites::{
    builtin_files, builtin_index, builtin_lists, check_list, list_hosts, ListFormat, ListInfo,
    ListKind, ParseReport, SiteLists, SuffixList,
};

fn info(id: &str, kind: ListKind, format: ListFormat) -> ListInfo {
    ListInfo {
        id: id.into(),
        name: String::new(),
        kind,
        format,
        licence: String::new(),
        enabled: true,
    }
}

fn fixture(name: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/lists")
        .join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn lines(issues: &[unmirror::sites::ParseError]) -> Vec<usize> {
    issues.iter().map(|e| e.line).collect()
}

fn one(kind: ListKind, format: ListFormat, text: &str) -> SiteLists {
    SiteLists::new([(info("t", kind, format), text)])
}

fn report_for(name: &str, format: ListFormat) -> ParseReport {
    check_list(&info(name, ListKind::User, format), &fixture(name))
}

// ---- parsers ------------------------------------------------------------------

#[test]
fn ublacklist_fixture_reports_lines() {
    let r = report_for("ublacklist.txt", ListFormat::Ublacklist);
    assert_eq!(r.name, "My test list", "front matter name");
    assert_eq!(lines(&r.errors), vec![9, 10, 11, 16, 17], "{:#?}", r.errors);
    assert_eq!(lines(&r.warnings), vec![12, 13], "{:#?}", r.warnings);
    assert_eq!(r.rules, 5);
    assert!(
        r.errors[0].message.contains("'*'"),
        "{}",
        r.errors[0].message
    );
    assert!(r.errors[3].message.contains("backreference"));
}

#[test]
fn cft_fixture_reports_lines() {
    let r = report_for("cft.txt", ListFormat::Cft);
    assert_eq!(lines(&r.errors), vec![11, 12, 15], "{:#?}", r.errors);
    assert!(r.warnings.is_empty(), "{:#?}", r.warnings);
    assert_eq!(r.rules, 11);
}

#[test]
fn domains_fixture_reports_lines() {
    let r = report_for("domains.txt", ListFormat::Domains);
    assert_eq!(lines(&r.errors), vec![6, 7, 8], "{:#?}", r.errors);
    assert_eq!(r.rules, 5);
}

#[test]
fn hosts_fixture_reports_lines() {
    let r = report_for("hosts.txt", ListFormat::Hosts);
    assert_eq!(lines(&r.errors), vec![6, 7, 8, 9], "{:#?}", r.errors);
    assert_eq!(r.rules, 2, "localhost lines give no rule");
}

#[test]
fn adblock_fixture_reports_lines() {
    let r = report_for("adblock.txt", ListFormat::Adblock);
    assert_eq!(lines(&r.errors), vec![10], "{:#?}", r.errors);
    assert_eq!(lines(&r.warnings), vec![6, 7, 8, 11], "{:#?}", r.warnings);
    assert!(r.warnings[0].message.contains("cosmetic"));
    assert_eq!(r.rules, 5);
}

#[test]
fn formats_are_detected() {
    for (name, format) in [
        ("ublacklist.txt", ListFormat::Ublacklist),
        ("cft.txt", ListFormat::Cft),
        ("hosts.txt", ListFormat::Hosts),
        ("adblock.txt", ListFormat::Adblock),
    ] {
        let r = report_for(name, ListFormat::Auto);
        assert_eq!(r.format, format, "{name}");
    }
    let r = check_list(
        &info("d", ListKind::User, ListFormat::Auto),
        "a.example\nb.example\n",
    );
    assert_eq!(r.format, ListFormat::Domains);
}

#[test]
fn unclosed_front_matter_is_an_error_on_line_1() {
    let r = check_list(
        &info("u", ListKind::User, ListFormat::Ublacklist),
        "---\nname: x\n*://a.example/*\n",
    );
    assert_eq!(lines(&r.errors), vec![1, 2]);
    assert_eq!(r.rules, 1);
}

#[test]
fn reports_serialise_with_snake_case_fields() {
    let r = report_for("hosts.txt", ListFormat::Auto);
    let v: serde_json::Value = serde_json::to_value(&r).expect("report serialises");
    assert_eq!(v["format"], "hosts");
    assert_eq!(v["errors"][0]["line"], 6);
    assert!(v["error_count"].as_u64() == Some(4));
    assert!(v.get("warning_count").is_some());
}

#[test]
fn parsing_never_panics_on_garbage() {
    // A deterministic mix of hostile fragments in every format.
    let pieces = [
        "*://",
        "/",
        "\\",
        "[",
        "(",
        "(?",
        "{",
        "}",
        "||",
        "^",
        "$",
        "@@",
        "@",
        "##",
        "*",
        ".",
        "é",
        "\u{0}",
        "\t",
        " ",
        "#",
        "!",
        "domain-path:",
        "domain-part:",
        "udn:",
        "0.0.0.0",
        "::1",
        "a",
        "xn--",
        "-",
        "_",
        "?",
        "+",
        ":",
        "1",
        "{99999999}",
        "(?!",
        "(?=",
        "[^]",
        "\r",
        "---",
        "\u{202e}",
        "٣",
        "*.",
        "//",
        "%",
        "www.",
    ];
    let mut state: u64 = 0x2545_f491_4f6c_dd1d;
    let mut text = String::new();
    for _ in 0..4000 {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        let p = pieces[(state % pieces.len() as u64) as usize];
        text.push_str(p);
        if state % 7 == 0 {
            text.push('\n');
        }
    }
    text.push_str(&"a".repeat(20_000));
    text.push('\n');
    text.push_str(&format!("/{}/\n", "(".repeat(100)));
    for format in [
        ListFormat::Auto,
        ListFormat::Ublacklist,
        ListFormat::Cft,
        ListFormat::Domains,
        ListFormat::Hosts,
        ListFormat::Adblock,
    ] {
        let lists = one(ListKind::User, format, &text);
        let r = lists.reports()[0].clone();
        assert!(r.error_count + r.warning_count > 0);
        assert!(r.errors.len() <= r.error_count);
        for url in [
            "",
            "http://",
            "https://a.b/(((",
            "[::1]",
            "a",
            "http://é.example/",
            "\u{0}",
        ] {
            let _ = lists.lookup(url);
        }
    }
}

// ---- matching -------------------------------------------------------------------

#[test]
fn subdomains_schemes_and_ports_match() {
    let lists = one(ListKind::Mirror, ListFormat::Domains, "example.com\n");
    for url in [
        "https://example.com/",
        "http://example.com:8080/a?b#c",
        "https://a.b.example.com:8443/x",
        "ftp://www.example.com/",
        "example.com/path",
        "HTTPS://NEWS.EXAMPLE.COM./x",
    ] {
        let hit = lists.lookup(url).unwrap_or_else(|| panic!("{url}"));
        assert_eq!(hit.kind, "mirror");
        assert_eq!(hit.rule, "example.com");
    }
    for url in [
        "https://notexample.com/",
        "https://example.com.evil.org/",
        "https://example.co/",
        "not a url",
        "",
    ] {
        assert_eq!(lists.lookup(url), None, "{url}");
    }
}

#[test]
fn a_rule_below_the_registrable_domain_does_not_match_its_parent() {
    let lists = one(
        ListKind::Clone,
        ListFormat::Domains,
        "github.innominds.com\n",
    );
    assert!(lists.lookup("https://github.innominds.com/x").is_some());
    assert!(lists.lookup("https://a.github.innominds.com/x").is_some());
    assert_eq!(lists.lookup("https://innominds.com/"), None);
    assert_eq!(lists.lookup("https://www.innominds.com/"), None);
}

#[test]
fn public_suffixes_bound_the_match() {
    let lists = one(
        ListKind::User,
        ListFormat::Domains,
        "co.uk\ngithub.io\nexample.co.uk\nalice.github.io\n",
    );
    assert_eq!(lists.lookup("https://bbc.co.uk/news").map(|h| h.rule), None);
    assert_eq!(lists.lookup("https://bob.github.io/").map(|h| h.rule), None);
    assert_eq!(
        lists.lookup("https://news.example.co.uk/").map(|h| h.rule),
        Some("example.co.uk".into())
    );
    assert_eq!(
        lists.lookup("https://x.alice.github.io/").map(|h| h.rule),
        Some("alice.github.io".into())
    );
    // The suffix itself is still a host of its own.
    assert_eq!(
        lists.lookup("https://github.io/").map(|h| h.rule),
        Some("github.io".into())
    );
}

#[test]
fn suffix_list_knows_icann_and_private_rules() {
    let psl = SuffixList::builtin();
    assert!(psl.len() > 9000);
    assert_eq!(psl.registrable_domain("news.bbc.co.uk"), Some("bbc.co.uk"));
    assert_eq!(
        psl.registrable_domain("a.b.alice.github.io"),
        Some("alice.github.io")
    );
    assert_eq!(psl.registrable_domain("co.uk"), None);
    assert_eq!(
        psl.registrable_domain("deltapeak.fastseoul.com"),
        Some("fastseoul.com")
    );
    assert_eq!(psl.registrable_domain("x.unknowntld"), Some("x.unknowntld"));
    assert!(psl.is_public_suffix("github.io"));
    // Wildcard and exception rules: `*.ck` and `!www.ck`.
    assert_eq!(psl.public_suffix("a.b.ck"), "b.ck");
    assert_eq!(psl.registrable_domain("www.ck"), Some("www.ck"));
    // IDN rules are stored in punycode.
    assert!(psl.is_public_suffix("xn--fiqs8s"));
    // `公司.cn` and `aéroport.ci`: Unicode in the list, punycode without IDNA tables (src/idn.rs).
    assert!(psl.is_public_suffix("xn--55qx5d.cn"));
    assert!(psl.is_public_suffix("xn--aroport-bya.ci"));
    assert_eq!(
        psl.registrable_domain("a.b.xn--55qx5d.cn"),
        Some("b.xn--55qx5d.cn")
    );
    let small = SuffixList::parse("// comment\ncom\n*.wild\n!ex.wild\n");
    assert_eq!(small.len(), 3);
    assert_eq!(small.registrable_domain("a.b.c.wild"), Some("b.c.wild"));
    assert_eq!(small.registrable_domain("ex.wild"), Some("ex.wild"));
}

#[test]
fn idn_rules_and_urls_meet_in_punycode() {
    let lists = one(
        ListKind::User,
        ListFormat::Domains,
        "bücher.de\nxn--r8jz45g.jp\n",
    );
    assert!(lists.lookup("https://www.bücher.de/buch").is_some());
    assert!(lists.lookup("https://www.xn--bcher-kva.de/").is_some());
    assert!(lists.lookup("https://例え.jp/").is_some());
    let cft = one(ListKind::ContentFarm, ListFormat::Cft, &fixture("cft.txt"));
    assert_eq!(
        cft.lookup("https://中文農場.tw/a").map(|h| h.rule),
        Some("中文農場.tw".into())
    );
}

#[test]
fn allow_rules_win_across_lists() {
    let lists = SiteLists::new([
        (
            info("mirrors", ListKind::Mirror, ListFormat::Domains),
            "example.com\n",
        ),
        (
            info("mine", ListKind::User, ListFormat::Ublacklist),
            "@*://good.example.com/*\n",
        ),
    ]);
    let hit = lists
        .lookup("https://good.example.com/a")
        .expect("allow hit");
    assert!(hit.is_allow());
    assert_eq!(hit.list, "mine");
    assert_eq!(hit.rule, "@*://good.example.com/*");
    assert_eq!(lists.listed("https://good.example.com/a"), None);
    assert_eq!(lists.listed("https://sub.good.example.com/a"), None);
    let other = lists
        .listed("https://other.example.com/")
        .expect("mirror hit");
    assert_eq!(other.kind, "mirror");
    assert!(other.is_mirror_evidence());
    // Adblock `@@` too.
    let abp = one(ListKind::User, ListFormat::Adblock, &fixture("adblock.txt"));
    assert!(abp
        .lookup("https://allowed.abp.example/")
        .is_some_and(|h| h.is_allow()));
}

#[test]
fn user_lists_beat_mirror_lists_which_beat_optional_ones() {
    let text = "shared.example\n";
    let lists = SiteLists::new([
        (
            info("farm", ListKind::ContentFarm, ListFormat::Domains),
            text,
        ),
        (info("mirrors", ListKind::Mirror, ListFormat::Domains), text),
        (info("mine", ListKind::User, ListFormat::Domains), text),
    ]);
    assert_eq!(
        lists.lookup("https://shared.example/").map(|h| h.list),
        Some("mine".into())
    );
    let mut lists = lists;
    lists.set_enabled("mine", false);
    assert_eq!(
        lists.lookup("https://shared.example/").map(|h| h.list),
        Some("mirrors".into())
    );
    lists.set_enabled("mirrors", false);
    let hit = lists.lookup("https://shared.example/").expect("farm hit");
    assert_eq!(hit.kind, "content-farm");
    assert!(!hit.is_mirror_evidence());
    assert!(!lists.set_enabled("nope", true));
}

#[test]
fn path_rules_need_their_path() {
    let lists = one(
        ListKind::Clone,
        ListFormat::Ublacklist,
        &fixture("ublacklist.txt"),
    );
    assert!(lists.lookup("https://lightrun.com/answers/foo").is_some());
    assert_eq!(lists.lookup("https://lightrun.com/blog"), None);
    assert!(lists.lookup("http://www.regexsite.org/x").is_some());
    assert_eq!(lists.lookup("http://www.regexsite.org.evil.com/x"), None);
    assert!(lists.lookup("https://deep.mirror.test/").is_some());

    let cft = one(ListKind::ContentFarm, ListFormat::Cft, &fixture("cft.txt"));
    let rule = |u: &str| cft.lookup(u).map(|h| h.rule);
    let dp = Some("domain-path:cloud.example.com/developer/ask".to_string());
    assert_eq!(rule("https://cloud.example.com/developer/ask"), dp);
    assert_eq!(rule("https://cloud.example.com/developer/ask/123"), dp);
    assert_eq!(rule("https://cloud.example.com/developer/asking"), None);
    assert_eq!(rule("https://cloud.example.com/"), None);
    let udn = Some("udn:someblog".to_string());
    assert_eq!(rule("https://blog.udn.com/someblog/123"), udn);
    assert_eq!(rule("https://blog.udn.com/mobile/someblog"), udn);
    assert_eq!(rule("https://blog.udn.com/otherblog/1"), None);

    let abp = one(ListKind::User, ListFormat::Adblock, &fixture("adblock.txt"));
    assert!(abp.lookup("https://pathrule.example/news/today").is_some());
    assert_eq!(abp.lookup("https://pathrule.example/sport"), None);
    assert!(abp.lookup("https://x.opts.example/").is_some());
    assert_eq!(abp.lookup("https://scripts.example/"), None);
    assert!(abp.lookup("https://hostsline.example/").is_some());
}

#[test]
fn cft_wildcards_labels_regexes_and_www() {
    let cft = one(ListKind::ContentFarm, ListFormat::Cft, &fixture("cft.txt"));
    let rule = |u: &str| cft.lookup(u).map(|h| h.rule);
    assert_eq!(
        rule("https://against24.blogspot.com.tw/p"),
        Some("against24.blogspot.*".into())
    );
    assert_eq!(
        rule("https://m.against24.blogspot.com/"),
        Some("against24.blogspot.*".into())
    );
    assert_eq!(rule("https://against25.blogspot.com/"), None);
    assert_eq!(
        rule("https://daliulian.abc.com/"),
        Some("daliulian.*.com".into())
    );
    assert_eq!(
        rule("https://www.24orenotizie.it/a"),
        Some("domain-part:24orenotizie".into())
    );
    assert_eq!(
        rule("https://24orenotizie.co.uk/"),
        Some("domain-part:24orenotizie".into())
    );
    assert_eq!(rule("https://a.24orenotizie-x.com/"), None);
    assert!(rule("https://en.y2mate.com/watch").is_some_and(|r| r.starts_with('/')));
    assert_eq!(rule("https://www.y2mate.com/watch"), None);
    assert_eq!(
        rule("https://farm-with-www.net/"),
        Some("www.farm-with-www.net".into())
    );
    assert_eq!(
        rule("https://sub.urlrule.com/"),
        Some("https://www.urlrule.com/some/path".into())
    );
    assert!(rule("http://[2001:db8::1]/x").is_some());
}

#[test]
fn explain_gives_the_rule_line() {
    let lists = one(
        ListKind::Clone,
        ListFormat::Ublacklist,
        &fixture("ublacklist.txt"),
    );
    let m = lists
        .explain("https://lightrun.com/answers/1")
        .expect("hit");
    assert_eq!(m.line, 14);
    let v = serde_json::to_value(&m).expect("serialises");
    assert_eq!(v["list"], "t");
    assert_eq!(v["line"], 14);
}

// ---- built-in lists -------------------------------------------------------------

fn lists_dir() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("extension/lists")
}

#[test]
fn every_shipped_list_parses_without_errors() {
    let lists = builtin_lists();
    assert!(lists.len() >= 10);
    for (info, text) in &lists {
        assert!(!text.is_empty(), "{} has no embedded text", info.id);
        let r = check_list(info, text);
        assert!(r.is_ok(), "{}: {:#?}", info.id, r.errors);
        assert!(r.rules > 0, "{} gave no rule", info.id);
    }
}

#[test]
fn index_files_and_notices_agree() {
    let index = builtin_index();
    let mut files: Vec<String> = index.iter().map(|b| b.file.clone()).collect();
    files.sort();
    let mut embedded: Vec<String> = builtin_files().into_iter().map(String::from).collect();
    embedded.sort();
    assert_eq!(files, embedded, "index.json and the embedded files differ");
    let dir = lists_dir();
    for b in &index {
        assert!(dir.join(&b.file).is_file(), "{} missing", b.file);
        assert_eq!(b.licence_file, format!("LICENSE-{}.txt", b.id));
        let notice = std::fs::read_to_string(dir.join(&b.licence_file))
            .unwrap_or_else(|e| panic!("{}: {e}", b.licence_file));
        assert!(
            notice.contains(&b.file),
            "{} does not name {}",
            b.licence_file,
            b.file
        );
        assert!(!b.licence.is_empty());
        assert_eq!(
            b.default_enabled,
            b.kind.is_mirror_evidence(),
            "{}: mirror/clone lists are on by default, optional ones off",
            b.id
        );
    }
    // Every list file in the folder is in the index.
    for entry in std::fs::read_dir(&dir).expect("extension/lists") {
        let name = entry
            .expect("entry")
            .file_name()
            .to_string_lossy()
            .to_string();
        if name.ends_with(".txt") && !name.starts_with("LICENSE-") {
            assert!(files.contains(&name), "{name} is not in index.json");
        }
    }
    assert!(dir.join("LICENSE-public-suffix-list.txt").is_file());
}

#[test]
fn fastseoul_network_is_a_mirror_hit() {
    let lists = SiteLists::builtin();
    let hit = lists
        .listed("https://anything.fastseoul.com/news/63e21799719.html")
        .expect("fastseoul subdomain is listed");
    assert_eq!(hit.list, "unmirror-news-mirrors");
    assert_eq!(hit.kind, "mirror");
    assert_eq!(hit.rule, "fastseoul.com");
    assert!(hit.is_mirror_evidence());
    for host in [
        "nzyngacoin.com",
        "www.daxstreet.com",
        "occasionaldigest.com",
        "worldtimetodays.com",
        "reportwire.org",
    ] {
        let hit = lists
            .listed(&format!("https://{host}/2024/06/story"))
            .unwrap_or_else(|| panic!("{host}"));
        assert!(hit.is_mirror_evidence(), "{host}");
    }
    assert_eq!(lists.lookup("https://www.cbsnews.com/news/x/"), None);
}

#[test]
fn builtin_clone_lists_are_on_and_optional_lists_off() {
    let defaults = SiteLists::builtin();
    assert!(defaults.infos().len() >= 7);
    assert!(defaults
        .infos()
        .iter()
        .all(|i| i.enabled && i.kind.is_mirror_evidence()));
    let mut lists = SiteLists::builtin_all();
    let qastack = lists
        .listed("https://qastack.jp/programming/1")
        .expect("clone");
    assert_eq!(qastack.kind, "clone");
    // `0101.tw` is on Content Farm Terminator's content-farm list only.
    assert_eq!(lists.lookup("https://0101.tw/"), None);
    assert_eq!(lists.lookup("https://etsy.com/"), None);
    assert!(lists.set_enabled("cft-content-farms", true));
    let farm = lists.listed("https://www.0101.tw/a").expect("content farm");
    assert_eq!(farm.kind, "content-farm");
    assert!(!farm.is_mirror_evidence());
    for info in lists.infos() {
        assert_eq!(
            info.kind.is_optional(),
            !info.kind.is_mirror_evidence() && info.kind != ListKind::User
        );
    }
}

#[test]
fn list_hosts_names_plain_host_rules_once() {
    let text = "*://example.com/*\n@*://ok.example.org/*\n*://*.clone.net/*\n/example\\.net/\n*://EXAMPLE.com/*\n*://*.glob.*/*\n";
    let hosts = list_hosts(&info("t", ListKind::User, ListFormat::Ublacklist), text);
    assert_eq!(
        hosts,
        vec!["example.com".to_string(), "clone.net".to_string()]
    );
    let hosts = list_hosts(
        &info("t", ListKind::User, ListFormat::Hosts),
        "0.0.0.0 a.example b.example\n# c.example\n",
    );
    assert_eq!(
        hosts,
        vec!["a.example".to_string(), "b.example".to_string()]
    );
}

#[test]
fn site_of_is_the_registrable_domain() {
    let lists = SiteLists::default();
    assert_eq!(
        lists
            .site_of("https://news.example.co.uk:8080/x")
            .as_deref(),
        Some("example.co.uk")
    );
    assert_eq!(
        lists.site_of("deltapeak.fastseoul.com").as_deref(),
        Some("fastseoul.com")
    );
    assert_eq!(
        lists.site_of("http://alice.github.io/").as_deref(),
        Some("alice.github.io")
    );
    assert_eq!(
        lists.site_of("http://127.0.0.1:8000/p").as_deref(),
        Some("127.0.0.1")
    );
    assert_eq!(lists.site_of("not a url at all"), None);
}
