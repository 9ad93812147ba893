//! Fetching web addresses given as inputs (`parallax brief https://…`), with the limits a tool
//! that fetches what users paste must keep: a timeout, a size cap applied while reading, a
//! bounded number of redirects, and no requests to private, loopback, link-local or cloud
//! metadata addresses unless [`ReadConfig::allow_private_urls`] is set.
//!
//! Addresses are checked after DNS resolution, in the resolver the HTTP client uses for every
//! connection, so a public name that resolves to `127.0.0.1` is refused, and so is every
//! redirect to such a name; addresses written as IP literals, which never reach a resolver, are
//! checked before each request and each redirect. Fetching is behind the `url` cargo feature;
//! recognising a URL is not, so that a build without it can say why it cannot read one.

#[cfg(feature = "url")]
use crate::{ReadConfig, error::Error};
#[cfg(feature = "url")]
use std::net::{IpAddr, Ipv4Addr, SocketAddr, ToSocketAddrs};

/// Whether an input names a web address rather than a file.
pub(crate) fn is_url(input: &str) -> bool {
    let lower = input.get(..8).unwrap_or(input).to_ascii_lowercase();
    lower.starts_with("http://") || lower.starts_with("https://")
}

#[cfg(feature = "url")]
/// Whether a request to `ip` is refused unless private addresses are allowed: loopback,
/// private, link-local (cloud metadata services sit at `169.254.169.254`), carrier-grade NAT,
/// unspecified, broadcast, multicast, documentation and benchmarking ranges, unique-local IPv6,
/// and IPv4 addresses mapped or translated into IPv6.
pub(crate) fn is_private(ip: IpAddr) -> bool {
    match ip {
        IpAddr::V4(ip) => is_private_v4(ip),
        IpAddr::V6(ip) => {
            if let Some(mapped) = ip.to_ipv4_mapped() {
                return is_private_v4(mapped);
            }
            let segments = ip.segments();
            ip.is_loopback()
                || ip.is_unspecified()
                || ip.is_multicast()
                // fc00::/7 unique local, fe80::/10 link-local.
                || (segments[0] & 0xfe00) == 0xfc00
                || (segments[0] & 0xffc0) == 0xfe80
                // 64:ff9b::/96 NAT64 and 2001:db8::/32 documentation.
                || (segments[0] == 0x64 && segments[1] == 0xff9b)
                || (segments[0] == 0x2001 && segments[1] == 0xdb8)
                // ::/96, the deprecated IPv4-compatible addresses.
                || segments[..6].iter().all(|&segment| segment == 0)
        }
    }
}

#[cfg(feature = "url")]
fn is_private_v4(ip: Ipv4Addr) -> bool {
    let [first, second, third, _] = ip.octets();
    ip.is_private()
        || ip.is_loopback()
        || ip.is_link_local()
        || ip.is_unspecified()
        || ip.is_broadcast()
        || ip.is_multicast()
        || ip.is_documentation()
        || first == 0
        // 100.64.0.0/10 carrier-grade NAT, 198.18.0.0/15 benchmarking, 192.0.0.0/24 protocol
        // assignments, 240.0.0.0/4 reserved.
        || (first == 100 && (64..128).contains(&second))
        || (first == 198 && (second == 18 || second == 19))
        || (first == 192 && second == 0 && third == 0)
        || first >= 240
}

#[cfg(feature = "url")]
/// Why a URL may not be fetched before any connection is made: not http(s), or an IP literal
/// host that `guard` refuses. The URL parser has already turned the other ways of writing an
/// IPv4 address (`2130706433`, `0177.0.0.1`, `0x7f.1`, `127.1`) into dotted form.
fn refusal(url: &reqwest::Url, guard: Option<Guard>) -> Option<String> {
    if !matches!(url.scheme(), "http" | "https") {
        return Some(format!("{} addresses are not fetched", url.scheme()));
    }
    let Some(host) = url.host_str() else {
        return Some("the address has no host".to_string());
    };
    // An IPv6 literal comes bracketed; a name does not parse as an address and is checked
    // after resolution instead.
    let host = host.trim_start_matches('[').trim_end_matches(']');
    let Ok(ip) = host.parse::<IpAddr>() else {
        return None;
    };
    let guard = guard?;
    (guard.refuses)(ip).then(|| private_reason(ip))
}

#[cfg(feature = "url")]
fn private_reason(ip: IpAddr) -> String {
    format!(
        "refused to fetch from the private address {ip} (pass --allow-private-urls to allow it)"
    )
}

#[cfg(feature = "url")]
/// What keeps a fetch away from private addresses: how names are resolved and which addresses
/// are refused. Outside tests it is [`Guard::PUBLIC_ONLY`]; tests swap in a table of names and
/// a rule that lets one loopback address stand for a public server.
#[derive(Debug, Clone, Copy)]
struct Guard {
    /// Resolves a host name to its addresses (the port is set from the URL afterwards).
    lookup: fn(&str) -> std::io::Result<Vec<SocketAddr>>,
    /// Whether a request to the address is refused.
    refuses: fn(IpAddr) -> bool,
}

#[cfg(feature = "url")]
impl Guard {
    /// The system resolver, and [`is_private`] addresses refused.
    const PUBLIC_ONLY: Guard = Guard {
        lookup: system_lookup,
        refuses: is_private,
    };
}

#[cfg(feature = "url")]
fn system_lookup(host: &str) -> std::io::Result<Vec<SocketAddr>> {
    Ok((host, 0).to_socket_addrs()?.collect())
}

#[cfg(feature = "url")]
/// The resolver the HTTP client uses for the first request and every redirect: the guard's
/// lookup with refused addresses dropped from the answer, failing when none is left. The client
/// connects to the addresses this returns and resolves nothing itself, so the address checked
/// is the address connected to: a name cannot answer a public address to the check and a
/// private one to the connection (DNS rebinding).
#[derive(Debug)]
struct Checked(Guard);

#[cfg(feature = "url")]
impl reqwest::dns::Resolve for Checked {
    fn resolve(&self, name: reqwest::dns::Name) -> reqwest::dns::Resolving {
        let host = name.as_str().to_string();
        let guard = self.0;
        Box::pin(async move {
            // The standard resolver blocks; the client runs resolution off its event loop,
            // and a fetch is one input at a time, so a blocking call here is acceptable.
            let found = (guard.lookup)(&host)
                .map_err(|error| -> Box<dyn std::error::Error + Send + Sync> { Box::new(error) })?;
            let public: Vec<SocketAddr> = found
                .iter()
                .copied()
                .filter(|address| !(guard.refuses)(address.ip()))
                .collect();
            match (public.is_empty(), found.first()) {
                (false, _) => Ok(Box::new(public.into_iter()) as reqwest::dns::Addrs),
                (true, Some(first)) => Err(private_reason(first.ip()).into()),
                (true, None) => Err(format!("{host} has no address").into()),
            }
        })
    }
}

#[cfg(feature = "url")]
/// A fetched page: its body and the address that answered, after redirects.
#[derive(Debug)]
pub(crate) struct Fetched {
    pub(crate) bytes: Vec<u8>,
    pub(crate) url: String,
}

#[cfg(feature = "url")]
/// Fetches `url` within the limits of `config`: the body as bytes, at most
/// [`ReadConfig::max_input_bytes`] of them, and the final address.
///
/// Errors with [`Error::Fetch`] naming the URL: a refused address, a timeout, too many
/// redirects, an HTTP status other than success, a body over the cap.
pub(crate) fn fetch(url: &str, config: &ReadConfig) -> Result<Fetched, Error> {
    let guard = (!config.allow_private_urls).then_some(Guard::PUBLIC_ONLY);
    fetch_guarded(url, config, guard)
}

#[cfg(feature = "url")]
/// [`fetch`] with `guard` checking every address, or nothing checked when it is `None`.
fn fetch_guarded(url: &str, config: &ReadConfig, guard: Option<Guard>) -> Result<Fetched, Error> {
    use std::io::Read;
    let fail = |reason: String| Error::Fetch {
        input: url.to_string(),
        reason,
    };
    let parsed =
        reqwest::Url::parse(url).map_err(|error| fail(format!("not a valid address: {error}")))?;
    if let Some(reason) = refusal(&parsed, guard) {
        return Err(fail(reason));
    }
    let max_redirects = config.max_redirects;
    let policy = reqwest::redirect::Policy::custom(move |attempt| {
        if attempt.previous().len() > max_redirects {
            return attempt.error(format!("more than {max_redirects} redirects"));
        }
        match refusal(attempt.url(), guard) {
            Some(reason) => attempt.error(reason),
            None => attempt.follow(),
        }
    });
    // reqwest is built without a TLS crypto provider of its own (the default one compiles
    // aws-lc from C, minutes on two cores); ring is installed as the process default. An error
    // means a provider is already installed, which serves as well.
    let _ = rustls::crypto::ring::default_provider().install_default();
    let mut builder = reqwest::blocking::Client::builder()
        .timeout(config.fetch_timeout)
        .connect_timeout(config.fetch_timeout)
        .redirect(policy)
        // A proxy would resolve names itself, out of reach of the address check.
        .no_proxy()
        .user_agent(concat!("parallax/", env!("CARGO_PKG_VERSION")));
    if let Some(guard) = guard {
        builder = builder.dns_resolver(std::sync::Arc::new(Checked(guard)));
    }
    let client = builder
        .build()
        .map_err(|error| fail(format!("cannot start the HTTP client: {}", chain(&error))))?;
    let response = client
        .get(parsed)
        .send()
        .map_err(|error| fail(chain(&error)))?;
    let status = response.status();
    if !status.is_success() {
        return Err(fail(format!("the server answered {status}")));
    }
    let final_url = response.url().to_string();
    let limit = config.max_input_bytes;
    if response
        .content_length()
        .is_some_and(|length| length > limit)
    {
        return Err(Error::TooLarge {
            input: url.to_string(),
            limit,
        });
    }
    let mut bytes = Vec::new();
    response
        .take(limit.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|error| fail(format!("reading the response: {error}")))?;
    if bytes.len() as u64 > limit {
        return Err(Error::TooLarge {
            input: url.to_string(),
            limit,
        });
    }
    Ok(Fetched {
        bytes,
        url: final_url,
    })
}

#[cfg(feature = "url")]
/// An error with its causes, which is where reqwest says what really went wrong.
fn chain(error: &(dyn std::error::Error + 'static)) -> String {
    let mut message = error.to_string();
    let mut source = error.source();
    while let Some(cause) = source {
        let cause_message = cause.to_string();
        if !message.contains(&cause_message) {
            message.push_str(": ");
            message.push_str(&cause_message);
        }
        source = cause.source();
    }
    crate::error::lowercase_reason(&message)
}

#[cfg(all(test, feature = "url"))]
mod tests {
    use super::*;
    use std::io::{Read, Write};
    use std::net::TcpListener;
    use std::time::Duration;

    fn check_private(ip: &str, expected: bool) {
        let ip: IpAddr = ip.parse().expect("a test address");
        assert_eq!(is_private(ip), expected, "{ip}");
    }

    #[test]
    fn private_addresses() {
        for ip in [
            "127.0.0.1",
            "10.1.2.3",
            "172.16.0.1",
            "192.168.1.1",
            "169.254.169.254",
            "100.64.0.1",
            "0.0.0.0",
            "255.255.255.255",
            "::1",
            "::",
            "fd00::1",
            "fe80::1",
            "::ffff:127.0.0.1",
            "::ffff:169.254.169.254",
            "64:ff9b::a9fe:a9fe",
            "::7f00:1",
        ] {
            check_private(ip, true);
        }
        for ip in ["93.184.216.34", "1.1.1.1", "2606:4700:4700::1111"] {
            check_private(ip, false);
        }
    }

    #[test]
    fn recognises_urls() {
        assert!(is_url("https://courier.example/truce"));
        assert!(is_url("HTTP://courier.example"));
        assert!(!is_url("courier.example/truce.html"));
        assert!(!is_url("ftp://courier.example/file"));
    }

    fn config(allow_private: bool) -> ReadConfig {
        ReadConfig {
            allow_private_urls: allow_private,
            fetch_timeout: Duration::from_secs(5),
            ..ReadConfig::new()
        }
    }

    /// Serves each of `responses` to one connection on a loopback port; returns the base URL.
    fn serve(responses: Vec<String>) -> String {
        serve_on(
            TcpListener::bind("127.0.0.1:0").expect("a loopback port"),
            responses,
        )
    }

    /// Serves each of `responses` to one connection on `listener`; returns the base URL.
    fn serve_on(listener: TcpListener, responses: Vec<String>) -> String {
        let address = listener.local_addr().expect("a bound address");
        std::thread::spawn(move || {
            for response in responses {
                let Ok((mut stream, _)) = listener.accept() else {
                    return;
                };
                let mut request = [0_u8; 4096];
                let _ = stream.read(&mut request);
                let _ = stream.write_all(response.as_bytes());
            }
        });
        format!("http://{address}")
    }

    fn ok(body: &str) -> String {
        format!(
            "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
            body.len()
        )
    }

    fn check_error(url: &str, config: &ReadConfig, expected: &str) {
        let error = fetch(url, config).expect_err("the fetch fails");
        assert_eq!(error.input(), url);
        let message = error.to_string();
        assert!(
            message.contains(expected),
            "{message:?} does not contain {expected:?}"
        );
    }

    #[test]
    fn loopback_is_refused_unless_allowed() {
        let base = serve(vec![ok("<p>Truce extended.</p>")]);
        check_error(
            &base,
            &config(false),
            "refused to fetch from the private address 127.0.0.1",
        );
        let fetched = fetch(&base, &config(true)).expect("allowed");
        assert_eq!(fetched.bytes, b"<p>Truce extended.</p>");
    }

    #[test]
    fn names_resolving_to_loopback_are_refused() {
        check_error(
            "http://localhost:9/",
            &config(false),
            "refused to fetch from the private address",
        );
    }

    #[test]
    fn redirects_are_checked_and_bounded() {
        let target = serve(vec![ok("<p>Truce extended.</p>")]);
        let redirect = |location: &str| {
            format!(
                "HTTP/1.1 302 Found\r\nLocation: {location}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
            )
        };
        let base = serve(vec![redirect(&target)]);
        let fetched = fetch(&base, &config(true)).expect("one redirect");
        assert_eq!(fetched.bytes, b"<p>Truce extended.</p>");
        assert_eq!(fetched.url, format!("{target}/"));
        let looping = serve(vec![redirect("/a"), redirect("/b"), redirect("/c")]);
        let few_redirects = ReadConfig {
            max_redirects: 1,
            ..config(true)
        };
        check_error(&looping, &few_redirects, "more than 1 redirects");
    }

    #[test]
    fn redirect_targets_are_checked_like_the_first_address() {
        let check_refusal = |url: &str, allow_private: bool, expected: Option<&str>| {
            let url = reqwest::Url::parse(url).expect("a test address");
            let guard = (!allow_private).then_some(Guard::PUBLIC_ONLY);
            assert_eq!(refusal(&url, guard).as_deref(), expected, "{url}");
        };
        check_refusal(
            "http://169.254.169.254/latest/meta-data/",
            false,
            Some(
                "refused to fetch from the private address 169.254.169.254 (pass --allow-private-urls to allow it)",
            ),
        );
        check_refusal("http://169.254.169.254/", true, None);
        check_refusal(
            "http://[fd00::1]:8080/",
            false,
            Some(
                "refused to fetch from the private address fd00::1 (pass --allow-private-urls to allow it)",
            ),
        );
        check_refusal("https://courier.example/truce", false, None);
        check_refusal(
            "file:///etc/passwd",
            true,
            Some("file addresses are not fetched"),
        );
    }

    #[test]
    fn errors_and_caps() {
        let not_found = serve(vec![
            "HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n".to_string(),
        ]);
        check_error(
            &not_found,
            &config(true),
            "the server answered 404 Not Found",
        );
        let big = serve(vec![ok(&"a".repeat(5000))]);
        let small = ReadConfig {
            max_input_bytes: 1000,
            ..config(true)
        };
        check_error(&big, &small, "larger than the limit of 1000 bytes");
        check_error("https://", &config(false), "not a valid address");
        check_error("http://[::1]/", &config(false), "private address ::1");
    }

    /// The loopback address that stands for a public server in the tests below: their guard
    /// refuses every private address but this one, so the first hop can reach a local server
    /// while every other private address stays refused, as in a real fetch.
    const STAND_IN: Ipv4Addr = Ipv4Addr::new(127, 0, 0, 2);

    /// Test names and what they resolve to; the port comes from the URL.
    fn table_lookup(host: &str) -> std::io::Result<Vec<SocketAddr>> {
        let ips: Vec<IpAddr> = match host {
            "news.test" => vec![STAND_IN.into()],
            "intranet.test" => vec![Ipv4Addr::LOCALHOST.into()],
            "metadata.test" => vec![Ipv4Addr::new(169, 254, 169, 254).into()],
            "v6-loopback.test" => vec![std::net::Ipv6Addr::LOCALHOST.into()],
            // A name answering a private and a public address: the client may connect only to
            // the public one.
            "rebind.test" => vec![Ipv4Addr::LOCALHOST.into(), STAND_IN.into()],
            _ => return Err(std::io::Error::other(format!("{host} is not in the table"))),
        };
        Ok(ips.into_iter().map(|ip| SocketAddr::new(ip, 0)).collect())
    }

    const TEST_GUARD: Guard = Guard {
        lookup: table_lookup,
        refuses: |ip| ip != IpAddr::V4(STAND_IN) && is_private(ip),
    };

    /// A listener on `ip` and `port` (0: any), or `None` when the port is taken there.
    fn listen(ip: Ipv4Addr, port: u16) -> Option<TcpListener> {
        TcpListener::bind(SocketAddr::new(ip.into(), port)).ok()
    }

    /// A loopback listener that answers nothing: any connection it receives is a failure.
    fn trap_on(port: u16) -> Option<TcpListener> {
        let trap = listen(Ipv4Addr::LOCALHOST, port)?;
        trap.set_nonblocking(true).expect("a non-blocking listener");
        Some(trap)
    }

    fn assert_untouched(trap: &TcpListener) {
        // The kernel completes a connection before it is accepted, so one that was made waits
        // in the backlog.
        let accepted = trap.accept();
        assert!(
            matches!(&accepted, Err(error) if error.kind() == std::io::ErrorKind::WouldBlock),
            "the private server was connected to: {accepted:?}"
        );
    }

    #[test]
    fn redirects_to_private_addresses_are_refused() {
        let trap = trap_on(0).expect("a loopback port");
        let port = trap.local_addr().expect("a bound address").port();
        let stand_in = |responses: Vec<String>| {
            let listener = listen(STAND_IN, 0).expect("a port on 127.0.0.2");
            let port = listener.local_addr().expect("a bound address").port();
            serve_on(listener, responses);
            format!("http://news.test:{port}/")
        };
        // The stand-in itself is fetched, through the test resolver and the guard.
        let fetched = fetch_guarded(
            &stand_in(vec![ok("<p>Truce extended.</p>")]),
            &config(false),
            Some(TEST_GUARD),
        )
        .expect("the stand-in is public for the test guard");
        assert_eq!(fetched.bytes, b"<p>Truce extended.</p>");

        for (location, refused) in [
            (format!("http://127.0.0.1:{port}/"), "127.0.0.1"),
            ("http://10.0.0.1/".to_string(), "10.0.0.1"),
            (
                "http://169.254.169.254/latest/meta-data/".to_string(),
                "169.254.169.254",
            ),
            (format!("http://[::1]:{port}/"), "::1"),
            (
                format!("http://[::ffff:127.0.0.1]:{port}/"),
                "::ffff:127.0.0.1",
            ),
            (
                format!("http://[::ffff:a9fe:a9fe]:{port}/"),
                "::ffff:169.254.169.254",
            ),
            // Decimal, octal, hexadecimal and short forms of 127.0.0.1.
            (format!("http://2130706433:{port}/"), "127.0.0.1"),
            (format!("http://0177.0.0.1:{port}/"), "127.0.0.1"),
            (format!("http://0x7f.0.0.1:{port}/"), "127.0.0.1"),
            (format!("http://127.1:{port}/"), "127.0.0.1"),
            // Names that resolve to private addresses, refused after resolution.
            (format!("http://intranet.test:{port}/"), "127.0.0.1"),
            (
                "http://metadata.test/latest/".to_string(),
                "169.254.169.254",
            ),
            (format!("http://v6-loopback.test:{port}/"), "::1"),
        ] {
            let redirect = format!(
                "HTTP/1.1 302 Found\r\nLocation: {location}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
            );
            let url = stand_in(vec![redirect]);
            let error = fetch_guarded(&url, &config(false), Some(TEST_GUARD))
                .expect_err("a redirect to a private address is refused");
            let message = error.to_string();
            assert!(
                message.contains(&format!(
                    "refused to fetch from the private address {refused}"
                )),
                "{location}: {message}"
            );
        }
        assert_untouched(&trap);
    }

    #[test]
    fn names_connect_only_to_the_addresses_checked() {
        // The stand-in and the trap share a port on two loopback addresses, so a client that
        // checked the answer but connected to its first address would reach the trap.
        let Some((listener, trap)) = (0..20).find_map(|_| {
            let listener = listen(STAND_IN, 0)?;
            let port = listener.local_addr().ok()?.port();
            Some((listener, trap_on(port)?))
        }) else {
            panic!("no port free on both 127.0.0.1 and 127.0.0.2");
        };
        let port = trap.local_addr().expect("a bound address").port();
        serve_on(listener, vec![ok("<p>Public page.</p>")]);
        let fetched = fetch_guarded(
            &format!("http://rebind.test:{port}/"),
            &config(false),
            Some(TEST_GUARD),
        )
        .expect("the public address is fetched");
        assert_eq!(fetched.bytes, b"<p>Public page.</p>");
        assert_untouched(&trap);
    }

    #[test]
    fn bodies_without_a_length_are_cut_at_the_cap() {
        // No Content-Length: the cap is applied while reading, not from the header.
        let unbounded = serve(vec![format!(
            "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nConnection: close\r\n\r\n{}",
            "a".repeat(5000)
        )]);
        let small = ReadConfig {
            max_input_bytes: 1000,
            ..config(true)
        };
        check_error(&unbounded, &small, "larger than the limit of 1000 bytes");
    }
}
